"""The one module that composes the stages: ingest -> extract -> normalize -> build -> reconcile.

``extract_claims`` runs everything in memory (``kg extract``); ``build`` writes documents into a
store, skipping unchanged ones and replacing changed ones whole, then recomputes the verdicts.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Literal, URIRef

from . import build as rdf
from . import independence, ingest, queries, readback, reconcile
from .config import Settings
from .errors import InputError, InputTooLargeError
from .model import Claim, Document, Relation, content_id
from .ontology import entities, vocabulary
from .store import GraphStore, integer, ntriples, text_or_none
from .vocab import CG
from .workers import InProcess, ReadDocument, Workers, claims_of, verdict_job

if TYPE_CHECKING:  # spaCy loads only where documents are parsed
    from spacy.language import Language

log = logging.getLogger(__name__)

ONTOLOGY_GRAPH = rdf.ID["graph/ontology"]


@dataclass
class BuildReport:
    """What a build did, document by document."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[tuple[str, InputError]] = field(default_factory=list)
    claims: int = 0
    relations: int = 0

    def summary(self) -> str:
        removed = f"{len(self.removed)} removed, " if self.removed else ""
        return (
            f"{len(self.added)} added, {len(self.replaced)} replaced, {len(self.unchanged)} unchanged, "
            f"{removed}{len(self.failed)} failed; {self.claims} claims, {self.relations} verdicts"
        )


@dataclass(frozen=True)
class Extraction:
    """Claims of a set of documents with the verdicts between them."""

    documents: list[Document]
    claims: list[Claim]
    relations: list[Relation]


def read_documents(paths: Iterable[str | Path], settings: Settings) -> tuple[list[Document], list[tuple[str, InputError]]]:
    """Read every document under ``paths``; failures are collected, not raised."""
    docs: list[Document] = []
    found, failed = ingest.discover(paths)
    for path in found:
        try:
            docs.append(ingest.read_document(path, max_bytes=settings.max_document_bytes))
        except InputError as exc:
            failed.append((str(path), exc))
    return docs, failed


def extract_claims(paths: Iterable[str | Path], settings: Settings, nlp: Language | None = None) -> Extraction:
    """Run the whole pipeline in memory on ``paths`` (any unreadable file is an error)."""
    docs, failed = read_documents(paths, settings)
    if failed:
        raise InputError("; ".join(exc.message for _, exc in failed))
    from . import extract

    pairs = claims_of(nlp or extract.load_model(settings.model), docs, settings.batch_size)
    claims = [c for _, cs in pairs for c in cs]
    return Extraction(docs, claims, reconcile.reconcile(claims, tolerance=settings.tolerance))


def write_documents(store: GraphStore, documents: Iterable[ReadDocument]) -> None:
    """Replace each document's named graph with its new triples."""
    unflushed = 0
    for read in documents:
        store.replace_graph_text(rdf.graph_iri(read.document), read.graph)
        unflushed += read.graph.count("\n")
        if unflushed >= TRIPLES_PER_GRAPH:
            store.flush()  # bounded write buffers, however large the corpus
            unflushed = 0


def write_reference_graphs(store: GraphStore) -> None:
    """The vocabulary and the alias table, so queries can read labels and aliases."""
    store.replace_graph(ONTOLOGY_GRAPH, vocabulary())
    store.replace_graph(rdf.ENTITIES_GRAPH, entities())


def build(
    paths: Iterable[str | Path],
    store: GraphStore,
    settings: Settings,
    nlp: Language | None = None,
    progress: Callable[[Document], None] | None = None,
    on_plan: Callable[[int], None] | None = None,
    workers: Workers | None = None,
    verdict_progress: reconcile.Progress | None = None,
) -> BuildReport:
    """Ingest ``paths`` into ``store``: unchanged documents skipped, changed ones replaced whole.

    ``workers`` says where parsing and verdicts run (default: this process, with ``nlp``);
    ``progress`` is called as each document is read, ``verdict_progress`` as the verdicts are made.
    """
    docs, failed = read_documents(paths, settings)
    report = build_documents(docs, store, settings, nlp, progress, on_plan, workers, verdict_progress)
    report.failed = failed + report.failed
    return report


def build_documents(
    docs: Sequence[Document],
    store: GraphStore,
    settings: Settings,
    nlp: Language | None = None,
    progress: Callable[[Document], None] | None = None,
    on_plan: Callable[[int], None] | None = None,
    workers: Workers | None = None,
    verdict_progress: reconcile.Progress | None = None,
) -> BuildReport:
    """Write read documents into ``store`` and recompute the verdicts when anything changed."""
    from . import extract

    workers = workers or InProcess(settings, nlp)
    limit = nlp.max_length if nlp is not None else extract.MAX_LENGTH
    report = BuildReport()
    known = {row["file"]: row["sha"] for row in store.select(queries.DOCUMENT_VERSIONS)}
    todo = []
    for doc in docs:
        if known.get(doc.key) == doc.sha256:
            report.unchanged.append(doc.key)
        else:
            todo.append(doc)
    if on_plan:
        on_plan(len(todo))
    if todo:
        parseable = []
        for doc in todo:
            if len(doc.text) > limit:
                report.failed.append((doc.key, InputTooLargeError(
                    f"{doc.key}: {len(doc.text)} characters is more than the parser takes ({limit}); split the document")))
            else:
                parseable.append(doc)
                (report.replaced if doc.key in known else report.added).append(doc.key)
        write_documents(store, workers.extract(parseable, progress))
        write_reference_graphs(store)
    report.claims, report.relations = refresh_verdicts(store, settings, changed=bool(todo), workers=workers,
                                                       progress=verdict_progress)
    store.flush()
    log.info("build: %s", report.summary())
    return report


def remove_documents(keys: Sequence[str], store: GraphStore, settings: Settings,
                     workers: Workers | None = None) -> BuildReport:
    """Remove documents (by file name) and recompute the verdicts; an unknown name is an error and
    nothing is removed. Reviews of their claims stay, marked orphaned."""
    known = {str(row["file"]) for row in store.select(queries.DOCUMENT_VERSIONS)}
    unknown = sorted(set(keys) - known)
    if unknown:
        raise InputError(f"no document named {', '.join(unknown)} in the store")
    report = BuildReport(removed=list(dict.fromkeys(keys)))
    for key in report.removed:
        store.remove_graph(rdf.graph_iri_for_key(key))
    report.claims, report.relations = refresh_verdicts(store, settings, changed=True, workers=workers)
    store.flush()
    log.info("remove: %s", report.summary())
    return report


def write_agents(store: GraphStore) -> None:
    """Describe once each source and author the documents name, under every name they give it."""
    triples = [t for r in store.select(queries.AGENT_NAMES)
               for t in rdf.agent_triples(URIRef(str(r["agent"])), str(r["name"]), text_or_none(r.get("kind")))]
    store.replace_graph(rdf.AGENTS_GRAPH, triples)


def same_entities(store: GraphStore) -> list[tuple[str, str]]:
    """Pairs of alias-table entities a curator has said are one (``owl:sameAs`` between their IRIs)."""
    prefix = str(rdf.entity_iri(""))
    return [(rdf.entity_key_of(r["a"]), rdf.entity_key_of(r["b"])) for r in store.select(queries.SAME_ENTITIES)
            if str(r["a"]).startswith(prefix) and str(r["b"]).startswith(prefix)]


def refresh_verdicts(store: GraphStore, settings: Settings, changed: bool,
                     workers: Workers | None = None, progress: reconcile.Progress | None = None) -> tuple[int, int]:
    """Recompute the verdicts over every claim in the store when the documents changed, with the
    claims each document has and each entity is named in (``build.count_triples``) and the lists
    that page the verdicts of each kind and the events (``build.list_triples``).

    The verdicts record a digest of the document versions and of the entities a curator linked
    as one (``owl:sameAs``) they were computed from, so a build killed after writing documents
    but before the verdicts, or one after new links, recomputes them.
    """
    claim_count = integer(store.select(queries.COUNT_CLAIMS)[0]["n"])
    versions = sorted((str(r["file"]), str(r["sha"])) for r in store.select(queries.DOCUMENT_VERSIONS))
    same = same_entities(store)
    digest = content_id("verdicts, counts and lists", settings.tolerance, *(f"{f}={h}" for f, h in versions),
                        *(f"{a}={b}" for a, b in same), length=64)
    stored = store.select(queries.VERDICT_DIGEST)
    if not changed and stored and stored[0]["digest"] == digest:
        return claim_count, integer(store.select(queries.COUNT_VERDICTS)[0]["n"])
    if not changed:
        log.warning("the verdicts are %s (a write was cut short, or entities were linked as one since); "
                    "recomputing them", "out of date" if stored else "missing")
    write_agents(store)
    stored_claims = readback.load_claims(store)
    store.replace_graph(rdf.COUNTS_GRAPH, rdf.count_triples(stored_claims))
    claims = reconcile.merge_entities(stored_claims, same)
    # Without its digest, a set of verdicts cut short by a crash is recomputed by the next build.
    store.remove_graph(rdf.RECONCILIATION_GRAPH)
    edges: list[independence.Edge] = []
    listed: dict[str, list[str]] = {kind: [] for kind in rdf.VERDICT_KINDS}
    parts = _GraphWriter(store, rdf.VERDICTS_GRAPHS)
    for verdict in reconcile.verdicts(claims, settings.tolerance, workers.map if workers is not None else map,
                                      job=verdict_job, progress=progress):
        edges.append(verdict.edge)
        listed[verdict.edge.kind].append(verdict.id)
        parts.add(verdict.triples)
    links = iter(rdf.link_triples((e.kind, e.a, e.b) for e in edges))
    while batch := list(itertools.islice(links, TRIPLES_PER_GRAPH)):
        parts.add(ntriples(batch))
    for triples in independence_batches(claims, edges):
        parts.add(ntriples(triples))
    parts.close()
    lists = _GraphWriter(store, rdf.LISTS_GRAPHS)
    for name, ordered in [*((kind, sorted(ids)) for kind, ids in listed.items()),
                          ("events", rdf.timeline_order(stored_claims))]:
        listing = rdf.list_triples(name, ordered)
        while batch := list(itertools.islice(listing, TRIPLES_PER_GRAPH)):
            lists.add(ntriples(batch))
    lists.close()
    store.replace_graph(rdf.RECONCILIATION_GRAPH, [(rdf.RECONCILIATION_GRAPH, CG.inputDigest, Literal(digest))])
    return claim_count, len(edges)


#: Triples per derived graph: verdicts are written in graphs of this size, so a build never
#: holds the whole verdict set as RDF at once.
TRIPLES_PER_GRAPH = 50_000


class _GraphWriter:
    """Writes derived triples into numbered graphs under ``prefix`` as they come, then drops the
    numbered graphs a previous, larger write left behind."""

    def __init__(self, store: GraphStore, prefix: str, size: int = TRIPLES_PER_GRAPH) -> None:
        self.store, self.prefix, self.size = store, prefix, size
        self.pending: list[str] = []
        self.count = 0
        self.written: set[str] = set()

    def add(self, text: str) -> None:
        """Add N-Triples written by ``ntriples``."""
        self.pending.append(text)
        self.count += text.count("\n")
        if self.count >= self.size:
            self._flush()

    def _flush(self) -> None:
        graph = rdf.ID[f"{self.prefix}{len(self.written)}"]
        # Not atomic, and much faster: a build cut short rewrites every derived graph.
        self.store.replace_graph_text(graph, "".join(self.pending), atomic=False)
        self.store.flush()  # to disk now, rather than in the store's write buffers
        self.written.add(str(graph))
        self.pending, self.count = [], 0

    def close(self) -> None:
        if self.pending or not self.written:
            self._flush()
        for graph in self.store.graphs():
            if graph.startswith(str(rdf.ID[self.prefix])) and graph not in self.written:
                self.store.remove_graph(URIRef(graph))


def independence_batches(claims: Sequence[Claim], edges: Sequence[independence.Link],
                         batch: int = 1000) -> Iterator[list[rdf.Triple]]:
    """Each claim's roots, independent-source count and single-source and circular-reporting flags,
    ``batch`` claims at a time."""
    assessed = independence.assess(claims, edges)
    triples: list[rdf.Triple] = []
    for n, c in enumerate(claims, 1):
        if c.figure is not None:
            a = assessed[c.id]
            iris = [rdf.root_iri(key) for key in sorted(a.roots)]
            triples.extend(rdf.independence_triples(c.id, a.independent, a.single_source, iris, a.circular))
        if n % batch == 0 or n == len(claims):
            yield triples
            triples = []


class Ingestor:
    """Reads uploaded documents into a store, one at a time, with a model loaded on first use (a
    service that takes no uploads never loads one)."""

    def __init__(self, settings: Settings, nlp: Language | None = None) -> None:
        self.settings = settings
        self._nlp = nlp
        self._lock = threading.Lock()

    def ingest(self, store: GraphStore, name: str, data: bytes, media_type: str) -> tuple[BuildReport, str]:
        """Read, parse and write one document (a new version replaces the old); returns what the
        build did and the document's id."""
        doc = ingest.read_bytes(name, data, media_type=media_type, max_bytes=self.settings.max_document_bytes)
        from . import extract

        with self._lock:
            if self._nlp is None:
                self._nlp = extract.load_model(self.settings.model)
            return build_documents([doc], store, self.settings, self._nlp), doc.id
