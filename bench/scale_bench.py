"""Scale: a synthetic corpus of N documents built into a fresh on-disk store.

    .venv/bin/python bench/scale_bench.py --documents 1000 [--seed 7] [--stories N] [--workers N | --dask SPEC]
    .venv/bin/python bench/scale_bench.py --store S [--upload] [--at-once N]  # the service alone, on a built store

Reports build time, words and claims per second, peak memory of the build (this process, and the
largest worker process with ``--workers``), store size, the time to add one more document against
building it alone (and to remove it), an upload through the service (the lookups answered while it
is written, and the first answers after it), and to compact the store after those writes, GEXF export time
and peak memory (``kg export`` in a process of its own), a claim's sources from a service just started on the result
(the first answer, and p50 and p99 over 200 claims, none from the cache), a page of claims, a
filtered page, the list of entities, and the explorer's search page; then the memory of the
service (served by uvicorn in a process of its own) after it has answered the same requests. On a
built store, ``--at-once N`` times N uploads sent together against one alone. The corpus is of one
story, or with ``--stories N`` of N stories (``synthetic.py``; give the same N with ``--store``).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from load import free_port

if TYPE_CHECKING:
    from kg.config import Settings
    from kg.store import GraphStore

# The service's query workers start by importing the script that started them (multiprocessing's
# ``__mp_main__``), as a deployed service's workers import the ``kg`` command, which imports next
# to nothing. So the pipeline, the service and the test client are imported where they are used:
# at the top of this script they would be loaded again by every worker while lookups are timed.

#: Claims spread over the store for the lookups.
SAMPLE_CLAIMS = """
SELECT ?c WHERE { ?c schema:appearance ?d } ORDER BY MD5(STR(?c)) LIMIT 200
"""


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def run_measured(command: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Run a command; its seconds, its own peak memory in MiB, read from ``/proc`` as it runs (a
    child's ``ru_maxrss`` starts from this process's size when it forks), and the peak of the
    resident memory of it and the processes it starts (sampled), in MiB."""
    t0 = time.perf_counter()
    child = subprocess.Popen(command, env=env)
    peak, tree = 0, 0.0
    while child.poll() is None:
        try:
            status = Path(f"/proc/{child.pid}/status").read_text()
            peak = max(peak, next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM")))
            tree = max(tree, sum(_resident(pid) for pid in _process_tree(child.pid)))
        except (OSError, StopIteration):
            pass
        time.sleep(0.05)
    if child.returncode:
        raise subprocess.CalledProcessError(child.returncode, command)
    return time.perf_counter() - t0, peak / 1024, tree / 1024


def _process_tree(pid: int) -> list[int]:
    """A process and its descendants."""
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        for task in Path(f"/proc/{p}/task").iterdir():
            todo += [int(c) for c in (task / "children").read_text().split()]
    return found


def _resident(pid: int) -> float:
    """A process's resident memory in KiB (``memory``), 0 once it has ended."""
    try:
        return memory(pid)[0] * 1024
    except (OSError, KeyError):  # gone, or a zombie without memory
        return 0


def memory(pid: int) -> tuple[float, float]:
    """A process's resident memory and its peak, in MiB."""
    fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines())
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def _serve(store_dir: Path, writable: bool = False, token: str | None = None) -> tuple[subprocess.Popen[bytes], int]:
    """The service on the store, served by uvicorn in a process of its own with no response cache
    (owning the store, with ``token`` for writes, when ``writable``), once it answers its health
    check; and its port."""
    port = free_port()
    bench = Path(__file__).resolve().parent
    env = {**os.environ, **({"KG_API_TOKEN": token} if token else {})}
    child = subprocess.Popen([sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv[1]); from load import "
                              "serve_service; serve_service(sys.argv[2], int(sys.argv[3]), writable=sys.argv[4] == 'w', "
                              "response_cache=0)", str(bench), str(store_dir), str(port), "w" if writable else "r"],
                             cwd=bench.parent, env=env)
    for _ in range(3000):
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
            c.request("GET", "/health")
            c.getresponse().read()
            c.close()
            return child, port
        except OSError:
            if child.poll() is not None:
                break
            time.sleep(0.2)
    child.terminate()
    raise SystemExit("the service did not start")


def _get(c: http.client.HTTPConnection, path: str) -> float:
    """Milliseconds to a whole answer of ``path`` (an error unless HTTP 200)."""
    t0 = time.perf_counter()
    c.request("GET", path)
    answer = c.getresponse()
    answer.read()
    if answer.status != 200:
        raise SystemExit(f"{path}: HTTP {answer.status}")
    return (time.perf_counter() - t0) * 1000


def service_memory(store_dir: Path, paths: list[str]) -> tuple[float, float, list[float]]:
    """The resident memory of the service (with its query workers) and its own peak, served by
    uvicorn in a process of its own, after it has answered ``paths`` (over HTTP, one after the
    other, the first as soon as it answers its health check), with each answer's milliseconds."""
    child, port = _serve(store_dir)
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
        took = [_get(c, path) for path in paths]
        workers = [int(p) for t in Path(f"/proc/{child.pid}/task").iterdir()
                   for p in (t / "children").read_text().split()]
        rss, peak = memory(child.pid)
        return rss + sum(memory(w)[0] for w in workers), peak, took
    finally:
        child.terminate()
        child.wait(30)


#: The bearer token of the services the benchmark starts to take uploads.
TOKEN = "bench-" + "x" * 32


def _upload(port: int, extra: Path) -> tuple[float, dict[str, Any]]:
    """``POST /documents`` of ``extra`` to the service on ``port``: how long it took, and its answer."""
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=3600)
    t0 = time.perf_counter()
    c.request("POST", f"/documents?name={extra.name}", body=extra.read_bytes(),
              headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain"})
    answer = c.getresponse()
    written = json.loads(answer.read())
    if answer.status != 201:
        raise SystemExit(f"upload: HTTP {answer.status}: {written}")
    return time.perf_counter() - t0, written


def _remove(port: int, written: dict[str, Any]) -> None:
    """``DELETE`` the document an upload wrote (``written``, its answer)."""
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=3600)
    c.request("DELETE", f"/documents/{written['document']['id']}", headers={"Authorization": f"Bearer {TOKEN}"})
    removal = c.getresponse()
    removal.read()
    if removal.status != 200:
        raise SystemExit(f"removal: HTTP {removal.status}")


def measure_upload(store_dir: Path, extra: Path) -> None:
    """An upload to the service (uvicorn in a process of its own, owning the store): how long
    ``POST /documents`` of ``extra`` takes once the service has loaded its language model (on a
    first upload, removed again), the lookups of a claim's sources answered meanwhile by another
    client (each claim once), and the first answers after it (a claim's sources, a page of claims);
    then the document is removed again (``DELETE``), leaving the store's documents as they were."""
    from kg.store import GraphStore

    store = GraphStore.open(store_dir, read_only=True)
    ids = [str(r["c"]).rsplit("/", 1)[-1] for r in store.select(SAMPLE_CLAIMS)]
    store.close()
    child, port = _serve(store_dir, writable=True, token=TOKEN)
    during: list[float] = []
    writing = threading.Event()
    writing.set()

    def reader() -> None:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
        for claim_id in ids[1:]:
            if not writing.is_set():
                break
            during.append(_get(c, f"/claims/{claim_id}/sources"))
            time.sleep(0.05)

    try:
        first_upload, written = _upload(port, extra)  # the service loads the language model
        _remove(port, written)
        looking = threading.Thread(target=reader)
        looking.start()
        took, written = _upload(port, extra)
        writing.clear()
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
        first = _get(c, f"/claims/{ids[0]}/sources")
        page = _get(c, "/claims?limit=100&offset=5000")
        looking.join()
        _remove(port, written)
    finally:
        child.terminate()
        child.wait(60)
    print(f"an upload through the service: {took:.2f} s ({written['status']}, {written['claims']} claims; the first, "
          f"which loads the language model, {first_upload:.2f} s); "
          f"meanwhile {len(during)} lookups of a claim's sources answered"
          + (f", {_percentiles(during)}, slowest {max(during):.1f} ms" if during else "")
          + f"; first answers after it: a claim's sources {first:.1f} ms, a page of 100 claims {page:.1f} ms")


def measure_uploads_at_once(store_dir: Path, extras: list[Path]) -> None:
    """Uploads that arrive together (the service in a process of its own, owning the store): one
    of ``extras`` alone, then all of them at once from a client each, timed from the first request
    to the last answer; the service writes those that wait for a write together. The documents
    are removed again after (``DELETE``)."""
    child, port = _serve(store_dir, writable=True, token=TOKEN)
    try:
        _remove(port, _upload(port, extras[0])[1])  # the service loads the language model
        alone, written = _upload(port, extras[0])
        _remove(port, written)
        t0 = time.perf_counter()
        with ThreadPoolExecutor(len(extras)) as pool:
            answers = list(pool.map(lambda extra: _upload(port, extra), extras))
        together = time.perf_counter() - t0
        for _, written in answers:
            _remove(port, written)
    finally:
        child.terminate()
        child.wait(60)
    took = sorted(t for t, _ in answers)
    print(f"{len(extras)} uploads at once through the service: all written in {together:.2f} s, against "
          f"{alone:.2f} s for one alone ({together / (alone * len(extras)):.2f} of one at a time); each answered "
          f"after {took[0]:.2f}–{took[-1]:.2f} s")


def measure_service(store_dir: Path) -> None:
    """A claim's sources from a service just started on the store (the first answer, and p50 and
    p99 over 200 claims, none from the cache), a page of claims, a filtered page, a page of the
    corroborated claims, the entities, the explorer's search page; then the service's memory,
    served in a process of its own."""
    from fastapi.testclient import TestClient

    from api.main import create_app
    from kg.config import Settings
    from kg.store import GraphStore

    settings = Settings(store=str(store_dir))
    store = GraphStore.open(store_dir)
    ids = [str(r["c"]).rsplit("/", 1)[-1] for r in store.select(SAMPLE_CLAIMS)]
    with TestClient(create_app(settings, store=store)) as client:
        times = []
        for claim_id in ids:  # each claim once: no answer comes from the response cache
            t0 = time.perf_counter()
            answer = client.get(f"/claims/{claim_id}/sources")
            times.append((time.perf_counter() - t0) * 1000)
            assert answer.status_code == 200, answer.text
        t0 = time.perf_counter()
        client.get("/claims", params={"limit": 100, "offset": 5000}).raise_for_status()
        page_seconds = time.perf_counter() - t0
        t0 = time.perf_counter()
        client.get("/claims", params={"verdict": "conflicting", "text": "workers", "limit": 20}).raise_for_status()
        filtered_seconds = time.perf_counter() - t0
        t0 = time.perf_counter()
        client.get("/claims", params={"verdict": "corroborated", "offset": 300, "limit": 20}).raise_for_status()
        corroborated_seconds = time.perf_counter() - t0
        t0 = time.perf_counter()
        client.get("/entities").raise_for_status()
        entities_seconds = time.perf_counter() - t0
        t0 = time.perf_counter()
        client.get("/").raise_for_status()
        view_seconds = time.perf_counter() - t0
    store.close()
    rss, peak, served = service_memory(store_dir, [f"/claims/{c}/sources" for c in ids] + [
        "/claims?limit=100&offset=5000", "/claims?verdict=conflicting&text=workers&limit=20",
        "/claims?verdict=corroborated&offset=300&limit=20", "/entities", "/"])
    print(f"service: a claim's sources, first answer after start {times[0]:.1f} ms; over {len(ids)} claims "
          f"{_percentiles(times)} (uncached, without reading the whole graph); a page of 100 claims {page_seconds:.2f} s, "
          f"a filtered page {filtered_seconds:.2f} s, a page of the corroborated claims {corroborated_seconds:.2f} s, the entities {entities_seconds:.2f} s; "
          f"the explorer's search page {view_seconds:.2f} s")
    print(f"the same lookups from the service served by uvicorn in a process of its own, over HTTP: first answer "
          f"{served[0]:.1f} ms, {_percentiles(served[: len(ids)])}")
    print(f"service after those requests: {rss:.0f} MiB resident with its query workers, "
          f"peak of its own process {peak:.0f} MiB")


def _percentiles(times: list[float]) -> str:
    ordered = sorted(times)
    return (f"p50 {ordered[len(ordered) // 2]:.1f} ms, "
            f"p99 {ordered[min(len(ordered) - 1, len(ordered) * 99 // 100)]:.1f} ms")



def extra_document(tmp: Path, number: int, seed: int, stories: int = 0) -> Path:
    """One more document of the kind of a synthetic corpus of ``number`` documents."""
    from synthetic import write_corpus

    return write_corpus(tmp / "extra", number + 1, seed, stories)[-1]


def add_one(store: GraphStore, settings: Settings, extra: Path, tmp: Path) -> None:
    """Adding one more document (``extra``) to the built store, against building it alone into an
    empty store (the model loaded in both), then removing it."""
    from kg import pipeline
    from kg.config import Settings
    from kg.store import GraphStore
    from kg.workers import open_workers

    alone_dir = tmp / "alone"
    with open_workers(settings, processes=1) as workers:
        pipeline.build([extra], GraphStore.memory(), Settings(store=str(alone_dir)), workers=workers)  # warm
        alone_store = GraphStore.open(alone_dir)
        t0 = time.perf_counter()
        pipeline.build([extra], alone_store, Settings(store=str(alone_dir)), workers=workers)
        alone = time.perf_counter() - t0
        alone_store.close()
        t0 = time.perf_counter()
        report = pipeline.build([extra], store, settings, workers=workers)
        added = time.perf_counter() - t0
    t0 = time.perf_counter()
    pipeline.remove_documents([extra.name], store, settings)
    removed = time.perf_counter() - t0
    print(f"adding one document: {added:.2f} s ({report.summary()}), building it alone {alone:.2f} s: "
          f"{added / alone:.1f}x; removing it {removed:.2f} s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--documents", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--stories", type=int, default=0, help="a corpus of this many stories (default: one)")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--dask", help="build on a Dask cluster: local:N, or a scheduler's address")
    ap.add_argument("--store", help="measure only the service, on this built store")
    ap.add_argument("--upload", action="store_true",
                    help="with --store: also an upload through the service (the document removed again after)")
    ap.add_argument("--at-once", type=int, default=0, metavar="N",
                    help="with --store: also N uploads at once through the service (removed again after)")
    args = ap.parse_args()
    if args.store:
        if not args.at_once:
            measure_service(Path(args.store))
        if args.upload:
            _upload_to(Path(args.store), args.seed, args.stories)
        if args.at_once:
            _upload_to(Path(args.store), args.seed, args.stories, args.at_once)
        return
    from synthetic import write_corpus

    from kg import pipeline
    from kg.config import Settings
    from kg.store import GraphStore
    from kg.workers import open_workers

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        paths = write_corpus(corpus, args.documents, args.seed, args.stories)
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
        store_dir = Path(tmp) / "store"
        store = GraphStore.open(store_dir)
        settings = Settings(store=str(store_dir))
        t0 = time.perf_counter()
        with open_workers(settings, processes=args.workers, dask=args.dask) as workers:
            report = pipeline.build([corpus], store, settings, workers=workers)
        build = time.perf_counter() - t0
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        store.flush()
        way = f"Dask {args.dask}" if args.dask else f"{args.workers} worker(s)"
        told = f"{args.stories} stories" if args.stories else "one story"
        print(f"{args.documents} documents ({told}), {words} words, {way}: build {build:.1f} s, "
              f"{words / build:.0f} words/s, {report.claims} claims ({report.claims / build:.0f}/s), "
              f"{report.relations} verdicts")
        print(f"peak memory: build process {peak:.0f} MiB (model included), largest worker {children:.0f} MiB; "
              f"store on disk: {size(store_dir) / 2**20:.1f} MiB, {len(store)} quads")
        extra = extra_document(Path(tmp), args.documents, args.seed, args.stories)
        add_one(store, settings, extra, Path(tmp))
        store.close()
        measure_upload(store_dir, extra)
        store = GraphStore.open(store_dir)
        t0 = time.perf_counter()
        store.compact()  # what those writes left in the store's files, as ``kg compact`` does
        print(f"compacting the store after those writes: {time.perf_counter() - t0:.1f} s")
        store.close()
        gexf = Path(tmp) / "claims.gexf"
        export_seconds, export_peak, export_tree = run_measured(
            [sys.executable, "-m", "kg.cli", "export", "--store", str(store_dir), "--format", "gexf", "-o", str(gexf)],
            {**os.environ, "KG_STORE": str(store_dir)})
        print(f"GEXF export: {export_seconds:.1f} s, {gexf.stat().st_size / 2**20:.1f} MiB, "
              f"peak memory of the export process {export_peak:.0f} MiB, "
              f"with the processes it starts {export_tree:.0f} MiB")
        measure_service(store_dir)


def _upload_to(store_dir: Path, seed: int, stories: int, at_once: int = 0) -> None:
    """``measure_upload`` on a built synthetic store, with the document that follows its corpus
    (``measure_uploads_at_once`` with the ``at_once`` documents that follow it, when given)."""
    from synthetic import write_corpus

    from kg import queries
    from kg.store import GraphStore, integer

    store = GraphStore.open(store_dir, read_only=True)
    documents = integer(store.select(queries.COUNT_DOCUMENTS)[0]["n"])
    store.close()
    with tempfile.TemporaryDirectory() as tmp:
        if at_once:
            extras = write_corpus(Path(tmp) / "extra", documents + at_once, seed, stories)[-at_once:]
            measure_uploads_at_once(store_dir, extras)
        else:
            measure_upload(store_dir, extra_document(Path(tmp), documents, seed, stories))


if __name__ == "__main__":
    main()
