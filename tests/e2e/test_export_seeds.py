"""Exports of the seed graph: GEXF (validated with jing), GraphML, Turtle, and the CLI's errors."""

from __future__ import annotations

import csv
import io

import networkx as nx
import pytest
import rdflib
from rdflib.compare import graph_diff, to_isomorphic

from kg import export, lookup, network, readback
from kg.store import to_rdflib

from support import EDGE_KINDS, forbid_whole_reads, jing, network_of


@pytest.fixture(scope="module")
def seed_network(seed_store):
    return network_of(seed_store)


def test_gexf_of_the_seed_graph_validates_and_reads_back(seed_network, tmp_path, shared_dir):
    path = tmp_path / "seeds.gexf"
    path.write_bytes(export.gexf(seed_network))
    run = jing(shared_dir / "gexf" / "1.3" / "gexf.rng", path)
    assert run.returncode == 0, run.stdout[:2000]
    back = nx.read_gexf(path)
    assert (back.number_of_nodes(), back.number_of_edges()) == (seed_network.number_of_nodes(), seed_network.number_of_edges())
    kinds = {d["kind"] for _, d in back.nodes(data=True)}
    assert kinds == {"claim", "document", "source", "entity"}
    relations = {d["relation"] for _, _, d in back.edges(data=True)}
    assert {"cites", "says", "about", "appears-in", "corroborates"} <= relations <= EDGE_KINDS
    assert any("start" in d for _, d in back.nodes(data=True)), "documents carry their dates for the timeline"


def _streamed(store, fmt: str) -> bytes:
    out = io.BytesIO()
    lookup.write_export(store, fmt, out)
    return out.getvalue()


def _edges(g: nx.MultiDiGraph) -> list[tuple[str, str, str, str]]:
    return sorted((str(a), str(b), str(d["relation"]), str(d.get("basis", ""))) for a, b, d in g.edges(data=True))


def test_the_exports_written_as_the_store_is_read_are_the_whole_views(seed_store, seed_network, tmp_path,
                                                                       shared_dir, monkeypatch):
    monkeypatch.setattr(network, "SLICE", 7)  # many slices, and verdicts between them
    monkeypatch.setattr(lookup, "SLICE", 7)
    path = tmp_path / "streamed.gexf"
    path.write_bytes(_streamed(seed_store, "gexf"))
    run = jing(shared_dir / "gexf" / "1.3" / "gexf.rng", path)
    assert run.returncode == 0, run.stdout[:2000]
    for back in (nx.read_gexf(path), nx.read_graphml(io.BytesIO(_streamed(seed_store, "graphml")))):
        assert _edges(back) == _edges(seed_network) and back.number_of_nodes() == seed_network.number_of_nodes()
        for n, attrs in seed_network.nodes(data=True):
            got = back.nodes[n]
            assert (got["label"], got["kind"], float(got["size"])) == (attrs["label"], attrs["kind"], attrs["size"]), n
            assert all(str(got.get(k, "")) == str(attrs.get(k, "")) for k in ("verdict", "measure", "time", "event_type")), n
    view = lookup.GraphView(seed_store)
    rows = list(csv.reader(io.StringIO(_streamed(seed_store, "csv").decode("utf-8-sig"))))
    assert [r[0] for r in rows[1:]] == [r["id"] for r in sorted(view.records.values(), key=lambda r: (r["document"], r["start"]))]


def test_claims_drawn_from_their_records_are_drawn_as_from_the_claims(seed_store):
    sketches = list(readback.iter_sketches(seed_store))
    assert sketches == [readback.Sketch.of(c) for c in readback.iter_claims(seed_store)]
    assert any(s.kind == "event" and s.entities for s in sketches) and any(s.sources for s in sketches)


def test_a_service_exports_without_reading_every_claim(seed_store, monkeypatch):
    from fastapi.testclient import TestClient

    from api.main import create_app
    from kg.config import Settings

    expected = {fmt: _streamed(seed_store, fmt) for fmt in ("gexf", "graphml", "csv")}
    forbid_whole_reads(monkeypatch)
    app = create_app(Settings(store=seed_store.location), store=seed_store)
    with TestClient(app) as client:
        for fmt, data in expected.items():
            answer = client.get(f"/export/{fmt}")
            assert answer.status_code == 200 and answer.content == data, fmt


def test_gexf_is_reproducible(seed_network):
    assert export.gexf(seed_network) == export.gexf(seed_network)
    assert b"lastmodifieddate" not in export.gexf(seed_network)


def test_graphml_reads_back(seed_network, tmp_path):
    path = tmp_path / "seeds.graphml"
    path.write_bytes(export.graphml(seed_network))
    back = nx.read_graphml(path)
    assert back.number_of_nodes() == seed_network.number_of_nodes()


def test_turtle_export_is_isomorphic_to_the_store(seed_store):
    exported = rdflib.Graph().parse(data=export.rdf(seed_store, "ttl"), format="turtle")
    union_graph = rdflib.Graph()
    for q in seed_store.quads():
        union_graph.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    iso_a, iso_b = to_isomorphic(exported), to_isomorphic(union_graph)
    if iso_a != iso_b:
        _, only_a, only_b = graph_diff(iso_a, iso_b)
        pytest.fail(f"differs: {len(only_a)} only in the export, {len(only_b)} only in the store")


def test_export_to_a_missing_folder_is_one_line_and_a_failure(seed_store, tmp_path):
    from click.testing import CliRunner

    from kg.cli import main

    result = CliRunner().invoke(main, ["export", "--store", seed_store.location, "--format", "csv",
                                       "-o", str(tmp_path / "missing" / "claims.csv")])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert result.stderr.strip().count("\n") == 0 and "No such file or directory" in result.stderr


def test_events_and_their_actors_in_the_network(seed_network):
    events = [n for n, d in seed_network.nodes(data=True) if d.get("claim_kind") == "event"]
    assert len(events) > 20
    assert all(seed_network.nodes[n]["event_type"] or seed_network.nodes[n]["label"] for n in events)
    about = {v for n in events for _, v, k in seed_network.out_edges(n, keys=True) if k == "about"}
    assert "entity:north-korea" in about and "entity:russia" in about


def test_claims_say_who_says_them_in_the_apis_words(seed_network):
    verdicts = {d["verdict"] for _, d in seed_network.nodes(data=True) if d["kind"] == "claim"}
    assert verdicts == {"corroborated", "conflicting", "uncorroborated"}
    says = [(a, b) for a, b, k in seed_network.edges(keys=True) if k == "says"]
    assert says and all(seed_network.nodes[b]["kind"] in ("source", "entity") for _, b in says)
    nis = [a for a, b in says if b == "entity:nis"]
    assert nis and all(seed_network.nodes[a]["kind"] == "claim" for a in nis)


def test_rdf_exports_are_written_as_read_with_each_triple_once(seed_store, tmp_path):
    from click.testing import CliRunner
    from fastapi.testclient import TestClient

    from api.main import create_app
    from kg.build import ID
    from kg.cli import main
    from kg.config import Settings
    from kg.store import GraphStore

    copy = GraphStore.memory()
    copy.replace_graph_text(ID["graph/all"], export.rdf(seed_store, "nt").decode("utf-8"))
    some = next(iter(copy.quads()))
    # A curator repeats, in a graph of their own, a triple the pipeline wrote.
    copy.replace_graph(ID["curation/notes"], [(to_rdflib(some.subject), to_rdflib(some.predicate),
                                                 to_rdflib(some.object))])
    lines = [line for line in export.rdf(copy, "nt").decode("utf-8").splitlines() if line]
    assert len(lines) == len(set(lines)) == len({q.triple for q in copy.quads()})
    out = tmp_path / "seeds.nt"
    result = CliRunner().invoke(main, ["export", "--store", seed_store.location, "--format", "nt", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == export.rdf(seed_store, "nt")
    app = create_app(Settings(store=seed_store.location), store=seed_store)
    with TestClient(app) as client:
        answer = client.get("/export/nq")
        assert answer.status_code == 200 and answer.content == export.rdf(seed_store, "nq")
