"""The SPARQL 1.1 Protocol endpoints: queries at ``/sparql``, updates at ``/update`` (and POSTed
to ``/sparql``) behind the write token.

Queries arrive by GET (``?query=``), by form POST or by direct POST
(``application/sparql-query``); ``default-graph-uri`` and ``named-graph-uri`` set the dataset.
Results are negotiated from ``Accept``: SPARQL JSON, XML, CSV or TSV for SELECT and ASK;
Turtle, N-Triples, RDF/XML or JSON-LD for CONSTRUCT and DESCRIBE. A GET without a query returns
the service description.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import parse_qs

from fastapi import APIRouter, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from kg.curation import check_update
from kg.errors import ForbiddenError, KGError, NotAcceptable, QueryBusy, QueryError, QueryTimeout
from kg.store import GraphStore

from .. import query_page
from ..deps import RunnerDep, SettingsDep, StoreDep, require_token
from ..errors import error_kind, status_of
from ..negotiation import accepted, best_offer

log = logging.getLogger(__name__)
router = APIRouter(tags=["sparql"])

RESULT_TYPES: list[tuple[str, str]] = [
    ("application/sparql-results+json", "json"),
    ("application/sparql-results+xml", "xml"),
    ("text/csv", "csv"),
    ("text/tab-separated-values", "tsv"),
    ("application/json", "json"),
    ("application/xml", "xml"),
    ("text/html", "html"),
]
BOOLEAN_TYPES = [t for t in RESULT_TYPES if t[1] in ("json", "xml", "html")]
GRAPH_TYPES: list[tuple[str, str]] = [
    ("text/turtle", "ttl"),
    ("application/n-triples", "nt"),
    ("application/rdf+xml", "rdfxml"),
    ("application/ld+json", "jsonld"),
    ("text/plain", "nt"),
    ("text/html", "html"),
]


class ProtocolError(Exception):
    """A request the protocol refuses, with its HTTP status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def negotiate(accept: str | None, offers: list[tuple[str, str]]) -> tuple[str, str]:
    """The offer that best matches ``accept``; the first offer when anything goes."""
    media = best_offer(accept, [o[0] for o in offers])
    if media is None:
        raise ProtocolError(406, f"none of the accepted types ({accept}) is available; offered: "
                            + ", ".join(o[0] for o in offers))
    return next(o for o in offers if o[0] == media)


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 past ``limit`` bytes whether or not it says its length."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise ProtocolError(413, f"the request body is larger than {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ProtocolError(413, f"the request body is larger than {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


@dataclass(frozen=True)
class ProtocolRequest:
    """A protocol request: a query with its dataset, or an update with its ``USING`` dataset."""

    query: str | None = None
    update: str | None = None
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)
    using_graphs: list[str] = field(default_factory=list)
    using_named_graphs: list[str] = field(default_factory=list)


def _utf8(request: Request, body: bytes, what: str) -> str:
    charset = request.headers.get("content-type", "").lower()
    if "charset=" in charset and "utf-8" not in charset.split("charset=")[1]:
        raise ProtocolError(415, f"SPARQL {what}s must be sent as UTF-8")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProtocolError(415, f"the {what} body is not UTF-8") from exc


async def read_request(request: Request, limit: int) -> ProtocolRequest:
    """The query or update of a protocol request, checked for the protocol's errors."""
    params = parse_qs(request.url.query, keep_blank_values=True)
    if "update" in params:
        raise ProtocolError(400, "send an update in the body of a POST, never in the URL")
    if request.method == "POST":
        media = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
        body = await read_body(request, limit)
        if media == "application/x-www-form-urlencoded":
            try:
                form = parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
            except UnicodeDecodeError as exc:
                raise ProtocolError(400, "the form body is not UTF-8") from exc
            if "query" in params or ("query" in form and "update" in form):
                raise ProtocolError(400, "give one query or one update, once")
            for key, values in form.items():
                params.setdefault(key, []).extend(values)
        elif media == "application/sparql-query":
            if "query" in params:
                raise ProtocolError(400, "give the query in the body or in the URL, not both")
            params["query"] = [_utf8(request, body, "query")]
        elif media == "application/sparql-update":
            if "query" in params:
                raise ProtocolError(400, "give one query or one update, once")
            params["update"] = [_utf8(request, body, "update")]
        else:
            raise ProtocolError(415, "POST a query as application/x-www-form-urlencoded or application/sparql-query, "
                                     "an update as application/x-www-form-urlencoded or application/sparql-update")
    queries, updates = params.get("query", []), params.get("update", [])
    if len(queries) > 1 or len(updates) > 1:
        raise ProtocolError(400, "give exactly one query or one update")
    return ProtocolRequest(
        query=queries[0] if queries else None, update=updates[0] if updates else None,
        default_graphs=params.get("default-graph-uri", []), named_graphs=params.get("named-graph-uri", []),
        using_graphs=params.get("using-graph-uri", []), using_named_graphs=params.get("using-named-graph-uri", []),
    )


async def run_update(request: Request, asked: ProtocolRequest, store: GraphStore) -> Response:
    """Run a checked update behind the write token: 204, or the error that says why not."""
    assert asked.update is not None

    def write() -> None:
        with request.app.state.write_lock:
            checked = check_update(asked.update or "", store.graphs(), asked.using_graphs, asked.using_named_graphs)
            store.update(checked.text, base_iri=str(request.url.replace(query="")))
            store.flush()
            log.info("update: wrote %s", ", ".join(sorted(checked.writes)) or "nothing")

    try:
        require_token(request, request.headers.get("authorization"))
        await run_in_threadpool(write)
    except HTTPException as exc:
        return _error(exc.status_code, str(exc.detail), exc.headers)
    except ForbiddenError as exc:
        return _error(403, exc.message)
    except QueryError as exc:
        return _error(400, exc.message)
    return Response(status_code=204)


SERVICE_DESCRIPTION = """@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix void: <http://rdfs.org/ns/void#> .

[] a sd:Service ;
   sd:endpoint <{endpoint}> ;
   sd:supportedLanguage sd:SPARQL11Query, sd:SPARQL11Update ;
   sd:resultFormat <http://www.w3.org/ns/formats/SPARQL_Results_JSON>,
       <http://www.w3.org/ns/formats/SPARQL_Results_XML>, <http://www.w3.org/ns/formats/SPARQL_Results_CSV>,
       <http://www.w3.org/ns/formats/SPARQL_Results_TSV>, <http://www.w3.org/ns/formats/Turtle>,
       <http://www.w3.org/ns/formats/N-Triples>, <http://www.w3.org/ns/formats/RDF_XML>,
       <http://www.w3.org/ns/formats/JSON-LD> ;
   sd:feature sd:UnionDefaultGraph ;
   sd:defaultDataset [ a sd:Dataset ; sd:defaultGraph [ a sd:Graph, void:Dataset ] ] .
"""


@router.api_route("/sparql", methods=["GET", "POST"], response_class=Response)
@router.api_route("/sparql/", methods=["GET", "POST"], response_class=Response, include_in_schema=False)
async def sparql(request: Request, runner: RunnerDep, settings: SettingsDep, store: StoreDep) -> Response:
    """Run a SPARQL query (SPARQL 1.1 Protocol) under a time budget; or, POSTed behind the write
    token, an update (as at ``/update``).

    ``SERVICE`` is refused before evaluation; results are cut at the row limit, with the header
    ``X-Results-Truncated: true``; a query over the time budget gets 503.
    """
    query: str | None = None
    try:
        if len(request.url.query.encode()) > settings.max_query_bytes:
            raise ProtocolError(414, f"the request URI is longer than {settings.max_query_bytes} bytes; POST the query")
        asked = await read_request(request, settings.max_query_bytes)
        if asked.update is not None:
            return await run_update(request, asked, store)
        query, default_graphs, named_graphs = asked.query, asked.default_graphs, asked.named_graphs
        browser = _prefers_html(request.headers.get("accept"))
        if query is None:
            if request.method == "GET" and browser:
                return HTMLResponse(query_page.page())
            if request.method == "GET":
                endpoint = str(request.url.replace(query=""))
                return Response(SERVICE_DESCRIPTION.replace("{endpoint}", endpoint), media_type="text/turtle")
            raise ProtocolError(400, "no query given")
        accept = request.headers.get("accept")
        chosen: dict[str, tuple[str, str] | None] = {}
        for kind, offers in (("solutions", RESULT_TYPES), ("boolean", BOOLEAN_TYPES), ("graph", GRAPH_TYPES)):
            try:
                chosen[kind] = negotiate(accept, offers)
            except ProtocolError:
                chosen[kind] = None
        formats = {k: (None if v is None else ("json" if k != "graph" else "ttl") if v[1] == "html" else v[1])
                   for k, v in chosen.items()}
        dataset = bool(default_graphs or named_graphs)
        try:
            answer = await runner.run(query, formats, default_graph=default_graphs if dataset else None,
                                      named_graph=named_graphs if dataset else None,
                                      base_iri=str(request.url.replace(query="")))
        except NotAcceptable as exc:
            offers = {"solutions": RESULT_TYPES, "boolean": BOOLEAN_TYPES, "graph": GRAPH_TYPES}[exc.message]
            raise ProtocolError(406, f"none of the accepted types ({accept}) is available; offered: "
                                + ", ".join(o[0] for o in offers)) from exc
        offer = chosen[answer.kind]
        if offer is None:  # the worker answers only in a format that was chosen
            raise ProtocolError(406, f"no accepted type for a {answer.kind} result ({accept})")
        media, fmt = offer
        headers = {"X-Results-Truncated": "true"} if answer.truncated else {}
        log.info("sparql: %s %s, %d bytes as %s%s", request.method, answer.kind, len(answer.body), media,
                 " (truncated)" if answer.truncated else "")
        if fmt == "html":
            return HTMLResponse(query_page.page(query, answer=answer), headers=headers)
        return Response(answer.body, media_type=media, headers=headers)
    except ProtocolError as exc:
        return _error(exc.status, exc.message)
    except (QueryTimeout, QueryBusy) as exc:
        log.warning("sparql: %s", exc.message)
        return _error(503, exc.message, {"Retry-After": "2" if isinstance(exc, QueryBusy) else "10"})
    except QueryError as exc:
        if _prefers_html(request.headers.get("accept")):
            return HTMLResponse(query_page.page(query, error=exc.message), status_code=400)
        return _error(400, exc.message)


class DirectProtocol:
    """ASGI middleware that hands the protocol's queries (``GET`` and ``POST`` at ``/sparql``)
    straight to ``sparql``, past the framework's routing, dependencies and exception middleware:
    programs ask this endpoint more than any other, and for a quick query that machinery cost
    about as much as the service's own part of the work. The handler answers its own errors
    (a library error it does not expect is logged and answered 500, as elsewhere); everything
    around it (security headers, the server error middleware) still applies. The route stays
    declared below for the OpenAPI description and for an app without this middleware.
    """

    PATHS = ("/sparql", "/sparql/")

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] not in self.PATHS or scope["method"] not in ("GET", "POST"):
            await self.app(scope, receive, send)
            return
        request = Request(scope, receive)
        state = request.app.state
        try:
            response = await sparql(request, state.runner, state.settings, state.store)
        except KGError as exc:
            status, kind = status_of(exc) or (500, error_kind(500))
            if status == 500:
                log.error("unexpected library error on %s: %s", scope["path"], exc)
            response = _error(status, exc.message, kind=kind)
        await response(scope, receive, send)


def _prefers_html(accept: str | None) -> bool:
    """A browser navigating here: HTML is what it asks for first."""
    ranges = accepted(accept or "")
    return bool(ranges) and ranges[0][0] in ("text/html", "application/xhtml+xml")


def _error(status: int, message: str, headers: Mapping[str, str] | None = None, kind: str | None = None) -> Response:
    return Response(
        json.dumps({"error": kind or error_kind(status), "message": message}),
        status_code=status,
        media_type="application/json",
        headers=headers,
    )


@router.post("/update", response_class=Response, status_code=204,
             responses={400: {}, 401: {}, 403: {}, 413: {}, 415: {}})
async def update(request: Request, settings: SettingsDep, store: StoreDep) -> Response:
    """Run a SPARQL 1.1 Update (the protocol's form POST ``update=`` or ``application/sparql-update``;
    ``using-graph-uri`` and ``using-named-graph-uri`` set its dataset) behind the bearer token of
    ``KG_API_TOKEN``. The graphs the pipeline owns (documents, verdicts, entities, vocabulary) are
    refused with 403; every other named graph, and the default graph, is the curator's."""
    try:
        asked = await read_request(request, settings.max_query_bytes)
        if asked.update is None:
            raise ProtocolError(400, "no update given (queries go to /sparql)")
    except ProtocolError as exc:
        return _error(exc.status, exc.message)
    return await run_update(request, asked, store)
