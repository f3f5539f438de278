"""Fact-checkers' reviews of claims: written behind the token, read as JSON or schema.org ClaimReview."""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from kg import lookup, paging, reviews
from kg.errors import NotFoundError
from kg.model import Rating, Status

from ..deps import SettingsDep, StoreDep, known_query, require_token
from ..jsonld import JSONLD, JSONLD_OK, wants_jsonld
from ..schemas import ErrorOut, ReviewIn, ReviewOut, ReviewPage
from .claims import NOT_FOUND, ClaimId

log = logging.getLogger("api.reviews")
router = APIRouter(tags=["reviews"], dependencies=[Depends(known_query)])

ReviewId = Annotated[str, Path(pattern=r"^[0-9a-f]{16}$", description="A review id (16 hex digits).")]


def _feed(request: Request, found: list[reviews.Review], view: lookup.GraphView) -> Response:
    return Response(reviews.feed_bytes(found, view, str(request.base_url)), media_type=JSONLD)


@router.post(
    "/claims/{claim_id}/reviews", status_code=201, response_model=ReviewOut, dependencies=[Depends(require_token)],
    responses={401: {"model": ErrorOut}, 403: {"model": ErrorOut}, **NOT_FOUND},
)
async def add_review(claim_id: ClaimId, body: ReviewIn, request: Request, store: StoreDep,
                     settings: SettingsDep) -> ReviewOut:
    """Review a claim (behind the bearer token of ``KG_API_TOKEN``): a rating on the fixed scale, a
    note, and the claims or documents that support it. The reviewer is ``KG_REVIEWER``."""
    view = reviews.view_of(store, [], [claim_id, *body.support])
    review = reviews.new_review(view, claim_id, body.rating, body.note, settings.reviewer, body.support)

    def write() -> None:
        with request.app.state.write_lock:
            reviews.add_review(store, review, view)

    await run_in_threadpool(write)
    log.info("reviews: %s rated %s by %s", claim_id, review.rating, review.reviewer)
    return ReviewOut(**reviews.record(review, view))


@router.get("/reviews", response_model=ReviewPage, responses=JSONLD_OK)
def list_reviews(
    request: Request,
    store: StoreDep,
    claim: Annotated[str | None, Query(pattern=r"^[0-9a-f]{16}$", description="The reviewed claim's id")] = None,
    rating: Annotated[Rating | None, Query()] = None,
    status: Annotated[Status | None, Query()] = None,
    entity: Annotated[str | None, Query(max_length=200, description="Reviews of claims about this entity")] = None,
    document: Annotated[str | None, Query(max_length=300, description="Reviews of claims of this document")] = None,
    source: Annotated[str | None, Query(max_length=200, description="Reviews of claims from this source")] = None,
    text: Annotated[str | None, Query(max_length=500, description="Words of the reviewed sentence")] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> ReviewPage | Response:
    """Reviews, newest first, filtered like ``/claims``; as schema.org ``ClaimReview`` JSON-LD on
    ``Accept: application/ld+json`` (the feed fact-check aggregators read)."""
    claims = None
    if entity or document or source or text:
        claims = [r["id"] for r in paging.claims_page(store, 0, paging.ALL, entity, document, source, None, text, None)[1]]
    every = reviews.load_reviews(store)
    view = reviews.view_of(store, every)
    found = reviews.select(every, view, claim, rating, status, claims)
    if wants_jsonld(request):
        return _feed(request, found[offset: offset + limit], view)
    return ReviewPage(total=len(found), offset=offset, limit=limit,
                      items=[ReviewOut(**reviews.record(r, view)) for r in found[offset: offset + limit]])


@router.get("/reviews/{review_id}", response_model=ReviewOut,
            responses={**JSONLD_OK, 404: {"model": ErrorOut}, 422: {"model": ErrorOut}})
def get_review(review_id: ReviewId, request: Request, store: StoreDep) -> ReviewOut | Response:
    """One review; as ClaimReview JSON-LD on request."""
    found = next((r for r in reviews.load_reviews(store) if r.id == review_id), None)
    if found is None:
        raise NotFoundError(f"no review with id {review_id!r}")
    view = reviews.view_of(store, [found])
    if wants_jsonld(request):
        return _feed(request, [found], view)
    return ReviewOut(**reviews.record(found, view))
