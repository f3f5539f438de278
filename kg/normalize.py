"""Claim mentions -> ``Claim``: amounts (``amounts``), times, modality and measure keys.

>>> resolve_time("last year", date(2025, 2, 5)).iso
'2024'
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta

from .amounts import read_figure
from .currencies import codes
from .lexicon import (
    CLOCK_TIME,
    MONTH_NUMBERS,
    TIME_UNITS,
    WEEKDAYS,
    canonical_verb,
)
from .model import (
    Claim,
    ClaimMention,
    Document,
    Figure,
    TimeMention,
    TimeScope,
)
from .units import physical_unit

# ==================================================================================== time

def _year_scope(y1: int, y2: int | None = None, text: str = "") -> TimeScope:
    y2 = y2 or y1
    iso = str(y1) if y1 == y2 else f"{y1}/{y2}"
    return TimeScope(text, iso, date(y1, 1, 1), date(y2, 12, 31))


#: The first month of each season (of the northern hemisphere; winter runs into the next year).
_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def _season_scope(season: str, year: int, text: str) -> TimeScope:
    """A season of a year: its three months ("the winter of 2023": December 2023 to February 2024)."""
    start = date(year, _SEASON_START[season], 1)
    y, m = divmod(year * 12 + _SEASON_START[season] + 1, 12)  # the season's last month, counted from 0
    end = date(y, m + 1, calendar.monthrange(y, m + 1)[1])
    return TimeScope(text, f"{start.isoformat()}/{end.isoformat()}", start, end)


def _season_year(which: str, season: str, published: date) -> int:
    """The year of "last", "this" or "next" summer as said on ``published``: last is the one
    before the season now running or most recently over, next the first not yet begun, this the
    one running or else this calendar year's."""
    begun = published.year if _season_scope(season, published.year, "").start <= published else published.year - 1
    running = published <= _season_scope(season, begun, "").end
    if which in ("last", "this past"):
        return begun - 1 if running else begun
    if which == "next":
        return begun + 1
    return begun if running else published.year


def _months_scope(y: int, m1: int, m2: int, text: str) -> TimeScope:
    end = date(y, m2, calendar.monthrange(y, m2)[1])
    start = date(y, m1, 1)
    return TimeScope(text, f"{start.isoformat()}/{end.isoformat()}", start, end)


def _month(name: str) -> int:
    return MONTH_NUMBERS[name.lower().rstrip(".")[:4] if name.lower().startswith("sept") else name.lower().rstrip(".")[:3]]


_QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def resolve_time(text: str, published: date | None, anchor_year: int | None = None,
                 happened: bool = False) -> TimeScope | None:
    """A time expression as an ISO year, date or interval; relative ones against ``published``.

    ``anchor_year`` is the year the sentence is about, for "the previous year"; ``happened`` says
    the time is of something told as having happened, so a day without a year is the last one
    by the report ("landed on Aug. 23", reported in March: last year's), not the nearer.

    >>> [resolve_time(t, date(2025, 9, 12)).iso for t in ["the mid-2010s", "202223", "mid-2025", "the third quarter of 2024"]]
    ['2014/2016', '2022/2023', '2025-04-01/2025-09-30', '2024-07-01/2024-09-30']
    >>> [resolve_time(t, date(2019, 11, 18)).iso for t in ["Dec. 9", "Dec. 29", "this past May", "Sept. 30"]] + [resolve_time("Dec. 20", date(2020, 1, 6)).iso]
    ['2019-12-09', '2019-12-29', '2019-05-01/2019-05-31', '2019-09-30', '2019-12-20']
    """
    t = " ".join(text.split())
    low = t.lower()
    m = re.fullmatch(r"(?:the\s+)?(?:(early|mid|late)[-\s]?)?(?:the\s+)?(?:(early|mid|late)-)?((?:1[89]|20)\d)0s", low)
    if m:
        decade = int(m.group(3)) * 10
        part = m.group(1) or m.group(2)
        lo, hi = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get(part or "", (0, 9))
        return _year_scope(decade + lo, decade + hi, t)
    m = re.fullmatch(r"(?:the\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+of\s+(\d{4})", low)
    if m:
        q = _QUARTERS[m.group(1)]
        return _months_scope(int(m.group(2)), 3 * q - 2, 3 * q, t)
    m = re.fullmatch(r"(?:the\s+)?(first|second)\s+half\s+of\s+(\d{4})", low)
    if m:
        return _months_scope(int(m.group(2)), 1 if m.group(1) == "first" else 7, 6 if m.group(1) == "first" else 12, t)
    m = re.fullmatch(r"(early|mid|late)-?\s?(\d{4})", low)
    if m:
        m1, m2 = {"early": (1, 4), "mid": (4, 9), "late": (9, 12)}[m.group(1)]
        return _months_scope(int(m.group(2)), m1, m2, t)
    m = re.fullmatch(r"([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})|(\d{1,2})\s+([a-z]+)\.?,?\s+(\d{4})", low)
    if m:
        month, day, year = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(4), m.group(6))
        try:
            d = date(int(year), _month(month), int(day))
        except (KeyError, ValueError):
            return None
        return TimeScope(t, d.isoformat(), d, d)
    m = re.fullmatch(r"([a-z]+)\.?\s+(\d{4})", low)
    if m:
        try:
            mo = _month(m.group(1))
        except KeyError:
            return None
        return _months_scope(int(m.group(2)), mo, mo, t)
    m = re.fullmatch(r"([a-z]+)\.?\s+(\d{1,2})", low)
    if m and published:
        try:
            d = date(published.year, _month(m.group(1)), int(m.group(2)))
        except (KeyError, ValueError):
            return None
        if d > published and (happened or (d - published) > (published - d.replace(year=d.year - 1))):
            d = d.replace(year=d.year - 1)  # the nearer of this year's and last year's
        return TimeScope(t, d.isoformat(), d, d)
    m = re.fullmatch(r"(\d{4})\s?[-–/]\s?(\d{4}|\d\d)", low) or re.fullmatch(r"(\d{4})(\d{4}|\d\d)", low) \
        or re.fullmatch(r"(?:from\s+|between\s+)?(\d{4})\s+(?:to|through|until|and)\s+(\d{4})", low)
    if m:
        y1 = int(m.group(1))
        y2 = int(m.group(2)) if len(m.group(2)) == 4 else y1 // 100 * 100 + int(m.group(2))
        return _year_scope(y1, y2, t) if y1 < y2 else None
    if re.fullmatch(r"\d{4}", low):
        return _year_scope(int(low), None, t)
    m = re.fullmatch(r"(?:the\s+)?(spring|summer|autumn|fall|winter)\s+of\s+(\d{4})", low)
    if m:
        return _season_scope(m.group(1), int(m.group(2)), t)
    if published is None:
        return None
    m = re.fullmatch(r"(last|this|next|this past)\s+(spring|summer|autumn|fall|winter)", low)
    if m:
        return _season_scope(m.group(2), _season_year(m.group(1), m.group(2), published), t)
    m = re.fullmatch(r"(?:(in|since|by|until|through|last|this past|this|next|past)\s+)?(?:(?:the\s+)?(?:first|second|third|fourth|last)"
                     r"\s+(?:weeks?|half|days)\s+of\s+|(?:early|mid|late)[-\s])?([a-z]+)", low)
    # A month alone is the last one by publication ("May" only with a word before it: else the verb).
    if m and m.group(2) in MONTH_NUMBERS and (len(m.group(2)) > 3 or m.group(1)):
        month = MONTH_NUMBERS[m.group(2)]
        latest = published.year if month <= published.month else published.year - 1
        before = published.year if month < published.month else published.year - 1  # "last March", said in March
        coming = published.year if month >= published.month else published.year + 1
        year = {"this": published.year, "next": coming, "by": coming, "until": coming, "through": coming,
                "last": before}.get(m.group(1) or "", latest)
        return _months_scope(year, month, month, t)
    m = re.fullmatch(r"(last|this|next|the previous|the following|the past|the current)\s+(year|month|week|quarter|decade)", low)
    if m:
        shift = {"last": -1, "the previous": -1, "the past": -1, "this": 0, "the current": 0, "next": 1, "the following": 1}[m.group(1)]
        unit = m.group(2)
        if unit == "year":
            base = anchor_year if anchor_year and m.group(1) in ("the previous", "the following") else published.year
            return _year_scope(base + shift, None, t)
        if unit == "month":
            y, mo = divmod(published.year * 12 + published.month - 1 + shift, 12)
            return _months_scope(y, mo + 1, mo + 1, t)
        if unit == "week":
            monday = published - timedelta(days=published.weekday()) + timedelta(weeks=shift)
            return TimeScope(t, f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}", monday, monday + timedelta(days=6))
        if unit == "quarter":
            q = (published.month - 1) // 3 + shift
            y = published.year + q // 4
            q = q % 4
            return _months_scope(y, 3 * q + 1, 3 * q + 3, t)
        decade = published.year // 10 * 10 + 10 * shift
        return _year_scope(decade, decade + 9, t)
    if low == "a year ago":  # counted from the report, whatever year the sentence is about
        return _year_scope(published.year - 1, None, t)
    if re.fullmatch(r"a year (?:earlier|before)", low):
        return _year_scope((anchor_year or published.year) - 1, None, t)
    if re.fullmatch(r"a year (?:later|after)", low) and anchor_year:  # counted from the year the text is about
        return _year_scope(anchor_year + 1, None, t)
    if low in ("current", "currently", "at present", "recently", "now") or low.startswith("in recent"):
        return TimeScope(t, published.isoformat(), published, published)
    if re.fullmatch(r"year[-\s]to[-\s]date|so far this year", low):
        start = date(published.year, 1, 1)
        return TimeScope(t, f"{start.isoformat()}/{published.isoformat()}", start, published)
    m = re.fullmatch(r"(?:the\s+)?(first|second|third|fourth)\s+quarter", low)
    if m:  # the latest such quarter that had begun by the publication date
        q = _QUARTERS[m.group(1)]
        year = published.year if 3 * q - 2 <= published.month else published.year - 1
        return _months_scope(year, 3 * q - 2, 3 * q, t)
    earlier = low in ("yesterday", "last night")  # the night before the report's day
    if earlier or low in ("today", "tonight", "this morning", "this afternoon", "this evening") \
            or CLOCK_TIME.fullmatch(low):
        d = published - timedelta(days=1 if earlier else 0)  # a time of day alone: the day of the report
        return TimeScope(t, d.isoformat(), d, d)
    if low.endswith("weekend"):  # "over the weekend", "this weekend": the Saturday and Sunday at or before the report
        saturday = _last_weekday(published, "saturday")
        sunday = saturday + timedelta(days=1)
        return TimeScope(t, f"{saturday.isoformat()}/{sunday.isoformat()}", saturday, sunday)
    m = re.fullmatch(r"(?:on\s+)?([a-z]+day)", low)
    if m and m.group(1) in WEEKDAYS:
        d = _last_weekday(published, m.group(1))
        return TimeScope(t, d.isoformat(), d, d)
    return None


def _last_weekday(published: date, day: str) -> date:
    """The last ``day`` ("monday" ...) on or before ``published``."""
    return published - timedelta(days=(published.weekday() - WEEKDAYS[day]) % 7)


def _choose_time(mention: ClaimMention, figure: Figure | None, published: date | None) -> TimeScope | None:
    # A baseline time right before the figure is the figure's own ("the current 1.5 million"); a
    # time of day only when no other time is there ("at 3 a.m. Tuesday": Tuesday).
    candidates = [
        t for t in mention.times
        if not t.reporting and (not t.baseline or 0 <= mention.start - t.end <= 2)
    ]
    dated = [t for t in candidates if not CLOCK_TIME.fullmatch(t.text)]
    candidates = dated or candidates
    if not candidates:
        candidates = [t for t in mention.times if t.reporting]
    # told as having happened (or going on): not ahead of the report; a schedule is
    happened = mention.kind == "event" and "scheduled" not in mention.modality_cues
    explicit_years = [s.start.year for s in (resolve_time(t.text, published, happened=happened) for t in candidates) if s]
    anchor = max(explicit_years) if explicit_years else None
    change = figure is not None and (figure.unit == "ratio" or re.search(
        r"\b(?:increase|decrease|rise|growth|drop|jump|fall|surge)\w*\s+of\s+$", mention.text[: max(0, mention.start - mention.sentence.start)], re.I))
    scopes = [(t, resolve_time(t.text, published, anchor, happened)) for t in candidates]
    if not scopes:
        if mention.inherited_time is not None:
            s = _since(mention.inherited_time, resolve_time(mention.inherited_time.text, published, happened=happened),
                       published)
            return replace(s, projected=_future(s, published)) if s else None
        return None
    if change and any(s for _, s in scopes):
        t, s = max(((t, s) for t, s in scopes if s), key=lambda ts: ts[1].end)
    else:
        def distance(item: tuple[TimeMention, TimeScope | None]) -> tuple[int, int]:
            t = item[0]
            if t.end <= mention.start:
                return mention.start - t.end, 1
            if t.start >= mention.end:
                return t.start - mention.end, 0
            return 0, 0
        t, s = min(scopes, key=distance)
    s = _since(t, s, published)
    if s is None:
        return None
    return replace(s, projected=_future(s, published))


def _since(t: TimeMention, s: TimeScope | None, published: date | None) -> TimeScope | None:
    """"since February 2022": the period from then to the report."""
    if s is None or not t.since or published is None or published <= s.start:
        return s
    return TimeScope(f"since {s.text}", f"{s.start.isoformat()}/{published.isoformat()}", s.start, published)


def _future(scope: TimeScope, published: date | None) -> bool:
    """A time after the publication date: the claim is a projection."""
    return published is not None and scope.start > published


# ==================================================================================== claims

def _modality(mention: ClaimMention, time: TimeScope | None) -> str:
    cues = set(mention.modality_cues)
    if "denied" in cues:
        return "denied"
    if (time is not None and time.projected) or cues & {"projected", "expected", "forecast", "forecasted", "plans",
                                                         "planned", "hopes", "hope", "aims", "aim", "intends", "seeks", "wants"}:
        return "projected"
    if cues & {"could", "may", "might", "would", "if", "likely"}:
        return "hypothetical"
    if cues & {"reportedly", "allegedly", "purportedly"}:
        return "alleged"
    if cues & {"estimated", "an estimated"}:
        return "estimated"
    return "reported" if mention.sources else "asserted"


def _dimension(unit: str | None) -> str | None:
    """The part of a measure key that a figure's unit adds: money, shares, ratios and physical
    dimensions; counts of people or things add nothing (the measured thing says what they are)."""
    if unit is None or unit == "person":
        return None
    if unit in ("percent", "percentage_point", "ratio", "occurrence") or unit in codes():
        return unit
    if unit in TIME_UNITS:
        return "duration"
    physical = physical_unit(unit)
    return physical.dimension if physical else None


def measure_key(mention: ClaimMention, figure: Figure | None) -> str | None:
    """A key for what a figure measures, comparable across documents, built from its frame.

    It joins whose figure it is (``any`` when the text does not say), the canonical measured
    thing, "added" for increments, the thing a rate is per, the predicate of a duration, and
    the unit's dimension when the figure is not a plain count:
    ``north-korea:worker``, ``home-depot:share:percent``, ``any:earnings:USD/share``,
    ``any:rain:length``. A figure whose frame names no thing has no key (the frame says why).

    >>> from kg.model import Frame
    >>> m = ClaimMention("a", "figure", 0, 3, None, "", frame=Frame(head="death", owner="nepal"))
    >>> measure_key(m, Figure("300", 0, 3, 300.0, unit="person"))
    'nepal:death'
    """
    frame = mention.frame
    if figure is None or frame is None or frame.head is None:
        return None
    parts = [frame.owner or "any", frame.head]
    if frame.increment:
        parts.append("added")
    dimension = _dimension(figure.unit)
    if dimension == "duration" and frame.predicate and canonical_verb(frame.predicate) != frame.head:
        parts.append(frame.predicate.split()[0])  # how long workers "remain"
    if dimension or frame.per:
        parts.append("/".join(p for p in (dimension if dimension != "occurrence" else None, frame.per) if p)
                     or "occurrence")
    return ":".join(parts)


def normalize(mentions: Iterable[ClaimMention], doc: Document) -> list[Claim]:
    """Read every mention of ``doc`` into a claim; unreadable mentions are dropped."""
    claims = []
    seen: set[str] = set()
    figure_ids: dict[tuple[int, int], str] = {}  # figure claims by span
    carried: dict[str, tuple[tuple[int, int], ...]] = {}  # the figure spans of each event claim
    for m in mentions:
        figure = read_figure(m.figure, damaged=m.damaged_text) if m.figure else None
        if m.kind == "figure" and figure is None:
            continue
        if doc.text[m.start:m.end] != (m.figure.surface if m.figure else doc.text[m.start:m.end]):
            raise ValueError(f"{doc.key}: figure offsets {m.start}-{m.end} do not match {m.figure!r}")
        time = _choose_time(m, figure, doc.published)
        measure = measure_key(m, figure)
        claim = Claim(
            document=m.document,
            kind=m.kind,
            start=m.start,
            end=m.end,
            sentence=m.sentence,
            text=m.text,
            figure=figure,
            subject=m.subject,
            subject_entity=m.subject_entity,
            measure=measure,
            time=time,
            place=m.place,
            sources=m.sources,
            modality=_modality(m, time),
            trigger=m.trigger,
            event_type=m.event_type,
            participants=m.participants,
            actors=m.actors,
            frame=m.frame if figure is not None else None,
        )
        if figure is not None:
            figure_ids[(m.start, m.end)] = claim.id
        elif m.figure_spans:
            carried[claim.id] = m.figure_spans
        if claim.id not in seen:
            seen.add(claim.id)
            claims.append(claim)
    # An event's figures may come after it in the sentence, so they are linked once all are read.
    return [replace(c, figures=tuple(figure_ids[s] for s in carried[c.id] if s in figure_ids))
            if c.id in carried else c for c in claims]
