"""Read-side lookups over the store for the CLI and the API: plain data out, named queries in."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import IO, Any

import pyoxigraph as ox
from rdflib import Literal, URIRef

from . import build as rdf
from . import export, queries, readback
from .build import ID, words_of
from .errors import NotFoundError
from .model import RELATION_KINDS, Claim, Relation, content_id
from .network import SLICE, claim_starts, record_verdicts, store_parts
from .ontology import Gazetteer
from .readback import DOCUMENT_PREFIX, Link, Rows, documents, load_claims, load_relations
from .records import ClaimRecord, DocumentRecord, claim_record
from .store import GraphStore, Value, integer, serialised


def document(store: GraphStore, doc_id: str) -> DocumentRecord:
    """One document by id; ``NotFoundError`` when there is none."""
    found = documents(store, [doc_id]) if is_id(doc_id) else []
    if not found:
        raise NotFoundError(f"no document with id {doc_id!r}")
    return found[0]


def document_count(store: GraphStore) -> int:
    """How many documents the store has."""
    return integer(store.select(queries.COUNT_DOCUMENTS)[0]["n"])


def documents_page(store: GraphStore, offset: int, limit: int) -> tuple[int, list[DocumentRecord]]:
    """How many documents there are, and ``limit`` of them from ``offset`` by file name (only
    those read)."""
    docs = sorted((str(r["file"]), str(r["doc"])) for r in store.select(queries.DOCUMENT_FILES))
    return len(docs), documents(store, [rdf.document_id_of(d) for _, d in docs[offset : offset + limit]])


def documents_of(store: GraphStore, files: Iterable[str]) -> list[DocumentRecord]:
    """The documents of these file names (those of some claims)."""
    return documents(store, [content_id("document", file) for file in sorted(set(files))])


def is_id(value: str) -> bool:
    return len(value) == 16 and all(c in "0123456789abcdef" for c in value)


class GraphView:
    """Claims, verdicts and roots of a store read into memory: (``around``) one claim, the claims
    it has verdicts with (``related``: an offset and a limit in each kind of verdict, by the other
    claim's id; their records list their verdicts with that claim only) and the figures it
    carries, with what their records need, in a few queries whose
    cost grows with the claim's neighbours, not with the store; (``only``) the records of given
    claims, for a page; or all of them, for a small store held in memory (``search``,
    ``timeline`` and ``relations`` filter it; the service and the CLI ask the store with
    ``kg.paging``, which gives the same answers)."""

    def __init__(self, store: GraphStore, around: str | None = None, only: Sequence[str] | None = None,
                 with_documents: Iterable[str] | None = None, related: tuple[int, int] | None = None) -> None:
        more: list[Link] = []  # verdicts known only as links, for the records of the neighbours
        if around is not None:
            claims, relations, more, docs, stored, roots, labels = _neighbourhood(store, around, related)
        elif only is not None:  # these claims and what their records need: no roots or verdicts (nor documents
            # unless ``with_documents``: then the claims' own and those of these ids)
            claims, relations, roots, labels = load_claims(store, only), [], [], []
            docs = [] if with_documents is None else documents(store, sorted(
                {content_id("document", c.document) for c in claims} | set(with_documents)))
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


def _neighbourhood(store: GraphStore, claim_id: str, related: tuple[int, int] | None) -> tuple[
        list[Claim], list[Relation], list[Link], list[DocumentRecord], Rows, Rows, Rows]:
    """One claim with its verdicts; the claims it has verdicts with (with ``related``, an offset
    and a limit, only those of that slice of each kind of its verdicts, the rest as its links;
    their records list only their verdicts with this claim) and the figures it carries, with
    their own verdicts as links (their records list them); their documents, independence, roots
    and root labels: a few queries for the claim and a few for the rest."""
    links: list[Link] = []
    if related is None:
        relations = load_relations(store, [claim_id])
    else:  # the slice's verdicts only; the claim's other links for its own record
        start, count = related
        kept: set[tuple[str, str]] = set()
        own = readback.links_of(store, [claim_id])
        for kind in RELATION_KINDS:
            others = sorted({o for k, _, o in own if k == kind})
            kept.update((kind, o) for o in others[start : start + count])
            links += [(kind, claim_id, o) for o in others if (kind, o) not in kept]
        listed = {o for _, o in kept}
        verdicts = {str(r["verdict"]) for r in store.select(queries.VERDICTS_WITH, {"claim": rdf.claim_iri(claim_id)})
                    if rdf.claim_id_of(r["other"]) in listed}
        relations = [r for r in (load_relations(store, verdicts=[URIRef(v) for v in sorted(verdicts)]) if verdicts else [])
                     if (r.kind, GraphView.other(r, claim_id)) in kept]
    neighbours = sorted({GraphView.other(r, claim_id) for r in relations})
    claims = load_claims(store, [claim_id, *neighbours])
    claim = next((c for c in claims if c.id == claim_id), None)
    if claim is None:
        raise NotFoundError(f"no claim with id {claim_id!r}")
    carried = [f for f in claim.figures if f not in neighbours]
    claims += load_claims(store, carried) if carried else []
    links += readback.links_of(store, claim.figures) if claim.figures else []
    iris = [rdf.claim_iri(c) for c in [claim_id, *neighbours, *carried]]
    docs = documents_of(store, (c.document for c in claims))
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
        for r in sorted(view.links[claim_id][kind], key=lambda r: view.other(r, claim_id)):
            other = view.claims[view.other(r, claim_id)]
            other_doc = docs[other.document]
            out.append({
                # listed beside this claim: its own verdicts are in its own lookup
                "claim": {k: v for k, v in view.records[other.id].items() if k not in RELATION_KINDS},
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
        if c.kind != "event" or (entity and entity_of(entity) not in c.entities()):
            continue
        if (document and not _in_document(c, document)) or (kind and c.event_type != kind):
            continue
        if trigger and c.trigger != trigger.lower():
            continue
        if (start or end) and (c.time is None or (start and c.time.end < start) or (end and c.time.start > end)):
            continue
        found.append(c)
    found.sort(key=rdf.claim_timeline_key)
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
    words = set(words_of(text)) if text else set()
    out = []
    for cid, c in view.claims.items():
        record = view.records[cid]
        if entity and entity_key not in c.entities():
            continue
        if document and not _in_document(c, document):
            continue
        if source and not any(s.entity == source_key or s.label.casefold() == source.casefold() for s in c.sources):
            continue
        if measure and measure.lower() not in (c.measure or "").lower():
            continue
        if words and not words <= set(words_of(c.text)):
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
    """Known entities with their aliases and how many claims name them (counted by the engine in
    one query; ``entity`` lists one entity's claims)."""
    aliases: dict[str, list[str]] = {}
    for row in store.select(queries.ENTITY_ALIASES):
        aliases.setdefault(str(row["entity"]), []).append(str(row["alias"]))
    counts = {str(row["entity"]): integer(row["claims"]) for row in store.select(queries.ENTITY_CLAIM_COUNTS)}
    return [{**_entity_record(row, aliases.get(str(row["entity"]), [])), "claims": counts.get(str(row["entity"]), 0)}
            for row in store.select(queries.ENTITIES)]


def named_entities(store: GraphStore) -> list[dict[str, str]]:
    """The entities some claim names, with their labels (what ``entities`` lists with a claim)."""
    return [{"id": rdf.entity_key_of(r["entity"]), "label": str(r["label"])} for r in store.select(queries.NAMED_ENTITIES)]


def entity(store: GraphStore, key: str) -> dict[str, object]:
    """One entity as ``entities`` gives it, with the ids of the claims that name it, from queries of
    that entity only."""
    row = next((r for r in store.select(queries.ENTITIES) if rdf.entity_key_of(r["entity"]) == key), None)
    if row is None:
        raise NotFoundError(f"no entity with id {key!r}")
    iri = {"entity": URIRef(str(row["entity"]))}
    named = {rdf.claim_id_of(r["claim"]) for r in store.select(queries.CLAIMS_NAMING, iri)}
    return {**_entity_record(row, [str(r["alias"]) for r in store.select(queries.ENTITY_ALIASES, iri)]),
            "claims": len(named), "claim_ids": sorted(named)}


def _entity_record(row: dict[str, Value], aliases: list[str]) -> dict[str, object]:
    return {"id": rdf.entity_key_of(row["entity"]), "iri": str(row["entity"]), "label": str(row["label"]),
            "type": str(row["type"]), "aliases": aliases}


def relations(view: GraphView, kind: str, entity: str | None = None) -> list[dict[str, object]]:
    """Verdicts of one kind with both claims; with ``entity``, those where either claim is about
    it or attributed to it."""
    key = entity_of(entity) if entity else None
    return relation_records((
        r for r in view.relations if r.kind == kind and r.a in view.records and r.b in view.records
        and (key is None or key in view.claims[r.a].entities() | view.claims[r.b].entities())), view)


def relation_records(found: Iterable[Relation], view: GraphView) -> list[dict[str, object]]:
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
    return sorted(str(r["measure"]) for r in store.select(queries.MEASURES))


def write_export(store: GraphStore, fmt: str, out: IO[bytes]) -> None:
    """The claims as a network (``gexf``, ``graphml``) or a table (``csv``), written to ``out`` as
    the store is read, a slice of claims at a time; RDF is written by ``export.write_rdf``."""
    if fmt == "csv":
        export.write_claims_csv(_records_in_order(store), out)
    elif fmt in ("gexf", "graphml"):
        dynamic, parts = store_parts(store, Gazetteer.load().labels)
        if fmt == "gexf":
            export.write_gexf(dynamic, parts, out, _verdict_edges(store, fmt))
        else:
            export.write_graphml(parts, out, _verdict_edges(store, fmt))
    else:
        raise ValueError(f"unknown export format {fmt!r}")


def _verdict_edges(store: GraphStore, fmt: str) -> Iterator[bytes]:
    """The verdicts' edges in ``fmt`` (``export.verdict_edges``), read partition by partition as
    they are written (numbered ``v<partition>.<n>``), then those of verdicts written without a
    record; the claims' start dates (which way a change runs) are read once, when the first edge
    is written, after the claims' nodes."""
    graphs = readback.verdict_graphs(store)
    begins = functools.cache(lambda: claim_starts(store))
    recorded = 0

    def counted(records: Iterable[str]) -> Iterator[str]:
        nonlocal recorded
        for record in records:
            recorded += 1
            yield record

    for i, graph in enumerate(graphs):
        yield from export.verdict_edges(fmt, record_verdicts(counted(readback.graph_records(store, graph)), begins()),
                                        f"v{i}.")
    rest = readback.unrecorded(store, recorded)
    if rest:
        yield from export.verdict_edges(fmt, record_verdicts((r.to_json() for r in rest), begins()), f"v{len(graphs)}.")


def _records_in_order(store: GraphStore) -> Iterator[ClaimRecord]:
    """Every claim's record in document order, read ``SLICE`` claims at a time."""
    ids = [rdf.claim_id_of(r["claim"]) for r in store.select(queries.CLAIM_ORDER)]
    for i in range(0, len(ids), SLICE):
        page = GraphView(store, only=ids[i : i + SLICE])
        yield from (page.records[c] for c in ids[i : i + SLICE] if c in page.records)


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
