"""Exports: Gephi GEXF validated by jing, round trips through readers, and hostile text."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date

import networkx as nx
import pytest
import rdflib
from rdflib.compare import graph_diff, to_isomorphic

from kg import export, lookup, network
from kg.build import claim_triples, document_graph, graph_iri
from kg.model import Claim, Document, Figure, Source, Span, TimeScope
from kg.ontology import Gazetteer
from kg.store import GraphStore, to_rdflib

HOSTILE = "ctl:" + "".join(chr(c) for c in range(32)) + " surrogate:\ud800 cdata:]]> lt:< amp:& quote:\" end"


def network_of(store: GraphStore) -> nx.MultiDiGraph:
    view = lookup.GraphView(store)
    docs = {d["file"]: d for d in lookup.documents(store)}
    return network.claim_network(list(view.claims.values()), view.relations, docs, Gazetteer.load().labels)


@pytest.fixture(scope="module")
def seed_network(seed_store):
    return network_of(seed_store)


EDGE_KINDS = {"cites", "says", "about", "appears-in", "corroborates", "conflicts", "changes"}


def jing(schema, path):  # type: ignore[no-untyped-def]
    if shutil.which("jing") is None:
        pytest.skip("jing is not installed (Debian package jing; .ci/run installs it)")
    return subprocess.run(["jing", str(schema), str(path)], capture_output=True, text=True)


@pytest.mark.e2e
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


def test_gexf_with_every_kind_of_edge_validates(tmp_path, shared_dir):
    from datetime import date

    from kg.model import Claim, Figure, Relation, Source, Span, TimeScope

    when = TimeScope("2024", "2024", date(2024, 1, 1), date(2024, 12, 31))
    claims = [Claim(document=f"{name}.txt", kind="figure", start=0, end=5, sentence=Span(0, 20), text="x",
                    figure=Figure(str(value), 0, 5, value, unit="person"), subject_entity="north-korea",
                    measure="north-korea:troop", time=when, sources=(Source("NIS", entity="nis"),))
              for name, value in (("a", 12000), ("b", 12000), ("c", 3000))]
    relations = [Relation("corroborates", claims[0].id, claims[1].id, "same"),
                 Relation("conflicts", claims[0].id, claims[2].id, "disjoint"),
                 Relation("changes", claims[2].id, claims[1].id, "rose", "series")]
    g = network.claim_network(claims, relations, {}, Gazetteer.load().labels)
    path = tmp_path / "all.gexf"
    path.write_bytes(export.gexf(g))
    run = jing(shared_dir / "gexf" / "1.3" / "gexf.rng", path)
    assert run.returncode == 0, run.stdout[:2000]
    assert {d["relation"] for _, _, d in nx.read_gexf(path).edges(data=True)} == EDGE_KINDS


@pytest.mark.e2e
def test_gexf_is_reproducible(seed_network):
    assert export.gexf(seed_network) == export.gexf(seed_network)
    assert b"lastmodifieddate" not in export.gexf(seed_network)


@pytest.mark.e2e
def test_graphml_reads_back(seed_network, tmp_path):
    path = tmp_path / "seeds.graphml"
    path.write_bytes(export.graphml(seed_network))
    back = nx.read_graphml(path)
    assert back.number_of_nodes() == seed_network.number_of_nodes()


@pytest.mark.e2e
def test_turtle_export_is_isomorphic_to_the_store(seed_store):
    exported = rdflib.Graph().parse(data=export.rdf(seed_store, "ttl"), format="turtle")
    union_graph = rdflib.Graph()
    for q in seed_store.quads():
        union_graph.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    iso_a, iso_b = to_isomorphic(exported), to_isomorphic(union_graph)
    if iso_a != iso_b:
        _, only_a, only_b = graph_diff(iso_a, iso_b)
        pytest.fail(f"differs: {len(only_a)} only in the export, {len(only_b)} only in the store")


def hostile_store() -> GraphStore:
    doc = Document(key="h.txt", text=HOSTILE + " 1,200 workers.", sha256="0" * 64, title=HOSTILE,
                   authors=(HOSTILE,), publisher=HOSTILE, published=date(2025, 1, 1))
    start = len(HOSTILE) + 1
    claim = Claim(document="h.txt", kind="figure", start=start, end=start + 5, sentence=Span(0, len(doc.text)),
                  text=doc.text, figure=Figure("1,200", start, start + 5, 1200.0, unit="person"),
                  subject=HOSTILE, measure="any:workers", sources=(Source(HOSTILE, "group"),),
                  time=TimeScope(HOSTILE, "2025", date(2025, 1, 1), date(2025, 12, 31)))
    store = GraphStore.memory()
    store.replace_graph(graph_iri(doc), document_graph(doc, [claim]))
    assert list(claim_triples(claim, doc))
    return store


@pytest.mark.parametrize("fmt, parser", [("ttl", "turtle"), ("nt", "nt"), ("rdfxml", "xml"), ("nq", "nquads"), ("trig", "trig")])
def test_rdf_exports_survive_any_text(fmt, parser):
    store = hostile_store()
    data = export.rdf(store, fmt)
    g = rdflib.Dataset() if parser in ("nquads", "trig") else rdflib.Graph()
    g.parse(data=data, format=parser)
    assert len(g) > 0 if parser not in ("nquads", "trig") else len(list(g.quads())) > 0


def test_network_exports_survive_any_text(tmp_path):
    from xml.etree import ElementTree

    g = network_of(hostile_store())
    for name, data in (("h.gexf", export.gexf(g)), ("h.graphml", export.graphml(g))):
        ElementTree.fromstring(data)  # strict XML parser
        (tmp_path / name).write_bytes(data)
    assert nx.read_gexf(tmp_path / "h.gexf").number_of_nodes() == g.number_of_nodes()
    assert nx.read_graphml(tmp_path / "h.graphml").number_of_nodes() == g.number_of_nodes()


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1+2", "@SUM(A1)", "\t=1", "\r=1"])
def test_csv_cells_cannot_be_formulas(cell):
    data = export.claims_csv([{"id": "x", "text": cell, "figure": cell}]).decode()
    assert f"'{cell.lstrip()}" in data.replace("\r", "") or "'" + cell in data
    assert "\n=" not in data and ",=" not in data


def test_export_to_a_missing_folder_is_one_line_and_a_failure(seed_store, tmp_path):
    from click.testing import CliRunner

    from kg.cli import main

    result = CliRunner().invoke(main, ["export", "--store", seed_store.location, "--format", "csv",
                                       "-o", str(tmp_path / "missing" / "claims.csv")])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert result.stderr.strip().count("\n") == 0 and "No such file or directory" in result.stderr


def test_serving_an_empty_store_without_seeds_says_what_to_do(tmp_path, monkeypatch):
    import uvicorn
    from click.testing import CliRunner

    from api.cli import main

    monkeypatch.chdir(tmp_path)
    served = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: served.append(app))
    result = CliRunner().invoke(main, ["serve", "--store", str(tmp_path / "store")])
    assert result.exit_code == 0 and served, result.output
    assert "kg build PATH" in result.stderr and "POST /documents" in result.stderr


def test_events_and_their_actors_in_the_network(seed_network):
    events = [n for n, d in seed_network.nodes(data=True) if d.get("claim_kind") == "event"]
    assert len(events) > 20
    assert all(seed_network.nodes[n]["event_kind"] or seed_network.nodes[n]["label"] for n in events)
    about = {v for n in events for _, v, k in seed_network.out_edges(n, keys=True) if k == "about"}
    assert "entity:north-korea" in about and "entity:russia" in about


def test_claims_say_who_says_them_in_the_apis_words(seed_network):
    verdicts = {d["verdict"] for _, d in seed_network.nodes(data=True) if d["kind"] == "claim"}
    assert verdicts == {"corroborated", "conflicting", "uncorroborated"}
    says = [(a, b) for a, b, k in seed_network.edges(keys=True) if k == "says"]
    assert says and all(seed_network.nodes[b]["kind"] in ("source", "entity") for _, b in says)
    nis = [a for a, b in says if b == "entity:nis"]
    assert nis and all(seed_network.nodes[a]["kind"] == "claim" for a in nis)
