"""What compaction buys after writes: on a copy of a built store, the whole read of the verdicts,
the GEXF export and a claim's sources (p50 and p99 over the scale benchmark's 200 claims, read
once each after the export) are timed as the store was copied, after one document is added and
removed again (``pipeline.build``, ``pipeline.remove_documents``: the writes of an edit and its
undoing), and after ``kg compact`` (``GraphStore.compact``); and the writes and the compaction
themselves. Each state is measured in a process of its own, as a
command or a service just started reads the store (the engine's caches empty); the read and the
export ``--repeat`` times, their best kept.

    .venv/bin/python bench/compact_bench.py --store S [--documents 1000 --seed 7 | --add FILE] [--repeat 2]

The document added is ``--add FILE``, or else the one ``scale_bench.py`` adds to its store of
``--documents`` documents built with ``--seed``.

The store given is only read; the copy is made with ``GraphStore.backup`` in a temporary folder
beside nothing else (``--work DIR`` to choose where).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from load import percentile
from scale_bench import SAMPLE_CLAIMS
from synthetic import write_corpus

from kg import lookup, pipeline, readback
from kg.config import Settings
from kg.store import GraphStore


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def measure(store: GraphStore, claims: list[str], repeat: int) -> tuple[float, float, float, float]:
    def verdicts() -> int:
        return sum(1 for _ in readback.iter_relations(store))

    def gexf() -> None:
        with open(os.devnull, "wb") as out:
            lookup.write_export(store, "gexf", out)

    read, export = best(verdicts, repeat), best(gexf, repeat)
    lookups = []
    for claim in claims:
        started = time.perf_counter()
        lookup.provenance(store, lookup.GraphView(store, around=claim, related=(0, 50)), claim)
        lookups.append(1000 * (time.perf_counter() - started))
    return read, export, percentile(lookups, 50), percentile(lookups, 99)


def measured(path: Path, claims: list[str], repeat: int) -> tuple[float, float, float, float]:
    """``measure`` in a process of its own."""
    out = subprocess.run([sys.executable, __file__, "--measure", str(path), "--repeat", str(repeat)],
                         input=json.dumps(claims), capture_output=True, text=True, check=True).stdout
    found = json.loads(out.strip().splitlines()[-1])
    return found[0], found[1], found[2], found[3]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", help="a built on-disk store (only read)")
    ap.add_argument("--add", type=Path, help="the document to add and remove")
    ap.add_argument("--documents", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--work", help="where to copy the store (default: a temporary folder)")
    ap.add_argument("--measure", help=argparse.SUPPRESS)  # a child: measure this store, claims on stdin
    args = ap.parse_args()
    if args.measure:
        store = GraphStore.open(args.measure, read_only=True)
        print(json.dumps(measure(store, json.loads(sys.stdin.read()), args.repeat)))
        return
    if not args.store:
        ap.error("--store is required")
    work = Path(tempfile.mkdtemp(dir=args.work)) / "store"
    try:
        source = GraphStore.open(args.store, read_only=True)
        source.backup(work)
        source.close()
        extra = args.add or write_corpus(work.parent / "extra", args.documents + 1, args.seed)[-1]
        store = GraphStore.open(work, read_only=True)
        claims = [str(r["c"]).rsplit("/", 1)[-1] for r in store.select(SAMPLE_CLAIMS)]
        store.close()
        rows = [("as copied", *measured(work, claims, args.repeat))]
        store = GraphStore.open(work)
        settings = Settings(store=str(work))
        started = time.perf_counter()
        pipeline.build([extra], store, settings)
        added = time.perf_counter() - started
        started = time.perf_counter()
        pipeline.remove_documents([extra.name], store, settings)
        removed = time.perf_counter() - started
        store.close()
        rows.append((f"after adding and removing {extra.name}", *measured(work, claims, args.repeat)))
        store = GraphStore.open(work)
        started = time.perf_counter()
        store.compact()
        compacted = time.perf_counter() - started
        store.close()
        rows.append(("after compaction", *measured(work, claims, args.repeat)))
    finally:
        shutil.rmtree(work.parent, ignore_errors=True)
    print(f"store {args.store}: adding one document {added:.1f} s, removing it {removed:.1f} s, "
          f"compacting {compacted:.1f} s")
    print(f"{'state':<40} {'verdicts read, s':>17} {'GEXF, s':>8} {'sources p50, ms':>16} {'p99, ms':>8}")
    for label, read, gexf, p50, p99 in rows:
        print(f"{label:<40} {read:>17.2f} {gexf:>8.2f} {p50:>16.1f} {p99:>8.1f}")
    written, compact = rows[1][1:], rows[2][1:]
    print("after the writes against after compaction: " + ", ".join(
        f"{what} {w / c:.2f}x" for what, w, c in zip(("verdicts", "GEXF", "sources p50", "p99"), written, compact)))


if __name__ == "__main__":
    main()
