"""Generated input against the service: no server error, ever (503 for a stopped query aside)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api.main import create_app
from kg.config import Settings
from kg.store import GraphStore

TOKENS = ["SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "WHERE", "{", "}", "?s", "?p", "?o", "*", ".", ";", ",",
          "FILTER", "(", ")", "REGEX", "STR", "OPTIONAL", "UNION", "GRAPH", "SERVICE", "<http://127.0.0.1:9/>",
          "BIND", "AS", "VALUES", "LIMIT", "10", "ORDER BY", "GROUP BY", "COUNT", "INSERT", "DATA", "DELETE",
          "LOAD", "DROP", "ALL", "\"x\"", "'y'@en", "1.5e3", "true", "a", "cg:Claim", "PREFIX", "x:", "<x>",
          "#", "\n", "\\u0000", "\u2028", "NOT EXISTS", "MINUS", "SELECT ?x WHERE", "}}}}", "{{{{"]


@pytest.fixture(scope="module")
def client():
    store = GraphStore.memory()
    app = create_app(Settings(store=":memory:", query_timeout=3.0, max_rows=50, query_workers=2), store=store)
    with TestClient(app) as c:
        yield c


QUICK = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@QUICK
@given(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=25).map(" ".join))
def test_generated_sparql_gets_no_server_error(client, query):
    for r in (client.get("/sparql", params={"query": query}),
              client.post("/sparql", content=query.encode("utf-8", "surrogatepass"),
                          headers={"Content-Type": "application/sparql-query"})):
        assert r.status_code < 500 or r.status_code == 503, (query, r.status_code, r.text[:200])


@QUICK
@given(st.binary(max_size=2000), st.sampled_from(["application/sparql-query", "application/x-www-form-urlencoded",
                                                  "application/sparql-update", "text/plain", "", "multipart/form-data"]))
def test_random_bytes_get_no_server_error(client, body, media):
    headers = {"Content-Type": media} if media else {}
    r = client.post("/sparql", content=body, headers=headers)
    assert r.status_code < 500 or r.status_code == 503, (body[:50], media, r.status_code, r.text[:200])


@QUICK
@given(st.text(max_size=300), st.text(max_size=60))
def test_random_text_in_parameters_gets_no_server_error(client, query, accept):
    r = client.get("/sparql", params={"query": query, "default-graph-uri": query[:50]}, headers={"Accept": accept.encode("ascii", "ignore").decode() or "*/*"})
    assert r.status_code < 500 or r.status_code == 503, (query, accept, r.status_code, r.text[:200])
