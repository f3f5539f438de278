"""Liveness, a glance at the store, and the JSON-LD context."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response

from kg import queries

from ..deps import StoreDep
from ..jsonld import CONTEXT, JSONLD
from ..schemas import HealthOut

router = APIRouter(tags=["service"])


@router.get("/health", response_model=HealthOut)
def health(store: StoreDep) -> HealthOut:
    """The service is up; how many documents and triples it serves."""
    documents = len(store.select(queries.DOCUMENT_VERSIONS))
    return HealthOut(status="ok", documents=documents, triples=len(store))


@router.get("/context.jsonld", response_class=Response, responses={200: {"content": {JSONLD: {}}}})
def context() -> Response:
    """The JSON-LD context every JSON-LD answer of this service uses (also inlined in each)."""
    import json

    return Response(json.dumps({"@context": CONTEXT}, ensure_ascii=False), media_type=JSONLD)
