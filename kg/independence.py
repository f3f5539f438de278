"""Who a claim really comes from: the roots of attribution chains, independent sources, and the
groups of claims that corroborate one another (networkx).

A claim's root is where its own chain of sources ends (a claim the document states on its own is
rooted in the document); a group of corroborating claims counts the distinct roots of its
members, so two outlets quoting one ministry are one source.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import NamedTuple, Protocol

import networkx as nx

from .model import Claim

log = logging.getLogger(__name__)


def root_key(claim: Claim) -> str:
    """The node a claim's attribution chain ends at: its innermost source, or its document."""
    if not claim.sources:
        return f"document:{claim.document}"
    return claim.sources[-1].identity(claim.document)


def citation_graph(claims: Iterable[Claim]) -> nx.DiGraph:
    """Documents -> the sources they quote -> the sources those cite, one edge per chain link."""
    g = nx.DiGraph()
    for c in claims:
        previous = f"document:{c.document}"
        g.add_node(previous, kind="document", label=c.document)
        for s in c.sources:
            node = s.identity(c.document)
            g.add_node(node, kind="source", label=s.label)
            if node != previous:
                g.add_edge(previous, node)
            previous = node
    return g


class Trace(NamedTuple):
    """Where a claim's attribution chain leads: its root sources, and whether it passes through
    sources that cite one another (circular reporting)."""

    roots: frozenset[str]
    circular: bool = False


def trace(claims: Sequence[Claim]) -> dict[str, Trace]:
    """For each claim, the root sources its chain leads to.

    The chain's last link is followed further when other claims of the same measure show that
    source citing another (a claim without a measure has only its own chain); a cycle of
    citations is one root, and the claims that reach it are flagged. A claim the document states
    on its own is rooted in the document, whatever else the document cites.
    """
    by_measure: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_measure[f"measure:{c.measure}" if c.measure else f"claim:{c.id}"].append(c)
    out: dict[str, Trace] = {}
    for group in by_measure.values():
        g = citation_graph(group)
        dag = nx.condensation(g)
        members = dag.graph["mapping"]
        found: dict[int, Trace] = {}
        for c in group:
            start = members[root_key(c)] if root_key(c) in members and c.sources else None
            if start is None:  # a document's own statement is rooted in the document alone
                out[c.id] = Trace(frozenset({root_key(c)}))
                continue
            if start not in found:
                reach = nx.descendants(dag, start) | {start}
                sinks = [n for n in reach if dag.out_degree(n) == 0]
                found[start] = Trace(frozenset(min(dag.nodes[n]["members"]) for n in sinks),
                                     any(len(dag.nodes[n]["members"]) > 1 for n in reach))
            out[c.id] = found[start]
    return out


def roots(claims: Sequence[Claim]) -> dict[str, frozenset[str]]:
    """For each claim, the root sources its chain leads to (``trace``)."""
    return {cid: t.roots for cid, t in trace(claims).items()}


class Link(Protocol):
    """What independence needs of a verdict (a ``Relation``, or a compact ``Edge``), read-only."""

    @property
    def kind(self) -> str: ...
    @property
    def basis(self) -> str: ...
    @property
    def a(self) -> str: ...
    @property
    def b(self) -> str: ...


class Edge(NamedTuple):
    """A verdict without its reason and values, to keep many of them in memory: its claims in
    order (``a`` the smaller id)."""

    kind: str
    basis: str
    a: str
    b: str

    @classmethod
    def between(cls, kind: str, basis: str, a: str, b: str) -> Edge:
        return cls(kind, basis, a, b) if a <= b else cls(kind, basis, b, a)

    @classmethod
    def of(cls, link: Link) -> Edge:
        return cls.between(link.kind, link.basis, link.a, link.b)


#: Verdicts by which one report backs another (not the arithmetic inside one report).
REPORT_BASES = frozenset({"value", "event"})


def backs(link: Link) -> bool:
    """Whether a verdict is one report backing another: a corroboration on a ``REPORT_BASES``
    basis (what joins claims' groups and counts their sources)."""
    return link.kind == "corroborates" and link.basis in REPORT_BASES


def independent_sources(claims: Sequence[Claim], relations: Iterable[Link],
                        root: dict[str, frozenset[str]] | None = None) -> dict[str, int]:
    """For each claim, the distinct roots among it and the claims that corroborate it by value or
    report the same event."""
    root = root if root is not None else roots(claims)
    allies: dict[str, set[str]] = defaultdict(set)
    for r in relations:
        if backs(r):
            allies[r.a].add(r.b)
            allies[r.b].add(r.a)
    return {c.id: len(root[c.id].union(*(root[x] for x in allies[c.id] if x in root))) for c in claims}


def single_source_stories(claims: Sequence[Claim], relations: Iterable[Link],
                          root: dict[str, frozenset[str]] | None = None) -> list[frozenset[str]]:
    """Clusters of corroborating claims from two or more documents that all trace back to one root."""
    root = root if root is not None else roots(claims)
    doc_of = {c.id: c.document for c in claims}
    stories = []
    for component in corroboration_groups(relations):
        docs = {doc_of[c] for c in component if c in doc_of}
        shared = set.intersection(*(set(root.get(c, ())) for c in component))
        if len(docs) >= 2 and len({r for c in component for r in root.get(c, ())}) == 1 and shared:
            stories.append(frozenset(component))
    return stories


def corroboration_groups(relations: Iterable[Link]) -> list[frozenset[str]]:
    """Claims that corroborate one another by value: the components of the corroboration graph,
    except that no group may hold two claims that conflict. Corroborations are joined one by one
    in a fixed order, and one that would bring two conflicting claims into a group is left out
    (a cannot-link constraint; the count left out is logged). Near-linear in the verdicts.

    >>> from kg.model import Relation
    >>> rs = [Relation("corroborates", "a", "b", ""), Relation("corroborates", "b", "c", ""),
    ...       Relation("conflicts", "a", "c", "")]
    >>> sorted(sorted(g) for g in corroboration_groups(rs))
    [['a', 'b'], ['c']]
    """
    links = list(relations)
    enemies: dict[str, set[str]] = defaultdict(set)
    for r in links:
        if r.kind == "conflicts":
            enemies[r.a].add(r.b)
            enemies[r.b].add(r.a)
    parent: dict[str, str] = {}
    members: dict[str, set[str]] = {}
    against: dict[str, set[str]] = {}  # for each group, the claims that conflict with one of its members

    def find(x: str) -> str:
        if x not in parent:
            parent[x], members[x], against[x] = x, {x}, set(enemies.get(x, ()))
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    left_out = 0
    for a, b in sorted({(min(r.a, r.b), max(r.a, r.b)) for r in links
                        if backs(r)}):
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        if len(members[ra]) < len(members[rb]):
            ra, rb = rb, ra
        if not members[rb].isdisjoint(against[ra]):
            left_out += 1
            continue
        parent[rb] = ra
        members[ra] |= members.pop(rb)
        against[ra] |= against.pop(rb)
    if left_out:
        log.warning("left out %d corroboration(s) that would have grouped claims that conflict", left_out)
    return [frozenset(m) for m in members.values()]


class Independence(NamedTuple):
    """What reconciliation says of one claim's sources: its roots, how many independent roots it
    and the claims that back it have, and whether it is a single-source story or reached through
    circular reporting."""

    roots: frozenset[str]
    independent: int
    single_source: bool
    circular: bool


def assess(claims: Sequence[Claim], relations: Iterable[Link]) -> dict[str, Independence]:
    """``Independence`` of every claim, from its chain and the verdicts between the claims."""
    links = list(relations)
    traced = trace(claims)
    root = {cid: t.roots for cid, t in traced.items()}
    independent = independent_sources(claims, links, root)
    single = {c for story in single_source_stories(claims, links, root) for c in story}
    return {c.id: Independence(root[c.id], independent[c.id], c.id in single, traced[c.id].circular) for c in claims}

