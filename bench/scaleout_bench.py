"""Scale-out against one process: parallel efficiency of worker processes and of a Dask cluster,
and the load rate of a SPARQL server (Virtuoso) against the embedded store.

    .venv/bin/python bench/scaleout_bench.py [--workers 2] [--min-words 100000] [--no-virtuoso]

The corpus is seeds/ repeated until it holds ``--min-words`` words. Each build runs the whole
pipeline (parse, extract, normalise, write, reconcile) into an in-memory store; the workers are
started, and their model loaded, before the clock starts. The ways of building take turns for
``--repeat`` rounds; efficiency is T(1) / (N x T(N)) within a round, and the figures are medians
over the rounds.
The load rate writes the same document graphs into a private Virtuoso on loopback (Graph Store
Protocol PUTs) and into an on-disk Oxigraph store.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import replace
from pathlib import Path

from virtuoso import Virtuoso, binary

from kg import build as rdf
from kg import ingest, pipeline
from kg.backend import open_store
from kg.config import Settings
from kg.model import Document
from kg.store import GraphStore
from kg.workers import InProcess, open_workers


def corpus(paths: list[str], min_words: int) -> list[Document]:
    docs = [ingest.read_document(p) for p in ingest.discover(paths)[0]]
    words = sum(len(d.text.split()) for d in docs)
    copies = max(1, -(-min_words // words))
    return [replace(d, key=f"{i}-{d.key}") for i in range(copies) for d in docs]


def timed_build(docs: list[Document], settings: Settings, workers: object) -> float:
    store = GraphStore.memory()
    t0 = time.perf_counter()
    pipeline.build_documents(docs, store, settings, workers=workers)  # type: ignore[arg-type]
    return time.perf_counter() - t0


def efficiency(docs: list[Document], settings: Settings, n: int,
               repeat: int) -> list[tuple[str, float, float, tuple[float, float]]]:
    """Each way of building, ``repeat`` rounds: the median time, and the median over rounds of
    the efficiency against the same round's one-process build (with its lowest and highest). The
    ways take turns, each started afresh and warmed up, so a slow spell on the machine falls on a
    round, not on one way."""
    warm = docs[: 2 * n]
    ways: list[tuple[str, int, Callable[[], AbstractContextManager[object]]]] = [
        ("one process (baseline)", 1, lambda: nullcontext(InProcess(settings))),
        (f"--workers {n}", n, lambda: open_workers(settings, processes=n)),
        (f"--dask local:{n}", n, lambda: open_workers(settings, dask=f"local:{n}")),
    ]
    times: dict[str, list[float]] = {name: [] for name, _, _ in ways}
    for _ in range(repeat):
        for name, _, start in ways:
            with start() as workers:
                timed_build(warm, settings, workers)
                times[name].append(timed_build(docs, settings, workers))
    baseline = times[ways[0][0]]
    rows = []
    for name, width, _ in ways:
        effs = [t1 / (width * t) for t1, t in zip(baseline, times[name], strict=True)]
        rows.append((name, statistics.median(times[name]), statistics.median(effs), (min(effs), max(effs))))
    return rows


def load_rates(docs: list[Document], settings: Settings) -> list[tuple[str, int, float]]:
    graphs = [(rdf.graph_iri(read.document), read.graph) for read in InProcess(settings).extract(docs)]
    quads = sum(text.count("\n") for _, text in graphs)
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        store = GraphStore.open(Path(folder) / "store")
        t0 = time.perf_counter()
        for g, text in graphs:
            store.replace_graph_text(g, text)
        store.flush()
        rows.append(("Oxigraph on disk (baseline)", quads, quads / (time.perf_counter() - t0)))
        store.close()
        if binary() is None:
            print("virtuoso-t is not installed (apt-get install virtuoso-opensource-7-bin): no remote figure")
            return rows
        with Virtuoso(Path(folder) / "virtuoso") as server:
            remote = open_store(Settings(store=server.endpoint, store_user=server.user, store_password=server.password))
            t0 = time.perf_counter()
            for g, text in graphs:
                remote.replace_graph_text(g, text)
            rows.append(("Virtuoso 7 over the Graph Store Protocol", quads, quads / (time.perf_counter() - t0)))
            remote.close()
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", default=["seeds"])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--min-words", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--no-virtuoso", action="store_true")
    args = ap.parse_args()
    settings = Settings(store=":memory:")
    docs = corpus(args.paths, args.min_words)
    words = sum(len(d.text.split()) for d in docs)
    print(f"{len(docs)} documents, {words} words, batch {settings.batch_size}")
    print(f"{'build':<28} {'seconds':>8} {'words/s':>9} {'efficiency':>10} {'range':>11}")
    for name, seconds, eff, (lo, hi) in efficiency(docs, settings, args.workers, args.repeat):
        print(f"{name:<28} {seconds:>8.2f} {words / seconds:>9.0f} {eff:>10.2f} {lo:>5.2f}-{hi:.2f}")
    if not args.no_virtuoso:
        rates = load_rates(docs[: min(len(docs), 50)], settings)
        print(f"{'store':<42} {'quads':>7} {'quads/s':>9} {'ratio':>6}")
        for name, quads, rate in rates:
            print(f"{name:<42} {quads:>7} {rate:>9.0f} {rate / rates[0][2]:>6.2f}")


if __name__ == "__main__":
    main()
