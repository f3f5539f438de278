"""What a curator may write: SPARQL 1.1 Update, checked against the graphs the pipeline owns.

The pipeline owns every named graph under ``graph/`` (documents, verdicts, the vocabulary, the
alias table, reconciliation): a build rewrites them, so an update that would write one is
refused, with the reason. Every other graph is the curator's: reviews, notes, ``owl:sameAs``
links that merge two entities (the next reconciliation honours them), and the default graph.

The check reads the same canonical text the engine runs (``sparql_text.canonical_query``), parses
it with rdflib's SPARQL Update parser and looks at what each operation writes. ``LOAD`` (which
fetches from the network) and ``SERVICE`` are refused; so is a template that writes ``GRAPH
?variable``, which could reach any graph. The protocol's ``using-graph-uri`` and
``using-named-graph-uri`` become ``USING`` and ``USING NAMED`` clauses of each ``DELETE``/``INSERT``
operation, written by Oxigraph's term serialiser.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pyoxigraph as ox
from pyparsing import ParseException
from rdflib import URIRef, Variable
from rdflib.plugins.sparql.algebra import translateUpdate
from rdflib.plugins.sparql.parser import parseUpdate

from .build import ID
from .errors import ForbiddenError, QueryError
from .sparql_text import canonical_query
from .vocab import PREFIXES

#: The graphs the pipeline owns: every named graph under this prefix.
PIPELINE_GRAPHS = str(ID["graph/"])
#: Bare words that open parts of a query an update may not use.
_REFUSED = {"LOAD": "LOAD fetches data from the network, which this service never does",
            "SERVICE": "SERVICE queries another endpoint, which this service never does"}


@dataclass(frozen=True)
class CheckedUpdate:
    """An update that passed the check: the text to run, and the graphs it writes (IRIs, or
    ``DEFAULT``, ``NAMED`` and ``ALL`` for the graph sets of CLEAR and DROP)."""

    text: str
    writes: frozenset[str]


def owned(graph: str) -> bool:
    """Whether the pipeline owns a named graph (a curator may not write it)."""
    return graph.startswith(PIPELINE_GRAPHS)


def check_update(update: str, existing: Iterable[str] = (), using: Sequence[str] = (),
                 using_named: Sequence[str] = ()) -> CheckedUpdate:
    """Check an update against the pipeline's graphs (``existing`` lists the store's graphs, for
    ``CLEAR ALL`` and ``DROP NAMED``); ``QueryError`` when it cannot be read or run here,
    ``ForbiddenError`` when it would write a graph the pipeline owns."""
    canonical = canonical_query(update)
    for word, why in _REFUSED.items():
        if word in canonical.keywords:
            raise QueryError(f"{word} is not allowed: {why}")
    text = canonical.text
    if using or using_named:
        if "USING" in canonical.keywords or "WITH" in canonical.keywords:
            raise QueryError("the update names its own dataset (USING or WITH); do not also send "
                             "using-graph-uri or using-named-graph-uri")
        text = _with_using(text, using, using_named)
    try:
        parsed = parseUpdate(text)
        # A prefix declared before one operation holds for those after it, as SPARQL Update says
        # (rdflib's translation forgets it between operations).
        declared = {d.prefix: str(d.iri) for prologue in parsed.prologue for d in prologue
                    if d.name == "PrefixDecl" and d.prefix is not None}
        operations = translateUpdate(parsed, initNs={**PREFIXES, **declared}).algebra
    except ParseException as exc:
        raise QueryError(f"malformed SPARQL update: {exc}") from exc
    except Exception as exc:  # noqa: BLE001 - rdflib raises many kinds on input it cannot translate
        raise QueryError(f"malformed SPARQL update: {exc}") from exc
    writes: set[str] = set()
    for op in operations:
        writes |= _writes(op)
    forbidden = sorted(g for g in writes if g not in ("DEFAULT", "NAMED", "ALL") and owned(g))
    if forbidden:
        raise ForbiddenError(f"{forbidden[0]} is a graph the pipeline owns (documents, verdicts, entities, "
                             "vocabulary): a build rewrites it, so it is not written by hand; write to a graph "
                             "of your own (for example under curation/)")
    if writes & {"NAMED", "ALL"} and any(owned(g) for g in existing):
        raise ForbiddenError("CLEAR or DROP of ALL or NAMED graphs would reach the graphs the pipeline owns; "
                             "name the graphs to clear")
    return CheckedUpdate(text, frozenset(writes))


def _writes(op: object) -> set[str]:
    """The graphs one update operation writes."""
    name = getattr(op, "name", "")
    get = getattr(op, "get")
    if name in ("InsertData", "DeleteData", "DeleteWhere"):
        return _template(op)
    if name == "Modify":
        out: set[str] = set()
        with_graph = get("withClause")
        for part in (get("delete"), get("insert")):
            if hasattr(part, "get"):  # an absent template is empty
                out |= _template(part, default=str(with_graph) if with_graph is not None else "DEFAULT")
        return out
    if name in ("Clear", "Drop", "Create"):
        target = get("graphiri")
        return {str(target) if isinstance(target, URIRef) else str(target).upper()}
    if name in ("Add", "Copy", "Move"):
        source, target = get("graph")
        written = {_graph_ref(target)}
        return written | {_graph_ref(source)} if name == "Move" else written
    raise QueryError(f"the update operation {name or op!r} is not supported here")


def _graph_ref(ref: object) -> str:
    return str(ref) if isinstance(ref, URIRef) else "DEFAULT"


def _template(part: object, default: str = "DEFAULT") -> set[str]:
    """The graphs a template (or the data of INSERT DATA and DELETE DATA) writes."""
    get = getattr(part, "get")
    out: set[str] = set()
    if get("triples"):
        out.add(default)
    for graph, quads in (get("quads") or {}).items():
        if isinstance(graph, Variable):
            raise ForbiddenError(f"a template that writes GRAPH ?{graph} could reach the graphs the pipeline "
                                 "owns; name the graph")
        if quads:
            out.add(str(graph))
    return out


def _with_using(text: str, using: Sequence[str], using_named: Sequence[str]) -> str:
    """``text`` with the protocol's dataset as ``USING`` and ``USING NAMED`` clauses before the
    ``WHERE`` of each ``DELETE``/``INSERT`` operation (at nesting depth 0 of the canonical text)."""
    try:
        clauses = "".join(f" USING {ox.NamedNode(g)}" for g in using) + \
            "".join(f" USING NAMED {ox.NamedNode(g)}" for g in using_named)
    except ValueError as exc:
        raise QueryError(f"using-graph-uri and using-named-graph-uri must be IRIs ({exc})") from exc
    out: list[str] = []
    depth, i, n = 0, 0, len(text)
    while i < n:
        c = text[i]
        if c == '"':  # canonical strings use double quotes and escape their own quotes
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1])
            i = j + 1
            continue
        if c == "<":  # an IRI, or the less-than operator (which never reaches depth 0)
            j = text.find(">", i)
            if depth == 0 and j > 0:
                out.append(text[i:j + 1])
                i = j + 1
                continue
        if c in "{(":
            depth += 1
        elif c in "})":
            depth -= 1
        elif depth == 0 and text[i:i + 5].upper() == "WHERE" and (i == 0 or not text[i - 1].isalnum()) \
                and (i + 5 == n or not (text[i + 5].isalnum() or text[i + 5] in "_:")):
            before = "".join(out).rstrip().upper()
            if before.endswith("DELETE"):
                raise QueryError("using-graph-uri cannot apply to DELETE WHERE; write DELETE { ... } WHERE { ... }")
            out.append(clauses.lstrip() + " ")
        out.append(c)
        i += 1
    return "".join(out)
