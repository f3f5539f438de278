"""Claims, verdicts and documents read back from the store (the inverse of ``kg.build``): all of
them, or those of given ids, each from its record (one row each)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import NamedTuple, TypeVar, cast

from rdflib import URIRef
from rdflib.term import Node

from . import build as rdf
from . import lists, queries
from .build import ID
from .independence import Edge
from .model import Actor, Claim, Figure, Frame, Relation, Source, Span, TimeScope, read_record
from .ontology import ENTITY_PREFIX
from .records import DocumentRecord, FigurePoint
from .store import GraphStore, Value, integer, text_or_none
from .vocab import CG

DOCUMENT_PREFIX = str(ID["document/"])
CLAIM_PREFIX = str(ID["claim/"])
VERDICT_PREFIX = str(ID["verdict/"])
CG_PREFIX = str(CG._NS)


def _local(iri: object, prefix: str) -> str:
    return str(iri)[len(prefix) :]


def documents(store: GraphStore, doc_ids: Sequence[str] | None = None) -> list[DocumentRecord]:
    """Documents (all, or those of ``doc_ids``) with their metadata and claim counts, ordered by
    file name: each from its record (``cg:record`` in its own graph, one row a document), a
    document written without one, by an earlier version, from its fields."""
    iris = None if doc_ids is None else [URIRef(DOCUMENT_PREFIX + d) for d in doc_ids]
    found: dict[str, DocumentRecord] = {}
    rows = store.select(queries.ALL_DOCUMENT_RECORDS) if iris is None else \
        store.select_each(queries.DOCUMENT_RECORDS, "doc", iris)
    for row in rows:
        record = read_record(str(row["record"]))
        if str(row["g"]) == str(rdf.graph_iri_for_key(record["file"])) and DOCUMENT_PREFIX + record["id"] == row["doc"]:
            found[str(row["doc"])] = cast(DocumentRecord, {**record, "claims": 0})
    if iris is None:
        unrecorded = [URIRef(str(r["doc"])) for r in store.select(queries.DOCUMENTS_WITHOUT_RECORD)]
    else:
        unrecorded = [i for i in iris if str(i) not in found]
    if unrecorded:
        found.update((DOCUMENT_PREFIX + d["id"], d) for d in _documents_from_fields(store, unrecorded))
    claims = {str(row["doc"]): integer(row["claims"]) for row in select_rows(store, queries.DOCUMENT_CLAIMS, "doc", iris)}
    return sorted(({**d, "claims": claims.get(iri, 0)} for iri, d in found.items()), key=lambda d: d["file"])


def _documents_from_fields(store: GraphStore, iris: Sequence[URIRef]) -> list[DocumentRecord]:
    """The documents of ``iris`` that the store has, from their fields (without claim counts)."""
    authors: dict[str, list[str]] = {}
    for row in select_rows(store, queries.DOCUMENT_AUTHORS, "doc", iris):
        authors.setdefault(str(row["doc"]), []).append(str(row["name"]))
    fields: dict[tuple[str, str], dict[str, Value]] = {}
    for row in select_rows(store, queries.DOCUMENT_FIELDS, "doc", iris):
        fields.setdefault((str(row["doc"]), str(row["g"])), {})[str(row["field"])] = row["value"]
    out: list[DocumentRecord] = []
    for (iri, _), f in fields.items():
        if not all(key in f for key in ("document", "file", "sha256", "media_type")):
            continue  # not a document's own graph
        out.append({
            "id": _local(iri, DOCUMENT_PREFIX),
            "file": str(f["file"]),
            "title": text_or_none(f.get("title")),
            "authors": authors.get(iri, []),
            "publisher": text_or_none(f.get("publisher")),
            "published": text_or_none(f.get("published")),
            "url": text_or_none(f.get("url")),
            "sha256": str(f["sha256"]),
            "media_type": str(f["media_type"]),
            "claims": 0,
        })
    return out


def select_rows(store: GraphStore, sparql: str, name: str, values: Sequence[Node] | None) -> list[dict[str, Value]]:
    """A query's rows over the whole store, or for each of ``values`` bound to ``?name``."""
    return store.select(sparql) if values is None else store.select_each(sparql, name, values)


#: Claims written without a record read back from their triples at a time.
UNRECORDED_SLICE = 500


def load_claims(store: GraphStore, claim_ids: Sequence[str] | None = None) -> list[Claim]:
    """Every claim in the store (or those of ``claim_ids`` that it has), read back for
    reconciliation and lookups (the inverse of ``build.claim_triples``), in document order.

    Each is read from its record (``cg:record``, one row a claim); a claim written without one,
    by an earlier version, from its triples."""
    if claim_ids is None:
        found = {c.id: c for c in iter_claims(store)}
    else:
        iris = [rdf.claim_iri(c) for c in claim_ids]
        found = {c.id: c for c in _recorded_claims(store.select_each(queries.RECORDS, "node", iris))}
        unrecorded = [i for i in iris if rdf.claim_id_of(i) not in found]
        if unrecorded:
            found.update((c.id, c) for c in _claims_from_triples(store, unrecorded))
    return sorted(found.values(), key=lambda c: (c.document, c.start, c.id))


def claims_with_keys(store: GraphStore, keys: Collection[str]) -> list[Claim]:
    """The claims with any of the blocking ``keys``, read back once each from the graphs of the
    keys (``build.members_graph``), in document order."""
    records = set(store.texts_each(queries.MEMBER_RECORDS, "g", [rdf.members_graph(k) for k in sorted(keys)]))
    return sorted(map(Claim.from_json, records), key=lambda c: (c.document, c.start, c.id))


def iter_claims(store: GraphStore) -> Iterator[Claim]:
    """Every claim in the store in the order the engine reads them, streamed from their records;
    those written without one, from their triples, ``UNRECORDED_SLICE`` at a time (looked for
    only when the documents count more claims than records were read)."""
    return _every_claim(store, _recorded_claims, lambda claims: claims)


def iter_sketches(store: GraphStore) -> Iterator[Sketch]:
    """Every claim as a network draws it (``Sketch``), as ``iter_claims`` reads them, without
    decoding the rest of its record."""
    return _every_claim(store, _recorded_sketches, lambda claims: map(Sketch.of, claims))


Read = TypeVar("Read")


def _every_claim(store: GraphStore, recorded: Callable[[Iterable[dict[str, Value]]], Iterator[Read]],
                 unrecorded: Callable[[list[Claim]], Iterable[Read]]) -> Iterator[Read]:
    read = 0
    for claim in recorded(store.stream(queries.ALL_CLAIM_RECORDS)):
        read += 1
        yield claim
    if 0 < claim_count(store) <= read:
        return
    iris = [URIRef(str(r["claim"])) for r in store.select(queries.CLAIMS_WITHOUT_RECORD)]
    for i in range(0, len(iris), UNRECORDED_SLICE):
        yield from unrecorded(_claims_from_triples(store, iris[i : i + UNRECORDED_SLICE]))


def claim_count(store: GraphStore) -> int:
    """How many claims the store holds, as its documents' counts say."""
    rows = store.stream(queries.DOCUMENT_CLAIMS)
    return sum(integer(r["claims"]) for r in rows if str(r["doc"]).startswith(DOCUMENT_PREFIX))


def _recorded_claims(rows: Iterable[dict[str, Value]]) -> Iterator[Claim]:
    for row in rows:
        iri = str(row["node"])
        if iri.startswith(CLAIM_PREFIX):
            yield _same_id(Claim.from_json(str(row["record"])), iri)


class Sketch(NamedTuple):
    """A claim as a network draws it: its label (the figure as written, or the event's verb),
    measure, ISO time (or ""), kind, event type (or ""), document, chain, and the entities it is
    about (its subject's, its place, its participants and its actors', in that order, once each)."""

    id: str
    label: str
    measure: str
    time: str
    kind: str
    event_type: str
    document: str
    sources: tuple[Source, ...]
    entities: tuple[str, ...]

    @classmethod
    def of(cls, c: Claim) -> Sketch:
        return cls.drawn(c.id, c.figure.surface if c.figure else None, c.trigger, c.measure,
                         c.time.iso if c.time else None, c.kind, c.event_type, c.document, c.sources,
                         (c.subject_entity, c.place, *c.participants, *(a.entity for a in c.actors)))

    @classmethod
    def drawn(cls, claim_id: str, surface: str | None, trigger: str | None, measure: str | None, time: str | None,
              kind: str, event_type: str | None, document: str, sources: tuple[Source, ...],
              named: Iterable[str | None]) -> Sketch:
        """A claim's sketch from its fields (``surface`` its figure's, None without one; ``named``
        the entities it names, in order, with repeats and blanks)."""
        return cls(claim_id, surface if surface is not None else (trigger or "event"), measure or "", time or "",
                   kind, event_type or "", document, sources, tuple(e for e in dict.fromkeys(named) if e))


def _recorded_sketches(rows: Iterable[dict[str, Value]]) -> Iterator[Sketch]:
    """``Sketch``es of the claims' records (``_recorded_claims``), their ids from their IRIs."""
    for row in rows:
        iri = str(row["node"])
        if not iri.startswith(CLAIM_PREFIX):
            continue
        f = read_record(str(row["record"]))
        figure, time = f.get("figure"), f.get("time")
        sources = tuple(Source(s["label"], s.get("kind", Source.kind), s.get("entity"), s.get("phrase"))
                        for s in f.get("sources", ()))
        yield Sketch.drawn(iri[len(CLAIM_PREFIX):], figure["surface"] if figure else None, f.get("trigger"),
                           f.get("measure"), time["iso"] if time else None, f["kind"], f.get("event_type"),
                           f["document"], sources, (f.get("subject_entity"), f.get("place"), *f.get("participants", ()),
                                                    *(a.get("entity") for a in f.get("actors", ()))))


def _same_id(claim: Claim, iri: str) -> Claim:
    if str(rdf.claim_iri(claim.id)) != iri:
        raise ValueError(f"claim {iri} does not read back to the same id ({claim.id})")
    return claim


def _claims_from_triples(store: GraphStore, iris: Sequence[URIRef]) -> list[Claim]:
    """The claims of ``iris`` that the store has, from their triples."""
    def rows(sparql: str) -> list[dict[str, Value]]:
        return select_rows(store, sparql, "claim", iris)

    chains: dict[str, list[Source]] = {}
    for row in rows(queries.CLAIM_ATTRIBUTIONS):
        agent = str(row["agent"])
        entity = rdf.entity_key_of(agent) if agent.startswith(ENTITY_PREFIX) else None
        chains.setdefault(str(row["claim"]), []).append(
            Source(str(row["name"]), str(row["kind"]), entity, text_or_none(row.get("words"))))
    participants: dict[str, list[str]] = {}
    for row in rows(queries.CLAIM_PARTICIPANTS):
        participants.setdefault(str(row["claim"]), []).append(rdf.entity_key_of(row["participant"]))
    carried: dict[str, list[str]] = {}
    for row in rows(queries.EVENT_FIGURES):
        carried.setdefault(str(row["claim"]), []).append(rdf.claim_id_of(row["figure"]))
    actors: dict[str, list[Actor]] = {}
    for row in rows(queries.EVENT_ACTORS):
        actor = Actor(str(row["role"]), str(row["label"]), rdf.entity_key_of(row["entity"]) if row.get("entity") else None,
                      str(row["named"]).lower() in ("true", "1"))
        actors.setdefault(str(row["claim"]), []).append(actor)
    evidence = {str(r["claim"]): r for r in rows(queries.CLAIM_EVIDENCE)}
    figures: dict[str, dict[str, Value]] = {}
    for r in rows(queries.CLAIM_FIGURES):
        figures.setdefault(str(r["claim"]), {})[str(r["p"])[len(CG_PREFIX):]] = r["o"]
    fields: dict[str, dict[str, Value]] = {}
    for r in rows(queries.CLAIM_FIELDS):
        fields.setdefault(str(r["claim"]), {})[str(r["p"])[len(CG_PREFIX):]] = r["o"]
    claims = []
    for row in rows(queries.CLAIMS):
        iri = str(row["claim"])
        ev, fig, more = evidence[iri], figures.get(iri), fields.get(iri, {})
        figure = None
        if fig:
            figure = Figure(
                surface=str(fig["surface"]), start=integer(fig["start"]), end=integer(fig["end"]),
                value=_num(fig.get("amount")), low=_num(fig.get("lowerBound")), high=_num(fig.get("upperBound")),
                qualifier=str(fig["qualifier"]), unit=text_or_none(fig.get("unit")),
                confidence=float(more.get("confidence") or 1.0), repaired=bool(fig.get("repaired")),
            )
        time = None
        if more.get("time") is not None:
            time = TimeScope(str(more["timeText"]), str(more["time"]), date.fromisoformat(str(more["timeStart"])),
                             date.fromisoformat(str(more["timeEnd"])), projected=row["modality"] == "projected")
        claim = Claim(
            document=str(row["file"]), kind="figure" if figure else "event",
            start=integer(row["start"]), end=integer(row["end"]),
            sentence=Span(integer(ev["sstart"]), integer(ev["send"])), text=str(ev["text"]),
            figure=figure, subject=text_or_none(more.get("subjectText")),
            subject_entity=rdf.entity_key_of(more["subject"]) if more.get("subject") else None,
            measure=text_or_none(more.get("measure")), time=time,
            place=rdf.entity_key_of(more["place"]) if more.get("place") else None,
            sources=tuple(chains.get(iri, ())), modality=str(row["modality"]),
            trigger=text_or_none(more.get("trigger")), event_type=text_or_none(more.get("eventType")),
            participants=tuple(participants.get(iri, ())),
            figures=tuple(carried.get(iri, ())),
            actors=tuple(sorted(actors.get(iri, ()), key=Actor.order)),
            frame=_frame(more) if figure else None,
        )
        claims.append(_same_id(claim, iri))
    return claims


def figure_points(rows: Iterable[Mapping[str, Value]]) -> list[FigurePoint]:
    """Dated figures as a chart draws them, from rows of ``FIGURE_POINTS``, in document order."""
    return [{"document": str(r["file"]), "measure": text_or_none(r.get("measure")), "unit": text_or_none(r.get("unit")),
             "time": str(r["time"]), "value": _num(r.get("amount")), "low": _num(r.get("low")),
             "high": _num(r.get("high")), "source": text_or_none(r.get("source")),
             "conflicts": str(r["conflicts"]).lower() in ("true", "1")}
            for r in sorted(rows, key=lambda r: (str(r["file"]), str(r["claim"])))]


def _frame(fields: dict[str, Value]) -> Frame:
    """A claim's frame from its stored fields (the inverse of ``build._frame_triples``)."""
    return Frame(
        thing=text_or_none(fields.get("subjectText")), head=text_or_none(fields.get("thingHead")),
        modifiers=tuple(str(fields["thingModifiers"]).split()) if fields.get("thingModifiers") else (),
        predicate=text_or_none(fields.get("predicate")), owner=text_or_none(fields.get("owner")),
        owner_entity=rdf.entity_key_of(fields["subject"]) if fields.get("subject") else None,
        place=text_or_none(fields.get("placeName")), per=text_or_none(fields.get("ratePer")), purpose=text_or_none(fields.get("purpose")),
        increment=str(fields.get("increment", "")).lower() == "true", reason=text_or_none(fields.get("measureReason")),
    )


def _num(value: Value) -> float | None:
    return None if value is None else float(value)


Rows = list[dict[str, Value]]
KIND_OF = {str(cls): kind for kind, (cls, _) in rdf.VERDICT_KINDS.items()}


#: What a claim's record needs of a verdict: its kind, the claim, the other claim.
Link = tuple[str, str, str]
KIND_OF_LINK = {str(link): kind for kind, (_, link) in rdf.VERDICT_KINDS.items()}


def links_of(store: GraphStore, claim_ids: Sequence[str]) -> list[Link]:
    """The claims' links to the claims they have verdicts with, from the claim-to-claim triples
    written once per pair (cheaper than reading every verdict: a claim may have hundreds), a row
    for each claim and kind of link (far fewer rows to read than one a link)."""
    rows = store.select_each(queries.CLAIM_LINKS, "claim", [rdf.claim_iri(c) for c in claim_ids])
    return [(KIND_OF_LINK[str(r["link"])], rdf.claim_id_of(r["claim"]), rdf.claim_id_of(other))
            for r in rows for other in str(r["others"]).split()]


def load_relations(store: GraphStore, claim_ids: Sequence[str] | None = None,
                   verdicts: Sequence[Node] | None = None) -> list[Relation]:
    """Every verdict in the store (or those of the claims of ``claim_ids``, or those of
    ``verdicts``), each read from its record (``cg:record``, one row a verdict); a verdict written
    without one, by an earlier version, from its triples."""
    return sorted(iter_relations(store, claim_ids, verdicts), key=lambda r: r.id)


def iter_relations(store: GraphStore, claim_ids: Sequence[str] | None = None,
                   verdicts: Sequence[Node] | None = None) -> Iterator[Relation]:
    """The verdicts of ``load_relations`` in the order the engine reads them: all of them streamed
    (memory grows with the verdicts written without a record, not with the verdicts)."""
    if claim_ids is None and verdicts is None:
        yield from _all_relations(store)
        return
    if claim_ids is not None:
        rows = store.select_each(queries.CLAIM_VERDICTS, "claim", [rdf.claim_iri(c) for c in claim_ids])
    else:
        rows = store.select_each(queries.RECORDS, "node", verdicts or [])
    seen: set[str] = set()  # a verdict between two given claims comes twice
    unrecorded: list[Node] = []
    for row in rows:
        iri = str(row["node"])
        if not iri.startswith(VERDICT_PREFIX) or iri in seen:
            continue
        seen.add(iri)
        if "record" not in row:
            unrecorded.append(URIRef(iri))
            continue
        relation = Relation.from_json(str(row["record"]))
        if rdf.relation_id_of(iri) != relation.id:
            raise ValueError(f"verdict {iri} does not read back to the same id ({relation.id})")
        yield _ordered(relation)
    if verdicts is not None:
        unrecorded = [v for v in verdicts if str(v) not in seen]
    if unrecorded:
        yield from _relations_from_triples(store, unrecorded)


def _all_relations(store: GraphStore) -> Iterator[Relation]:
    return _all_verdicts(store, lambda graph: map(_ordered, graph_relations(store, graph)), _ordered)


def iter_edges(store: GraphStore) -> Iterator[Edge]:
    """Every verdict as an ``Edge`` (kind, basis and claims), read as ``iter_relations`` reads them
    all but without decoding their reasons and values."""
    return _all_verdicts(store, lambda graph: graph_edges(store, graph), Edge.of)


V = TypeVar("V")


def _all_verdicts(store: GraphStore, read: Callable[[URIRef], Iterator[V]], convert: Callable[[Relation], V]
                  ) -> Iterator[V]:
    """Every verdict: the records of each partition's graph (``read``; the records there are its
    verdicts', read without their nodes' IRIs, which would double what the engine decodes), then
    those written without a record (``unrecorded``, ``convert``ed)."""
    count = 0
    for graph in verdict_graphs(store):
        for found in read(graph):
            count += 1
            yield found
    yield from map(convert, unrecorded(store, count))


def verdict_graphs(store: GraphStore) -> list[URIRef]:
    """The partitions' graphs of verdicts."""
    return graphs_under(store, rdf.VERDICTS_GRAPHS)


def unrecorded(store: GraphStore, recorded: int) -> list[Relation]:
    """The verdicts written without a record, from their triples, when the store lists more
    verdicts than the ``recorded`` ones read from the partitions' graphs."""
    listed = verdict_count(store)
    if listed and recorded >= listed:
        return []
    return _relations_from_triples(store, [URIRef(str(r["verdict"])) for r in store.select(queries.VERDICTS_WITHOUT_RECORD)])


def graphs_under(store: GraphStore, prefix: str) -> list[URIRef]:
    """The store's graphs named under ``prefix`` (``build.VERDICTS_GRAPHS`` and the like)."""
    return [URIRef(g) for g in store.graphs() if g.startswith(str(ID[prefix]))]


def graph_relations(store: GraphStore, graph: URIRef) -> Iterator[Relation]:
    """The verdicts of one partition's graph, from their records, streamed."""
    return map(Relation.from_json, graph_records(store, graph))


def graph_edges(store: GraphStore, graph: URIRef) -> Iterator[Edge]:
    """The verdicts of one partition's graph as ``Edge``s, from the fields of their records that
    say which claims they are between and how."""
    for record in map(read_record, graph_records(store, graph)):
        yield Edge.between(record["kind"], record.get("basis", _DEFAULT_BASIS), record["a"], record["b"])


def graph_records(store: GraphStore, graph: URIRef) -> Iterator[str]:
    """The records (JSON) of the verdicts of one partition's graph."""
    return store.texts_each(queries.GRAPH_VERDICTS, "g", [graph])


class Drawn(NamedTuple):
    """A verdict as a network draws it: an ``Edge``'s fields and the reason."""

    kind: str
    basis: str
    a: str
    b: str
    reason: str


def drawn(record: str) -> Drawn:
    """A verdict's record (``graph_records``) as ``Drawn``, its claims in order, without decoding
    its values."""
    fields = read_record(record)
    a, b = sorted((fields["a"], fields["b"]))
    return Drawn(fields["kind"], fields.get("basis", _DEFAULT_BASIS), a, b, fields["reason"])


#: The basis a verdict's record leaves out (``Recorded.to_json`` leaves out fields at their defaults).
_DEFAULT_BASIS = Relation.basis


def _ordered(relation: Relation) -> Relation:
    """As from the triples, which say which two claims a verdict is between in no order: the
    smaller id first (``oriented`` puts a change's earlier claim first)."""
    return relation if relation.a <= relation.b else replace(relation, a=relation.b, b=relation.a)


def verdict_count(store: GraphStore) -> int:
    """How many verdicts the store holds: the sizes of the lists of each kind."""
    return sum(lists.sizes(store, rdf.VERDICT_KINDS).values())


def _relations_from_triples(store: GraphStore, verdicts: Sequence[Node]) -> list[Relation]:
    """The verdicts of ``verdicts`` that the store has, from their triples, in three plain queries:
    grouping each verdict's two claims in one query takes the engine far longer."""
    rows = verdict_pairs(store, verdicts)
    for r in store.select_each(queries.VERDICT_REASONS, "verdict", verdicts):
        if (found := rows.get(str(r["verdict"]))) is not None:
            found.update(basis=r["basis"], reason=r["reason"])
    for r in store.select_each(queries.VERDICT_MEASURES, "verdict", verdicts):
        if (found := rows.get(str(r["verdict"]))) is not None:
            found[str(r["field"])] = r["value"]
    return [Relation(KIND_OF[str(row["type"])], rdf.claim_id_of(row["a"]), rdf.claim_id_of(row["b"]),
                     str(row["reason"]), str(row["basis"]), _num(row.get("tolerance")), _num(row.get("difference")),
                     text_or_none(row.get("scope")), similarity=_num(row.get("similarity")))
            for row in rows.values()]


def starts(claims: Iterable[Claim]) -> dict[str, date]:
    """When each claim's time begins, for ``oriented``."""
    return {c.id: c.time.start for c in claims if c.time}


def oriented(relation: Relation, begins: Mapping[str, date]) -> Relation:
    """A change with its earlier claim first (the store says which two claims a verdict is
    between, in no order; ``begins`` when their times begin); the other verdicts as they are."""
    if turned(relation.kind, relation.a, relation.b, begins):
        return replace(relation, a=relation.b, b=relation.a)
    return relation


def turned(kind: str, a: str, b: str, begins: Mapping[str, date]) -> bool:
    """Whether ``oriented`` turns a verdict of ``kind`` between ``a`` and ``b`` around."""
    if kind != "changes":
        return False
    first, second = begins.get(a), begins.get(b)
    return first is not None and second is not None and second < first


def verdict_pairs(store: GraphStore, verdicts: Sequence[Node]) -> dict[str, dict[str, Value]]:
    """Each verdict of ``verdicts`` by IRI: its type and two claims, ``a`` the smaller IRI."""
    rows: dict[str, dict[str, Value]] = {}
    for r in store.select_each(queries.VERDICT_CLAIMS, "verdict", verdicts):
        if str(r["type"]) in KIND_OF:
            row = rows.setdefault(str(r["verdict"]), {"type": r["type"], "a": r["claim"], "b": r["claim"]})
            row["a"], row["b"] = min(str(row["a"]), str(r["claim"])), max(str(row["b"]), str(r["claim"]))
    return rows
