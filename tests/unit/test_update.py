"""SPARQL Update behind the write token: the curator's graphs are writable, the pipeline's are not."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from rdflib import Literal, URIRef

from api.main import create_app
from kg.build import ID
from kg.config import Settings
from kg.curation import check_update
from kg.errors import ForbiddenError, QueryError, StoreError, StoreLockedError
from kg.store import GraphStore

TOKEN = "an-update-token-that-is-long-enough"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
DOCUMENT_GRAPH = ID["graph/0123456789abcdef"]
NOTES = ID["curation/notes"]


@pytest.fixture
def client():
    store = GraphStore.memory()
    store.replace_graph(DOCUMENT_GRAPH, [(URIRef("https://example.org/doc"), URIRef("https://example.org/says"),
                                          Literal("what the pipeline read"))])
    with TestClient(create_app(Settings(store=":memory:", api_token=TOKEN), store=store)) as c:
        yield c


def _ask(client: TestClient, query: str) -> bool:
    answer = client.post("/sparql", data={"query": query}, headers={"Accept": "application/sparql-results+json"})
    return answer.json()["boolean"]


def test_an_update_needs_the_token(client):
    update = f"INSERT DATA {{ GRAPH <{NOTES}> {{ <https://example.org/a> <https://example.org/b> 1 }} }}"
    assert client.post("/update", data={"update": update}).status_code == 401
    assert client.post("/update", data={"update": update}, headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert not _ask(client, f"ASK {{ GRAPH <{NOTES}> {{ ?s ?p ?o }} }}")


def test_the_curators_graphs_take_updates(client):
    update = f"""PREFIX owl: <http://www.w3.org/2002/07/owl#>
INSERT DATA {{ GRAPH <{NOTES}> {{ <https://example.org/acme> owl:sameAs <https://example.org/acme-corp> }} }}"""
    answer = client.post("/update", content=update, headers={**AUTH, "Content-Type": "application/sparql-update"})
    assert answer.status_code == 204, answer.text
    assert _ask(client, f"ASK {{ GRAPH <{NOTES}> {{ ?s <http://www.w3.org/2002/07/owl#sameAs> ?o }} }}")
    assert client.post("/sparql", data={"update": f"CLEAR GRAPH <{NOTES}>"}, headers=AUTH).status_code == 204
    assert not _ask(client, f"ASK {{ GRAPH <{NOTES}> {{ ?s ?p ?o }} }}")


@pytest.mark.parametrize("update", [
    f"DROP GRAPH <{DOCUMENT_GRAPH}>",
    f"INSERT DATA {{ GRAPH <{DOCUMENT_GRAPH}> {{ <https://example.org/a> <https://example.org/b> 1 }} }}",
    f"DELETE {{ GRAPH <{DOCUMENT_GRAPH}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{DOCUMENT_GRAPH}> {{ ?s ?p ?o }} }}",
    f"WITH <{DOCUMENT_GRAPH}> DELETE {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o }}",
    f"COPY <{NOTES}> TO <{DOCUMENT_GRAPH}>",
    "CLEAR ALL",
    "DROP NAMED",
    "INSERT { GRAPH ?g { ?s ?p 1 } } WHERE { GRAPH ?g { ?s ?p ?o } }",
])
def test_the_pipelines_graphs_refuse_updates_and_say_why(client, update):
    answer = client.post("/update", data={"update": update}, headers=AUTH)
    assert answer.status_code == 403, answer.text
    assert "pipeline" in answer.json()["message"]
    assert _ask(client, f"ASK {{ GRAPH <{DOCUMENT_GRAPH}> {{ ?s ?p ?o }} }}")


@pytest.mark.parametrize("update, status", [
    ("LOAD <http://example.org/data.ttl>", 400),
    ("INSERT DATA { <https://example.org/a> <https://example.org/b> 1 } nonsense", 400),
    ("INSERT DATA { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", 400),
])
def test_updates_that_cannot_run_here_are_refused(client, update, status):
    assert client.post("/update", data={"update": update}, headers=AUTH).status_code == status


def test_a_query_sent_to_update_and_an_update_in_the_url_are_refused(client):
    assert client.post("/update", data={"query": "ASK {}"}, headers=AUTH).status_code == 400
    assert client.get("/sparql", params={"update": "CLEAR DEFAULT"}, headers=AUTH).status_code == 400


def test_the_protocols_dataset_becomes_using_clauses():
    checked = check_update("INSERT { GRAPH <https://example.org/out> { ?s a <https://example.org/T> } } "
                           "WHERE { ?s a <https://example.org/D> }",
                           using=["https://example.org/in"], using_named=["https://example.org/named"])
    assert "USING <https://example.org/in> USING NAMED <https://example.org/named> WHERE" in checked.text
    with pytest.raises(QueryError):
        check_update("INSERT { ?s a <https://example.org/T> } USING <https://example.org/x> WHERE { ?s ?p ?o }",
                     using=["https://example.org/in"])
    with pytest.raises(ForbiddenError):
        check_update("CLEAR ALL", existing=[str(DOCUMENT_GRAPH)])
    assert check_update("CLEAR ALL", existing=[str(NOTES)]).writes == {"ALL"}


def test_the_service_description_advertises_update(client):
    answer = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert "sd:SPARQL11Update" in answer.text


@pytest.mark.parametrize("path", ["/sparql", "/update"])
@pytest.mark.parametrize("failure, status, kind", [
    (StoreError("the disk is full"), 500, "server_error"),
    (StoreLockedError("the store is in use by another process"), 503, "store_busy"),
])
def test_a_store_that_cannot_take_an_update_is_a_json_error(client, monkeypatch, path, failure, status, kind):
    def fail(*args, **kwargs):
        raise failure

    monkeypatch.setattr(type(client.app.state.store), "update", fail)
    update = f"INSERT DATA {{ GRAPH <{NOTES}> {{ <https://example.org/a> <https://example.org/b> 1 }} }}"
    answer = client.post(path, data={"update": update}, headers=AUTH)
    assert (answer.status_code, answer.json()) == (status, {"error": kind, "message": failure.message})
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
    assert not _ask(client, f"ASK {{ GRAPH <{NOTES}> {{ ?s ?p ?o }} }}")
