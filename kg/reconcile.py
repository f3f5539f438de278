"""Claims -> verdicts: corroborations, conflicts and changes over time (events across reports are
in ``event_verdicts``; independence and the network export in ``independence`` and ``network``).

Two claims are compared only when they measure the same thing: the same measure key (measured
thing, increment, rate and unit), compatible owner and place, overlapping time, the same kind of
statement (facts with facts, projections with projections), and different documents.
Candidates are found by blocking on those keys and on the years a claim covers, never by
comparing all pairs.

Each hedged figure is read as an interval (``interval``): overlapping intervals corroborate,
disjoint ones conflict. Ratios and percentage changes are checked against the counts they
relate, and lists of parts against their stated total. How one claim's figure is read (an
interval, what it measures) is in ``readings``.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from rapidfuzz import fuzz

from .buckets import named_place, value_buckets
from .event_verdicts import event_keys, event_verdicts
from .lexicon import (
    FIELD_OF,
    FUNCTION_WORDS,
    canonical,
    canonical_verb,
)
from .model import Claim, Relation
from .readings import Measure, Measures, describe, interval, measures_of, reached, similarity, topics
from .wording import number

WINDOW = 16
#: Parts must add up to their total within this share (rounding in the source, not estimates).
SUM_TOLERANCE = 0.001
_COUNT_UNITS = {"percent", "ratio", "percentage_point", "USD", "EUR", "GBP", "KRW", "JPY", "CNY", "RUB",
                "year", "hour", "decade", "month", "day", "week"}
_CHANGE = re.compile(r"\b(?:increase|rise|growth|jump|surge|decrease|decline|drop|fall)s?\s+of\s+$", re.I)


#: How alike the measured things of two claims must be to be compared: the share of their topics
#: (fields and canonical words, ``topics``) they have in common. A conflict needs all of them.
SIMILARITY = 0.5


def _comparable(a: Claim, b: Claim, ma: Measure, mb: Measure) -> tuple[str, float] | None:
    """The shared scope of two claims and how alike their measured things are, or None when they
    do not speak of the same thing."""
    if a.document == b.document or ma.dimension != mb.dimension:
        return None
    if ma.nationality and mb.nationality and ma.nationality != mb.nationality:
        return None
    if a.place and b.place and a.place != b.place:
        return None
    if _named_apart(named_place(a), named_place(b)):
        return None
    if _projection(a) != _projection(b):
        return None
    if a.time and b.time and (a.time.end < b.time.start or b.time.end < a.time.start):
        return None
    ta, tb = ma.topics, mb.topics
    alike = similarity(ta, tb)
    if alike < SIMILARITY:
        return None
    if ta & tb <= VAGUE_TOPICS and not _same_words(a, b):
        return None  # "two people familiar with the matter" and "two people who fell ill"
    nationality = ma.nationality or mb.nationality or "any"
    when = a.time.iso if a.time else (b.time.iso if b.time else "unknown time")
    if a.time and b.time and a.time.iso != b.time.iso:
        when = f"{a.time.iso} and {b.time.iso}"
    about = ", ".join(sorted(ta & tb))
    unit = f" in {ma.dimension}" if ma.dimension else ""
    return f"{nationality}: {about}{unit}, {when} (similarity {alike:.2f})", alike


def _named_apart(a: tuple[str, ...] | None, b: tuple[str, ...] | None) -> bool:
    """Whether two places named as written are two places: neither's words hold the other's
    ("Osaka" and "Dubai"; not "Osaka" and "Osaka Prefecture")."""
    return a is not None and b is not None and not (set(a) <= set(b) or set(b) <= set(a))


#: Topics too general to match on alone: two counts of "people" are the same only when the
#: words that say which people are alike too.
VAGUE_TOPICS = frozenset({"person"})
#: How alike (rapidfuzz token sort ratio, 0-100, of their content words) the measured-thing
#: phrases of two counts of people must be.
PHRASE_SIMILARITY = 65


def _same_words(a: Claim, b: Claim) -> bool:
    """Whether two claims' measured things are written alike ("people in close contact with the
    hunter", "people who came into contact with the patient")."""
    if a.frame is None or b.frame is None:
        return True
    if not a.frame.thing or not b.frame.thing:
        return False
    return fuzz.token_sort_ratio(_content(a.frame.thing), _content(b.frame.thing)) >= PHRASE_SIMILARITY


def _content(phrase: str) -> str:
    return " ".join(w for w in phrase.lower().split() if w not in FUNCTION_WORDS)


def _same_statement(a: Claim, b: Claim, ma: Measure, mb: Measure, alike: float) -> bool:
    """Whether two comparable claims say the same of the same thing: both name whose figure it
    is, their topics are the same, and their frames (when read) agree on the rest."""
    return (ma.nationality is not None and mb.nationality is not None and alike >= 1.0
            and _frames_agree(a, b))


def _frames_agree(a: Claim, b: Claim) -> bool:
    """Whether the frames of two claims (when read) agree on what the topics leave out: the
    predicate (when both have one outside a shared field), the qualifiers outside any field, the
    rate and the purpose."""
    fa, fb = a.frame, b.frame
    if fa is None or fb is None:
        return True
    verbs = [canonical_verb(f.predicate) if f.predicate else None for f in (fa, fb)]
    if all(verbs) and verbs[0] != verbs[1] and not (FIELD_OF.get(verbs[0] or "") and
                                                    FIELD_OF.get(verbs[0] or "") == FIELD_OF.get(verbs[1] or "")):
        return False

    def plain(words: Iterable[str | None]) -> set[str]:
        return {canonical(w) for w in words if w and not FIELD_OF.get(canonical(w)) and not FIELD_OF.get(w)}

    return plain(fa.modifiers) == plain(fb.modifiers) and plain([fa.purpose]) == plain([fb.purpose]) \
        and fa.per == fb.per


def _projection(c: Claim) -> str:
    """How real a claim is put: what may be (projected, hypothetical), what is denied, or what is;
    claims are compared only with claims put alike."""
    if c.modality in ("projected", "hypothetical"):
        return "may be"
    return "denied" if c.modality == "denied" else "is"


def _candidates(claims: Sequence[Claim], measures: Measures | None = None
                ) -> Iterable[tuple[Claim, Claim, Measure, Measure]]:
    """Pairs of a bucket (``value_buckets``) of one topic's claims at most ``WINDOW`` apart."""
    seen: set[tuple[str, str]] = set()
    for bucket in value_buckets(claims, measures if measures is not None else measures_of(claims)).values():
        for i, (a, ma) in enumerate(bucket):
            for b, mb in bucket[i + 1 : i + 1 + WINDOW]:
                pair = (a.id, b.id) if a.id < b.id else (b.id, a.id)
                if a.id == b.id or pair in seen:
                    continue
                seen.add(pair)
                yield a, b, ma, mb


def value_verdicts(claims: Sequence[Claim], tolerance: float, measures: Measures | None = None) -> list[Relation]:
    """Corroborations and conflicts from comparing the figures of comparable claims."""
    return [r for a, b, ma, mb in _candidates(claims, measures)
            if (r := value_verdict(a, b, ma, mb, tolerance)) is not None]


def value_verdict(a: Claim, b: Claim, ma: Measure, mb: Measure, tolerance: float) -> Relation | None:
    """What the figures of two claims of a bucket say of each other (``a`` the lower): they
    corroborate, conflict, or neither (None)."""
    found = _comparable(a, b, ma, mb)
    if found is None:
        return None
    scope, alike = found
    fa, fb = a.figure, b.figure
    assert fa is not None and fb is not None
    ia, ib = interval(fa, tolerance), interval(fb, tolerance)
    values = (describe(fa, ia), describe(fb, ib))
    ca, cb = interval(fa, tolerance, bounded=True), interval(fb, tolerance, bounded=True)
    if ca[0] <= cb[1] and cb[0] <= ca[1]:
        reason = f"{values[0]} and {values[1]} overlap (tolerance {tolerance:.0%}); same {scope}"
        return Relation("corroborates", a.id, b.id, reason, "value", tolerance, 0.0, scope, values, round(alike, 3))
    # A bound that reports a value reached ("up to 60 percent") stands for about that value;
    # any other open bound far from a point neither supports nor contradicts it.
    ia, ib = (ca if reached(fa) else ia), (cb if reached(fb) else ib)
    if ia[0] <= ib[1] and ib[0] <= ia[1]:
        return None
    values = (describe(fa, ia), describe(fb, ib))
    if not _same_statement(a, b, ma, mb, alike):
        # Different values contradict each other only when both claims say whose figure it
        # is and say the same of it; otherwise they may well be different things.
        return None
    if (a.time is None or b.time is None) and "percent" not in ma.dimension:
        # Counts change over time: without both dates a difference is not a contradiction.
        return None
    gap = max(ia[0], ib[0]) - min(ia[1], ib[1])
    difference = gap / max(abs(ia[0]), abs(ib[0]), abs(ia[1]) if not math.isinf(ia[1]) else 0,
                           abs(ib[1]) if not math.isinf(ib[1]) else 0, 1e-9)
    undated = " (one side undated)" if a.time is None or b.time is None else ""
    reason = f"{values[0]} and {values[1]} are disjoint, {difference:.1%} apart; same {scope}{undated}"
    return Relation("conflicts", a.id, b.id, reason, "value", tolerance, difference, scope, values, round(alike, 3))


def series_verdicts(claims: Sequence[Claim], measures: Measures | None = None) -> list[Relation]:
    """One measure at different times: each claim linked to the claims of the next time the
    measure is reported at ("12 cases in March" -> "40 cases in May"), a change, not a conflict.

    Only claims that say whose figure it is and whose times do not overlap are linked; each is
    linked to at most ``WINDOW`` claims of the next time, so the work stays in proportion.
    """
    measures = measures if measures is not None else measures_of(claims)
    # Claims of one period are one time of the series however their times are worded ("2024",
    # "last year"), so the links do not depend on the order the claims come in.
    series: dict[tuple[object, ...], dict[tuple[date, date], list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for c in claims:
        key = _series_of(c, measures[c.id])
        if key is not None:
            assert c.time is not None  # a claim of a series has a time
            series[key][(c.time.start, c.time.end)].append(c)
    out = []
    for by_time in series.values():
        times = sorted(by_time)
        for before, after in zip(times, times[1:]):
            if before[1] >= after[0]:
                continue  # overlapping periods are compared by value, not as a series
            firsts = sorted(by_time[before], key=lambda c: c.id)
            for b in sorted(by_time[after], key=lambda c: c.id)[:WINDOW]:
                a = next((a for a in firsts if _frames_agree(a, b)), None)
                if a is not None:
                    out.append(_series_verdict(a, b))
    return out


def _series_of(c: Claim, m: Measure | None) -> tuple[object, ...] | None:
    """The series a claim is a time of (``series_verdicts``): claims that say whose figure it is,
    of one measure, topics, place and projection; None for a claim of none."""
    if m is None or m.nationality is None or c.time is None or c.figure is None or c.figure.confidence <= 0.5:
        return None
    return (m.nationality, m.block, m.topics, c.place, _projection(c))


def _series_verdict(a: Claim, b: Claim) -> Relation:
    fa, fb = a.figure, b.figure
    assert fa is not None and fb is not None and a.time is not None and b.time is not None
    va, vb = interval(fa, 0.0), interval(fb, 0.0)
    if va[1] < vb[0]:
        moved = "rose"
    elif vb[1] < va[0]:
        moved = "fell"
    else:
        moved = "held"
    change = ""
    if fa.value and fb.value is not None and moved != "held":
        change = f" ({(fb.value - fa.value) / abs(fa.value):+.1%})"
    reason = f"{fa.surface} ({a.time.iso}) {moved} to {fb.surface} ({b.time.iso}){change}; {a.measure}"
    return Relation("changes", a.id, b.id, reason, "series", None, None, f"{a.measure}, {a.time.iso} to {b.time.iso}",
                    (fa.surface, fb.surface))


# ------------------------------------------------------------------------------------ arithmetic


def _is_change(c: Claim) -> bool:
    prefix = c.text[: max(0, c.start - c.sentence.start)]
    return c.figure is not None and (c.figure.unit == "ratio" or (c.figure.unit == "percent" and bool(_CHANGE.search(prefix))))


def _count(c: Claim) -> bool:
    return c.figure is not None and c.figure.value is not None and c.figure.unit not in _COUNT_UNITS \
        and c.figure.qualifier in ("exact", "approx") and c.time is not None


def change_verdicts(claims: Sequence[Claim], tolerance: float, measures: Measures | None = None) -> list[Relation]:
    """Ratios and percentage changes against the counts they relate."""
    measures = measures if measures is not None else measures_of(claims)
    counts: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    changes: list[tuple[Claim, Measure, str]] = []
    for c in claims:
        m = measures[c.id]
        if m is None or (counted := _counted_in(c, m)) is None:
            continue
        assert c.time is not None  # counts and changes have times
        if counted[1]:
            changes.append((c, m, counted[0]))
        else:
            counts[(counted[0], c.time.start.year)].append(c)
    out: list[Relation] = []
    for r, m, block in changes:
        assert r.time is not None
        year = r.time.end.year
        for now in counts.get((block, year), []):
            for before in counts.get((block, year - 1), []):
                mn, mb = measures[now.id], measures[before.id]
                assert mn is not None and mb is not None  # counted claims have measures
                if now.document != before.document or mn.topics != mb.topics or not _frames_agree(now, before):
                    continue
                if any(x and m.nationality and x.nationality and x.nationality != m.nationality for x in (mn, mb)):
                    continue
                out.extend(_change_verdicts(r, now, before, tolerance))
    return out


def _counted_in(c: Claim, m: Measure) -> tuple[str, bool] | None:
    """The counts a claim's change verdicts are made among (``change_verdicts``), and whether it
    is a change: a count of one year, by its measure; a ratio or a percentage change, against the
    counts of its measure without its dimension; None for other claims."""
    if c.time is None:
        return None
    if _count(c) and c.time.start.year == c.time.end.year:
        return m.block, False
    if _is_change(c):
        return m.block.rsplit(":", 1)[0], True
    return None


def _change_verdicts(r: Claim, now: Claim, before: Claim, tolerance: float) -> list[Relation]:
    assert r.figure and now.figure and before.figure and now.figure.value and before.figure.value
    ratio = now.figure.value / before.figure.value
    if r.figure.unit == "ratio":
        computed, shown = ratio, f"{now.figure.surface} / {before.figure.surface} = {number(round(ratio, 2))}"
    else:
        computed = (ratio - 1) * 100
        shown = f"({now.figure.surface} - {before.figure.surface}) / {before.figure.surface} = {number(round(computed, 1))}%"
    lo, hi = interval(r.figure, tolerance)
    ok = lo * (1 - tolerance) <= computed <= hi * (1 + tolerance) if not math.isinf(hi) else computed >= lo * (1 - tolerance)
    kind = "corroborates" if ok else "conflicts"
    difference = 0.0 if ok else abs(computed - (r.figure.value or lo)) / max(abs(computed), 1e-9)
    verdict = "agrees with" if ok else "contradicts"
    reason = f"{shown}, which {verdict} {r.figure.surface} (tolerance {tolerance:.0%})"
    scope = f"{r.measure}, {now.time.iso if now.time else ''} against {before.time.iso if before.time else ''}"
    out = []
    for other in (now, before):
        if other.document == r.document and ok:
            continue
        out.append(Relation(kind, r.id, other.id, reason, "arithmetic", tolerance, difference, scope,
                            (r.figure.surface, now.figure.surface, before.figure.surface)))
    return out


def sum_verdicts(claims: Sequence[Claim], tolerance: float) -> list[Relation]:
    """A total followed in the same document by parts that add up to it ("13,221 ... of whom 7,887 ...")."""
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.figure is not None and c.figure.value is not None and c.figure.unit not in _COUNT_UNITS and c.time:
            by_doc[c.document].append(c)
    out = []
    for doc_claims in by_doc.values():
        doc_claims.sort(key=lambda c: (c.start, c.id))
        for i, total in enumerate(doc_claims):
            assert total.figure and total.figure.value and total.time
            parts = [(c, c.figure) for c in doc_claims[i + 1 : i + 1 + 24]
                     if c.time and c.time.iso == total.time.iso and c.figure and c.figure.value
                     and c.figure.value < total.figure.value]
            running, best = 0.0, None
            for n, (_, figure) in enumerate(parts, 1):
                running += figure.value or 0.0
                if running > total.figure.value * (1 + SUM_TOLERANCE):
                    break
                if n >= 2 and abs(running - total.figure.value) <= SUM_TOLERANCE * total.figure.value:
                    best = (n, running)
            if best is None:
                continue
            n, running = best
            listed = " + ".join(f.surface for _, f in parts[:n])
            reason = f"{listed} = {number(running)}, the stated total {total.figure.surface}"
            for p, f in parts[:n]:
                out.append(Relation("corroborates", total.id, p.id, reason, "arithmetic", SUM_TOLERANCE, 0.0,
                                    f"parts of {total.figure.surface}, {total.time.iso}",
                                    (total.figure.surface, f.surface)))
    return out


def blocking_keys(claim: Claim, measures: Measures | None = None) -> frozenset[str]:
    """The topics a figure can be compared within (none without a measure; its measure's topics
    when ``measures`` has it); for an event, its verb with each of its ``event_keys``."""
    if claim.kind == "event":
        return frozenset(f"event:{claim.trigger}:{key}" for key in event_keys(claim))
    if measures is not None and claim.id in measures:
        m = measures[claim.id]
        return m.topics if m is not None else frozenset()
    return topics(claim) if claim.measure else frozenset()


@dataclass(frozen=True)
class Partition:
    """Claims that can meet each other: one topic's (``key`` a blocking key), or one document's
    for sums (``key`` its file name). A claim of several topics is in each of their partitions;
    a pair of claims that meet in several is judged in one, its ``owner``."""

    kind: str  # "block" or "document"
    key: str
    claims: tuple[Claim, ...]
    tolerance: float

    def __len__(self) -> int:
        """How many claims: the work a partition is, as a scheduler weighs it."""
        return len(self.claims)


def partitions(claims: Sequence[Claim], tolerance: float, keys: Collection[str] | None = None,
               documents: Collection[str] | None = None, measures: Measures | None = None) -> list[Partition]:
    """Independent pieces of the work: every verdict is made inside exactly one of them (all of
    them, or the blocks of ``keys`` and the partitions of ``documents``).

    >>> partitions([], 0.05)
    []
    """
    blocks: dict[str, list[Claim]] = defaultdict(list)
    by_document: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        for key in blocking_keys(c, measures):
            if keys is None or key in keys:
                blocks[key].append(c)
        if documents is None or c.document in documents:
            by_document[c.document].append(c)
    return [Partition("block", key, tuple(cs), tolerance) for key, cs in sorted(blocks.items())] + \
        [Partition("document", key, tuple(cs), tolerance) for key, cs in sorted(by_document.items())]


def owner(a: frozenset[str], b: frozenset[str]) -> str | None:
    """The block that judges a pair of claims with blocking keys ``a`` and ``b``: the first key
    they share. A pair is judged there only, so each verdict has one partition, and a change to
    the claims of one block leaves the verdicts of every other as they are."""
    return min(a & b, default=None)


def partition_verdicts(part: Partition) -> list[Relation]:
    """The verdicts inside one partition (picklable, so it runs on any worker): of a block, those
    between pairs it ``owner``s."""
    if part.kind == "block":
        measures = measures_of(part.claims)
        found = value_verdicts(part.claims, part.tolerance, measures) + event_verdicts(part.claims)
        return owned(part, found + other_verdicts(part, measures), measures)
    return sum_verdicts(part.claims, part.tolerance)


#: What a claim's other verdicts (``other_verdicts``) are made within (``families``).
Family = tuple[str, object]
#: A claim's families: the series it is a time of, the counts its changes are made among (None
#: for none).
Families = tuple[Family | None, Family | None]


def families(c: Claim, m: Measure | None) -> Families:
    """The series a claim is a time of, and the counts its changes are made among: a verdict other
    than between neighbours is made within one of them, from its members alone."""
    if m is None:
        return None, None
    series, counted = _series_of(c, m), _counted_in(c, m)
    return ("series", series) if series else None, ("counts", counted[0]) if counted else None


def other_verdicts(part: Partition, measures: Measures, within: Mapping[Family, Sequence[Claim]] | None = None
                   ) -> list[Relation]:
    """A block's verdicts other than between pairs of neighbours (by value, or events in time):
    changes against counts, and series; only those made within the families ``within`` gives,
    each with all its members (``Kin.within``), when given."""
    if within is None:
        return change_verdicts(part.claims, part.tolerance, measures) + series_verdicts(part.claims, measures)
    series = [c for f, members in within.items() if f[0] == "series" for c in members]
    counted = [c for f, members in within.items() if f[0] == "counts" for c in members]
    return change_verdicts(counted, part.tolerance, measures) + series_verdicts(series, measures)


class Kin:
    """The families of a block's claims (``families``): each claim's, and the members of each."""

    def __init__(self, claims: Iterable[Claim], measures: Measures) -> None:
        self.of: dict[str, Families] = {}
        self.members: dict[Family, list[Claim]] = {}
        for c in claims:
            self._add(c, measures)

    def _add(self, c: Claim, measures: Measures) -> None:
        kin = self.of[c.id] = families(c, measures[c.id])
        for f in kin:
            if f is not None:
                self.members.setdefault(f, []).append(c)

    def changed(self, gone: Iterable[Claim], come: Iterable[Claim], measures: Measures) -> Kin:
        """The families of the block after a write that took the claims ``gone`` out and put
        those that ``come`` in (``measures`` theirs): the families of the others as they were."""
        new = Kin((), measures)
        new.of, new.members = dict(self.of), dict(self.members)
        gone = list(gone)
        left = {c.id for c in gone}
        hit: set[Family] = {f for c in gone for f in self.of[c.id] if f is not None}
        for family in hit:
            if members := [c for c in self.members[family] if c.id not in left]:
                new.members[family] = members
            else:
                del new.members[family]
        for c in gone:
            del new.of[c.id]
        for c in come:
            for f in families(c, measures[c.id]):
                if f is not None and new.members.get(f) is self.members.get(f):
                    new.members[f] = list(self.members.get(f, ()))  # a list of its own before it grows
            new._add(c, measures)
        return new

    def within(self, families: Iterable[Family]) -> dict[Family, list[Claim]]:
        """The members of each of ``families`` the block has."""
        return {f: self.members[f] for f in families if f in self.members}


def owned(part: Partition, found: Iterable[Relation], measures: Measures | None = None,
          claims: Mapping[str, Claim] | None = None) -> list[Relation]:
    """Those of the verdicts ``found`` in a block that it ``owner``s (``claims`` the block's by id,
    when known)."""
    found = list(found)
    if not found:
        return []
    named = {x for r in found for x in (r.a, r.b)}
    if claims is None:
        claims = {c.id: c for c in part.claims if c.id in named}
    keys = {i: blocking_keys(claims[i], measures) for i in named}
    return [r for r in found if owner(keys[r.a], keys[r.b]) == part.key]


Mapper = Callable[[Callable[[Partition], list[Any]], Sequence[Partition]], Iterable[list[Any]]]


T = TypeVar("T")


#: Told how many partitions there are; gives what to call as each is done (a progress bar).
Progress = Callable[[int], Callable[[], object]]


def partition_results(pieces: Sequence[Partition], map_: Mapper, job: Callable[[Partition], list[T]],
                      progress: Progress | None = None) -> Iterator[tuple[Partition, list[T]]]:
    """Each partition with its verdicts, in the order given whatever runs them (``map_`` may run
    them elsewhere; ``job`` is ``partition_verdicts``, or hands the verdicts back in another form)."""
    done = progress(len(pieces)) if progress else None
    for part, found in zip(pieces, map_(job, pieces)):
        yield part, found
        if done:
            done()


def reconcile(claims: Sequence[Claim], tolerance: float = 0.05, map_: Mapper = map) -> list[Relation]:
    """Every verdict between the claims once, sorted by id."""
    found: dict[str, Relation] = {}
    for _, made in partition_results(partitions(claims, tolerance), map_, partition_verdicts):
        for r in made:
            found.setdefault(r.id, r)
    return sorted(found.values(), key=lambda r: r.id)
