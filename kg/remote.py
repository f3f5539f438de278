"""The graph in a SPARQL server: reads through the SPARQL 1.1 Protocol, writes through the Graph
Store HTTP Protocol, one named graph per document, replaced whole.

``RemoteDataset`` is an HTTP client that answers the calls of ``store.Dataset`` (``query`` with
Oxigraph's keyword arguments and result types, ``named_graphs``, iteration over quads, ``len``,
``dump``), so ``SparqlStore`` is a ``GraphStore`` whose reads, named queries and exports work as
the embedded store's do, and whose writes go over the Graph Store Protocol. Tested against Virtuoso Open Source 7; any server
that speaks both protocols should do.

* Bindings are sent as a trailing ``VALUES`` block, as rdflib's ``SPARQLStore`` does: a bound
  variable is joined, not substituted, so named queries bind it by a pattern in every group whose
  filters read it.
* Only this project's graphs (IRIs under ``GRAPHS``) count as the dataset for ``len``, dumps and
  hashes; a shared server's other graphs stay out of them.
* Results cut short by the server (Virtuoso's ``ResultSetMaxRows``) are an error, never a
  silently short answer.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Generator, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit, urlunsplit

import httpx
import pyoxigraph as ox

from . import queries
from .build import ID
from .config import Settings
from .errors import ConfigError, QueryError, StoreError
from .store import GraphStore, serialised
from .vocab import PREFIXES

log = logging.getLogger(__name__)

JSON_RESULTS = "application/sparql-results+json"
NTRIPLES = "application/n-triples"
#: Query endpoint path -> Graph Store endpoint path, for servers whose layout is known.
GRAPH_STORE_PATHS = {"/sparql": "/sparql-graph-crud-auth", "/sparql-auth": "/sparql-graph-crud-auth", "/query": "/store"}
#: The SPARQL Update endpoint beside a query endpoint, by the same layouts (Virtuoso writes only
#: through its authenticated endpoint).
UPDATE_PATHS = {"/sparql": "/sparql-auth", "/sparql-auth": "/sparql-auth", "/query": "/update"}
#: Where this project's named graphs live (documents, verdicts, vocabulary).
GRAPHS = str(ID["graph/"])
#: Seconds the store caches its generation (a write elsewhere shows within this time).
GENERATION_TTL = 2.0


class ServerAuth(httpx.Auth):
    """Answers the server's challenge: digest (Virtuoso's ``-auth`` endpoints) or basic."""

    def __init__(self, user: str, password: str) -> None:
        self.digest = httpx.DigestAuth(user, password)
        self.basic = httpx.BasicAuth(user, password)
        self.chosen: httpx.Auth | None = None

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self.chosen is not None:
            yield from self.chosen.auth_flow(request)
            return
        response = yield request
        if response.status_code != 401:
            return
        scheme = response.headers.get("www-authenticate", "").split(" ", 1)[0].lower()
        self.chosen = self.digest if scheme == "digest" else self.basic
        yield from self.chosen.auth_flow(request)


def _term(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> str:
    """A term in SPARQL syntax, written by Oxigraph's serialiser (escaped)."""
    if isinstance(term, ox.BlankNode):
        raise QueryError("a blank node cannot be bound in a query to a SPARQL server")
    return str(term)


def _bound(sparql: str, substitutions: dict[ox.Variable, Any]) -> str:
    """A query with variables bound as Oxigraph's substitutions bind them: a ``VALUES`` block that
    opens its ``WHERE`` group, so that every pattern is evaluated with them (a block after the
    query is joined last, and Virtuoso does not join it into the branches of a ``UNION``).

    >>> _bound("SELECT ?o WHERE { ?s ?p ?o }", {ox.Variable("s"): ox.NamedNode("http://example.org/a")})
    'SELECT ?o WHERE { VALUES (?s) { (<http://example.org/a>) }\\n ?s ?p ?o }'
    """
    names = list(substitutions)
    row = " ".join(_term(substitutions[n]) for n in names)
    values = f"VALUES ({' '.join(str(n) for n in names)}) {{ ({row}) }}"
    head, where, body = sparql.partition("WHERE {")
    return f"{head}{where} {values}\n{body}" if where else f"{sparql}\n{values}"


def _prologue(prefixes: dict[str, str] | None, base_iri: str | None) -> str:
    """The BASE and PREFIX declarations a server needs before a query or update of this library
    (which Oxigraph is given as arguments)."""
    prologue = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in (prefixes or {}).items())
    return (f"BASE <{base_iri}>\n" if base_iri else "") + prologue


class RemoteDataset:
    """A SPARQL server seen through the calls of ``store.Dataset``."""

    def __init__(self, endpoint: str, auth: tuple[str, str] | None = None,
                 timeout: float = 300.0, update_endpoint: str | None = None) -> None:
        self.endpoint = endpoint
        self.update_endpoint = update_endpoint or endpoint
        self.auth = auth
        self.client = httpx.Client(auth=ServerAuth(*auth) if auth else None, timeout=timeout,
                                   headers={"User-Agent": "claimgraph"})

    # ------------------------------------------------------------------ the protocol

    def _post(self, query: str, accept: str, params: list[tuple[str, str]]) -> httpx.Response:
        try:
            response = self.client.post(self.endpoint, params=tuple(params), data={"query": query},
                                        headers={"Accept": accept})
        except httpx.HTTPError as exc:
            raise StoreError(f"{self.endpoint}: the SPARQL server cannot be reached ({exc})") from exc
        if response.status_code >= 400:
            message = response.text.strip().splitlines()[:3]
            if response.status_code in (400, 414):
                raise QueryError(f"the SPARQL server refused the query: {' '.join(message)}")
            raise StoreError(f"{self.endpoint}: HTTP {response.status_code} {' '.join(message)}")
        if response.headers.get("x-sparql-maxrows"):
            raise StoreError(f"{self.endpoint}: the server cut the results at {response.headers['x-sparql-maxrows']} "
                             "rows; raise its limit (Virtuoso: ResultSetMaxRows in [SPARQL])")
        return response

    def query(self, sparql: str, *, prefixes: dict[str, str] | None = None, base_iri: str | None = None,
              use_default_graph_as_union: bool = False, default_graph: list[Any] | None = None,
              named_graphs: list[Any] | None = None,
              substitutions: dict[ox.Variable, Any] | None = None) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        """Run ``sparql`` on the server; the answer has pyoxigraph's result types."""
        text = _prologue(prefixes, base_iri) + (_bound(sparql, substitutions) if substitutions else sparql)
        params: list[tuple[str, str]] = []
        for g in default_graph or []:
            if isinstance(g, ox.NamedNode):
                params.append(("default-graph-uri", g.value))
        for g in named_graphs or []:
            params.append(("named-graph-uri", g.value))
        form = _form(sparql, tuple(sorted((prefixes or {}).items())))
        if form == "CONSTRUCT":
            response = self._post(text, NTRIPLES, params)
            local = ox.Store()
            local.load(response.content, format=ox.RdfFormat.N_TRIPLES)
            return local.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
        response = self._post(text, JSON_RESULTS, params)
        try:
            result = ox.parse_query_results(_canonical_booleans(response.content), format=ox.QueryResultsFormat.JSON)
        except (SyntaxError, ValueError) as exc:
            raise StoreError(f"{self.endpoint}: unreadable results ({exc})") from exc
        if form == "ASK" and isinstance(result, ox.QuerySolutions):
            # Virtuoso answers ASK with one row (?__ASK_RETVAL 1) or none.
            found = any(all(t is None or t.value != "0" for t in row) for row in result)
            return ox.parse_query_results(b'{"head": {}, "boolean": %s}' % (b"true" if found else b"false"),
                                          format=ox.QueryResultsFormat.JSON)
        return result

    def update(self, sparql: str, *, prefixes: dict[str, str] | None = None, base_iri: str | None = None) -> None:
        """Run a SPARQL Update on the server (the protocol's form POST)."""
        try:
            response = self.client.post(self.update_endpoint, data={"update": _prologue(prefixes, base_iri) + sparql})
        except httpx.HTTPError as exc:
            raise StoreError(f"{self.update_endpoint}: the SPARQL server cannot be reached ({exc})") from exc
        if response.status_code >= 400:
            message = " ".join(response.text.strip().splitlines()[:3])
            if response.status_code == 400:
                raise QueryError(f"the SPARQL server refused the update: {message}")
            raise StoreError(f"{self.update_endpoint}: HTTP {response.status_code} {message}")

    # ------------------------------------------------------------------ the dataset

    def _graph_sizes(self) -> dict[str, int]:
        """Triples per named graph of this project (the server's other graphs left out)."""
        rows = self.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        assert isinstance(rows, ox.QuerySolutions)
        return {row["g"].value: int(row["n"].value) for row in rows
                if isinstance(row["g"], ox.NamedNode) and row["g"].value.startswith(GRAPHS)}

    def named_graphs(self) -> Iterator[ox.NamedNode]:
        return iter(ox.NamedNode(g) for g in sorted(self._graph_sizes()))

    def quads_for_pattern(self, s: None, p: None, o: None, graph: ox.NamedNode | None = None) -> Iterator[ox.Quad]:
        for g in [graph] if graph is not None else self.named_graphs():
            rows = self.query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }", substitutions={ox.Variable("g"): g})
            assert isinstance(rows, ox.QuerySolutions)
            for row in rows:
                yield ox.Quad(row["s"], row["p"], row["o"], g)

    def __iter__(self) -> Iterator[ox.Quad]:
        return self.quads_for_pattern(None, None, None)

    def __len__(self) -> int:
        return sum(self._graph_sizes().values())

    def dump(self, output: IO[bytes] | None = None, *, format: ox.RdfFormat, from_graph: Any = None,
             prefixes: dict[str, str] | None = None) -> bytes | None:
        quads = list(self.quads_for_pattern(None, None, None, from_graph))
        if from_graph is not None or not format.supports_datasets:
            data = serialised(ox.serialize([q.triple for q in quads], format=format, prefixes=prefixes))
        else:
            data = serialised(ox.serialize(quads, format=format, prefixes=prefixes))
        if output is None:
            return data
        output.write(data)
        return None

    def close(self) -> None:
        self.client.close()


_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"


def _canonical_booleans(content: bytes) -> bytes:
    """Booleans in their canonical form: Virtuoso writes ``"1"^^xsd:boolean`` for ``true``."""
    if _BOOLEAN.encode() not in content:
        return content
    data = json.loads(content)
    for row in data.get("results", {}).get("bindings", []):
        for term in row.values():
            if term.get("datatype") == _BOOLEAN and term.get("value") in ("0", "1"):
                term["value"] = "true" if term["value"] == "1" else "false"
    return json.dumps(data).encode("utf-8")


@lru_cache(maxsize=1024)
def _form(sparql: str, prefixes: tuple[tuple[str, str], ...]) -> str:
    """The query form (SELECT, ASK, CONSTRUCT, DESCRIBE), read by Oxigraph's parser.

    The query is run on an empty in-memory store: the result type tells the form. Queries from
    the public endpoint reach here only after ``sandbox.check_query`` refused remote fetches.
    """
    try:
        result = ox.Store().query(sparql, prefixes=dict(prefixes))
    except SyntaxError as exc:
        raise QueryError(f"malformed SPARQL: {exc}") from exc
    if isinstance(result, ox.QueryTriples):
        return "CONSTRUCT"
    return "ASK" if isinstance(result, ox.QueryBoolean) else "SELECT"


class SparqlStore(GraphStore):
    """A ``GraphStore`` kept in a SPARQL server (``--store http://host:8890/sparql``)."""

    def __init__(self, remote: RemoteDataset, location: str, graph_store: str) -> None:
        super().__init__(remote, location)
        self._remote = remote
        self.graph_store = graph_store
        self._seen: tuple[float, int] = (0.0, 0)  # when the digest was last read, and its hash

    @classmethod
    def connect(cls, settings: Settings) -> SparqlStore:
        if urlsplit(settings.store).username is not None:
            raise ConfigError("put the SPARQL server's credentials in KG_STORE_USER and KG_STORE_PASSWORD, "
                              "not in the store URL")
        auth = None
        if settings.store_user:
            password = settings.store_password.get_secret_value() if settings.store_password else ""
            auth = (settings.store_user, password)
        graph_store = settings.graph_store or graph_store_url(settings.store)
        update = settings.update_endpoint or _beside(settings.store, UPDATE_PATHS) or settings.store
        store = cls(RemoteDataset(settings.store, auth, update_endpoint=update), settings.store, graph_store)
        store.ping()
        return store

    def ping(self) -> None:
        """Fail early, with the address, when the server does not answer."""
        self.ask("ASK { }")

    @property
    def generation(self) -> int:
        """Changes with this process's writes and, within ``GENERATION_TTL``, with anyone else's
        (a build elsewhere ends by writing a new verdict digest)."""
        checked, seen = self._seen
        now = time.monotonic()
        if now - checked > GENERATION_TTL:
            seen = hash(tuple(sorted(str(r["digest"]) for r in self.select(queries.VERDICT_DIGEST))))
            self._seen = (now, seen)
        return hash((self._writes, seen))

    def _gsp(self, method: str, graph: str, body: bytes | None = None) -> httpx.Response:
        try:
            return self._remote.client.request(method, self.graph_store, params={"graph": graph}, content=body,
                                  headers={"Content-Type": f"{NTRIPLES}; charset=utf-8"} if body is not None else None)
        except httpx.HTTPError as exc:
            raise StoreError(f"{self.graph_store}: the graph store cannot be reached ({exc})") from exc

    def replace_graph_text(self, graph: Any, text: str, atomic: bool = True) -> None:
        """PUT the graph whole (the Graph Store Protocol replaces it in one request, so every
        write is atomic)."""
        self._checked(self._gsp("PUT", str(graph), text.encode("utf-8")), graph)

    def add_to_graphs(self, bodies: Mapping[Any, str], bulk: bool = False) -> None:
        """POST each graph's triples (the Graph Store Protocol adds them)."""
        for graph, body in bodies.items():
            if body:
                self._checked(self._gsp("POST", str(graph), body.encode("utf-8")), graph)

    def _checked(self, response: httpx.Response, graph: Any) -> None:
        if response.status_code in (401, 403):
            raise StoreError(f"{self.graph_store}: the server refused to write (HTTP {response.status_code}); "
                             "check KG_STORE_USER and KG_STORE_PASSWORD")
        if response.status_code not in (200, 201, 204):
            raise StoreError(f"{self.graph_store}: writing graph {graph} failed "
                             f"(HTTP {response.status_code} {response.text.strip()[:200]})")
        self._writes += 1

    def remove_graph(self, graph: Any) -> None:
        response = self._gsp("DELETE", str(graph))
        if response.status_code not in (200, 204, 404):
            raise StoreError(f"{self.graph_store}: removing graph {graph} failed (HTTP {response.status_code})")
        self._writes += 1

    def update(self, text: str, base_iri: str | None = None) -> None:
        self._remote.update(text, prefixes=PREFIXES, base_iri=base_iri)
        self._writes += 1

    def flush(self) -> None:
        return None  # every write is already on the server

    def backup(self, target: str | Path) -> None:
        raise StoreError(f"{self.location}: a SPARQL server's data is backed up with the server's own tools")

    def compact(self) -> None:
        raise StoreError(f"{self.location}: a SPARQL server's storage is compacted with the server's own tools")

    def close(self) -> None:
        self._remote.close()


def graph_store_url(endpoint: str) -> str:
    """The Graph Store endpoint beside a query endpoint, for the layouts of known servers."""
    found = _beside(endpoint, GRAPH_STORE_PATHS)
    if found is None:
        raise ConfigError(f"{endpoint}: set KG_GRAPH_STORE to the server's Graph Store Protocol endpoint")
    return found


def _beside(endpoint: str, paths: Mapping[str, str]) -> str | None:
    """The endpoint that a known server's layout puts beside its query endpoint."""
    parts = urlsplit(endpoint)
    for query_path, other in paths.items():
        if parts.path.rstrip("/").endswith(query_path):
            path = parts.path.rstrip("/")[: -len(query_path)] + other
            return urlunsplit((parts.scheme, parts.netloc, path, "", ""))
    return None

