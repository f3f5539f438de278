"""Time expressions in a sentence's text: dates, months, years, periods and relative times.

Which time a figure holds for is decided in ``normalize``; here each expression is found and
marked when it names a comparison's baseline ("from the previous year") or the start of a period
("since 2022").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..lexicon import CLOCK_TIME, FULL_MONTHS_PATTERN, MONTHS_PATTERN, WEEKDAYS_PATTERN
from ..model import FigureMention, TimeMention
from .figures import IDENTIFIER_BEFORE, left_of, right_of

_TIME = re.compile(
    # Only where a word starts: a match right after a letter or digit is refused below anyway.
    rf"""(?<!\w)(?P<expr>
      (?:(?:early|mid|late)-?\s?)?(?:the\s+)?(?:(?:early|mid|late)-)?(?:1[89]|20)\d0s
    | (?:the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+of\s+(?:1[89]|20)\d\d
    | (?:the\s+)?(?:first|second)\s+half\s+of\s+(?:1[89]|20)\d\d
    | (?:early|mid|late)-?\s?(?:1[89]|20)\d\d
    | (?:{MONTHS_PATTERN})\.?\s+\d{{1,2}},?\s+(?:1[89]|20)\d\d
    | \d{{1,2}}\s+(?:{MONTHS_PATTERN})\.?,?\s+(?:1[89]|20)\d\d
    | (?:{MONTHS_PATTERN})\.?\s+(?:1[89]|20)\d\d
    | (?:{MONTHS_PATTERN})\.?\s+\d{{1,2}}\b
    | (?:(?:the\s+)?(?:first|second|third|fourth|last)\s+(?:week|weeks|half|days)\s+of\s+|(?:early|mid|late)[-\s])?
      (?<=\s|-)(?-i:{FULL_MONTHS_PATTERN})\b(?!\.?\s*\d)
    | (?:from\s+)?(?:1[89]|20)\d\d\s+(?:to|through|until)\s+(?:1[89]|20)\d\d\b
    | between\s+(?:1[89]|20)\d\d\s+and\s+(?:1[89]|20)\d\d\b
    | (?:1[89]|20)\d\d\s?[-–/]\s?(?:(?:1[89]|20)\d\d|\d\d)\b
    | (?:1[89]|20)\d\d(?:1[89]|20)\d\d
    | (?:1[89]|20)\d\d\d\d(?!\d)
    | (?:1[89]|20)\d\d
    | (?:last|this|next|the\s+previous|the\s+following|the\s+past|the\s+current)\s+(?:year|month|week|quarter|decade)\b
    | (?:last|this|next|this\s+past)\s+(?:spring|summer|autumn|fall|winter)\b
    | (?:over\s+the|this|last|the\s+past|this\s+past)\s+weekend\b
    | (?:the\s+)?(?:spring|summer|autumn|fall|winter)\s+of\s+(?:1[89]|20)\d\d
    | a\s+year\s+(?:earlier|ago|before|later|after)
    | (?:yesterday|today|tonight|last\s+night|this\s+(?:morning|afternoon|evening)|currently|current|at\s+present
       |recently|in\s+recent\s+(?:days|weeks|months|trading|sessions))
    | year[-\s]to[-\s]date | so\s+far\s+this\s+year | \bnow\b
    | (?:the\s+)?(?:first|second|third|fourth)\s+quarter\b(?!\s+of\b)
    | (?:in|since|by|until|through|last|this|next)\s+(?-i:May)\b(?!\.?\s*\d)
    | (?:this\s+)?past\s+(?-i:{FULL_MONTHS_PATTERN})\b(?!\.?\s*\d)
    | last\s+(?-i:{FULL_MONTHS_PATTERN})\b(?!\.?\s*\d)
    | (?:on\s+)?(?:{WEEKDAYS_PATTERN})
    | {CLOCK_TIME.pattern}
    )""",
    re.I | re.X,
)
_BASELINE_BEFORE = re.compile(
    r"(?:\bcompared\s+(?:to|with)|\bthan(?:\s+in)?|\bversus|\bvs\.?|\bbelow|\babove)\s+(?:(?:the|its|their)\s+)?$", re.I)
_CHANGE_BASELINE = re.compile(r"(?:\bfrom|\bover)\s+(?:the\s+)?$", re.I)
_CHANGE = re.compile(r"\b(?:ris|rose|increas|grew|grow|fell|fall|drop|jump|surg|declin|doubl|tripl|times|fold|up|down)\w*", re.I)


#: Words one of which every time expression above holds (a digit, a month, "day", "year", "now",
#: "current" ...): most sentences without any are passed over without running ``_TIME``.
_ANCHORS = re.compile(r"\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|day|year|month|week|quarter|decade|"
                      r"now|current|recent|present|spring|summer|autumn|fall|winter|night|morning|afternoon|evening",
                      re.I)


def find_times(text: str, offset: int = 0, figures: Iterable[FigureMention] = ()) -> list[TimeMention]:
    """Time expressions in ``text``; those that name a comparison's baseline are marked.

    >>> [(t.text, t.baseline) for t in find_times("rose 12 times in 2024 from the previous year")]
    [('2024', False), ('the previous year', True)]
    """
    if not _ANCHORS.search(text):
        return []
    taken = [(f.start - offset, f.end - offset) for f in figures]
    out = []
    changes = None  # whether the sentence speaks of a change; looked up once, when first needed
    for m in _TIME.finditer(text):
        s, e = m.start(), m.end()
        if any(a < e and s < b for a, b in taken):
            continue
        left, right = left_of(text, s), right_of(text, e)
        if re.search(r"[\w$€£-]$", left) and not re.search(r"(?:mid|early|late)-$", left, re.I):
            continue
        if re.match(r"^[\w%]|^,\d|^-(?!\d)", right) and not re.match(r"^s\b", right):
            continue
        if m.group("expr")[:1].isdigit() and IDENTIFIER_BEFORE.search(left):
            continue  # "Highway 2019", "Section 2021": a number that names; not "the highway on Tuesday"
        expr = m.group("expr")
        if expr.lower() == "now" and re.search(r"\b(?:was|were|had|did)\s+$", left, re.I):
            continue  # "most were now employed": the narrative's now, not the day of writing
        baseline = bool(_BASELINE_BEFORE.search(left))
        if not baseline and _CHANGE_BASELINE.search(left):
            if changes is None:
                changes = bool(_CHANGE.search(text))
            baseline = changes
        since = bool(re.search(r"\bsince\s+$", left, re.I))
        out.append(TimeMention(expr, offset + s, offset + e, baseline=baseline, since=since))
    return out

