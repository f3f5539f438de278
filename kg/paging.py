"""Pages of claims, events and verdicts, and the figures of a chart, answered by targeted queries
of the store: each filter is a query, only a page's records are read, and no request reads every
claim (``lookup.search``, ``lookup.timeline`` and ``lookup.relations`` give the same answers from
a whole ``GraphView`` held in memory)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from rdflib import Literal, URIRef
from rdflib.term import Node

from . import build as rdf
from . import lists, lookup, queries, readback
from .build import words_of
from .lookup import GraphView, entity_of, is_id
from .ontology import Gazetteer
from .readback import documents, load_relations
from .records import ClaimRecord, FigurePoint
from .store import VALUES_PER_QUERY, GraphStore, Value, integer
from .vocab import CG

#: The limit of a page that holds every match.
ALL = 10**9
_VERDICT_FILTERS = {"corroborated": queries.CORROBORATED, "conflicting": queries.CONFLICTING,
                    "single-source": queries.SINGLE_SOURCE}


def _entity_iri(name: str) -> URIRef | None:
    """The IRI of the alias-table entity a name stands for (claims name no other)."""
    key = entity_of(name)
    return rdf.entity_iri(key) if key in Gazetteer.load().labels else None


def _naming(store: GraphStore, entity: str) -> set[str]:
    """The claims about an entity or attributed to it (as ``Claim.entities`` reads them)."""
    iri = _entity_iri(entity)
    return set() if iri is None else {
        rdf.claim_id_of(r["claim"]) for r in store.select(queries.CLAIMS_NAMING, {"entity": iri})}


def _file_of(store: GraphStore, document: str) -> str:
    """The file name of a document named by file name or id ("" when there is no such id)."""
    if not is_id(document):
        return document
    return next((d["file"] for d in documents(store, [document])), "")


def events_page(store: GraphStore, offset: int, limit: int, entity: str | None = None, document: str | None = None,
                kind: str | None = None, trigger: str | None = None, start: date | None = None,
                end: date | None = None) -> tuple[int, list[ClaimRecord]]:
    """What ``timeline`` gives, ``limit`` from ``offset``, and how many there are, without reading
    every claim: without filters, the page of the timeline the build lists; else the claims of
    the entity, the document, the type or the trigger first, then the types, triggers and times
    of the events among them (of all events without any), the offsets of those kept, and only the
    page's records."""
    if not (entity or document or kind or trigger or start or end) and (listed := lists.page(store, "events", offset, limit)):
        page = GraphView(store, only=listed[1])  # the whole timeline, listed in order by the build
        return listed[0], [page.records[c] for c in listed[1]]
    claims = integer(store.select(queries.COUNT_CLAIMS)[0]["n"])
    among: set[str] | None = None  # the claims of the entity and the document
    if entity:
        among = {str(rdf.claim_iri(c)) for c in _naming(store, entity)}
    if document:
        docs = [URIRef(str(r["doc"])) for r in store.select(queries.DOCUMENT_FILES,
                                                              {"file": Literal(_file_of(store, document))})]
        here = {str(r["claim"]) for r in store.select_each(queries.CLAIM_DOCUMENTS, "doc", docs)}
        among = here if among is None else among & here
    if kind or trigger:  # the events of the kind or trigger, from one bound query
        asked = {"field": CG.eventType, "value": Literal(kind)} if kind else \
            {"field": CG.trigger, "value": Literal((trigger or "").lower())}
        typed = {str(r["claim"]) for r in store.select(queries.CLAIMS_WITH_VALUE, asked)}
        among = typed if among is None else among & typed
    elif among is not None and not _few(among, claims):  # many claims kept, mostly figures: their events only
        among &= {str(r["claim"]) for r in store.select(queries.EVENT_CLAIMS)}
    fields: dict[str, dict[str, Value]] = {}
    for r in store.stream(queries.EVENT_FIELDS) if among is None else _rows_of(store, queries.EVENT_FIELDS, "claim",
                                                                               among, claims):
        fields.setdefault(str(r["claim"]), {})[str(r["field"])] = r["value"]
    when: dict[str, tuple[date | None, date | None]] = {}
    for iri, f in fields.items():
        begins = date.fromisoformat(str(f["from"])) if f.get("from") else None
        ends = date.fromisoformat(str(f["to"])) if f.get("to") else None
        if "event" not in f or (kind and f.get("kind") != kind) or (trigger and f.get("trigger") != trigger.lower()):
            continue
        if (start or end) and (begins is None or ends is None or (start and ends < start) or (end and begins > end)):
            continue
        when[iri] = begins, ends
    found = sorted(rdf.timeline_key(begins, ends, str(r["file"]), integer(r["start"]), rdf.claim_id_of(r["claim"]))
                   for r in _rows_of(store, queries.CLAIM_PLACES, "claim", set(when), claims)
                   for begins, ends in [when[str(r["claim"])]])
    ids = [f[-1] for f in found[offset : offset + limit]]
    page = GraphView(store, only=ids)
    return len(found), [page.records[c] for c in ids]


def claims_page(store: GraphStore, offset: int, limit: int, entity: str | None = None, document: str | None = None,
                source: str | None = None, measure: str | None = None, text: str | None = None,
                verdict: str | None = None, measure_key: str | None = None) -> tuple[int, list[ClaimRecord]]:
    """What ``search`` gives, ``limit`` from ``offset``, and how many there are, without reading
    every claim: a verdict alone pages the list of the claims with one (``lists.CLAIMS_WITH``);
    else each filter keeps claims from one query or list (of the claims the filters before it kept,
    once they are few); the documents' claim counts, or the kept claims' documents, say which
    documents hold the page; only their claims' offsets and the page's records are read.
    ``measure_key`` keeps the claims of that measure key exactly (``measure`` any that holds it)."""
    alone = not (entity or document or source or measure or text or measure_key)
    if alone and verdict is not None and verdict in lists.CLAIMS_WITH.values() \
            and (listed := lists.page(store, verdict, offset, limit)):
        page = GraphView(store, only=listed[1])  # the claims with a verdict of the kind, listed by the build
        return listed[0], [page.records[c] for c in listed[1]]
    file = _file_of(store, document) if document else None
    if entity and _entity_iri(entity) is None:
        return 0, []  # claims name alias-table entities only
    files: dict[str, str] = {}
    counts: dict[str, int] = {}
    for r in store.select(queries.DOCUMENT_FILES):  # joined here: the engine joins them far slower
        files[str(r["doc"])] = str(r["file"])
    for r in store.select(queries.DOCUMENT_CLAIMS):
        if str(r["doc"]) in files:
            counts[str(r["doc"])] = integer(r["claims"])
    sizes = len(files), sum(counts.values())  # how many documents and claims the store has
    if file is not None:
        counts = {d: n for d, n in counts.items() if files[d] == file}
    members: dict[str, list[str]] | None = None  # the kept claims of each document
    if filters := _claim_filters(store, sizes[1], entity, source, measure, text, verdict, measure_key):
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
                   text: str | None, verdict: str | None, measure_key: str | None = None) -> list[_Filter]:
    """Each filter of ``search`` as a function from the claims kept so far (None: every claim of the
    ``claims`` there are) to those it keeps."""
    def by(sparql: str, bindings: dict[str, Node] | None, test: Callable[[dict[str, Value]], bool]) -> _Filter:
        def keep(kept: set[str] | None) -> set[str]:
            rows = (store.stream(sparql, bindings) if kept is None else
                    _rows_of(store, sparql, "claim", kept, claims, bindings))
            found = {str(r["claim"]) for r in rows if test(r)}
            return found if kept is None else found & kept
        return keep

    def by_verdict(verdict: str) -> _Filter:
        def keep(kept: set[str] | None) -> set[str]:
            listed = lists.items(store, verdict) if verdict in lists.CLAIMS_WITH.values() else None
            if listed is None:  # a store without the list
                return by(_VERDICT_FILTERS[verdict], None, lambda r: True)(kept)
            found = {str(rdf.claim_iri(c)) for c in listed}
            return found if kept is None else found & kept
        return keep

    def by_words(words: set[str]) -> _Filter:
        def keep(kept: set[str] | None) -> set[str]:
            if (kept is None or not _few(kept, claims)) and store.ask(queries.WORDS_KEPT):
                every: set[str] | None = None  # the claims that hold every word, from the words kept
                for word in sorted(words, key=lambda w: (-len(w), w)):
                    holding = {str(r["claim"]) for r in store.stream(queries.CLAIMS_WITH_WORD, {"word": Literal(word)})}
                    every = holding if every is None else every & holding
                    if not every:
                        return set()
                return (every or set()) if kept is None else (every or set()) & kept
            if kept is not None and _few(kept, claims):  # the kept claims' sentences
                rows = store.select_each(queries.QUOTE_TEXTS, "quote", [rdf.sentence_quote_iri(c) for c in sorted(kept)])
            else:  # the sentences that may hold the longest word
                rows = store.select_each(queries.QUOTES_WITH, "word", [Literal(max(sorted(words), key=len))])
            found = set()
            for r in rows:
                claim = rdf.claim_of_sentence_quote(r["quote"])
                if claim and (kept is None or claim in kept) and words <= set(words_of(str(r["text"]))):
                    found.add(claim)
            return found
        return keep

    def by_source(source: str) -> _Filter:
        agent = _entity_iri(source)

        def cited(r: dict[str, Value]) -> bool:
            return str(r["agent"]) == str(agent) or str(r["name"]).casefold() == source.casefold()

        def keep(kept: set[str] | None) -> set[str]:
            if kept is not None and _few(kept, claims):  # the kept claims' sources
                return {str(r["claim"]) for r in store.select_each(queries.CLAIM_SOURCE_NAMES, "claim",
                                                                   [URIRef(c) for c in sorted(kept)]) if cited(r)}
            found = set() if agent is None else {
                str(r["claim"]) for r in store.select(queries.CLAIMS_BY_AGENT, {"agent": agent})}
            for name in (str(r["name"]) for r in store.select(queries.AGENT_NAME_LIST)):
                if name.casefold() == source.casefold():
                    found.update(str(r["claim"]) for r in store.select(queries.CLAIMS_BY_AGENT_NAME,
                                                                       {"name": Literal(name)}))
            return found if kept is None else found & kept
        return keep

    filters: list[_Filter] = []
    if entity and (iri := _entity_iri(entity)):
        filters.append(by(queries.CLAIMS_NAMING, {"entity": iri}, lambda r: True))
    if source:
        filters.append(by_source(source))
    if measure_key:
        filters.append(by(queries.CLAIM_MEASURES, {"measure": Literal(measure_key)}, lambda r: True))
    if measure:
        filters.append(by(queries.CLAIM_MEASURES, None, lambda r: measure.lower() in str(r["measure"]).lower()))
    if verdict in _VERDICT_FILTERS:
        filters.append(by_verdict(verdict))
    if words := set(words_of(text or "")):
        filters.append(by_words(words))
    return filters


def measured(store: GraphStore, key: str) -> list[str]:
    """The ids of the claims of one measure key."""
    return sorted(rdf.claim_id_of(r["claim"]) for r in store.select(queries.CLAIM_MEASURES, {"measure": Literal(key)}))


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
    if _few(iris, among):
        return store.select_each(sparql, name, [URIRef(i) for i in sorted(iris)], bindings)
    return (r for r in store.stream(sparql, bindings) if str(r[name]) in iris)


def _few(iris: set[str], among: int) -> bool:
    """Whether these of ``among`` claims (or documents) are read for themselves rather than from
    the rows of all: up to half of them, or one ``VALUES`` block."""
    return len(iris) * 2 <= among or len(iris) <= VALUES_PER_QUERY


def _in_document_order(rows: Iterable[dict[str, Value]]) -> list[str]:
    """The ids of ``CLAIM_PLACES`` rows ordered by file name, offset and id."""
    return [c for _, _, c in sorted(lists.document_key(str(r["file"]), integer(r["start"]), rdf.claim_id_of(r["claim"]))
                                    for r in rows)]


def relations_page(store: GraphStore, kind: str, offset: int, limit: int,
                   entity: str | None = None) -> tuple[int, list[dict[str, object]]]:
    """What ``relations`` gives, ``limit`` from ``offset``, and how many there are, without reading
    every claim: the page of the kind's list the build keeps (with ``entity``, the verdicts of
    the kind on the claims naming it), then the page's verdicts, their claims and records."""
    listed = None if entity else lists.page(store, kind, offset, limit)
    if listed is not None:
        total, chosen = listed[0], [str(rdf.relation_iri_for_id(i)) for i in listed[1]]
    else:
        kind_type = {"type": rdf.VERDICT_KINDS[kind][0]}
        named = _naming(store, entity) if entity else set()
        if entity and _fewer_through_claims(store, kind, len(named)):  # the verdicts on the claims naming it
            found = {str(r["verdict"]) for r in store.select_each(
                queries.VERDICT_CLAIMS, "claim", [rdf.claim_iri(c) for c in sorted(named)], kind_type)}
        else:  # every verdict of the kind (and, with ``entity``, its claims, to keep those naming it)
            found = {str(r["verdict"]) for r in store.select(queries.VERDICTS_OF_TYPE, kind_type)}
            if entity:
                claims_of: dict[str, set[str]] = {}
                for r in store.select_each(queries.VERDICT_CLAIMS, "verdict", [URIRef(v) for v in found]):
                    claims_of.setdefault(str(r["verdict"]), set()).add(rdf.claim_id_of(r["claim"]))
                found = {v for v in found if claims_of.get(v, set()) & named}
        ordered = sorted(found, key=rdf.relation_id_of)
        total, chosen = len(ordered), ordered[offset : offset + limit]
    pairs: dict[str, set[str]] = {}
    for r in store.select_each(queries.VERDICT_CLAIMS, "verdict", [URIRef(v) for v in chosen]):
        pairs.setdefault(str(r["verdict"]), set()).add(rdf.claim_id_of(r["claim"]))
    page = GraphView(store, only=sorted({c for v in chosen for c in pairs[v]}))
    return total, lookup.relation_records(load_relations(store, verdicts=[URIRef(v) for v in chosen]), page)


def _fewer_through_claims(store: GraphStore, kind: str, claims: int) -> bool:
    """Whether the verdicts of ``claims`` claims (of every kind, about as many as the average claim
    has) are fewer rows to read than the claims of every verdict of ``kind``: the lists' sizes say."""
    sizes = lists.sizes(store, rdf.VERDICT_KINDS)
    if len(sizes) < len(rdf.VERDICT_KINDS):
        return False
    every = integer(store.select(queries.COUNT_CLAIMS)[0]["n"]) or 1
    return claims * 2 * sum(sizes.values()) / every < 2 * sizes[kind]


