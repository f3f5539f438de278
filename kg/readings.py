"""A claim's figure as reconciliation reads it: the interval of values it allows (``interval``),
where it stands in a block (``lowest_first``), and what it measures (``Measure``: whose figure,
the measured thing and its dimension, with the claim's ``topics``).

>>> from kg.model import Figure
>>> interval(Figure("nearly 8,000", 0, 12, 8000, qualifier="approx"), 0.05)
(7600.0, 8000.0)
>>> interval(Figure("more than 300", 0, 13, 300, qualifier="at_least"), 0.05)
(300.0, inf)
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from .lexicon import BELOW_HEDGES, FIELD_OF, REACHED_BOUNDS, VERB_FIELDS, canonical, canonical_verb
from .model import Claim, Figure
from .wording import number

_BELOW = re.compile(r"^\s*(?:%s)\b" % "|".join(map(re.escape, BELOW_HEDGES)), re.I)
_REACHED = re.compile(r"^\s*(?:%s)\b" % "|".join(map(re.escape, REACHED_BOUNDS)), re.I)


#: How far an open bound reaches when it is taken as support: "more than 300" backs 300-450, not 15,000.
OPEN_REACH = 1.5


def lowest_first(claim: Claim) -> tuple[float, str]:
    """Sort key of a block's claims: the low end of each figure's interval, then the id."""
    return (interval(claim.figure, 0)[0] if claim.figure is not None else 0.0, claim.id)


def interval(figure: Figure, tolerance: float, bounded: bool = False) -> tuple[float, float]:
    """A figure as the interval of values it allows, widened by ``tolerance`` when hedged.

    Open bounds ("more than 300") are open-ended; ``bounded`` closes them at ``OPEN_REACH``
    times the bound, which is what they can be said to support.
    """
    if figure.low is not None and figure.high is not None:
        return figure.low, figure.high
    raw = figure.value if figure.value is not None else (figure.low if figure.low is not None else figure.high)
    assert raw is not None
    v = float(raw)
    if figure.qualifier == "at_least":
        cap = 100.0 if figure.unit == "percent" and v <= 100 else math.inf
        return v, min(cap, v * OPEN_REACH) if bounded else cap
    if figure.qualifier == "at_most":
        return (v / OPEN_REACH if bounded else 0.0), v
    if figure.qualifier == "approx":
        if _BELOW.match(figure.surface):
            return v * (1 - tolerance), v
        return v * (1 - tolerance), v * (1 + tolerance)
    return v, v


def reached(figure: Figure) -> bool:
    """Whether a figure is an upper bound reported as reached ("as many as 12,000 fled"): compared
    with other reports as about the bound."""
    return figure.qualifier == "at_most" and bool(_REACHED.match(figure.surface))


def describe(figure: Figure, iv: tuple[float, float]) -> str:
    """A figure with the interval it was read as, for a verdict's reason."""
    lo, hi = iv
    if lo == hi:
        return f"{figure.surface} = {number(lo)}"
    return f"{figure.surface} = [{number(lo)}, {number(hi)}]"


@dataclass(frozen=True)
class Measure:
    """A claim's measure key read into its parts, with the claim's topics (computed once)."""

    nationality: str | None
    block: str
    topics: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def of(cls, claim: Claim) -> Measure | None:
        if not claim.measure:
            return None
        nationality, _, block = claim.measure.partition(":")
        return cls(None if nationality == "any" else nationality, block, topics(claim))

    @property
    def head(self) -> str:
        """The canonical measured thing ("arrival" in "north-korea:arrival:ratio")."""
        return self.block.split(":", 1)[0]

    @property
    def dimension(self) -> str:
        """What the figure is in besides a count: increment, money, share, rate, unit ("ratio")."""
        return self.block.partition(":")[2]


def topics(claim: Claim) -> frozenset[str]:
    """What a claim's figure is about: the fields of news its measured thing, qualifiers, purpose
    and predicate belong to ("entry", "education"), and its canonical head when that has none.

    >>> from kg.model import Frame
    >>> c = Claim("a", "figure", 0, 1, None, "", measure="any:visa", frame=Frame(head="visa", modifiers=("student",)))
    >>> sorted(topics(c))
    ['education', 'entry']
    """
    frame = claim.frame
    key_head = claim.measure.split(":")[1] if claim.measure and ":" in claim.measure else None
    if frame is None:
        return _topics(key_head, (), None, None)
    return _topics(frame.head or key_head, frame.modifiers, frame.purpose, frame.predicate)


@lru_cache(maxsize=8192)
def _topics(head: str | None, modifiers: tuple[str, ...], purpose: str | None, predicate: str | None
            ) -> frozenset[str]:
    """``topics`` of a measured thing's words (a story's claims repeat a few, read once each)."""
    words = [head, *modifiers, purpose, canonical_verb(predicate) if predicate else None]
    found = {FIELD_OF.get(canonical(w)) or FIELD_OF.get(w) for w in words if w}
    if predicate:
        found.add(VERB_FIELDS.get(predicate) or VERB_FIELDS.get(predicate.split()[0]))
    found.discard(None)
    if head and not (FIELD_OF.get(head) or FIELD_OF.get(canonical(head))):
        found.add(head)
    return frozenset(w for w in found if w)


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """The share of two topic sets they have in common (Jaccard).

    >>> similarity(frozenset({"entry", "education"}), frozenset({"entry"}))
    0.5
    """
    return len(a & b) / len(a | b) if a or b else 0.0


#: Each claim's measure read once (by id), shared by the verdicts of one partition.
Measures = dict[str, Measure | None]


def measures_of(claims: Sequence[Claim]) -> Measures:
    return {c.id: Measure.of(c) for c in claims}
