"""A figure mention's amount: its value or interval, qualifier, unit and confidence, read from the
words the extraction found ("more than $500 million", "between 3m and 4m", "one in five").

>>> read_figure(FigureMention("more than $500 million", 0, 22, "more than", None)).value
500000000.0
>>> f = read_figure(FigureMention("$5,0006,000", 0, 11, None, None))
>>> (f.low, f.high, f.qualifier, f.repaired)
(5000.0, 6000.0, 'range', True)
"""

from __future__ import annotations

import re
from decimal import Decimal

from . import units
from .currencies import currency, sign_in
from .lexicon import (
    ATTACHED_SCALES,
    FRACTIONS,
    NUMBER_WORDS,
    PERSON_NOUNS,
    QUALIFIERS,
    SCALE_PATTERN,
    SCALES,
    TIME_UNITS,
    VAGUE,
)
from .model import Figure, FigureMention
from .shares import SHARE, share_of
from .units import physical_unit

_NUMBER = re.compile(
    r"(?P<num>\d+(?:,\d+)*(?:\.\d+)?)(?:[ \u00a0](?P<scale>" + SCALE_PATTERN + r")\b|(?P<tight>bn|tn|mn|m|k)\b)?"
    r"|(?P<word>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\w+)?|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten|one|two|three|four|five|six|seven|eight|nine|a)"
    r"(?:\s(?P<wscale>hundred|thousand|million|billion|trillion))?\b",
    re.I,
)


def _digits(num: str) -> tuple[float, bool]:
    """A digit string as a number; False when its grouping is impossible ("5,0006,000")."""
    whole = num.split(".")[0]
    groups = whole.split(",")
    valid = len(groups) == 1 or (1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:]))
    return float(num.replace(",", "")), valid


def _factor(scale: str | None) -> float:
    """What a scale word multiplies by ("million", "bn", "m" written onto the number, "crore")."""
    return SCALES.get((scale or "").lower()) or ATTACHED_SCALES.get((scale or "").lower(), 1.0)


def _scaled(value: float, factor: float) -> float:
    """``value`` times ``factor`` as written, without binary rounding: 4.1 billion is 4100000000,
    not 4099999999.9999995."""
    return float(Decimal(repr(value)) * Decimal(repr(factor)))


def _split_grouping(num: str) -> tuple[float, float] | None:
    """Two numbers run together: "5,0006,000" -> (5000, 6000), "9,00010,000" -> (9000, 10000)."""
    for cut in range(1, len(num)):
        left, right = num[:cut], num[cut:]
        if left.endswith(",") or right.startswith(","):
            continue
        lv, lok = _digits(left)
        rv, rok = _digits(right)
        if lok and rok and "," in left and lv < rv and not right.startswith("0"):
            return lv, rv
    return None


def _split_ambiguous(num: str) -> tuple[float, float] | None:
    """In a damaged text, "33.5" may be "3-3.5" and "2030" may be "20-30"."""
    whole, _, frac = num.partition(".")
    if "," in whole or len(whole) < 2:
        return None
    for cut in range(1, len(whole)):
        a = float(whole[:cut])
        b_text = whole[cut:] + ("." + frac if frac else "")
        if whole[cut] == "0":
            continue
        b = float(b_text)
        if a < b <= 2 * a:
            return a, b
    return None


def read_figure(m: FigureMention, damaged: bool = False) -> Figure | None:
    """A figure's value or interval, qualifier, unit and confidence; None when no number is read."""
    surface = m.surface
    low_text = surface.lower()
    unit_text = (m.unit_text or "").lower().strip()
    unit = _unit(surface, unit_text)
    confidence = 1.0
    repaired = False
    vague = next((v for k, v in sorted(VAGUE.items(), key=lambda kv: -len(kv[0])) if re.search(rf"\b{k}\b", low_text)), None)
    fraction = next((v for k, v in FRACTIONS.items() if re.search(rf"(?<![\w-]){re.escape(k)}(?![\w-])", low_text)), None)
    values: list[float] = []
    is_range = False
    share = SHARE.fullmatch(low_text.removeprefix((m.hedge or "") + " ") if m.hedge else low_text)
    if share is not None and (percent := share_of(share)) is not None:  # "one in five": 20 percent
        return Figure(m.surface, m.start, m.end, percent, None, None, _qualifier(m.hedge), "percent", confidence,
                      repaired)
    across = _ACROSS_UNITS.fullmatch(low_text)
    mixed = _MIXED.search(low_text)
    if across:  # "20 minutes to an hour": both ends in the first end's unit
        low, high = _end_value(across.group("a")), _end_value(across.group("b"))
        scale = units.factor(across.group("ub"), across.group("ua"))
        if low is not None and high is not None and scale is not None:
            physical = physical_unit(across.group("ua"))
            unit = physical.name if physical else singular(across.group("ua"))
            low, high = sorted((low, _scaled(high, scale)))
            return Figure(m.surface, m.start, m.end, None, low, high, "range", unit, confidence, repaired)
    if mixed:  # "4-1/2": four and a half
        whole, num, den = (float(x) for x in mixed.groups())
        values = [whole + num / den]
    elif fraction is not None and not _NUMBER.search(re.sub(r"(?i)\bone[- ]|\btwo[- ]|\bthree[- ]|\ba\s", "", low_text)):
        values = [fraction]
        unit = "percent"
    elif vague is not None:
        values = [float(vague[0]), float(vague[1])]
        is_range = vague[0] != vague[1]
        confidence = 0.5
    else:
        numbers = []
        body = re.sub(r"^(?:[a-z]+\s+){0,3}?(?=\$|€|£|₩|¥|\d|[a-z]+\b)", "", low_text) if m.hedge else low_text
        for n in _NUMBER.finditer(body):
            if n.group("num"):
                numbers.append((n.group("num"), n.group("scale") or n.group("tight")))
            elif n.group("word") and (n.group("word").lower() != "a" or n.group("wscale")):
                numbers.append((n.group("word"), n.group("wscale")))
        if not numbers and unit_text and re.search(r"\ban?\s+[a-z]", body):
            numbers.append(("1", None))  # "up to a metre"
        if not numbers:
            return None
        for text, scaled in numbers:
            factor = _factor(scaled)
            if text[0].isdigit():
                value, valid = _digits(text)
                if not valid:
                    pair = _split_grouping(text)
                    if pair is None:
                        return None
                    values += [_scaled(pair[0], factor), _scaled(pair[1], factor)]
                    is_range, repaired, confidence = True, True, 0.8
                    continue
                if damaged and len(numbers) == 1:
                    pair = _split_ambiguous(text)
                    implausible = unit == "percent" and value > 100
                    if pair and (implausible or "." in text):
                        values += [_scaled(pair[0], factor), _scaled(pair[1], factor)]
                        is_range, repaired = True, True
                        confidence = 0.6 if implausible else 0.4
                        continue
                values.append(_scaled(value, factor))
            else:
                values.append(_scaled(_word_value(text), factor))
        if len(values) == 2 and not repaired:
            is_range = True
            # "3 to 3.5 million": the scale of the high end is shared by the low end.
            s0, s1 = numbers[0][1], numbers[-1][1]
            if not s0 and s1 and values[0] < values[1] / _factor(s1) * 10:
                values[0] = _scaled(values[0], _factor(s1))
    if is_range and len(values) >= 2:
        low, high = min(values[0], values[-1]), max(values[0], values[-1])
        return Figure(m.surface, m.start, m.end, None, low, high, "range", unit, confidence, repaired)
    value = values[0]
    qualifier = _qualifier(m.hedge)
    if re.search(r"\b(?:[a-z]+)\b", low_text) and not m.hedge and re.match(r"^[a-z]", low_text) and fraction is None:
        confidence = min(confidence, 0.9)
    return Figure(m.surface, m.start, m.end, value, None, None, qualifier, unit, confidence, repaired)




_ACROSS_UNITS = re.compile(
    r"^(?P<a>[\d.,]+|[a-z]+(?:-[a-z]+)?)\s+(?P<ua>[a-z]+)\s+(?:to|-|–|or)\s+(?P<b>[\d.,]+|an?|[a-z]+(?:-[a-z]+)?)"
    r"\s+(?P<ub>[a-z]+)$")
_MIXED = re.compile(r"(?<![\d.,])(\d+)[-\u00a0 ]([1-9])/([1-9]\d?)(?![\d/])")


def _end_value(text: str) -> float | None:
    """One end of a range across units: digits, a number word, or "a"/"an" for one."""
    if text in ("a", "an"):
        return 1.0
    if text[0].isdigit():
        value, valid = _digits(text)
        return value if valid else None
    return _word_value(text) if text.split("-")[0] in NUMBER_WORDS else None


def singular(word: str) -> str:
    """A unit of time in the singular ("minutes" -> "minute")."""
    word = word.lower()
    return word[:-1] if word.endswith("s") and word[:-1] in TIME_UNITS else word


def _word_value(word: str) -> float:
    word = word.lower()
    if "-" in word:
        tens, ones = word.split("-", 1)
        return float(NUMBER_WORDS.get(tens, 0) + NUMBER_WORDS.get(ones, 0))
    return float(NUMBER_WORDS[word])


def _qualifier(hedge: str | None) -> str:
    if not hedge:
        return "exact"
    for name, pattern in QUALIFIERS:
        if re.search(rf"(?:^|\s)(?:{pattern})(?:$|\s)", hedge):
            return name
    return "exact"


def _unit(surface: str, unit_text: str) -> str | None:
    signed = sign_in(surface)
    if signed:
        return signed
    named = currency(unit_text) if unit_text else None
    if named:
        return named
    if re.search(r"%|percent|per cent|^pc$", unit_text) or re.search(r"%|\bpercent\b|\bper cent\b|\dpc\b", surface, re.I):
        return "percent" if "point" not in unit_text else "percentage_point"
    if re.search(r"fold", unit_text):
        return "ratio"
    if unit_text == "times":
        return "ratio"
    if unit_text == "occurrence":
        return "occurrence"
    if unit_text in PERSON_NOUNS or unit_text == "person":
        return "person"
    physical = physical_unit(unit_text) if unit_text else None
    return physical.name if physical else (unit_text or None)
