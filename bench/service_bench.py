"""Service throughput: a claim's sources and a simple SPARQL query against a trivial endpoint of
the same app, under the same load, on loopback.

    .venv/bin/python bench/service_bench.py [--store kg-data] [--clients 16] [--seconds 20]

Starts the app (with one extra trivial route) in a child process on a free loopback port,
drives each endpoint in turn with the same number of clients for the same time, and prints
requests per second, p50 and p99, and the ratio to the trivial endpoint.
"""

from __future__ import annotations

import http.client
import json
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

from load import drive, free_port, percentile, serve_service, service_arguments

SPARQL = "/sparql?query=" + quote("SELECT ?f WHERE { ?d cg:fileName ?f } LIMIT 10")


def measure(port: int, paths: list[str], clients: int, seconds: float) -> dict[str, float]:
    latencies, errors, wall = drive("127.0.0.1", port, {"all": paths}, clients, seconds)
    values = sorted(latencies["all"])
    return {"rps": len(values) / wall, "p50_ms": percentile(values, 50) * 1000,
            "p99_ms": percentile(values, 99) * 1000, "errors": errors["all"]}


def main() -> None:
    args = service_arguments(__doc__.splitlines()[0], seconds=20).parse_args()
    if args.serve:
        serve_service(args.store, args.serve, trivial=True)
        return
    port = free_port()
    child = subprocess.Popen([sys.executable, __file__, "--store", args.store, "--serve", str(port)],
                             cwd=Path(__file__).resolve().parent.parent)
    try:
        for _ in range(120):
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                c.request("GET", "/claims?limit=100")
                ids = [x["id"] for x in json.loads(c.getresponse().read())["items"]]
                break
            except OSError:
                time.sleep(0.5)
        else:
            raise SystemExit("the service did not start")
        runs = {
            "trivial endpoint": ["/bench/trivial"],
            "GET /claims/{id}/sources": [f"/claims/{i}/sources" for i in ids],
            "simple SPARQL": [SPARQL],
        }
        measure(port, ["/bench/trivial"], args.clients, 2)  # warm-up
        results = {name: measure(port, paths, args.clients, args.seconds) for name, paths in runs.items()}
        base = results["trivial endpoint"]["rps"]
        print(f"{args.clients} clients, {args.seconds:g} s each, loopback")
        print(f"{'endpoint':<26} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} {'ratio':>6}")
        for name, r in results.items():
            print(f"{name:<26} {r['rps']:>8.0f} {r['p50_ms']:>8.1f} {r['p99_ms']:>8.1f} {r['errors']:>7.0f} {r['rps'] / base:>6.2f}")
    finally:
        child.terminate()
        child.wait(10)


if __name__ == "__main__":
    main()
