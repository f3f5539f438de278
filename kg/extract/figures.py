"""Figures in a sentence's text: numbers in any written form, their hedges, units and ranges.

Regular expressions here run on scraped text, so none can backtrack: each reads a bounded window
of ``CONTEXT`` characters around a match, and their alternatives are disjoint.
"""

from __future__ import annotations

import re

from ..currencies import after_pattern, before_pattern
from ..lexicon import (
    EMERGENCY_NUMBERS,
    FRACTION_PATTERN,
    HEDGES_AFTER,
    IDENTIFIER_WORDS,
    IRREGULAR_PLURALS,
    MONTHS_PATTERN,
    NAMED_OCCASIONS,
    QUALIFIERS,
    SCALE_PATTERN,
    TALLY_FOLLOWERS,
    TALLY_WORDS,
    TEENS_WORD_PATTERN,
    TENS_WORD_PATTERN,
    TIME_DETERMINERS,
    TIME_UNITS,
    UNITS_WORD_PATTERN,
    VAGUE_PATTERN,
)
from ..model import FigureMention
from ..shares import SHARE, share_of
from ..units import physical_unit, unit_kind

_WORD_NUMBER = (
    rf"(?:{TENS_WORD_PATTERN})(?:-(?:{UNITS_WORD_PATTERN}))?|{TEENS_WORD_PATTERN}|three|four|five|six|seven|"
    r"eight|nine|two|(?:one|a)(?=\s+(?:hundred|thousand|million|billion|trillion)\b)"
)
_VAGUE = VAGUE_PATTERN
_FRACTION = FRACTION_PATTERN
_SCALE = SCALE_PATTERN
_CURRENCY = before_pattern()
_MONTHS = MONTHS_PATTERN

# One figure atom: an optional currency sign, a number (digits, words or a fraction) and a scale.
# Without a currency sign it starts where a word starts (after a letter or digit ``_atom_ok``
# refuses it anyway), so most places in a sentence are passed over at once.
_ATOM = re.compile(
    rf"""(?:(?P<cur>{_CURRENCY})|(?<!\w))
        (?:(?P<num>\d+(?:,\d+)*(?:\.\d+)?)(?:[-\u00a0\ ](?P<mixed>[1-9]/[1-9]\d?)(?![\d/]))?
          |(?P<vague>{_VAGUE})\b|(?P<frac>{_FRACTION})\b|(?P<word>{_WORD_NUMBER})\b|(?P<one>an?)(?=\s+[A-Za-z]))
        (?:[ \u00a0](?P<scale>{_SCALE})\b|(?P<tight>bn|tn|mn|m|k)\b)?""",
    re.I | re.X,
)
# Words after a figure that give its unit.
_AFTER_UNIT = re.compile(
    rf"""^(?:(?P<pct>\s?%|\s?percent\b|\s?per\s?cent\b|\s?pc\b|\s?percentage\s+points?\b)
        |(?P<fold>-?\s?fold\b)
        |(?P<times>\s+times\b)
        |\s+(?P<curword>{after_pattern()})\b)""",
    re.I | re.X,
)
# What joins the two ends of a range; the first end may repeat the unit ("3% to 4%").
_RANGE_JOIN = re.compile(r"^(?:\s?%|\s?percent)?\s*(?:to|-|–|—|and|or|-to-)\s*$", re.I)
# Two ends each with its unit: "20 minutes to an hour", "six to eight feet" is the plain join.
_UNIT_GLUE = re.compile(r"^\s+(?P<unit>[A-Za-z]+)\s+(?:to|-|–|or)\s+$", re.I)
_RELATIVE_TIME = re.compile(r"^\s+(?:ago|earlier|later|before|after|since|from\s+now)\b", re.I)
_UNIT_AFTER = re.compile(r"^[\s-]+(?P<unit>(?:(?:square|cubic|nautical)[\s-])?[A-Za-z]+)")
#: The hedges of ``lexicon.QUALIFIERS`` that come before a figure, and "between" of a range, as
#: whole words ending the text before it ("nearly 8,000"; not "turnover 500" or "stopped 5").
_HEDGE_BEFORE = re.compile(
    r"(?<![\w-])(?P<hedge>"
    + "|".join(h.replace(" ", r"\s+") for _, hedges in QUALIFIERS for h in hedges.split("|") if h not in HEDGES_AFTER)
    + r"|between)\s+(?:(?:the|a|an)\s+)?$",
    re.I,
)
_HEDGE_AFTER = re.compile(r"^(?:\s+or\s+(?:more|so|less|fewer)\b|-plus\b|\s+plus\b)", re.I)
IDENTIFIER_BEFORE = re.compile(rf"(?:\b(?:{IDENTIFIER_WORDS})\.?|#|№)\s*$", re.I)
_OCCASION_AFTER = re.compile(rf"^\s*(?:[A-Z][a-z]+\s+){{0,3}}(?:{NAMED_OCCASIONS})\b")
_LINE_AFTER = re.compile(r"^\s*(?:calls?|call-|dispatch\w*|operators?|lines?|cent(?:er|re)s?|system|service)\b", re.I)
_DIAL_BEFORE = re.compile(r"\b(?:dial(?:s|l?ed|l?ing)?|call(?:s|ed|ing)?)\s+$", re.I)
_ORDINAL_AFTER = re.compile(
    r"^\s+(?!(?:of|more|less|fewer|as|or|and|to|in|on|at|for|from|the|was|were|is|are|has|had|have|will|would|"
    r"could|can|may|might|said|says|that|which|who|than|what|this|these|those|its|their|his|her|our)\b)[A-Za-z]", re.I)
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s*$", re.I)
_MONTH_AFTER = re.compile(rf"^\s*(?:{_MONTHS})\b", re.I)
_COMPOUND_AFTER = re.compile(r"^-(?!fold\b|percent\b|to-\d)[A-Za-z]", re.I)
_YEAR = re.compile(r"^(?:1[89]\d\d|20\d\d)$")
_PERCENT_AFTER = re.compile(r"^\s?(?:%|percent\b|pc\b)", re.I)
_TALLY_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(TALLY_WORDS)) + r")\b(?:\s+\S+){0,3}\s+$", re.I)
_COUNTED_AFTER = re.compile(r"^(?:\s+(?:[a-z]{2,}s|" + "|".join(sorted(IRREGULAR_PLURALS))
                            + r")\b|\s*(?:to|and|or|[-–])\s*[$€£]?\d)")
_TALLY_AFTER = re.compile(r"^\s*(?:[^\w\s]|$|(?:" + "|".join(sorted(TALLY_FOLLOWERS)) + r")\b)", re.I)
_PERIOD_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(TIME_DETERMINERS)) + r"|first)\s+$", re.I)
_PERIOD_AFTER = re.compile(r"^\s+(?:" + "|".join(f"{u}s?" for u in sorted(TIME_UNITS)) + r"|centuries)\b", re.I)
_CLOCK_AFTER = re.compile(r"^\s?(?:[ap]\.\s?m\.|[ap]m\b)", re.I)
# Words before a bare four-digit number that make an earlier year of it ("since 1796").
_YEAR_BEFORE = re.compile(r"\b(?:since|in|from|until|till|before|after|by|of|around|circa)\s+$", re.I)
#: A determiner and a name right before a number that a word follows ("the Falcon 9 rocket", "a
#: Boeing 737 jet", "its Model 3 sedan"): the number is part of the name.
_NAMED_BEFORE = re.compile(r"\b(?i:the|a|an|its|their|his|her|our|this|that)\s[A-Z][a-z]{1,20}\s$")


#: Characters of context the rules around a figure or a time read on either side: enough for
#: any hedge, unit or label, and a bound that keeps a long sentence's work linear in its length.
CONTEXT = 120


def left_of(text: str, i: int) -> str:
    """The ``CONTEXT`` characters before ``i``."""
    return text[max(0, i - CONTEXT) : i]


def right_of(text: str, i: int) -> str:
    """The ``CONTEXT`` characters from ``i``."""
    return text[i : i + CONTEXT]


def _is_year(num: str) -> bool:
    return bool(_YEAR.match(num))


def _tally(text: str, first: re.Match[str], glue: str, second: re.Match[str]) -> bool:
    """Two whole numbers joined by a hyphen, the larger first, a score or a vote ("3-1", "5-4"),
    where a range goes up ("3-5"); or joined by a hyphen or "to" after a word of voting or scoring
    ("by a vote of 67 to 31", "lost the vote 49-51"), with no unit after them."""
    a, b = first.group("num"), second.group("num")
    if not (a and b and a.isdigit() and b.isdigit()) or first.group("scale") or first.group("cur") or second.group("cur"):
        return False
    if glue in ("-", "–") and int(a) > int(b):
        return True
    counted = not _TALLY_AFTER.match(right_of(text, second.end())) or second.group("scale")  # "30 to 40 votes"
    return glue.strip().lower() in ("-", "–", "to") and not counted and bool(_TALLY_BEFORE.search(
        left_of(text, first.start())))


def find_figures(text: str, offset: int = 0) -> list[FigureMention]:
    """Figures in ``text`` (a sentence), with offsets shifted by ``offset``.

    >>> [(f.surface, f.hedge, f.unit_text) for f in find_figures("about 15,000 workers and over 90% of pay")]
    [('about 15,000', 'about', None), ('over 90%', 'over', '%')]
    >>> [f.surface for f in find_figures("In 2024, on May 5, at 2:36 PM, Resolution 2397 and COVID-19")]
    []
    """
    shares = [m for m in SHARE.finditer(text) if share_of(m) is not None]
    atoms: list[tuple[int, int, re.Match[str]]] = []
    for m in _ATOM.finditer(text):
        start, end = m.start(), m.end()
        if not _atom_ok(text, m) or any(s.start() <= start < s.end() for s in shares):
            continue
        atoms.append((start, end, m))
    # Join ranges: "between A and B", "A to B", "A-B", "A–B".
    joined: list[tuple[int, int, str | None, re.Match[str]]] = []
    i = 0
    while i < len(atoms):
        start, end, m = atoms[i]
        if i + 1 < len(atoms):
            n_start, n_end, n = atoms[i + 1]
            glue = text[end:n_start]
            before = left_of(text, start)
            kinds_match = bool(m.group("num")) == bool(n.group("num"))
            # A unit repeated after the first end must come after the second too ("3% to 4%", not
            # "3.5 percent to $27.2 billion").
            same_unit = not _PERCENT_AFTER.match(glue) or (
                not n.group("cur") and bool(_PERCENT_AFTER.match(right_of(text, n_end))))
            from_ = re.search(r"\bfrom\s+\S*$", before, re.I)
            if _tally(text, m, glue, n):
                i += 2  # "beat them 3-1", "ruled 5-4": a score, neither a range nor two counts
                continue
            scales = [(x.group("scale") or x.group("tight") or "").lower() for x in (m, n)]
            # "gave Rs 500 crore to 3 lakh farmers": an amount, then a count on another scale
            other_scale = bool(m.group("cur")) and not n.group("cur") and scales[1] != "" and scales[0] != scales[1]
            if (_RANGE_JOIN.match(glue) and kinds_match and same_unit and not from_ and not n.group("one")
                    and not other_scale):
                between = re.search(r"\bbetween\s+(?:\S+\s+)?$", before, re.I)
                word = glue.strip().lower()
                alternative = word == "or" and bool(m.group("cur")) == bool(n.group("cur"))
                if (word not in ("and", "or") or between) or alternative:
                    joined.append((start, n_end, "range", m))
                    i += 2
                    continue
            across = _UNIT_GLUE.match(glue)
            if across and not from_ and unit_kind(across.group("unit")):
                second = _UNIT_AFTER.match(right_of(text, n_end))
                if second and unit_kind(second.group("unit")):
                    joined.append((start, n_end + second.end(), "units", m))  # "20 minutes to an hour"
                    i += 2
                    continue
        joined.append((start, end, None, m))
        i += 1
    joined = sorted([*joined, *((s.start(), s.end(), "share", s) for s in shares)], key=lambda j: j[0])
    figures = []
    for start, end, kind, atom in joined:
        after = right_of(text, end)
        unit_text = None
        u = _AFTER_UNIT.match(after)
        own = _UNIT_AFTER.match(after) if kind is None and (atom.group("one") or _compound_unit(after)) else None
        if own is not None:  # "up to a metre", "a 200-square-kilometre area"
            unit_text = own.group("unit").replace("-", " ")
            end += own.end()
        elif u and not (u.group("times") and not _times_is_ratio(text, end + u.end())):
            unit_text = u.group().strip()
            end += u.end()
        elif u and u.group("times"):
            unit_text = "occurrence"
            end += u.end()
        h_after = _HEDGE_AFTER.match(right_of(text, end))
        hedge = None
        window = max(0, start - CONTEXT)  # where left_of(text, start) begins
        hb = _HEDGE_BEFORE.search(left_of(text, start))
        if hb and hb.group("hedge").lower() != "between":
            hedge = " ".join(hb.group("hedge").lower().split())
            # The surface keeps adverbial hedges ("about 15,000"), not verbs ("exceed $1 billion").
            if not re.match(r"exceed|top|surpass", hedge):
                start = window + hb.start()
        if kind == "range" and hb and hb.group("hedge").lower() == "between":
            start = window + hb.start()
        if h_after:
            hedge = (hedge + " " if hedge else "") + h_after.group().strip().lower()
            end += h_after.end()
        surface = text[start:end]
        figures.append(FigureMention(surface, offset + start, offset + end, hedge, unit_text))
    return figures


def _atom_ok(text: str, m: re.Match[str]) -> bool:
    """Reject years, dates, clock times, ordinals, identifiers and compound modifiers."""
    start, end = m.start(), m.end()
    before, after = left_of(text, start), right_of(text, end)
    num = m.group("num")
    tight = (m.group("tight") or "").lower()
    if tight in ("m", "k") and not m.group("cur") and not _COUNTED_AFTER.match(after):
        return False  # "a 100m sprint", "a 5k run": metres and kilometres, not millions
    if num:
        range_end = re.search(r"(?<![\w-])\$?\d+(?:[.,]\d+)*(?:\s?[-–]|-to-)$", before)
        if re.search(r"[\w\-/.:#]$", before) and not re.search(r"(?:\$|€|£|₩|¥)$", before) and not m.group("cur"):
            if not (re.search(r"\s-$|[(\[]$", before) or range_end):
                return False
        if re.match(r"^(?:[:/]\d|\.\d|[A-Za-z])", after) and not re.match(r"^(?:-fold|fold|pc\b)", after, re.I):
            return False
        if re.match(r"^-\d+(?:-|[A-Za-z])", after) or (re.search(r"\d-$", before) and not range_end):
            return False
        if _COMPOUND_AFTER.match(after) and not _compound_unit(after):
            return False
        if _is_year(num) and not m.group("cur") and not m.group("scale") and not _PERCENT_AFTER.match(after):
            return False
        opened, closed = bool(re.search(r"\[$", before)), bool(re.match(r"^\]", after))
        if (opened and (closed or not after.strip())) or (closed and not before.strip()):
            return False  # a footnote or citation marker "[2]", which a sentence break may have cut
        if _CLOCK_AFTER.match(after):  # "at 9 a.m.", "by 11pm"
            return False
        if not m.group("cur") and not m.group("scale") and _NAMED_BEFORE.search(before) and re.match(r"^\s[A-Za-z]", after):
            return False  # "the Falcon 9 rocket": a name's number
        if (re.fullmatch(r"1[0-7]\d\d", num) and _YEAR_BEFORE.search(before) and not m.group("cur")
                and re.match(r"^\s*(?:[.,;:)]|$|and\b|to\b)", after)):  # "since 1796."
            return False
        if re.fullmatch(r"\d{5,}", num) and _year_pair(num) and not m.group("cur"):
            return False
        if IDENTIFIER_BEFORE.search(before) or _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after):
            return False
        if num in EMERGENCY_NUMBERS and (_LINE_AFTER.match(after) or _DIAL_BEFORE.search(before)):
            return False  # "make 911 calls", "dial 999": a telephone line, not a count
        if re.search(r"\b(?:the|a|an)\s+$", before, re.I) and _OCCASION_AFTER.match(after):
            return False
    if m.group("one"):  # "up to a metre", "nearly an hour": a hedged unit of one
        unit = _UNIT_AFTER.match(after)
        far_end = re.search(r"\d\s+[A-Za-z]+\s+(?:to|or)\s+$", before)  # "20 minutes to an hour"
        if unit is None or not unit_kind(unit.group("unit")) or _RELATIVE_TIME.match(after[unit.end():]):
            return False  # "nearly a year ago" says when, not how much
        return bool(_HEDGE_BEFORE.search(before) or far_end)
    if not m.group("cur") and not m.group("scale") and _PERIOD_BEFORE.search(before) and _PERIOD_AFTER.match(after):
        return False  # "the previous three months", "over the past 12 years": when, not how many
    word = (m.group("word") or m.group("vague") or m.group("frac") or "").lower()
    if word:
        if re.search(r"[\w-]$", before) or re.match(r"^-(?!fold)\w", after):
            return False
        if m.group("frac") and re.search(r"\b(?:first|second|latter|former|other)\s+$", before, re.I):
            return False
        if m.group("frac") and _ORDINAL_AFTER.match(after) and re.match(r"(?i)an?\s", m.group("frac")):
            return False  # "a third case", "a quarter century": an ordinal, not a share
        if m.group("word") and word in ("a",) and not m.group("scale"):
            return False
        if word == "two" and not m.group("scale") and re.search(r"\b(?:the|these|those)\s+$", before, re.I):
            return False  # "the two leaders", like "both": a reference back, not a count
    return True


def _compound_unit(after: str) -> bool:
    """"-square-kilometre", "-foot", "-mile" right after a number: a physical unit in a compound."""
    unit = _UNIT_AFTER.match(after)
    return after.startswith("-") and unit is not None and physical_unit(unit.group("unit").replace("-", " ")) is not None


def _year_pair(digits: str) -> bool:
    """"19461965" and "202223": two years run together where a dash was lost."""
    if len(digits) == 8:
        a, b = int(digits[:4]), int(digits[4:])
        return _is_year(digits[:4]) and _is_year(digits[4:]) and a < b
    if len(digits) == 6:
        a, b = int(digits[:4]), int(digits[4:])
        return _is_year(digits[:4]) and (a % 100) < b
    return False


def _times_is_ratio(text: str, end: int) -> bool:
    """"nearly 12 times from the previous year" is a ratio; "crossed 7,887 times" is a count."""
    return bool(re.match(r"^\s+(?:more|less|higher|lower|larger|bigger|greater|as|than|from|over|compared|the|what)\b", right_of(text, end), re.I))


def scrape_damage(text: str) -> bool:
    """True when the text shows numbers whose dashes were lost in scraping.

    >>> scrape_damage("Early Period (19461965): fishing"), scrape_damage("In 1946, 1,965 came")
    (True, False)
    """
    if re.search(r"(?<![\d,.])\d{1,3}(?:,\d{3})*,\d{4,}(?:,\d{3})*(?![\d,])", text):
        return True
    return any(_year_pair(m.group()) for m in re.finditer(r"(?<!\d)(?:1[89]|20)\d{4}(?:\d\d)?(?!\d)", text))


_WORD = re.compile(r"(?<![@#\w])[A-Za-z]{2,}")


def says_something(text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether a sentence has words besides its figures (handles and hashtags aside).

    >>> says_something("| 225.86 | -12.99", [(2, 8), (12, 17)]), says_something("Two.", [(0, 3)])
    (False, False)
    >>> says_something("Sales rose 5%.", [(11, 13)])
    True
    """
    kept, last = [], 0
    for start, end in sorted(spans):
        kept.append(text[last:start])
        last = max(last, end)
    kept.append(text[last:])
    return any(_WORD.search(part) for part in kept)
