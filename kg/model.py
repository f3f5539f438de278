"""The data that flows between stages, as frozen dataclasses.

Each stage turns one of these into the next: ``Document`` (ingest) -> ``Claim`` (extract and
normalize) -> triples (build); reconciliation adds ``Relation`` between claims. Offsets are
character offsets into ``Document.text``.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import types
from collections.abc import Callable, Iterable
from dataclasses import MISSING, Field, dataclass, field, fields, is_dataclass
from datetime import date
from functools import cached_property
from typing import Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

import msgspec
import orjson


def content_id(*parts: object, length: int = 16) -> str:
    """A stable id derived from content.

    >>> content_id("a.txt", 10, 20)
    '7dabefc996b10452'
    """
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8", "surrogatepass")).hexdigest()
    return digest[:length]


@dataclass(frozen=True)
class Span:
    """A region of a document's text: ``text[start:end]``."""

    start: int
    end: int


@dataclass(frozen=True)
class Boilerplate(Span):
    """Site chrome, captions, headers: text that is not reporting. ``kind`` names what it is."""

    kind: str = "chrome"


class SpanIndex:
    """Character spans, merged and sorted, asked how much of a range they cover.

    >>> SpanIndex([(0, 10), (5, 20), (30, 40)]).covered(8, 35)
    17
    """

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [m[0] for m in merged]
        self.ends = [m[1] for m in merged]

    def covered(self, start: int, end: int) -> int:
        """Characters of ``[start, end)`` inside a span."""
        i = max(0, bisect.bisect_right(self.starts, start) - 1)
        total = 0
        while i < len(self.starts) and self.starts[i] < end:
            total += max(0, min(end, self.ends[i]) - max(start, self.starts[i]))
            i += 1
        return total


@dataclass(frozen=True)
class Document:
    """One ingested file: its text, its metadata and the spans later stages skip.

    ``key`` is the file name; it identifies the document across versions, so a changed file
    replaces the old one. ``sha256`` identifies this version.
    """

    key: str
    text: str
    sha256: str
    media_type: str = "text/plain"
    title: str | None = None
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    published: date | None = None
    url: str | None = None
    language: str | None = None
    boilerplate: tuple[Boilerplate, ...] = ()

    @property
    def id(self) -> str:
        """The document's id: stable across versions of the same file."""
        return content_id("document", self.key)

    @cached_property
    def _boilerplate_index(self) -> SpanIndex:
        return SpanIndex((b.start, b.end) for b in self.boilerplate)

    def boilerplate_in(self, start: int, end: int) -> int:
        """Characters of ``[start, end)`` inside boilerplate spans (in time logarithmic in their number)."""
        return self._boilerplate_index.covered(start, end)

    def is_boilerplate(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` overlaps a boilerplate span."""
        return self.boilerplate_in(start, end) > 0


@dataclass(frozen=True)
class FigureMention:
    """A figure as found in text, before it is read: its span, hedge and unit words."""

    surface: str
    start: int
    end: int
    hedge: str | None = None
    unit_text: str | None = None


@dataclass(frozen=True)
class TimeMention:
    """A time expression as written, with its span.

    ``baseline`` marks the other side of a comparison ("from the previous year"); ``reporting``
    marks when a source spoke ("reported on May 5"), not when the claim holds; ``since`` marks the
    start of a period that runs to the publication date ("since February 2022").
    """

    text: str
    start: int
    end: int
    baseline: bool = False
    reporting: bool = False
    since: bool = False


@dataclass(frozen=True)
class Frame:
    """What a figure measures, read from the parse.

    ``thing`` is the measured thing as written ("homes destroyed by the flood"), ``head`` its
    canonical word ("home"), ``modifiers`` the words that qualify it ("net" in "net profit").
    ``predicate`` is the verb with its particle ("kill", "fall to"); ``owner`` says whose figure it
    is (an entity key, or a name as a slug) and ``owner_entity`` is set when the alias table knows
    it; ``place`` is a place named beside it; ``per`` the thing of a rate ("share" in "$2.53 a
    share"); ``increment`` marks "another 3,000"; ``purpose`` is what the counted action was
    for ("education" in "visited for education purposes"). ``reason`` says why there is no ``head`` when there is none.
    """

    thing: str | None = None
    head: str | None = None
    modifiers: tuple[str, ...] = ()
    predicate: str | None = None
    owner: str | None = None
    owner_entity: str | None = None
    place: str | None = None
    per: str | None = None
    increment: bool = False
    purpose: str | None = None
    reason: str | None = None


@dataclass(frozen=True)
class ClaimMention:
    """What extraction found for one claim; ``normalize`` turns it into a ``Claim``."""

    document: str
    kind: str
    start: int
    end: int
    sentence: Span
    text: str
    figure: FigureMention | None = None
    subject: str | None = None
    subject_entity: str | None = None
    frame: Frame | None = None
    times: tuple[TimeMention, ...] = ()
    inherited_time: TimeMention | None = None
    place: str | None = None
    sources: tuple[Source, ...] = ()
    modality_cues: tuple[str, ...] = ()
    trigger: str | None = None
    event_type: str | None = None
    participants: tuple[str, ...] = ()
    actors: tuple[Actor, ...] = ()
    figure_spans: tuple[tuple[int, int], ...] = ()
    damaged_text: bool = False


@dataclass(frozen=True)
class Figure:
    """A number read from text as an amount or an interval, with its hedge and unit.

    ``value`` is set for single figures, ``low``/``high`` for ranges and open bounds
    (``at_least`` keeps ``value`` and may set ``low``). Shares are in percent, multipliers
    are plain ratios.
    """

    surface: str
    start: int
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    qualifier: str = "exact"
    unit: str | None = None
    confidence: float = 1.0
    repaired: bool = False


#: The roles an actor can have in an event, in the order they are listed.
ACTOR_ROLES = ("agent", "patient", "recipient")


@dataclass(frozen=True)
class Actor:
    """Who takes part in an event and how: the ``agent`` who did it, the ``patient`` it was done
    to, the ``recipient`` it went to. ``entity`` is the alias-table entity when one is known;
    ``named`` says the words are a name (read by NER), not a pronoun or a common noun."""

    role: str
    name: str
    entity: str | None = None
    named: bool = False

    def order(self) -> tuple[int, str, str]:
        """Where the actor is listed: agents first, then patients, then recipients, by name."""
        return ACTOR_ROLES.index(self.role), self.name, self.entity or ""


@dataclass(frozen=True)
class Source:
    """One link of an attribution chain.

    ``entity`` is the canonical entity key when the name resolves to one (``"nis"``),
    ``kind`` is ``named``, ``anonymous``, ``group``, ``data`` or ``publisher``.
    """

    label: str
    kind: str = "named"
    entity: str | None = None
    phrase: str | None = None

    def identity(self, document: str) -> str:
        """Who this source is, across the corpus: its entity, or its kind and label.

        Anonymous sources ("a source in Russia") are different people in different documents.
        """
        if self.entity:
            return f"entity:{self.entity}"
        scope = document if self.kind == "anonymous" else ""
        return f"source:{content_id(self.kind, scope, self.label.lower())}"


@dataclass(frozen=True)
class TimeScope:
    """When a claim applies: as written, and as an ISO 8601 year, date or ``start/end`` interval."""

    text: str
    iso: str
    start: date
    end: date
    projected: bool = False


class Recorded:
    """A dataclass kept in the store as one JSON record (``cg:record``) beside its triples."""

    def to_json(self) -> str:
        """The object as one JSON object (fields left at their defaults are left out); ``from_json``
        reads it back to an equal object.

        >>> c = Claim("a.txt", "event", 0, 4, Span(0, 10), "Rain fell.", trigger="fall")
        >>> c.to_json()
        '{"document":"a.txt","kind":"event","start":0,"end":4,"sentence":{"start":0,"end":10},"text":"Rain fell.","trigger":"fall"}'
        >>> Claim.from_json(c.to_json()) == c
        True
        """
        return json.dumps(_plain(self), ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls: type[R], text: str) -> R:
        """The object ``to_json`` wrote (names it does not know are ignored, those it lacks take
        their defaults)."""
        try:
            found = _reader(cls).decode(text)
        except (msgspec.MsgspecError, UnicodeEncodeError):  # NaN, lone surrogates: read by the standard library
            found = _decoder(cls)(read_record(text))
        assert isinstance(found, cls)
        return found


def read_record(text: str) -> Any:
    """A record's JSON (``Recorded.to_json``) as Python values: parsed by orjson, or by the standard
    library where orjson is stricter (the NaN and infinities ``json.dumps`` writes, lone surrogates)."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


R = TypeVar("R", bound=Recorded)


def _reader(kind: type) -> msgspec.json.Decoder[Any]:
    """What reads a record of ``kind`` straight from its JSON, made once for each kind (msgspec
    builds the dataclasses in C, several times faster than ``_decoder``; they have no checks of
    their own to skip)."""
    found = _READERS.get(kind)
    if found is None:
        found = _READERS[kind] = msgspec.json.Decoder(kind)
    return found


_READERS: dict[type, msgspec.json.Decoder[Any]] = {}


def _default(f: Field[Any]) -> object:
    if f.default is not MISSING:
        return f.default
    if f.default_factory is not MISSING:
        return f.default_factory()
    return MISSING


def _plain(value: object) -> object:
    """A dataclass as JSON values: objects without the fields at their defaults, tuples as lists,
    dates in ISO 8601."""
    if is_dataclass(value) and not isinstance(value, type):
        out = {}
        for name, default in _fields_of(type(value)):
            v = getattr(value, name)
            if v != default:
                out[name] = v if type(v) in _SCALARS else _plain(v)
        return out
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


#: Values that are their own JSON.
_SCALARS = frozenset({str, int, float, bool})
_FIELDS: dict[type, list[tuple[str, object]]] = {}


def _fields_of(kind: type) -> list[tuple[str, object]]:
    """A dataclass's fields with their defaults, read once for each kind."""
    found = _FIELDS.get(kind)
    if found is None:
        found = _FIELDS[kind] = [(f.name, _default(f)) for f in fields(kind)]
    return found


_DECODERS: dict[Any, Callable[[Any], Any]] = {}


def _decoder(kind: Any) -> Callable[[Any], Any]:
    """What reads a JSON value that ``_plain`` wrote back as a ``kind`` (a dataclass, a tuple, a
    date, a number, or those or None), made once for each kind."""
    found = _DECODERS.get(kind)
    if found is None:
        found = _DECODERS[kind] = _make_decoder(kind)
    return found


def _make_decoder(kind: Any) -> Callable[[Any], Any]:
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        inner = _decoder(next(a for a in get_args(kind) if a is not type(None)))
        return _same if inner is _same else lambda v: None if v is None else inner(v)
    if origin is tuple:
        item = _decoder(get_args(kind)[0])
        return tuple if item is _same else lambda v: tuple(item(x) for x in v)
    if isinstance(kind, type) and is_dataclass(kind):
        return _dataclass_decoder(kind)
    if kind is date:
        return date.fromisoformat
    if kind is float:
        return float
    return _same


def _same(value: object) -> object:
    return value


def _dataclass_decoder(kind: type) -> Callable[[Any], Any]:
    """What reads a dataclass's JSON object (a fresh one, converted in place): names it does not
    know are dropped, and only the fields that are not their own JSON (dates, tuples, numbers,
    nested objects) are converted."""
    hints = get_type_hints(kind)
    convert = {name: found for name, hint in hints.items() if (found := _decoder(hint)) is not _same}

    def decode(value: dict[str, Any]) -> object:
        if not value.keys() <= hints.keys():
            value = {name: x for name, x in value.items() if name in hints}
        for name in convert.keys() & value.keys():
            value[name] = convert[name](value[name])
        return kind(**value)

    return decode


@dataclass(frozen=True)
class Claim(Recorded):
    """One assertion of a document with everything the later stages need.

    ``start``/``end`` locate the figure (or the key phrase of an event); ``sentence`` locates the
    whole statement. ``sources`` is the attribution chain, outermost first, without the document.
    ``figures`` are the ids of the figure claims an event carries ("deployed 3,000 troops").
    """

    document: str
    kind: str
    start: int
    end: int
    sentence: Span
    text: str
    figure: Figure | None = None
    subject: str | None = None
    subject_entity: str | None = None
    measure: str | None = None
    time: TimeScope | None = None
    place: str | None = None
    sources: tuple[Source, ...] = ()
    modality: str = "asserted"
    frame: Frame | None = None
    trigger: str | None = None
    event_type: str | None = None
    participants: tuple[str, ...] = ()
    actors: tuple[Actor, ...] = ()
    figures: tuple[str, ...] = ()

    @cached_property
    def id(self) -> str:
        """A content-derived id: document, span and reading."""
        f = self.figure
        reading = (f.value, f.low, f.high, f.unit) if f else (self.trigger,)
        return content_id("claim", self.document, self.start, self.end, *reading)

    def entities(self) -> set[str]:
        """The alias-table entities the claim is about or attributed to."""
        keys = {k for k in (self.subject_entity, self.place, *self.participants) if k}
        keys.update(s.entity for s in self.sources if s.entity)
        return keys

#: The kinds of verdict between two claims: they agree, they cannot both hold, or they are one
#: measure at two times (``a`` the earlier claim, ``b`` the later).
RELATION_KINDS = ("corroborates", "conflicts", "changes")
#: What a verdict is made on: figures' values, a series of one measure, arithmetic (a ratio or
#: change against counts, parts against their total), reports of one event.
RELATION_BASES = ("value", "series", "arithmetic", "event")
#: The bases a corroboration can have: a series of one measure only tells how it changed.
CORROBORATION_BASES = ("value", "arithmetic", "event")


@dataclass(frozen=True)
class Relation(Recorded):
    """A verdict between two claims (one of ``RELATION_KINDS``), with its reason and scores."""

    kind: str
    a: str
    b: str
    reason: str
    basis: str = "value"
    tolerance: float | None = None
    difference: float | None = None
    scope: str | None = None
    values: tuple[str, ...] = field(default_factory=tuple)
    #: How alike the two claims' measured things are (0-1), for verdicts on their values.
    similarity: float | None = None

    @cached_property
    def id(self) -> str:
        first, second = sorted((self.a, self.b))
        return content_id("relation", self.kind, self.basis, first, second)


# ==================================================================================== names users pick

#: A review's rating: the scale, worst to best, then ``unverifiable``, which is off the scale.
Rating = Literal["false", "misleading", "mixed", "mostly-true", "true", "unverifiable"]
#: What a review's claim has become: still there, changed since (or its document did), or gone with its document.
Status = Literal["current", "stale", "orphaned"]
STATUSES: tuple[str, ...] = get_args(Status)
#: What the whole graph is exported as: RDF serialisations, graphs for Gephi and others, a table of claims.
EXPORT_FORMATS = ("ttl", "trig", "nq", "nt", "jsonld", "rdfxml", "gexf", "graphml", "csv")
