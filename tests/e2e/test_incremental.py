"""Incremental builds: any sequence of additions, changes and removals leaves the store exactly as a
clean build of the same documents leaves it (every graph, every triple), while recomputing only
what the changed documents touch."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rdflib import Literal, URIRef

from kg import build as rdf
from kg import independence, pipeline, queries, readback, refresh
from kg.config import Settings
from kg.store import GraphStore
from kg.terms import ntriples, to_ox
from kg.vocab import CG

# Short reports that share figures, actors and events, so that verdicts cross documents.
REPORTS = {
    "recall-wire.txt": "Acme Motors recalled 120,000 vehicles on March 3, 2025, the National Highway Traffic "
                       "Safety Administration said. The agency said 14 crashes were linked to the fault.",
    "recall-daily.txt": "Acme Motors recalled about 118,000 cars on March 3, 2025, according to Reuters. "
                        "Regulators linked 14 crashes to the faulty brake sensor.",
    "recall-blog.txt": "The regulator said 150,000 vehicles were recalled by Acme Motors in March 2025. "
                       "Acme Motors said 9 crashes were linked to the sensor.",
    "harvest.txt": "The ministry said farmers harvested 4.2 million tonnes of wheat in 2024, up from "
                   "3.9 million tonnes in 2023. The ministry signed a grain agreement with Egypt on May 2, 2024.",
}


def _variants(name: str, text: str) -> list[str]:
    """The text as written, its first sentence alone, and its figures changed."""
    first = text.split(". ")[0] + "."
    bumped = re.sub(r"\d+", lambda m: str(int(m.group()) + 1) if len(m.group()) < 4 else m.group(), text)
    return [text, first, bumped]


@pytest.fixture(scope="module")
def corpus(seeds_dir: Path) -> dict[str, list[str]]:
    texts = dict(REPORTS)
    for path in sorted(seeds_dir.glob("*.txt"))[:2]:
        texts[path.name] = path.read_text(encoding="utf-8")
    return {name: _variants(name, text) for name, text in texts.items()}


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


STEPS = st.lists(st.tuples(st.integers(0, 5), st.integers(-1, 2)), min_size=1, max_size=6)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=STEPS)
@example(steps=[(0, -1)])  # the only document removed: as a build of none
def test_any_sequence_of_writes_equals_a_clean_build(steps, corpus, nlp, tmp_path_factory):
    """Each step adds or rewrites one document with one of its versions (0-2) or removes it (-1)."""
    folder = tmp_path_factory.mktemp("docs")
    names = sorted(corpus)
    options = Settings(store=":memory:")
    store = GraphStore.memory()
    pipeline.build([_write(folder, names[0], corpus[names[0]][0])], store, options, nlp=nlp)
    held = {names[0]: 0}
    for doc, version in steps:
        name = names[doc]
        if version < 0:
            if name in held:
                pipeline.remove_documents([name], store, options)
                del held[name]
            continue
        pipeline.build([_write(folder, name, corpus[name][version])], store, options, nlp=nlp)
        held[name] = version
    clean_folder = tmp_path_factory.mktemp("clean")
    clean = GraphStore.memory()
    pipeline.build([_write(clean_folder, n, corpus[n][v]) for n, v in sorted(held.items())], clean, options, nlp=nlp)
    assert sorted(store.graphs()) == sorted(clean.graphs())
    assert store.canonical_hash() == clean.canonical_hash()


def _recording(write, written, graphs_of):  # type: ignore[no-untyped-def]
    def recorded(*args, **kwargs):  # type: ignore[no-untyped-def]
        written.update(str(g) for g in graphs_of(*args))
        return write(*args, **kwargs)
    return recorded


def test_a_write_recomputes_only_what_it_touches(corpus, nlp, tmp_path, monkeypatch):
    """Adding a report on another story leaves the verdict graphs of the first story unwritten."""
    options = Settings(store=":memory:")
    store = GraphStore.memory()
    recalls = [_write(tmp_path, n, corpus[n][0]) for n in sorted(REPORTS) if n.startswith("recall")]
    pipeline.build(recalls, store, options, nlp=nlp)
    verdicts = {g for g in store.graphs() if g.startswith(str(rdf.ID[rdf.VERDICTS_GRAPHS]))}
    assert verdicts, "the recall reports corroborate one another"
    written: set[str] = set()
    for method in ("replace_graph_text", "remove_graph"):
        monkeypatch.setattr(store, method, _recording(getattr(store, method), written, lambda graph, *_: [graph]))
    for method in ("add_to_graphs", "remove_triples", "remove_subjects", "remove_graphs"):
        monkeypatch.setattr(store, method, _recording(getattr(store, method), written, lambda graphs, *_: graphs))
    whole_reads: list[str] = []
    stream = store.stream
    monkeypatch.setattr(store, "stream", lambda sparql, *a, **k: (
        whole_reads.append(sparql) if sparql == queries.AGENT_NAMES_IN and not any((*a, *k.values())) else None,
        stream(sparql, *a, **k))[1])
    report = pipeline.build([_write(tmp_path, "harvest.txt", corpus["harvest.txt"][0])], store, options, nlp=nlp)
    assert report.added == ["harvest.txt"]
    assert not whole_reads, "a write read the names of every agent of the store"
    assert any(g.startswith(str(rdf.ID[rdf.VERDICTS_GRAPHS])) for g in written), "the harvest's verdicts were written"
    assert not verdicts & written, "no verdict of the recall reports was rewritten"
    clean = GraphStore.memory()
    pipeline.build([*recalls, tmp_path / "harvest.txt"], clean, options, nlp=nlp)
    assert store.canonical_hash() == clean.canonical_hash()


def test_a_store_whose_verdicts_are_stale_is_recomputed_whole(corpus, nlp, tmp_path):
    """Without the digest of the documents they were made from, the derived graphs are not trusted
    for a change: the next write recomputes them all."""
    options = Settings(store=":memory:")
    store = GraphStore.memory()
    first = _write(tmp_path, "recall-wire.txt", corpus["recall-wire.txt"][0])
    pipeline.build([first], store, options, nlp=nlp)
    store.remove_graph(rdf.RECONCILIATION_GRAPH)
    assert refresh.plan(store, options, ["recall-daily.txt"]) is None
    second = _write(tmp_path, "recall-daily.txt", corpus["recall-daily.txt"][0])
    pipeline.build([second], store, options, nlp=nlp)
    clean = GraphStore.memory()
    pipeline.build([first, second], clean, options, nlp=nlp)
    assert store.canonical_hash() == clean.canonical_hash()


def test_a_citation_added_or_removed_retraces_the_claims_whose_chains_reach_it(nlp, tmp_path):
    """A report that shows a source citing another leads the chains of other reports of the same
    measure that end at that source further, though their figures differ; removing it leads them
    back."""
    header = "Labor migration report\n\nMarch 4, 2024\n\n"
    alone = _write(tmp_path, "reuters.txt", header + "According to Reuters, about 30,000 Uzbek workers were "
                   "employed in Russia last year.\n")
    citing = _write(tmp_path, "citing.txt", header + "Reuters reported on March 2, citing the Russian Labor "
                    "Ministry, that about 12,100 Uzbek workers were employed in Russia last year.\n")
    options = Settings(store=":memory:")
    store = GraphStore.memory()
    pipeline.build([alone], store, options, nlp=nlp)
    first = refresh.claims_of_files(store, [alone.name])[0]

    def roots() -> list[str]:
        return [str(r["root"]) for r in store.select(queries.CLAIM_ROOTS, {"claim": rdf.claim_iri(first.id)})]

    assert roots() == [str(rdf.entity_iri("reuters"))]
    pipeline.build([alone, citing], store, options, nlp=nlp)
    assert roots() == [str(rdf.entity_iri("russian-labor-ministry"))]
    both = GraphStore.memory()
    pipeline.build([alone, citing], both, options, nlp=nlp)
    assert store.canonical_hash() == both.canonical_hash()
    pipeline.remove_documents([citing.name], store, options)
    assert roots() == [str(rdf.entity_iri("reuters"))]
    one = GraphStore.memory()
    pipeline.build([alone], one, options, nlp=nlp)
    assert store.canonical_hash() == one.canonical_hash()


#: Who cites whom in the claims' chains, read from their attributions' triples.
CHAINED_CITATIONS = """
SELECT ?measure ?from ?to (COUNT(*) AS ?n) WHERE {
  ?claim cg:measure ?measure ; prov:qualifiedAttribution ?next . ?next cg:chainIndex ?j FILTER(?j > 0)
  ?claim prov:qualifiedAttribution ?first . ?first cg:chainIndex ?i FILTER(?i = ?j - 1)
  ?first prov:agent ?from . ?next prov:agent ?to FILTER(?from != ?to)
} GROUP BY ?measure ?from ?to
"""


def test_the_citations_kept_are_those_the_chains_hold_after_any_write(all_seeds, nlp):
    """How often each measure's chains cite one source from another, as the build keeps it, is
    what the claims' attributions show, after a build, a removal and the document added back."""
    options = Settings(store=":memory:")
    store = GraphStore.memory()

    def kept() -> set[tuple[str, str, str, int]]:
        rows = store.select("SELECT ?measure ?from ?to ?n WHERE { ?c a cg:Citation ; cg:citationMeasure ?measure ; "
                            "cg:citing ?from ; cg:cited ?to ; cg:citationCount ?n }")
        return {(str(r["measure"]), str(r["from"]), str(r["to"]), int(r["n"])) for r in rows}

    def shown() -> set[tuple[str, str, str, int]]:
        return {(str(r["measure"]), str(r["from"]), str(r["to"]), int(r["n"])) for r in store.select(CHAINED_CITATIONS)}

    paths, _ = all_seeds
    pipeline.build(paths, store, options, nlp=nlp)
    assert kept() == shown() and len(kept()) > 1
    for path in paths:
        pipeline.remove_documents([path.name], store, options)
        assert kept() == shown()
        pipeline.build(paths, store, options, nlp=nlp)
        assert kept() == shown()


def test_the_agents_are_described_as_the_documents_name_them_after_any_write(all_seeds, nlp):
    """How many documents name each agent each way, as the build keeps it, and the agents'
    descriptions are what the documents' graphs say: after a build, a removal and the document
    added back."""
    options = Settings(store=":memory:")
    store = GraphStore.memory()

    def kept() -> Counter[tuple[str, str, str | None]]:
        rows = store.select("SELECT ?agent ?name ?kind ?n WHERE { ?x a cg:Naming ; cg:namedAgent ?agent ; "
                            "cg:givenName ?name ; cg:documentCount ?n OPTIONAL { ?x cg:givenKind ?kind } }")
        return Counter({(str(r["agent"]), str(r["name"]), str(r["kind"]) if "kind" in r else None): int(r["n"])
                        for r in rows})

    def named() -> Counter[tuple[str, str, str | None]]:
        return Counter((str(r["agent"]), str(r["name"]), str(r["kind"]) if "kind" in r else None)
                       for r in store.select(queries.AGENT_NAMES_IN))

    def described() -> bool:
        held = {(str(q.subject), str(q.predicate), str(q.object)) for q in store.quads(rdf.AGENTS_GRAPH)
                if not q.subject.value.startswith(str(rdf.ID["naming/"]))}
        return held == {tuple(str(to_ox(x)) for x in t) for k in named()
                        for t in rdf.agent_triples(URIRef(k[0]), k[1], k[2])}

    paths, _ = all_seeds
    pipeline.build(paths, store, options, nlp=nlp)
    assert kept() == named() and max(kept().values()) > 1 and described()
    for path in paths:
        pipeline.remove_documents([path.name], store, options)
        assert kept() == named() and described()
        pipeline.build(paths, store, options, nlp=nlp)
        assert kept() == named() and described()


def test_each_blocking_key_keeps_the_records_of_its_claims_after_any_write(all_seeds, nlp):
    """The graph of each blocking key holds the claims with that key, each with its record as its
    document's graph holds it: after a build, a removal and the document added back."""
    options = Settings(store=":memory:")
    store = GraphStore.memory()

    def kept() -> set[tuple[str, str, str]]:
        rows = store.select("SELECT ?g ?c ?record WHERE { GRAPH ?g { ?c cg:memberRecord ?record } }")
        # A member node is its claim's IRI with the key's hash after ``/in/`` (``build.member_iri``).
        return {(str(r["g"]), str(r["c"]).rpartition("/in/")[0], str(r["record"])) for r in rows}

    def keyed() -> set[tuple[str, str, str]]:
        rows = store.select("SELECT ?c ?key ?record WHERE { ?c cg:blockingKey ?key ; cg:record ?record }")
        return {(str(rdf.members_graph(str(r["key"]))), str(r["c"]), str(r["record"])) for r in rows}

    paths, _ = all_seeds
    pipeline.build(paths, store, options, nlp=nlp)
    assert kept() == keyed() and len({g for g, _, _ in kept()}) > 1
    assert len({c for _, c, _ in kept()}) < len(kept()), "a claim of several keys is in the graph of each"
    union = "SELECT (COUNT(*) AS ?n) WHERE { ?c cg:memberRecord ?record }"
    assert store.select(union)[0]["n"] == len(kept()), "no triple is in two graphs"
    for path in paths:
        pipeline.remove_documents([path.name], store, options)
        assert kept() == keyed()
        pipeline.build(paths, store, options, nlp=nlp)
        assert kept() == keyed()


def _assessed_by_an_earlier_rule(store: GraphStore) -> None:
    """As a store written before the rule of independence changed: no rule named beside the
    digest, and one claim told it is a single-source story."""
    digest = store.select(queries.VERDICT_DIGEST)[0]["digest"]
    store.replace_graph(rdf.RECONCILIATION_GRAPH, [(rdf.RECONCILIATION_GRAPH, CG.inputDigest, Literal(digest))])
    row = store.select("SELECT ?g ?c WHERE { GRAPH ?g { ?c cg:independentSources ?n } } ORDER BY ?c LIMIT 1")[0]
    store.add_to_graphs({URIRef(str(row["g"])): ntriples([(URIRef(str(row["c"])), CG.singleSourceStory, Literal(True))])})


def test_a_store_assessed_by_an_earlier_rule_is_assessed_again(corpus, nlp, tmp_path):
    """The rule that assessed the claims' independence is kept with the digest: a store assessed
    by another has every claim assessed again by its next build, whether it changes anything or not."""
    options = Settings(store=":memory:")
    recalls = [_write(tmp_path, n, corpus[n][0]) for n in sorted(REPORTS) if n.startswith("recall")]
    harvest = _write(tmp_path, "harvest.txt", corpus["harvest.txt"][0])
    store = GraphStore.memory()
    pipeline.build(recalls, store, options, nlp=nlp)
    clean = store.canonical_hash()
    _assessed_by_an_earlier_rule(store)
    assert store.canonical_hash() != clean
    pipeline.build(recalls, store, options, nlp=nlp)
    assert store.canonical_hash() == clean
    _assessed_by_an_earlier_rule(store)
    pipeline.build([*recalls, harvest], store, options, nlp=nlp)
    whole = GraphStore.memory()
    pipeline.build([*recalls, harvest], whole, options, nlp=nlp)
    assert store.canonical_hash() == whole.canonical_hash()


@pytest.fixture(scope="module")
def all_seeds(seeds_dir: Path, nlp) -> tuple[list[Path], str]:  # type: ignore[no-untyped-def]
    paths = sorted(seeds_dir.glob("*.txt"))
    whole = GraphStore.memory()
    pipeline.build(paths, whole, Settings(store=":memory:"), nlp=nlp)
    return paths, whole.canonical_hash()


@pytest.mark.parametrize("index", range(5))
def test_removing_any_seed_and_adding_it_back_equals_clean_builds(index, all_seeds, nlp):
    """Removing a document whose figures are summed (its own partition of sums) leaves none of
    its verdicts; adding it back gives the whole graph again."""
    paths, whole = all_seeds
    options = Settings(store=":memory:")
    store = GraphStore.memory()
    pipeline.build(paths, store, options, nlp=nlp)
    pipeline.remove_documents([paths[index].name], store, options)
    rest = GraphStore.memory()
    pipeline.build([p for i, p in enumerate(paths) if i != index], rest, options, nlp=nlp)
    assert sorted(store.graphs()) == sorted(rest.graphs())
    assert store.canonical_hash() == rest.canonical_hash()
    pipeline.build(paths, store, options, nlp=nlp)
    assert store.canonical_hash() == whole


CHAIN = [("12,000", "Reuters"), ("13,000", "TASS"), ("14,200", "Yonhap"), ("15,500", "Rosstat"),
         ("16,000", "Radio Free Asia")]


def test_a_write_reassesses_independence_near_what_it_touches_only(nlp, tmp_path, monkeypatch):
    """Reports whose figures corroborate their neighbours' in a chain (each within the tolerance
    of the next, not of the one after): a report added at one end reassesses the claims next to
    what changed, not the far end of the chain, and leaves the clean build's graph."""
    paths = [_write(tmp_path, f"chain-{i}.txt", f"Labor migration report\n\nMarch 3, 2024\n\nAccording to {source}, "
                    f"about {n} Uzbek workers were employed in Russia last year.\n") for i, (n, source) in enumerate(CHAIN)]
    options = Settings(store=":memory:")
    store = GraphStore.memory()
    pipeline.build(paths[:-1], store, options, nlp=nlp)
    far = refresh.claims_of_files(store, [paths[0].name])
    assert [c.figure.surface for c in far if c.figure] == ["about 12,000"]
    assert any(r["claim"] for r in store.select_each(queries.CLAIM_VERDICTS, "claim", [rdf.claim_iri(far[0].id)]))
    reassessed: set[str] = set()
    rewrite = refresh._rewrite_buckets

    def recorded(store, prefix, dropped, fresh):  # type: ignore[no-untyped-def]
        dropped = list(dropped)
        if prefix == rdf.INDEPENDENCE_GRAPHS:
            reassessed.update(c.id for c in dropped)
        return rewrite(store, prefix, dropped, fresh)

    monkeypatch.setattr(refresh, "_rewrite_buckets", recorded)
    pipeline.build(paths, store, options, nlp=nlp)
    near = refresh.claims_of_files(store, [p.name for p in paths[-2:]])
    assert {c.id for c in near} <= reassessed
    assert far[0].id not in reassessed
    clean = GraphStore.memory()
    pipeline.build(paths, clean, options, nlp=nlp)
    assert store.canonical_hash() == clean.canonical_hash()


def test_the_claims_that_back_a_claim_are_read_from_its_links_but_arithmetic(all_seeds, nlp):
    """A write reads which claims back a claim from the corroboration links, except that one
    that is only a sum or a computed change backs nothing: as ``independence.allies`` tells from
    the verdicts themselves."""
    paths, _ = all_seeds
    store = GraphStore.memory()
    pipeline.build(paths, store, Settings(store=":memory:"), nlp=nlp)
    relations = readback.load_relations(store)
    assert any(r.kind == "corroborates" and r.basis == "arithmetic" for r in relations)
    ids = [c.id for c in readback.load_claims(store)]
    backing = independence.allies(relations)
    assert refresh._allies(store, ids) == {i: backing.get(i, set()) for i in ids}
