"""The lists the service pages in a fixed order: the verdicts of each kind by id, the claims with a
verdict of a kind in document order (``CLAIMS_WITH``), and the events in timeline order. A list
is kept in a graph of its own (``graph``) as blocks of ids, with a head that says how many items it
holds and where each block begins; a build writes it whole (``write``), a write changes the blocks
its items fall in (``update``), and a page reads the head and the blocks that hold it (``page``),
never the whole list.
"""

from __future__ import annotations

import bisect
import itertools
import zlib
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from datetime import date
from typing import Any

from rdflib import Literal, URIRef

from . import build as rdf
from . import queries
from .independence import Edge
from .model import Claim, Relation
from .store import GraphStore, integer
from .terms import ntriples
from .vocab import CG

#: About how many items a block of a list holds. A block begins at an item whose hash is a
#: multiple of it (``begins_block``), so where blocks begin depends on the items alone: an item put
#: into a list or taken out changes its own block and the head only.
LIST_BLOCK = 1000
#: Blocks of a list written in one load.
BLOCKS_AT_ONCE = 100
#: The lists of the claims with a verdict of a kind, by the kind: every claim with one, in
#: document order (``document_key``), under the name the claims' filter gives them.
CLAIMS_WITH = {"corroborates": "corroborated", "conflicts": "conflicting"}
#: What reads which of the claims bound to ``?claim`` have a verdict of a kind, by the kind.
_HAVING = {"corroborates": queries.HAVE_CORROBORATION, "conflicts": queries.HAVE_CONFLICT}


def graph(name: str) -> URIRef:
    """The graph of the list ``name``."""
    return rdf.ID[f"{rdf.LISTS_GRAPHS}{name}"]


def begins_block(item: str) -> bool:
    """Whether an item begins a block of any list it is in (``LIST_BLOCK``)."""
    return zlib.crc32(item.encode("utf-8")) % LIST_BLOCK == 0


def blocks_of(ordered: Iterable[str], could_begin: Collection[str] | None = None) -> list[list[str]]:
    """Items in order cut into blocks, each beginning at an item that ``begins_block`` (the first
    block at the first item); only those of ``could_begin`` are looked at, when the caller knows
    that no other item can begin one (items of blocks read back, but their first)."""
    items = list(ordered)
    cuts = [n for n, item in enumerate(items)
            if n and (could_begin is None or item in could_begin) and begins_block(item)]
    return [items[a:b] for a, b in zip([0, *cuts], [*cuts, len(items)])] if items else []


def head(name: str, entries: Sequence[tuple[str, int]]) -> list[rdf.Triple]:
    """A list's size and its directory: each block's first item and size, in order."""
    return [(rdf.list_iri(name), CG.itemCount, Literal(sum(n for _, n in entries))),
            (rdf.list_iri(name), CG.blocks, Literal(" ".join(f"{first} {n}" for first, n in entries)))]


def block_triple(name: str, block: Sequence[str]) -> rdf.Triple:
    """A block of a list: its items' ids in one literal."""
    return rdf.list_iri(name, block[0]), CG.items, Literal(" ".join(block))


def triples(name: str, ordered: Sequence[str]) -> Iterator[rdf.Triple]:
    """A list of ids in the order given: its head and its blocks."""
    blocks = blocks_of(ordered)
    yield from head(name, [(b[0], len(b)) for b in blocks])
    for block in blocks:
        yield block_triple(name, block)


def directory(text: str) -> list[tuple[str, int]]:
    """A list's directory (``head``) read back: each block's first item and size."""
    words = text.split()
    return [(words[i], int(words[i + 1])) for i in range(0, len(words) - 1, 2)]


def write(store: GraphStore, name: str, ordered: Sequence[str]) -> None:
    """A list in its graph, in place of what it held, its blocks loaded a few at a time."""
    into = graph(name)
    store.remove_graph(into)
    listing = triples(name, ordered)
    while batch := list(itertools.islice(listing, BLOCKS_AT_ONCE)):
        store.add_to_graphs({into: ntriples(batch)}, bulk=True)


def update(store: GraphStore, name: str, out: Collection[str], into: Collection[str],
           key: Callable[[str], Any], was: Callable[[str], Any]) -> None:
    """A list (``triples``, in the order of ``key``) with ``out`` taken out and ``into``
    put in: only the blocks they are in or come into, and the head, are written again. The list
    stands in the order of ``was`` (which differs from ``key`` for the items taken out only)."""
    found = store.select(queries.LIST_HEAD, {"list": rdf.list_iri(name)})
    entries = directory(str(found[0]["blocks"])) if found else []
    firsts = [first for first, _ in entries]

    def block_of(k: Any) -> int:
        """The block an item of key ``k`` is in, or would be put in: the last to begin at or before it."""
        return max(bisect.bisect_right(firsts, k, key=was) - 1, 0)

    arriving: dict[int, list[str]] = defaultdict(list)
    for i in into:
        arriving[block_of(key(i))].append(i)
    touched = set(arriving) | {block_of(was(i)) for i in out} if entries else {0}
    # A block whose first item goes out joins the block before it.
    while extra := {t - 1 for t in touched if 0 < t < len(firsts) and t - 1 not in touched and firsts[t] in out}:
        touched |= extra
    held = {str(r["list"]): str(r["ids"]).split() for r in
            store.select_each(queries.LIST_BLOCKS, "list", [rdf.list_iri(name, firsts[t]) for t in sorted(touched)
                                                            if t < len(firsts)])}
    kept: list[tuple[str, int]] = []
    blocks: list[list[str]] = []
    t = 0
    while t < max(len(entries), 1):
        if t not in touched:
            kept.append(entries[t])
            t += 1
            continue
        items: list[str] = []
        adding: list[str] = []
        begun: list[str] = []  # the first items of the blocks read: no other item read begins one
        while t in touched and t < max(len(entries), 1):
            block = held.get(str(rdf.list_iri(name, firsts[t])), []) if t < len(firsts) else []
            begun += block[:1]
            items += [i for i in block if i not in out]
            adding += arriving.get(t, [])
            t += 1
        for i in sorted(adding, key=key):
            bisect.insort(items, i, key=key)
        made = blocks_of(items, {*begun, *adding})
        blocks += made
        kept += [(b[0], len(b)) for b in made]
    into = graph(name)
    store.remove_subjects({into: [rdf.list_iri(name), *(rdf.list_iri(name, firsts[t]) for t in touched if t < len(firsts))]})
    store.add_to_graphs({into: ntriples([*head(name, kept), *(block_triple(name, b) for b in blocks)])})


def items(store: GraphStore, name: str) -> list[str] | None:
    """Every id the list ``name`` holds, in order, from its blocks (None when the store has no
    such list)."""
    found = store.select(queries.LIST_HEAD, {"list": rdf.list_iri(name)})
    if not found:
        return None
    blocks = [rdf.list_iri(name, first) for first, _ in directory(str(found[0]["blocks"]))]
    held = {str(r["list"]): str(r["ids"]).split() for r in store.select_each(queries.LIST_BLOCKS, "list", blocks)}
    return [i for block in blocks for i in held.get(str(block), [])]


def document_key(file: str, start: int, claim_id: str) -> tuple[str, int, str]:
    """Where a claim stands in document order: by its document's file name, its offset, its id."""
    return file, start, claim_id


def edge_id(e: Edge) -> str:
    """The id of the verdict an edge is."""
    return Relation(e.kind, e.a, e.b, "", e.basis).id


def write_every(store: GraphStore, claims: Sequence[Claim], edges: Iterable[Edge]) -> None:
    """Every list, each in place of what it held: of the verdicts (``edges``) of each kind, of the
    claims with a verdict of a kind (``CLAIMS_WITH``), of the events among ``claims``."""
    listed: dict[str, list[str]] = {kind: [] for kind in rdf.VERDICT_KINDS}
    ends: dict[str, set[str]] = {kind: set() for kind in CLAIMS_WITH}
    for e in edges:
        listed[e.kind].append(edge_id(e))
        if e.kind in ends:
            ends[e.kind].update((e.a, e.b))
    for kind, ids in listed.items():
        write(store, kind, sorted(ids))
    for kind, name in CLAIMS_WITH.items():
        write(store, name, [c.id for c in sorted(claims, key=_in_document) if c.id in ends[kind]])
    write(store, "events", rdf.timeline_order(claims))


class Ends:
    """The claims at either end of the verdicts a write changes (``changed``), and which of them
    had a verdict of each kind of ``CLAIMS_WITH`` before it: read before the write's verdicts are."""

    def __init__(self, store: GraphStore, changed: Iterable[Edge]) -> None:
        self.of = {kind: set[str]() for kind in CLAIMS_WITH}
        for e in changed:
            if e.kind in self.of:
                self.of[e.kind].update((e.a, e.b))
        self.had = {kind: _having(store, kind, ids) for kind, ids in self.of.items()}


def _having(store: GraphStore, kind: str, ids: Collection[str]) -> set[str]:
    """Those of the claims ``ids`` with a verdict of ``kind`` in the store."""
    iris = [rdf.claim_iri(i) for i in sorted(ids)]
    return {rdf.claim_id_of(r["claim"]) for r in store.select_each(_HAVING[kind], "claim", iris)} if iris else set()


def update_every(store: GraphStore, removed: Collection[Edge], added: Collection[Edge], ends: Ends,
                 before: Sequence[Claim], after: Sequence[Claim]) -> None:
    """The lists after a write, its verdicts ``removed`` and ``added`` now in the store, that took
    the claims ``before`` out and put those ``after`` in: the verdicts that changed taken out and
    put in their places, the claims at their ``ends`` that no longer have a verdict of a kind
    taken out of its list and those that now do put in, and the same for the events."""
    for kind in rdf.VERDICT_KINDS:
        out, into = {edge_id(e) for e in removed if e.kind == kind}, {edge_id(e) for e in added if e.kind == kind}
        if out or into:
            update(store, kind, out, into, str, str)
    places = _Places(store, [*before, *after])
    for kind, name in CLAIMS_WITH.items():
        has = _having(store, kind, ends.of[kind])
        if out_or_in := ends.had[kind] ^ has:
            places.read(out_or_in)
            update(store, name, ends.had[kind] - has, has - ends.had[kind], places, places)
    was, now = _TimelineKeys(store, places), _TimelineKeys(store, places)
    for keys, claims in ((was, before), (now, after)):
        keys.known.update((c.id, rdf.claim_timeline_key(c)) for c in claims if c.kind == "event")
    if was.known or now.known:
        update(store, "events", set(was.known), set(now.known), now, was)


def _in_document(c: Claim) -> tuple[str, int, str]:
    return document_key(c.document, c.start, c.id)


class _Places:
    """Where claims stand in document order (``document_key``): of the claims given, and of
    others read from the store as asked."""

    def __init__(self, store: GraphStore, claims: Iterable[Claim]) -> None:
        self.store = store
        self.known = {c.id: _in_document(c) for c in claims}

    def read(self, ids: Iterable[str]) -> None:
        """Read where those of ``ids`` not known stand, in a few queries."""
        missing = [rdf.claim_iri(i) for i in sorted(set(ids) - self.known.keys())]
        for r in self.store.select_each(queries.CLAIM_PLACES, "claim", missing) if missing else ():
            claim = rdf.claim_id_of(r["claim"])
            self.known[claim] = document_key(str(r["file"]), integer(r["start"]), claim)

    def __call__(self, claim_id: str) -> tuple[str, int, str]:
        if claim_id not in self.known:
            self.read([claim_id])
        return self.known[claim_id]


class _TimelineKeys:
    """Where events stand in the timeline (``build.timeline_key``): their times read from the
    store as asked, their places from ``places``."""

    def __init__(self, store: GraphStore, places: _Places) -> None:
        self.store, self.places = store, places
        self.known: dict[str, tuple[bool, date, date, str, int, str]] = {}

    def __call__(self, claim_id: str) -> tuple[bool, date, date, str, int, str]:
        if claim_id not in self.known:
            iri = rdf.claim_iri(claim_id)
            fields = {str(r["field"]): r["value"] for r in self.store.select(queries.EVENT_FIELDS, {"claim": iri})}
            begins = date.fromisoformat(str(fields["from"])) if fields.get("from") else None
            ends = date.fromisoformat(str(fields["to"])) if fields.get("to") else None
            file, start, _ = self.places(claim_id)
            self.known[claim_id] = rdf.timeline_key(begins, ends, file, start, claim_id)
        return self.known[claim_id]


def sizes(store: GraphStore, names: Iterable[str]) -> dict[str, int]:
    """How many items each of the lists ``names`` holds (those the store has)."""
    iris = {str(rdf.list_iri(name)): name for name in names}
    return {iris[str(r["list"])]: integer(r["n"])
            for r in store.select_each(queries.LIST_SIZE, "list", [URIRef(i) for i in iris])}


def page(store: GraphStore, name: str, offset: int, limit: int) -> tuple[int, list[str]] | None:
    """How many items the list ``name`` holds and the ids of ``limit`` of them from ``offset``,
    from its directory and the blocks that hold them (None when the store has no such list)."""
    found = store.select(queries.LIST_HEAD, {"list": rdf.list_iri(name)})
    if not found:
        return None
    total = integer(found[0]["n"])
    if limit <= 0 or offset >= total:
        return total, []
    blocks: list[URIRef] = []
    start = at = 0
    for first, size in directory(str(found[0]["blocks"])):
        if at + size > offset and at < offset + limit:
            if not blocks:
                start = offset - at
            blocks.append(rdf.list_iri(name, first))
        at += size
    held = {str(r["list"]): str(r["ids"]).split() for r in store.select_each(queries.LIST_BLOCKS, "list", blocks)}
    ids = [i for block in blocks for i in held.get(str(block), [])]
    return total, ids[start : start + limit]
