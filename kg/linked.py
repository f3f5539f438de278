"""Entities a curator has said are one (``owl:sameAs`` between alias-table entities), read as one
by reconciliation: the claims as they compare, and the stored measure keys behind a merged one."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from .model import Claim


def _linked(same: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Each entity key of a group a curator said is one, with the group's first key in order."""
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while parent.get(key, key) != key:
            key = parent[key]
        return key

    for a, b in same:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {key: root(key) for key in parent}


def merged(same: Iterable[tuple[str, str]]) -> Callable[[str], str]:
    """Each entity key as ``merge_entities`` reads it: the first key of its group."""
    linked = _linked(same)
    return lambda key: linked.get(key, key)


def merged_measure(measure: str, find: Callable[[str], str]) -> str:
    """A measure key with its owner as ``merge_entities`` reads it (``find``: ``merged``)."""
    if ":" not in measure:
        return measure
    owner, rest = measure.split(":", 1)
    return f"{find(owner)}:{rest}"


def merged_source(identity: str, find: Callable[[str], str]) -> str:
    """A source's identity (``Source.identity``) as ``merge_entities`` reads it."""
    kind, _, rest = identity.partition(":")
    return f"entity:{find(rest)}" if kind == "entity" else identity


def measures_before_merge(measure: str, same: Iterable[tuple[str, str]]) -> set[str]:
    """The measure keys that ``merge_entities`` reads as ``measure``: its owner under each key of
    the owner's group.

    >>> sorted(measures_before_merge("acme:recall", [("acme-corp", "acme")]))
    ['acme-corp:recall', 'acme:recall']
    """
    owner, colon, rest = measure.partition(":")
    linked = _linked(same)
    return {measure} | {f"{key}{colon}{rest}" for key, first in linked.items() if colon and first == owner}


def merge_entities(claims: Sequence[Claim], same: Iterable[tuple[str, str]]) -> list[Claim]:
    """The claims with the entities a curator said are one (``owl:sameAs``) read as one: each
    group of keys becomes its first key in order, in subjects, places, participants, actors,
    sources and the owner part of measure keys. Claim ids do not change."""
    if not _linked(same):
        return list(claims)
    find = merged(same)

    def key(k: str | None) -> str | None:
        return find(k) if k is not None else None

    out = []
    for c in claims:
        out.append(replace(
            c, subject_entity=key(c.subject_entity), place=key(c.place),
            measure=merged_measure(c.measure, find) if c.measure else c.measure,
            participants=tuple(dict.fromkeys(find(p) for p in c.participants)),
            actors=tuple(replace(a, entity=key(a.entity)) for a in c.actors),
            sources=tuple(replace(s, entity=key(s.entity)) for s in c.sources),
        ))
    return out
