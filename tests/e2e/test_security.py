"""Hostile requests: updates, remote fetches, runaway queries, oversized and binary uploads."""

from __future__ import annotations

import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from kg.config import Settings
from kg.store import GraphStore

TOKEN = "a-test-token-of-32-characters-xx"

UPDATES = [
    'INSERT DATA { <http://x/s> <http://x/p> "o" }',
    "DELETE WHERE { ?s ?p ?o }",
    "DROP ALL",
    "CLEAR DEFAULT",
    "LOAD <http://127.0.0.1:9/data.ttl>",
    "CREATE GRAPH <http://x/g>",
]


@pytest.fixture(scope="module")
def live_copy(seed_store, tmp_path_factory):
    """A writable copy of the seed store behind an app with a short query budget."""
    path = tmp_path_factory.mktemp("security") / "store"
    seed_store.backup(path)
    store = GraphStore.open(path)
    settings = Settings(store=str(path), query_timeout=2.0, max_rows=10, api_token=TOKEN, query_workers=2,
                        max_query_bytes=20_000)
    with TestClient(create_app(settings, store=store)) as client:
        yield client, store
    store.close()


@pytest.mark.parametrize("update", UPDATES)
@pytest.mark.parametrize("how", ["get", "form", "direct", "update"])
def test_updates_are_refused_and_change_nothing(live_copy, update, how):
    client, store = live_copy
    before = store.canonical_hash()
    if how == "get":
        r = client.get("/sparql", params={"query": update})
    elif how == "form":
        r = client.post("/sparql", data={"update": update})
    elif how == "direct":
        r = client.post("/sparql", content=update, headers={"Content-Type": "application/sparql-query"})
    else:
        r = client.post("/sparql", content=update, headers={"Content-Type": "application/sparql-update"})
    assert 400 <= r.status_code < 500, r.text
    assert store.canonical_hash() == before


class Listener:
    """A TCP listener on loopback that counts connections."""

    def __init__(self, family=socket.AF_INET, host="127.0.0.1"):  # type: ignore[no-untyped-def]
        self.sock = socket.socket(family)
        self.sock.bind((host, 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.running = True
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while self.running:
            try:
                conn, _ = self.sock.accept()
                self.connections += 1
                conn.close()
            except OSError:
                continue

    def close(self) -> None:
        self.running = False
        self.thread.join(2)
        self.sock.close()


@pytest.fixture
def listener():
    v4 = Listener()
    try:
        v6 = Listener(socket.AF_INET6, "::1")
    except OSError:
        v6 = None
    yield v4, v6
    v4.close()
    if v6:
        v6.close()


def remote_queries(port: int, port6: int) -> list[str]:
    svc = f"http://127.0.0.1:{port}/sparql"
    return [
        f"SELECT * WHERE {{ SERVICE <{svc}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE <http://localhost:{port}/sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE <http://[::1]:{port6}/sparql> {{ ?s ?p ?o }} }}",
        "SELECT * WHERE { SERVICE <file:///etc/passwd> { ?s ?p ?o } }",
        f"SELECT * WHERE {{ BIND(<{svc}> AS ?x) SERVICE ?x {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?a ?b ?c OPTIONAL {{ SERVICE <{svc}> {{ ?s ?p ?o }} }} }} LIMIT 1",
        f"SELECT * WHERE {{ {{ ?a ?b ?c }} UNION {{ SERVICE SILENT <{svc}> {{ ?s ?p ?o }} }} }} LIMIT 1",
        f"SELECT * WHERE {{ {{ SELECT ?s WHERE {{ SERVICE <{svc}> {{ ?s ?p ?o }} }} }} }}",
        f"ASK {{ ?a ?b ?c FILTER EXISTS {{ SERVICE <{svc}> {{ ?s ?p ?o }} }} }}",
        f"SELECT * FROM <{svc}> WHERE {{ ?s ?p ?o }} LIMIT 1",
        f"SELECT * FROM NAMED <{svc}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }} LIMIT 1",
        f"LOAD <{svc}>",
        # Comment tricks: the check and the engine must agree on where a comment ends.
        *(f"SELECT * WHERE {{ # x{t}SERVICE <{svc}> {{ ?x ?p ?o }}\n}}"
          for t in ("\r", "\x0b", "\x0c", "\x85", "\u2028", "\u2029")),
        f'SELECT * WHERE {{ BIND("\\u0022 # " AS ?q) SERVICE <{svc}> {{ ?x ?p ?o }} }}',
        f"SELECT * WHERE {{ \\u0053ERVICE <{svc}> {{ ?x ?p ?o }} }}",
        f"PREFIX c: <http://127.0.0.1:{port}/> SELECT * WHERE {{ SERVICE:x{{ ?x ?p ?o }} }}",
    ]


def test_queries_never_reach_the_network(live_copy, listener):
    client, _ = live_copy
    v4, v6 = listener
    port6 = v6.port if v6 else v4.port
    statuses = []
    for q in remote_queries(v4.port, port6):
        statuses.append(client.get("/sparql", params={"query": q}).status_code)
        statuses.append(client.post("/sparql", data={"query": q}).status_code)
        statuses.append(client.post("/sparql", content=q, headers={"Content-Type": "application/sparql-query"}).status_code)
    svc = f"http://127.0.0.1:{v4.port}/g"
    statuses.append(client.get("/sparql", params={"query": "ASK { ?s ?p ?o }", "default-graph-uri": svc}).status_code)
    statuses.append(client.get("/sparql", params={"query": "ASK { GRAPH ?g { ?s ?p ?o } }", "named-graph-uri": svc}).status_code)
    time.sleep(0.5)
    assert v4.connections == 0 and (v6 is None or v6.connections == 0)
    assert all(s < 500 for s in statuses), statuses


def test_service_queries_are_refused_with_400(live_copy):
    client, _ = live_copy
    r = client.get("/sparql", params={"query": "SELECT * WHERE { SERVICE <http://example.org/> { ?s ?p ?o } }"})
    assert r.status_code == 400 and "SERVICE" in r.json()["message"]


def test_runaway_query_is_stopped_while_others_are_served(live_copy):
    client, _ = live_copy
    product = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    simple = "ASK { ?s a cg:Document }"
    for _ in range(3):  # both workers started and warm
        assert client.get("/sparql", params={"query": simple}).status_code == 200
    with ThreadPoolExecutor(4) as pool:
        started = time.monotonic()
        heavy = pool.submit(lambda: (client.get("/sparql", params={"query": product}), time.monotonic() - started))
        time.sleep(0.3)
        quick = [pool.submit(client.get, "/sparql", params={"query": simple}) for _ in range(3)]
        answers = [f.result(timeout=30) for f in quick]
        response, elapsed = heavy.result(timeout=30)
    assert response.status_code == 503 and elapsed < 2.0 + 2.0, (response.status_code, elapsed)
    assert all(a.status_code == 200 for a in answers)
    assert client.get("/sparql", params={"query": simple}).status_code == 200, "the pool recovers"


def test_results_are_capped_and_say_so(live_copy):
    client, _ = live_copy
    r = client.get("/sparql", params={"query": "SELECT ?s WHERE { ?s ?p ?o }"})
    assert r.status_code == 200 and r.headers["X-Results-Truncated"] == "true"
    assert len(r.json()["results"]["bindings"]) == 10
    small = client.get("/sparql", params={"query": "SELECT ?f WHERE { ?d cg:fileName ?f }"})
    assert "X-Results-Truncated" not in small.headers


def test_oversized_queries(live_copy):
    client, _ = live_copy
    long = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 30_000
    assert client.get("/sparql", params={"query": long}).status_code == 414
    assert client.post("/sparql", content=long, headers={"Content-Type": "application/sparql-query"}).status_code == 413

    def chunks():
        for _ in range(5):
            yield b"x" * 10_000

    r = client.post("/sparql", content=chunks(), headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 413


BODY = ("Workers head north to the city\n\nBy Ann Lee\nMay 1, 2025\n\nThe Russian Labor Ministry said on Monday that "
        "about 1,200 North Korean workers arrived in Vladivostok in 2024, a record for the region.\n").encode()
AUTH = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain"}


def test_upload_needs_the_token(live_copy):
    client, store = live_copy
    before = store.canonical_hash()
    assert client.post("/documents", params={"name": "a.txt"}, content=BODY, headers={"Content-Type": "text/plain"}).status_code == 401
    bad = {**AUTH, "Authorization": "Bearer wrong"}
    assert client.post("/documents", params={"name": "a.txt"}, content=BODY, headers=bad).status_code == 401
    assert store.canonical_hash() == before


def test_compaction_needs_the_token_and_keeps_the_graph(live_copy):
    client, store = live_copy
    before, generation = store.canonical_hash(), store.generation
    assert client.post("/compact").status_code == 401
    assert store.generation == generation
    r = client.post("/compact", headers={"Authorization": AUTH["Authorization"]})
    assert r.status_code == 200 and r.json()["status"] == "compacted" and r.json()["seconds"] >= 0
    assert store.canonical_hash() == before
    assert store.generation > generation  # the query workers' views are opened again
    answer = client.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s a cg:Document }"},
                        headers={"Accept": "application/sparql-results+json"})
    assert answer.status_code == 200 and answer.json()["results"]["bindings"][0]["n"]["value"] == "5"


def test_upload_disabled_without_a_configured_token(seed_store):
    settings = Settings(store=seed_store.location, query_workers=1)
    with TestClient(create_app(settings, store=seed_store)) as client:
        r = client.post("/documents", params={"name": "a.txt"}, content=BODY, headers=AUTH)
        assert r.status_code == 403 and "KG_API_TOKEN" in r.json()["message"]


@pytest.mark.parametrize(
    "body, media, status",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "text/plain", 415),
        ("Caf\u00e9".encode("latin-1") * 20, "text/plain", 415),
        (b"   \n", "text/plain", 422),
        (b"text", "application/pdf", 415),
    ],
)
def test_bad_uploads_are_refused(live_copy, body, media, status):
    client, store = live_copy
    before = store.canonical_hash()
    r = client.post("/documents", params={"name": "bad.txt"}, content=body, headers={**AUTH, "Content-Type": media})
    assert r.status_code == status and r.json()["message"]
    assert store.canonical_hash() == before


def test_ten_megabytes_is_too_large_with_and_without_length(live_copy):
    client, _ = live_copy
    big = b"word " * (2 * 1024 * 1024)
    assert client.post("/documents", params={"name": "big.txt"}, content=big, headers=AUTH).status_code == 413

    def chunks():
        for _ in range(100):
            yield b"word " * 20_000

    assert client.post("/documents", params={"name": "big.txt"}, content=chunks(), headers=AUTH).status_code == 413


@pytest.mark.parametrize("name", ["../etc/passwd", ".hidden", "a/b.txt", "x" * 300, ""])
def test_upload_names_are_checked(live_copy, name):
    client, _ = live_copy
    assert client.post("/documents", params={"name": name}, content=BODY, headers=AUTH).status_code == 422


@pytest.mark.parametrize("depth, status", [(100, 201), (5000, 422)])
def test_hostile_html_is_read_without_fetching(live_copy, listener, depth, status):
    """Entities, scripts and images are never fetched; a page nested past the parser's depth
    limit is refused with a reason rather than read wrongly."""
    client, store = live_copy
    v4, _ = listener
    before = store.canonical_hash()
    html = f"""<!DOCTYPE html [<!ENTITY xxe SYSTEM "http://127.0.0.1:{v4.port}/x">]>
    <html><head><title>Deep page about workers</title><script src="http://127.0.0.1:{v4.port}/s.js"></script></head>
    <body><img src="http://127.0.0.1:{v4.port}/i.png">{'<div>' * depth}<p>The ministry said that about 900 North
    Korean workers arrived in 2024 &xxe; in the region.</p>{'</div>' * depth}</body></html>""".encode()
    r = client.post("/documents", params={"name": f"hostile{depth}.html"}, content=html,
                    headers={**AUTH, "Content-Type": "text/html"})
    assert r.status_code == status, r.text
    if status != 201:
        assert "no article text" in r.json()["message"] and store.canonical_hash() == before
    time.sleep(0.3)
    assert v4.connections == 0


def test_an_upload_is_searchable_and_replaced_whole(live_copy):
    client, store = live_copy
    r = client.post("/documents", params={"name": "upload.txt"}, content=BODY, headers=AUTH)
    assert r.status_code == 201 and r.json()["status"] == "added"
    assert r.json()["document"]["authors"] == ["Ann Lee"]
    assert client.post("/documents", params={"name": "upload.txt"}, content=BODY, headers=AUTH).json()["status"] == "unchanged"
    changed = BODY.replace(b"1,200", b"1,300")
    assert client.post("/documents", params={"name": "upload.txt"}, content=changed, headers=AUTH).json()["status"] == "replaced"
    claims = client.get("/claims", params={"document": "upload.txt"}).json()["items"]
    assert [c["figure"] for c in claims if c["figure"]] == ["about 1,300"]  # the old figure is gone
    assert [c["event"] for c in claims if not c["figure"]] == ["arrive"]
    count = client.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?d cg:fileName \"upload.txt\" }"})
    assert count.json()["results"]["bindings"][0]["n"]["value"] == "1"


def test_text_beyond_the_parser_limit_is_refused_not_a_server_error(live_copy):
    client, store = live_copy
    before = store.canonical_hash()
    huge = ("Officials said about 1,000 workers arrived. " * 30_000).encode()
    assert 1_000_000 < len(huge) < 2_000_000
    r = client.post("/documents", params={"name": "long.txt"}, content=huge, headers=AUTH)
    assert r.status_code == 413 and "split" in r.json()["message"]
    assert store.canonical_hash() == before


def test_the_command_line_query_refuses_service(seed_store, listener):
    from click.testing import CliRunner

    from kg.cli import main

    v4, _ = listener
    q = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{v4.port}/> {{ ?s ?p ?o }} }}"
    result = CliRunner().invoke(main, ["query", "--store", seed_store.location, q])
    assert result.exit_code == 2 and "SERVICE is not allowed" in result.stderr
    assert v4.connections == 0


def test_answers_are_bounded_in_bytes(seed_store):
    """A short query that builds a huge value gets a cut answer, never hundreds of megabytes."""
    doubling = " ".join(f"BIND(CONCAT(?v{i}, ?v{i}) AS ?v{i + 1})" for i in range(22))
    query = f'SELECT ?v22 WHERE {{ BIND("abcdefgh" AS ?v0) {doubling} }}'
    settings = Settings(store=seed_store.location, query_workers=1, max_answer_bytes=200_000)
    with TestClient(create_app(settings, store=seed_store)) as client:
        r = client.get("/sparql", params={"query": query})
        assert r.status_code == 200 and r.headers["X-Results-Truncated"] == "true"
        assert len(r.content) < 200_000
        r = client.get("/sparql", params={"query": "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"}, headers={"Accept": "text/csv"})
        assert r.headers["X-Results-Truncated"] == "true" and len(r.content) <= 200_000


def test_a_query_past_its_memory_cap_fails_alone(seed_store):
    """A worker that runs out of its memory cap is replaced; the query gets a 400 that says why."""
    doubling = " ".join(f"BIND(CONCAT(?v{i}, ?v{i}) AS ?v{i + 1})" for i in range(27))
    query = f'SELECT (STRLEN(?v27) AS ?n) WHERE {{ BIND("abcdefgh" AS ?v0) {doubling} }}'
    settings = Settings(store=seed_store.location, query_workers=1, query_memory_mb=300, query_timeout=30)
    with TestClient(create_app(settings, store=seed_store)) as client:
        r = client.get("/sparql", params={"query": query})
        assert r.status_code == 400 and "MiB" in r.json()["message"], r.text
        assert client.get("/sparql", params={"query": "ASK { ?s a cg:Document }"}).json()["boolean"] is True


def test_slow_sparql_never_starves_rest(seed_store):
    """With every query worker busy and the queue full, REST still answers and SPARQL says when to retry."""
    product = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    settings = Settings(store=seed_store.location, query_workers=1, query_queue=2, query_timeout=3.0)
    with TestClient(create_app(settings, store=seed_store)) as client:
        assert client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).status_code == 200
        with ThreadPoolExecutor(48) as pool:
            slow = [pool.submit(client.get, "/sparql", params={"query": product}) for _ in range(45)]
            time.sleep(0.3)
            rest = [client.get(path) for path in ("/health", "/claims", "/documents")]
            still_running = sum(not f.done() for f in slow)
            answers = [f.result(timeout=60) for f in slow]
    assert all(r.status_code == 200 for r in rest)
    assert still_running > 0, "REST answered while slow queries were still running"
    refused = [a for a in answers if a.status_code == 503 and "queue is full" in a.json()["message"]]
    assert len(refused) >= 40 and all(a.headers["Retry-After"].isdigit() for a in refused)


def test_html_results_link_only_web_iris(live_copy):
    client, _ = live_copy
    query = 'SELECT ?x ?y WHERE { BIND(IRI("javascript:alert(document.domain)") AS ?x) BIND(IRI("https://example.org/a") AS ?y) }'
    r = client.get("/sparql", params={"query": query}, headers={"Accept": "text/html"})
    assert r.status_code == 200
    assert 'href="javascript:' not in r.text and 'href="https://example.org/a"' in r.text


@pytest.mark.parametrize("path", ["/", "/sparql", "/claims", "/health", "/ui/conflicts", "/nowhere"])
def test_every_answer_carries_the_security_headers(live_copy, path):
    client, _ = live_copy
    r = client.get(path, headers={"Accept": "text/html"})
    policy = r.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy and "'unsafe-inline'" not in policy.split(
        "style-src")[0]
    assert r.headers["X-Content-Type-Options"] == "nosniff" and r.headers["X-Frame-Options"] == "DENY"
    assert r.headers["Referrer-Policy"] == "no-referrer"


def test_the_query_page_script_is_the_one_the_policy_allows(live_copy):
    import base64
    import hashlib
    import re

    client, _ = live_copy
    r = client.get("/sparql", headers={"Accept": "text/html"})
    scripts = re.findall(r"<script>(.*?)</script>", r.text, re.S)
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    assert f"'sha256-{digest}'" in r.headers["Content-Security-Policy"]


@pytest.mark.parametrize("token, expected", [("", None), ("   ", None), ("short", "at least 16")])
def test_empty_tokens_disable_uploads_and_short_ones_are_refused(token, expected):
    from pydantic import ValidationError

    if expected is None:
        assert Settings(api_token=token).api_token is None
    else:
        with pytest.raises(ValidationError, match=expected):
            Settings(api_token=token)


def test_json_ld_refused_with_q_zero_is_not_sent(live_copy):
    client, _ = live_copy
    r = client.get("/claims", params={"limit": 1}, headers={"Accept": "application/ld+json;q=0, application/json"})
    assert r.headers["content-type"].startswith("application/json")
    r = client.get("/claims", params={"limit": 1}, headers={"Accept": "application/ld+json"})
    assert r.headers["content-type"].startswith("application/ld+json")


def test_a_failed_build_says_what_failed_with_the_right_status(live_copy):
    client, store = live_copy
    before = store.canonical_hash()
    r = client.post("/documents", params={"name": "empty.txt"}, content=b"\n\n   \n", headers=AUTH)
    assert r.status_code == 422 and r.json()["error"] == "bad_document"
    assert store.canonical_hash() == before


def test_a_pathological_upload_does_not_hold_the_service(live_copy):
    """A long hostile line is read in linear time, off the event loop."""
    client, store = live_copy
    hostile = ("Title of a page\n\n(" + " /" * 60_000 + "\n\nThe ministry said about 1,200 workers arrived "
               "in the city in 2024, more than in any year before.\n").encode()
    with ThreadPoolExecutor(2) as pool:
        upload = pool.submit(client.post, "/documents", params={"name": "hostile.txt"}, content=hostile, headers=AUTH)
        health = client.get("/health")
        r = upload.result(timeout=120)
    assert health.status_code == 200 and r.status_code == 201, r.text


def test_a_large_html_result_is_a_page_not_a_server_error(seed_store):
    settings = Settings(store=seed_store.location, query_workers=1)
    with TestClient(create_app(settings, store=seed_store)) as client:
        r = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"}, headers={"Accept": "text/html"})
    assert r.status_code == 200 and "the first 1000 rows" in r.text
    assert r.text.count("<tr>") == 1001


def test_uploads_are_authenticated_before_anything_else_is_checked(live_copy):
    client, _ = live_copy
    r = client.post("/documents", params={"name": "../bad name"}, content=b"", headers={"Content-Type": "text/plain"})
    assert r.status_code == 401 and r.json()["error"] == "unauthorized"


@pytest.mark.parametrize(
    "query, message",
    [
        ("", "the query is empty"),
        ("   # only a comment\n", "the query is empty"),
        ("SELECT ?s WHERE { ?s nope:p ?o }", "malformed SPARQL query"),
    ],
)
def test_query_errors_are_short_and_say_what(live_copy, query, message):
    client, _ = live_copy
    r = client.get("/sparql", params={"query": query})
    assert r.status_code == 400 and message in r.json()["message"]
    assert len(r.json()["message"]) <= 300


def test_evidence_selectors_carry_only_their_own_fields(live_copy):
    client, _ = live_copy
    claim_id = client.get("/claims", params={"limit": 1}).json()["items"][0]["id"]
    evidence = client.get(f"/claims/{claim_id}/sources").json()["evidence"]
    for selector in evidence["selector"] + evidence["span"]:
        assert None not in selector.values()
        wanted = {"type", "exact", "prefix", "suffix"} if selector["type"] == "TextQuoteSelector" else {
            "type", "start", "end"}
        assert set(selector) == wanted
