"""The store side by side: Oxigraph on disk against rdflib's in-memory store, on the same triples.

    .venv/bin/python bench/store_bench.py [--store DIR] [--repeat 200]

Reads every triple of an existing store (default ./kg-data, built by `kg build`), writes them
into a fresh Oxigraph store on disk and into an rdflib Dataset, and runs a fixed query mix
(claims of an entity, sources of a claim, conflicts, a COUNT aggregate) on both.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import tracemalloc
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib.plugins.sparql import prepareQuery

from kg.store import GraphStore, to_rdflib
from kg.vocab import PREFIXES

MIX = {
    "claims of an entity": """SELECT ?c ?f WHERE { ?c cg:subject <https://w3id.org/claimgraph/id/entity/north-korea> ;
                                   cg:figure/cg:surface ?f }""",
    "sources of a claim": """SELECT ?i ?label WHERE { ?c cg:figure/cg:surface "about 15,000" ; prov:qualifiedAttribution ?a .
                                   ?a cg:chainIndex ?i ; prov:agent/rdfs:label ?label }""",
    "conflicts": """SELECT ?a ?b ?reason WHERE { ?v a cg:Conflict ; cg:reason ?reason ; cg:claim ?a, ?b FILTER(STR(?a) < STR(?b)) }""",
    "count": """SELECT ?type (COUNT(*) AS ?n) WHERE { ?s a ?type } GROUP BY ?type""",
}


def du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def percentiles(values: list[float]) -> tuple[float, float]:
    values = sorted(values)
    return statistics.median(values) * 1000, values[int(0.99 * (len(values) - 1))] * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", default="kg-data")
    ap.add_argument("--repeat", type=int, default=200)
    args = ap.parse_args()
    source = GraphStore.open(args.store, read_only=True)
    quads = source.quads()
    print(f"{len(quads)} quads from {args.store}")

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        ox_store = ox.Store(tmp)
        ox_store.extend(quads)
        ox_store.flush()
        ox_store.optimize()
        ox_seconds = time.perf_counter() - t0
        ox_bytes = du(Path(tmp))

        def load_rdflib() -> rdflib.Dataset:
            ds = rdflib.Dataset()
            for q in quads:
                g = ds.graph(to_rdflib(q.graph_name)) if isinstance(q.graph_name, ox.NamedNode) else ds.default_graph
                g.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
            return ds

        t0 = time.perf_counter()
        load_rdflib()
        rdf_seconds = time.perf_counter() - t0
        tracemalloc.start()  # a second load, to weigh it (tracing slows it down)
        kept = load_rdflib()
        rdf_bytes = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        del kept
        union = rdflib.Graph()
        for q in quads:
            union.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))

        print(f"{'writes':<22} {'triples/s':>12} {'ratio':>6}")
        print(f"{'oxigraph (disk)':<22} {len(quads) / ox_seconds:>12.0f} {1.0:>6.2f}")
        print(f"{'rdflib (memory)':<22} {len(quads) / rdf_seconds:>12.0f} {ox_seconds / rdf_seconds:>6.2f}")
        print(f"oxigraph on disk: {ox_bytes / len(quads):.0f} bytes per quad (files); "
              f"rdflib in memory: {rdf_bytes / len(quads):.0f} bytes per quad (Python heap)")
        print(f"\n{'query':<22} {'oxigraph p50/p99 ms':>20} {'rdflib p50/p99 ms':>20} {'ratio p50':>10}")
        for name, query in MIX.items():
            ox_times, rdf_times = [], []
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                list(ox_store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True))
                ox_times.append(time.perf_counter() - t0)
            prepared = prepareQuery(query, initNs=PREFIXES)
            for _ in range(max(5, args.repeat // 20)):
                t0 = time.perf_counter()
                list(union.query(prepared))
                rdf_times.append(time.perf_counter() - t0)
            o50, o99 = percentiles(ox_times)
            r50, r99 = percentiles(rdf_times)
            print(f"{name:<22} {o50:>9.2f}/{o99:<10.2f} {r50:>9.2f}/{r99:<10.2f} {r50 / o50:>10.1f}")
        del ox_store


if __name__ == "__main__":
    main()
