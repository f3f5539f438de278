"""The public SPARQL endpoint against its engine's own server, side by side on one store.

    .venv/bin/pip install oxigraph            # Oxigraph's server (the `oxigraph` command)
    .venv/bin/python bench/endpoint_bench.py [--store kg-data] [--clients 16] [--seconds 15] [--rounds 2]

Copies the store (a consistent backup), serves the copy with ``oxigraph serve-read-only
--union-default-graph`` and the store with this service (every guard on: the query check, the
worker processes, their time, row and memory limits), checks that both give the same answers,
then drives each query at each server in turn with the same clients for the same time, for
several rounds, and prints requests per second and the ratio of ours to Oxigraph's.
"""

from __future__ import annotations

import http.client
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

from load import drive, free_port, percentile, serve_service, service_arguments

PREFIXES = ("PREFIX cg: <https://w3id.org/claimgraph/ns#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
            "PREFIX prov: <http://www.w3.org/ns/prov#> ")
QUERIES = {
    "one subject": "SELECT ?p ?o WHERE { <https://w3id.org/claimgraph/id/claim/f2cd65bc6d26af6b> ?p ?o }",
    "count": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "claims with source labels": ("SELECT ?c ?label WHERE { ?c a cg:FigureClaim ; prov:wasAttributedTo ?a . "
                                  "?a rdfs:label ?label } ORDER BY ?c ?label LIMIT 200"),
}


def answer(port: int, path: str) -> list[tuple[str, ...]]:
    """A query's rows, as sorted tuples of values (to compare two servers' answers)."""
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    c.request("GET", path, headers={"Accept": "application/sparql-results+json"})
    r = c.getresponse()
    body = r.read()
    if r.status != 200:
        raise SystemExit(f"port {port}: HTTP {r.status} {body[:300]!r}")
    data = json.loads(body)
    names = data["head"]["vars"]
    return sorted(tuple(row.get(n, {}).get("value", "") for n in names) for row in data["results"]["bindings"])


def wait(port: int, path: str) -> None:
    for _ in range(240):
        try:
            answer(port, path)
            return
        except (OSError, SystemExit):
            time.sleep(0.5)
    raise SystemExit(f"nothing answered on port {port}")


def rate(port: int, path: str, clients: int, seconds: float) -> tuple[float, float]:
    latencies, errors, wall = drive("127.0.0.1", port, {"q": [path]}, clients, seconds)
    if errors["q"]:
        raise SystemExit(f"port {port}: {errors['q']} errors on {path[:80]}")
    values = sorted(latencies["q"])
    return len(values) / wall, percentile(values, 99) * 1000


def main() -> None:
    ap = service_arguments(__doc__.splitlines()[0], seconds=15)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    if args.serve:
        serve_service(args.store, args.serve, response_cache=0)
        return
    oxigraph = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    if oxigraph is None:
        raise SystemExit("the oxigraph server is not installed: pip install oxigraph")
    from kg.store import GraphStore

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "copy"
        store = GraphStore.open(args.store, read_only=True)
        store.backup(copy)
        store.close()
        ours, theirs = free_port(), free_port()
        children = [
            subprocess.Popen([sys.executable, __file__, "--store", args.store, "--serve", str(ours)],
                             cwd=Path(__file__).resolve().parent.parent),
            subprocess.Popen([oxigraph, "serve-read-only", "--location", str(copy), "--bind", f"127.0.0.1:{theirs}",
                              "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL),
        ]
        try:
            paths = {name: "?query=" + quote(PREFIXES + q) for name, q in QUERIES.items()}
            wait(ours, "/sparql" + paths["count"])
            wait(theirs, "/query" + paths["count"])
            for name, path in paths.items():
                if answer(ours, "/sparql" + path) != answer(theirs, "/query" + path):
                    raise SystemExit(f"the servers answer {name!r} differently")
            results: dict[str, dict[str, list[tuple[float, float]]]] = {n: {"ours": [], "oxigraph": []} for n in paths}
            for _ in range(args.rounds):
                for name, path in paths.items():
                    results[name]["ours"].append(rate(ours, "/sparql" + path, args.clients, args.seconds))
                    results[name]["oxigraph"].append(rate(theirs, "/query" + path, args.clients, args.seconds))
            print(f"{args.clients} clients, {args.seconds:g} s a run, {args.rounds} rounds, servers taking turns; "
                  "identical answers")
            print(f"{'query':<28} {'ours req/s':>16} {'oxigraph req/s':>18} {'ratio':>12}")
            for name, by in results.items():
                mine, engine = [r for r, _ in by["ours"]], [r for r, _ in by["oxigraph"]]
                ratios = [a / b for a, b in zip(mine, engine)]
                print(f"{name:<28} {min(mine):>7.0f}-{max(mine):<8.0f} {min(engine):>8.0f}-{max(engine):<9.0f} "
                      f"{min(ratios):>5.2f}-{max(ratios):<5.2f}")
        finally:
            for child in children:
                child.terminate()
                child.wait(10)


if __name__ == "__main__":
    main()
