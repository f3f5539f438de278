"""Where parsing, extraction and verdicts run: here, in worker processes, or on a Dask cluster.

Every kind of worker gets documents and sends back compact claims with the document's graph as
N-Triples (never spaCy ``Doc``\\s), and each worker process loads the spaCy pipeline once. The
results do not depend on where the work ran: a document's claims come from that document alone,
and verdicts from partitions of the claims that no verdict crosses (``reconcile.partitions``).

    with open_workers(settings, processes=4) as workers:      # or dask="tcp://host:8786"
        for doc, claims in workers.extract(documents):
            ...
        relations = reconcile.reconcile(claims, map_=workers.map)
"""

from __future__ import annotations

import logging
import multiprocessing
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol, TypeVar

from . import build as rdf
from . import independence, normalize, reconcile
from .config import Settings
from .errors import ConfigError
from .model import Claim, Document
from .ontology import Gazetteer
from .terms import ntriples

if TYPE_CHECKING:  # spaCy loads only where documents are parsed
    from spacy.language import Language

log = logging.getLogger(__name__)

X = TypeVar("X")
Y = TypeVar("Y")
F = TypeVar("F")
Extracted = list[tuple[Document, list[Claim]]]

#: Most documents in flight per worker: enough to keep it busy, few enough to bound memory.
IN_FLIGHT = 4


def claims_of(
    nlp: Language, docs: Sequence[Document], batch_size: int, progress: Callable[[Document], None] | None = None
) -> Extracted:
    """Parse each document once and read its claims.

    A document in a language the pipeline does not read keeps its metadata and gets no claims
    (with a warning), rather than claims read from a parse of text the model cannot read.
    """
    from . import extract

    gazetteer = Gazetteer.load()
    readable: list[Document] = []
    claims: dict[str, list[Claim]] = {}
    for doc in docs:
        if extract.reads_language(nlp, doc):
            readable.append(doc)
            continue
        log.warning("%s: written in %r, which the %r pipeline does not read; stored without claims",
                    doc.key, doc.language, nlp.meta.get("name", nlp.lang))
        claims[doc.key] = []
        if progress:
            progress(doc)
    for doc, parsed in extract.parse(nlp, readable, batch_size=batch_size):
        claims[doc.key] = normalize.normalize(extract.extract(doc, parsed, gazetteer), doc)
        if progress:
            progress(doc)
    return [(doc, claims[doc.key]) for doc in docs]


@cache
def pipeline_for(model: str) -> Language:
    """The spaCy pipeline, loaded once per process."""
    from . import extract

    return extract.load_model(model)


@dataclass(frozen=True)
class ReadDocument:
    """A document as a worker sends it back: its claims, and its named graph as N-Triples."""

    document: Document
    claims: list[Claim]
    graph: str


def read_document(doc: Document, claims: list[Claim]) -> ReadDocument:
    return ReadDocument(doc, claims, ntriples(rdf.document_graph(doc, claims, rdf.publisher_of(doc))))


class SerialisedVerdicts(NamedTuple):
    """Verdicts as a worker sends them back, a few hundred together: what independence needs of
    each, and their triples as N-Triples, compressed when the partition is big (about twelve
    times smaller: a partition may hold a million verdicts, all sent back at once)."""

    edges: tuple[independence.Edge, ...]
    text: str | bytes

    @property
    def triples(self) -> str:
        return self.text if isinstance(self.text, str) else zlib.decompress(self.text).decode("utf-8")


#: Verdicts serialised together (each call costs more than a verdict's few lines).
SERIALISED_TOGETHER = 256
#: Verdicts of a partition from which their text is compressed (beyond a few megabytes of it).
COMPRESSED_FROM = 4 * SERIALISED_TOGETHER


def verdict_job(part: reconcile.Partition) -> list[SerialisedVerdicts]:
    """The verdicts of one partition, serialised (runs inside a worker)."""
    found = reconcile.partition_verdicts(part)
    compress = len(found) >= COMPRESSED_FROM
    out: list[SerialisedVerdicts] = []
    for i in range(0, len(found), SERIALISED_TOGETHER):
        batch = found[i : i + SERIALISED_TOGETHER]
        text = "".join(rdf.relation_ntriples(r) for r in batch)
        out.append(SerialisedVerdicts(tuple(independence.Edge(r.kind, r.basis, r.a, r.b) for r in batch),
                                      zlib.compress(text.encode("utf-8"), 1) if compress else text))
    return out


@dataclass(frozen=True)
class Job:
    """Documents for one worker to read, with the pipeline to read them with."""

    model: str
    batch_size: int
    documents: tuple[Document, ...]


def run_job(job: Job) -> list[ReadDocument]:
    """Read one job's documents (runs inside a worker)."""
    return [read_document(doc, claims) for doc, claims in claims_of(pipeline_for(job.model), job.documents, job.batch_size)]


def chunks(items: Sequence[X], count: int, most: float | None = None) -> list[Sequence[X]]:
    """``items`` cut, in order, into about ``count`` runs of similar weight (an item weighs its
    ``len`` when it has one, else 1), or more when that would make a run heavier than ``most``: a
    heavy item is a task of its own, light ones share one.

    >>> [list(c) for c in chunks(["aaaa", "b", "c", "d", "e"], 2)]
    [['aaaa'], ['b', 'c', 'd', 'e']]
    >>> [list(c) for c in chunks(["aaaa", "b", "c", "d", "e"], 2, most=2)]
    [['aaaa'], ['b', 'c'], ['d', 'e']]
    """
    weights = [len(x) if isinstance(x, Sized) else 1 for x in items]
    target = max(1.0, min(sum(weights) / max(1, count), most or float("inf")))
    out: list[Sequence[X]] = []
    start, weight = 0, 0
    for i, w in enumerate(weights):
        weight += w
        if weight >= target:
            out.append(items[start : i + 1])
            start, weight = i + 1, 0
    if start < len(items):
        out.append(items[start:])
    return out


def apply(fn: Callable[[X], Y], chunk: Sequence[X]) -> list[Y]:
    """``fn`` on each item of one chunk (runs inside a worker)."""
    return [fn(x) for x in chunk]


#: Tasks per worker when a ``map`` is cut into chunks: enough to even out the work, few
#: enough that the cost of a task stays small beside its work.
CHUNKS_PER_WORKER = 8
#: The most a task of a worker pool's ``map`` weighs (claims, for partitions), whatever the
#: store's size: its results are held until they are read.
TASK_WEIGHT = 5_000


def map_in_turn(submit: Callable[[Sequence[X]], F], result: Callable[[F], list[Y]], items: Sequence[X],
                workers: int) -> Iterator[Y]:
    """A ``map`` on ``workers`` workers: ``items`` in chunks of similar weight (none heavier than
    ``TASK_WEIGHT`` unless one item is) given to ``submit``, ``IN_FLIGHT`` tasks a worker at a
    time, and each task's ``result`` read in the order of ``items``: a result waits in memory
    until it is read, so what waits does not grow with the store."""
    pending: deque[F] = deque()
    for chunk in chunks(items, workers * CHUNKS_PER_WORKER, most=TASK_WEIGHT):
        pending.append(submit(chunk))
        if len(pending) >= workers * IN_FLIGHT:
            yield from result(pending.popleft())
    while pending:
        yield from result(pending.popleft())


class Workers(Protocol):
    """A place to run work: ``extract`` documents, ``map`` any picklable function."""

    def extract(self, docs: Sequence[Document], progress: Callable[[Document], None] | None = None) -> Iterator[ReadDocument]: ...

    def map(self, fn: Callable[[X], Y], items: Sequence[X]) -> Iterable[Y]: ...


class InProcess:
    """Everything in this process, one ``nlp.pipe`` stream."""

    def __init__(self, settings: Settings, nlp: Language | None = None) -> None:
        self.settings = settings
        self.nlp = nlp

    def extract(self, docs: Sequence[Document], progress: Callable[[Document], None] | None = None) -> Iterator[ReadDocument]:
        if not docs:
            return iter(())
        nlp = self.nlp or pipeline_for(self.settings.model)
        return (read_document(doc, claims) for doc, claims in claims_of(nlp, docs, self.settings.batch_size, progress))

    def map(self, fn: Callable[[X], Y], items: Sequence[X]) -> Iterable[Y]:
        return map(fn, items)


def _jobs(docs: Sequence[Document], settings: Settings, width: int) -> Iterator[Job]:
    """Documents in groups of at most ``batch_size``, small enough that ``width`` jobs in flight
    share the work evenly, longest first so no worker is left alone with a big one at the end."""
    ordered = sorted(docs, key=lambda d: len(d.text), reverse=True)
    size = max(1, min(settings.batch_size, len(ordered) // (2 * width)))
    for i in range(0, len(ordered), size):
        yield Job(settings.model, settings.batch_size, tuple(ordered[i : i + size]))


class _Submitting:
    """Submits jobs to ``submit`` with a bounded number in flight and yields results as they end."""

    def __init__(self, submit: Callable[[Job], Any], settings: Settings, width: int) -> None:
        self.submit = submit
        self.settings = settings
        self.width = width

    def run(self, docs: Sequence[Document], progress: Callable[[Document], None] | None,
            done: Callable[[set[Any]], tuple[set[Any], set[Any]]]) -> Iterator[ReadDocument]:
        jobs = _jobs(docs, self.settings, self.width)
        running: set[Any] = set()
        for first in jobs:
            running.add(self.submit(first))
            if len(running) >= self.width:
                break
        while running:
            finished, running = done(running)
            for future in finished:
                for read in future.result():
                    if progress:
                        progress(read.document)
                    yield read
                job = next(jobs, None)
                if job is not None:
                    running.add(self.submit(job))


class ProcessPool:
    """``n`` worker processes on this machine (``kg build --workers N``)."""

    def __init__(self, settings: Settings, n: int) -> None:
        self.settings = settings
        self.n = n
        # Fresh interpreters, not forks: the parent may hold threads (progress bars) and a store.
        self.pool = ProcessPoolExecutor(n, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=pipeline_for, initargs=(settings.model,))

    def extract(self, docs: Sequence[Document], progress: Callable[[Document], None] | None = None) -> Iterator[ReadDocument]:
        submitting = _Submitting(lambda job: self.pool.submit(run_job, job), self.settings, self.n * IN_FLIGHT)
        return submitting.run(docs, progress, _wait_first)

    def map(self, fn: Callable[[X], Y], items: Sequence[X]) -> Iterator[Y]:
        """Results in the order of ``items`` (``map_in_turn``)."""
        def submit(chunk: Sequence[X]) -> Future[list[Y]]:
            return self.pool.submit(apply, fn, chunk)

        return map_in_turn(submit, Future.result, items, self.n)

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


def _wait_first(running: set[Future[list[ReadDocument]]]) -> tuple[set[Future[list[ReadDocument]]], set[Future[list[ReadDocument]]]]:
    done, pending = wait(running, return_when=FIRST_COMPLETED)
    return set(done), set(pending)


# ------------------------------------------------------------------------------------ Dask

#: The Dask settings the project ships (``kg/dask.yaml``); workers started elsewhere should use
#: the same file (``DASK_CONFIG``, see the README).
DASK_CONFIG = "dask.yaml"


def dask_config() -> dict[str, Any]:
    import yaml

    return yaml.safe_load(resources.files("kg").joinpath(DASK_CONFIG).read_text(encoding="utf-8"))


class DaskCluster:
    """A Dask cluster: ``local:N`` starts N worker processes on 127.0.0.1, anything else is a
    scheduler address (``tcp://host:8786``)."""

    def __init__(self, settings: Settings, address: str) -> None:
        try:
            import dask
            from distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - a dependency of the package
            raise ConfigError(f"--dask needs dask.distributed ({exc}); install it with `pip install distributed`") from exc
        dask.config.update(dask.config.config, dask_config(), priority="new")
        self.settings = settings
        self.cluster = None
        logging.getLogger("distributed").setLevel(max(logging.WARNING, logging.getLogger().level))
        if address.startswith("local:"):
            try:
                n = int(address.removeprefix("local:"))
            except ValueError:
                n = 0
            if n < 1:
                raise ConfigError(f"--dask {address}: give the number of workers, e.g. local:2")
            self.cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, host="127.0.0.1",
                                        dashboard_address="127.0.0.1:0", worker_dashboard_address=None)
            address = self.cluster.scheduler_address
        try:
            self.client = Client(address, timeout="20s")
        except (OSError, TimeoutError) as exc:
            self.close()
            raise ConfigError(f"--dask {address}: cannot reach the scheduler ({exc})") from exc
        # Every worker, present and future, loads the pipeline once before its first task.
        from .dask_plugin import LoadPipeline

        self.client.register_plugin(LoadPipeline(settings.model, pipeline_for))
        self.n = max(1, len(self.client.scheduler_info(n_workers=-1)["workers"]))
        log.info("dask: %s with %d workers", address, self.n)

    def extract(self, docs: Sequence[Document], progress: Callable[[Document], None] | None = None) -> Iterator[ReadDocument]:
        from distributed import wait as dask_wait

        def done(running: set[Any]) -> tuple[set[Any], set[Any]]:
            finished = dask_wait(list(running), return_when="FIRST_COMPLETED")
            return set(finished.done), set(finished.not_done)

        submitting = _Submitting(lambda job: self.client.submit(run_job, job, pure=False), self.settings,
                                 self.n * IN_FLIGHT)
        return submitting.run(docs, progress, done)

    def map(self, fn: Callable[[X], Y], items: Sequence[X]) -> Iterator[Y]:
        """Results in the order of ``items`` (``map_in_turn``), each task's fetched and released in
        turn: the cluster holds a few chunks' results, not the map's."""
        def submit(chunk: Sequence[X]) -> Any:
            return self.client.submit(apply, fn, chunk, pure=False)

        def result(future: Any) -> list[Y]:
            found: list[Y] = future.result()
            future.release()
            return found

        return map_in_turn(submit, result, items, self.n)

    def close(self) -> None:
        if getattr(self, "client", None) is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()


@contextmanager
def open_workers(settings: Settings, processes: int = 1, dask: str | None = None,
                 nlp: Language | None = None) -> Iterator[Workers]:
    """Workers for a build: a Dask cluster, a pool of ``processes``, or this process."""
    if dask and processes > 1:
        raise ConfigError("give either --dask or --workers, not both")
    if dask:
        cluster = DaskCluster(settings, dask)
        try:
            yield cluster
        finally:
            cluster.close()
    elif processes > 1:
        pool = ProcessPool(settings, processes)
        try:
            yield pool
        finally:
            pool.close()
    else:
        yield InProcess(settings, nlp)
