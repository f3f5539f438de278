"""Exports: Gephi GEXF validated by jing, round trips through readers, and hostile text."""

from __future__ import annotations

import io
from datetime import date

import networkx as nx
import pytest
import rdflib

from kg import export, network
from kg.build import claim_triples, document_graph, graph_iri
from kg.model import Claim, Document, Figure, Source, Span, TimeScope
from kg.ontology import Gazetteer
from kg.store import GraphStore

from support import EDGE_KINDS, jing, network_of

HOSTILE = "ctl:" + "".join(chr(c) for c in range(32)) + " surrogate:\ud800 cdata:]]> lt:< amp:& quote:\" end"


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
    out = io.BytesIO()
    export.write_claims_csv([{"id": "x", "text": cell, "figure": cell}], out)
    data = out.getvalue().decode()
    assert f"'{cell.lstrip()}" in data.replace("\r", "") or "'" + cell in data
    assert "\n=" not in data and ",=" not in data


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
