"""Writers: RDF serialisations of the store, SPARQL results, and claim records (JSON lines, table).

>>> sorted(RDF_FORMATS)[:3]
['jsonld', 'nq', 'nt']
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from typing import IO
from xml.sax.saxutils import quoteattr

import networkx as nx
import pyoxigraph as ox

from .errors import QueryError
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


def _clean_network(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A sorted copy whose attributes are strings, floats or ints and XML-safe (networkx writes others wrongly)."""
    out = nx.MultiDiGraph()

    def clean(attrs: dict[str, object]) -> dict[str, object]:
        kept: dict[str, object] = {}
        for k, v in attrs.items():
            if v is None or k == "colour":
                continue
            kept[k] = xml_safe(v) if isinstance(v, str) else (float(v) if isinstance(v, float) else v)
        return kept

    # Sorted, so the same graph always exports to the same bytes.
    for n, attrs in sorted(g.nodes(data=True), key=lambda item: str(item[0])):
        out.add_node(xml_safe(str(n)), **clean(attrs))
    edges = [(xml_safe(str(a)), xml_safe(str(b)), clean(attrs)) for a, b, attrs in g.edges(data=True)]
    for a, b, attrs in sorted(edges, key=lambda e: (e[0], e[1], sorted(map(str, e[2].items())))):
        out.add_edge(a, b, **attrs)
    return out


GEXF_NS = "http://gexf.net/1.3"
GEXF_VIZ_NS = "http://gexf.net/1.3/viz"


def gexf(g: nx.MultiDiGraph) -> bytes:
    """GEXF 1.3 for Gephi, valid against the format's RELAX NG schema (see ``write_gexf``)."""
    out = io.BytesIO()
    write_gexf(g, out)
    return out.getvalue()


#: Node attributes GEXF carries in the node element itself, not as attribute values.
_NODE_FIELDS = {"label", "start", "end", "colour"}
_GEXF_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}


def _attribute_types(items: Iterable[dict[str, object]], skip: set[str]) -> dict[str, str]:
    types: dict[str, str] = {}
    for attrs in items:
        for k, v in attrs.items():
            if v is not None and k not in skip:
                kind = _GEXF_TYPES.get(type(v), "string")
                types[k] = kind if types.get(k, kind) == kind else "string"
    return dict(sorted(types.items()))


def _attvalue(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return xml_safe(str(value))


def write_gexf(g: nx.MultiDiGraph, out: IO[bytes]) -> None:
    """Write the network as GEXF 1.3, element by element, nodes and edges sorted.

    Nodes carry ``label`` and (documents) ``start`` for the timeline, ``colour`` and ``size`` as
    ``viz`` elements, every other attribute as a declared attribute value; so the same graph
    always gives the same bytes, and memory stays that of the graph, whatever its size.
    """
    nodes = sorted(g.nodes(data=True), key=lambda item: str(item[0]))
    edges = sorted(((str(a), str(b), attrs) for a, b, attrs in g.edges(data=True)),
                   key=lambda e: (e[0], e[1], str(e[2].get("relation", "")), str(e[2].get("basis", ""))))
    node_types = _attribute_types((attrs for _, attrs in nodes), _NODE_FIELDS)
    edge_types = _attribute_types((attrs for _, _, attrs in edges), set())
    node_ids = {k: str(i) for i, k in enumerate(node_types)}
    edge_ids = {k: str(i + len(node_ids)) for i, k in enumerate(edge_types)}
    dynamic = any("start" in attrs or "end" in attrs for _, attrs in nodes)

    def write(text: str) -> None:
        out.write(text.encode("utf-8"))

    def declare(cls: str, types: dict[str, str], ids: dict[str, str]) -> None:
        write(f'    <attributes class="{cls}" mode="static">\n')
        for k, kind in types.items():
            write(f"      <attribute id={quoteattr(ids[k])} title={quoteattr(xml_safe(k))} type=\"{kind}\" />\n")
        write("    </attributes>\n")

    def values(attrs: dict[str, object], ids: dict[str, str]) -> None:
        present = [(ids[k], v) for k, v in attrs.items() if k in ids and v is not None]
        if present:
            write("        <attvalues>\n")
            for key, v in sorted(present, key=lambda kv: int(kv[0])):
                write(f"          <attvalue for=\"{key}\" value={quoteattr(_attvalue(v))} />\n")
            write("        </attvalues>\n")

    write('<?xml version="1.0" encoding="UTF-8"?>\n')
    write(f'<gexf xmlns="{GEXF_NS}" xmlns:viz="{GEXF_VIZ_NS}" version="1.3">\n')
    write("  <meta>\n    <creator>claimgraph</creator>\n  </meta>\n")
    mode = ' mode="dynamic" timeformat="date"' if dynamic else ' mode="static"'
    write(f'  <graph defaultedgetype="directed"{mode}>\n')
    declare("node", node_types, node_ids)
    declare("edge", edge_types, edge_ids)
    write("    <nodes>\n")
    for n, attrs in nodes:
        label = attrs.get("label")
        extra = "".join(f" {k}={quoteattr(_attvalue(attrs[k]))}" for k in ("start", "end") if attrs.get(k))
        write(f"      <node id={quoteattr(xml_safe(str(n)))} label={quoteattr(_attvalue(n if label is None else label))}{extra}>\n")
        colour = attrs.get("colour")
        if colour:
            r, gr, b = colour
            write(f'        <viz:color r="{int(r)}" g="{int(gr)}" b="{int(b)}" a="1.0" />\n')
            write(f'        <viz:size value="{float(attrs.get("size", 5.0))}" />\n')
        values(attrs, node_ids)
        write("      </node>\n")
    write("    </nodes>\n    <edges>\n")
    for i, (a, b, attrs) in enumerate(edges):
        write(f"      <edge id=\"{i}\" source={quoteattr(xml_safe(a))} target={quoteattr(xml_safe(b))}>\n")
        values(attrs, edge_ids)
        write("      </edge>\n")
    write("    </edges>\n  </graph>\n</gexf>\n")


def graphml(g: nx.MultiDiGraph) -> bytes:
    """GraphML of the claim network (yEd, Cytoscape, Gephi)."""
    clean = _clean_network(g)
    return ("\n".join(nx.generate_graphml(clean, encoding="utf-8", prettyprint=True)) + "\n").encode("utf-8")


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


def claims_csv(records: Sequence[ClaimRecord]) -> bytes:
    """Claims as CSV for spreadsheets, one row a claim, in UTF-8 with a byte-order mark (without
    one, Excel reads the file in the machine's legacy code page and mangles every non-ASCII name)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for r in records:
        writer.writerow([spreadsheet_safe(r.get(k)) for k in CSV_FIELDS])
    return buffer.getvalue().encode("utf-8-sig")
