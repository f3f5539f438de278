"""Public SPARQL, run safely: checked before evaluation, answered within limits.

``check_query`` parses a query (rdflib's SPARQL parser, which is not thread-safe, so it runs in
the single-threaded query workers of ``query_workers``) and refuses what must never run on a
public endpoint: updates, and ``SERVICE`` anywhere in the query (Oxigraph would fetch it).
``evaluate`` runs a checked query and writes its answer in a W3C results format; results are
cut at ``max_rows`` and about ``max_bytes`` and say so.

>>> check_query("SELECT * WHERE { ?s ?p ?o } # the whole store").form
'SELECT'
>>> check_query("SELECT * WHERE { SERVICE <http://127.0.0.1/> { ?s ?p ?o } }")
Traceback (most recent call last):
...
kg.errors.QueryError: [E400] SERVICE is not allowed: this endpoint never fetches remote data
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import cast
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from .errors import QueryError
from .remote import RemoteDataset
from .sparql_text import canonical_query
from .store import query_dataset, serialised

log = logging.getLogger(__name__)


# ------------------------------------------------------------------------------------ checking


def _walk(node: object, seen: set[int]) -> list[str]:
    """Names of every parse-tree node (rdflib CompValue) under ``node``."""
    from rdflib.plugins.sparql.parserutils import CompValue

    if id(node) in seen:
        return []
    seen.add(id(node))
    names = []
    if isinstance(node, CompValue):
        names.append(node.name)
        children = list(node.values())
    elif isinstance(node, dict):
        children = list(node.values())
    elif isinstance(node, list | tuple) or hasattr(node, "asList"):
        children = list(cast(Iterable[object], node))
    else:
        return names
    for child in children:
        names.extend(_walk(child, seen))
    return names


def _short(error: BaseException, limit: int = 240) -> str:
    """A parser's message cut to its first line and ``limit`` characters (some list every
    character range they expected).

    >>> len(_short(SyntaxError("error at 1:8: expected one of " + "'a'..'z', " * 100)))
    240
    """
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


_ERROR_AT = re.compile(r"error at (\d+):(\d+)")
_PREFIXED_NAME = re.compile(r"([A-Za-z][\w.-]{0,80})?:\S{0,80}$")


def _syntax(error: SyntaxError, query: str, prefixes: dict[str, str]) -> str:
    """A syntax error for people: an undeclared prefix is named, with the ones the service knows,
    rather than listing every character the parser expected.

    >>> _syntax(SyntaxError("error at 1:22: expected one of Prefix not found, ['%'], ..."),
    ...         "SELECT * { ?s foo:bar ?o }", {"cg": "x", "id": "y"})
    "unknown prefix 'foo:' (line 1, column 22); declare it with PREFIX, or use one of cg:, id:"
    """
    text = str(error)
    at = _ERROR_AT.search(text)
    if "Prefix not found" in text and at:
        line, column = int(at.group(1)), int(at.group(2))
        lines = query.splitlines()
        before = lines[line - 1][: column - 1] if 0 < line <= len(lines) else ""
        name = _PREFIXED_NAME.search(before)
        known = ", ".join(f"{p}:" for p in sorted(prefixes))
        prefix = f"'{name.group(1) or ''}:' " if name else ""
        return f"unknown prefix {prefix}(line {line}, column {column}); declare it with PREFIX, or use one of {known}"
    return _short(error)


@dataclass(frozen=True)
class CheckedQuery:
    """A query known safe to run: its form, the canonical text the engine must run, and whether it
    names its own dataset (``FROM``/``FROM NAMED``), which then replaces the union default graph."""

    form: str
    text: str
    dataset: bool = False


#: Queries whose check is remembered (per process): dashboards and clients repeat theirs. Only
#: texts up to ``CHECKED_QUERY_CHARS`` are kept, so the memory this takes stays small whatever
#: anyone sends.
CHECKED_QUERIES = 1024
CHECKED_QUERY_CHARS = 4096


def check_query(query: str) -> CheckedQuery:
    """The query's form (SELECT, ASK, CONSTRUCT, DESCRIBE) and the text to run, once known safe.

    The check reads the canonical text of ``sparql_text.canonical_query`` and so must the
    engine: run ``CheckedQuery.text``, never the text given. Raises ``QueryError`` for
    malformed queries, updates and ``SERVICE`` (a refusal is not remembered). The answer
    depends on the text alone, so it is remembered for the last ``CHECKED_QUERIES`` short texts.
    """
    return remembered_check(query) if len(query) <= CHECKED_QUERY_CHARS else _check(query)


@lru_cache(maxsize=CHECKED_QUERIES)
def remembered_check(query: str) -> CheckedQuery:
    return _check(query)


def _check(query: str) -> CheckedQuery:
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    canonical = canonical_query(query)
    if not canonical.text.strip():
        raise QueryError("the query is empty")
    if "SERVICE" in canonical.keywords:
        raise QueryError("SERVICE is not allowed: this endpoint never fetches remote data")
    try:
        tree = parseQuery(canonical.text)
    except (ParseException, RecursionError, ValueError, TypeError) as exc:
        try:
            parseUpdate(canonical.text)
        except (ParseException, RecursionError, ValueError, TypeError):
            raise QueryError(f"malformed SPARQL query: {_short(exc)}") from exc
        raise QueryError("this endpoint is read-only: updates are refused") from exc
    names = _walk(tree, set())
    if "ServiceGraphPattern" in names:
        raise QueryError("SERVICE is not allowed: this endpoint never fetches remote data")
    for form in ("SelectQuery", "AskQuery", "ConstructQuery", "DescribeQuery"):
        if form in names:
            return CheckedQuery(form.removesuffix("Query").upper(), canonical.text, "DatasetClause" in names)
    raise QueryError("not a SPARQL query")


# ------------------------------------------------------------------------------------ results

RESULT_FORMATS = ("json", "xml", "csv", "tsv")
GRAPH_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "rdfxml": ox.RdfFormat.RDF_XML,
    "jsonld": ox.RdfFormat.JSON_LD,
}
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


_string = json.encoder.encode_basestring  # a JSON string, without escaping beyond ASCII (C where available)


def _json_term(t: object) -> str:
    """A term as a W3C SPARQL JSON results object."""
    if isinstance(t, ox.NamedNode):
        return '{"type":"uri","value":' + _string(t.value) + "}"
    if isinstance(t, ox.BlankNode):
        return '{"type":"bnode","value":' + _string(t.value) + "}"
    if isinstance(t, ox.Literal):
        value = _string(t.value)
        if t.language:
            return '{"type":"literal","value":' + value + ',"xml:lang":' + _string(t.language) + "}"
        if t.datatype.value != _XSD_STRING:
            return '{"type":"literal","value":' + value + ',"datatype":' + _string(t.datatype.value) + "}"
        return '{"type":"literal","value":' + value + "}"
    return '{"type":"triple","value":' + _string(str(t)) + "}"


def _xml_term(t: object) -> str:
    if isinstance(t, ox.NamedNode):
        return f"<uri>{escape(t.value)}</uri>"
    if isinstance(t, ox.BlankNode):
        return f"<bnode>{escape(t.value)}</bnode>"
    if isinstance(t, ox.Literal):
        if t.language:
            return f"<literal xml:lang={quoteattr(t.language)}>{escape(t.value)}</literal>"
        if t.datatype.value != _XSD_STRING:
            return f"<literal datatype={quoteattr(t.datatype.value)}>{escape(t.value)}</literal>"
        return f"<literal>{escape(t.value)}</literal>"
    return f"<literal>{escape(str(t))}</literal>"


def _csv_cell(t: object) -> str:
    if t is None:
        return ""
    value = t.value if isinstance(t, ox.NamedNode | ox.Literal) else (f"_:{t.value}" if isinstance(t, ox.BlankNode) else str(t))
    if any(c in value for c in ',"\n\r'):
        return '"' + value.replace('"', '""') + '"'
    return value


def _solution_parts(variables: Sequence[str], fmt: str) -> tuple[str, Callable[[Sequence[object]], str], str]:
    """Head, row writer and tail of a W3C results format (JSON, XML, CSV, TSV)."""
    if fmt == "json":
        head = json.dumps({"head": {"vars": list(variables)}}, ensure_ascii=False)[:-1] + ', "results": {"bindings": ['
        names = [_string(v) + ":" for v in variables]
        return head, (lambda row: "{" + ",".join(n + _json_term(t) for n, t in zip(names, row) if t is not None)
                      + "}"), "]}}"
    if fmt == "xml":
        head = ('<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>'
                + "".join(f"<variable name={quoteattr(v)}/>" for v in variables) + "</head><results>")
        return head, (lambda row: "<result>" + "".join(
            f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>" for v, t in zip(variables, row) if t is not None
        ) + "</result>"), "</results></sparql>\n"
    if fmt == "csv":
        return ",".join(variables) + "\r\n", (lambda row: ",".join(_csv_cell(t) for t in row) + "\r\n"), ""
    if fmt == "tsv":
        return ("\t".join(f"?{v}" for v in variables) + "\n",
                (lambda row: "\t".join("" if t is None else str(t) for t in row) + "\n"), "")
    raise QueryError(f"unknown results format {fmt!r}")


def write_solutions(variables: Sequence[str], rows: Iterable[Sequence[object]], fmt: str,
                    max_rows: int | None = None, max_bytes: int | None = None) -> tuple[bytes, int, bool]:
    """SPARQL results in JSON, XML, CSV or TSV (W3C result formats) from rows of Oxigraph terms.

    Returns the body, the rows written and whether rows were left out to stay within
    ``max_rows`` rows and about ``max_bytes`` bytes.

    >>> body, count, cut = write_solutions(["n"], [[ox.Literal("1")], [ox.Literal("2")]], "csv", max_rows=1)
    >>> body, count, cut
    (b'n\\r\\n1\\r\\n', 1, True)
    """
    head, write_row, tail = _solution_parts(variables, fmt)
    parts = [head.encode("utf-8")]
    size, count, truncated = len(parts[0]) + len(tail), 0, False
    separator = "," if fmt == "json" else ""
    for row in rows:
        if max_rows is not None and count >= max_rows:
            truncated = True
            break
        data = ((separator if count else "") + write_row(row)).encode("utf-8")
        size += len(data)
        if max_bytes is not None and size > max_bytes:
            truncated = True
            break
        parts.append(data)
        count += 1
    parts.append(tail.encode("utf-8"))
    return b"".join(parts), count, truncated


@dataclass(frozen=True)
class Answer:
    """A query's result, serialised: ``kind`` is solutions, boolean or graph."""

    kind: str
    body: bytes
    truncated: bool = False
    rows: int = 0


@dataclass(frozen=True)
class QueryTask:
    """One public query for a worker: its text, the format of each kind of result, the
    protocol's dataset (graph IRIs) and base IRI, and the answer's limits."""

    query: str
    formats: dict[str, str | None]
    max_rows: int
    max_bytes: int | None = None
    default_graph: tuple[str, ...] | None = None
    named_graph: tuple[str, ...] | None = None
    base_iri: str | None = None


def evaluate(store: ox.Store | RemoteDataset, task: QueryTask, checked: CheckedQuery, fmt: str,
             prefixes: dict[str, str]) -> Answer:
    """Run one checked query on ``store`` and serialise it in ``fmt`` (in the worker).

    ``checked`` is what ``check_query`` made of ``task.query``: its canonical text is what runs.
    The answer holds at most ``task.max_rows`` rows and about ``task.max_bytes`` bytes.
    """
    # The protocol's dataset names both sets of graphs (one may be empty); without it, a query's own
    # FROM and FROM NAMED are its dataset, else the union of all graphs.
    protocol = task.default_graph is not None or task.named_graph is not None
    dataset = query_dataset(task.default_graph or () if protocol else None, task.named_graph or () if protocol else None,
                            checked.dataset)
    try:
        result = store.query(checked.text, prefixes=prefixes, base_iri=task.base_iri or None,
                             default_graph=dataset.default_graph, named_graphs=dataset.named_graphs,
                             use_default_graph_as_union=dataset.union)
    except SyntaxError as exc:
        raise QueryError(f"malformed SPARQL query: {_syntax(exc, checked.text, prefixes)}") from exc
    limit, max_bytes = task.max_rows, task.max_bytes or None
    if isinstance(result, ox.QueryBoolean):
        return Answer("boolean", serialised(result.serialize(format=_RESULTS[fmt])))
    if isinstance(result, ox.QueryTriples):
        triples: list[ox.Triple] = []
        size, truncated = 0, False
        for t in result:
            size += len(str(t).encode("utf-8")) + 3
            if len(triples) == limit or (max_bytes is not None and size > max_bytes):
                truncated = True
                break
            triples.append(t)
        return Answer("graph", serialised(ox.serialize(triples, format=GRAPH_FORMATS[fmt])), truncated, len(triples))
    variables = [v.value for v in result.variables]
    rows = (list(solution) for solution in result)  # a solution's terms come in the order of its variables
    body, count, truncated = write_solutions(variables, rows, fmt, limit, max_bytes)
    return Answer("solutions", body, truncated, count)


_RESULTS = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML}
