"""A short, bounded load test on loopback (the full one is bench/load.py)."""

from __future__ import annotations

import importlib.util

from support import ROOT


def test_mixed_load_without_errors(server):
    spec = importlib.util.spec_from_file_location("load", ROOT / "bench" / "load.py")
    load = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(load)  # type: ignore[union-attr]
    report = load.run_load(server, clients=8, seconds=5, max_requests=4000)
    for kind in ("lookup", "sparql"):
        assert report[kind]["requests"] > 0
        assert report[kind]["error_rate"] < 0.001, report
