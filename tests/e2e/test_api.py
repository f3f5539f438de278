"""The JSON API and the SPARQL endpoint on the seed graph."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from kg.config import Settings


@pytest.fixture(scope="module")
def client(seed_store):
    with TestClient(create_app(Settings(store=seed_store.location), store=seed_store)) as c:
        yield c


def test_documents_lists_the_five_seeds_with_their_metadata(client):
    body = client.get("/documents").json()
    assert body["total"] == 5
    by_file = {d["file"]: d for d in body["items"]}
    assert by_file["001_46a845f7f420ae60.txt"]["published"] is None
    assert by_file["001_46a845f7f420ae60.txt"]["authors"] == ["Anna Fadiah", "Hayu Andini"]
    assert by_file["002_9296196bccfae27d.txt"]["published"] == "2025-02-05"
    assert by_file["002_9296196bccfae27d.txt"]["authors"] == ["Seo Ji-eun"]
    assert by_file["004_90cfa5b8c2d3a207.txt"]["title"] == (
        "North Korean Labor Dispatch to Russia: Current Issues and Prospects"
    )
    assert by_file["003_7d78bd987665da43.txt"]["publisher"] == "The Kyiv Independent"
    for d in body["items"]:
        assert set(d) >= {"id", "file", "title", "authors", "publisher", "published", "url", "sha256", "claims"}


def test_one_document_by_id(client):
    first = client.get("/documents").json()["items"][0]
    assert client.get(f"/documents/{first['id']}").json() == first


@pytest.mark.parametrize("bad", ["nope", "0000000000000000", "../../etc/passwd"])
def test_unknown_document_is_a_json_404(client, bad):
    r = client.get(f"/documents/{bad}")
    assert r.status_code == 404
    assert r.json()["error"] == "not_found"


def test_bad_paging_is_a_json_422(client):
    r = client.get("/documents", params={"limit": 0})
    assert r.status_code == 422
    assert "limit" in r.json()["message"]


def test_health(client):
    body = client.get("/health").json()
    assert body == {"status": "ok", "documents": 5, "claims": len(client.get("/claims", params={"limit": 1000}).json()["items"])}


def test_sparql_get_returns_json_results(client):
    r = client.get("/sparql", params={"query": "SELECT ?f WHERE { ?d cg:fileName ?f } ORDER BY ?f"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/sparql-results+json")
    files = [b["f"]["value"] for b in r.json()["results"]["bindings"]]
    assert files[0] == "000_7b65b09a4260db5d.txt" and len(files) == 5


def test_sparql_malformed_is_400(client):
    r = client.get("/sparql", params={"query": "SELECT * WHERE {"})
    assert r.status_code == 400 and r.json()["error"] == "bad_request"


def test_sparql_unknown_format_is_406(client):
    r = client.get("/sparql", params={"query": "ASK {}"}, headers={"Accept": "image/png"})
    assert r.status_code == 406


def test_sparql_without_query_describes_the_service(client):
    r = client.get("/sparql")
    assert r.status_code == 200 and "sd:Service" in r.text


def test_events_in_time_order_with_filters(client):
    body = client.get("/events", params={"limit": 1000}).json()
    items = body["items"]
    assert body["total"] == len(items) > 20 and all(e["kind"] == "event" and e["figure"] is None for e in items)
    dated = [e["time"].split("/")[0] for e in items if e["time"]]
    assert dated == sorted(dated) and items[-1]["time"] is None  # undated ones last
    signed = client.get("/events", params={"trigger": "sign", "entity": "north-korea"}).json()["items"]
    assert signed and all(e["event"] == "sign" and "north-korea" in e["participants"] for e in signed)
    in_2024 = client.get("/events", params={"start": "2024-01-01", "end": "2024-12-31"}).json()["items"]
    assert in_2024 and all(e["time"] and e["time"][:4] <= "2024" and e["time"].split("/")[-1][:4] >= "2024"
                           for e in in_2024)
    kinds = client.get("/events", params={"kind": "agreement"}).json()["items"]
    assert kinds and {e["event_type"] for e in kinds} == {"agreement"}
    one = client.get("/events", params={"document": items[0]["document"]}).json()["items"]
    assert {e["document"] for e in one} == {items[0]["document"]}


@pytest.mark.parametrize("params", [{"kind": "picnic"}, {"start": "2024-13-01"},
                                    {"start": "2025-01-01", "end": "2024-01-01"}, {"limit": 0}])
def test_bad_event_filters_are_422(client, params):
    r = client.get("/events", params=params)
    assert r.status_code == 422 and r.json()["message"]


def test_one_error_vocabulary_and_a_readable_unknown_prefix(client):
    r = client.get("/sparql", params={"query": "SELECT * WHERE { ?s foo:bar ?o }"})
    body = r.json()
    assert r.status_code == 400 and body["error"] == "bad_request"
    assert "unknown prefix 'foo:'" in body["message"] and "cg:" in body["message"] and len(body["message"]) < 300
    rest = client.get("/claims", params={"limit": 0}).json()["error"]
    upload = client.post("/documents", content=b"x")
    assert rest == "invalid_request" and upload.status_code == 403 and upload.json()["error"] == "forbidden"


def test_a_query_names_its_own_dataset_with_from(client):
    def count(query: str) -> int:
        r = client.get("/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+json"})
        assert r.status_code == 200, r.text
        return int(r.json()["results"]["bindings"][0]["n"]["value"])

    everything = count("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    entities = count("SELECT (COUNT(*) AS ?n) FROM <https://w3id.org/claimgraph/id/graph/entities> WHERE { ?s ?p ?o }")
    assert 0 < entities < everything
    assert count("SELECT (COUNT(*) AS ?n) FROM <https://example.org/no-such-graph> WHERE { ?s ?p ?o }") == 0
    named = count("SELECT (COUNT(*) AS ?n) FROM NAMED <https://w3id.org/claimgraph/id/graph/entities> "
                  "WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert named == entities
