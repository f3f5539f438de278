"""What a partition's verdicts become when some of its claims are written or removed, judged only
where they can differ: the work of a write in proportion to what it changes, not to the size of
the blocks its claims fall in.

A block's verdicts by value are a function of each pair of claims that meet in a bucket
(``reconcile.value_buckets``) at most ``reconcile.WINDOW`` apart, and so are its verdicts between
event reports, ``event_verdicts.NEIGHBOURS`` apart in time. A claim that comes or goes changes
which pairs meet only near its place in each bucket's order, so only the pairs there are looked
at: those that meet now and did not (judged now), those that met and do not (judged as they
were), and those of the claims written. The block's other verdicts (changes against counts,
series) are each made within a family of claims (``reconcile.families``): those of the families
the claims written are in are computed before and after and compared, each family whole, and so
are a document's sums.

``rejudge`` gives, for every pair of claims whose verdicts may differ, all of its verdicts before
and all of them after: what the store drops and what it writes in their place.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass

from . import readings, reconcile
from .event_verdicts import NEIGHBOURS, event_buckets, event_keys, event_order, event_verdict
from .model import Claim, Relation

Pair = tuple[str, str]
#: A bucket of a block: an ordering's year (``reconcile.value_buckets``), or ``EVENTS`` and an actor.
Bucket = tuple[object, object]


@dataclass(frozen=True)
class Rejudged:
    """A partition's verdicts of the pairs whose verdicts may differ: as the partition made them
    ``before`` the write, and as it makes them ``after``."""

    before: list[Relation]
    after: list[Relation]


def rejudge(before: reconcile.Partition, after: reconcile.Partition, written: Collection[str],
            measures_before: readings.Measures | None = None,
            measures_after: readings.Measures | None = None) -> Rejudged:
    """The verdicts that may differ between one partition's claims ``before`` and ``after`` a write
    (the same kind and key; ``written`` the ids of the claims the write removed or wrote; the
    claims' measures on each side, when read already)."""
    written = frozenset(written)
    if after.kind != "block":
        was = reconcile.sum_verdicts(before.claims, before.tolerance)
        now = reconcile.sum_verdicts(after.claims, after.tolerance)
        return _of_pairs(_differing(was, now, written), was, now)
    gone = [c for c in before.claims if c.id in written]  # as they were
    come = [c for c in after.claims if c.id in written]
    old = _Windows(before, measures_before)
    new = old.changed(after, measures_after, gone, come)
    # The other verdicts (changes against counts, series) are made within families of claims
    # (``reconcile.families``): only those of the families of the claims written can differ.
    kin_old = reconcile.Kin(before.claims, old.measures)
    kin_new = kin_old.changed(gone, come, new.measures)
    touched = {f for kin, claims in ((kin_old, gone), (kin_new, come)) for c in claims for f in kin.of[c.id] if f}
    was = reconcile.owned(before, reconcile.other_verdicts(before, old.measures, kin_old.within(touched)),
                          old.measures, old.claims)
    now = reconcile.owned(after, reconcile.other_verdicts(after, new.measures, kin_new.within(touched)),
                          new.measures, new.claims)
    near_old, near_new = _near_changes(old, new, written)
    # A pair that meets near a change on both sides meets on both; one that meets near a change
    # on one side only may still meet in another bucket on the other.
    pairs = _differing(was, now, written) | {p for p in near_old | near_new if p[0] in written or p[1] in written} | {
        p for p in near_old ^ near_new if old.meets(*p) != new.meets(*p)}
    # The pairs' other verdicts in the families the write leaves as they were: the same both sides.
    kept = {f for p in pairs for i in p for f in kin_new.of.get(i, kin_old.of.get(i, (None, None))) if f} - touched
    same = reconcile.owned(after, reconcile.other_verdicts(after, new.measures, kin_new.within(kept)), new.measures,
                           new.claims) if kept else []
    return _of_pairs(pairs, old.judged(pairs) + was + same, new.judged(pairs) + now + same)


def _pair(r: Relation) -> Pair:
    return (r.a, r.b) if r.a < r.b else (r.b, r.a)


def _differing(before: list[Relation], after: list[Relation], written: frozenset[str]) -> set[Pair]:
    """The pairs of claims with a verdict in one list and not the other (a verdict's id names its
    pair and basis, and it may be made more than once, from different claims), or of a claim
    ``written``."""
    by_id: dict[str, Counter[Relation]] = defaultdict(Counter)
    for sign, found in ((1, before), (-1, after)):
        for r in found:
            by_id[r.id][r] += sign
    return {_pair(r) for found in (before, after) for r in found
            if r.a in written or r.b in written or any(by_id[r.id].values())}


def _of_pairs(pairs: Collection[Pair], before: list[Relation], after: list[Relation]) -> Rejudged:
    return Rejudged([r for r in before if _pair(r) in pairs], [r for r in after if _pair(r) in pairs])


#: What the buckets of a block's event reports are named by, with an actor's key: the reports that
#: name that actor, in time (``event_verdicts.event_buckets``).
EVENTS = "event"


class _Windows:
    """A block's buckets of claims that meet their neighbours (by value, ``reconcile.value_buckets``;
    event reports in time), with each claim's sort key: its place in a bucket is found by bisection."""

    def __init__(self, part: reconcile.Partition, measures: readings.Measures | None) -> None:
        self.part = part
        self.measures = measures if measures is not None else readings.measures_of(part.claims)
        self.claims = {c.id: c for c in part.claims}
        self.actors = {c.id: keys for c in part.claims if c.kind == "event" and (keys := event_keys(c))}
        values = {c.id: readings.lowest_first(c) for c in part.claims if c.figure is not None}
        self.key: dict[str, tuple[object, str]] = {**values, **{i: event_order(self.claims[i]) for i in self.actors}}
        self.buckets: dict[Bucket, list[str]] = {
            name: [c.id for c, _ in bucket]
            for name, bucket in reconcile.value_buckets(part.claims, self.measures, values).items()}
        self.buckets.update({(EVENTS, key): [c.id for c in found]
                             for key, found in event_buckets([self.claims[i] for i in self.actors]).items()})
        self.order = {name: [self.key[i] for i in ids] for name, ids in self.buckets.items()}
        self.of_ordering: dict[object, set[Bucket]] | None = None

    def changed(self, part: reconcile.Partition, measures: readings.Measures | None, gone: Iterable[Claim],
                come: Iterable[Claim]) -> _Windows:
        """The windows of ``part``, the same block's claims after a write: these with the claims
        ``gone`` (as they were) taken out and those that ``come`` put in, each bucket as a fresh
        ``_Windows`` of ``part`` holds it, without sorting again the claims the write leaves."""
        new = _Windows.__new__(_Windows)
        new.part = part
        new.measures = measures if measures is not None else readings.measures_of(part.claims)
        new.claims = {c.id: c for c in part.claims}
        gone, come = list(gone), list(come)
        left = {c.id for c in gone}
        new.actors = {i: keys for i, keys in self.actors.items() if i not in left}
        new.key = {i: key for i, key in self.key.items() if i not in left}
        new.buckets = {name: list(ids) for name, ids in self.buckets.items()}
        new.order = {name: list(keys) for name, keys in self.order.items()}
        new.of_ordering = None
        emptied: set[Bucket] = set()
        for c in gone:
            for name in [name for name in self.buckets if self.place(name, c.id) is not None]:
                new._take(name, self.key[c.id])
            if (m := self.measures.get(c.id)) is not None:
                emptied.update((o, year) for o in reconcile.orderings(c, m) for year in reconcile.years(c))
        # A bucket of an ordering's year is there while a dated claim of that year is in it (the
        # ordering's undated claims with it), the undated claims' own while one of them is.
        for name in emptied & new.buckets.keys():
            if not new._held(name):
                del new.buckets[name], new.order[name]
        for c in come:
            if c.kind == "event" and (keys := event_keys(c)):
                new.actors[c.id], new.key[c.id] = keys, event_order(c)
                for key in keys:
                    new._put((EVENTS, key), c.id)
            if c.figure is not None:
                new.key[c.id] = readings.lowest_first(c)
        # The undated first, into every bucket of their orderings; then the dated, into the buckets
        # of their years, one new to the block made of the ordering's undated claims.
        placed = [(c, o) for c in come if (m := new.measures[c.id]) is not None and c.figure is not None
                  and c.figure.confidence > 0.5 for o in reconcile.orderings(c, m)]
        for c, o in sorted(placed, key=lambda co: co[0].time is not None):
            if c.time is None:
                for name in {n for n in new.buckets if n[0] == o} | {(o, "?")}:
                    new._put(name, c.id)
                continue
            for year in reconcile.years(c):
                name = (o, year)
                if name not in new.buckets:
                    undated = new.buckets.get((o, "?"), [])
                    new.buckets[name], new.order[name] = list(undated), [new.key[i] for i in undated]
                new._put(name, c.id)
        return new

    def _held(self, name: Bucket) -> bool:
        """Whether a bucket of values holds a claim that makes it: a dated claim of its year, or,
        the undated claims' own, any."""
        if name[1] == "?":
            return bool(self.buckets[name])
        return any(name[1] in reconcile.years(self.claims[i]) for i in self.buckets[name])

    def _take(self, name: Bucket, key: tuple[object, str]) -> None:
        """Take the claim of sort key ``key`` out of a bucket (the bucket too, when it empties)."""
        at = bisect.bisect_left(self.order[name], key)
        del self.buckets[name][at], self.order[name][at]
        if not self.buckets[name]:
            del self.buckets[name], self.order[name]

    def _put(self, name: Bucket, x: str) -> None:
        """Put a claim into a bucket (made when the block has none of that name) at its place."""
        ids, keys = self.buckets.setdefault(name, []), self.order.setdefault(name, [])
        at = bisect.bisect_left(keys, self.key[x])
        ids.insert(at, x)
        keys.insert(at, self.key[x])

    def place(self, name: Bucket, x: str) -> int | None:
        """Where a claim stands in a bucket (None when it is not in it)."""
        if x not in self.key:
            return None
        at = bisect.bisect_left(self.order[name], self.key[x])
        return at if at < len(self.buckets[name]) and self.buckets[name][at] == x else None

    def meets(self, x: str, y: str) -> bool:
        """Whether two claims meet in a bucket, at most its ``_width`` apart."""
        for name in self._names_of(x) & self._names_of(y):
            at, other = self.place(name, x), self.place(name, y)
            if at is not None and other is not None and abs(at - other) <= _width(name):
                return True
        return False

    def _names_of(self, x: str) -> set[Bucket]:
        """The buckets a claim can be in, from its own keys: those of its actors (an event report),
        or of its orderings in its years (a figure; an undated one is in each of its orderings')."""
        c = self.claims.get(x)
        if c is None or x not in self.key:
            return set()
        if c.figure is None:
            return {(EVENTS, key) for key in self.actors.get(x, ())}
        m = self.measures.get(x)
        if m is None:
            return set()
        if self.of_ordering is None:  # the buckets of each ordering, read once the windows are made
            self.of_ordering = defaultdict(set)
            for name in self.buckets:
                self.of_ordering[name[0]].add(name)
        orderings = reconcile.orderings(c, m)
        if c.time is None:
            return {name for o in orderings for name in self.of_ordering.get(o, ())}
        return {(o, year) for o in orderings for year in reconcile.years(c)}

    def judged(self, pairs: Iterable[Pair]) -> list[Relation]:
        """The block's verdicts between neighbours of those of ``pairs`` that meet, and that it owns."""
        found = []
        for x, y in sorted(pairs):
            if not self.meets(x, y):
                continue
            a, b = sorted((self.claims[x], self.claims[y]), key=_order)
            if a.kind == "event":
                r = event_verdict(a, b, self.actors[a.id], self.actors[b.id])
            else:
                ma, mb = self.measures[a.id], self.measures[b.id]
                assert ma is not None and mb is not None  # claims in a bucket have measures
                r = reconcile.value_verdict(a, b, ma, mb, self.part.tolerance)
            if r is not None:
                found.append(r)
        return reconcile.owned(self.part, found, self.measures, self.claims)

    def near(self, name: Bucket, claim: Claim) -> Iterator[int]:
        """The places of a bucket within its ``_width`` (and one) of where ``claim`` is or would be."""
        at = bisect.bisect_left(self.order[name], _order(claim))
        return iter(range(max(0, at - _width(name) - 1), min(len(self.buckets[name]), at + _width(name) + 2)))


def _order(claim: Claim) -> tuple[object, str]:
    """Where a claim stands in its buckets: event reports in time, figures lowest first."""
    return event_order(claim) if claim.kind == "event" else readings.lowest_first(claim)


def _width(name: Bucket) -> int:
    """How many places apart two claims of a bucket meet."""
    return NEIGHBOURS if name[0] == EVENTS else reconcile.WINDOW


def _near_changes(old: _Windows, new: _Windows, written: frozenset[str]) -> tuple[set[Pair], set[Pair]]:
    """The pairs that may meet on one side and not the other, or touch a claim written, by the
    side they meet on: in each bucket, those that meet there near a claim that is in it on one side
    only or was written. Two claims are apart by the claims between them, so a pair meets on both
    sides or neither unless such a claim is between them, and then both are near it."""
    found: tuple[set[Pair], set[Pair]] = (set(), set())
    for name in old.buckets.keys() | new.buckets.keys():
        was, now = set(old.buckets.get(name, ())), set(new.buckets.get(name, ()))
        changed = (was ^ now) | ((was | now) & written)
        if not changed:
            continue
        for side, pairs in zip((old, new), found):
            ids = side.buckets.get(name)
            if not ids:
                continue
            places: set[int] = set()
            for i in changed:
                # Where it is on this side, and where it was or comes (a report whose date a new
                # version changes keeps its id, and moves).
                for version in (old.claims.get(i), new.claims.get(i)):
                    if version is not None:
                        places.update(side.near(name, version))
            for n in sorted(places):
                for m in range(n + 1, min(len(ids), n + _width(name) + 1)):
                    if m in places:
                        x, y = ids[n], ids[m]
                        pairs.add((x, y) if x < y else (y, x))
    return found
