"""Which figures meet: a block's figures in orderings by value (their dimension's, and those of
their people and place), each ordering cut by year into buckets; a figure is compared with its
neighbours in each bucket it is in (``reconcile``), and a write looks again only near the claims
it changes (``rejudge``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from functools import cache

from .model import Claim
from .ontology import slug
from .readings import Measure, Measures, lowest_first


def named_place(c: Claim) -> tuple[str, ...] | None:
    """The words of a place named beside a figure that has no place of the alias table ("rose to
    4,000 in Osaka": its ``frame``'s place, as written), or None."""
    if c.place or c.frame is None or not c.frame.place:
        return None
    return _words(c.frame.place)


@cache
def _words(name: str) -> tuple[str, ...] | None:
    """A name's words as a key has them (``ontology.slug``), without "the"."""
    return tuple(w for w in slug(name).split("-") if w and w != "the") or None


def years(c: Claim) -> list[object]:
    """The years a claim's time covers, by which it is put in buckets ("?" for an undated claim)."""
    if c.time is None:
        return ["?"]
    y1, y2 = c.time.start.year, c.time.end.year
    return list(range(y1, y2 + 1)) if y2 - y1 <= 12 else [f"{y1 // 10}0s"]


#: An ordering of a block's figures by value (``orderings``): a dimension, with the people or
#: the place (or both) of the figures in it, when it is not all of the dimension's.
Ordering = tuple[str, ...]


def orderings(c: Claim, m: Measure) -> tuple[Ordering, ...]:
    """The orderings by value a figure is put in: all of its dimension's (count, money, share,
    rate ...), and those of its people, of its place (of the alias table, or as named:
    ``named_place``) and of both, when it names them. A block of a field of news holds the
    figures of many stories; two of one story's figures, whose people and place are the same,
    meet among those of that story, not among every figure of their dimension near their value."""
    dimension, nationality, named = m.dimension, m.nationality, named_place(c)
    place = c.place or ("-".join(named) if named else None)
    return ((dimension,), *([(dimension, "of", nationality)] if nationality else []),
            *([(dimension, "in", place)] if place else []),
            *([(dimension, nationality, place)] if nationality and place else []))


#: A bucket of figures that can meet by value: an ordering and a year ("?": the undated).
BucketName = tuple[Ordering, object]


def bucket_names(c: Claim, m: Measure | None) -> list[BucketName]:
    """The buckets a figure is put in by its own time: each of its orderings in each of its years
    ("?" when undated; an undated figure is in every bucket of its orderings too); none for a
    claim without a measure or a figure read with confidence."""
    if m is None or c.figure is None or c.figure.confidence <= 0.5:
        return []
    spans = years(c)
    return [(ordering, y) for ordering in orderings(c, m) for y in spans]


def bucket_members(claims: Sequence[Claim], measures: Measures
                   ) -> tuple[dict[BucketName, list[Claim]], dict[Ordering, list[Claim]]]:
    """The figures that can meet by value (``value_buckets``), unsorted: those of each bucket
    dated in its year (undated, of the "?" bucket), and the undated of each ordering, which every
    bucket of that ordering holds too."""
    dated: dict[BucketName, list[Claim]] = defaultdict(list)
    undated: dict[Ordering, list[Claim]] = defaultdict(list)
    for c in claims:
        for name in bucket_names(c, measures[c.id]):
            dated[name].append(c)
            if c.time is None:
                undated[name[0]].append(c)
    return dated, undated


def value_buckets(claims: Sequence[Claim], measures: Measures
                  ) -> dict[BucketName, list[tuple[Claim, Measure]]]:
    """The claims that can meet by value: by ordering (``orderings``) and year, undated claims in
    every year of their ordering, each bucket lowest first (``lowest_first``)."""
    dated, undated = bucket_members(claims, measures)
    order = {c.id: lowest_first(c) for c in claims if c.figure is not None}
    out = {}
    for name, members in dated.items():
        bucket = members + undated[name[0]] if name[1] != "?" else members
        out[name] = [(c, m) for c in sorted(bucket, key=lambda c: order[c.id]) if (m := measures[c.id]) is not None]
    return out
