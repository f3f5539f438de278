"""Documents: what was ingested, with its metadata."""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from kg import lookup, pipeline
from kg.build import ID
from kg.errors import InputTooLargeError, UnsupportedMediaError

from ..deps import IngestorDep, SettingsDep, StoreDep, require_token
from ..jsonld import JSONLD_OK, negotiate
from ..schemas import DocumentOut, DocumentPage, ErrorOut, IngestOut

log = logging.getLogger(__name__)
MEDIA_TYPES = {"text/plain", "text/markdown", "text/html"}

router = APIRouter(prefix="/documents", tags=["documents"])


DOCUMENT_BASE = str(ID["document/"])


@router.get("", response_model=DocumentPage, responses=JSONLD_OK)
def list_documents(
    request: Request,
    store: StoreDep,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> DocumentPage | Response:
    """Every document in the graph, by file name."""
    total, docs = lookup.documents_page(store, offset, limit)
    items = [DocumentOut(**d) for d in docs]
    return negotiate(request, DocumentPage(total=total, offset=offset, limit=limit, items=items), DOCUMENT_BASE)


@router.get("/{doc_id}", response_model=DocumentOut, responses={404: {"model": ErrorOut}, **JSONLD_OK})
def get_document(doc_id: str, request: Request, store: StoreDep) -> DocumentOut | Response:
    """One document by id."""
    return negotiate(request, DocumentOut(**lookup.document(store, doc_id)), DOCUMENT_BASE)


@router.post(
    "", status_code=201, response_model=IngestOut, dependencies=[Depends(require_token)],
    responses={401: {"model": ErrorOut}, 403: {"model": ErrorOut}, 413: {"model": ErrorOut},
               415: {"model": ErrorOut}, 422: {"model": ErrorOut}},
)
async def ingest_document(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    ingestor: IngestorDep,
    name: Annotated[str, Query(pattern=r"^[A-Za-z0-9][A-Za-z0-9._ -]{0,199}$",
                               description="File name that identifies the document (a new version replaces the old)")],
) -> IngestOut:
    """Ingest one document (the body: text/plain, text/markdown or text/html, UTF-8), behind the
    bearer token of the settings (``KG_API_TOKEN``)."""
    media = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    if media not in MEDIA_TYPES:
        raise UnsupportedMediaError(f"{name}: send text/plain, text/markdown or text/html, not {media or 'no type'}")
    limit = settings.max_document_bytes
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise InputTooLargeError(f"{name}: {declared} bytes is over the limit of {limit}")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise InputTooLargeError(f"{name}: the body is over the limit of {limit} bytes")
        chunks.append(chunk)
    body = b"".join(chunks)

    def write() -> tuple[pipeline.BuildReport, str]:
        # Reading (HTML extraction, chrome rules) and parsing run here, off the event loop; uploads
        # waiting for the write lock are written together.
        return ingestor.ingest(store, name, body, media, lock=request.app.state.write_lock)

    report, doc_id = await run_in_threadpool(write)
    if report.failed:
        raise report.failed[0][1]
    status = "added" if report.added else "replaced" if report.replaced else "unchanged"
    log.info("documents: %s %s (%d claims in the graph)", status, name, report.claims)
    return IngestOut(status=status, document=DocumentOut(**lookup.document(store, doc_id)),
                     claims=report.claims, verdicts=report.relations)


@router.delete(
    "/{doc_id}", response_model=IngestOut, dependencies=[Depends(require_token)],
    responses={401: {"model": ErrorOut}, 403: {"model": ErrorOut}, 404: {"model": ErrorOut}, 422: {"model": ErrorOut}},
)
async def remove_document(doc_id: Annotated[str, Path(pattern=r"^[0-9a-f]{16}$")], request: Request,
                          store: StoreDep, settings: SettingsDep) -> IngestOut:
    """Remove a document and recompute the verdicts (behind the bearer token); reviews of its
    claims stay, marked orphaned."""
    doc = lookup.document(store, doc_id)

    def write() -> pipeline.BuildReport:
        with request.app.state.write_lock:
            return pipeline.remove_documents([doc["file"]], store, settings)

    report = await run_in_threadpool(write)
    log.info("documents: removed %s (%d claims in the graph)", doc["file"], report.claims)
    return IngestOut(status="removed", document=DocumentOut(**{**doc, "claims": 0}), claims=report.claims,
                     verdicts=report.relations)
