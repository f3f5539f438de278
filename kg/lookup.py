"""Read-side lookups over the store for the CLI and the API: plain data out, named queries in."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from typing import IO, Any

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.term import Node

from . import build as rdf
from . import export, queries, readback
from .build import ID
from .errors import NotFoundError
from .model import RELATION_KINDS, Claim, Relation, content_id
from .network import SLICE, store_parts
from .ontology import Gazetteer
from .readback import DOCUMENT_PREFIX, Link, Rows, documents, load_claims, load_relations
from .records import ClaimRecord, DocumentRecord, FigurePoint, claim_record
from .store import VALUES_PER_QUERY, GraphStore, Value, integer, serialised


def document(store: GraphStore, doc_id: str) -> DocumentRecord:
    """One document by id; ``NotFoundError`` when there is none."""
    found = documents(store, [doc_id]) if _is_id(doc_id) else []
    if not found:
        raise NotFoundError(f"no document with id {doc_id!r}")
    return found[0]


def _is_id(value: str) -> bool:
    return len(value) == 16 and all(c in "0123456789abcdef" for c in value)


class GraphView:
    """Claims, verdicts and roots of a store read into memory: (``around``) one claim, the claims
    it has verdicts with and the figures it carries, with what their records need, in a few
    queries whose cost grows with the claim's neighbours, not with the store; (``only``) the
    records of given claims, for a page; or all of them, for a small store held in memory
    (``search``, ``timeline`` and ``relations`` filter it; the service and the CLI ask the store
    with ``claims_page``, ``events_page`` and ``relations_page``, which give the same answers)."""

    def __init__(self, store: GraphStore, around: str | None = None, only: Sequence[str] | None = None,
                 with_documents: bool = False) -> None:
        more: list[Link] = []  # verdicts known only as links, for the records of the neighbours
        if around is not None:
            claims, relations, more, docs, stored, roots, labels = _neighbourhood(store, around)
        elif only is not None:  # these claims and what their records need: no roots or verdicts (nor documents
            # unless ``with_documents``)
            claims, relations, roots, labels = load_claims(store, only), [], [], []
            docs = documents(store) if with_documents else []
            more = readback.links_of(store, only)
            stored = store.select_each(queries.INDEPENDENCE, "claim", [rdf.claim_iri(c) for c in only])
        else:
            claims, relations = load_claims(store), load_relations(store)
            docs = documents(store)
            stored, roots = store.select(queries.INDEPENDENCE), store.select(queries.CLAIM_ROOTS)
            labels = store.select(queries.ROOT_LABELS)
        self.claims = {c.id: c for c in claims}
        self.documents = {d["file"]: d for d in docs}
        begins = readback.starts(claims)
        self.relations = [readback.oriented(r, begins) for r in relations]
        self.links: dict[str, dict[str, list[Relation]]] = {
            cid: {kind: [] for kind in RELATION_KINDS} for cid in self.claims
        }
        for r in self.relations:
            for own, other in ((r.a, r.b), (r.b, r.a)):
                if own in self.links:
                    self.links[own][r.kind].append(r)
        linked: dict[str, dict[str, list[str]]] = {cid: {kind: [] for kind in RELATION_KINDS} for cid in self.claims}
        for kind, own, other in [*((r.kind, r.a, r.b) for r in self.relations),
                                 *((r.kind, r.b, r.a) for r in self.relations), *more]:
            if own in linked:
                linked[own][kind].append(other)  # the records sort them and list each once
        independence = {rdf.claim_id_of(row["claim"]): row for row in stored}
        best: dict[str, str] = {}
        for row in sorted(labels, key=lambda r: integer(r["rank"]), reverse=True):
            best[str(row["root"])] = str(row["first"])  # the best rank is written last
        self.roots: dict[str, list[dict[str, str]]] = {}
        for row in roots:
            root = str(row["root"])
            self.roots.setdefault(rdf.claim_id_of(row["claim"]), []).append({"iri": root, "label": best.get(root, root)})
        self.records = {}
        for cid, c in self.claims.items():
            row = independence.get(cid, {})
            record = claim_record(c, linked[cid], integer(row.get("n") or 1), bool(row.get("single")),
                                  bool(row.get("circular")))
            self.records[cid] = record

    @staticmethod
    def other(relation: Relation, claim_id: str) -> str:
        return relation.b if relation.a == claim_id else relation.a

    def claim(self, claim_id: str) -> Claim:
        if claim_id not in self.claims:
            raise NotFoundError(f"no claim with id {claim_id!r}")
        return self.claims[claim_id]


#: The limit of a page that holds every match.
ALL = 10**9
_VERDICT_FILTERS = {"corroborated": queries.CORROBORATED, "conflicting": queries.CONFLICTING,
                    "single-source": queries.SINGLE_SOURCE}


def _entity_iri(name: str) -> URIRef | None:
    """The IRI of the alias-table entity a name stands for (claims name no other)."""
    key = entity_of(name)
    return rdf.entity_iri(key) if key in Gazetteer.load().labels else None


def _naming(store: GraphStore, entity: str) -> set[str]:
    """The claims about an entity or attributed to it (as ``_mentions`` reads them)."""
    iri = _entity_iri(entity)
    return set() if iri is None else {
        rdf.claim_id_of(r["claim"]) for r in store.select(queries.CLAIMS_NAMING, {"entity": iri})}


def _file_of(store: GraphStore, document: str) -> str:
    """The file name of a document named by file name or id ("" when there is no such id)."""
    if not _is_id(document):
        return document
    return next((d["file"] for d in documents(store, [document])), "")


def events_page(store: GraphStore, offset: int, limit: int, entity: str | None = None, document: str | None = None,
                kind: str | None = None, trigger: str | None = None, start: date | None = None,
                end: date | None = None) -> tuple[int, list[ClaimRecord]]:
    """What ``timeline`` gives, ``limit`` from ``offset``, and how many there are, without reading
    every claim (the events' times, types and places in the text from one query, only the page's
    records read)."""
    named = _naming(store, entity) if entity else None
    file = _file_of(store, document) if document else None
    found = []
    for r in store.select(queries.EVENT_ORDER):
        cid = rdf.claim_id_of(r["claim"])
        begins = date.fromisoformat(str(r["from"])) if r.get("from") else None
        ends = date.fromisoformat(str(r["to"])) if r.get("to") else None
        if (named is not None and cid not in named) or (file is not None and r["file"] != file):
            continue
        if (kind and r.get("kind") != kind) or (trigger and r.get("trigger") != trigger.lower()):
            continue
        if (start or end) and (begins is None or ends is None or (start and ends < start) or (end and begins > end)):
            continue
        found.append((begins is None, begins or date.min, ends or date.min, str(r["file"]), integer(r["start"]), cid))
    ids = [f[-1] for f in sorted(found)[offset : offset + limit]]
    page = GraphView(store, only=ids)
    return len(found), [page.records[c] for c in ids]


def claims_page(store: GraphStore, offset: int, limit: int, entity: str | None = None, document: str | None = None,
                source: str | None = None, measure: str | None = None, text: str | None = None,
                verdict: str | None = None) -> tuple[int, list[ClaimRecord]]:
    """What ``search`` gives, ``limit`` from ``offset``, and how many there are, without reading
    every claim: each filter keeps claims from one query (of the claims the filters before it kept,
    once they are few); the documents' claim counts, or the kept claims' documents, say which
    documents hold the page; only their claims' offsets and the page's records are read."""
    file = _file_of(store, document) if document else None
    if entity and _entity_iri(entity) is None:
        return 0, []  # claims name alias-table entities only
    files: dict[str, str] = {}
    counts: dict[str, int] = {}
    for r in store.select(queries.DOCUMENT_CLAIM_COUNTS):
        files[str(r["doc"])], counts[str(r["doc"])] = str(r["file"]), integer(r["claims"])
    sizes = len(files), sum(counts.values())  # how many documents and claims the store has
    if file is not None:
        counts = {d: n for d, n in counts.items() if files[d] == file}
    members: dict[str, list[str]] | None = None  # the kept claims of each document
    if filters := _claim_filters(store, sizes[1], entity, source, measure, text, verdict):
        kept = None if file is None else {str(r["claim"]) for r in _rows_of(store, queries.CLAIM_DOCUMENTS, "doc",
                                                                              set(counts), sizes[0])}
        for keep in filters:
            if kept is not None and not kept:
                break
            kept = keep(kept)
        members = {}
        for r in _rows_of(store, queries.CLAIM_DOCUMENTS, "claim", kept or set(), sizes[1]):
            members.setdefault(str(r["doc"]), []).append(str(r["claim"]))
        counts = {d: len(claims) for d, claims in members.items() if d in files}
    before, total, docs = 0, 0, list[str]()
    for doc in sorted(counts, key=lambda d: files[d]):
        if total + counts[doc] > offset and total < offset + limit:
            before = before if docs else total
            docs.append(doc)
        total += counts[doc]
    rows = (_rows_of(store, queries.CLAIM_PLACES, "doc", set(docs), sizes[0]) if members is None else
            _rows_of(store, queries.CLAIM_PLACES, "claim", {c for d in docs for c in members[d]}, sizes[1]))
    ids = _in_document_order(rows)[offset - before : offset - before + limit]
    page = GraphView(store, only=ids)
    return total, [page.records[c] for c in ids]


_Filter = Callable[[set[str] | None], set[str]]


def _claim_filters(store: GraphStore, claims: int, entity: str | None, source: str | None, measure: str | None,
                   text: str | None, verdict: str | None) -> list[_Filter]:
    """Each filter of ``search`` as a function from the claims kept so far (None: every claim of the
    ``claims`` there are) to those it keeps."""
    def by(sparql: str, bindings: dict[str, Node] | None, test: Callable[[dict[str, Value]], bool]) -> _Filter:
        def keep(kept: set[str] | None) -> set[str]:
            rows = (store.stream(sparql, bindings) if kept is None else
                    _rows_of(store, sparql, "claim", kept, claims, bindings))
            found = {str(r["claim"]) for r in rows if test(r)}
            return found if kept is None else found & kept
        return keep

    def by_words(words: set[str]) -> _Filter:
        def keep(kept: set[str] | None) -> set[str]:
            found = set()
            for r in store.select_each(queries.QUOTES_WITH, "word", [Literal(max(sorted(words), key=len))]):
                claim = rdf.claim_of_sentence_quote(r["quote"])
                if claim and (kept is None or claim in kept) and words <= set(_words(str(r["text"]))):
                    found.add(claim)
            return found
        return keep

    filters: list[_Filter] = []
    if entity and (iri := _entity_iri(entity)):
        filters.append(by(queries.CLAIMS_NAMING, {"entity": iri}, lambda r: True))
    if source:
        agent = str(_entity_iri(source))
        filters.append(by(queries.CLAIM_SOURCE_NAMES, None,
                          lambda r: str(r["agent"]) == agent or str(r["name"]).casefold() == source.casefold()))
    if measure:
        filters.append(by(queries.CLAIM_MEASURES, None, lambda r: measure.lower() in str(r["measure"]).lower()))
    if verdict in _VERDICT_FILTERS:
        filters.append(by(_VERDICT_FILTERS[verdict], None, lambda r: True))
    if words := set(_words(text or "")):
        filters.append(by_words(words))
    return filters


def figure_points(store: GraphStore, claim_ids: Iterable[str]) -> list[FigurePoint]:
    """The dated figures among ``claim_ids`` as a chart of figures over time draws them."""
    iris = {str(rdf.claim_iri(c)) for c in claim_ids}
    claims = integer(store.select(queries.COUNT_CLAIMS)[0]["n"]) if len(iris) > VALUES_PER_QUERY else len(iris)
    return readback.figure_points(_rows_of(store, queries.FIGURE_POINTS, "claim", iris, claims))


def _rows_of(store: GraphStore, sparql: str, name: str, iris: set[str], among: int,
             bindings: dict[str, Node] | None = None) -> Iterable[dict[str, Value]]:
    """The rows of a query whose ``?name`` is one of ``iris``, of the ``among`` claims (or
    documents) there are: read for those alone, in ``VALUES`` blocks, unless they are more than
    half of all, when the rows of all, read in one query, cost less."""
    if len(iris) * 2 <= among or len(iris) <= VALUES_PER_QUERY:
        return store.select_each(sparql, name, [URIRef(i) for i in sorted(iris)], bindings)
    return (r for r in store.stream(sparql, bindings) if str(r[name]) in iris)


def _in_document_order(rows: Iterable[dict[str, Value]]) -> list[str]:
    """The ids of ``CLAIM_PLACES`` rows ordered by file name, offset and id."""
    return [c for _, _, c in sorted((str(r["file"]), integer(r["start"]), rdf.claim_id_of(r["claim"])) for r in rows)]


def _neighbourhood(store: GraphStore, claim_id: str) -> tuple[list[Claim], list[Relation], list[Link],
                                                                list[DocumentRecord], Rows, Rows, Rows]:
    """One claim with its verdicts; the claims it has verdicts with and the figures it carries,
    with their own verdicts as links (their records list them); their documents, independence,
    roots and root labels: a few queries for the claim and a few for all the rest."""
    claims = load_claims(store, [claim_id])
    if not claims:
        raise NotFoundError(f"no claim with id {claim_id!r}")
    relations = load_relations(store, [claim_id])
    neighbours = sorted({GraphView.other(r, claim_id) for r in relations})
    rest = [*neighbours, *(f for f in claims[0].figures if f not in neighbours)]
    claims += load_claims(store, rest)
    links = readback.links_of(store, rest)
    iris = [rdf.claim_iri(c) for c in [claim_id, *rest]]
    docs = documents(store, [content_id("document", key) for key in sorted({c.document for c in claims})])
    roots = store.select_each(queries.CLAIM_ROOTS, "claim", iris)
    labels = store.select_each(queries.ROOT_LABEL, "root", [URIRef(r) for r in sorted({str(r["root"]) for r in roots})])
    return (claims, relations, links, docs, store.select_each(queries.INDEPENDENCE, "claim", iris), roots, labels)


def _document_text(store: GraphStore, key: str) -> str:
    rows = store.select(queries.DOCUMENT_TEXT_BY_FILE, {"file": Literal(key)})
    return str(rows[0]["text"]) if rows else ""


def _chain(claim: Claim, document: DocumentRecord) -> list[dict[str, object]]:
    """The attribution chain from the document to the root, outermost first."""
    links: list[dict[str, object]] = [{
        "label": document.get("publisher") or document["file"], "kind": "document",
        "iri": str(ID[f"document/{document['id']}"]),
    }]
    for s in claim.sources:
        links.append({"label": s.label, "kind": s.kind, "entity": s.entity, "phrase": s.phrase,
                      "iri": str(rdf.source_iri(s, claim.document))})
    return links


def evidence(claim: Claim, text: str, document_iri: str, context: int = rdf.CONTEXT_CHARS) -> dict[str, object]:
    """The evidence as W3C Web Annotation selectors: the sentence and the figure's own span."""

    def selectors(start: int, end: int) -> list[dict[str, object]]:
        return [
            {"type": "TextQuoteSelector", "exact": text[start:end],
             "prefix": text[max(0, start - context):start], "suffix": text[end:end + context]},
            {"type": "TextPositionSelector", "start": start, "end": end},
        ]

    return {
        "type": "SpecificResource",
        "source": document_iri,
        "selector": selectors(claim.sentence.start, claim.sentence.end),
        "span": selectors(claim.start, claim.end),
    }


def provenance(store: GraphStore, view: GraphView, claim_id: str) -> dict[str, Any]:
    """Everything about where one claim comes from and who agrees or disagrees with it."""
    claim = view.claim(claim_id)
    docs = view.documents
    own = docs[claim.document]
    text = _document_text(store, claim.document)

    def related(kind: str) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for r in view.links[claim_id][kind]:
            other = view.claims[view.other(r, claim_id)]
            other_doc = docs[other.document]
            out.append({
                "claim": view.records[other.id],
                "document": other_doc,
                "chain": _chain(other, other_doc),
                "roots": view.roots.get(other.id, []),
                "verdict": {"kind": r.kind, "basis": r.basis, "reason": r.reason, "tolerance": r.tolerance,
                            "relative_difference": r.difference, "scope": r.scope,
                            "similarity": r.similarity},
            })
        return out

    corroborating = related("corroborates")
    seen: list[DocumentRecord] = [own] + [x["document"] for x in corroborating]
    unique_docs = list({d["id"]: d for d in seen}.values())
    record = view.records[claim_id]
    return {
        "claim": record,
        "documents": unique_docs,
        "chain": _chain(claim, own),
        "roots": view.roots.get(claim_id, []),
        "evidence": evidence(claim, text, str(ID[f"document/{own['id']}"])),
        "corroborated_by": corroborating,
        "conflicts_with": related("conflicts"),
        "series": related("changes"),
        "independent_sources": record["independent_sources"],
        "single_source_story": record["single_source_story"],
    }


def _mentions(claim: Claim) -> set[str]:
    """The entities a claim is about or attributed to."""
    keys = {k for k in (claim.subject_entity, claim.place, *claim.participants) if k}
    keys.update(s.entity for s in claim.sources if s.entity)
    return keys


def entity_of(name: str) -> str:
    """The entity key a name stands for: an id as given, else the entity whose label or alias it
    is (in any case), else the name itself in lower case."""
    gazetteer = Gazetteer.load()
    if name in gazetteer.labels:
        return name
    try:
        return gazetteer.key_of(name)
    except KeyError:
        found = gazetteer.resolve(name) if len(name) > 3 else None
        return found or name.casefold()


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _in_document(claim: Claim, document: str) -> bool:
    """Whether a claim is in the document named by file name or document id."""
    return document in (claim.document, content_id("document", claim.document))


def timeline(
    view: GraphView,
    entity: str | None = None,
    document: str | None = None,
    kind: str | None = None,
    trigger: str | None = None,
    start: date | None = None,
    end: date | None = None,
) -> list[ClaimRecord]:
    """Event claims matching every filter given, in time order (undated ones last, in document
    order). ``kind`` is the event's type in the taxonomy, ``trigger`` its verb; ``start`` and
    ``end`` keep the events whose time overlaps them (and so leave out undated ones)."""
    found = []
    for c in view.claims.values():
        if c.kind != "event" or (entity and entity_of(entity) not in _mentions(c)):
            continue
        if (document and not _in_document(c, document)) or (kind and c.event_type != kind):
            continue
        if trigger and c.trigger != trigger.lower():
            continue
        if (start or end) and (c.time is None or (start and c.time.end < start) or (end and c.time.start > end)):
            continue
        found.append(c)
    found.sort(key=lambda c: (c.time is None, c.time.start if c.time else date.min,
                              c.time.end if c.time else date.min, c.document, c.start))
    return [view.records[c.id] for c in found]


def search(
    view: GraphView,
    entity: str | None = None,
    document: str | None = None,
    source: str | None = None,
    measure: str | None = None,
    text: str | None = None,
    verdict: str | None = None,
) -> list[ClaimRecord]:
    """Claims matching every filter given, in document order.

    ``entity`` and ``source`` name a whole entity: its id, label or an alias, in any case (a
    source with no entity matches by its label); ``document`` is a file name or document id;
    ``measure`` a substring of the measure key; ``text`` words that must all be in the sentence,
    in any order; ``verdict`` is corroborated, conflicting or single-source.
    """
    entity_key = entity_of(entity) if entity else None
    source_key = entity_of(source) if source else None
    words = set(_words(text)) if text else set()
    out = []
    for cid, c in view.claims.items():
        record = view.records[cid]
        if entity and entity_key not in _mentions(c):
            continue
        if document and not _in_document(c, document):
            continue
        if source and not any(s.entity == source_key or s.label.casefold() == source.casefold() for s in c.sources):
            continue
        if measure and measure.lower() not in (c.measure or "").lower():
            continue
        if words and not words <= set(_words(c.text)):
            continue
        if verdict == "corroborated" and not record["corroborates"]:
            continue
        if verdict == "conflicting" and not record["conflicts"]:
            continue
        if verdict == "single-source" and not record["single_source_story"]:
            continue
        out.append(record)
    out.sort(key=lambda r: (r["document"], r["start"]))
    return out


def entities(store: GraphStore) -> list[dict[str, object]]:
    """Known entities with their aliases and how many claims name them (from one query of the
    claims that name each entity)."""
    aliases: dict[str, list[str]] = {}
    for row in store.select(queries.ENTITY_ALIASES):
        aliases.setdefault(str(row["entity"]), []).append(str(row["alias"]))
    counts: dict[str, set[str]] = {}
    for row in store.select(queries.CLAIMS_NAMING):
        counts.setdefault(rdf.entity_key_of(row["entity"]), set()).add(rdf.claim_id_of(row["claim"]))
    return [_entity_record(row, aliases.get(str(row["entity"]), []), counts.get(rdf.entity_key_of(row["entity"]), set()))
            for row in store.select(queries.ENTITIES)]


def named_entities(store: GraphStore) -> list[dict[str, str]]:
    """The entities some claim names, with their labels (what ``entities`` lists with a claim)."""
    return [{"id": rdf.entity_key_of(r["entity"]), "label": str(r["label"])} for r in store.select(queries.NAMED_ENTITIES)]


def entity(store: GraphStore, key: str) -> dict[str, object]:
    """One entity as ``entities`` gives it, from queries of that entity only."""
    row = next((r for r in store.select(queries.ENTITIES) if rdf.entity_key_of(r["entity"]) == key), None)
    if row is None:
        raise NotFoundError(f"no entity with id {key!r}")
    iri = {"entity": URIRef(str(row["entity"]))}
    return _entity_record(row, [str(r["alias"]) for r in store.select(queries.ENTITY_ALIASES, iri)],
                          {rdf.claim_id_of(r["claim"]) for r in store.select(queries.CLAIMS_NAMING, iri)})


def _entity_record(row: dict[str, Value], aliases: list[str], named: set[str]) -> dict[str, object]:
    return {"id": rdf.entity_key_of(row["entity"]), "iri": str(row["entity"]), "label": str(row["label"]),
            "type": str(row["type"]), "aliases": aliases, "claims": len(named), "claim_ids": sorted(named)}


def relations(view: GraphView, kind: str, entity: str | None = None) -> list[dict[str, object]]:
    """Verdicts of one kind with both claims; with ``entity``, those where either claim is about
    it or attributed to it."""
    key = entity_of(entity) if entity else None
    return _relation_records((
        r for r in view.relations if r.kind == kind and r.a in view.records and r.b in view.records
        and (key is None or key in _mentions(view.claims[r.a]) | _mentions(view.claims[r.b]))), view)


def relations_page(store: GraphStore, kind: str, offset: int, limit: int,
                   entity: str | None = None) -> tuple[int, list[dict[str, object]]]:
    """What ``relations`` gives, ``limit`` from ``offset``, and how many there are, without reading
    every claim (the verdicts' claims from one query, the page's verdicts and records only)."""
    pairs: dict[str, set[str]] = {}
    for r in store.select(queries.VERDICTS_OF_TYPE, {"type": rdf.VERDICT_KINDS[kind][0]}):
        pairs.setdefault(str(r["verdict"]), set()).add(rdf.claim_id_of(r["claim"]))
    if entity:
        named = _naming(store, entity)
        pairs = {v: claims for v, claims in pairs.items() if claims & named}
    ordered = sorted(pairs, key=rdf.relation_id_of)
    chosen = [URIRef(v) for v in ordered[offset : offset + limit]]
    page = GraphView(store, only=sorted({c for v in chosen for c in pairs[str(v)]}))
    return len(ordered), _relation_records(load_relations(store, verdicts=chosen), page)


def _relation_records(found: Iterable[Relation], view: GraphView) -> list[dict[str, object]]:
    return [{"id": r.id, "kind": r.kind, "basis": r.basis, "reason": r.reason, "tolerance": r.tolerance,
             "relative_difference": r.difference, "scope": r.scope, "similarity": r.similarity,
             "a": view.records[r.a], "b": view.records[r.b]} for r in found]


def describe_claim(store: GraphStore, claim_id: str, fmt: ox.RdfFormat) -> bytes:
    """The triples of one claim (with its figure, evidence and attributions), serialised."""
    triples: set[ox.Triple] = set()
    for subject, query in queries.CLAIM_TRIPLES:
        result = store.query(query, {"claim": rdf.claim_iri(claim_id)})
        assert isinstance(result, ox.QuerySolutions)
        triples.update(ox.Triple(row[subject], row["p"], row["o"]) for row in result)
    return serialised(ox.serialize(sorted(triples, key=str), format=fmt))


def measures(store: GraphStore) -> list[str]:
    """The measures claims count, sorted."""
    return sorted({str(r["measure"]) for r in store.select(queries.CLAIM_MEASURES)})


def write_export(store: GraphStore, fmt: str, out: IO[bytes]) -> None:
    """The claims as a network (``gexf``, ``graphml``) or a table (``csv``), written to ``out`` as
    the store is read, a slice of claims at a time; RDF is written by ``export.write_rdf``."""
    if fmt == "csv":
        export.write_claims_csv(_records_in_order(store), out)
    elif fmt in ("gexf", "graphml"):
        dynamic, parts = store_parts(store, Gazetteer.load().labels)
        if fmt == "gexf":
            export.write_gexf(dynamic, parts, out)
        else:
            export.write_graphml(parts, out)
    else:
        raise ValueError(f"unknown export format {fmt!r}")


def _records_in_order(store: GraphStore) -> Iterator[ClaimRecord]:
    """Every claim's record in document order, read ``SLICE`` claims at a time."""
    ids = [rdf.claim_id_of(r["claim"]) for r in store.select(queries.CLAIM_ORDER)]
    for i in range(0, len(ids), SLICE):
        page = GraphView(store, only=ids[i : i + SLICE])
        yield from (page.records[c] for c in ids[i : i + SLICE] if c in page.records)


EXPORT_FORMATS = ("ttl", "trig", "nq", "nt", "jsonld", "rdfxml", "gexf", "graphml", "csv")


def document_pieces(store: GraphStore, meta: DocumentRecord) -> list[dict[str, object]]:
    """A document's text cut into pieces: plain text, claims (their figures) and boilerplate."""
    text = _document_text(store, str(meta["file"]))
    doc = {"doc": URIRef(DOCUMENT_PREFIX + meta["id"])}
    marks = sorted(((integer(r["start"]), integer(r["end"]), "claim", rdf.claim_id_of(r["claim"]))
                    for r in store.select(queries.DOCUMENT_CLAIM_SPANS, doc)), key=lambda m: m[3])
    chrome = [(integer(r["start"]), integer(r["end"]), "chrome", str(r["kind"]))
              for r in store.select(queries.DOCUMENT_BOILERPLATE, doc)]
    pieces: list[dict[str, object]] = []
    pos = 0
    for start, end, kind, value in sorted(marks + chrome, key=lambda m: (m[0], -m[1])):
        if start < pos:
            continue
        if start > pos:
            pieces.append({"text": text[pos:start]})
        pieces.append({"text": text[start:end], kind: value})
        pos = end
    pieces.append({"text": text[pos:]})
    return pieces


def evidence_context(store: GraphStore, claim: Claim, around: int = 400) -> tuple[str, str, str]:
    """The text before the figure, the figure, and the text after it, within ``around`` characters
    (at least the whole sentence), cut at word boundaries and marked "…" where the text goes on."""
    text = _document_text(store, claim.document)
    start = max(0, min(claim.sentence.start, claim.start - around))
    end = min(len(text), max(claim.sentence.end, claim.end + around))
    if start > 0 and not text[start - 1].isspace():
        start = next((i + 1 for i in range(start, claim.sentence.start) if text[i].isspace()), claim.sentence.start)
    if end < len(text) and not text[end].isspace():
        end = next((i for i in range(end, claim.sentence.end, -1) if text[i - 1].isspace()), claim.sentence.end)
    before = ("…" if start > 0 else "") + text[start:claim.start]
    after = text[claim.end:end] + ("…" if end < len(text) else "")
    return before, text[claim.start:claim.end], after
