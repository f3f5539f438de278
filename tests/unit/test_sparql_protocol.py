"""The W3C SPARQL 1.1 Protocol tests, replayed against /sparql.

The manifest and its data are read from ``../shared/w3c/`` (not copied into the project). Each
test's graphs are loaded into a fresh in-memory store under the names the manifest gives; every
query and bad-request exchange is replayed and checked for status, result format and boolean.
Updates are POSTed to the same endpoint, as the manifest does, with the write token (an update
without it is refused: see ``test_updates_need_the_token``).
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import rdflib
from fastapi.testclient import TestClient
from rdflib import RDF, RDFS, Namespace, URIRef
from rdflib.collection import Collection

from api.main import create_app
from kg.config import Settings
from kg.store import GraphStore

from support import SHARED

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
W3C = SHARED / "w3c" / "sparql11-protocol"
TOKEN = "a-protocol-test-token-of-some-length"


def _manifest() -> tuple[rdflib.Graph, list[URIRef]]:
    g = rdflib.Graph().parse(W3C / "manifest.ttl", format="turtle", publicID=(W3C / "manifest.ttl").as_uri())
    root = next(g.subjects(RDF.type, MF.Manifest))
    return g, list(Collection(g, g.value(root, MF.entries)))


def _cases() -> list[object]:
    if not (W3C / "manifest.ttl").is_file():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"{W3C} is absent: the W3C protocol tests are not beside the project"))]
    g, entries = _manifest()
    out = []
    for test in entries:
        name = str(test).rsplit("#", 1)[1]
        out.append(pytest.param(test, id=name))
    return out


def _load(store: GraphStore, g: rdflib.Graph, test: URIRef) -> None:
    for data in g.objects(test, UT.graphData):
        source = Path(urlsplit(str(g.value(data, UT.graph))).path)
        name = URIRef(str(g.value(data, RDFS.label)))
        triples = rdflib.Graph().parse(source, format="nt")
        store.replace_graph(name, list(triples))


def _request(g: rdflib.Graph, request: URIRef) -> dict[str, object]:
    path = str(g.value(request, HT.absolutePath)).replace("/sparql/", "/sparql", 1)
    headers = {}
    headers_list = g.value(request, HT.headers)
    if headers_list is not None:
        for h in Collection(g, headers_list):
            headers[str(g.value(h, HT.fieldName))] = str(g.value(h, HT.fieldValue))
    body = g.value(request, HT.body)
    content = None
    if body is not None:
        encoding = str(g.value(body, CNT.characterEncoding) or "UTF-8")
        content = str(g.value(body, CNT.chars)).encode(encoding.lower().replace("utf-16", "utf-16"))
    return {"method": str(g.value(request, HT.methodName)), "url": path, "headers": headers, "content": content}


def _format_ok(expected: str, response) -> bool:  # type: ignore[no-untyped-def]
    media = response.headers.get("content-type", "").split(";")[0]
    if expected == "boolean":
        return media in ("application/sparql-results+json", "application/sparql-results+xml")
    if expected == "tabular":
        return media in ("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                         "text/tab-separated-values")
    if expected == "RDF":
        return media in ("application/rdf+xml", "text/turtle", "application/n-triples")
    raise AssertionError(f"unknown expected format {expected}")


def _boolean(response) -> bool:  # type: ignore[no-untyped-def]
    media = response.headers.get("content-type", "").split(";")[0]
    if media == "application/sparql-results+json":
        return json.loads(response.text)["boolean"]
    return "<boolean>true</boolean>" in response.text


@pytest.mark.parametrize("test", _cases())
def test_protocol(test):
    g, _ = _manifest()
    store = GraphStore.memory()
    _load(store, g, test)
    with TestClient(create_app(Settings(store=":memory:", api_token=TOKEN), store=store)) as client:
        for request in Collection(g, g.value(g.value(test, MF.action), HT.requests)):
            sent = _request(g, request)
            response = client.request(**{**sent, "headers": {**sent["headers"], "Authorization": f"Bearer {TOKEN}"}})
            expected = g.value(request, HT.resp)
            statuses = {str(s).rsplit("StatusCode", 1)[1] for s in g.objects(expected, MF.expectedStatus)}
            assert f"{str(response.status_code)[0]}xx" in statuses, (response.status_code, response.text[:300])
            fmt = g.value(expected, MF.expectedFormat)
            if fmt is not None:
                assert _format_ok(str(fmt), response), response.headers.get("content-type")
            boolean = g.value(expected, MF.expectedBoolean)
            if boolean is not None:
                assert _boolean(response) is boolean.toPython()
