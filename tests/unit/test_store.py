"""The embedded store: whole-graph replacement, locking, escaping."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from rdflib import BNode, Literal, URIRef

from kg import lists, queries
from kg.build import words_of
from kg.errors import QueryError, StoreError
from kg.model import content_id
from kg.store import GraphStore
from kg.terms import ntriples
from kg.vocab import OA

EX = "https://example.org/"
G1, G2 = URIRef(EX + "g1"), URIRef(EX + "g2")
S, P = URIRef(EX + "s"), URIRef(EX + "p")


def test_replace_graph_replaces_only_that_graph():
    store = GraphStore.memory()
    store.replace_graph(G1, [(S, P, Literal("old")), (S, P, Literal("older"))])
    store.replace_graph(G2, [(S, P, Literal("other"))])
    store.replace_graph(G1, [(S, P, Literal("new"))])
    rows = store.select("SELECT ?g ?o WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g ?o")
    assert rows == [{"g": str(G1), "o": "new"}, {"g": str(G2), "o": "other"}]


@pytest.mark.parametrize("bulk", [False, True])
def test_graphs_are_added_whole_however_the_load_is_split(monkeypatch, bulk):
    """A bulk load is split into loads of a bounded number of quads; every triple still lands
    in its own graph."""
    monkeypatch.setattr("kg.store.BULK_LOAD_LINES", 3)
    store = GraphStore.memory()
    bodies = {g: ntriples([(S, P, Literal(f"{g[-2:]} {i}")) for i in range(n)]) for g, n in ((G1, 5), (G2, 4))}
    store.add_to_graphs(bodies, bulk=bulk)
    rows = store.select("SELECT ?g ?o WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g ?o")
    assert rows == [{"g": str(g), "o": f"{g[-2:]} {i}"} for g, n in ((G1, 5), (G2, 4)) for i in range(n)]


class _Recording:
    """An engine that remembers each update it is sent."""

    def __init__(self, inner, updates: list[str]) -> None:  # type: ignore[no-untyped-def]
        self.inner, self.updates = inner, updates

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self.inner, name)

    def update(self, text: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        self.updates.append(text)
        return self.inner.update(text, *args, **kwargs)


def test_graphs_are_removed_whole_in_transactions_of_bounded_size(monkeypatch):
    """Removing graphs never removes more than ``QUADS_PER_REMOVAL`` quads in one transaction
    (but for a graph with blank nodes, dropped whole): big graphs go a piece at a time, small ones
    together, and the other graphs stay as they were."""
    monkeypatch.setattr("kg.store.QUADS_PER_REMOVAL", 3)
    store = GraphStore.memory()
    G3, G4, G5 = (URIRef(EX + g) for g in ("g3", "g4", "g5"))
    sizes = {G1: 7, G2: 2, G3: 1, G5: 4}
    bodies = {g: ntriples([(S, P, Literal(f"{g[-2:]} {i} \" }} .\n"))for i in range(n)]) for g, n in sizes.items()}
    bodies[G4] = ntriples([(BNode(), P, Literal("blank")), (S, P, Literal("named"))] * 3)
    store.add_to_graphs(bodies)
    updates: list[str] = []
    monkeypatch.setattr(store, "_inner", _Recording(store._inner, updates))
    store.remove_graphs([G1, G2, G3, G4])
    assert store.graphs() == [str(G5)]
    assert len(store.select("SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } }")) == 4
    deletes = [u for u in updates if u.startswith("DELETE DATA")]
    assert deletes and all(u.count(" .\n") == 3 for u in deletes)
    # What is left of each graph is dropped with others while they hold no more than 3 quads.
    drops = [u.count("DROP SILENT GRAPH") for u in updates if u.startswith("DROP")]
    assert sum(drops) == 4 and max(drops) >= 2


@pytest.mark.parametrize(
    "value",
    ['quote " and triple """', "brace } and { GRAPH <x> { }", "line\nbreak\ttab\r", "\u0001\u0007\u001f",
     "emoji \U0001F600 and \u2028", "back\\slash", "> <script> & ]]>"],
)
def test_any_literal_survives_a_write(value):
    store = GraphStore.memory()
    store.replace_graph(G1, [(S, P, Literal(value))])
    assert store.select("SELECT ?o WHERE { ?s ?p ?o }") == [{"o": value}]


def test_n_triples_carry_every_kind_of_term_and_refuse_a_broken_iri():
    from rdflib import BNode, Graph
    from rdflib.namespace import XSD

    triples = [(S, P, Literal("Ära", lang="de")), (S, P, Literal("1.5", datatype=XSD.decimal)), (S, P, Literal(True)),
               (BNode("b1"), P, URIRef(EX + "o?q=1#f")), (S, P, Literal('say "hi"\n'))]
    text = ntriples(triples)
    read = set(Graph().parse(data=text, format="nt"))
    assert text.count("\n") == len(triples) and "_:b1 <" in text  # a parser renames blank nodes
    assert {t for t in read if not isinstance(t[0], BNode)} == set(triples[:3] + triples[4:])
    with pytest.raises(ValueError):
        ntriples([(S, P, URIRef(EX + "a b"))])


def test_bindings_are_values_not_text():
    store = GraphStore.memory()
    store.replace_graph(G1, [(S, P, Literal("x"))])
    hostile = Literal('x" } UNION { ?s ?p ?o')
    assert store.select("SELECT ?s ?v WHERE { ?s ?p ?v }", {"v": hostile}) == []
    assert store.select("SELECT ?s ?v WHERE { ?s ?p ?v }", {"v": Literal("x")}) == [{"s": str(S), "v": "x"}]


@pytest.mark.parametrize("value", ['quote " and triple """', 'x" } UNION { ?s ?p ?o', "line\nbreak", "back\\slash",
                                   "> <script> & ]]>", "\u0001 and \U0001F600"])
def test_values_bound_in_a_block_are_values_not_text(value):
    store = GraphStore.memory()
    store.replace_graph(G1, [(S, P, Literal(value)), (S, P, Literal("other"))])
    query = "SELECT ?s ?v WHERE { ?s ?p ?v }"
    assert store.select_each(query, "v", [Literal(value)]) == [{"s": str(S), "v": value}]
    assert store.select_each(query, "v", [Literal(value + "!")]) == []  # only what is bound, never more


def test_values_are_bound_in_as_many_queries_as_it_takes():
    store = GraphStore.memory()
    many = [URIRef(f"{EX}s{i}") for i in range(1_234)]
    store.replace_graph(G1, [(s, P, Literal(i)) for i, s in enumerate(many)])
    rows = store.select_each("SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY ?o", "s", many[::-1])
    assert sorted(r["o"] for r in rows) == list(range(1_234))
    with pytest.raises(QueryError):
        store.select_each("ASK { ?s ?p ?o }", "s", many[:1])


def test_texts_of_one_variable_are_read_for_each_value_bound():
    store = GraphStore.memory()
    many = [URIRef(f"{EX}s{i}") for i in range(1_234)]
    store.replace_graph(G1, [(s, P, Literal(f"v{i} \u201cquoted\u201d")) for i, s in enumerate(many)])
    texts = list(store.texts_each("SELECT ?o WHERE { ?s ?p ?o }", "s", many[::-1]))
    assert sorted(texts) == sorted(f"v{i} \u201cquoted\u201d" for i in range(1_234))
    assert list(store.texts_each("SELECT ?s WHERE { ?s ?p ?o }", "s", many[:2])) == [str(many[0]), str(many[1])]
    with pytest.raises(QueryError):
        list(store.texts_each("SELECT ?s ?o WHERE { ?s ?p ?o }", "s", many[:1]))


def test_malformed_query_is_a_query_error():
    with pytest.raises(QueryError, match="malformed SPARQL"):
        GraphStore.memory().select("SELECT WHERE {")


def test_a_second_process_gets_a_clear_error_not_a_hang(tmp_path: Path):
    store = GraphStore.open(tmp_path / "s")
    try:
        run = subprocess.run(
            [sys.executable, "-m", "kg.cli", "build", "--store", str(tmp_path / "s"), str(tmp_path)],
            capture_output=True, text=True, timeout=60,
        )
    finally:
        store.close()
    assert run.returncode == 1
    assert "in use by another process" in run.stderr


def test_read_only_open_of_a_missing_store_says_how_to_build(tmp_path: Path):
    with pytest.raises(StoreError, match="kg build --store"):
        GraphStore.open(tmp_path / "none", read_only=True)


def test_canonical_hash_ignores_write_order():
    a, b = GraphStore.memory(), GraphStore.memory()
    a.replace_graph(G1, [(S, P, Literal(1)), (S, P, Literal(2))])
    a.replace_graph(G2, [(S, P, Literal(3))])
    b.replace_graph(G2, [(S, P, Literal(3))])
    b.replace_graph(G1, [(S, P, Literal(2)), (S, P, Literal(1))])
    assert a.canonical_hash() == b.canonical_hash()


def test_a_store_opened_read_only_closes_cleanly(tmp_path):
    writer = GraphStore.open(tmp_path / "s")
    writer.replace_graph(URIRef("https://example.org/g"), [(URIRef("https://example.org/s"),
                                                             URIRef("https://example.org/p"), Literal(1))])
    writer.close()
    reader = GraphStore.open(tmp_path / "s", read_only=True)
    assert len(reader) == 1
    reader.close()


@pytest.mark.parametrize("text", [
    "Workers struck at the port.", "“Workers” struck — again…", "No one struck.", "Die Straße war leer.",
    "The ﬁrst workers’ strike", "ＷＯＲＫＥＲＳ in full width", "Workers\u00a0paid £5 and €7", "Çalışan workers",
    "µ-workers", "co-workers", "workersworkers", "İstanbul workers", "tax ½ workers²",
])
def test_the_sentences_that_may_hold_a_word_hold_every_sentence_that_does(text):
    """The query's prefilter keeps every sentence whose words (case-folded) hold the word."""
    store = GraphStore.memory()
    store.replace_graph(G1, [(URIRef(EX + "q"), OA.exact, Literal(text))])
    for word in {*words_of(text), "workers", "strasse", "first", "istanbul"}:
        kept = store.select_each(queries.QUOTES_WITH, "word", [Literal(word)])
        if word in words_of(text):
            assert kept, (word, text)


def test_the_characters_the_word_prefilter_passes_over_are_no_part_of_a_word():
    """Beyond ASCII, the sentences the prefilter may leave out have only characters that are their
    own lower case and case folding and that no word holds."""
    body = re.search(r'REGEX\(\?text, "\[\^(.*?)\]"\)', queries.QUOTES_WITH).group(1)
    ranges = re.findall(r"\\u([0-9A-F]{4})(?:-\\u([0-9A-F]{4}))?", body)
    assert "".join(f"\\u{a}" + (f"-\\u{b}" if b else "") for a, b in ranges) == body
    for a, b in ranges:
        for code in range(int(a, 16), int(b or a, 16) + 1):
            c = chr(code)
            if code >= 0x80:
                assert not re.match(r"\w", c) and c.casefold() == c.lower() == c, hex(code)


def test_a_page_of_a_list_reads_the_blocks_that_hold_it(tmp_path):
    """Lists longer than a block: every window, at and across the blocks' edges, is
    the window of the sorted ids, with the list's size."""
    ids = [content_id("verdict", n) for n in range(2 * lists.LIST_BLOCK + 37)]
    store = GraphStore.open(tmp_path / "s")
    ordered = sorted(ids)
    store.replace_graph(lists.graph("conflicts"), lists.triples("conflicts", ordered))
    edge = len(lists.blocks_of(ordered)[0])  # where the second block begins
    assert 0 < edge < len(ids)
    for offset, limit in [(0, 1), (0, edge), (edge - 1, 2), (edge, edge), (edge - 5, lists.LIST_BLOCK + 10),
                          (0, len(ids)), (len(ids) - 1, 50), (len(ids), 10), (len(ids) + 5, 10), (3, 0)]:
        assert lists.page(store, "conflicts", offset, limit) == (len(ids), ordered[offset : offset + limit])
    assert lists.page(store, "corroborates", 0, 10) is None  # a store without that list


def test_a_claims_record_reads_back_every_field():
    from datetime import date

    from kg.model import Actor, Claim, Figure, Frame, Source, Span, TimeScope

    claim = Claim(
        document="flood.txt", kind="figure", start=40, end=52, sentence=Span(10, 90),
        text="Officials said the river, \u201cnow 3.2 metres\u201d high, rose 40% in a week.",
        figure=Figure("3.2 metres", 40, 52, 3.2, low=3.0, high=3.5, qualifier="approx", unit="m", confidence=0.75,
                      repaired=True),
        subject="the river", subject_entity="danube", measure="any:level:m",
        time=TimeScope("last week", "2025-03-03/2025-03-09", date(2025, 3, 3), date(2025, 3, 9), projected=True),
        place="vienna", sources=(Source("Officials", "group", None, "officials said"), Source("Reuters", "publisher", "reuters")),
        modality="projected",
        frame=Frame("the river", "river", ("swollen", "main"), "rise to", "danube", "danube", "Vienna", "week", True,
                    "flood control", None),
        trigger="rise", event_type="disaster", participants=("danube", "vienna"),
        actors=(Actor("agent", "the river", None, False), Actor("patient", "Vienna", "vienna", True)),
        figures=("0123456789abcdef",),
    )
    assert Claim.from_json(claim.to_json()) == claim
    assert Claim.from_json(claim.to_json()).id == claim.id
    with_more = claim.to_json()[:-1] + ',"written_by_a_later_version":1}'
    assert Claim.from_json(with_more) == claim  # names a later version adds are ignored
    odd = replace(claim, figure=replace(claim.figure, value=float("inf")), subject="lone \ud800 surrogate")
    assert Claim.from_json(odd.to_json()) == odd  # what the standard library writes, it reads back


def test_a_verdicts_record_reads_back_every_field():
    from kg.model import Relation

    relation = Relation("conflicts", "b" * 16, "a" * 16, "12 \u201cdeaths\u201d against 40", "value", 0.05, 0.7,
                        "flood: deaths, 2024", ("12", "40"), similarity=0.875)
    assert Relation.from_json(relation.to_json()) == relation
    assert Relation.from_json(relation.to_json()).id == relation.id
    bare = Relation("changes", "a" * 16, "b" * 16, "rose")
    assert bare.to_json() == '{"kind":"changes","a":"aaaaaaaaaaaaaaaa","b":"bbbbbbbbbbbbbbbb","reason":"rose"}'
    assert Relation.from_json(bare.to_json()) == bare


@pytest.mark.parametrize("reason", ['said "no"\nthen \\ yes', "\u0000\u001f\u007f tab\t", "lone \ud800 surrogate", "plain"])
def test_a_verdict_written_as_text_reads_back_term_for_term(reason):
    from rdflib import Graph
    from rdflib.namespace import RDF, XSD

    from kg import build as rdf
    from kg.model import Relation
    from kg.vocab import CG

    full = Relation("conflicts", "b" * 16, "a" * 16, reason, "value", 0.05, 0.1234567, f"scope {reason}",
                    ("12", reason), similarity=0.875)
    bare = Relation("changes", "c" * 16, "d" * 16, reason, "series")
    text = rdf.relation_ntriples(full) + rdf.relation_ntriples(bare)
    graph = Graph().parse(data=text, format="nt")
    carried = reason.replace("\ud800", "\ufffd")  # what RDF can carry of a lone surrogate
    v = rdf.relation_iri(full)
    assert set(graph.objects(v, RDF.type)) == {CG.Conflict}
    assert set(graph.objects(v, CG.claim)) == {rdf.claim_iri("a" * 16), rdf.claim_iri("b" * 16)}
    assert [str(x) for x in graph.objects(v, CG.reason)] == [carried]
    assert {str(x) for x in graph.objects(v, CG.comparedValue)} == {"12", carried}
    assert {(str(x), x.datatype) for p in (CG.tolerance, CG.relativeDifference, CG.similarity)
            for x in graph.objects(v, p)} == {("0.05", XSD.decimal), ("0.123457", XSD.decimal), ("0.875", XSD.decimal)}
    record = next(graph.objects(v, CG.record))
    assert record.datatype == RDF.JSON and Relation.from_json(str(record)).reason == carried
    w = rdf.relation_iri(bare)
    assert {p for _, p, _ in graph.triples((w, None, None))} == {RDF.type, CG.record, CG.claim, CG.basis, CG.reason}
    store = GraphStore.memory()
    store.add_to_graphs({G1: text})
    assert len(store) == len(graph)
