"""Entities: actors, outlets, agencies and places, with their aliases."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response

from kg import lookup
from kg.build import ID

from ..deps import StoreDep, known_query
from ..jsonld import JSONLD_OK, negotiate
from ..schemas import EntityDetail, EntityOut, EntityPage, ErrorOut

router = APIRouter(prefix="/entities", tags=["entities"], dependencies=[Depends(known_query)])


ENTITY_BASE = str(ID["entity/"])


@router.get("", response_model=EntityPage, responses=JSONLD_OK)
def list_entities(
    request: Request,
    store: StoreDep,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> EntityPage | Response:
    """Known entities, by label, with the number of claims that name them."""
    found = lookup.entities(store)
    page = EntityPage(total=len(found), offset=offset, limit=limit,
                      items=[EntityOut(**e) for e in found[offset : offset + limit]])
    return negotiate(request, page, ENTITY_BASE)


@router.get("/{entity_id}", response_model=EntityDetail, responses={404: {"model": ErrorOut}, **JSONLD_OK})
def get_entity(entity_id: Annotated[str, Path(max_length=100)], request: Request,
               store: StoreDep) -> EntityDetail | Response:
    """One entity with the ids of the claims about it or attributed to it."""
    return negotiate(request, EntityDetail(**lookup.entity(store, entity_id)), ENTITY_BASE)
