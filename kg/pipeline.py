"""The one module that composes the stages: ingest -> extract -> normalize -> build -> reconcile.

``extract_claims`` runs everything in memory (``kg extract``); ``build`` writes documents into a
store, skipping unchanged ones and replacing changed ones whole, then brings the verdicts and
what else is derived from the documents up to date for what changed (``refresh``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import build as rdf
from . import ingest, queries, reconcile, refresh
from .config import Settings
from .errors import InputError, InputTooLargeError
from .model import Claim, Document, Relation
from .ontology import entities, vocabulary
from .store import GraphStore, integer, is_remote
from .workers import InProcess, ReadDocument, Workers, claims_of

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
        if unflushed >= refresh.TRIPLES_PER_GRAPH:
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
    parseable = []
    for doc in todo:
        if len(doc.text) > limit:
            report.failed.append((doc.key, InputTooLargeError(
                f"{doc.key}: {len(doc.text)} characters is more than the parser takes ({limit}); split the document")))
        else:
            parseable.append(doc)
            (report.replaced if doc.key in known else report.added).append(doc.key)
    change = None
    if todo:
        change = refresh.plan(store, settings, [doc.key for doc in parseable])
        write_documents(store, workers.extract(parseable, progress))
        write_reference_graphs(store)
    report.claims, report.relations = refresh.refresh(store, settings, changed=bool(todo), change=change,
                                                      workers=workers, progress=verdict_progress)
    store.flush()
    _compact_after(store, len(report.added) + len(report.replaced), 0)
    log.info("build: %s", report.summary())
    return report


#: A write of at least this share of the store's documents ends with a compaction
#: (``GraphStore.compact``): what it replaced or removed stays in the store's files until then,
#: and reads can take up to about twice as long. A compaction costs about a rewrite of the store,
#: so it follows a first build or a large batch, and its cost stays in proportion to the write;
#: smaller writes leave it to ``kg compact``.
COMPACT_AFTER_SHARE = 0.1


def _compact_after(store: GraphStore, written: int, removed: int) -> None:
    """Compact the store after a write of ``written`` documents and ``removed`` taken out when
    they are at least ``COMPACT_AFTER_SHARE`` of the documents it holds and those removed."""
    if not written + removed or is_remote(store.location):
        return
    documents = integer(store.select(queries.COUNT_DOCUMENTS)[0]["n"]) + removed
    if written + removed >= COMPACT_AFTER_SHARE * documents:
        log.info("compacting the store after a write of %d of its %d documents", written + removed, documents)
        store.compact()


def remove_documents(keys: Sequence[str], store: GraphStore, settings: Settings,
                     workers: Workers | None = None) -> BuildReport:
    """Remove documents (by file name) and recompute the verdicts; an unknown name is an error and
    nothing is removed. Reviews of their claims stay, marked orphaned."""
    known = {str(row["file"]) for row in store.select(queries.DOCUMENT_VERSIONS)}
    unknown = sorted(set(keys) - known)
    if unknown:
        raise InputError(f"no document named {', '.join(unknown)} in the store")
    report = BuildReport(removed=list(dict.fromkeys(keys)))
    change = refresh.plan(store, settings, report.removed)
    for key in report.removed:
        store.remove_graph(rdf.graph_iri_for_key(key))
    if known <= set(report.removed):  # no document left: as a build of none
        store.remove_graphs([ONTOLOGY_GRAPH, rdf.ENTITIES_GRAPH])
    report.claims, report.relations = refresh.refresh(store, settings, changed=True, change=change, workers=workers)
    store.flush()
    _compact_after(store, 0, len(report.removed))
    log.info("remove: %s", report.summary())
    return report


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
