"""Claims, documents, sources and entities as one network for Gephi, built claim by claim: an
export reads the store a slice of claims at a time and writes each claim's node and edges as it
goes (``store_parts``), in memory that does not grow with the store; networkx can hold it too
(``claim_network``).

Edges carry a ``relation``: ``appears-in`` (claim -> document), ``says`` (claim -> the source that
says it, the last of its chain), ``cites`` (document -> source -> source), ``about`` (claim ->
entity, an event's actors included), ``corroborates``, ``conflicts`` and ``changes`` (claim ->
claim). Claims are sized by the claims that corroborate them and coloured by verdict (``corroborated``,
``conflicting`` or ``uncorroborated``, the API's words), and say whether they are figures or events
(``claim_kind``, ``event_type``); documents carry their publication date as ``start`` for Gephi's
timeline.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import networkx as nx

from . import build as rdf
from . import queries, readback
from .model import Claim, Relation
from .records import DocumentRecord
from .store import GraphStore, integer

#: Node colours by node type and, for claims, by verdict.
COLOURS = {
    "document": (120, 120, 120), "source": (251, 188, 5), "entity": (52, 168, 83),
    "uncorroborated": (66, 133, 244), "conflicting": (219, 68, 55), "corroborated": (15, 157, 88),
}
#: What nodes and edges may carry besides a node's label, colour and date, with their types
#: (an export declares them before the first node).
NODE_ATTRIBUTES = {"claim_kind": "string", "event_type": "string", "kind": "string", "measure": "string",
                   "size": "double", "time": "string", "verdict": "string"}
EDGE_ATTRIBUTES = {"basis": "string", "reason": "string", "relation": "string"}
#: Claims read from the store at a time.
SLICE = 500


@dataclass(frozen=True)
class Node:
    id: str
    attrs: dict[str, object]


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    attrs: dict[str, object]

    def order(self) -> tuple[str, str, str, str]:
        return self.source, self.target, str(self.attrs["relation"]), str(self.attrs.get("basis", ""))


#: A piece of the network: nodes, and edges between nodes of this piece or of earlier ones (or of
#: the last piece, which holds the documents, sources and entities).
Part = tuple[Sequence[Node], Sequence[Edge]]


@dataclass
class NetworkBuilder:
    """Nodes and edges claim by claim; documents, sources and entities (few) are kept until
    ``rest``. A node named twice keeps what it was first named as (an entity that is also a
    source is a source when a claim cites it before one is about it)."""

    documents: Mapping[str, DocumentRecord]
    entity_labels: Mapping[str, str]
    others: dict[str, dict[str, object]] = field(default_factory=dict)
    cites: set[tuple[str, str]] = field(default_factory=set)

    def __post_init__(self) -> None:
        for key, meta in self.documents.items():
            attrs: dict[str, object] = {"kind": "document", "label": str(meta.get("title") or key),
                                        "colour": COLOURS["document"], "size": 8.0}
            if meta.get("published"):
                attrs["start"] = str(meta["published"])
            self.others[f"document:{key}"] = attrs

    @property
    def dynamic(self) -> bool:
        """Whether any node has a date (Gephi's timeline)."""
        return any("start" in attrs for attrs in self.others.values())

    def _other(self, node: str, kind: str, label: str) -> None:
        self.others.setdefault(node, {"kind": kind, "label": label, "colour": COLOURS[kind], "size": 6.0})

    def claim(self, c: readback.Sketch, support: int, conflicted: bool) -> Part:
        """The claim's node, sized by its corroborations and coloured by its verdicts, and its
        edges to its document, sources and entities (verdicts are edges of ``verdict``)."""
        verdict = "conflicting" if conflicted else ("corroborated" if support else "uncorroborated")
        node = f"claim:{c.id}"
        attrs: dict[str, object] = {
            "kind": "claim", "label": c.label, "verdict": verdict, "colour": COLOURS[verdict],
            "size": 4.0 + 2.0 * support, "measure": c.measure, "time": c.time, "claim_kind": c.kind,
            "event_type": c.event_type}
        doc_node = f"document:{c.document}"
        self.others.setdefault(doc_node, {"kind": "document", "label": c.document, "colour": COLOURS["document"],
                                          "size": 8.0})
        edges = [Edge(node, doc_node, {"relation": "appears-in"})]
        previous = doc_node
        for s in c.sources:
            src = s.identity(c.document)
            self._other(src, "source", s.label)
            if previous != src:
                self.cites.add((previous, src))
            previous = src
        if c.sources:
            edges.append(Edge(node, c.sources[-1].identity(c.document), {"relation": "says"}))
        for entity in c.entities:
            self._other(f"entity:{entity}", "entity", self.entity_labels.get(entity, entity))
            edges.append(Edge(node, f"entity:{entity}", {"relation": "about"}))
        return [Node(node, attrs)], sorted(edges, key=Edge.order)

    @staticmethod
    def verdict(r: Relation | readback.Drawn) -> Edge:
        """A verdict as an edge from its first claim (a change's earlier one) to the other."""
        return Edge(f"claim:{r.a}", f"claim:{r.b}", NetworkBuilder.verdict_attributes(r.kind, r.basis, r.reason))

    @staticmethod
    def verdict_attributes(kind: str, basis: str, reason: str) -> dict[str, object]:
        return {"relation": kind, "basis": basis, "reason": reason}

    def rest(self) -> Part:
        """The documents, sources and entities, and the citations between them."""
        return ([Node(n, self.others[n]) for n in sorted(self.others)],
                [Edge(a, b, {"relation": "cites"}) for a, b in sorted(self.cites)])


def parts(claims: Sequence[Claim], relations: Sequence[Relation], documents: Mapping[str, DocumentRecord],
          entity_labels: Mapping[str, str]) -> Iterator[Part]:
    """The network of claims held in memory, claim by claim in id order, then the rest."""
    builder = NetworkBuilder(documents, entity_labels)
    known = {c.id: c for c in claims}
    begins = readback.starts(claims)
    of: dict[str, list[Relation]] = defaultdict(list)
    for r in relations:
        if r.a in known and r.b in known:
            r = readback.oriented(r, begins)
            of[r.a].append(r)
            of[r.b].append(r)
    for cid in sorted(known):
        support = len({r.b if r.a == cid else r.a for r in of[cid] if r.kind == "corroborates"})
        nodes, edges = builder.claim(readback.Sketch.of(known[cid]), support, any(r.kind == "conflicts" for r in of[cid]))
        yield nodes, [*edges, *sorted((builder.verdict(r) for r in of[cid] if r.a == cid), key=Edge.order)]
    yield builder.rest()


def store_parts(store: GraphStore, entity_labels: Mapping[str, str]) -> tuple[bool, Iterator[Part]]:
    """Whether the network has dates, and its parts read from the store but the verdicts (their
    edges are written by themselves: ``record_verdicts``): claims streamed from their records,
    ``SLICE`` at a time, sized and coloured by the claims they are linked to (counted for each
    slice: counted all at once, the engine would hold a count for every claim), then the
    documents, sources and entities. Memory grows with the documents, sources and entities, not
    with the claims or the verdicts."""
    builder = NetworkBuilder({d["file"]: d for d in readback.documents(store)}, entity_labels)

    def read() -> Iterator[Part]:
        stream = readback.iter_sketches(store)
        while claims := list(itertools.islice(stream, SLICE)):
            counts: dict[str, dict[str, int]] = defaultdict(dict)
            for r in store.stream_each(queries.LINK_COUNTS, "claim", [rdf.claim_iri(c.id) for c in claims]):
                counts[rdf.claim_id_of(r["claim"])][readback.KIND_OF_LINK[str(r["link"])]] = integer(r["n"])
            for c in sorted(claims, key=lambda c: c.id):
                yield builder.claim(c, counts[c.id].get("corroborates", 0), "conflicts" in counts[c.id])
        yield builder.rest()

    return builder.dynamic, read()


def claim_starts(store: GraphStore) -> dict[str, date]:
    """When each claim's time begins, in one query."""
    return {rdf.claim_id_of(r["claim"]): date.fromisoformat(str(r["start"])) for r in store.stream(queries.CLAIM_STARTS)}


def record_verdicts(records: Iterable[str], begins: Mapping[str, date]) -> Iterator[readback.Drawn]:
    """Verdicts' records (``readback.graph_records``) as their edges go (``NetworkBuilder.verdict``),
    in their order (sorting them would hold them all): a change from its earlier claim (by
    ``begins``), the others from the smaller id."""
    for v in map(readback.drawn, records):
        yield v._replace(a=v.b, b=v.a) if readback.turned(v.kind, v.a, v.b, begins) else v


def claim_network(claims: Sequence[Claim], relations: Sequence[Relation], documents: Mapping[str, DocumentRecord],
                  entity_labels: Mapping[str, str]) -> nx.MultiDiGraph:
    """The network in networkx, edges keyed by relation (verdicts by relation and basis)."""
    g = nx.MultiDiGraph()
    for nodes, edges in parts(claims, relations, documents, entity_labels):
        for n in nodes:
            g.add_node(n.id, **n.attrs)
        for e in edges:
            relation = str(e.attrs["relation"])
            key = f"{relation}:{e.attrs['basis']}" if "basis" in e.attrs else relation
            g.add_edge(e.source, e.target, key=key, **e.attrs)
    return g
