"""Fact-checkers' reviews: written behind the token, kept across builds, marked stale or orphaned
when what they rated changes, and published as schema.org ClaimReview that the shape accepts."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from api.main import create_app
from kg import lookup, pipeline, refresh, reviews
from kg.cli import main as cli
from kg.config import Settings
from kg.shacl import validate, validate_claimreview
from kg.store import GraphStore

from support import SEEDS

TOKEN = "a-review-token-long-enough-to-pass"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
#: Two seeds, enough for claims that agree across documents.
PICKED = ("002_9296196bccfae27d.txt", "003_7d78bd987665da43.txt")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in PICKED:
        shutil.copy(SEEDS / name, folder / name)
        sidecar = SEEDS / (name + ".json")
        if sidecar.exists():
            shutil.copy(sidecar, folder / sidecar.name)
    return folder


@pytest.fixture
def built(corpus: Path, tmp_path: Path, nlp) -> tuple[GraphStore, Settings]:
    settings = Settings(store=str(tmp_path / "store"), api_token=TOKEN, reviewer="Harbour Fact Check")
    store = GraphStore.open(settings.store)
    pipeline.build([corpus], store, settings, nlp=nlp)
    yield store, settings
    store.close()


def _figure_claim(view: lookup.GraphView, document: str) -> str:
    return next(c.id for c in sorted(view.claims.values(), key=lambda c: c.start)
                if c.document == document and c.figure is not None)


def test_a_review_is_written_behind_the_token_and_read_back(built):
    store, settings = built
    view = lookup.GraphView(store)
    claim = _figure_claim(view, PICKED[0])
    other = _figure_claim(view, PICKED[1])
    with TestClient(create_app(settings, store=store)) as client:
        body = {"rating": "mostly-true", "note": "Matches the border service's figures.", "support": [other]}
        assert client.post(f"/claims/{claim}/reviews", json=body).status_code == 401
        assert client.post(f"/claims/{claim}/reviews", json={**body, "rating": "sort-of"},
                           headers=AUTH).status_code == 422
        assert client.post("/claims/0123456789abcdef/reviews", json=body, headers=AUTH).status_code == 404
        made = client.post(f"/claims/{claim}/reviews", json=body, headers=AUTH)
        assert made.status_code == 201, made.text
        review = made.json()
        assert (review["rating"], review["rating_value"], review["reviewer"], review["status"]) == \
            ("mostly-true", 4, "Harbour Fact Check", "current")
        assert review["support"] == [other]
        assert client.get(f"/claims/{claim}").json()["reviews"][0]["id"] == review["id"]
        assert client.get(f"/claims/{claim}/sources").json()["reviews"][0]["note"] == body["note"]
        listed = client.get("/reviews", params={"rating": "mostly-true"}).json()
        assert listed["total"] == 1 and listed["items"][0]["claim"] == claim
        assert client.get("/reviews", params={"document": PICKED[1]}).json()["total"] == 0
        assert client.get("/reviews", params={"colour": "red"}).status_code == 422
        page = client.get(f"/ui/claims/{claim}").text
        assert "mostly-true" in page and 'id="review-form"' in page and "/static/review.js" in page


def test_the_claimreview_feed_is_schema_org_and_conforms_to_the_shape(built):
    store, settings = built
    view = lookup.GraphView(store)
    claim = _figure_claim(view, PICKED[0])
    with TestClient(create_app(settings, store=store)) as client:
        client.post(f"/claims/{claim}/reviews", json={"rating": "false", "note": "The ministry's own data differ."},
                    headers=AUTH)
        answer = client.get("/reviews", headers={"Accept": "application/ld+json"})
    assert answer.headers["content-type"].startswith("application/ld+json")
    feed = answer.json()
    (node,) = feed["@graph"]
    assert node["@type"] == "ClaimReview" and node["claimReviewed"] == view.claims[claim].text
    assert node["reviewRating"] == {"@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1,
                                    "alternateName": "false"}
    assert node["itemReviewed"]["@type"] == "Claim" and node["itemReviewed"]["appearance"]
    assert node["author"]["name"] == "Harbour Fact Check" and node["url"].startswith("http")
    conforms, report = validate_claimreview(answer.content)
    assert conforms, report
    broken = json.loads(answer.content)
    del broken["@graph"][0]["reviewRating"]["alternateName"]
    assert not validate_claimreview(json.dumps(broken))[0]


def test_reviews_survive_rebuilds_and_say_when_what_they_rated_changed(built, corpus, nlp):
    store, settings = built
    view = lookup.GraphView(store)
    first = _figure_claim(view, PICKED[0])
    second = _figure_claim(view, PICKED[1])
    for claim, rating in ((first, "true"), (second, "misleading")):
        reviews.add_review(store, reviews.new_review(view, claim, rating, "", settings.reviewer), view)
    reviewer = store.select("SELECT ?name WHERE { ?review a cg:Review ; prov:wasAttributedTo ?who . ?who rdfs:label ?name }")
    assert [str(r["name"]) for r in reviewer] == [settings.reviewer] * 2  # described once, read per review
    pipeline.build([corpus], store, settings, nlp=nlp)  # nothing changed: the reviews stay current
    view = lookup.GraphView(store)
    assert {r["claim"]: r["status"] for r in reviews.search(reviews.load_reviews(store), view)} == \
        {first: "current", second: "current"}
    edited = corpus / PICKED[0]
    edited.write_text("An editor's note was added at the top.\n\n" + edited.read_text(encoding="utf-8"),
                      encoding="utf-8")
    pipeline.build([corpus], store, settings, nlp=nlp)
    pipeline.remove_documents([PICKED[1]], store, settings)
    view = lookup.GraphView(store)
    found = {r["claim"]: r for r in reviews.search(reviews.load_reviews(store), view)}
    assert found[first]["status"] == "stale" and first not in view.claims  # its offsets moved
    assert found[second]["status"] == "orphaned" and found[second]["claim_text"]
    assert len(reviews.load_reviews(store)) == 2
    conforms, report = validate(store)
    assert conforms, report[:2000]


def test_kg_review_and_kg_reviews(corpus, tmp_path, nlp):
    settings = Settings(store=str(tmp_path / "cli-store"))
    store = GraphStore.open(settings.store)
    pipeline.build([corpus], store, settings, nlp=nlp)
    claim = _figure_claim(lookup.GraphView(store), PICKED[0])
    store.close()
    runner = CliRunner()
    env = {"KG_STORE": settings.store, "KG_REVIEWER": "Desk"}
    made = runner.invoke(cli, ["review", claim, "--rating", "mixed", "--note", "Two readings"], env=env)
    assert made.exit_code == 0, made.output
    bad = runner.invoke(cli, ["review", claim, "--rating", "maybe"], env=env)
    assert bad.exit_code != 0 and "maybe" in bad.output
    listed = runner.invoke(cli, ["reviews", "--format", "jsonl"], env=env)
    (line,) = listed.output.strip().splitlines()
    assert json.loads(line)["rating"] == "mixed" and json.loads(line)["reviewer"] == "Desk"
    feed = runner.invoke(cli, ["export", "--format", "claimreview"], env=env)
    assert feed.exit_code == 0 and validate_claimreview(feed.output)[0]


def test_entities_linked_over_update_are_honoured_by_the_next_reconciliation(built, corpus, nlp):
    store, settings = built
    before = store.select("SELECT ?d WHERE { ?r cg:inputDigest ?d }")
    with TestClient(create_app(settings, store=store)) as client:
        link = ("PREFIX owl: <http://www.w3.org/2002/07/owl#> INSERT DATA { GRAPH <https://w3id.org/claimgraph/id/"
                "curation/links> { <https://w3id.org/claimgraph/id/entity/nis> owl:sameAs "
                "<https://w3id.org/claimgraph/id/entity/south-korea> } }")
        assert client.post("/update", data={"update": link}, headers=AUTH).status_code == 204
    assert refresh.same_entities(store) == [("nis", "south-korea")]
    pipeline.build([corpus], store, settings, nlp=nlp)  # no document changed; the link did
    after = store.select("SELECT ?d WHERE { ?r cg:inputDigest ?d }")
    assert before and after and before != after
