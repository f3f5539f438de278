"""Claim mentions -> ``Claim``: numbers, hedges, units, times and entity identity."""

from __future__ import annotations

from collections.abc import Iterable

from .model import Claim, ClaimMention, Document


def normalize(mentions: Iterable[ClaimMention], doc: Document) -> list[Claim]:
    """Read every mention of ``doc`` into a claim; unreadable mentions are dropped."""
    return []
