"""Documents: what was ingested, with its metadata."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from kg import lookup

from ..deps import StoreDep
from ..schemas import DocumentOut, DocumentPage, ErrorOut

router = APIRouter(prefix="/documents", tags=["documents"])


@router.get("", response_model=DocumentPage)
def list_documents(
    store: StoreDep,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> DocumentPage:
    """Every document in the graph, by file name."""
    docs = lookup.documents(store)
    items = [DocumentOut(**d) for d in docs[offset : offset + limit]]
    return DocumentPage(total=len(docs), offset=offset, limit=limit, items=items)


@router.get("/{doc_id}", response_model=DocumentOut, responses={404: {"model": ErrorOut}})
def get_document(doc_id: str, store: StoreDep) -> DocumentOut:
    """One document by id."""
    return DocumentOut(**lookup.document(store, doc_id))
