"""What a partition's verdicts become when some of its claims are written or removed, judged only
where they can differ: the work of a write in proportion to what it changes, not to the size of
the blocks its claims fall in.

A block's verdicts by value are a function of each pair of claims that meet in a bucket
(``buckets.value_buckets``) at most ``reconcile.WINDOW`` apart, and so are its verdicts between
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

from . import buckets, readings, reconcile
from .event_verdicts import NEIGHBOURS, event_keys, event_members, event_order, event_verdict
from .model import Claim, Relation

Pair = tuple[str, str]
#: A bucket of a block: an ordering's year (``buckets.value_buckets``), or ``EVENTS`` and an actor.
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
    old, new = _Windows(before, measures_before), _Windows(after, measures_after)
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
    """A block's buckets of claims that meet their neighbours (by value, ``buckets.value_buckets``;
    event reports in time, ``event_verdicts.event_buckets``): each bucket is sorted when it is
    first looked at, and a claim's place in it found by bisection. A write looks at the buckets
    of the claims it writes, and at those two claims near them share: few of a block's."""

    def __init__(self, part: reconcile.Partition, measures: readings.Measures | None) -> None:
        self.part = part
        self.measures = measures if measures is not None else readings.measures_of(part.claims)
        self.claims = {c.id: c for c in part.claims}
        self.actors = {c.id: keys for c in part.claims if c.kind == "event" and (keys := event_keys(c))}
        dated, self.undated = buckets.bucket_members(part.claims, self.measures)
        self.members: dict[Bucket, list[Claim]] = {
            (EVENTS, key): found for key, found in event_members(self.claims[i] for i in self.actors).items()}
        self.of_ordering: dict[object, set[Bucket]] = defaultdict(set)
        for name, found in dated.items():
            self.members[name] = found
            self.of_ordering[name[0]].add(name)
        self.ids: dict[Bucket, list[str]] = {}
        self.order: dict[Bucket, list[tuple[object, str]]] = {}
        self.keys: dict[str, tuple[object, str]] = {}  # each claim's ``_order``, once looked for
        self.names: dict[str, set[Bucket]] = {}  # each claim's buckets, once looked for

    def bucket(self, name: Bucket) -> tuple[list[str], list[tuple[object, str]]]:
        """A bucket's claims in order, and their sort keys (none for a bucket the block lacks: a
        year none of its ordering's dated claims has)."""
        if name not in self.ids:
            members = self.members.get(name, [])
            if members and isinstance(name[0], tuple) and name[1] != "?":  # an ordering's, of a year
                members = members + self.undated.get(name[0], [])
            keys = sorted(_order(c) for c in members)  # each ends with its claim's id
            self.ids[name], self.order[name] = [k[1] for k in keys], keys
        return self.ids[name], self.order[name]

    def place(self, name: Bucket, x: str) -> int | None:
        """Where a claim stands in a bucket (None when it is not in it)."""
        c = self.claims.get(x)
        if c is None:
            return None
        ids, order = self.bucket(name)
        if (key := self.keys.get(x)) is None:
            key = self.keys[x] = _order(c)
        at = bisect.bisect_left(order, key)
        return at if at < len(ids) and ids[at] == x else None

    def meets(self, x: str, y: str) -> bool:
        """Whether two claims meet in a bucket, at most its ``_width`` apart."""
        for name in self.names_of(x) & self.names_of(y):
            at, other = self.place(name, x), self.place(name, y)
            if at is not None and other is not None and abs(at - other) <= _width(name):
                return True
        return False

    def names_of(self, x: str) -> set[Bucket]:
        """The buckets a claim is in: those of its actors (an event report), or of its orderings in
        its years (a figure; an undated one is in each of its orderings')."""
        if x in self.names:
            return self.names[x]
        c = self.claims.get(x)
        if c is None:
            found: set[Bucket] = set()
        elif c.figure is None:
            found = {(EVENTS, key) for key in self.actors.get(x, ())}
        else:
            own = buckets.bucket_names(c, self.measures.get(x))
            found = {name for o, _ in own for name in self.of_ordering.get(o, ())} if c.time is None else set(own)
        self.names[x] = found
        return found

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
        ids, order = self.bucket(name)
        at = bisect.bisect_left(order, _order(claim))
        return iter(range(max(0, at - _width(name) - 1), min(len(ids), at + _width(name) + 2)))


def _order(claim: Claim) -> tuple[object, str]:
    """Where a claim stands in its buckets: event reports in time, figures lowest first."""
    return event_order(claim) if claim.kind == "event" else readings.lowest_first(claim)


def _width(name: Bucket) -> int:
    """How many places apart two claims of a bucket meet."""
    return NEIGHBOURS if name[0] == EVENTS else reconcile.WINDOW


def _near_changes(old: _Windows, new: _Windows, written: frozenset[str]) -> tuple[set[Pair], set[Pair]]:
    """The pairs that may meet on one side and not the other, or touch a claim written, by the
    side they meet on: in each bucket, those that meet there near a claim written that is in it
    on either side (the others are in the same buckets on both sides). Two claims are apart by the
    claims between them, so a pair meets on both sides or neither unless such a claim is between
    them, and then both are near it."""
    changed: dict[Bucket, set[str]] = defaultdict(set)
    for i in written:
        for name in old.names_of(i) | new.names_of(i):
            changed[name].add(i)
    found: tuple[set[Pair], set[Pair]] = (set(), set())
    for name, claims in changed.items():
        for side, pairs in zip((old, new), found):
            ids, _ = side.bucket(name)
            if not ids:
                continue
            places: set[int] = set()
            for i in claims:
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
