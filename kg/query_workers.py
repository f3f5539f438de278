"""The pool of worker processes that run public queries: each with its own read-only view of the
store, walled off from the network, capped in memory, killed and replaced when a query runs over
its time. ``QueryRunner.run`` is a coroutine: a query waits for a worker and for its answer in the
event loop, so a busy endpoint holds no thread per query.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing as mp
import os
import pickle
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing import forkserver
from multiprocessing.connection import Connection
from typing import Any

import pyoxigraph as ox

from .errors import KGError, NotAcceptable, QueryBusy, QueryError, QueryTimeout
from .isolation import deny_network, limit_memory, network_isolation_supported
from .remote import RemoteDataset
from .sandbox import Answer, QueryTask, check_query, evaluate
from .store import is_remote

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WorkerLimits:
    """What a query worker may use: memory (MiB of data segment, 0 for no cap) and the network."""

    memory_mb: int = 1024
    network: bool = False


def _open(location: str | None, snapshot: bytes | None, auth: tuple[str, str] | None) -> ox.Store | RemoteDataset:
    if location and is_remote(location):
        return RemoteDataset(location, auth)
    if location:
        # A writer compacting the store can make a fresh read-only open fail now and then.
        for attempt in range(5):
            try:
                return ox.Store.read_only(location)
            except OSError:
                if attempt == 4:
                    raise
                time.sleep(0.05 * (attempt + 1))
    store = ox.Store()
    if snapshot:
        store.load(snapshot, format=ox.RdfFormat.N_QUADS)
    return store


def _write(conn: Connection, message: object) -> None:
    """Send a task or an answer: pickled plainly (``Connection.send`` makes a pickler with the
    reducers for sharing handles, which tasks and answers do not hold, on every message)."""
    conn.send_bytes(pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL))


def _read(conn: Connection) -> Any:
    return pickle.loads(conn.recv_bytes())


def _worker(conn: Connection, location: str | None, snapshot: bytes | None, prefixes: dict[str, str],
            auth: tuple[str, str] | None, limits: WorkerLimits) -> None:
    """A worker process: open the store read-only (or load a snapshot), wall itself in, answer tasks."""
    store = _open(location, snapshot, auth)
    if not limits.network:
        deny_network()
    limit_memory(limits.memory_mb)
    conn.send(("ready", None))
    while True:
        try:
            task = _read(conn)
        except EOFError:
            return
        if task is None:
            return
        try:
            checked = check_query(task.query)
            kind = {"ASK": "boolean", "CONSTRUCT": "graph", "DESCRIBE": "graph"}.get(checked.form, "solutions")
            chosen = task.formats.get(kind)
            if chosen is None:
                _write(conn, ("not_acceptable", kind))
                continue
            _write(conn, ("ok", evaluate(store, task, checked, chosen, prefixes)))
        except KGError as exc:
            _write(conn, ("error", exc.message))
        except OSError as exc:  # the store's files changed under this read-only view (a compaction)
            _write(conn, ("stale", str(exc)))
        except MemoryError:
            _write(conn, ("error", f"the query needed more than the {limits.memory_mb} MiB a query may use"))
        except Exception as exc:  # noqa: BLE001 - reported to the parent as a query error
            _write(conn, ("error", f"the query failed: {exc}"))


class _StaleView(Exception):
    """A worker's read-only view of the store no longer matches the files on disk."""


class _Worker:
    def __init__(self, ctx: mp.context.ForkServerContext, location: str | None, snapshot: bytes | None,
                 prefixes: dict[str, str], auth: tuple[str, str] | None, limits: WorkerLimits) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker, args=(child, location, snapshot, prefixes, auth, limits),
                                   daemon=True)
        self.process.start()
        child.close()
        self.ready = False

    async def answered(self, timeout: float) -> bool:
        """Whether the worker has something to say within ``timeout`` seconds, waited for in the
        event loop (no thread is held while a query runs)."""
        if self.conn.poll(0):
            return True
        loop = asyncio.get_running_loop()
        said: asyncio.Future[bool] = loop.create_future()
        fd = self.conn.fileno()

        def settle(result: bool) -> None:
            if not said.done():
                said.set_result(result)

        loop.add_reader(fd, settle, True)
        timer = loop.call_later(max(0.0, timeout), settle, False)
        try:
            return await said
        finally:
            timer.cancel()
            loop.remove_reader(fd)
            # uvloop leaves a pipe it watched non-blocking: an answer longer than the pipe holds
            # would then be cut short while the worker still writes it.
            os.set_blocking(fd, True)

    async def wait_ready(self, timeout: float) -> bool:
        if not self.ready and await self.answered(timeout):
            self.conn.recv()
            self.ready = True
        return self.ready

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


def worker_context() -> mp.context.ForkServerContext:
    """Where query workers come from: a server process that has imported this module and the
    query parser once, from which each worker forks in milliseconds (at start-up and after every
    write)."""
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload([__name__, "rdflib.plugins.sparql.parser"])
    return ctx


def start_worker_server() -> None:
    """Start the process query workers fork from now, so that it loads while the service does."""
    worker_context()
    forkserver.ensure_running()


class QueryRunner:
    """A pool of worker processes that run public queries under a time budget.

    Workers see the data at ``location``: an on-disk store (opened read-only) or a SPARQL
    server's URL (queried with ``auth``); for in-memory stores, ``snapshot`` returns N-Quads.
    ``generation`` tells when the data changed; workers are then replaced before the next query.
    Workers of a local store cannot open network sockets; every worker's memory is capped at
    ``memory_mb``. At most ``workers + queue`` queries are admitted at once; one more is refused
    at once with ``QueryBusy`` rather than waiting.

    ``run`` is a coroutine: a query waits for a worker and for its answer in the event loop, so
    a busy endpoint holds no thread per query. Workers are started, replaced and handed back from
    any thread.
    """

    def __init__(self, location: str | None, snapshot: Callable[[], bytes], generation: Callable[[], int],
                 prefixes: dict[str, str],
                 workers: int = 2, timeout: float = 10.0, max_rows: int = 10_000,
                 auth: tuple[str, str] | None = None, *, max_bytes: int = 16 * 1024 * 1024,
                 memory_mb: int = 1024, queue: int = 16) -> None:
        self._ctx = worker_context()
        self._location = location
        self._auth = auth
        self._snapshot = snapshot
        self._generation = generation
        self._prefixes = prefixes
        self.size = workers
        self.timeout = timeout
        self.max_rows = max_rows
        self.max_bytes = max_bytes
        remote = bool(location and is_remote(location))
        if not remote and not network_isolation_supported():
            log.warning("query workers cannot be cut off from the network on this platform; "
                        "SERVICE is still refused by the query check")
        self._limits = WorkerLimits(memory_mb, network=remote or not network_isolation_supported())
        self.admitted = threading.BoundedSemaphore(workers + queue)
        self._idle: deque[_Worker] = deque()
        self._waiting: deque[asyncio.Future[_Worker]] = deque()  # queries waiting for a worker, first come first
        self._lock = threading.Lock()
        self._built_for = -1
        self._closed = False

    def _spawn(self) -> _Worker:
        data = None if self._location else self._snapshot()
        return _Worker(self._ctx, self._location, data, self._prefixes, self._auth, self._limits)

    def start(self) -> None:
        """Start the workers now rather than on the first query (the service calls this at start-up)."""
        self._refresh()

    def _refresh(self) -> None:
        with self._lock:
            current = self._generation()
            if current == self._built_for or self._closed:
                return
            while self._idle:
                self._idle.popleft().kill()
            for _ in range(self.size):
                self._give(self._spawn())
            self._built_for = current

    def _give(self, worker: _Worker) -> None:
        """A worker is free: to the query that has waited longest, else to the idle ones (holding
        ``_lock``)."""
        while self._waiting:
            waiter = self._waiting.popleft()
            if not waiter.done():
                waiter.get_loop().call_soon_threadsafe(self._hand, waiter, worker)
                return
        self._idle.append(worker)

    def _hand(self, waiter: asyncio.Future[_Worker], worker: _Worker) -> None:
        if waiter.done():  # the query gave up meanwhile
            self._put(worker)
        else:
            waiter.set_result(worker)

    def _put(self, worker: _Worker) -> None:
        with self._lock:
            if self._closed:
                worker.kill()
            else:
                self._give(worker)

    def _replace(self) -> None:
        if not self._closed:
            self._put(self._spawn())

    def _replace_later(self) -> None:
        threading.Thread(target=self._replace, daemon=True).start()

    async def _checkout(self) -> _Worker:
        with self._lock:
            if self._idle:
                return self._idle.popleft()
            waiter: asyncio.Future[_Worker] = asyncio.get_running_loop().create_future()
            self._waiting.append(waiter)
        try:
            return await asyncio.wait_for(waiter, self.timeout)
        except TimeoutError as exc:
            raise QueryBusy(f"every query worker stayed busy for {self.timeout:g} s; try again") from exc

    async def run(self, query: str, formats: dict[str, str | None] | None = None,
                  default_graph: list[str] | None = None, named_graph: list[str] | None = None,
                  base_iri: str | None = None) -> Answer:
        """Run ``query`` in a worker within the time budget.

        ``formats`` names the serialisation for each kind of result (``solutions``: json, xml,
        csv, tsv; ``boolean``: json, xml; ``graph``: ttl, nt, rdfxml, jsonld); a kind mapped to
        None is not acceptable to the client and raises ``NotAcceptable``.
        """
        formats = formats or {"solutions": "json", "boolean": "json", "graph": "ttl"}
        if not self.admitted.acquire(blocking=False):
            raise QueryBusy(f"{self.size} queries are running and the queue is full; try again shortly")
        task = QueryTask(query, formats, self.max_rows, self.max_bytes,
                         None if default_graph is None else tuple(default_graph),
                         None if named_graph is None else tuple(named_graph), base_iri)
        try:
            try:
                return await self._run(task)
            except _StaleView:
                # A writer compacted the store under the worker's view: once more on a fresh one.
                try:
                    return await self._run(task)
                except _StaleView as exc:
                    raise QueryBusy(f"the store is being rewritten ({exc}); try again") from exc
        finally:
            self.admitted.release()

    async def _run(self, task: QueryTask) -> Answer:
        if self._generation() != self._built_for:  # new data: fresh workers (spawned off the event loop)
            await asyncio.get_running_loop().run_in_executor(None, self._refresh)
        deadline = time.monotonic() + self.timeout
        held = await self._checkout()
        worker: _Worker | None = held  # None once killed
        generation = self._built_for
        try:
            if not await held.wait_ready(max(0.1, deadline - time.monotonic()) + 30):
                raise QueryBusy("a query worker did not start")
            _write(held.conn, task)
            if not await held.answered(deadline - time.monotonic()):
                held.kill()
                self._replace_later()
                worker = None
                raise QueryTimeout(f"the query ran longer than {self.timeout:g} s and was stopped")
            status, value = _read(held.conn)
            if status == "stale":  # its view is past use: a fresh worker takes its place
                held.kill()
                worker = None
                self._replace_later()
        except (EOFError, OSError, BrokenPipeError) as exc:
            if worker is not None:
                worker.kill()
                worker = None
                self._replace_later()
            raise QueryError("the query stopped its worker (most likely by needing more than the "
                             f"{self._limits.memory_mb} MiB a query may use); simplify it and try again") from exc
        except BaseException:  # cancelled while the worker runs the query: its answer would be the next one's
            if worker is not None:
                worker.kill()
                worker = None
                self._replace_later()
            raise
        finally:
            if worker is not None:
                if generation == self._built_for:
                    self._put(worker)
                else:
                    worker.kill()
        if status == "stale":
            raise _StaleView(value)
        if status == "error":
            raise QueryError(value)
        if status == "not_acceptable":
            raise NotAcceptable(value)
        return value

    def close(self) -> None:
        with self._lock:  # not while workers are being started
            self._closed = True
            while self._idle:
                self._idle.popleft().kill()
