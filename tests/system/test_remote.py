"""The graph in a SPARQL server (Virtuoso, started privately on loopback), built on Dask.

`.ci/run` installs Virtuoso (Debian's virtuoso-opensource-7-bin); without it these tests are
skipped and say so.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from kg import refresh
from kg.backend import open_store
from kg.config import Settings
from kg.errors import ConfigError, StoreError

from support import ROOT, SEEDS, serving

spec = importlib.util.spec_from_file_location("virtuoso", ROOT / "bench" / "virtuoso.py")
virtuoso = importlib.util.module_from_spec(spec)
spec.loader.exec_module(virtuoso)  # type: ignore[union-attr]

COUNTS = [
    "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c schema:appearance ?d }",
    "SELECT (COUNT(*) AS ?n) WHERE { ?a cg:conflictsWith ?b }",
    "SELECT (COUNT(*) AS ?n) WHERE { ?a cg:corroborates ?b }",
    "SELECT ?file (COUNT(?c) AS ?n) WHERE { ?c schema:appearance ?d . ?d cg:fileName ?file } GROUP BY ?file ORDER BY ?file",
]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if virtuoso.binary() is None:
        pytest.skip("virtuoso-t is not installed; .ci/run installs it (apt-get install virtuoso-opensource-7-bin)")
    with virtuoso.Virtuoso(tmp_path_factory.mktemp("virtuoso")) as running:
        yield running


def env_for(server, **extra: str) -> dict[str, str]:
    return {**os.environ, "KG_STORE": server.endpoint, "KG_STORE_USER": server.user,
            "KG_STORE_PASSWORD": server.password, **extra}


def kg(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=600)


@pytest.fixture(scope="module")
def built(server):
    done = kg("build", str(SEEDS), "--dask", "local:2", "--no-progress", env=env_for(server))
    assert done.returncode == 0, done.stderr[-3000:]
    assert "5 added" in done.stderr
    return server


@pytest.fixture(scope="module")
def embedded(seed_store):
    with TestClient(create_app(Settings(store=seed_store.location), store=seed_store)) as client:
        yield client


def test_dask_build_into_virtuoso_is_the_embedded_graph(built, seed_store):
    remote = open_store(Settings(store=built.endpoint, store_user=built.user, store_password=built.password))
    try:
        assert remote.canonical_hash() == seed_store.canonical_hash()
        assert len(remote) == len(seed_store)
    finally:
        remote.close()


def test_service_on_virtuoso_gives_the_same_answers(built, embedded, tmp_path):
    import httpx

    with serving(env_for(built), tmp_path / "serve.log") as base:
        claims = embedded.get("/claims", params={"limit": 1000}).json()
        assert claims["total"] > 50
        assert httpx.get(f"{base}/claims", params={"limit": 1000}).json() == claims
        for path in ["/conflicts", "/corroborations", "/documents", "/entities", "/health"]:
            assert httpx.get(base + path).json() == embedded.get(path).json(), path
        for claim in claims["items"]:
            path = f"/claims/{claim['id']}/sources"
            assert httpx.get(base + path).json() == embedded.get(path).json(), path
        for query in COUNTS:
            params, accept = {"query": query}, {"Accept": "application/sparql-results+json"}
            ours = httpx.get(f"{base}/sparql", params=params, headers=accept)
            assert ours.status_code == 200, ours.text
            assert ours.json()["results"] == embedded.get("/sparql", params=params, headers=accept).json()["results"]
        refused = httpx.get(f"{base}/sparql", params={"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"})
        assert refused.status_code == 400
        # The same network; its verdicts' edges come in the order each engine reads them.
        assert _network(httpx.get(f"{base}/export/gexf").content) == _network(embedded.get("/export/gexf").content)


def _network(gexf: bytes) -> tuple[list[tuple[str, list[tuple[str, str]]]], list[tuple[str, ...]]]:
    import io

    import networkx as nx

    g = nx.read_gexf(io.BytesIO(gexf))
    nodes = sorted((str(n), sorted((str(k), str(v)) for k, v in d.items())) for n, d in g.nodes(data=True))
    edges = sorted(tuple(map(str, (a, b, d.get("relation"), d.get("basis"), d.get("reason"))))
                   for a, b, d in g.edges(data=True))
    return nodes, edges


def test_rebuild_leaves_the_remote_graph_unchanged(built, tmp_path):
    settings = Settings(store=built.endpoint, store_user=built.user, store_password=built.password)
    remote = open_store(settings)
    before = remote.canonical_hash()
    remote.close()
    again = kg("build", str(SEEDS), "--no-progress", env=env_for(built))
    assert again.returncode == 0 and "5 unchanged" in again.stderr
    remote = open_store(settings)
    assert remote.canonical_hash() == before
    remote.close()


def test_removing_a_document_and_adding_it_back_on_the_server_gives_the_same_graph(built, seed_store):
    """Both writes change the verdicts, lists and indexes they touch in place, by SPARQL Update."""
    settings = Settings(store=built.endpoint, store_user=built.user, store_password=built.password)
    name = sorted(SEEDS.glob("*.txt"))[2].name
    gone = kg("remove", name, env=env_for(built))
    assert gone.returncode == 0 and "1 removed" in gone.stderr, gone.stderr[-3000:]
    remote = open_store(settings)
    assert remote.canonical_hash() != seed_store.canonical_hash()
    assert refresh.plan(remote, settings, [name]) is not None, "the server's derived graphs are kept"
    remote.close()
    back = kg("build", str(SEEDS), "--no-progress", env=env_for(built))
    assert back.returncode == 0 and "1 added" in back.stderr, back.stderr[-3000:]
    remote = open_store(settings)
    assert remote.canonical_hash() == seed_store.canonical_hash()
    remote.close()


def test_wrong_password_is_a_clear_error_and_changes_nothing(built, tmp_path):
    source = tmp_path / "docs"
    source.mkdir()
    (source / "new.txt").write_text("Arrivals\n\nOfficials said about 1,200 workers arrived in March 2024.\n")
    done = kg("build", str(source), "--no-progress", env=env_for(built, KG_STORE_PASSWORD="wrong"))
    assert done.returncode != 0
    assert "KG_STORE_PASSWORD" in done.stderr and "Traceback" not in done.stderr
    remote = open_store(Settings(store=built.endpoint))
    assert not any("new.txt" == row["file"] for row in remote.select("SELECT ?file WHERE { ?d cg:fileName ?file }"))
    remote.close()


def test_credentials_in_the_url_are_refused(built):
    url = built.endpoint.replace("http://", "http://dba:dba@")
    with pytest.raises(ConfigError, match="KG_STORE_USER"):
        open_store(Settings(store=url))


def test_unreachable_server_is_a_clear_error(tmp_path):
    port = virtuoso.free_port()
    with pytest.raises(StoreError, match="cannot be reached"):
        open_store(Settings(store=f"http://127.0.0.1:{port}/sparql"))
    done = kg("claims", env={**os.environ, "KG_STORE": f"http://127.0.0.1:{port}/sparql"})
    assert done.returncode != 0 and "cannot be reached" in done.stderr and "Traceback" not in done.stderr


def test_answers_cut_by_the_server_are_an_error_not_a_short_answer(tmp_path):
    if virtuoso.binary() is None:
        pytest.skip("virtuoso-t is not installed; .ci/run installs it (apt-get install virtuoso-opensource-7-bin)")
    with virtuoso.Virtuoso(tmp_path / "small", max_rows=50) as small:
        settings = Settings(store=small.endpoint, store_user=small.user, store_password=small.password)
        done = kg("build", str(SEEDS), "--no-progress", env=env_for(small))
        assert done.returncode != 0 and "ResultSetMaxRows" in done.stderr and "Traceback" not in done.stderr
        store = open_store(settings)
        with pytest.raises(StoreError, match="ResultSetMaxRows"):
            store.select("SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
        assert len(store.select("SELECT ?s WHERE { ?s ?p ?o } LIMIT 5")) == 5
        store.close()
