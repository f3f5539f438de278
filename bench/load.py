"""A bounded load test of a running service on loopback: mixed lookups and simple SPARQL.

    .venv/bin/python bench/load.py http://127.0.0.1:8000 [--clients 50] [--seconds 60]

Each client keeps one connection and loops over: a claim's sources, a claim, a page of claims,
and a simple SPARQL query. Prints p50/p99 per kind and the error rate.
"""

from __future__ import annotations

import argparse
import http.client
import json
import socket
import statistics
import threading
import time
from typing import Any
from urllib.parse import quote, urlsplit

SPARQL = "SELECT ?f WHERE { ?d cg:fileName ?f } LIMIT 10"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def service_arguments(description: str, seconds: float) -> argparse.ArgumentParser:
    """The options of a benchmark that serves the API in a child process of its own: the store,
    the clients, the seconds a run, and the hidden ``--serve PORT`` the child runs with."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--store", default="kg-data")
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--seconds", type=float, default=seconds)
    ap.add_argument("--serve", type=int, default=None, help=argparse.SUPPRESS)
    return ap


def serve_service(store: str, port: int, trivial: bool = False, writable: bool = False, **settings: Any) -> None:
    """Serve the API on ``store``, opened read-only unless ``writable``, at ``port`` (``settings``
    as ``Settings`` takes them); ``trivial`` adds ``/bench/trivial``, a request that does nothing."""
    import uvicorn

    from api.main import create_app
    from kg.config import Settings
    from kg.store import GraphStore

    app = create_app(Settings(store=store, log_level="WARNING", **settings), store=GraphStore.open(store, read_only=not writable))
    if trivial:
        @app.get("/bench/trivial")
        def nothing() -> dict[str, str]:
            return {"ok": "yes"}

    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def drive(host: str, port: int, paths: dict[str, list[str]], clients: int, seconds: float,
          max_requests: int = 1_000_000, mix: int = 4) -> tuple[dict[str, list[float]], dict[str, int], float]:
    """``clients`` threads with one keep-alive connection each, cycling through ``paths``.

    With two kinds, one request in ``mix`` is of the second kind. Returns the latencies and
    errors of each kind and the wall time.
    """
    kinds = list(paths)
    latencies: dict[str, list[float]] = {k: [] for k in kinds}
    errors = {k: 0 for k in kinds}
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    budget = [max_requests]

    def client(n: int) -> None:
        c = http.client.HTTPConnection(host, port, timeout=30)
        i = n
        while time.monotonic() < deadline:
            with lock:
                if budget[0] <= 0:
                    break
                budget[0] -= 1
            kind = kinds[-1] if len(kinds) > 1 and i % mix == 0 else kinds[0]
            path = paths[kind][i % len(paths[kind])]
            i += 1
            t0 = time.perf_counter()
            try:
                c.request("GET", path, headers={"Accept": "application/json"})
                r = c.getresponse()
                r.read()
                ok = r.status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                c.close()
                c = http.client.HTTPConnection(host, port, timeout=30)
            elapsed = time.perf_counter() - t0
            with lock:
                latencies[kind].append(elapsed)
                errors[kind] += not ok
        c.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, errors, time.monotonic() - started


def summary(values: list[float], errors: int, wall: float) -> dict[str, object]:
    return {
        "requests": len(values), "per_second": round(len(values) / wall, 1),
        "p50_ms": round(percentile(values, 50) * 1000, 1), "p99_ms": round(percentile(values, 99) * 1000, 1),
        "mean_ms": round(statistics.fmean(values) * 1000, 1) if values else None,
        "errors": errors, "error_rate": round(errors / max(1, len(values)), 5),
    }


def run_load(base: str, clients: int, seconds: float, max_requests: int = 1_000_000) -> dict[str, object]:
    """Drive ``clients`` threads against ``base`` for ``seconds``; return latency and error figures."""
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    conn.request("GET", "/claims?limit=50")
    ids = [c["id"] for c in json.loads(conn.getresponse().read())["items"]]
    conn.close()
    paths = {
        "lookup": [f"/claims/{i}/sources" for i in ids] + [f"/claims/{i}" for i in ids] + ["/claims?limit=20"],
        "sparql": [f"/sparql?query={quote(SPARQL)}"],
    }
    latencies, errors, wall = drive(str(parts.hostname), int(parts.port or 80), paths, clients, seconds, max_requests)
    report: dict[str, object] = {"clients": clients, "seconds": round(wall, 1)}
    for kind, values in latencies.items():
        report[kind] = summary(values, errors[kind], wall)
    return report


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("base")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60)
    args = ap.parse_args()
    print(json.dumps(run_load(args.base, args.clients, args.seconds), indent=2))


if __name__ == "__main__":
    main()
