"""Conflicts and corroborations between claims, with their reasons."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from kg import lookup

from ..deps import ViewDep
from ..schemas import RelationOut, RelationPage

router = APIRouter(tags=["verdicts"])

Offset = Annotated[int, Query(ge=0)]
Limit = Annotated[int, Query(ge=1, le=1000)]


def _page(view, kind: str, offset: int, limit: int) -> RelationPage:  # type: ignore[no-untyped-def]
    found = lookup.relations(view, kind)
    return RelationPage(total=len(found), offset=offset, limit=limit,
                        items=[RelationOut.model_validate(r) for r in found[offset : offset + limit]])


@router.get("/conflicts", response_model=RelationPage)
def conflicts(view: ViewDep, offset: Offset = 0, limit: Limit = 100) -> RelationPage:
    """Pairs of claims about the same thing whose figures cannot both hold."""
    return _page(view, "conflicts", offset, limit)


@router.get("/corroborations", response_model=RelationPage)
def corroborations(view: ViewDep, offset: Offset = 0, limit: Limit = 100) -> RelationPage:
    """Pairs of claims from different documents that agree (or whose arithmetic is consistent)."""
    return _page(view, "corroborates", offset, limit)
