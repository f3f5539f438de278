"""Lookups of one claim read only the claim and its neighbours, and answer as the whole view does."""

from __future__ import annotations

import datetime

import pytest
from fastapi.testclient import TestClient

import kg.store
from api.main import create_app
from kg import build as rdf
from kg import lists, lookup, paging, queries
from kg.config import Settings
from kg.errors import NotFoundError
from kg.model import RELATION_KINDS
from kg.records import ClaimRecord, FigurePoint
from kg.store import GraphStore

from support import forbid_whole_reads


def test_every_seed_claims_provenance_from_its_neighbourhood_is_the_whole_views(seed_store):
    whole = lookup.GraphView(seed_store)
    assert any(whole.links[c]["corroborates"] for c in whole.claims)  # the seeds have corroborations
    for claim_id in whole.claims:
        near = lookup.GraphView(seed_store, around=claim_id)
        assert len(near.claims) < len(whole.claims)
        assert lookup.provenance(seed_store, near, claim_id) == lookup.provenance(seed_store, whole, claim_id)
        assert set(near.claim(claim_id).figures) <= set(near.claims)  # an event's own figures are read with it
        own = {claim_id, *near.claim(claim_id).figures}
        for other in near.claims:  # the claim and its figures list all their verdicts; the rest the same but theirs
            if other in own:
                assert near.records[other] == whole.records[other]
            else:
                assert _brief(near.records[other]) == _brief(whole.records[other])


def _brief(record: dict) -> dict:
    return {k: v for k, v in record.items() if k not in RELATION_KINDS}


def test_claims_listed_beside_a_claims_sources_leave_their_own_verdicts_to_their_own_lookup(seed_store):
    whole = lookup.GraphView(seed_store)
    claim_id = max(whole.claims, key=lambda c: len(whole.links[c]["corroborates"]))
    found = lookup.provenance(seed_store, lookup.GraphView(seed_store, around=claim_id), claim_id)
    assert found["corroborated_by"] and found["claim"]["corroborates"]
    for listed in found["corroborated_by"]:
        assert not set(RELATION_KINDS) & set(listed["claim"])


def test_an_unknown_claims_neighbourhood_is_not_found(seed_store):
    with pytest.raises(NotFoundError):
        lookup.GraphView(seed_store, around="0" * 16)


def test_the_service_answers_without_reading_every_claim(seed_store, monkeypatch):
    claim_id = next(iter(lookup.GraphView(seed_store).claims))
    total = len(lookup.GraphView(seed_store).claims)
    forbid_whole_reads(monkeypatch)
    with pytest.raises(AssertionError):
        lookup.GraphView(seed_store)  # the guard works
    app = create_app(Settings(store=seed_store.location), store=seed_store)
    with TestClient(app) as client:
        doc_id = client.get("/documents").json()["items"][0]["id"]
        for path in (f"/claims/{claim_id}", f"/claims/{claim_id}/sources", f"/ui/claims/{claim_id}",
                     "/claims?verdict=conflicting&text=workers", "/conflicts", "/corroborations",
                     "/events?entity=Russia&start=2024-01-01", "/entities", "/entities/north-korea", "/documents",
                     "/ui/entities", "/ui/documents", "/", "/?entity=russia&offset=3", "/ui/entities/north-korea",
                     f"/ui/documents/{doc_id}", "/ui/measures/north-korea:arrival", "/ui/conflicts", "/reviews",
                     "/reviews?entity=russia", "/export/gexf", "/export/csv", "/export/claimreview"):
            assert client.get(path).status_code == 200, path
        assert client.get("/claims/0123456789abcdef/sources").status_code == 404
        assert client.get("/claims/not-an-id/sources").status_code == 422
        assert client.get("/entities/no-such-entity").status_code == 404
        page = client.get("/claims", params={"limit": 5, "offset": 3}).json()  # a page in document order
        assert page["total"] == total and len(page["items"]) == 5


FILTERS = [
    {}, {"document": "002_9296196bccfae27d.txt"}, {"document": "no-such-file.txt"},
    {"entity": "North Korea"}, {"entity": "nis"}, {"entity": "no such place"},
    {"source": "NIS"}, {"source": "national intelligence service"}, {"source": "Radio Free Asia"},
    {"measure": "number"}, {"text": "workers Russia"}, {"text": "RUSSIA   workers,"},
    {"verdict": "corroborated"}, {"verdict": "conflicting"}, {"verdict": "single-source"},
    {"entity": "russia", "verdict": "corroborated", "text": "workers"},
    {"verdict": "conflicting", "text": "workers"}, {"document": "002_9296196bccfae27d.txt", "verdict": "corroborated"},
]


@pytest.mark.parametrize("filters", FILTERS, ids=[",".join(f"{k}={v}" for k, v in f.items()) or "all" for f in FILTERS])
@pytest.mark.parametrize("offset, limit", [(0, 1000), (3, 7), (25, 20), (500, 10)])
@pytest.mark.parametrize("batch", [None, 3], ids=["values", "by-half"])
def test_a_page_of_claims_without_the_whole_view_is_the_searchs(seed_store, filters, offset, limit, batch, monkeypatch):
    """Pages read for the claims at hand (VALUES blocks), or, for more than half of all, from queries
    of every claim."""
    if batch:
        monkeypatch.setattr(paging, "VALUES_PER_QUERY", batch)
        monkeypatch.setattr(kg.store, "VALUES_PER_QUERY", batch)
    found = lookup.search(lookup.GraphView(seed_store), **filters)
    assert paging.claims_page(seed_store, offset, limit, **filters) == (len(found), found[offset : offset + limit])


@pytest.mark.parametrize("filters", [{"verdict": "corroborated"}, {"verdict": "conflicting"},
                                     {"verdict": "corroborated", "text": "workers"}])
def test_a_page_of_claims_by_verdict_is_the_searchs_without_the_lists_of_them(seed_store, filters, monkeypatch):
    """A store written before the claims were listed by verdict is read from the verdicts' links."""
    monkeypatch.setattr(lists, "items", lambda *_: None)
    monkeypatch.setattr(lists, "page", lambda *_: None)
    found = lookup.search(lookup.GraphView(seed_store), **filters)
    assert found and paging.claims_page(seed_store, 2, 9, **filters) == (len(found), found[2:11])


def test_a_page_of_one_document_by_its_id(seed_store):
    whole = lookup.GraphView(seed_store)
    doc_id = whole.documents["002_9296196bccfae27d.txt"]["id"]
    found = lookup.search(whole, document=doc_id)
    assert found and paging.claims_page(seed_store, 0, 100, document=doc_id) == (len(found), found)


@pytest.mark.parametrize("kind", ["corroborates", "conflicts"])
@pytest.mark.parametrize("entity", [None, "North Korea", "nis", "no such place"])
@pytest.mark.parametrize("offset, limit", [(0, 1000), (2, 3)])
def test_a_page_of_verdicts_without_the_whole_view_is_the_lists(seed_store, kind, entity, offset, limit):
    found = lookup.relations(lookup.GraphView(seed_store), kind, entity)
    assert paging.relations_page(seed_store, kind, offset, limit, entity) == (len(found), found[offset : offset + limit])


EVENT_FILTERS = [
    {}, {"entity": "Russia"}, {"entity": "no such place"}, {"document": "004_90cfa5b8c2d3a207.txt"},
    {"kind": "movement"}, {"trigger": "SIGN"}, {"start": datetime.date(2024, 1, 1)},
    {"end": datetime.date(2019, 12, 31)}, {"start": datetime.date(2023, 1, 1), "end": datetime.date(2024, 6, 30)},
    {"entity": "north-korea", "kind": "movement", "start": datetime.date(2020, 1, 1)},
]


@pytest.mark.parametrize("filters", EVENT_FILTERS, ids=[",".join(f"{k}={v}" for k, v in f.items()) or "all"
                                                        for f in EVENT_FILTERS])
@pytest.mark.parametrize("offset, limit", [(0, 1000), (4, 5)])
@pytest.mark.parametrize("batch", [None, 3], ids=["values", "by-half"])
def test_a_page_of_events_without_the_whole_view_is_the_timelines(seed_store, filters, offset, limit, batch, monkeypatch):
    if batch:
        monkeypatch.setattr(paging, "VALUES_PER_QUERY", batch)
        monkeypatch.setattr(kg.store, "VALUES_PER_QUERY", batch)
    found = lookup.timeline(lookup.GraphView(seed_store), **filters)
    assert paging.events_page(seed_store, offset, limit, **filters) == (len(found), found[offset : offset + limit])


def test_entities_by_query_count_the_claims_that_name_them(seed_store):
    view = lookup.GraphView(seed_store)
    named: dict[str, set[str]] = {}
    for c in view.claims.values():  # about it, or attributed to it
        for key in {c.subject_entity, c.place, *c.participants, *(s.entity for s in c.sources)} - {None}:
            named.setdefault(str(key), set()).add(c.id)
    found = lookup.entities(seed_store)
    assert {str(e["id"]): e["claims"] for e in found if e["claims"]} == {k: len(v) for k, v in named.items()
                                                                         if k in {e["id"] for e in found}}
    assert sum(1 for e in found if e["claims"]) >= 5  # the seeds name several entities
    for e in [e for e in found if e["claims"]] + found[:5]:
        one = lookup.entity(seed_store, str(e["id"]))
        assert one == {**e, "claim_ids": sorted(named.get(str(e["id"]), ()))}
    for key in ("no-such-entity", "North Korea", "<bad>", ""):  # ids only: a name is not an id
        with pytest.raises(NotFoundError):
            lookup.entity(seed_store, key)


def test_a_sentence_quote_names_its_claim(seed_store):
    rows = seed_store.select("SELECT ?claim ?quote WHERE { ?claim cg:evidence ?e . ?e oa:hasSelector ?quote . "
                             "?quote oa:exact ?text }")
    assert rows and all(rdf.claim_of_sentence_quote(r["quote"]) == str(r["claim"]) for r in rows)
    assert all(str(rdf.sentence_quote_iri(r["claim"])) == str(r["quote"]) for r in rows)
    others = seed_store.select("SELECT ?quote WHERE { ?quote oa:exact ?text FILTER NOT EXISTS { ?e oa:hasSelector ?quote . "
                               "?claim cg:evidence ?e } }")
    assert all(rdf.claim_of_sentence_quote(r["quote"]) is None for r in others)
    assert rdf.claim_of_sentence_quote(rdf.claim_iri("0123456789abcdef")) is None


def figure_point(record: ClaimRecord) -> FigurePoint | None:
    """A claim's point on a chart of figures over time, from its record (None unless it is a dated figure)."""
    if record["figure"] is None or not record["time"]:
        return None
    return {"document": record["document"], "measure": record["measure"], "unit": record["unit"],
            "time": record["time"], "value": record["value"], "low": record["low"], "high": record["high"],
            "source": record["sources"][0] if record["sources"] else None, "conflicts": bool(record["conflicts"])}


def test_figure_points_by_query_are_the_records_points(seed_store, monkeypatch):
    records = lookup.search(lookup.GraphView(seed_store))
    expected = sorted((p for p in map(figure_point, records) if p is not None), key=repr)
    assert len(expected) > 10 and any(p["conflicts"] for p in expected) and any(p["source"] for p in expected)
    for batch in (500, 3):
        monkeypatch.setattr(paging, "VALUES_PER_QUERY", batch)
        monkeypatch.setattr(kg.store, "VALUES_PER_QUERY", batch)
        got = paging.figure_points(seed_store, [r["id"] for r in records])
        assert sorted(got, key=repr) == expected
    assert paging.figure_points(seed_store, []) == []


def test_the_named_entities_are_those_listed_with_claims(seed_store):
    listed = [{"id": e["id"], "label": e["label"]} for e in lookup.entities(seed_store) if e["claims"]]
    assert listed and lookup.named_entities(seed_store) == listed


def test_a_page_of_one_measure_key_is_the_searchs_exact_matches(seed_store):
    records = lookup.search(lookup.GraphView(seed_store))
    keys = sorted({r["measure"] for r in records if r["measure"]})
    assert len(keys) > 3
    for key in keys[:6] + ["no:such:measure"]:
        found = [r for r in records if r["measure"] == key]
        assert paging.claims_page(seed_store, 0, 1000, measure_key=key) == (len(found), found)
        assert paging.measured(seed_store, key) == sorted(r["id"] for r in found)


@pytest.mark.parametrize("offset, limit", [(0, 100), (1, 2), (4, 10), (9, 3)])
def test_a_page_of_documents_is_the_lists(seed_store, offset, limit):
    every = lookup.documents(seed_store)
    assert lookup.documents_page(seed_store, offset, limit) == (len(every), every[offset : offset + limit])


WORD_FILTERS = [{"text": "workers Russia"}, {"text": "RUSSIA   workers,"}, {"text": "no-such-word-anywhere"},
                {"entity": "russia", "verdict": "corroborated", "text": "workers"}]


@pytest.mark.parametrize("filters", WORD_FILTERS, ids=[str(f) for f in WORD_FILTERS])
def test_words_are_found_from_the_words_kept_or_else_by_a_scan(seed_store, tmp_path, filters, monkeypatch):
    found = lookup.search(lookup.GraphView(seed_store), **filters)
    scans: list[str] = []
    read = GraphStore.select_each

    def watched(self, sparql, *args, **kwargs):  # type: ignore[no-untyped-def]
        if sparql == queries.QUOTES_WITH:
            scans.append(sparql)
        return read(self, sparql, *args, **kwargs)

    monkeypatch.setattr(GraphStore, "select_each", watched)
    assert paging.claims_page(seed_store, 0, 1000, **filters) == (len(found), found)
    assert not scans, "the claims' words are kept: no sentence is scanned"
    seed_store.backup(tmp_path / "copy")
    older = GraphStore.open(tmp_path / "copy")  # as a store written before the words were kept
    older.update("PREFIX cg: <https://w3id.org/claimgraph/ns#> DELETE WHERE { GRAPH ?g { ?claim cg:word ?word } }")
    assert not older.ask(queries.WORDS_KEPT)
    assert paging.claims_page(older, 0, 1000, **filters) == (len(found), found)
    assert scans or set(filters) != {"text"}, "without the words kept, the sentences are scanned"
    older.close()
