"""REST lookups on the seed graph: claims, provenance, entities, verdicts, exports."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from kg.config import Settings


@pytest.fixture(scope="module")
def client(seed_store):
    with TestClient(create_app(Settings(store=seed_store.location), store=seed_store)) as c:
        yield c


def fifteen_thousand(client, doc="003"):
    items = client.get("/claims", params={"text": "15,000", "limit": 1000}).json()["items"]
    return next(c for c in items if c["document"].startswith(doc) and c["value"] == 15000)


def test_claims_are_paged(client):
    first = client.get("/claims", params={"limit": 5}).json()
    second = client.get("/claims", params={"limit": 5, "offset": 5}).json()
    assert first["total"] == second["total"] > 10
    assert len(first["items"]) == 5 and {c["id"] for c in first["items"]}.isdisjoint(c["id"] for c in second["items"])


@pytest.mark.parametrize(
    "params, check",
    [
        ({"entity": "nis"}, lambda c: "National Intelligence Service" in c["sources"]),
        ({"document": "002_9296196bccfae27d.txt"}, lambda c: c["document"] == "002_9296196bccfae27d.txt"),
        ({"source": "Labor Ministry"}, lambda c: "Russian Labor Ministry" in c["sources"]),
        ({"measure": "north-korea:arrival"}, lambda c: "north-korea:arrival" in c["measure"]),
        ({"text": "visas student"}, lambda c: {"student", "visas"} <= set(c["text"].lower().replace(".", " ").split())),
        ({"source": "NIS"}, lambda c: "National Intelligence Service" in c["sources"]),
        ({"source": "nis"}, lambda c: "National Intelligence Service" in c["sources"]),
        ({"verdict": "conflicting"}, lambda c: c["conflicts"]),
        ({"verdict": "single-source"}, lambda c: c["single_source_story"]),
    ],
)
def test_claim_filters(client, params, check):
    items = client.get("/claims", params={**params, "limit": 1000}).json()["items"]
    assert items and all(check(c) for c in items)


@pytest.mark.parametrize("params", [{"limit": 0}, {"offset": -1}, {"verdict": "maybe"}, {"limit": "many"},
                                    {"sorce": "NIS"}, {"entity": "nis", "colour": "red"}])
def test_bad_parameters_are_422(client, params):
    r = client.get("/claims", params=params)
    assert r.status_code == 422 and r.json()["error"] == "invalid_request"


def test_a_source_filter_matches_the_whole_entity_not_part_of_a_word(client):
    by_id = client.get("/claims", params={"source": "NIS", "limit": 1000}).json()["items"]
    assert by_id and all("National Intelligence Service" in c["sources"] for c in by_id)
    assert by_id == client.get("/claims", params={"source": "nis", "limit": 1000}).json()["items"]
    ministries = [c for c in client.get("/claims", params={"limit": 1000}).json()["items"]
                  if any("Ministry" in s for s in c["sources"])]
    assert ministries and not {c["id"] for c in ministries} & {c["id"] for c in by_id}


def test_entity_filter_by_label_and_verdicts_by_entity(client):
    by_label = client.get("/claims", params={"entity": "North Korea", "limit": 1000}).json()["items"]
    assert by_label == client.get("/claims", params={"entity": "north-korea", "limit": 1000}).json()["items"] != []
    everything = client.get("/corroborations", params={"limit": 1000}).json()
    nis = client.get("/corroborations", params={"entity": "NIS", "limit": 1000}).json()
    assert 0 < nis["total"] < everything["total"]
    assert all("National Intelligence Service" in (r["a"]["sources"] + r["b"]["sources"]) for r in nis["items"])
    assert client.get("/conflicts", params={"entity": "atlantis"}).json()["total"] == 0


def test_one_claim_and_unknown_ids(client):
    claim = fifteen_thousand(client)
    assert client.get(f"/claims/{claim['id']}").json() == claim
    assert client.get("/claims/0123456789abcdef").status_code == 404
    assert client.get("/claims/not-an-id").status_code == 422
    assert client.get("/claims/0123456789abcdef/sources").status_code == 404


def test_sources_of_the_fifteen_thousand_worker_claim(client):
    claim = fifteen_thousand(client)
    body = client.get(f"/claims/{claim['id']}/sources").json()
    files = {d["file"] for d in body["documents"]}
    assert files == {"001_46a845f7f420ae60.txt", "003_7d78bd987665da43.txt", "004_90cfa5b8c2d3a207.txt"}
    assert [link["label"] for link in body["chain"]] == [
        "The Kyiv Independent", "The Wall Street Journal", "National Intelligence Service"]
    assert [r["label"] for r in body["roots"]] == ["National Intelligence Service"]
    assert body["independent_sources"] == 2
    quote, position = body["evidence"]["selector"]
    assert quote["exact"].startswith("North Korea sent about 15,000")
    assert position["end"] - position["start"] == len(quote["exact"])
    span_quote = body["evidence"]["span"][0]
    assert span_quote["exact"] == "about 15,000" and span_quote["prefix"].endswith("North Korea sent ")
    others = {r["document"]["file"]: r for r in body["corroborated_by"]}
    # An unattributed statement is the document's own: the brief is its own root.
    assert [x["label"] for x in others["004_90cfa5b8c2d3a207.txt"]["roots"]] == ["Sejong Institute"]  # the publisher, not the file
    assert [link["label"] for link in others["001_46a845f7f420ae60.txt"]["chain"]] == [
        "UPI", "National Intelligence Service"]
    assert all("overlap" in r["verdict"]["reason"] for r in body["corroborated_by"])


def test_conflicts_carry_both_sides_and_the_reason(client):
    body = client.get("/conflicts").json()
    assert body["total"] >= 1
    assert any({item["a"]["figure"], item["b"]["figure"]} == {"8,600", "7,887"} for item in body["items"])
    for item in body["items"]:
        assert item["a"]["document"] != item["b"]["document"] and "disjoint" in item["reason"]


def test_corroborations(client):
    body = client.get("/corroborations", params={"limit": 1000}).json()
    assert any(i["basis"] == "arithmetic" for i in body["items"]) and any(i["basis"] == "value" for i in body["items"])


def test_entities_with_aliases(client):
    items = client.get("/entities", params={"limit": 1000}).json()["items"]
    nk = next(e for e in items if e["id"] == "north-korea")
    assert {"DPRK", "N. Korea", "Pyongyang"} <= set(nk["aliases"]) and nk["claims"] > 0
    detail = client.get("/entities/nis").json()
    assert detail["label"] == "National Intelligence Service" and detail["claim_ids"]
    assert client.get("/entities/atlantis").status_code == 404


def test_json_ld_on_request(client):
    claim = fifteen_thousand(client)
    r = client.get(f"/claims/{claim['id']}", headers={"Accept": "application/ld+json"})
    assert r.headers["content-type"].startswith("application/ld+json")
    import rdflib

    g = rdflib.Graph().parse(data=r.text, format="json-ld")
    assert (rdflib.URIRef(f"https://w3id.org/claimgraph/id/claim/{claim['id']}"), None, None) in g
    page = client.get("/claims", params={"limit": 2}, headers={"Accept": "application/ld+json"}).json()
    assert "@context" in page


def _resources(client):
    claim = fifteen_thousand(client)
    doc = client.get("/documents").json()["items"][0]
    return [("/documents", "document"), (f"/documents/{doc['id']}", "document"), ("/entities", "entity"),
            ("/entities/north-korea", "entity"), ("/conflicts", "verdict"), ("/corroborations", "verdict"),
            (f"/claims/{claim['id']}/sources", "claim"), ("/events", "claim")]


def test_every_resource_has_a_json_ld_form_with_a_served_context(client):
    import rdflib

    context = client.get("/context.jsonld")
    assert context.headers["content-type"].startswith("application/ld+json")
    assert context.json()["@context"]["cg"] == "https://w3id.org/claimgraph/ns#"
    for path, kind in _resources(client):
        plain = client.get(path)
        assert plain.headers["content-type"].startswith("application/json"), path
        r = client.get(path, headers={"Accept": "application/ld+json"})
        assert r.status_code == 200 and r.headers["content-type"].startswith("application/ld+json"), path
        g = rdflib.Graph().parse(data=r.text, format="json-ld")
        assert len(g) > 0, path
        assert any(str(s).startswith(f"https://w3id.org/claimgraph/id/{kind}/") for s in g.subjects()), path


@pytest.mark.parametrize("fmt", ["ttl", "trig", "nq", "jsonld", "gexf", "graphml", "csv"])
def test_exports_are_served(client, fmt):
    r = client.get(f"/export/{fmt}")
    assert r.status_code == 200 and len(r.content) > 1000
    assert "attachment" in r.headers["content-disposition"]


def test_csv_export_lists_the_claims(client):
    body = client.get("/export/csv").content
    assert body.startswith(b"\xef\xbb\xbf")  # a spreadsheet reads it as UTF-8
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    total = client.get("/claims").json()["total"]
    assert len(rows) == total and rows[0]["id"]
    assert any("’" in r["text"] or "—" in r["text"] for r in rows)  # non-ASCII text survives


def test_unknown_export_is_422(client):
    assert client.get("/export/pdf").status_code == 422


def test_openapi_documents_every_route(client):
    paths = set(client.get("/openapi.json").json()["paths"])
    assert {"/claims", "/claims/{claim_id}", "/claims/{claim_id}/sources", "/entities", "/entities/{entity_id}",
            "/conflicts", "/corroborations", "/documents", "/documents/{doc_id}", "/sparql", "/export/{fmt}"} <= paths


def test_errors_are_json(client):
    r = client.get("/nowhere")
    assert r.status_code == 404 and json.loads(r.text)["error"] == "not_found"


def test_the_readme_example_id_is_the_fifteen_thousand_worker_claim(client):
    """Ids derive from content: the id the README shows stays the same from build to build."""
    assert fifteen_thousand(client)["id"] == "f2cd65bc6d26af6b"


def test_an_event_links_the_figures_of_its_clause(client):
    events = client.get("/events", params={"limit": 1000}).json()["items"]
    sent = next(e for e in events if e["event"] == "send" and e["document"].startswith("003") and e["figures"])
    (figure_id,) = sent["figures"]
    figure = client.get(f"/claims/{figure_id}").json()
    assert figure["value"] == 15000 and figure["document"] == sent["document"]
    page = client.get(f"/ui/claims/{sent['id']}").text
    assert f'href="/ui/claims/{figure_id}"' in page and 'id="actors"' in page


def test_a_claims_sources_list_its_related_claims_a_slice_at_a_time(client):
    """Each kind of related claim is listed ``related`` at a time from ``related_offset``, by claim
    id; the claim's own record still lists the ids of all, and the slices together are the whole."""
    claims = client.get("/claims", params={"limit": 1000}).json()["items"]
    claim = max(claims, key=lambda c: len(c["corroborates"]))
    assert len(claim["corroborates"]) >= 3
    whole = client.get(f"/claims/{claim['id']}/sources", params={"related": 1000}).json()
    assert whole["claim"] == claim and len(whole["corroborated_by"]) == len(claim["corroborates"])
    keys = ("corroborated_by", "conflicts_with", "series")
    for key in keys:
        ids = [r["claim"]["id"] for r in whole[key]]
        assert ids == sorted(ids)
    pieces: dict[str, list[dict]] = {key: [] for key in keys}
    for offset in range(0, len(claim["corroborates"]) + 2, 2):
        part = client.get(f"/claims/{claim['id']}/sources", params={"related": 2, "related_offset": offset}).json()
        assert part["claim"] == claim and part["independent_sources"] == whole["independent_sources"]
        for key in keys:
            assert len(part[key]) <= 2
            pieces[key] += part[key]
    assert all(pieces[key] == whole[key] for key in keys)
    assert client.get(f"/claims/{claim['id']}/sources", params={"related": 1001}).status_code == 422
    assert client.get(f"/claims/{claim['id']}/sources", params={"related_offset": -1}).status_code == 422
