"""Builds in worker processes and on Dask give the graph a single process gives."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import ROOT

from kg import pipeline, reconcile
from kg.config import Settings
from kg.errors import ConfigError
from kg.store import GraphStore
from kg.workers import DaskCluster, ProcessPool, chunks, open_workers


def test_partitions_cover_every_verdict(extraction):
    claims = extraction.claims
    parts = reconcile.partitions(claims, 0.05)
    assert {p.kind for p in parts} == {"block", "document"}
    blocks = [p for p in parts if p.kind == "block"]
    # Each block holds the claims of one topic: every claim of that topic, and only them.
    shared = [frozenset.intersection(*(reconcile.blocking_keys(c) for c in p.claims)) for p in blocks]
    assert all(len(k) >= 1 for k in shared)
    for part, keys in zip(blocks, shared):
        members = {c.id for c in claims if keys & reconcile.blocking_keys(c) == keys}
        assert members == {c.id for c in part.claims}
    # Each partition alone yields exactly the verdicts the whole corpus yields between its claims.
    whole = {r.id for r in reconcile.reconcile(claims)}
    assert whole == {r.id for p in parts for r in reconcile.partition_verdicts(p)}
    assert reconcile.reconcile(list(reversed(claims))) == reconcile.reconcile(claims)


@pytest.mark.parametrize("count", [1, 2, 5, 16, 100])
def test_chunks_keep_order_and_even_out_the_weight(count):
    items = [(i,) * w for i, w in enumerate([50, 1, 1, 2, 1, 30, 1, 1, 1, 8, 1, 1, 1, 1, 20])]
    parts = chunks(items, count)
    assert [x for part in parts for x in part] == items
    assert all(part for part in parts)
    target = sum(map(len, items)) / count
    # A chunk only outgrows the target by its last item, and a heavy item never waits behind others.
    assert all(sum(map(len, part[:-1])) < max(1, target) for part in parts)
    assert len(parts) <= max(1, count) + 1


def test_chunks_of_nothing_and_of_weightless_items():
    assert chunks([], 4) == []
    assert [list(c) for c in chunks(list(range(10)), 5)] == [[0, 1], [2, 3], [4, 5], [6, 7], [8, 9]]


@pytest.mark.e2e
def test_worker_pool_map_keeps_the_order_of_its_items(tmp_path):
    pool = ProcessPool(Settings(store=str(tmp_path / "s")), 2)
    try:
        items = [(i,) * w for i, w in enumerate([40, 1, 1, 1, 30, 1, 2, 2, 1, 1, 25, 1] * 3)]
        assert list(pool.map(len, items)) == [len(x) for x in items]
    finally:
        pool.close()


@pytest.mark.e2e
def test_worker_processes_build_the_same_graph(seeds_copy, seed_store, tmp_path):
    settings = Settings(store=str(tmp_path / "store"), batch_size=2)
    store = GraphStore.open(tmp_path / "store")
    with open_workers(settings, processes=2) as workers:
        report = pipeline.build([seeds_copy], store, settings, workers=workers)
    assert len(report.added) == 5 and not report.failed
    assert store.canonical_hash() == seed_store.canonical_hash()
    store.close()


@pytest.mark.e2e
def test_local_dask_cluster_is_private_and_uses_the_shipped_settings(tmp_path):
    cluster = DaskCluster(Settings(store=str(tmp_path / "s")), "local:2")
    try:
        info = cluster.client.scheduler_info(n_workers=-1)
        assert cluster.client.scheduler.address.startswith("tcp://127.0.0.1:")
        assert len(info["workers"]) == 2 and all(w.startswith("tcp://127.0.0.1:") for w in info["workers"])
        assert cluster.cluster.dashboard_link.startswith("http://127.0.0.1:")

        def worker_settings() -> tuple[str | None, bool, str, str]:
            import dask

            return (os.environ.get("MALLOC_TRIM_THRESHOLD_"), dask.config.get("distributed.worker.profile.enabled"),
                    dask.config.get("distributed.admin.tick.interval"),
                    dask.config.get("distributed.worker.memory.monitor-interval"))

        assert set(cluster.client.run(worker_settings).values()) == {(None, False, "1s", "500ms")}
        # A map keeps the order of its items whatever chunks they ran in.
        items = [(i,) * w for i, w in enumerate([40, 1, 1, 1, 30, 1, 2, 2, 1, 1, 25, 1])]
        assert list(cluster.map(len, items)) == [len(x) for x in items]
    finally:
        cluster.close()


@pytest.mark.parametrize("address", ["local:0", "local:two"])
def test_bad_cluster_addresses_are_refused(address, tmp_path):
    with pytest.raises(ConfigError, match="local:2"):
        DaskCluster(Settings(store=str(tmp_path / "s")), address)


def test_dask_and_workers_together_are_refused(tmp_path):
    done = subprocess.run([sys.executable, "-m", "kg.cli", "build", "--store", str(tmp_path / "s"), "--dask", "local:2",
                           "--workers", "2"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "either --dask or --workers" in done.stderr
