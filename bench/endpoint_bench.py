"""The public SPARQL endpoint against its engine's own server and against rdflib-endpoint.

    .venv/bin/pip install -e '.[bench]'       # Oxigraph's server and rdflib-endpoint
    .venv/bin/python bench/endpoint_bench.py [--store kg-data] [--clients 16] [--seconds 15] [--rounds 2]

Copies the store (consistent backups) and serves the copies three ways: ``kg serve`` (every guard
on: the query check, the worker processes, their time, row and memory limits; the response cache
off, so that each request runs its query), ``oxigraph serve-read-only --union-default-graph``, and
``rdflib-endpoint serve`` on an N-Quads dump (an rdflib ``Dataset`` whose default graph is the
union). Each server's time from launch to its first answer is taken; their answers are checked to
be the same; then each query is driven at each server in turn with the same clients for the same
time, for several rounds, and the requests per second and the ratios of ours to theirs are printed.
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

from load import drive, free_port, percentile, service_arguments

ROOT = Path(__file__).resolve().parent.parent
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


def first_answer(command: list[str], port: int, path: str, env: dict[str, str] | None = None) -> tuple[subprocess.Popen[bytes], float]:
    """Launch a server and time it to its first answer to ``path``."""
    started = time.monotonic()
    child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             env={**os.environ, **(env or {})})
    while time.monotonic() - started < 300:
        if child.poll() is not None:
            raise SystemExit(f"{command[0]} stopped with status {child.returncode}")
        try:
            answer(port, path)
            return child, time.monotonic() - started
        except (OSError, SystemExit):
            time.sleep(0.01)
    child.terminate()
    raise SystemExit(f"nothing answered on port {port}")


def rate(port: int, path: str, clients: int, seconds: float) -> tuple[float, float]:
    latencies, errors, wall = drive("127.0.0.1", port, {"q": [path]}, clients, seconds)
    if errors["q"]:
        raise SystemExit(f"port {port}: {errors['q']} errors on {path[:80]}")
    values = sorted(latencies["q"])
    return len(values) / wall, percentile(values, 99) * 1000


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} is not installed: pip install -e '.[bench]'")
    return found


def _span(values: list[float], digits: int = 0) -> str:
    return f"{min(values):.{digits}f}-{max(values):.{digits}f}"


def main() -> None:
    ap = service_arguments(__doc__.splitlines()[0], seconds=15)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    oxigraph, rdflib_endpoint, kg = _tool("oxigraph"), _tool("rdflib-endpoint"), _tool("kg")
    import pyoxigraph as ox

    from kg.store import GraphStore

    with tempfile.TemporaryDirectory() as tmp:
        ours_copy, their_copy, dump = Path(tmp) / "ours", Path(tmp) / "theirs", Path(tmp) / "store.nq"
        store = GraphStore.open(args.store, read_only=True)
        store.backup(ours_copy)
        store.backup(their_copy)
        with dump.open("wb") as out:
            store.write(ox.RdfFormat.N_QUADS, out)
        store.close()
        ports = {"ours": free_port(), "oxigraph": free_port(), "rdflib-endpoint": free_port()}
        commands = {
            "ours": [kg, "serve", "--store", str(ours_copy), "--port", str(ports["ours"])],
            "oxigraph": [oxigraph, "serve-read-only", "--location", str(their_copy),
                         "--bind", f"127.0.0.1:{ports['oxigraph']}", "--union-default-graph"],
            "rdflib-endpoint": [rdflib_endpoint, "serve", str(dump), "--host", "127.0.0.1",
                                "--port", str(ports["rdflib-endpoint"])],
        }
        routes = {"ours": "/sparql", "oxigraph": "/query", "rdflib-endpoint": "/"}  # the last serves at its root
        paths = {name: "?query=" + quote(PREFIXES + q) for name, q in QUERIES.items()}
        quiet = {"KG_RESPONSE_CACHE": "0", "KG_LOG_LEVEL": "WARNING"}
        children: list[subprocess.Popen[bytes]] = []
        starts: dict[str, float] = {}
        try:
            for server, command in commands.items():  # one at a time, so that each starts alone
                child, starts[server] = first_answer(command, ports[server], routes[server] + paths["count"],
                                                     quiet if server == "ours" else None)
                children.append(child)
            for name, path in paths.items():
                answers = {server: answer(ports[server], routes[server] + path) for server in commands}
                if len({json.dumps(a) for a in answers.values()}) != 1:
                    raise SystemExit(f"the servers answer {name!r} differently")
            results = {n: {server: [] for server in commands} for n in paths}
            for _ in range(args.rounds):
                for name, path in paths.items():
                    for server in commands:
                        results[name][server].append(rate(ports[server], routes[server] + path, args.clients,
                                                          args.seconds)[0])
            print(f"{args.clients} clients, {args.seconds:g} s a run, {args.rounds} rounds, servers taking turns; "
                  "identical answers")
            print(f"{'query':<28} {'ours req/s':>12} {'oxigraph':>12} {'rdflib-endpoint':>16} "
                  f"{'ours/oxigraph':>14} {'ours/rdflib-ep':>15}")
            for name, by in results.items():
                mine = by["ours"]
                to_ox = [a / b for a, b in zip(mine, by["oxigraph"])]
                to_rdflib = [a / b for a, b in zip(mine, by["rdflib-endpoint"])]
                print(f"{name:<28} {_span(mine):>12} {_span(by['oxigraph']):>12} {_span(by['rdflib-endpoint']):>16} "
                      f"{_span(to_ox, 2):>14} {_span(to_rdflib, 2):>15}")
            print("launch to first answer: " + ", ".join(f"{server} {seconds:.2f} s" for server, seconds in starts.items()))
        finally:
            for child in children:
                child.terminate()
                child.wait(10)


if __name__ == "__main__":
    main()
