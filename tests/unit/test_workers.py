"""Builds in worker processes and on Dask give the graph a single process gives."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kg.config import Settings
from kg.errors import ConfigError
from kg.workers import DaskCluster, chunks

from support import ROOT


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


@pytest.mark.parametrize("address", ["local:0", "local:two"])
def test_bad_cluster_addresses_are_refused(address, tmp_path):
    with pytest.raises(ConfigError, match="local:2"):
        DaskCluster(Settings(store=str(tmp_path / "s")), address)


def test_dask_and_workers_together_are_refused(tmp_path):
    done = subprocess.run([sys.executable, "-m", "kg.cli", "build", "--store", str(tmp_path / "s"), "--dask", "local:2",
                           "--workers", "2"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "either --dask or --workers" in done.stderr
