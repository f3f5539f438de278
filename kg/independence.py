"""Who a claim really comes from: the roots of attribution chains, and how many independent
sources a claim and the claims that corroborate it have (networkx).

A claim's root is where its own chain of sources ends (a claim the document states on its own is
rooted in the document); a claim and the claims that corroborate it count their distinct roots,
so two outlets quoting one ministry are one source. What a claim is told depends on its own chain,
on who cites whom among the claims of its measure, and on the claims next to it, not on the claims
those are next to: a write changes it only for the claims it touches, those whose chains reach a
citation it changed, and their neighbours.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from typing import NamedTuple, Protocol

import networkx as nx

from .model import Claim


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


def citations(claims: Iterable[Claim]) -> Iterator[tuple[str, str]]:
    """Who cites whom in the claims' chains: each link from one source to the next."""
    for c in claims:
        chain = [s.identity(c.document) for s in c.sources]
        yield from ((x, y) for x, y in zip(chain, chain[1:]) if x != y)


def trace(claims: Sequence[Claim], cited: Mapping[str, Collection[tuple[str, str]]] | None = None
          ) -> dict[str, Trace]:
    """For each claim, the root sources its chain leads to.

    The chain's last link is followed further when other claims of the same measure show that
    source citing another (a claim without a measure has only its own chain): those given, or
    ``cited``, each measure's citations (``citations``) when not all its claims are given. A
    cycle of citations is one root, and the claims that reach it are flagged. A claim the document
    states on its own is rooted in the document, whatever else the document cites.
    """
    by_measure: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_measure[f"measure:{c.measure}" if c.measure else f"claim:{c.id}"].append(c)
    out: dict[str, Trace] = {}
    for group in by_measure.values():
        also = cited.get(group[0].measure, ()) if cited and group[0].measure else ()
        onward = {x for x, _ in citations(group)} | {x for x, _ in also}
        dag: nx.DiGraph | None = None  # drawn for the first chain whose last source cites another
        found: dict[int, Trace] = {}
        for c in group:
            if not c.sources or root_key(c) not in onward:
                # A document's own statement is rooted in the document alone; a chain whose last
                # source cites no one ends there (most do).
                out[c.id] = Trace(frozenset({root_key(c)}))
                continue
            if dag is None:
                g = citation_graph(group)
                g.add_edges_from(also)
                dag = nx.condensation(g)
            start = dag.graph["mapping"][root_key(c)]
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


def allies(relations: Iterable[Link]) -> dict[str, set[str]]:
    """For each claim, the claims that back it (``backs``)."""
    found: dict[str, set[str]] = defaultdict(set)
    for r in relations:
        if backs(r):
            found[r.a].add(r.b)
            found[r.b].add(r.a)
    return found


def independent_sources(claims: Sequence[Claim], relations: Iterable[Link],
                        root: dict[str, frozenset[str]] | None = None) -> dict[str, int]:
    """For each claim, the distinct roots among it and the claims that corroborate it by value or
    report the same event."""
    root = root if root is not None else roots(claims)
    near = allies(relations)
    return {c.id: len(_roots_near(c.id, near, root)) for c in claims}


def _roots_near(claim_id: str, near: Mapping[str, Collection[str]], root: Mapping[str, frozenset[str]]
                ) -> frozenset[str]:
    return root[claim_id].union(*(root[x] for x in near.get(claim_id, ()) if x in root))


def _single_source(claim_id: str, near: Mapping[str, Collection[str]], root: Mapping[str, frozenset[str]],
                   doc_of: Mapping[str, str]) -> bool:
    """Whether the claim and the claims that back it come from two or more documents and all
    trace back to one root."""
    around = [x for x in near.get(claim_id, ()) if x in root and x in doc_of]
    return len({doc_of[x] for x in (claim_id, *around)}) >= 2 and len(_roots_near(claim_id, near, root)) == 1


def single_source_stories(claims: Sequence[Claim], relations: Iterable[Link],
                          root: dict[str, frozenset[str]] | None = None) -> list[frozenset[str]]:
    """Each claim with the claims that corroborate it, where they come from two or more documents
    that all trace back to one root (once each)."""
    root = root if root is not None else roots(claims)
    near = allies(relations)
    doc_of = {c.id: c.document for c in claims}
    stories = {frozenset({c.id, *(x for x in near.get(c.id, ()) if x in root and x in doc_of)})
               for c in claims if _single_source(c.id, near, root, doc_of)}
    return sorted(stories, key=sorted)


class Independence(NamedTuple):
    """What reconciliation says of one claim's sources: its roots, how many independent roots it
    and the claims that back it have, and whether it is a single-source story (it and those claims
    from several documents, all from one root) or reached through circular reporting."""

    roots: frozenset[str]
    independent: int
    single_source: bool
    circular: bool


def assess(claims: Sequence[Claim], relations: Iterable[Link]) -> dict[str, Independence]:
    """``Independence`` of every claim, from its chain and the verdicts between the claims."""
    return assess_near(claims, allies(relations), trace(claims))


def assess_near(claims: Sequence[Claim], near: Mapping[str, Collection[str]], traced: Mapping[str, Trace]
                ) -> dict[str, Independence]:
    """``Independence`` of each claim, from the chains ``traced`` and the claims ``near`` each
    (``allies``); a claim near one that is not among ``claims`` is left out of its count, so give
    every claim near those whose independence is wanted."""
    root = {cid: t.roots for cid, t in traced.items()}
    doc_of = {c.id: c.document for c in claims}
    return {c.id: Independence(root[c.id], len(_roots_near(c.id, near, root)),
                               _single_source(c.id, near, root, doc_of), traced[c.id].circular) for c in claims}
