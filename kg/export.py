"""Writers: RDF serialisations of the store, SPARQL results, and claim records (JSON lines, table).

>>> sorted(RDF_FORMATS)[:3]
['jsonld', 'nq', 'nt']
"""

from __future__ import annotations

import csv
import functools
import io
import itertools
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import IO
from xml.sax.saxutils import escape, quoteattr

import networkx as nx
import pyoxigraph as ox

from .errors import QueryError
from .network import EDGE_ATTRIBUTES, NODE_ATTRIBUTES, Edge, NetworkBuilder, Node, Part
from .readback import Drawn
from .records import ClaimRecord
from .sandbox import check_query
from .store import GraphStore, serialised
from .vocab import PREFIXES
from .wording import number

#: Export names and their Oxigraph formats.
RDF_FORMATS: dict[str, ox.RdfFormat] = {
    "ttl": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nq": ox.RdfFormat.N_QUADS,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}

RESULT_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}


def write_rdf(store: GraphStore, fmt: str, out: IO[bytes]) -> None:
    """The whole graph in ``fmt``, written to ``out`` as it is read (quad formats keep the named
    graphs; triple formats give their union, each triple once).

    XML 1.0 cannot carry control characters even escaped, so RDF/XML replaces them with U+FFFD.
    """
    if fmt != "rdfxml":
        store.write(RDF_FORMATS[fmt], out)
        return
    safe = (ox.Triple(t.subject, t.predicate, _xml_literal(t.object)) for t in store.union())
    ox.serialize(safe, output=out, format=ox.RdfFormat.RDF_XML, prefixes=PREFIXES)


def rdf(store: GraphStore, fmt: str) -> bytes:
    """The whole graph in ``fmt``, in memory (``write_rdf`` writes it as it is read)."""
    out = io.BytesIO()
    write_rdf(store, fmt, out)
    return out.getvalue()


def _xml_literal(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple:
    if isinstance(term, ox.Literal) and _XML_INVALID.search(term.value):
        value = _XML_INVALID.sub("\ufffd", term.value)
        if term.language:
            return ox.Literal(value, language=term.language)
        return ox.Literal(value, datatype=term.datatype)
    return term


def query_result(store: GraphStore, sparql: str, fmt: str) -> str:
    """A query's result as text: a SPARQL results format, Turtle for graphs, or a table.

    The query is checked first like a public one: no updates, no ``SERVICE``.
    """
    checked = check_query(sparql)
    result = store.query(checked.text, own_dataset=checked.dataset)
    if isinstance(result, ox.QueryTriples):
        return serialised(result.serialize(format=ox.RdfFormat.TURTLE)).decode("utf-8")
    if isinstance(result, ox.QueryBoolean):
        return "true" if bool(result) else "false"
    if fmt in RESULT_FORMATS:
        return serialised(result.serialize(format=RESULT_FORMATS[fmt])).decode("utf-8")
    if fmt != "table":
        raise QueryError(f"unknown result format {fmt!r}")
    names = [v.value for v in result.variables]
    rows = [[_cell(row[n]) for n in names] for row in result]
    return table(names, rows)


def _cell(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        return term.value
    return getattr(term, "value", str(term))


def table(header: Sequence[str], rows: Sequence[Sequence[str]], width: int = 60, whole: Sequence[str] = ()) -> str:
    """A plain text table with columns cut to ``width`` characters, but those named in ``whole``.

    >>> print(table(["a", "b"], [["1", "two"]]))
    a  b
    -  ---
    1  two
    """
    keep = [h in whole for h in header]
    cut = [[(c if len(c) <= width or k else c[: width - 1] + "…").replace("\n", " ") for c, k in zip(row, keep)]
           for row in rows]
    widths = [max([len(h), *(len(r[i]) for r in cut)]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths).rstrip())
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in cut]
    return "\n".join(lines)


def claims_table(records: Sequence[ClaimRecord]) -> str:
    """Claims for people: id (for ``kg sources``), figure, reading, time, sources and the sentence."""
    header = ["id", "document", "figure", "reading", "unit", "time", "sources", "text"]
    rows = []
    for r in records:
        low, high = r["low"], r["high"]
        if r["value"] is not None:
            reading = f"{str(r['qualifier']).replace('_', ' ')} {number(r['value'])}"
        elif low is not None or high is not None:
            reading = f"{number(low)}–{number(high)}" if low is not None and high is not None else "?"
        else:
            reading = str(r.get("event") or "")
        rows.append([
            str(r["id"]),
            str(r["document"])[:12],
            str(r["figure"] or ""),
            reading,
            str(r["unit"] or ""),
            str(r["time"] or ""),
            " > ".join(r["sources"]),
            str(r["text"]),
        ])
    return table(header, rows, width=50)


# ------------------------------------------------------------------------------------ network formats

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: str) -> str:
    """Text that XML 1.0 can carry: control characters and lone surrogates are dropped."""
    return _XML_INVALID.sub("", text)


GEXF_NS = "http://gexf.net/1.3"
GEXF_VIZ_NS = "http://gexf.net/1.3/viz"
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
#: Edges held in memory by a network export before the rest go to a temporary file.
SPOOL_BYTES = 16 * 2**20


def graph_parts(g: nx.MultiDiGraph) -> tuple[bool, Iterator[Part]]:
    """A networkx network (``network.claim_network``) as the parts the writers take: whether it
    has dates, and its nodes and edges sorted."""
    nodes = [Node(str(n), attrs) for n, attrs in sorted(g.nodes(data=True), key=lambda item: str(item[0]))]
    edges = sorted((Edge(str(a), str(b), attrs) for a, b, attrs in g.edges(data=True)), key=Edge.order)
    return any("start" in n.attrs for n in nodes), iter([(nodes, edges)])


def gexf(g: nx.MultiDiGraph) -> bytes:
    """GEXF 1.3 of a networkx network (see ``write_gexf``)."""
    out = io.BytesIO()
    write_gexf(*graph_parts(g), out)
    return out.getvalue()


def graphml(g: nx.MultiDiGraph) -> bytes:
    """GraphML of a networkx network (see ``write_graphml``)."""
    out = io.BytesIO()
    write_graphml(graph_parts(g)[1], out)
    return out.getvalue()


def _attvalue(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return xml_safe(str(value))


#: Node ids that need no escaping in a quoted XML attribute (a claim's, "claim:0c1d1783a61d3f6f").
_PLAIN_ID = re.compile(r"[A-Za-z0-9:._-]*")


def _quoted_id(node: str) -> str:
    """A node's id as a quoted XML attribute: a plain one as it is, others escaped and remembered
    (a network names each claim in many edges)."""
    return f'"{node}"' if _PLAIN_ID.fullmatch(node) else _escaped_id(node)


@functools.lru_cache(maxsize=1 << 14)
def _escaped_id(node: str) -> str:
    return quoteattr(xml_safe(node))


@functools.lru_cache(maxsize=1 << 14, typed=True)
def _attribute_cell(template: str, key: int, value: object, quote: Callable[[str], str] = quoteattr) -> str:
    """An attribute's value written into ``template`` with its key, remembered: the same
    relations, bases and reasons come back on many edges."""
    return template.format(key, quote(_attvalue(value)))


def _declared(attrs: dict[str, object], declared: dict[str, str]) -> list[tuple[int, object]]:
    """The attributes to write as values: those declared, by their number."""
    return [(i, attrs[k]) for i, k in enumerate(declared) if attrs.get(k) is not None]


def _network(parts: Iterable[Part], out: IO[bytes], node: Callable[[Node], str], edge: Callable[[str, Edge], str],
             between: str, tail: Iterable[bytes] = (), numbered: str = "") -> None:
    """Each node written as it comes, each edge spooled (numbered in order, after the prefix
    ``numbered``), then ``between``, the edges, and ``tail``: edges written already
    (``verdict_edges``). The formats want every node first, and no export holds the whole
    network."""
    with tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES) as edges:
        count = 0
        for nodes, piece in parts:
            out.write("".join(map(node, nodes)).encode("utf-8"))
            edges.write("".join(edge(f"{numbered}{count + i}", e) for i, e in enumerate(piece)).encode("utf-8"))
            count += len(piece)
        out.write(between.encode("utf-8"))
        edges.seek(0)
        shutil.copyfileobj(edges, out)
    for written in tail:
        out.write(written)


#: Edges formatted at a time by ``verdict_edges``.
_EDGES_AT_ONCE = 1000


def verdict_edges(fmt: str, verdicts: Iterable[Drawn], numbered: str) -> Iterator[bytes]:
    """The edges of verdicts (``network.record_verdicts``: from the first claim to the other) in a
    network format (``gexf``, ``graphml``), numbered after ``numbered`` (``v3.0``, ``v3.1`` ...),
    apart from the edges of the parts: written by themselves (``write_gexf``'s ``tail``), as
    ``NetworkBuilder.verdict`` would make them."""
    edge = _gexf_edge_text if fmt == "gexf" else _graphml_edge_text
    counted = enumerate(verdicts)
    while batch := list(itertools.islice(counted, _EDGES_AT_ONCE)):
        yield "".join(edge(f"{numbered}{i}", _quoted_id(f"claim:{v.a}"), _quoted_id(f"claim:{v.b}"),
                           _verdict_cells(fmt, v.kind, v.basis, v.reason)) for i, v in batch).encode("utf-8")


@functools.lru_cache(maxsize=1 << 14)
def _verdict_cells(fmt: str, kind: str, basis: str, reason: str) -> str:
    """A verdict edge's attribute values, remembered: the same relations, bases and reasons come
    back on many edges."""
    attrs = NetworkBuilder.verdict_attributes(kind, basis, reason)
    return _gexf_values(attrs, EDGE_ATTRIBUTES, len(NODE_ATTRIBUTES)) if fmt == "gexf" \
        else _graphml_data(attrs, EDGE_ATTRIBUTES, len(_GRAPHML_NODE_KEYS))


def _gexf_values(attrs: dict[str, object], declared: dict[str, str], base: int) -> str:
    present = _declared(attrs, declared)
    if not present:
        return ""
    cells = "".join(_attribute_cell('          <attvalue for="{}" value={} />\n', base + i, v) for i, v in present)
    return f"        <attvalues>\n{cells}        </attvalues>\n"


def _gexf_node(n: Node) -> str:
    a = n.attrs
    label = a.get("label")
    extra = "".join(f" {k}={quoteattr(_attvalue(a[k]))}" for k in ("start", "end") if a.get(k))
    text = f"      <node id={quoteattr(xml_safe(n.id))} label={quoteattr(_attvalue(n.id if label is None else label))}{extra}>\n"
    colour = a.get("colour")
    if isinstance(colour, tuple):
        r, g, b = colour
        text += f'        <viz:color r="{int(r)}" g="{int(g)}" b="{int(b)}" a="1.0" />\n'
        size = a.get("size")
        text += f'        <viz:size value="{float(size) if isinstance(size, int | float) else 5.0}" />\n'
    return text + _gexf_values(a, NODE_ATTRIBUTES, 0) + "      </node>\n"


def _gexf_edge(number: str, e: Edge) -> str:
    return _gexf_edge_text(number, _quoted_id(e.source), _quoted_id(e.target),
                           _gexf_values(e.attrs, EDGE_ATTRIBUTES, len(NODE_ATTRIBUTES)))


def _gexf_edge_text(number: str, source: str, target: str, cells: str) -> str:
    return f'      <edge id="{number}" source={source} target={target}>\n{cells}      </edge>\n'


def write_gexf(dynamic: bool, parts: Iterable[Part], out: IO[bytes], tail: Iterable[bytes] = ()) -> None:
    """GEXF 1.3 for Gephi, valid against the format's RELAX NG schema, node by node as the parts
    come: ``label`` and (documents) ``start`` for the timeline on the node, ``colour`` and
    ``size`` as ``viz`` elements, the other attributes (``network.NODE_ATTRIBUTES``,
    ``EDGE_ATTRIBUTES``) declared and given as values; ``tail``, edges written by
    ``verdict_edges``, after the parts' edges. The same parts give the same bytes."""
    edge_base = len(NODE_ATTRIBUTES)

    def declare(cls: str, declared: dict[str, str], base: int) -> str:
        rows = "".join(f'      <attribute id="{base + i}" title={quoteattr(k)} type="{kind}" />\n'
                       for i, (k, kind) in enumerate(declared.items()))
        return f'    <attributes class="{cls}" mode="static">\n{rows}    </attributes>\n'

    mode = ' mode="dynamic" timeformat="date"' if dynamic else ' mode="static"'
    out.write((f'<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="{GEXF_NS}" xmlns:viz="{GEXF_VIZ_NS}" version="1.3">\n'
               "  <meta>\n    <creator>claimgraph</creator>\n  </meta>\n"
               f'  <graph defaultedgetype="directed"{mode}>\n'
               + declare("node", NODE_ATTRIBUTES, 0) + declare("edge", EDGE_ATTRIBUTES, edge_base)
               + "    <nodes>\n").encode("utf-8"))
    _network(parts, out, _gexf_node, _gexf_edge, "    </nodes>\n    <edges>\n", tail)
    out.write(b"    </edges>\n  </graph>\n</gexf>\n")


#: GraphML keys: the label and date of a node, then the declared attributes.
_GRAPHML_NODE_KEYS = {"label": "string", "start": "string", **NODE_ATTRIBUTES}


def _graphml_data(attrs: dict[str, object], declared: dict[str, str], base: int) -> str:
    return "".join(_attribute_cell('      <data key="d{}">{}</data>\n', base + i, v, quote=escape)
                   for i, v in _declared(attrs, declared))


def _graphml_node(n: Node) -> str:
    return f"    <node id={quoteattr(xml_safe(n.id))}>\n{_graphml_data(n.attrs, _GRAPHML_NODE_KEYS, 0)}    </node>\n"


def _graphml_edge(number: str, e: Edge) -> str:
    return _graphml_edge_text(number, _quoted_id(e.source), _quoted_id(e.target),
                              _graphml_data(e.attrs, EDGE_ATTRIBUTES, len(_GRAPHML_NODE_KEYS)))


def _graphml_edge_text(number: str, source: str, target: str, cells: str) -> str:
    return f'    <edge id="{number}" source={source} target={target}>\n{cells}    </edge>\n'


def write_graphml(parts: Iterable[Part], out: IO[bytes], tail: Iterable[bytes] = ()) -> None:
    """GraphML of the network (yEd, Cytoscape, Gephi), node by node as the parts come; ``tail``
    as in ``write_gexf``."""
    edge_base = len(_GRAPHML_NODE_KEYS)
    keys = "".join(f'  <key id="d{i}" for="node" attr.name={quoteattr(k)} attr.type="{t}" />\n'
                   for i, (k, t) in enumerate(_GRAPHML_NODE_KEYS.items()))
    keys += "".join(f'  <key id="d{edge_base + i}" for="edge" attr.name={quoteattr(k)} attr.type="{t}" />\n'
                    for i, (k, t) in enumerate(EDGE_ATTRIBUTES.items()))
    out.write((f'<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="{GRAPHML_NS}">\n{keys}'
               '  <graph edgedefault="directed">\n').encode("utf-8"))
    _network(parts, out, _graphml_node, _graphml_edge, "", tail, numbered="e")
    out.write(b"  </graph>\n</graphml>\n")


_FORMULA = re.compile(r"^[=+\-@\t\r]")
CSV_FIELDS = ["id", "document", "start", "end", "figure", "value", "low", "high", "qualifier", "unit",
              "confidence", "modality", "subject", "measure", "time", "place", "sources", "corroborates",
              "conflicts", "changes", "independent_sources", "text"]


def spreadsheet_safe(value: object) -> str:
    """A cell a spreadsheet will not run as a formula (OWASP's CSV-injection rule).

    >>> spreadsheet_safe("=HYPERLINK(1)"), spreadsheet_safe(-3), spreadsheet_safe("-3 workers")
    ("'=HYPERLINK(1)", '-3', "'-3 workers")
    """
    if value is None:
        return ""
    if isinstance(value, list):
        value = "; ".join(map(str, value))
    if isinstance(value, int | float):
        return str(value)
    text = xml_safe(str(value)).replace("\r\n", "\n")
    return "'" + text if _FORMULA.match(text) else text


def write_claims_csv(records: Iterable[ClaimRecord], out: IO[bytes]) -> None:
    """Claims as CSV for spreadsheets, one row a claim, in UTF-8 with a byte-order mark (without
    one, Excel reads the file in the machine's legacy code page and mangles every non-ASCII name),
    written row by row."""
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="", write_through=True)
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for r in records:
        writer.writerow([spreadsheet_safe(r.get(k)) for k in CSV_FIELDS])
    text.flush()
    text.detach()  # the caller's stream stays open
