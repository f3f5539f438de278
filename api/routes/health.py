"""Liveness and a glance at the store."""

from __future__ import annotations

from fastapi import APIRouter

from kg import queries

from ..deps import StoreDep
from ..schemas import HealthOut

router = APIRouter(tags=["service"])


@router.get("/health", response_model=HealthOut)
def health(store: StoreDep) -> HealthOut:
    """The service is up; how many documents and triples it serves."""
    documents = len(store.select(queries.DOCUMENT_VERSIONS))
    return HealthOut(status="ok", documents=documents, triples=len(store))
