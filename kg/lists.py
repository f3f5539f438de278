"""The lists the service pages in a fixed order: the verdicts of each kind by id, and the events in
timeline order. A list is kept in a graph of its own (``graph``) as blocks of ids, with a head
that says how many items it holds and where each block begins; a build writes it whole
(``write``), a write changes the blocks its items fall in (``update``), and a page reads the head
and the blocks that hold it (``page``), never the whole list.
"""

from __future__ import annotations

import bisect
import itertools
import zlib
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from typing import Any

from rdflib import Literal, URIRef

from . import build as rdf
from . import queries
from .store import GraphStore, integer
from .terms import ntriples
from .vocab import CG

#: About how many items a block of a list holds. A block begins at an item whose hash is a
#: multiple of it (``begins_block``), so where blocks begin depends on the items alone: an item put
#: into a list or taken out changes its own block and the head only.
LIST_BLOCK = 1000
#: Blocks of a list written in one load.
BLOCKS_AT_ONCE = 100


def graph(name: str) -> URIRef:
    """The graph of the list ``name``."""
    return rdf.ID[f"{rdf.LISTS_GRAPHS}{name}"]


def begins_block(item: str) -> bool:
    """Whether an item begins a block of any list it is in (``LIST_BLOCK``)."""
    return zlib.crc32(item.encode("utf-8")) % LIST_BLOCK == 0


def blocks_of(ordered: Iterable[str]) -> list[list[str]]:
    """Items in order cut into blocks, each beginning at an item that ``begins_block`` (the first
    block at the first item)."""
    blocks: list[list[str]] = []
    for item in ordered:
        if not blocks or begins_block(item):
            blocks.append([])
        blocks[-1].append(item)
    return blocks


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
        while t in touched and t < max(len(entries), 1):
            block = held.get(str(rdf.list_iri(name, firsts[t])), []) if t < len(firsts) else []
            items += [i for i in block if i not in out]
            adding += arriving.get(t, [])
            t += 1
        for i in sorted(adding, key=key):
            bisect.insort(items, i, key=key)
        made = blocks_of(items)
        blocks += made
        kept += [(b[0], len(b)) for b in made]
    into = graph(name)
    store.remove_subjects({into: [rdf.list_iri(name), *(rdf.list_iri(name, firsts[t]) for t in touched if t < len(firsts))]})
    store.add_to_graphs({into: ntriples([*head(name, kept), *(block_triple(name, b) for b in blocks)])})


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
