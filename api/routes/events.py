"""Events in time order: who did what, when, and who says so."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response

from kg import paging
from kg.build import ID
from kg.lexicon import EventKind

from ..deps import StoreDep, known_query
from ..jsonld import JSONLD_OK, negotiate
from ..schemas import ClaimPage, ErrorOut

router = APIRouter(prefix="/events", tags=["events"], dependencies=[Depends(known_query)])


@router.get("", response_model=ClaimPage, responses={**JSONLD_OK, 422: {"model": ErrorOut}})
def list_events(
    request: Request,
    store: StoreDep,
    entity: Annotated[str | None, Query(max_length=200, description="Entity id of a participant, e.g. nasa")] = None,
    document: Annotated[str | None, Query(max_length=300, description="File name or document id")] = None,
    kind: Annotated[EventKind | None, Query(description="The event's type in the taxonomy")] = None,
    trigger: Annotated[str | None, Query(max_length=60, description="The event's verb, e.g. sign")] = None,
    start: Annotated[date | None, Query(description="Only events whose time reaches this day or later")] = None,
    end: Annotated[date | None, Query(description="Only events whose time begins by this day")] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> ClaimPage | Response:
    """Event claims, filtered and paged, in time order (undated ones last). Each event's
    provenance is at ``/claims/{id}/sources``."""
    if start and end and start > end:
        raise RequestValidationError([{"loc": ("query", "start"), "type": "value_error",
                                       "msg": f"start {start} is after end {end}"}])
    total, items = paging.events_page(store, offset, limit, entity, document, kind, trigger, start, end)
    page = ClaimPage(total=total, offset=offset, limit=limit, items=items)
    return negotiate(request, page, str(ID["claim/"]))
