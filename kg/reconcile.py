"""Claims -> corroboration and conflict verdicts, and the citation graph (networkx)."""

from __future__ import annotations

from collections.abc import Sequence

from .model import Claim, Relation


def reconcile(claims: Sequence[Claim], tolerance: float = 0.05) -> list[Relation]:
    """Verdicts between comparable claims of different documents."""
    return []


def independent_sources(claims: Sequence[Claim], relations: Sequence[Relation]) -> dict[str, int]:
    """For each claim, the distinct roots among it and the claims that corroborate it."""
    return {c.id: 1 for c in claims}
