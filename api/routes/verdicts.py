"""Conflicts and corroborations between claims, with their reasons."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from kg import paging
from kg.build import ID
from kg.store import GraphStore

from ..deps import StoreDep, known_query
from ..jsonld import JSONLD_OK, negotiate
from ..schemas import RelationOut, RelationPage

router = APIRouter(tags=["verdicts"], dependencies=[Depends(known_query)])

Offset = Annotated[int, Query(ge=0)]
Limit = Annotated[int, Query(ge=1, le=1000)]
Entity = Annotated[str | None, Query(max_length=200, description="An entity either claim is about or attributed to: "
                                                                 "its id, label or alias")]


def _page(request: Request, store: GraphStore, kind: str, offset: int, limit: int,
          entity: str | None = None) -> RelationPage | Response:
    total, items = paging.relations_page(store, kind, offset, limit, entity)
    page = RelationPage(total=total, offset=offset, limit=limit, items=[RelationOut.model_validate(r) for r in items])
    return negotiate(request, page, str(ID["verdict/"]))


@router.get("/conflicts", response_model=RelationPage, responses=JSONLD_OK)
def conflicts(request: Request, store: StoreDep, entity: Entity = None, offset: Offset = 0,
              limit: Limit = 100) -> RelationPage | Response:
    """Pairs of claims about the same thing whose figures cannot both hold."""
    return _page(request, store, "conflicts", offset, limit, entity)


@router.get("/corroborations", response_model=RelationPage, responses=JSONLD_OK)
def corroborations(request: Request, store: StoreDep, entity: Entity = None, offset: Offset = 0,
                   limit: Limit = 100) -> RelationPage | Response:
    """Pairs of claims from different documents that agree (or whose arithmetic is consistent)."""
    return _page(request, store, "corroborates", offset, limit, entity)
