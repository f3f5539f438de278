"""Claims and their provenance."""

from __future__ import annotations

from typing import Annotated, Any, Literal

import pyoxigraph as ox
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from kg import lookup, paging, reviews
from kg.build import ID
from kg.store import GraphStore

from ..deps import ClaimAloneDep, ClaimId, ClaimViewDep, StoreDep, known_query
from ..jsonld import JSONLD, JSONLD_OK, negotiate, wants_jsonld
from ..schemas import ClaimOut, ClaimPage, ErrorOut, ReviewOut, SourcesOut

router = APIRouter(prefix="/claims", tags=["claims"], dependencies=[Depends(known_query)])

NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorOut}, 422: {"model": ErrorOut}}
JSONLD_PAGE: dict[int | str, dict[str, Any]] = {**JSONLD_OK, 422: {"model": ErrorOut}}


@router.get("", response_model=ClaimPage, responses=JSONLD_PAGE)
def list_claims(
    request: Request,
    store: StoreDep,
    entity: Annotated[str | None, Query(max_length=200, description="An entity's id, label or alias, e.g. "
                                                                    "north-korea")] = None,
    document: Annotated[str | None, Query(max_length=300, description="File name or document id")] = None,
    source: Annotated[str | None, Query(max_length=200, description="A source's entity (id, label or alias) "
                                                                    "or its whole label")] = None,
    measure: Annotated[str | None, Query(max_length=200)] = None,
    text: Annotated[str | None, Query(max_length=500, description="Words of the sentence, in any order")] = None,
    verdict: Annotated[Literal["corroborated", "conflicting", "single-source"] | None, Query()] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> ClaimPage | Response:
    """Claims, filtered and paged, in document order."""
    total, items = paging.claims_page(store, offset, limit, entity, document, source, measure, text, verdict)
    page = ClaimPage(total=total, offset=offset, limit=limit, items=[ClaimOut(**r) for r in items])
    return negotiate(request, page, str(ID["claim/"]))


@router.get("/{claim_id}", response_model=ClaimOut, responses={**NOT_FOUND, 200: {"content": {JSONLD: {}}}})
def get_claim(claim_id: ClaimId, request: Request, view: ClaimAloneDep, store: StoreDep) -> ClaimOut | Response:
    """One claim; as JSON-LD, its triples (figure, evidence, attributions) from the graph."""
    view.claim(claim_id)
    if wants_jsonld(request):
        return Response(lookup.describe_claim(store, claim_id, ox.RdfFormat.JSON_LD), media_type=JSONLD)
    return ClaimOut(**view.records[claim_id], reviews=_reviews_of(store, view, claim_id))


@router.get("/{claim_id}/sources", response_model=SourcesOut, responses={**NOT_FOUND, **JSONLD_PAGE})
def claim_sources(claim_id: ClaimId, request: Request, view: ClaimViewDep, store: StoreDep) -> SourcesOut | Response:
    """Where a claim comes from: its documents, the attribution chain to the root, the evidence,
    the claims that corroborate or contradict it with their own sources, and the count of
    independent roots."""
    found = SourcesOut.model_validate({**lookup.provenance(store, view, claim_id),
                                       "reviews": _reviews_of(store, view, claim_id)})
    return negotiate(request, found, str(ID["claim/"]))


def _reviews_of(store: GraphStore, view: lookup.GraphView, claim_id: str) -> list[ReviewOut]:
    return [ReviewOut(**r) for r in reviews.of_claim(store, view, claim_id)]
