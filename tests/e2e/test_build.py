"""``kg build``: incremental, atomic per document, reproducible; ``kg validate`` and export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner

from kg import lists, lookup, pipeline
from kg.build import graph_iri_for_key
from kg.cli import main
from kg.config import Settings
from kg.shacl import validate
from kg.store import GraphStore, StoreError


def _graph_quads(store: GraphStore, key: str) -> set[str]:
    return {str(q) for q in store.quads(graph_iri_for_key(key))}


def test_rebuild_of_unchanged_input_changes_nothing(seeds_copy: Path, tmp_path: Path, nlp):
    store = GraphStore.open(tmp_path / "store")
    settings = Settings(store=str(tmp_path / "store"))
    first = pipeline.build([seeds_copy], store, settings, nlp=nlp)
    assert len(first.added) == 5 and not first.failed
    before = store.canonical_hash()
    second = pipeline.build([seeds_copy], store, settings, nlp=nlp)
    assert sorted(second.unchanged) == sorted(first.added)
    assert second.added == second.replaced == []
    assert store.canonical_hash() == before
    store.close()


def test_editing_one_file_replaces_only_its_graph(seeds_copy: Path, tmp_path: Path, nlp):
    store = GraphStore.open(tmp_path / "store")
    settings = Settings(store=str(tmp_path / "store"))
    pipeline.build([seeds_copy], store, settings, nlp=nlp)
    keys = sorted(p.name for p in seeds_copy.glob("*.txt"))
    before = {k: _graph_quads(store, k) for k in keys}
    edited = seeds_copy / keys[2]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA closing line added in a correction.\n", encoding="utf-8")
    report = pipeline.build([seeds_copy], store, settings, nlp=nlp)
    assert report.replaced == [keys[2]]
    assert sorted(report.unchanged) == [k for k in keys if k != keys[2]]
    for k in keys:
        after = _graph_quads(store, k)
        assert (after == before[k]) == (k != keys[2]), k
    docs = store.select("SELECT ?d WHERE { ?d a cg:Document }")
    assert len(docs) == 5, "the old version must be gone, not kept beside the new one"
    store.close()


def test_a_bad_file_is_reported_and_the_rest_is_built(seeds_copy: Path, tmp_path: Path):
    (seeds_copy / "broken.txt").write_bytes(b"\xff\xfe\x00b\x00a\x00d")
    runner = CliRunner()
    result = runner.invoke(main, ["build", "--no-progress", "--store", str(tmp_path / "store"), str(seeds_copy)])
    assert result.exit_code == 2
    assert "broken.txt: binary data" in result.stderr
    assert "5 added" in result.stderr and "1 failed" in result.stderr


def test_build_of_a_missing_path_is_one_line_and_nonzero(tmp_path: Path):
    result = CliRunner().invoke(main, ["build", "--store", str(tmp_path / "s"), str(tmp_path / "missing")])
    assert result.exit_code == 2
    assert result.stderr.strip().endswith("no such file or folder")
    assert len(result.stderr.strip().splitlines()) == 1


def test_seed_graph_conforms_to_the_shapes(seed_store):
    conforms, report = validate(seed_store)
    assert conforms, report


def test_validate_reports_a_violation():
    store = GraphStore.memory()
    from kg.build import document_iri
    from kg.model import Document
    from kg.vocab import CG, RDF

    doc = Document(key="x.txt", text="t", sha256="not-a-hash")
    store.replace_graph(graph_iri_for_key("x.txt"), [(document_iri(doc), RDF.type, CG.Document)])
    conforms, report = validate(store)
    assert not conforms
    assert "fileName" in report and "sha256" in report


def test_turtle_export_reads_back_as_the_union_of_the_store(seed_store):
    data = CliRunner().invoke(main, ["export", "--format", "ttl", "--store", seed_store.location])
    assert data.exit_code == 0, data.output
    g = rdflib.Graph().parse(data=data.stdout_bytes, format="turtle")
    distinct = seed_store.select("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }")
    assert len(g) == distinct[0]["n"]


def test_trig_export_keeps_one_graph_per_document(seed_store):
    data = CliRunner().invoke(main, ["export", "--format", "trig", "--store", seed_store.location])
    ds = rdflib.Dataset().parse(data=data.stdout_bytes, format="trig")
    names = {str(g.identifier) for g in ds.graphs()}
    for key in ("000_7b65b09a4260db5d.txt", "004_90cfa5b8c2d3a207.txt"):
        assert str(graph_iri_for_key(key)) in names


def test_query_command_prints_a_table(seed_store):
    result = CliRunner().invoke(
        main, ["query", "--store", seed_store.location, "SELECT ?f WHERE { ?d cg:fileName ?f } ORDER BY ?f"]
    )
    assert result.exit_code == 0
    assert "000_7b65b09a4260db5d.txt" in result.output and "004_90cfa5b8c2d3a207.txt" in result.output


def test_query_command_refuses_malformed_sparql(seed_store):
    result = CliRunner().invoke(main, ["query", "--store", seed_store.location, "SELECT ?x WHERE {"])
    assert result.exit_code == 2
    assert "malformed SPARQL" in result.stderr


def test_query_command_cannot_update(seed_store):
    result = CliRunner().invoke(main, ["query", "--store", seed_store.location, "DROP ALL"])
    assert result.exit_code == 2
    assert seed_store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"] > 0


def test_extract_prints_one_json_object_per_claim(seeds_dir):
    result = CliRunner().invoke(main, ["extract", str(seeds_dir / "002_9296196bccfae27d.txt")])
    assert result.exit_code == 0, result.stderr
    for line in result.stdout.splitlines():
        record = json.loads(line)
        assert {"id", "document", "start", "end", "text", "value", "sources", "corroborates"} <= set(record)


def test_kg_claims_shows_ids_and_whole_reasons(seed_store, tmp_path):
    from click.testing import CliRunner

    store = str(tmp_path / "store")
    seed_store.backup(store)
    listed = CliRunner().invoke(main, ["claims", "--store", store])
    assert listed.exit_code == 0 and listed.output.splitlines()[0].split()[0] == "id"
    first_id = listed.output.splitlines()[2].split()[0]
    sources = CliRunner().invoke(main, ["sources", first_id, "--store", store])
    assert sources.exit_code == 0, sources.output
    conflicts = CliRunner().invoke(main, ["claims", "--conflicts", "--store", store])
    assert conflicts.exit_code == 0 and "disjoint" in conflicts.output
    assert all(not line.rstrip().endswith("…") for line in conflicts.output.splitlines()[2:])


def test_the_union_default_graph_is_a_set_of_triples(seeds_dir: Path, tmp_path: Path, nlp):
    """Two documents naming the same author and sources: their descriptions are written once, so
    the union default graph (what a query without FROM reads) holds each triple once, as an RDF
    merge does, and each document's graph still says how it names them."""
    folder = tmp_path / "in"
    folder.mkdir()
    text = (seeds_dir / "000_7b65b09a4260db5d.txt").read_text(encoding="utf-8")
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(text, encoding="utf-8")
    store = GraphStore.memory()
    pipeline.build([folder], store, Settings(store=str(tmp_path / "s")), nlp=nlp)
    rows = store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"]
    distinct = store.select("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }")[0]["n"]
    assert rows == distinct
    authors = store.select("SELECT ?name WHERE { ?doc dcterms:creator ?who . ?who rdfs:label ?name }")
    assert [str(r["name"]) for r in authors] == ["Jeong Tae Joo"] * 2  # one author, once per document
    named = store.select("SELECT ?g ?name WHERE { GRAPH ?g { ?doc cg:fileName ?f ; dcterms:creator ?who ; "
                         "prov:qualifiedAttribution [ prov:agent ?who ; cg:agentName ?name ] } }")
    assert len({str(r["g"]) for r in named}) == 2
    shared = store.select("SELECT DISTINCT ?s WHERE { GRAPH ?g { ?s a cg:Source } }")
    assert shared  # the sources the two documents cite, described in one graph
    assert validate(store)[0]


def test_a_build_shows_its_progress_through_the_documents_and_the_verdicts(seeds_copy: Path, tmp_path: Path):
    store = str(tmp_path / "store")
    result = CliRunner().invoke(main, ["build", "--store", store, str(seeds_copy)])
    assert result.exit_code == 0, result.stderr
    assert "kg build: 100%" in result.stderr and "5/5" in result.stderr
    verdicts = [line for line in result.stderr.replace("\r", "\n").splitlines() if line.startswith("kg build: verdicts")]
    assert verdicts and "100%" in verdicts[-1] and "partition" in verdicts[-1]
    quiet = CliRunner().invoke(main, ["build", "--no-progress", "--store", str(tmp_path / "other"), str(seeds_copy)])
    assert quiet.exit_code == 0 and "%" not in quiet.stderr


def test_the_counts_of_claims_follow_every_write(seeds_copy: Path, tmp_path: Path, nlp):
    """Documents' and entities' claim counts, and the lists that page the verdicts and the events,
    kept with the verdicts, are those of the claims the store holds after a build, a removal and a
    build of a changed document."""
    from kg import paging

    def counts_agree(store: GraphStore) -> None:
        whole = lookup.GraphView(store)
        per_document: dict[str, int] = {}
        per_entity: dict[str, int] = {}
        for c in whole.claims.values():
            per_document[c.document] = per_document.get(c.document, 0) + 1
            for key in c.entities():
                per_entity[key] = per_entity.get(key, 0) + 1
        assert {d["file"]: d["claims"] for d in lookup.documents(store) if d["claims"]} == per_document
        assert {str(e["id"]): e["claims"] for e in lookup.entities(store) if e["claims"]} == per_entity
        for kind in ("corroborates", "conflicts", "changes"):
            ids = sorted(r.id for r in whole.relations if r.kind == kind)
            assert lists.page(store, kind, 0, paging.ALL) == (len(ids), ids)
        events = [str(r["id"]) for r in lookup.timeline(whole)]
        assert events and lists.page(store, "events", 0, paging.ALL) == (len(events), events)

    store = GraphStore.open(tmp_path / "store")
    settings = Settings(store=str(tmp_path / "store"))
    pipeline.build([seeds_copy], store, settings, nlp=nlp)
    counts_agree(store)
    first = sorted(p.name for p in seeds_copy.iterdir())[0]
    pipeline.remove_documents([first], store, settings)
    counts_agree(store)
    assert first not in {d["file"] for d in lookup.documents(store)}
    changed = sorted(seeds_copy.iterdir())[1]
    changed.write_text(changed.read_text(encoding="utf-8").split("\n\n")[0] + "\n", encoding="utf-8")
    pipeline.build([changed], store, settings, nlp=nlp)
    counts_agree(store)
    store.close()


def test_compacting_after_a_removal_keeps_the_graph(seed_store, tmp_path: Path):
    seed_store.backup(tmp_path / "s")
    store = GraphStore.open(tmp_path / "s")
    first = sorted(str(d["file"]) for d in lookup.documents(store))[0]
    pipeline.remove_documents([first], store, Settings(store=str(tmp_path / "s")))
    before = store.canonical_hash()
    store.close()
    result = CliRunner().invoke(main, ["compact", "--store", str(tmp_path / "s")])
    assert result.exit_code == 0 and result.stderr.startswith("kg compact: ")
    reopened = GraphStore.open(tmp_path / "s", read_only=True)
    assert reopened.canonical_hash() == before
    with pytest.raises(StoreError, match="read-only"):
        reopened.compact()
    for command in (["compact"], ["remove", first]):
        result = CliRunner().invoke(main, [*command, "--store", str(tmp_path / "typo")])
        assert result.exit_code == 1 and "no store here" in result.stderr and not (tmp_path / "typo").exists()


def test_a_write_of_a_tenth_of_the_store_or_more_ends_with_a_compaction(seed_store, monkeypatch):
    from kg.store import OxigraphStore

    compacted = []
    monkeypatch.setattr(OxigraphStore, "compact", lambda self: compacted.append(self.location))
    pipeline._compact_after(seed_store, 0, 0)
    assert not compacted
    pipeline._compact_after(seed_store, 1, 0)  # one of the five seeds
    assert compacted == [seed_store.location]
    monkeypatch.setattr(pipeline, "COMPACT_AFTER_SHARE", 0.5)
    pipeline._compact_after(seed_store, 2, 0)  # two of five
    pipeline._compact_after(seed_store, 0, 3)  # three removed of eight
    assert compacted == [seed_store.location]
    pipeline._compact_after(seed_store, 1, 3)
    assert compacted == [seed_store.location] * 2
