"""One claim as a plain record: the shape ``kg extract --format jsonl`` prints and the API serves."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import TypedDict

from .independence import assess
from .model import Claim, Document, Relation


class DocumentRecord(TypedDict):
    """One document with its metadata and claim count, as the API serves it."""

    id: str
    file: str
    title: str | None
    authors: list[str]
    publisher: str | None
    published: str | None
    url: str | None
    sha256: str
    media_type: str
    claims: int


def document_record(doc: Document, claims: int = 0) -> DocumentRecord:
    """A document's record: its metadata, and how many claims it has."""
    return {"id": doc.id, "file": doc.key, "title": doc.title, "authors": list(doc.authors), "publisher": doc.publisher,
            "published": doc.published.isoformat() if doc.published else None, "url": doc.url, "sha256": doc.sha256,
            "media_type": doc.media_type, "claims": claims}


class ActorRecord(TypedDict):
    role: str
    name: str
    entity: str | None


class FigurePoint(TypedDict):
    """What a chart of figures over time draws of one dated figure claim."""

    document: str
    measure: str | None
    unit: str | None
    time: str
    value: float | None
    low: float | None
    high: float | None
    source: str | None  # the outermost link of its attribution chain
    conflicts: bool


class ClaimRecord(TypedDict):
    """One claim as ``kg extract --format jsonl`` prints it and the API serves it."""

    id: str
    document: str
    kind: str
    start: int
    end: int
    text: str
    figure: str | None
    value: float | None
    low: float | None
    high: float | None
    qualifier: str | None
    confidence: float | None
    modality: str
    unit: str | None
    subject: str | None
    measure: str | None
    time: str | None
    time_text: str | None
    place: str | None
    event: str | None
    event_type: str | None
    participants: list[str]
    actors: list[ActorRecord]
    figures: list[str]
    sources: list[str]
    corroborates: list[str]
    conflicts: list[str]
    changes: list[str]
    independent_sources: int
    single_source_story: bool
    circular_reporting: bool


def claim_record(claim: Claim, links: Mapping[str, Iterable[str]], roots: int, single_source: bool = False,
                 circular: bool = False) -> ClaimRecord:
    """One claim in the ``kg extract --format jsonl`` shape; ``links`` holds the ids of the
    claims it is related to, by kind of verdict."""
    f = claim.figure
    return {
        "id": claim.id,
        "document": claim.document,
        "kind": claim.kind,
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
        "figure": f.surface if f else None,
        "value": f.value if f else None,
        "low": f.low if f else None,
        "high": f.high if f else None,
        "qualifier": f.qualifier if f else None,
        "confidence": round(f.confidence, 3) if f else None,
        "modality": claim.modality,
        "unit": f.unit if f else None,
        "subject": claim.subject,
        "measure": claim.measure,
        "time": claim.time.iso if claim.time else None,
        "time_text": claim.time.text if claim.time else None,
        "place": claim.place,
        "event": claim.trigger,
        "event_type": claim.event_type,
        "participants": list(claim.participants),
        "actors": [{"role": a.role, "name": a.name, "entity": a.entity} for a in claim.actors],
        "figures": list(claim.figures),
        "sources": [s.label for s in claim.sources],
        "corroborates": sorted(set(links.get("corroborates", ()))),
        "conflicts": sorted(set(links.get("conflicts", ()))),
        "changes": sorted(set(links.get("changes", ()))),
        "independent_sources": roots,
        "single_source_story": single_source,
        "circular_reporting": circular,
    }


def claim_records(claims: Sequence[Claim], relations: Sequence[Relation]) -> list[ClaimRecord]:
    """Every claim of an in-memory extraction with its verdicts, roots and flags."""
    links: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for r in relations:
        links[r.a][r.kind].append(r.b)
        links[r.b][r.kind].append(r.a)
    assessed = assess(claims, relations)
    return [claim_record(c, links[c.id], a.independent, a.single_source, a.circular)
            for c in claims for a in [assessed[c.id]]]
