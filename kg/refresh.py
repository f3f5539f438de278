"""What the build derives from the documents and keeps beside them: the verdicts (a graph for each
partition), each claim's independence and blocking keys, the claim counts, how often each
measure's chains cite one source from another, the lists the service pages, the agents, and the
digest of the document versions they were made from.

``refresh`` recomputes all of it; told what a write changed (``Change``, from ``plan`` before the
write), only what the change touches: in the partitions of the blocking keys of the claims written
or removed, the verdicts that may differ (``rejudge``); the independence of the claims whose roots
or corroborating claims may differ and of the claims next to them; the counts of their documents
and entities and of their chains' citations, the agents they name, and the blocks of the lists
their verdicts and events fall in. Either way the store ends the same, triple for triple and
graph for graph, as a clean build of the same documents.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TypeVar

import networkx as nx
from rdflib import Literal, URIRef
from rdflib.term import Node

from . import build as rdf
from . import collector, independence, linked, lists, queries, readback, readings, reconcile, rejudge
from .config import Settings
from .model import CORROBORATION_BASES, Claim, Relation, content_id
from .store import BulkLoader, GraphStore, Value, integer, text_or_none
from .terms import ntriples
from .vocab import CG
from .workers import Workers, verdict_job

log = logging.getLogger(__name__)

#: Triples per derived graph written at once: a build never holds a whole derived graph as RDF.
TRIPLES_PER_GRAPH = 50_000


@dataclass(frozen=True)
class Change:
    """What a write changes: the documents (by file name) written or removed, their claims as
    the store held them before, and how they named agents (sources, authors, publishers) then."""

    files: frozenset[str]
    before: tuple[Claim, ...]
    namings: Counter[rdf.Naming] = field(default_factory=Counter)


def same_entities(store: GraphStore) -> list[tuple[str, str]]:
    """Pairs of alias-table entities a curator has said are one (``owl:sameAs`` between their IRIs)."""
    prefix = str(rdf.entity_iri(""))
    return [(rdf.entity_key_of(r["a"]), rdf.entity_key_of(r["b"])) for r in store.select(queries.SAME_ENTITIES)
            if str(r["a"]).startswith(prefix) and str(r["b"]).startswith(prefix)]


def digest(store: GraphStore, settings: Settings, same: Sequence[tuple[str, str]],
           versions: Mapping[str, str] | None = None) -> str:
    """What the derived graphs are made from, and in what form: the document versions, the
    tolerance, the entities linked as one; derived graphs of an earlier form (verdicts without
    records, a series with one period worded two ways as two times, claims without their words,
    citations or agents' names not counted, blocking keys without their members' records, claims
    not listed by verdict, figures and events met only among all of a block's) are made again by
    the next write. A write judges again only the verdicts it can change, taking the others to be
    what the rules make of the claims the store holds. ``versions`` are the documents' (file name,
    hash) when the caller has read them (``document_versions``)."""
    found = sorted((versions if versions is not None else document_versions(store)).items())
    return content_id("verdicts with records by partition, counts, citations counted, lists in blocks by their items, "
                      "words, members by key each on a node of its own, agents' names counted, claims listed by "
                      "verdict; a series by period; figures met by people and place, events by actor; places named apart",
                      settings.tolerance,
                      *(f"{f}={h}" for f, h in found), *(f"{a}={b}" for a, b in same), length=64)


def document_versions(store: GraphStore) -> dict[str, str]:
    """The hash of each document the store holds, by file name."""
    return {str(r["file"]): str(r["sha"]) for r in store.select(queries.DOCUMENT_VERSIONS)}


def _up_to_date(store: GraphStore, wanted: str) -> bool:
    stored = store.select(queries.VERDICT_DIGEST)
    return bool(stored) and stored[0]["digest"] == wanted


def plan(store: GraphStore, settings: Settings, files: Collection[str], versions: Mapping[str, str] | None = None
         ) -> Change | None:
    """Before writing or removing ``files``: what the write will change, when the derived graphs
    are those of the store's documents (otherwise nothing can be kept: None); ``versions`` theirs
    (``document_versions``), when read already."""
    if not _up_to_date(store, digest(store, settings, same_entities(store), versions)):
        return None
    return Change(frozenset(files), tuple(claims_of_files(store, files)), _namings_in(store, files))


def _namings_in(store: GraphStore, files: Collection[str]) -> Counter[rdf.Naming]:
    """How the graphs of the documents read from ``files`` name agents (each way once a document)."""
    # One graph at a time, named in the query: given as a block of values, the engine reads the
    # union of every graph's first.
    return _namings(r for f in sorted(files) for r in store.select(queries.AGENT_NAMES_IN, {"g": rdf.graph_iri_for_key(f)}))


def _namings(rows: Iterable[dict[str, Value]]) -> Counter[rdf.Naming]:
    """How many documents name each agent each way (rows of ``queries.AGENT_NAMES_IN``)."""
    return Counter((str(r["agent"]), str(r["name"]), text_or_none(r.get("kind"))) for r in rows)


def claims_of_files(store: GraphStore, files: Collection[str]) -> list[Claim]:
    """The claims of the documents read from ``files``, read back."""
    rows = store.select_each(queries.FILE_CLAIMS, "file", [Literal(f) for f in sorted(files)])
    return readback.load_claims(store, sorted({rdf.claim_id_of(r["claim"]) for r in rows}))


def refresh(store: GraphStore, settings: Settings, changed: bool, change: Change | None = None,
            workers: Workers | None = None, progress: reconcile.Progress | None = None,
            versions: Mapping[str, str] | None = None) -> tuple[int, int]:
    """Bring the derived graphs up to date with the documents; how many claims and verdicts the
    store holds. With nothing ``changed`` they are kept when their digest says they are current
    (a build killed after writing documents but before the verdicts, or one after entities were
    linked as one, recomputes them); with a ``change`` only what it touches is recomputed.
    ``versions`` are the documents' (``document_versions``) when the caller knows them."""
    claim_count = integer(store.select(queries.COUNT_CLAIMS)[0]["n"])
    same = same_entities(store)
    wanted = digest(store, settings, same, versions)
    current = _up_to_date(store, wanted)
    assessed = _assessed_as_now(store)
    if not changed and current and assessed:
        return claim_count, readback.verdict_count(store)
    if not changed and not current:
        log.warning("the verdicts are out of date or missing (a write was cut short, entities were linked as "
                    "one since, or they were written in an earlier form); recomputing them")
    # Without its digest, derived graphs cut short by a crash are recomputed by the next build.
    store.remove_graph(rdf.RECONCILIATION_GRAPH)
    run = workers.map if workers is not None else map
    with collector.paused():
        if change is None or not changed:
            if current:
                log.warning("the claims' independence was assessed by an earlier rule; assessing every claim again")
                _assess_again(store, same)
            else:
                write_agents(store)
                _everything(store, settings, same, run, progress)
        else:
            write_agents(store, change)
            _touched(store, settings, same, change, progress, assessed)
            if not assessed:
                _assess_again(store, same)
    store.replace_graph(rdf.RECONCILIATION_GRAPH, [(rdf.RECONCILIATION_GRAPH, CG.inputDigest, Literal(wanted)),
                                                   (rdf.RECONCILIATION_GRAPH, CG.independenceForm, Literal(ASSESSED))])
    return claim_count, readback.verdict_count(store)


#: The rule by which each claim's independence is assessed (``independence.assess``), kept with
#: the digest: a store assessed by another has every claim assessed again by its next write.
ASSESSED = "a claim with the claims that back it"


def _assessed_as_now(store: GraphStore) -> bool:
    stored = store.select(queries.INDEPENDENCE_FORM)
    return bool(stored) and stored[0]["form"] == ASSESSED


def _assess_again(store: GraphStore, same: Sequence[tuple[str, str]]) -> None:
    """Every claim's independence assessed again, from the claims and the verdicts kept."""
    claims = linked.merge_entities(readback.load_claims(store), same)
    store.remove_graphs(readback.graphs_under(store, rdf.INDEPENDENCE_GRAPHS))
    _write_independence(store, claims, [e for e in readback.iter_edges(store) if independence.backs(e)])


def _write_independence(store: GraphStore, claims: Sequence[Claim], edges: Iterable[independence.Edge]) -> None:
    """The claims' independence into their (emptied) bucket graphs."""
    assessed = independence.assess(claims, edges)
    store.add_to_graphs(_buckets(rdf.INDEPENDENCE_GRAPHS, claims, lambda cs: _independence_triples(cs, assessed)),
                        bulk=True)


def write_agents(store: GraphStore, change: Change | None = None) -> None:
    """Describe once each source and author the documents name, under every name they give it,
    with how many documents name it each way (``build.naming_triples``): all of them, or as
    ``change`` leaves them (the counts of the ways its documents named agents before and after it
    changed, and the agents whose counts change described again from the counts)."""
    if change is None:
        counts = _namings(store.select(queries.AGENT_NAMES_IN))
        store.replace_graph(rdf.AGENTS_GRAPH, [*_agent_triples(counts), *rdf.naming_triples(counts)])
        return
    delta = _namings_in(store, change.files)
    delta.subtract(change.namings)
    _recount(store, rdf.AGENTS_GRAPH, CG.documentCount, delta, lambda k: rdf.naming_iri(*k), rdf.naming_triples)
    agents = sorted({URIRef(agent) for (agent, _, _), n in delta.items() if n}, key=str)
    if agents:
        store.remove_subjects({rdf.AGENTS_GRAPH: agents})
        store.add_to_graphs({rdf.AGENTS_GRAPH: ntriples(_agent_triples(_namings(
            store.select_each(queries.NAMINGS_OF, "agent", agents))))})
    if store.is_empty(rdf.AGENTS_GRAPH):
        store.remove_graph(rdf.AGENTS_GRAPH)


def _agent_triples(namings: Iterable[rdf.Naming]) -> list[rdf.Triple]:
    return [t for agent, name, kind in namings for t in rdf.agent_triples(URIRef(agent), name, kind)]


# ------------------------------------------------------------------------------------ everything


def _everything(store: GraphStore, settings: Settings, same: Sequence[tuple[str, str]], run: reconcile.Mapper,
                progress: reconcile.Progress | None) -> None:
    stored = readback.load_claims(store)
    store.replace_graph(rdf.COUNTS_GRAPH, rdf.count_triples(stored))
    store.replace_graph(rdf.CITATIONS_GRAPH, rdf.citation_triples(_citation_counts(stored)))
    claims = linked.merge_entities(stored, same)
    for prefix in (rdf.VERDICTS_GRAPHS, rdf.INDEPENDENCE_GRAPHS, rdf.KEYS_GRAPHS, rdf.MEMBERS_GRAPHS, rdf.LISTS_GRAPHS):
        store.remove_graphs(readback.graphs_under(store, prefix))
    edges: list[independence.Edge] = []
    for found in _write_partitions(store, reconcile.partitions(claims, settings.tolerance), run, progress):
        edges += found
    _write_independence(store, claims, edges)
    store.add_to_graphs(_buckets(rdf.KEYS_GRAPHS, claims, _key_triples), bulk=True)
    with BulkLoader(store, TRIPLES_PER_GRAPH) as load:
        for graph, line in _member_lines(stored, claims):
            load(graph, line)
    lists.write_every(store, stored, edges)


def _write_partitions(store: GraphStore, parts: Sequence[reconcile.Partition], run: reconcile.Mapper,
                      progress: reconcile.Progress | None) -> Iterator[list[independence.Edge]]:
    """Compute the partitions' verdicts and write each partition that has any into its graph (the
    caller has emptied them), about ``TRIPLES_PER_GRAPH`` triples in one bulk load, a big
    partition in several; yields each partition's verdicts as edges."""
    with BulkLoader(store, TRIPLES_PER_GRAPH) as load:
        for part, found in reconcile.partition_results(parts, run, verdict_job, progress):
            graph = rdf.verdicts_graph(part.kind, part.key)
            for batch in found:
                load(graph, batch.triples)
            edges = [e for batch in found for e in batch.edges]
            if edges:
                load(graph, ntriples(rdf.link_triples((e.kind, e.a, e.b) for e in edges)))
            yield edges


def _independence_triples(claims: Iterable[Claim], assessed: dict[str, independence.Independence]
                          ) -> Iterator[rdf.Triple]:
    for c in claims:
        if c.figure is not None:
            a = assessed[c.id]
            iris = [rdf.root_iri(key) for key in sorted(a.roots)]
            yield from rdf.independence_triples(c.id, a.independent, a.single_source, iris, a.circular)


def _member_lines(stored: Sequence[Claim], claims: Sequence[Claim]) -> Iterator[tuple[URIRef, str]]:
    """Each of the claims ``stored`` in the graph of each blocking key it has as ``claims``, the
    same claims with entities linked as one, have them (``build.member_triples``, in N-Triples)."""
    for c, linked_as_one in zip(stored, claims, strict=True):
        for graph, triple in rdf.member_triples(c, reconcile.blocking_keys(linked_as_one)):
            yield graph, ntriples([triple])


def _key_triples(claims: Iterable[Claim]) -> Iterator[rdf.Triple]:
    """Each claim's blocking keys and the words of its sentence: what finds it without a scan."""
    for c in claims:
        yield from rdf.key_triples(c.id, reconcile.blocking_keys(c))
        yield from rdf.word_triples(c.id, c.text)


# ------------------------------------------------------------------------------------ a change


def _touched(store: GraphStore, settings: Settings, same: Sequence[tuple[str, str]], change: Change,
             progress: reconcile.Progress | None, assess: bool = True) -> None:
    """Recompute what ``change`` touches (the independence too when ``assess``)."""
    after_stored = claims_of_files(store, change.files)
    before = linked.merge_entities(change.before, same)
    after = linked.merge_entities(after_stored, same)
    gone = {c.id for c in before} - {c.id for c in after}
    written = {c.id for c in before} | {c.id for c in after}
    keys = set().union(*(reconcile.blocking_keys(c) for c in (*before, *after)))

    # The verdicts of the partitions the change touches that may differ, judged before and after
    # over their members (``rejudge``): those made before are dropped, those made now written.
    claims = _Claims(store, same, after)
    common = claims.with_keys(keys, written)
    measures = readings.measures_of(common)
    was_measures, now_measures = measures | readings.measures_of(before), measures | readings.measures_of(after)
    was_parts = {(p.kind, p.key): p for p in reconcile.partitions(common + before, settings.tolerance, keys,
                                                                   change.files, was_measures)}
    parts = {(p.kind, p.key): p for p in reconcile.partitions(common + after, settings.tolerance, keys,
                                                               change.files, now_measures)}
    stale: dict[URIRef, list[Node]] = {}
    unlinked: dict[URIRef, str] = {}
    added: dict[URIRef, str] = {}
    dropped: set[independence.Edge] = set()  # verdicts no longer made
    arrived: set[independence.Edge] = set()  # verdicts made now and not before
    names = sorted(was_parts.keys() | parts.keys())
    done = progress(len(names)) if progress else None
    for kind, key in names:
        nothing = reconcile.Partition(kind, key, (), settings.tolerance)
        found = rejudge.rejudge(was_parts.get((kind, key), nothing), parts.get((kind, key), nothing), written,
                                was_measures, now_measures)
        graph = rdf.verdicts_graph(kind, key)
        was = {r.id for r in found.before}
        made = {r.id for r in found.after}
        lost = [independence.Edge.of(r) for r in found.before if r.id not in made]
        fresh = [r for r in found.after if r.id not in was]
        dropped.update(lost)
        arrived.update(independence.Edge.of(r) for r in fresh)
        stale[graph] = [rdf.relation_iri_for_id(i) for i in sorted(was)]
        unlinked[graph], links = _link_changes(found.after, was, lost, fresh)
        added[graph] = "".join(rdf.relation_ntriples(r) for r in found.after) + links
        if done:
            done()
    ends = lists.Ends(store, dropped ^ arrived)  # read before the verdicts change
    store.remove_subjects(stale)
    store.remove_triples(unlinked)
    store.add_to_graphs(added)
    # A graph left without verdicts (a removed document's sums, a block left without members) goes.
    store.remove_graphs([g for g in sorted(stale) if store.is_empty(g)])

    _update_counts(store, change.before, after_stored)
    _update_citations(store, change.before, after_stored)
    _rewrite_buckets(store, rdf.KEYS_GRAPHS, [*before, *after], _buckets(rdf.KEYS_GRAPHS, after, _key_triples))
    _rewrite_members(store, before, after_stored, after)
    if assess:
        _update_independence(store, claims, before, after, gone, dropped ^ arrived)
    lists.update_every(store, dropped - arrived, arrived - dropped, ends, before, after_stored)


def _buckets(prefix: str, claims: Iterable[Claim], triples: Callable[[list[Claim]], Iterable[rdf.Triple]]
             ) -> dict[URIRef, str]:
    """The ``triples`` of the claims as N-Triples, by their documents' bucket graphs."""
    grouped: dict[URIRef, list[Claim]] = defaultdict(list)
    for c in claims:
        grouped[rdf.bucket_graph(prefix, c.document)].append(c)
    return {graph: ntriples(triples(cs)) for graph, cs in sorted(grouped.items())}


def _link_changes(found: Sequence[Relation], was: Collection[str], lost: Iterable[independence.Edge],
                  fresh: Iterable[Relation]) -> tuple[str, str]:
    """The claim-to-claim links (N-Triples) a partition's graph loses and gains, given the verdicts
    ``found`` in it now, the ids of those it held, those it ``lost`` and the ``fresh`` ones: a
    pair's link goes when its last verdict goes, and comes with its first."""
    def pair(kind: str, a: str, b: str) -> tuple[str, str, str]:
        return (kind, a, b) if a <= b else (kind, b, a)

    gone = {pair(e.kind, e.a, e.b) for e in lost}
    fresh = list(fresh)
    coming = {pair(r.kind, r.a, r.b) for r in fresh}
    if not gone and not coming:
        return "", ""
    kept, before = set(), set(gone)
    for r in found:
        key = pair(r.kind, r.a, r.b)
        if key in gone:
            kept.add(key)
        if key in coming and r.id in was:
            before.add(key)
    # A change's link runs from its earlier claim: taken out both ways, as its direction is not kept.
    unlink = [(kind, x, y) for kind, a, b in sorted(gone - kept) for x, y in ((a, b), (b, a))]
    link = [(r.kind, r.a, r.b) for r in fresh if pair(r.kind, r.a, r.b) in coming - before]
    return ntriples(rdf.link_triples(unlink)), ntriples(rdf.link_triples(link))


def _update_counts(store: GraphStore, before: Sequence[Claim], after: Sequence[Claim]) -> None:
    """The claim counts of the changed documents and of the entities their claims name."""
    change: dict[Node, int] = defaultdict(int)
    for claims, sign in ((before, -1), (after, 1)):
        for s, _, n in rdf.count_triples(claims):
            change[s] += sign * int(str(n))
    _recount(store, rdf.COUNTS_GRAPH, CG.claimCount, change, lambda s: s,
             lambda totals: ((s, CG.claimCount, Literal(n)) for s, n in totals.items()))


def _update_citations(store: GraphStore, before: Sequence[Claim], after: Sequence[Claim]) -> None:
    """How many times the chains of the changed claims' measures hold their citations."""
    _recount(store, rdf.CITATIONS_GRAPH, CG.citationCount, _citation_change(before, after),
             lambda k: rdf.citation_iri(*k), rdf.citation_triples)


def _citation_change(before: Iterable[Claim], after: Iterable[Claim]) -> Counter[tuple[str, str, str]]:
    """How the counts of ``_citation_counts`` go from the claims ``before`` to those ``after``."""
    change = _citation_counts(after)
    change.subtract(_citation_counts(before))
    return change


def _citation_counts(claims: Iterable[Claim]) -> Counter[tuple[str, str, str]]:
    """How many times the chains of the claims hold each citation (``independence.citations``),
    by measure: (measure, citing source, cited source)."""
    return Counter((c.measure, *link) for c in claims if c.measure for link in independence.citations([c]))


K = TypeVar("K", bound=Hashable)


def _recount(store: GraphStore, graph: URIRef, count: URIRef, change: Mapping[K, int], iri: Callable[[K], Node],
             triples: Callable[[dict[K, int]], Iterable[rdf.Triple]]) -> None:
    """Add ``change`` to the counts ``graph`` keeps (``count`` of each key's node ``iri``): the
    nodes whose counts change are written again by ``triples``, those left at none dropped."""
    changed = {k: n for k, n in change.items() if n}
    if not changed:
        return
    nodes = {iri(k): k for k in changed}
    subjects = sorted(nodes, key=str)
    kept: dict[Node, int] = {URIRef(str(r["c"])): integer(r["n"])
            for r in store.select_each(queries.COUNTS_OF, "c", subjects, {"count": count})}
    store.remove_subjects({graph: subjects})
    store.add_to_graphs({graph: ntriples(triples(
        {k: total for node, k in nodes.items() if (total := kept.get(node, 0) + changed[k]) > 0}))})
    if store.is_empty(graph):
        store.remove_graphs([graph])


def _rewrite_buckets(store: GraphStore, prefix: str, dropped: Iterable[Claim], fresh: dict[URIRef, str]) -> None:
    """Replace what the bucket graphs say of the claims ``dropped`` with ``fresh`` (``_buckets``)."""
    stale: dict[URIRef, list[Node]] = defaultdict(list)
    for c in dropped:
        stale[rdf.bucket_graph(prefix, c.document)].append(rdf.claim_iri(c.id))
    _rewrite(store, stale, fresh)


def _rewrite_members(store: GraphStore, before: Sequence[Claim], stored: Sequence[Claim],
                     after: Sequence[Claim]) -> None:
    """The graphs of the blocking keys (``build.members_graph``) with the claims ``before`` a write
    taken out and those written, ``stored`` (``after``: entities linked as one), put in."""
    stale: dict[URIRef, list[Node]] = defaultdict(list)
    for c in before:
        for key in reconcile.blocking_keys(c):
            stale[rdf.members_graph(key)].append(rdf.member_iri(c.id, key))
    fresh: dict[URIRef, list[str]] = defaultdict(list)
    for graph, line in _member_lines(stored, after):
        fresh[graph].append(line)
    _rewrite(store, stale, {graph: "".join(lines) for graph, lines in fresh.items()})


def _rewrite(store: GraphStore, stale: Mapping[URIRef, Collection[Node]], fresh: dict[URIRef, str]) -> None:
    """Take out what graphs say of subjects (``stale``), put in ``fresh`` N-Triples, and drop the
    graphs left empty."""
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

    def with_keys(self, keys: Collection[str], leaving: Collection[str]) -> list[Claim]:
        """The claims with any of the blocking ``keys`` but those ``leaving``, by id."""
        found = [c for c in readback.claims_with_keys(self.store, keys) if c.id not in leaving]
        for c in linked.merge_entities(found, self.same):
            self.known[c.id] = c
        return self.get([c.id for c in found])


def _update_independence(store: GraphStore, claims: _Claims, before: Sequence[Claim],
                         after: Sequence[Claim], gone: Collection[str], changed: Iterable[independence.Edge]) -> None:
    """Independence for the claims it may differ for: those whose chains may lead elsewhere (the
    claims written, and the claims whose chains reach a citation the write added or removed), the
    ends of the corroborations that changed, and the claims that corroborate a claim whose chain
    may lead elsewhere."""
    same = claims.same
    written = {c.id for c in after}
    # The citations of the changed claims' measures now (counted with the write) and before it.
    cited = _citations(store, {c.measure for c in (*before, *after) if c.measure}, same)
    change = _citation_change(before, after)
    now = {m: set(counts) for m, counts in cited.items()}
    then: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for m, counts in cited.items():
        then[m].update(link for link, n in counts.items() if n > change[(m, *link)])
    for (m, *link), n in change.items():
        if n < 0:  # cited by the claims as they were only
            then[m].add((link[0], link[1]))
    moved = {m: now.get(m, set()) ^ then.get(m, set()) for m in now.keys() | then.keys()}
    # Who may be told otherwise, and the claims next to them, whose roots count for them.
    retraced = (written | _claims_reaching(store, {m: (now.get(m, set()) | then.get(m, set()), links)
                                                   for m, links in moved.items() if links}, same)) - set(gone)
    ends = {x for e in changed if independence.backs(e) for x in (e.a, e.b)} - set(gone)
    near = _allies(store, retraced | ends)
    assessed_ids = retraced | ends | {x for c in retraced for x in near.get(c, ())}
    near.update(_allies(store, assessed_ids - near.keys()))
    loaded = claims.get(assessed_ids | {x for c in assessed_ids for x in near.get(c, ())})
    # Roots as kept where the write cannot have moved them, traced again elsewhere.
    traced = _stored_traces(store, [c for c in loaded if c.id not in retraced])
    untraced = [c for c in loaded if c.id not in traced]
    cited.update(_citations(store, {c.measure for c in untraced if c.measure} - cited.keys(), same))
    traced.update(independence.trace(untraced, {m: set(counts) for m, counts in cited.items()}))
    assessed = independence.assess_near(loaded, near, traced)
    assessed_claims = [c for c in loaded if c.id in assessed_ids]
    _rewrite_buckets(store, rdf.INDEPENDENCE_GRAPHS, [*assessed_claims, *(c for c in before if c.id in gone)],
                     _buckets(rdf.INDEPENDENCE_GRAPHS, assessed_claims, lambda cs: _independence_triples(cs, assessed)))


def _stored_traces(store: GraphStore, claims: Sequence[Claim]) -> dict[str, independence.Trace]:
    """Where the chains of those of ``claims`` whose independence is kept lead, as kept."""
    of = {c.id: c for c in claims}
    roots: dict[str, set[str]] = defaultdict(set)
    circular: set[str] = set()
    for r in store.select_each(queries.CLAIM_TRACES, "claim", [rdf.claim_iri(i) for i in sorted(of)]):
        claim = rdf.claim_id_of(r["claim"])
        # A chain leads to sources; a claim without one, to its document.
        roots[claim].add(rdf.source_key_of(r["root"]) or independence.root_key(replace(of[claim], sources=())))
        if r.get("circular"):
            circular.add(claim)
    return {i: independence.Trace(frozenset(keys), i in circular) for i, keys in roots.items()}


def _citations(store: GraphStore, measures: Collection[str], same: Sequence[tuple[str, str]]
               ) -> dict[str, Counter[tuple[str, str]]]:
    """Who cites whom in the chains of the claims of ``measures`` (as entities linked as one read
    them): for each measure, how many times its claims' chains hold each link from one source to
    the next, as the build keeps them (``CITATIONS_GRAPH``)."""
    found: dict[str, Counter[tuple[str, str]]] = {m: Counter() for m in measures}
    for measure, r, find in _rows_of_measures(store, queries.MEASURE_CITATIONS, measures, same):
        x, y = (linked.merged_source(rdf.source_key_of(r[end]) or "", find) for end in ("from", "to"))
        if x != y:
            found.setdefault(measure, Counter())[(x, y)] += integer(r["n"])
    return found


def _claims_reaching(store: GraphStore, moved: Mapping[str, tuple[Collection[tuple[str, str]], Collection[tuple[str, str]]]],
                     same: Sequence[tuple[str, str]]) -> set[str]:
    """The claims whose chains may now lead elsewhere: for each measure, given its citations
    before and after a write together and those the write changed, the claims whose chains end
    at a source that reaches a changed citation (elsewhere, the citations they follow are the same)."""
    reaching: dict[str, set[str]] = {}
    for measure, (links, changed) in moved.items():
        cites = nx.DiGraph(list(links))
        reaching[measure] = {n for x, _ in changed for n in (x, *nx.ancestors(cites, x))}
    found = set()
    for measure, r, find in _rows_of_measures(store, queries.MEASURE_PRIMARY_SOURCES, moved, same):
        key = rdf.source_key_of(r["source"])
        if key is not None and linked.merged_source(key, find) in reaching.get(measure, ()):
            found.add(rdf.claim_id_of(r["claim"]))
    return found


def _rows_of_measures(store: GraphStore, query: str, measures: Collection[str], same: Sequence[tuple[str, str]]
                      ) -> Iterator[tuple[str, dict[str, Value], Callable[[str], str]]]:
    """The rows of ``query`` (bind ?measure) for the claims of ``measures``, each with its measure
    and the reading of entity keys (``linked.merged``) as entities linked as one read them."""
    find = linked.merged(same)
    stored = sorted({m for measure in measures for m in linked.measures_before_merge(measure, same)})
    for r in store.select_each(query, "measure", [Literal(m) for m in stored]):
        yield linked.merged_measure(str(r["measure"]), find), r, find


def _allies(store: GraphStore, ids: Collection[str]) -> dict[str, set[str]]:
    """For each of the claims ``ids``, the claims that back it (``independence.backs``): those
    it is linked to as corroborating, but for a claim with a corroboration on another basis (few:
    sums and changes inside one report), whose verdicts are read."""
    found: dict[str, set[str]] = {i: set() for i in ids}
    iris = [rdf.claim_iri(i) for i in sorted(ids)]
    for r in store.select_each(queries.CORROBORATING, "claim", iris):
        found[rdf.claim_id_of(r["claim"])].add(rdf.claim_id_of(r["other"]))
    other_bases = [Literal(b) for b in CORROBORATION_BASES if b not in independence.REPORT_BASES]
    otherwise = {rdf.claim_id_of(r["claim"]) for r in store.select_each(queries.CORROBORATED_ON, "basis", other_bases)
                 } & found.keys()
    if otherwise:
        told = independence.allies(readback.iter_relations(store, sorted(otherwise)))
        found.update({i: told.get(i, set()) for i in otherwise})
    return found
