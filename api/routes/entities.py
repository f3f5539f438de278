"""Entities: actors, outlets, agencies and places, with their aliases."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from kg import lookup

from ..deps import StoreDep, ViewDep, known_query
from ..schemas import EntityDetail, EntityOut, EntityPage, ErrorOut

router = APIRouter(prefix="/entities", tags=["entities"], dependencies=[Depends(known_query)])


@router.get("", response_model=EntityPage)
def list_entities(
    store: StoreDep,
    view: ViewDep,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> EntityPage:
    """Known entities, by label, with the number of claims that name them."""
    found = lookup.entities(store, view)
    return EntityPage(total=len(found), offset=offset, limit=limit,
                      items=[EntityOut(**e) for e in found[offset : offset + limit]])  # type: ignore[arg-type]


@router.get("/{entity_id}", response_model=EntityDetail, responses={404: {"model": ErrorOut}})
def get_entity(entity_id: Annotated[str, Path(max_length=100)], store: StoreDep, view: ViewDep) -> EntityDetail:
    """One entity with the ids of the claims about it or attributed to it."""
    return EntityDetail(**lookup.entity(store, view, entity_id))  # type: ignore[arg-type]
