"""Claims, documents, sources and entities as one graph for Gephi (networkx)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

import networkx as nx

from .model import Claim, Relation
from .records import DocumentRecord

#: Node colours of the exported network, by node type and by verdict.
#: Node colours of the exported network, by node type and, for claims, by verdict (the API's words:
#: ``/claims?verdict=corroborated|conflicting``).
COLOURS = {
    "document": (120, 120, 120), "source": (251, 188, 5), "entity": (52, 168, 83),
    "uncorroborated": (66, 133, 244), "conflicting": (219, 68, 55), "corroborated": (15, 157, 88),
}


def claim_network(
    claims: Sequence[Claim],
    relations: Sequence[Relation],
    documents: Mapping[str, DocumentRecord],
    entity_labels: dict[str, str],
) -> nx.MultiDiGraph:
    """Claims, documents, sources and entities as one graph for Gephi.

    Edges carry a ``relation``: ``appears-in`` (claim -> document), ``says`` (claim -> the source
    that says it, the last of its chain), ``cites`` (document -> source -> source),
    ``about`` (claim -> entity, an event's actors included), ``corroborates``, ``conflicts`` and
    ``changes`` (claim -> claim). Claims are sized by their corroborations and coloured by verdict
    (``corroborated``, ``conflicting`` or ``uncorroborated``),
    and say whether they are figures or events (``claim_kind``, ``event_type``); documents carry
    their publication date as ``start`` for Gephi's timeline.
    """
    g = nx.MultiDiGraph()
    support: dict[str, int] = defaultdict(int)
    conflicted: set[str] = set()
    for r in relations:
        if r.kind == "corroborates":
            support[r.a] += 1
            support[r.b] += 1
        elif r.kind == "conflicts":
            conflicted.update((r.a, r.b))
    for key, meta in documents.items():
        attrs = {"kind": "document", "label": str(meta.get("title") or key), "colour": COLOURS["document"], "size": 8.0}
        if meta.get("published"):
            attrs["start"] = str(meta["published"])
        g.add_node(f"document:{key}", **attrs)
    for c in claims:
        verdict = "conflicting" if c.id in conflicted else ("corroborated" if support[c.id] else "uncorroborated")
        label = c.figure.surface if c.figure else (c.trigger or "event")
        node = f"claim:{c.id}"
        g.add_node(node, kind="claim", label=label, verdict=verdict, colour=COLOURS[verdict],
                   size=4.0 + 2.0 * support[c.id], measure=c.measure or "", time=c.time.iso if c.time else "",
                   claim_kind=c.kind, event_type=c.event_type or "")
        doc_node = f"document:{c.document}"
        if doc_node not in g:
            g.add_node(doc_node, kind="document", label=c.document, colour=COLOURS["document"], size=8.0)
        g.add_edge(node, doc_node, key="appears-in", relation="appears-in")
        previous = doc_node
        for s in c.sources:
            src = s.identity(c.document)
            if src not in g:
                g.add_node(src, kind="source", label=s.label, colour=COLOURS["source"], size=6.0)
            if previous != src and not g.has_edge(previous, src, key="cites"):
                g.add_edge(previous, src, key="cites", relation="cites")
            previous = src
        if c.sources:
            g.add_edge(node, c.sources[-1].identity(c.document), key="says", relation="says")
        for entity in dict.fromkeys([c.subject_entity, c.place, *c.participants, *(a.entity for a in c.actors)]):
            if entity:
                ent = f"entity:{entity}"
                if ent not in g or g.nodes[ent].get("kind") != "source":
                    g.add_node(ent, kind="entity", label=entity_labels.get(entity, entity), colour=COLOURS["entity"], size=6.0)
                if not g.has_edge(node, ent, key="about"):
                    g.add_edge(node, ent, key="about", relation="about")
    for r in relations:
        a, b = f"claim:{r.a}", f"claim:{r.b}"
        if a in g and b in g:
            g.add_edge(a, b, key=f"{r.kind}:{r.basis}", relation=r.kind, basis=r.basis, reason=r.reason)
    return g
