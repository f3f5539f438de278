"""The public query check against the engine that runs the query: they must read the same query.

A differential fuzz: thousands of generated queries hide a ``SERVICE`` call to a loopback canary
behind comments, line terminators, codepoint escapes, strings and IRIs. Every query the check lets
through is run by Oxigraph exactly as the endpoint runs it; the canary must never be reached.
The query workers' own wall (no network sockets) is tested apart, with the check bypassed.
"""

from __future__ import annotations

import http.server
import multiprocessing as mp
import random
import threading

import pyoxigraph as ox
import pytest

from kg.errors import QueryError
from kg.isolation import network_isolation_supported
from kg.sandbox import CHECKED_QUERY_CHARS, check_query, remembered_check
from kg.sparql_text import canonical_query

TERMINATORS = ["\n", "\r", "\r\n", "\x0b", "\x0c", "\x85", "\u2028", "\u2029", "\t", " ", "", "\x00", "\ufeff"]
KEYWORDS = ["SERVICE", "service", "SeRvIcE", "\\u0053ERVICE", "SERV\\u0049CE", "\\U00000053ERVICE", "SERVICE SILENT"]


class Canary:
    """A loopback HTTP server that counts requests and answers with an empty SPARQL result."""

    def __init__(self) -> None:
        hits = self.hits = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                hits.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.end_headers()
                self.wfile.write(b'{"head":{"vars":[]},"results":{"bindings":[{}]}}')

            do_POST = do_GET

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def canary():
    c = Canary()
    yield c
    c.close()


def hiders(rng: random.Random, t: str) -> str:
    """Text that one parser or another might read as a comment, a string or an IRI."""
    return rng.choice([
        f"# x{t}",
        f"#{t}",
        f'"a{t}b" ',
        f"'''{t}''' ",
        f'"""x{t}""" ',
        '"\\u0022 # " ',
        "'\\u0027 # ' ",
        '"\\\\u0022 # " ',
        "# \\u000A ",
        "# \\u000D ",
        f"<urn:a{t}> ",
        "FILTER(?a<?b#>) ",
        f"FILTER(?a<?b)#>{t}",
        "BIND(1 AS ?z) ",
        f"{t}",
    ])


def generated_queries(port: int, count: int, seed: int = 1) -> list[str]:
    """Queries that call the canary through SERVICE, each written to slip past a naive check."""
    rng = random.Random(seed)
    queries = []
    for _ in range(count):
        t = rng.choice(TERMINATORS)
        keyword = rng.choice(KEYWORDS)
        prefix = ""
        target = rng.choice([f"<http://127.0.0.1:{port}/q>", f"<http://127.0.0.1:{port}/\\u0071>",
                             "c:q", ":q", "?endpoint"])
        if target in ("c:q", ":q"):
            prefix = f"PREFIX {target[:-1]} <http://127.0.0.1:{port}/>" + rng.choice([" ", "\n", "\r", "\t"])
        bind = f"BIND(<http://127.0.0.1:{port}/q> AS ?endpoint) " if target == "?endpoint" else ""
        gap = rng.choice([" ", "", t, "\t", "\n"])
        before = "".join(hiders(rng, rng.choice(TERMINATORS)) for _ in range(rng.randint(0, 2)))
        call = f"{keyword}{gap}{target}{gap}{{ ?s ?p ?o }}"
        body = rng.choice([
            f"{before}{t}{call}",
            f"{bind}{before}{t}{call}",
            f"?a ?b ?c OPTIONAL {{ {before}{t}{call} }}",
            f"{{ ?a ?b ?c }} UNION {{ {before}{t}{call} }}",
            f"FILTER EXISTS {{ {before}{t}{call} }}",
        ])
        form = rng.choice(["SELECT * WHERE", "SELECT*", "ASK", "CONSTRUCT WHERE"])
        queries.append(f"{prefix}{form} {{ {body}\n}}")
    return queries


def one_triple_store() -> ox.Store:
    """A store with one triple, so that OPTIONAL and EXISTS have a row to extend."""
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://example.org/a"), ox.NamedNode("http://example.org/b"), ox.Literal("c")))
    return store


def run(store: ox.Store, text: str) -> None:
    """Evaluate a query to the end, whatever its form; errors are fine, fetching is not."""
    try:
        result = store.query(text, use_default_graph_as_union=True)
        if not isinstance(result, ox.QueryBoolean):
            list(result)
    except (SyntaxError, OSError, RuntimeError):
        pass


def test_no_checked_query_reaches_the_network(canary):
    store = one_triple_store()
    queries = generated_queries(canary.port, 3000)
    passed = 0
    for q in queries:
        try:
            checked = check_query(q)
        except QueryError:
            continue
        passed += 1
        run(store, checked.text)
    assert canary.hits == [], f"{len(canary.hits)} of {passed} checked queries reached the canary"


def test_the_generated_queries_do_reach_the_network_unchecked(canary):
    """The fuzz is worth something: run as written, many of its queries would fetch the canary."""
    store = one_triple_store()
    before = len(canary.hits)
    for q in generated_queries(canary.port, 200, seed=2):
        run(store, q)
    assert len(canary.hits) - before >= 10


@pytest.mark.parametrize("t", TERMINATORS)
def test_the_reported_comment_trick_is_refused(t, canary):
    q = f"SELECT * WHERE {{ # x{t}SERVICE <http://127.0.0.1:{canary.port}/x> {{ ?x ?p ?o }}\n}}"
    try:
        checked = check_query(q)
    except QueryError:
        return
    # Where the terminator does not end the comment, SERVICE is commented out for both readers.
    assert "SERVICE" not in checked.text
    run(ox.Store(), checked.text)
    assert canary.hits == []


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { ?s ?p ?o }",
        "SELECT ?l WHERE { ?s rdfs:label ?l FILTER(CONTAINS(?l, \"service\")) }",
        "SELECT * WHERE { ?s <http://example.org/SERVICE#x> ?o } # SERVICE in a comment",
        "PREFIX ex: <http://example.org/> SELECT * WHERE { ?s ex:SERVICE ?service }",
        "SELECT ?x WHERE { BIND(\"caf\\u00e9 \\\"q\\\" \\n\" AS ?x) FILTER(?x != 'it\\'s') }",
        "ASK { ?s ?p \"\"\"long\nstring with \"quotes\" \"\"\" }",
        "SELECT * WHERE { ?a ?b ?c FILTER(?c < 5 && ?c > 1) }",
    ],
)
def test_ordinary_queries_pass_and_mean_the_same(query):
    checked = check_query(query)
    assert canonical_query(checked.text).text == checked.text, "canonical text is a fixed point"
    store = ox.Store()
    s = ox.NamedNode("http://example.org/s")
    store.add(ox.Quad(s, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), ox.Literal("a service")))
    store.add(ox.Quad(s, ox.NamedNode("http://example.org/SERVICE#x"), ox.Literal(3)))
    store.add(ox.Quad(s, ox.NamedNode("http://example.org/p"), ox.Literal("long\nstring with \"quotes\" ")))

    def answer(text: str) -> object:
        result = store.query(text, prefixes={"rdfs": "http://www.w3.org/2000/01/rdf-schema#"})
        if isinstance(result, ox.QueryBoolean):
            return bool(result)
        return sorted(str([row[v] for v in result.variables]) for row in result)

    assert answer(checked.text) == answer(query)


def test_string_values_survive_canonical_rewriting():
    query = 'SELECT ?x WHERE { BIND("caf\\u00e9 \\"q\\" \\n\\t" AS ?x) }'
    [row] = list(ox.Store().query(check_query(query).text))
    assert row["x"].value == 'café "q" \n\t'


@pytest.mark.parametrize(
    "query, message",
    [
        ('SELECT * WHERE { BIND("a\\\\u0022b" AS ?x) }', "backslash followed by u"),
        ("SEL\\u0045CT * WHERE { ?s ?p ?o }", "backslash outside a string"),
        ('SELECT * WHERE { BIND("open AS ?x) }', "not closed"),
        ("SELECT * WHERE { ?s ?p \"\x01\" }", "control character"),
    ],
)
def test_ambiguous_text_is_refused_with_a_reason(query, message):
    with pytest.raises(QueryError, match=message):
        check_query(query)


def test_canonical_rewriting_is_linear():
    """A long hostile query is lexed in time proportional to its length (no backtracking)."""
    import time

    def cost(n: int) -> float:
        text = "SELECT * { " + "<a" * n + " " + "'\\'" * n + "' }"
        start = time.perf_counter()
        try:
            canonical_query(text)
        except QueryError:
            pass
        return time.perf_counter() - start

    small, large = min(cost(5_000) for _ in range(3)), min(cost(50_000) for _ in range(3))
    assert large / small < 30, (small, large)


# ------------------------------------------------------------------------------ the worker's wall


def _service_without_check(port: int, closed_port: int, out: mp.Queue) -> None:
    from kg.isolation import deny_network

    deny_network()
    store = ox.Store()
    errors = []
    for p in (port, closed_port):
        try:
            list(store.query(f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{p}/x> {{ ?s ?p ?o }} }}"))
            errors.append("answered")
        except (OSError, RuntimeError, SyntaxError) as exc:
            errors.append(str(exc).replace(str(p), "PORT"))
    import socket

    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        errors.append("connected")
    except OSError as exc:
        errors.append(type(exc).__name__)
    out.put(errors)


@pytest.mark.skipif(not network_isolation_supported(), reason="seccomp network isolation needs Linux on x86-64 or AArch64")
def test_a_walled_worker_cannot_reach_the_network_even_unchecked(canary):
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    process = ctx.Process(target=_service_without_check, args=(canary.port, closed_port, out))
    process.start()
    errors = out.get(timeout=60)
    process.join(10)
    assert canary.hits == []
    assert errors[0] == errors[1] and "answered" not in errors, "open and closed ports fail alike"
    assert errors[2] == "PermissionError"


def test_a_repeated_query_is_checked_once_and_a_refusal_every_time():
    text = "SELECT ?s WHERE { ?s ?p ?o } LIMIT 3 # a query this test alone sends"
    first = check_query(text)
    hits = remembered_check.cache_info().hits
    assert check_query(text) is first and remembered_check.cache_info().hits == hits + 1
    long_text = text + " " * CHECKED_QUERY_CHARS
    assert check_query(long_text) is not check_query(long_text)  # checked each time, never kept
    refused = "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } } # this test's"
    for _ in range(2):
        with pytest.raises(QueryError):
            check_query(refused)
