"""The lists the service pages, changed in place by a write, equal the same lists written whole."""

from __future__ import annotations

import random
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from kg import lists
from kg.model import content_id
from kg.store import GraphStore


def _quads(store: GraphStore) -> set[str]:
    return {str(q) for q in store.quads(None)}


def _ordered_by_hash_of_tail(item: str) -> tuple[int, str]:
    return int(item[-3:], 16) % 37, item  # an order other than the ids' own, as the timeline's


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 400), st.integers(0, 2**32), st.booleans())
def test_a_list_changed_in_place_equals_it_written_whole(size, seed, by_id):
    with mock.patch.object(lists, "LIST_BLOCK", 10):  # many blocks in a small list
        _change_a_list(size, seed, by_id)


def _change_a_list(size: int, seed: int, by_id: bool) -> None:
    rng = random.Random(seed)
    key = str if by_id else _ordered_by_hash_of_tail
    items = sorted((content_id("item", n) for n in range(size)), key=key)
    beginning = [i for i in items if lists.begins_block(i)]
    out = set(rng.sample(items, min(len(items), rng.randint(0, 6)))) | set(rng.sample(beginning, min(len(beginning), 2)))
    if items and rng.random() < 0.3:
        out.add(items[0])
    out |= {content_id("absent", seed, n) for n in range(rng.randint(0, 2))}  # taken out of a list without them
    into = {content_id("new", seed, n) for n in range(rng.randint(0, 6))} | set(rng.sample(sorted(out), len(out) // 2))
    # An item taken out and put back may come back elsewhere (an event whose date a new version
    # of its document changes keeps its id).
    moved = {i for i in out & into if rng.random() < 0.5}

    def now(item: str) -> object:
        if item not in moved:
            return key(item)
        return "~" + item if by_id else (99, item)

    changed, whole = GraphStore.memory(), GraphStore.memory()
    lists.write(changed, "conflicts", items)
    lists.update(changed, "conflicts", out, into, now, key)
    after = sorted((set(items) - out) | into, key=now)
    lists.write(whole, "conflicts", after)
    assert _quads(changed) == _quads(whole)
    at = rng.randint(0, len(after))
    assert lists.page(changed, "conflicts", at, 25) == (len(after), after[at : at + 25])
    assert lists.items(changed, "conflicts") == after
    assert lists.items(changed, "corroborates") is None


def test_blocks_begin_at_items_that_begin_them_and_a_page_spans_them():
    items = sorted(content_id("item", n) for n in range(5 * lists.LIST_BLOCK))
    blocks = lists.blocks_of(items)
    assert len(blocks) > 1 and all(lists.begins_block(b[0]) for b in blocks[1:])
    assert [i for b in blocks for i in b] == items
    store = GraphStore.memory()
    lists.write(store, "corroborates", items)
    start = len(blocks[0]) - 3
    assert lists.page(store, "corroborates", start, 10) == (len(items), items[start : start + 10])
    assert lists.page(store, "corroborates", len(items), 10) == (len(items), [])
    assert lists.page(store, "changes", 0, 10) is None
