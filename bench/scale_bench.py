"""Scale: a synthetic corpus of N documents built into a fresh on-disk store.

    .venv/bin/python bench/scale_bench.py --documents 1000 [--seed 7]

Reports build time, words and claims per second, peak memory of the process, store size, GEXF
export time and memory, and checks that the service answers a claim's sources on the result.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
import tracemalloc
from pathlib import Path

from synthetic import write_corpus

from kg import lookup, pipeline
from kg.config import Settings
from kg.store import GraphStore


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--documents", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        paths = write_corpus(corpus, args.documents, args.seed)
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
        store_dir = Path(tmp) / "store"
        store = GraphStore.open(store_dir)
        settings = Settings(store=str(store_dir))
        t0 = time.perf_counter()
        report = pipeline.build([corpus], store, settings)
        build = time.perf_counter() - t0
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        store.flush()
        print(f"{args.documents} documents, {words} words: build {build:.1f} s, {words / build:.0f} words/s, "
              f"{report.claims} claims ({report.claims / build:.0f}/s), {report.relations} verdicts")
        print(f"peak memory (process, model included): {peak:.0f} MiB; store on disk: {size(store_dir) / 2**20:.1f} MiB, "
              f"{len(store)} quads")
        tracemalloc.start()
        t0 = time.perf_counter()
        data = lookup.export_bytes(store, "gexf")
        export_seconds = time.perf_counter() - t0
        export_peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        print(f"GEXF export: {export_seconds:.1f} s, {len(data) / 2**20:.1f} MiB, {export_peak:.0f} MiB traced peak")
        view = lookup.GraphView(store)
        claim_id = next(iter(view.claims))
        t0 = time.perf_counter()
        prov = lookup.provenance(store, view, claim_id)
        print(f"lookup of a claim's sources: {(time.perf_counter() - t0) * 1000:.1f} ms "
              f"({len(prov['corroborated_by'])} corroborating)")
        store.close()


if __name__ == "__main__":
    main()
