"""Service throughput: a claim's sources and a simple SPARQL query against a trivial endpoint of
the same app, under the same load, on loopback.

    .venv/bin/python bench/service_bench.py [--store kg-data] [--clients 16] [--seconds 20]

Starts the app (with one extra trivial route) in a child process on a free loopback port,
drives each endpoint in turn with the same number of clients for the same time, and prints
requests per second, p50 and p99, and the ratio to the trivial endpoint.
"""

from __future__ import annotations

import argparse
import http.client
import json
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

SPARQL = "/sparql?query=" + quote("SELECT ?f WHERE { ?d cg:fileName ?f } LIMIT 10")


def serve(store: str, port: int) -> None:
    import uvicorn

    from api.main import create_app
    from kg.config import Settings
    from kg.store import GraphStore

    app = create_app(Settings(store=store, log_level="WARNING"), store=GraphStore.open(store, read_only=True))

    @app.get("/bench/trivial")
    def trivial() -> dict[str, str]:
        return {"ok": "yes"}

    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def drive(port: int, paths: list[str], clients: int, seconds: float) -> dict[str, float]:
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client(n: int) -> None:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        i = n
        while time.monotonic() < deadline:
            path = paths[i % len(paths)]
            i += 1
            t0 = time.perf_counter()
            c.request("GET", path)
            r = c.getresponse()
            r.read()
            dt = time.perf_counter() - t0
            with lock:
                latencies.append(dt)
                errors[0] += r.status != 200
        c.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.monotonic() - t0
    latencies.sort()
    return {"rps": len(latencies) / wall, "p50_ms": latencies[len(latencies) // 2] * 1000,
            "p99_ms": latencies[int(0.99 * (len(latencies) - 1))] * 1000, "errors": errors[0]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", default="kg-data")
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--serve", type=int, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.serve:
        serve(args.store, args.serve)
        return
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
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
        drive(port, ["/bench/trivial"], args.clients, 2)  # warm-up
        results = {name: drive(port, paths, args.clients, args.seconds) for name, paths in runs.items()}
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
