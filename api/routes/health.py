"""Liveness, a glance at the store, and the JSON-LD context."""

from __future__ import annotations

import logging
import time

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from kg import queries
from kg.store import integer

from ..deps import StoreDep, require_token
from ..jsonld import CONTEXT, JSONLD
from ..schemas import CompactOut, ErrorOut, HealthOut

log = logging.getLogger(__name__)

router = APIRouter(tags=["service"])


@router.get("/health", response_model=HealthOut)
def health(store: StoreDep) -> HealthOut:
    """The service is up; how many documents and claims it serves (counted by the engine: counting
    every triple would read the whole store)."""
    return HealthOut(status="ok", documents=integer(store.select(queries.COUNT_DOCUMENTS)[0]["n"]),
                     claims=integer(store.select(queries.COUNT_CLAIMS)[0]["n"]))


@router.get("/context.jsonld", response_class=Response, responses={200: {"content": {JSONLD: {}}}})
def context() -> Response:
    """The JSON-LD context every JSON-LD answer of this service uses (also inlined in each)."""
    import json

    return Response(json.dumps({"@context": CONTEXT}, ensure_ascii=False), media_type=JSONLD)


@router.post("/compact", response_model=CompactOut, dependencies=[Depends(require_token)],
             responses={401: {"model": ErrorOut}, 403: {"model": ErrorOut}})
async def compact(request: Request, store: StoreDep) -> CompactOut:
    """Compact the store's files, as ``kg compact`` does (behind the bearer token): reads of the
    verdicts are faster again after documents were removed or replaced. Writes wait meanwhile;
    queries go on."""
    def run() -> float:
        with request.app.state.write_lock:
            started = time.perf_counter()
            store.compact()
            return time.perf_counter() - started

    seconds = await run_in_threadpool(run)
    log.info("store: compacted in %.1f s", seconds)
    return CompactOut(status="compacted", seconds=round(seconds, 3))
