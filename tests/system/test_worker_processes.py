"""Worker processes and a local Dask cluster build the same graph as one process."""

from __future__ import annotations

import os

from kg import pipeline, reconcile, workers
from kg.config import Settings
from kg.store import GraphStore
from kg.workers import DaskCluster, ProcessPool, open_workers


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


def test_worker_pool_map_keeps_the_order_of_its_items(tmp_path):
    pool = ProcessPool(Settings(store=str(tmp_path / "s")), 2)
    try:
        items = [(i,) * w for i, w in enumerate([40, 1, 1, 1, 30, 1, 2, 2, 1, 1, 25, 1] * 3)]
        assert list(pool.map(len, items)) == [len(x) for x in items]
    finally:
        pool.close()


def test_worker_pool_map_holds_a_few_results_unread(tmp_path, monkeypatch):
    """However many items, a pool's map submits a few light tasks ahead of what is read."""
    monkeypatch.setattr(workers, "TASK_WEIGHT", 3)
    pool = ProcessPool(Settings(store=str(tmp_path / "s")), 1)
    try:
        submitted = []
        submit = pool.pool.submit

        def counted(*args):
            submitted.append(args)
            return submit(*args)

        monkeypatch.setattr(pool.pool, "submit", counted)
        items = [(i,) * (1 + i % 3) for i in range(60)]
        results = pool.map(len, items)
        first = next(results)
        assert len(submitted) == workers.IN_FLIGHT and all(sum(map(len, args[2])) <= 3 for args in submitted)
        assert [first, *results] == [len(x) for x in items]
    finally:
        pool.close()


def test_worker_processes_build_the_same_graph(seeds_copy, seed_store, tmp_path):
    settings = Settings(store=str(tmp_path / "store"), batch_size=2)
    store = GraphStore.open(tmp_path / "store")
    with open_workers(settings, processes=2) as workers:
        report = pipeline.build([seeds_copy], store, settings, workers=workers)
    assert len(report.added) == 5 and not report.failed
    assert store.canonical_hash() == seed_store.canonical_hash()
    store.close()


def test_local_dask_cluster_is_private_and_uses_the_shipped_settings(tmp_path, monkeypatch):
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
        # However many items, a few light tasks are submitted ahead of what is read.
        submitted = []
        submit = cluster.client.submit

        def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
            submitted.append(args)
            return submit(*args, **kwargs)

        monkeypatch.setattr(cluster.client, "submit", counted)
        monkeypatch.setattr(workers, "TASK_WEIGHT", 3)
        items = [(i,) * (1 + i % 3) for i in range(60)]
        results = cluster.map(len, items)
        first = next(results)
        assert len(submitted) == 2 * workers.IN_FLIGHT and all(sum(map(len, args[2])) <= 3 for args in submitted)
        assert [first, *results] == [len(x) for x in items]
    finally:
        cluster.close()
