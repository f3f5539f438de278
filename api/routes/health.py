"""Liveness, a glance at the store, and the JSON-LD context."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response

from kg import queries
from kg.store import integer

from ..deps import StoreDep
from ..jsonld import CONTEXT, JSONLD
from ..schemas import HealthOut

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
