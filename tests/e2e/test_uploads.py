"""Uploads that wait while another write runs are written together, each with its own answer."""

from __future__ import annotations

import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor

import pytest

from kg import pipeline
from kg.config import Settings
from kg.errors import InputTooLargeError, StoreError
from kg.store import GraphStore

REPORTS = {
    "harvest.txt": "Grain harvest beats forecast\n\nMarch 3, 2025\n\nThe farm ministry said the wheat harvest "
                   "reached 84 million tonnes in 2024, up from 80 million tonnes a year before.\n",
    "harvest-wire.txt": "Wheat crop at a record\n\nMarch 4, 2025\n\nTraders said the country harvested about "
                        "84 million tonnes of wheat in 2024.\n",
    "flights.txt": "Airport traffic recovers\n\nJune 9, 2025\n\nThe airport authority reported that 31,000 flights "
                   "landed at the main airport in May 2025, the busiest month since 2019.\n",
    "museum.txt": "Museum reopens\n\nJuly 2, 2025\n\nThe city council said about 12,000 visitors came to the "
                  "museum in its first week after the renovation, which cost $40 million.\n",
}


def _upload(ingestor: pipeline.Ingestor, store: GraphStore, name: str, text: str, lock: threading.Lock
            ) -> tuple[pipeline.BuildReport, str]:
    return ingestor.ingest(store, name, text.encode(), "text/plain", lock=lock)


def _queued(ingestor: pipeline.Ingestor, count: int) -> None:
    """Wait until ``count`` uploads wait for the write lock."""
    deadline = time.monotonic() + 60
    while len(ingestor._waiting) < count:
        assert time.monotonic() < deadline, "the uploads never came to wait"
        time.sleep(0.01)


def _builds(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The documents of each build, as the ingestor starts them."""
    started: list[list[str]] = []
    build = pipeline.build_documents

    def recorded(docs, *args, **kwargs):  # type: ignore[no-untyped-def]
        started.append([d.key for d in docs])
        return build(docs, *args, **kwargs)

    monkeypatch.setattr(pipeline, "build_documents", recorded)
    return started


def _while_a_write_runs(ingestor: pipeline.Ingestor, store: GraphStore, uploads: list[tuple[str, str]]
                        ) -> list[Future[tuple[pipeline.BuildReport, str]]]:
    """Upload each of ``uploads`` in turn while the write lock is held, then let them write."""
    lock = threading.Lock()
    pool = ThreadPoolExecutor(len(uploads))
    with lock:
        futures = []
        for n, (name, text) in enumerate(uploads, start=1):
            futures.append(pool.submit(_upload, ingestor, store, name, text, lock))
            _queued(ingestor, n)
    pool.shutdown(wait=True)
    return futures


def test_uploads_waiting_for_a_write_are_written_in_one_build_equal_to_a_clean_one(nlp, monkeypatch):
    store = GraphStore.memory()
    settings = Settings(store=":memory:")
    builds = _builds(monkeypatch)
    ingestor = pipeline.Ingestor(settings, nlp)
    replaced = REPORTS["museum.txt"].replace("12,000", "13,000")
    names = [*REPORTS, "museum.txt"]
    futures = _while_a_write_runs(ingestor, store, [*REPORTS.items(), ("museum.txt", replaced)])
    answers = [f.result() for f in futures]
    # One build takes the first version of each document; the second version waits for the next.
    assert builds == [list(REPORTS), ["museum.txt"]]
    assert [(r.added, r.replaced, r.failed) for r, _ in answers] == [
        ([name], [], []) for name in REPORTS] + [([], ["museum.txt"], [])]
    assert len({doc_id for _, doc_id in answers}) == len(names) - 1  # a document keeps its id across versions
    clean = GraphStore.memory()
    pipeline.build_documents([pipeline.ingest.read_bytes(n, t.encode(), media_type="text/plain")
                              for n, t in [*list(REPORTS.items())[:-1], ("museum.txt", replaced)]],
                             clean, settings, nlp)
    assert store.canonical_hash() == clean.canonical_hash()
    assert answers[-1][0].claims == int(str(clean.select(pipeline.queries.COUNT_CLAIMS)[0]["n"]))


def test_an_upload_the_parser_refuses_fails_alone_in_a_build_of_several(nlp, monkeypatch):
    store = GraphStore.memory()
    builds = _builds(monkeypatch)
    ingestor = pipeline.Ingestor(Settings(store=":memory:"), nlp)
    long = REPORTS["flights.txt"] + "The authority expects 30,000 flights in June 2025. " * 20
    uploads = {**REPORTS, "flights.txt": long}
    monkeypatch.setattr(nlp, "max_length", max(len(t) for n, t in uploads.items() if n != "flights.txt") + 100)
    futures = _while_a_write_runs(ingestor, store, list(uploads.items()))
    answers = [f.result() for f in futures]
    assert builds == [list(uploads)]
    for (report, _), name in zip(answers, uploads):
        if name == "flights.txt":
            assert not report.added and isinstance(report.failed[0][1], InputTooLargeError)
        else:
            assert report.added == [name] and not report.failed


def test_when_a_build_of_several_fails_each_upload_is_written_alone_and_only_its_own_fails(nlp, monkeypatch):
    store = GraphStore.memory()
    builds: list[list[str]] = []
    build = pipeline.build_documents

    def failing(docs, *args, **kwargs):  # type: ignore[no-untyped-def]
        builds.append([d.key for d in docs])
        if any(d.key == "flights.txt" for d in docs):
            raise StoreError("the disk is full")
        return build(docs, *args, **kwargs)

    monkeypatch.setattr(pipeline, "build_documents", failing)
    ingestor = pipeline.Ingestor(Settings(store=":memory:"), nlp)
    futures = _while_a_write_runs(ingestor, store, list(REPORTS.items()))
    assert builds == [list(REPORTS), *([name] for name in REPORTS)]
    for future, name in zip(futures, REPORTS):
        if name == "flights.txt":
            with pytest.raises(StoreError, match="disk is full"):
                future.result()
        else:
            assert future.result()[0].added == [name]
    assert int(str(store.select(pipeline.queries.COUNT_DOCUMENTS)[0]["n"])) == len(REPORTS) - 1


def test_uploads_from_many_threads_without_a_lock_of_the_callers_are_each_written_once(nlp, monkeypatch):
    store = GraphStore.memory()
    builds = _builds(monkeypatch)
    ingestor = pipeline.Ingestor(Settings(store=":memory:"), nlp)
    with ThreadPoolExecutor(len(REPORTS)) as pool:
        answers = list(pool.map(lambda item: ingestor.ingest(store, item[0], item[1].encode(), "text/plain"),
                                REPORTS.items()))
    assert [r.added for r, _ in answers] == [[name] for name in REPORTS]
    assert sorted(name for build in builds for name in build) == sorted(REPORTS) and [] not in builds
    assert int(str(store.select(pipeline.queries.COUNT_DOCUMENTS)[0]["n"])) == len(REPORTS)
