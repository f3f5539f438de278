"""No data lost: builds killed at random points, repeated builds, readers during a build."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from kg import pipeline
from kg.build import graph_iri_for_key
from kg.config import Settings
from kg.store import GraphStore

from support import ROOT

RUNS = int(os.environ.get("KG_KILL_RUNS", "20"))
ADDED = "\n\nOfficials said on Monday that 4,321 more workers arrived in the region last month.\n"


def graphs(store: GraphStore, keys: list[str]) -> dict[str, frozenset[str]]:
    return {k: frozenset(str(q) for q in store.quads(graph_iri_for_key(k))) for k in keys}


@pytest.fixture(scope="module")
def versions(tmp_path_factory, seeds_dir, nlp):
    """The store with the old seeds; the edited seeds, and with them two documents new to the store;
    each document's graph before and after."""
    base = tmp_path_factory.mktemp("crash")
    old_dir, new_dir = base / "old", base / "new"
    shutil.copytree(seeds_dir, old_dir)
    shutil.copytree(seeds_dir, new_dir)
    for path in new_dir.glob("*.txt"):
        path.write_text(path.read_text(encoding="utf-8") + ADDED, encoding="utf-8")
    keys = sorted(p.name for p in old_dir.glob("*.txt"))
    # The new versions and two documents new to the store.
    grown_dir = base / "grown"
    shutil.copytree(new_dir, grown_dir)
    for n, path in enumerate(sorted(old_dir.glob("*.txt"))[:2]):
        (grown_dir / f"new-{n}.txt").write_text(path.read_text(encoding="utf-8").replace("20", "19"), encoding="utf-8")
    grown_keys = sorted(p.name for p in grown_dir.glob("*.txt"))
    template = base / "template"
    old, _ = _built(template, old_dir, keys, nlp)
    _, final_hash = _built(base / "fresh", new_dir, keys, nlp)
    grown, grown_hash = _built(base / "grown-store", grown_dir, grown_keys, nlp)
    return {"base": base, "new_dir": new_dir, "template": template, "keys": keys, "old": old,
            "final_hash": final_hash, "grown_dir": grown_dir, "grown_keys": grown_keys, "grown": grown,
            "grown_hash": grown_hash}


def _built(store_dir: Path, source: Path, keys: list[str], nlp) -> tuple[dict[str, frozenset[str]], str]:
    """A store built from ``source``: the graphs of the documents ``keys``, and its canonical hash."""
    store = GraphStore.open(store_dir)
    try:
        pipeline.build([source], store, Settings(store=str(store_dir)), nlp=nlp)
        return graphs(store, keys), store.canonical_hash()
    finally:
        store.close()


def build_process(store_dir: Path, source: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "build", "--no-progress", "--store", str(store_dir), str(source)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


def test_killed_builds_leave_every_document_whole(versions, nlp):
    """A document the store held is its old or its new version; a new one is absent or whole."""
    # How long a whole build takes here, so the kills land all through it.
    timing_dir = versions["base"] / "timing"
    shutil.copytree(versions["template"], timing_dir)
    started = time.monotonic()
    assert build_process(timing_dir, versions["grown_dir"]).wait(timeout=300) == 0
    duration = time.monotonic() - started
    rng = random.Random(20)
    outcomes = {"old": 0, "new": 0}
    before = {key: versions["old"].get(key, frozenset()) for key in versions["grown_keys"]}
    for run in range(RUNS):
        store_dir = versions["base"] / f"run{run}"
        shutil.copytree(versions["template"], store_dir)
        proc = build_process(store_dir, versions["grown_dir"])
        time.sleep(rng.uniform(0.2, duration))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        store = GraphStore.open(store_dir)
        try:
            now = graphs(store, versions["grown_keys"])
            for key in versions["grown_keys"]:
                state = "old" if now[key] == before[key] else "new" if now[key] == versions["grown"][key] else None
                assert state, f"run {run}: {key} is neither its old nor its new version"
                outcomes[state] += 1
        finally:
            store.close()
        # The next build finishes the job: the same graph as a build from scratch.
        store = GraphStore.open(store_dir)
        pipeline.build([versions["grown_dir"]], store, Settings(store=str(store_dir)), nlp=nlp)
        assert store.canonical_hash() == versions["grown_hash"], f"run {run}: the rebuild differs"
        store.close()
        shutil.rmtree(store_dir)
    if RUNS >= 10:
        assert outcomes["old"] and outcomes["new"], f"the kills should land before and after writes: {outcomes}"


def test_three_rebuilds_leave_the_canonical_graph_unchanged(versions, nlp, tmp_path):
    store = GraphStore.open(tmp_path / "s")
    settings = Settings(store=str(tmp_path / "s"))
    hashes = []
    for _ in range(3):
        pipeline.build([versions["new_dir"]], store, settings, nlp=nlp)
        hashes.append(store.canonical_hash())
    assert hashes == [versions["final_hash"]] * 3
    store.close()


def test_readers_during_a_build_see_consistent_results(versions, nlp, tmp_path):
    path = tmp_path / "s"
    shutil.copytree(versions["template"], path)
    store = GraphStore.open(path)
    errors: list[BaseException] = []
    seen: set[int] = set()
    stop = threading.Event()

    def reader() -> None:
        while not stop.is_set():
            try:
                rows = store.select("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a cg:Document }")
                seen.add(int(rows[0]["n"]))
                per_doc = store.select("SELECT ?d (COUNT(?s) AS ?n) WHERE { ?d a cg:Document ; cg:sha256 ?s } GROUP BY ?d")
                assert all(r["n"] == 1 for r in per_doc), per_doc
            except BaseException as exc:  # noqa: BLE001 - collected and reported by the test
                errors.append(exc)
                return

    threads = [threading.Thread(target=reader) for _ in range(8)]
    for t in threads:
        t.start()
    try:
        pipeline.build([versions["new_dir"]], store, Settings(store=str(path)), nlp=nlp)
    finally:
        stop.set()
        for t in threads:
            t.join(10)
    store.close()
    assert errors == []
    assert seen == {5}, "every reader always sees exactly the five documents, each in one version"


def test_verdicts_lost_in_a_crash_are_recomputed_when_the_service_starts(seed_store, tmp_path, monkeypatch):
    """A server killed while writing verdicts leaves documents whole and verdicts gone; `kg serve` restores them."""
    import uvicorn
    from click.testing import CliRunner
    from rdflib import URIRef

    from api.cli import main
    from kg import build as rdf

    path = tmp_path / "store"
    seed_store.backup(path)
    store = GraphStore.open(path)
    whole = store.canonical_hash()
    verdicts = int(store.select(pipeline.queries.COUNT_VERDICTS)[0]["n"])
    for graph in store.graphs():
        if graph.startswith(str(rdf.ID[rdf.VERDICTS_GRAPHS])) or graph == str(rdf.RECONCILIATION_GRAPH):
            store.remove_graph(URIRef(graph))
    assert store.canonical_hash() != whole and not int(store.select(pipeline.queries.COUNT_VERDICTS)[0]["n"])
    store.close()
    served = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: served.append(app))
    result = CliRunner().invoke(main, ["serve", "--store", str(path)])
    assert result.exit_code == 0, result.output
    assert served, "the service was started"
    store = GraphStore.open(path, read_only=True)
    assert verdicts > 0 and int(store.select(pipeline.queries.COUNT_VERDICTS)[0]["n"]) == verdicts
    assert store.canonical_hash() == whole
