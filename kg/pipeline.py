"""The one module that composes the stages: ingest -> extract -> normalize -> build -> reconcile.

``extract_claims`` runs everything in memory (``kg extract``); ``build`` writes documents into a
store, skipping unchanged ones and replacing changed ones whole, then brings the verdicts and
what else is derived from the documents up to date for what changed (``refresh``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import build as rdf
from . import ingest, queries, reconcile, refresh
from .config import Settings
from .errors import InputError, InputTooLargeError, StoreError
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
    known = refresh.document_versions(store)  # read once a write: they are as many as the documents
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
        change = refresh.plan(store, settings, [doc.key for doc in parseable], known)
        write_documents(store, workers.extract(parseable, progress))
        write_reference_graphs(store)
    report.claims, report.relations = refresh.refresh(store, settings, changed=bool(todo), change=change,
                                                      workers=workers, progress=verdict_progress,
                                                      versions={**known, **{d.key: d.sha256 for d in parseable}})
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
    known = refresh.document_versions(store)
    unknown = sorted(set(keys) - known.keys())
    if unknown:
        raise InputError(f"no document named {', '.join(unknown)} in the store")
    report = BuildReport(removed=list(dict.fromkeys(keys)))
    change = refresh.plan(store, settings, report.removed, known)
    for key in report.removed:
        store.remove_graph(rdf.graph_iri_for_key(key))
    if known.keys() <= set(report.removed):  # no document left: as a build of none
        store.remove_graphs([ONTOLOGY_GRAPH, rdf.ENTITIES_GRAPH])
    left = {f: sha for f, sha in known.items() if f not in report.removed}
    report.claims, report.relations = refresh.refresh(store, settings, changed=True, change=change, workers=workers,
                                                      versions=left)
    store.flush()
    _compact_after(store, 0, len(report.removed))
    log.info("remove: %s", report.summary())
    return report


@dataclass
class _Upload:
    """A document read from an upload, waiting for the write that takes it."""

    doc: Document
    report: BuildReport | None = None
    error: BaseException | None = None


class Ingestor:
    """Reads uploaded documents into a store, with a model loaded on first use (a service that
    takes no uploads never loads one).

    Uploads that arrive while another write runs wait for it, and the first of them to get the
    write lock writes all those waiting in one build (``BATCH`` at most, one version of a document
    each): a write's work is mostly in the blocks the documents touch (``refresh``), which one
    build reads once however many documents it writes. Each upload still gets its own report and
    its own error."""

    #: Most documents one write takes of the uploads waiting.
    BATCH = 64

    def __init__(self, settings: Settings, nlp: Language | None = None) -> None:
        self.settings = settings
        self._nlp = nlp
        self._lock = threading.Lock()  # one build at a time
        self._waiting: list[_Upload] = []
        self._waiting_lock = threading.Lock()
        self._reading = threading.Lock()

    def ingest(self, store: GraphStore, name: str, data: bytes, media_type: str,
               lock: AbstractContextManager[object] | None = None) -> tuple[BuildReport, str]:
        """Read, parse and write one document (a new version replaces the old), written under
        ``lock`` (the caller's lock on writes to ``store``) in one build with any other uploads
        waiting for it; returns what the build did with this document and the document's id."""
        with self._reading:  # one upload read at a time, while a build may run
            doc = ingest.read_bytes(name, data, media_type=media_type, max_bytes=self.settings.max_document_bytes)
        upload = _Upload(doc)
        with self._waiting_lock:
            self._waiting.append(upload)
        with lock if lock is not None else nullcontext():
            while upload.report is None and upload.error is None:
                self._write_waiting(store)
        if upload.error is not None:
            raise upload.error
        assert upload.report is not None
        return upload.report, doc.id

    def _write_waiting(self, store: GraphStore) -> None:
        """Write the uploads waiting, oldest first, in one build: each document's first version
        among them (a later one waits for the next build), ``BATCH`` at most."""
        with self._lock:
            with self._waiting_lock:
                batch: dict[str, _Upload] = {}
                for upload in self._waiting:
                    if len(batch) < self.BATCH:
                        batch.setdefault(upload.doc.key, upload)
                taken = set(map(id, batch.values()))
                self._waiting = [u for u in self._waiting if id(u) not in taken]
            if not batch:  # taken by the build that just ended
                return
            if len(batch) > 1:
                log.info("uploads: writing %d waiting uploads in one build", len(batch))
            try:
                if not self._build(store, list(batch.values())) and len(batch) > 1:
                    log.warning("uploads: the build of %d failed; writing each alone", len(batch))
                    for upload in batch.values():  # one at a time: each its own error
                        self._build(store, [upload])
            finally:  # no upload taken is left waiting for an answer
                for upload in batch.values():
                    if upload.report is None and upload.error is None:
                        upload.error = StoreError(f"{upload.doc.key}: the write was interrupted")

    def _build(self, store: GraphStore, uploads: list[_Upload]) -> bool:
        """Write ``uploads`` in one build and give each its report, or, when the build fails,
        the error (whether it did)."""
        from . import extract

        try:
            if self._nlp is None:
                self._nlp = extract.load_model(self.settings.model)
            report = build_documents([u.doc for u in uploads], store, self.settings, self._nlp)
        except Exception as exc:
            for upload in uploads:
                upload.error = exc
            return False
        for upload in uploads:
            key = upload.doc.key
            upload.error, upload.report = None, BuildReport(
                added=[k for k in report.added if k == key], replaced=[k for k in report.replaced if k == key],
                unchanged=[k for k in report.unchanged if k == key], failed=[f for f in report.failed if f[0] == key],
                claims=report.claims, relations=report.relations)
        return True
