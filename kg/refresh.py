"""What the build derives from the documents and keeps beside them: the verdicts (a graph for each
partition), each claim's independence and blocking keys, the claim counts, the lists the service
pages, the agents, and the digest of the document versions they were made from.

``refresh`` recomputes all of it; told what a write changed (``Change``, from ``plan`` before the
write), only what the change touches: the partitions of the blocking keys of the claims written or
removed, the independence of the claims whose roots, verdicts or corroborating groups may differ,
the counts of their documents and entities, and the lists' changed items. Either way the store
ends the same, triple for triple and graph for graph, as a clean build of the same documents.
"""

from __future__ import annotations

import bisect
import itertools
import logging
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from rdflib import Literal, URIRef
from rdflib.term import Node

from . import build as rdf
from . import independence, linked, queries, readback, reconcile
from .config import Settings
from .model import Claim, Relation, content_id
from .store import GraphStore, integer, ntriples, text_or_none, to_rdflib
from .vocab import CG
from .workers import Workers, verdict_job

log = logging.getLogger(__name__)

#: Triples per derived graph written at once: a build never holds a whole derived graph as RDF.
TRIPLES_PER_GRAPH = 50_000


@dataclass(frozen=True)
class Change:
    """What a write changes: the documents (by file name) written or removed, their claims as
    the store held them before, and the agents (sources, authors, publishers) they named then."""

    files: frozenset[str]
    before: tuple[Claim, ...]
    agents: frozenset[URIRef] = frozenset()


def same_entities(store: GraphStore) -> list[tuple[str, str]]:
    """Pairs of alias-table entities a curator has said are one (``owl:sameAs`` between their IRIs)."""
    prefix = str(rdf.entity_iri(""))
    return [(rdf.entity_key_of(r["a"]), rdf.entity_key_of(r["b"])) for r in store.select(queries.SAME_ENTITIES)
            if str(r["a"]).startswith(prefix) and str(r["b"]).startswith(prefix)]


def digest(store: GraphStore, settings: Settings, same: Sequence[tuple[str, str]]) -> str:
    """What the derived graphs are made from, and in what form: the document versions, the
    tolerance, the entities linked as one; derived graphs of an earlier form (verdicts without
    records) are made again by the next write."""
    versions = sorted((str(r["file"]), str(r["sha"])) for r in store.select(queries.DOCUMENT_VERSIONS))
    return content_id("verdicts with records by partition, counts and lists", settings.tolerance,
                      *(f"{f}={h}" for f, h in versions), *(f"{a}={b}" for a, b in same), length=64)


def _up_to_date(store: GraphStore, wanted: str) -> bool:
    stored = store.select(queries.VERDICT_DIGEST)
    return bool(stored) and stored[0]["digest"] == wanted


def plan(store: GraphStore, settings: Settings, files: Collection[str]) -> Change | None:
    """Before writing or removing ``files``: what the write will change, when the derived graphs
    are those of the store's documents (otherwise nothing can be kept: None)."""
    if not _up_to_date(store, digest(store, settings, same_entities(store))):
        return None
    return Change(frozenset(files), tuple(claims_of_files(store, files)), agents_named_in(store, files))


def agents_named_in(store: GraphStore, files: Collection[str]) -> frozenset[URIRef]:
    """The agents the graphs of the documents read from ``files`` name."""
    graphs = [rdf.graph_iri_for_key(f) for f in sorted(files)]
    return frozenset(URIRef(str(r["agent"])) for r in store.select_each(queries.AGENTS_NAMED_IN, "g", graphs))


def claims_of_files(store: GraphStore, files: Collection[str]) -> list[Claim]:
    """The claims of the documents read from ``files``, read back."""
    rows = store.select_each(queries.FILE_CLAIMS, "file", [Literal(f) for f in sorted(files)])
    return readback.load_claims(store, sorted({rdf.claim_id_of(r["claim"]) for r in rows}))


def refresh(store: GraphStore, settings: Settings, changed: bool, change: Change | None = None,
            workers: Workers | None = None, progress: reconcile.Progress | None = None) -> tuple[int, int]:
    """Bring the derived graphs up to date with the documents; how many claims and verdicts the
    store holds. With nothing ``changed`` they are kept when their digest says they are current
    (a build killed after writing documents but before the verdicts, or one after entities were
    linked as one, recomputes them); with a ``change`` only what it touches is recomputed."""
    claim_count = integer(store.select(queries.COUNT_CLAIMS)[0]["n"])
    same = same_entities(store)
    wanted = digest(store, settings, same)
    if not changed and _up_to_date(store, wanted):
        return claim_count, readback.verdict_count(store)
    if not changed:
        log.warning("the verdicts are out of date or missing (a write was cut short, entities were linked as "
                    "one since, or they were written in an earlier form); recomputing them")
    # Without its digest, derived graphs cut short by a crash are recomputed by the next build.
    store.remove_graph(rdf.RECONCILIATION_GRAPH)
    run = workers.map if workers is not None else map
    if change is None or not changed:
        write_agents(store)
        _everything(store, settings, same, run, progress)
    else:
        write_agents(store, change.agents | agents_named_in(store, change.files))
        _touched(store, settings, same, change, run, progress)
    store.replace_graph(rdf.RECONCILIATION_GRAPH, [(rdf.RECONCILIATION_GRAPH, CG.inputDigest, Literal(wanted))])
    return claim_count, readback.verdict_count(store)


def write_agents(store: GraphStore, agents: Collection[URIRef] | None = None) -> None:
    """Describe once each source and author the documents name, under every name they give it:
    all of them, or only ``agents`` (those a write's documents named before it or name now)."""
    if agents is None:
        rows = store.select(queries.AGENT_NAMES)
    else:
        rows = store.select_each(queries.AGENT_NAMES, "agent", sorted(agents))
    triples = [t for r in rows
               for t in rdf.agent_triples(URIRef(str(r["agent"])), str(r["name"]), text_or_none(r.get("kind")))]
    if agents is None:
        store.replace_graph(rdf.AGENTS_GRAPH, triples)
        return
    store.remove_subjects({rdf.AGENTS_GRAPH: sorted(agents)})
    store.add_to_graphs({rdf.AGENTS_GRAPH: ntriples(triples)})
    if store.is_empty(rdf.AGENTS_GRAPH):
        store.remove_graph(rdf.AGENTS_GRAPH)


# ------------------------------------------------------------------------------------ everything


def _everything(store: GraphStore, settings: Settings, same: Sequence[tuple[str, str]], run: reconcile.Mapper,
                progress: reconcile.Progress | None) -> None:
    stored = readback.load_claims(store)
    store.replace_graph(rdf.COUNTS_GRAPH, rdf.count_triples(stored))
    claims = linked.merge_entities(stored, same)
    for prefix in (rdf.VERDICTS_GRAPHS, rdf.INDEPENDENCE_GRAPHS, rdf.KEYS_GRAPHS, rdf.LISTS_GRAPHS):
        store.remove_graphs(readback.graphs_under(store, prefix))
    edges: list[independence.Edge] = []
    for found in _write_partitions(store, reconcile.partitions(claims, settings.tolerance), run, progress):
        edges += found
    assessed = independence.assess(claims, edges)
    store.add_to_graphs(_buckets(rdf.INDEPENDENCE_GRAPHS, claims, lambda cs: _independence_triples(cs, assessed)),
                        bulk=True)
    store.add_to_graphs(_buckets(rdf.KEYS_GRAPHS, claims, _key_triples), bulk=True)
    listed: dict[str, list[str]] = {kind: [] for kind in rdf.VERDICT_KINDS}
    for e in edges:
        listed[e.kind].append(_edge_id(e))
    for kind, ids in listed.items():
        _write_list(store, kind, sorted(ids))
    _write_list(store, "events", rdf.timeline_order(stored))


def _edge_id(e: independence.Edge) -> str:
    return Relation(e.kind, e.a, e.b, "", e.basis).id


def _write_partitions(store: GraphStore, parts: Sequence[reconcile.Partition], run: reconcile.Mapper,
                      progress: reconcile.Progress | None) -> Iterator[list[independence.Edge]]:
    """Compute the partitions' verdicts and write each partition that has any into its graph (the
    caller has emptied them), about ``TRIPLES_PER_GRAPH`` triples in one bulk load, a big
    partition in several; yields each partition's verdicts as edges."""
    pending: dict[URIRef, list[str]] = defaultdict(list)
    lines = 0

    def flush() -> None:
        nonlocal pending, lines
        store.add_to_graphs({graph: "".join(texts) for graph, texts in pending.items()}, bulk=True)
        pending, lines = defaultdict(list), 0

    for part, found in reconcile.partition_results(parts, run, verdict_job, progress):
        graph = rdf.verdicts_graph(part.kind, part.key)
        for batch in found:
            text = batch.triples
            pending[graph].append(text)
            lines += text.count("\n")
            if lines >= TRIPLES_PER_GRAPH:
                flush()
        edges = [e for batch in found for e in batch.edges]
        if edges:
            links = ntriples(rdf.link_triples((e.kind, e.a, e.b) for e in edges))
            pending[graph].append(links)
            lines += links.count("\n")
        if lines >= TRIPLES_PER_GRAPH:
            flush()
        yield edges
    if pending:
        flush()


def _independence_triples(claims: Iterable[Claim], assessed: dict[str, independence.Independence]
                          ) -> Iterator[rdf.Triple]:
    for c in claims:
        if c.figure is not None:
            a = assessed[c.id]
            iris = [rdf.root_iri(key) for key in sorted(a.roots)]
            yield from rdf.independence_triples(c.id, a.independent, a.single_source, iris, a.circular)


def _key_triples(claims: Iterable[Claim]) -> Iterator[rdf.Triple]:
    for c in claims:
        yield from rdf.key_triples(c.id, reconcile.blocking_keys(c))


def _write_list(store: GraphStore, name: str, ordered: Sequence[str]) -> None:
    """A list in its graphs (``graph/lists/<name>/0`` ...), ``TRIPLES_PER_GRAPH`` triples to a graph."""
    prefix = f"{rdf.LISTS_GRAPHS}{name}/"
    listing = rdf.list_triples(name, ordered)
    written = set()
    for n in itertools.count():
        batch = list(itertools.islice(listing, TRIPLES_PER_GRAPH))
        if not batch and n:
            break
        graph = rdf.ID[f"{prefix}{n}"]
        store.replace_graph_text(graph, ntriples(batch), atomic=False)
        written.add(graph)
    store.remove_graphs([g for g in readback.graphs_under(store, prefix) if g not in written])


# ------------------------------------------------------------------------------------ a change


def _touched(store: GraphStore, settings: Settings, same: Sequence[tuple[str, str]], change: Change,
             run: reconcile.Mapper, progress: reconcile.Progress | None) -> None:
    after_stored = claims_of_files(store, change.files)
    before = linked.merge_entities(change.before, same)
    after = linked.merge_entities(after_stored, same)
    gone = {c.id for c in before} - {c.id for c in after}
    written = {c.id for c in before} | {c.id for c in after}
    keys = set().union(*(reconcile.blocking_keys(c) for c in (*before, *after)))

    # The verdicts of the partitions the change touches, recomputed over their members now; in
    # the store, those that changed are replaced (and all of the changed documents' claims).
    members = {rdf.claim_id_of(r["claim"]) for r in
               store.select_each(queries.CLAIMS_WITH_KEY, "key", [Literal(k) for k in sorted(keys)])} - written
    claims = _Claims(store, same, after)
    parts = reconcile.partitions(claims.get(members) + after, settings.tolerance, keys=keys, documents=change.files)
    graphs = sorted({rdf.verdicts_graph("block", k) for k in keys} |
                    {rdf.verdicts_graph("document", f) for f in change.files})
    old = _graph_edges(store, graphs)
    stale: dict[URIRef, list[Node]] = {}
    unlinked: dict[URIRef, str] = {}
    added: dict[URIRef, str] = {}
    new: set[independence.Edge] = set()
    for part, found in reconcile.partition_results(parts, run, reconcile.partition_verdicts, progress):
        graph = rdf.verdicts_graph(part.kind, part.key)
        was = old.get(graph, {})
        now = {r.id for r in found}
        new.update(independence.Edge.of(r) for r in found)
        stale[graph] = [rdf.relation_iri_for_id(i) for i, e in was.items()
                        if i not in now or e.a in written or e.b in written]
        linked_now, linked_before = set(rdf.link_triples((r.kind, r.a, r.b) for r in found)), _graph_links(was.values())
        fresh = (t for r in found if r.id not in was or r.a in written or r.b in written for t in rdf.relation_triples(r))
        unlinked[graph] = ntriples(linked_before - linked_now)
        added[graph] = ntriples(fresh) + ntriples(linked_now - linked_before)
    store.remove_subjects(stale)
    store.remove_triples(unlinked)
    store.add_to_graphs(added)
    # A graph no partition gave now (a removed document's sums, a block left without members)
    # has no verdicts left.
    store.remove_graphs([g for g in graphs if g not in stale or store.is_empty(g)])
    old_edges = {e for edges in old.values() for e in edges.values()}

    _update_counts(store, change.before, after_stored)
    _rewrite_buckets(store, rdf.KEYS_GRAPHS, [*before, *after], _buckets(rdf.KEYS_GRAPHS, after, _key_triples))
    _update_independence(store, claims, before, after, gone, old_edges ^ new)
    _update_lists(store, old_edges - new, new - old_edges, before, after_stored)


def _buckets(prefix: str, claims: Iterable[Claim], triples: Callable[[list[Claim]], Iterable[rdf.Triple]]
             ) -> dict[URIRef, str]:
    """The ``triples`` of the claims as N-Triples, by their documents' bucket graphs."""
    grouped: dict[URIRef, list[Claim]] = defaultdict(list)
    for c in claims:
        grouped[rdf.bucket_graph(prefix, c.document)].append(c)
    return {graph: ntriples(triples(cs)) for graph, cs in sorted(grouped.items())}


def _graph_edges(store: GraphStore, graphs: Sequence[URIRef]) -> dict[URIRef, dict[str, independence.Edge]]:
    """The verdicts in each of ``graphs`` by id (``independence.Edge``: kind, basis and claims),
    from their records (a store whose derived graphs are current has them)."""
    return {graph: {_edge_id(e): e for e in readback.graph_edges(store, graph)} for graph in graphs}


def _graph_links(edges: Iterable[independence.Edge]) -> set[rdf.Triple]:
    """The claim-to-claim links of a partition's graph: those of its verdicts, as it was written."""
    return set(rdf.link_triples((e.kind, e.a, e.b) for e in edges))


def _update_counts(store: GraphStore, before: Sequence[Claim], after: Sequence[Claim]) -> None:
    """The claim counts of the changed documents and of the entities their claims name."""
    counts: dict[Node, int] = {}
    for q in store.quads(rdf.COUNTS_GRAPH):
        counts[to_rdflib(q.subject)] = int(str(to_rdflib(q.object)))
    for claims, sign in ((before, -1), (after, 1)):
        for s, _, n in rdf.count_triples(claims):
            counts[s] = counts.get(s, 0) + sign * int(str(n))
    store.replace_graph(rdf.COUNTS_GRAPH, [(s, CG.claimCount, Literal(n)) for s, n in counts.items() if n > 0])


def _rewrite_buckets(store: GraphStore, prefix: str, dropped: Iterable[Claim], fresh: dict[URIRef, str]) -> None:
    """Replace what the bucket graphs say of the claims ``dropped`` with ``fresh`` (``_buckets``)."""
    stale: dict[URIRef, list[Node]] = defaultdict(list)
    for c in dropped:
        stale[rdf.bucket_graph(prefix, c.document)].append(rdf.claim_iri(c.id))
    store.remove_subjects(stale)
    store.add_to_graphs(fresh)
    store.remove_graphs([g for g in sorted({*stale, *fresh}) if store.is_empty(g)])


class _Claims:
    """Claims read back from the store once each, entities linked as one read as one."""

    def __init__(self, store: GraphStore, same: Sequence[tuple[str, str]], written: Iterable[Claim]) -> None:
        self.store, self.same = store, same
        self.known = {c.id: c for c in written}

    def get(self, ids: Collection[str]) -> list[Claim]:
        missing = sorted(set(ids) - self.known.keys())
        for c in linked.merge_entities(readback.load_claims(self.store, missing), self.same) if missing else ():
            self.known[c.id] = c
        return [self.known[i] for i in sorted(ids) if i in self.known]


def _update_independence(store: GraphStore, claims: _Claims, before: Sequence[Claim],
                         after: Sequence[Claim], gone: Collection[str], changed: Iterable[independence.Edge]) -> None:
    """Independence for the claims it may differ for: those of the measures of the changed claims
    (their roots), the ends of the verdicts that changed, and every claim corroborating them,
    however far (their groups)."""
    measures = {c.measure for c in (*before, *after) if c.measure}
    same = claims.same
    seeds = {c.id for c in after} | {x for e in changed for x in (e.a, e.b)} | _claims_of_measures(store, measures, same)
    region, edges = _corroborating(store, seeds - set(gone))
    assessed_claims = claims.get(region)
    traced = claims.get(region | _claims_of_measures(store, {c.measure for c in assessed_claims if c.measure}, same))
    assessed = independence.assess(traced, edges)
    _rewrite_buckets(store, rdf.INDEPENDENCE_GRAPHS, [*assessed_claims, *(c for c in before if c.id in gone)],
                     _buckets(rdf.INDEPENDENCE_GRAPHS, assessed_claims, lambda cs: _independence_triples(cs, assessed)))


def _claims_of_measures(store: GraphStore, measures: Collection[str], same: Sequence[tuple[str, str]]) -> set[str]:
    """The ids of the claims of ``measures`` (as entities linked as one read them)."""
    stored = sorted({m for measure in measures for m in linked.measures_before_merge(measure, same)})
    rows = store.select_each(queries.CLAIMS_OF_MEASURE, "measure", [Literal(m) for m in stored])
    return {rdf.claim_id_of(r["claim"]) for r in rows}


#: Verdicts the walk over corroborating claims gathers claim by claim before it reads every verdict
#: once instead: a claim's verdicts come in a join, and each verdict once for each of its claims
#: the walk reaches, where the whole read gives each once, from its partition's graph.
WALK_READ_WHOLE_FROM = 200_000


def _corroborating(store: GraphStore, seeds: Collection[str]) -> tuple[set[str], set[independence.Edge]]:
    """The claims that corroborate ``seeds`` by a report, directly or through others, with the
    seeds; and every verdict between them."""
    region, frontier = set(seeds), sorted(seeds)
    edges: set[independence.Edge] = set()
    while frontier:
        found: set[str] = set()
        for relation in readback.iter_relations(store, frontier):
            if len(edges) > WALK_READ_WHOLE_FROM:
                return _corroborating_in_memory(readback.iter_edges(store), seeds)
            e = independence.Edge.of(relation)
            edges.add(e)
            if independence.backs(e):
                found.update(x for x in (e.a, e.b) if x not in region)
        region |= found
        frontier = sorted(found)
    return region, {e for e in edges if e.a in region and e.b in region}


def _corroborating_in_memory(verdicts: Iterable[independence.Edge], seeds: Collection[str]
                             ) -> tuple[set[str], set[independence.Edge]]:
    """What ``_corroborating`` finds, walked over every verdict held in memory."""
    edges = set(verdicts)
    neighbours: dict[str, list[str]] = defaultdict(list)
    for e in edges:
        if independence.backs(e):
            neighbours[e.a].append(e.b)
            neighbours[e.b].append(e.a)
    region, frontier = set(seeds), list(seeds)
    while frontier:
        found = {x for c in frontier for x in neighbours.get(c, ()) if x not in region}
        region |= found
        frontier = list(found)
    return region, {e for e in edges if e.a in region and e.b in region}


def _read_list(store: GraphStore, name: str) -> list[str]:
    size = store.select(queries.LIST_SIZE, {"list": rdf.list_iri(name)})
    n = integer(size[0]["n"]) if size else 0
    blocks = [rdf.list_iri(name, b) for b in range(-(-n // rdf.LIST_BLOCK))]
    found = {str(r["list"]): str(r["ids"]).split() for r in store.select_each(queries.LIST_BLOCKS, "list", blocks)}
    return [i for b in blocks for i in found.get(str(b), ())]


def _update_lists(store: GraphStore, removed: Collection[independence.Edge], added: Collection[independence.Edge],
                  before: Sequence[Claim], after: Sequence[Claim]) -> None:
    """The lists with the verdicts and events that changed taken out and put in their places."""
    for kind in rdf.VERDICT_KINDS:
        out, into = {_edge_id(e) for e in removed if e.kind == kind}, {_edge_id(e) for e in added if e.kind == kind}
        if out or into:
            _write_list(store, kind, sorted(set(_read_list(store, kind)) - out | into))
    events = {c.id for c in before if c.kind == "event"}
    arriving = [c for c in after if c.kind == "event"]
    if not events and not arriving:
        return
    ordered = [i for i in _read_list(store, "events") if i not in events]
    keys = _TimelineKeys(store)
    for c in arriving:
        keys.known[c.id] = rdf.claim_timeline_key(c)
    for c in sorted(arriving, key=lambda c: keys.known[c.id]):
        bisect.insort(ordered, c.id, key=keys)
    _write_list(store, "events", ordered)


class _TimelineKeys:
    """Where events stand in the timeline (``build.timeline_key``), read from the store as asked."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self.known: dict[str, tuple[bool, date, date, str, int, str]] = {}

    def __call__(self, claim_id: str) -> tuple[bool, date, date, str, int, str]:
        if claim_id not in self.known:
            iri = rdf.claim_iri(claim_id)
            fields = {str(r["field"]): r["value"] for r in self.store.select(queries.EVENT_FIELDS, {"claim": iri})}
            place = self.store.select(queries.CLAIM_PLACES, {"claim": iri})[0]
            begins = date.fromisoformat(str(fields["from"])) if fields.get("from") else None
            ends = date.fromisoformat(str(fields["to"])) if fields.get("to") else None
            self.known[claim_id] = rdf.timeline_key(begins, ends, str(place["file"]), integer(place["start"]), claim_id)
        return self.known[claim_id]
