"""The FastAPI application: ``create_app`` wires settings, the store and the routers."""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.resources import files
from pathlib import Path

import pyoxigraph as ox
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from kg import __version__, pipeline
from kg.backend import open_store
from kg.config import Settings
from kg.errors import KGError
from kg.query_workers import QueryRunner
from kg.store import GraphStore
from kg.vocab import PREFIXES

from .cache import LookupCache
from .errors import error_kind, status_of
from .routes import (
    claims,
    documents,
    entities,
    events,
    export,
    health,
    pages,
    reviews,
    sparql,
    verdicts,
)
from .security import SecurityHeaders
from .settings import get_settings
from .writing import WriteLock

log = logging.getLogger("api")


def create_app(settings: Settings | None = None, store: GraphStore | None = None) -> FastAPI:
    """The API over ``store`` (opened from ``settings.store`` for the app's lifetime when not given)."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        logging.getLogger("api").setLevel(settings.log_level)
        log.info("settings: %s", settings.public())
        owned = store is None
        app.state.store = store if store is not None else open_store(settings)
        app.state.settings = settings
        app.state.write_lock = WriteLock()
        app.state.ingestor = pipeline.Ingestor(settings)
        graph: GraphStore = app.state.store
        app.state.runner = QueryRunner(
            graph.shared_location,
            lambda: graph.dump(ox.RdfFormat.N_QUADS),
            lambda: graph.generation,
            PREFIXES,
            workers=settings.query_workers,
            timeout=settings.query_timeout,
            max_rows=settings.max_rows,
            auth=settings.query_credentials(),
            max_bytes=settings.max_answer_bytes,
            memory_mb=settings.query_memory_mb,
            queue=settings.query_queue,
        )
        threading.Thread(target=app.state.runner.start, name="query-workers", daemon=True).start()
        log.info("serving store %s", graph.location)  # counting its quads would read all of them
        # What the service holds for its lifetime (modules, schemas, the alias table, the store's
        # handles) is kept out of the collector's full passes, which would otherwise stall a
        # request every so often to walk all of it again.
        gc.freeze()
        try:
            yield
        finally:
            gc.unfreeze()
            app.state.runner.close()
            if owned:
                graph.close()

    app = FastAPI(
        title="Claim-provenance knowledge graph",
        version=__version__,
        description="Figures and events read from news reports, who says them, whom they cite, "
        "which reports agree or disagree; as JSON, JSON-LD and SPARQL.",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    # The API's documentation works offline: Swagger UI is served from the installed package.
    app.mount("/docs/assets", StaticFiles(directory=str(files("fastapi_offline") / "static")), name="swagger-ui")
    app.mount("/static", StaticFiles(directory=str(Path(__file__).resolve().parent / "static")), name="static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url=app.openapi_url or "/openapi.json", title=app.title,
                                   swagger_js_url="/docs/assets/swagger-ui-bundle.js",
                                   swagger_css_url="/docs/assets/swagger-ui.css",
                                   swagger_favicon_url="/docs/assets/favicon.png")

    @app.exception_handler(KGError)
    async def kg_error(request: Request, exc: KGError) -> Response:
        known = status_of(exc)
        if known is not None:
            status, kind = known
            if pages.is_page(request):
                return pages.error_page(request, status, exc.message)
            return JSONResponse({"error": kind, "message": exc.message}, status_code=status)
        log.error("unexpected library error on %s: %s", request.url.path, exc)
        return JSONResponse({"error": error_kind(500), "message": exc.message}, status_code=500)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        details = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        return JSONResponse({"error": "invalid_request", "message": details}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if pages.is_page(request) and exc.status_code in (404, 405):
            return pages.error_page(request, exc.status_code, str(exc.detail))
        kind = error_kind(exc.status_code)
        return JSONResponse({"error": kind, "message": str(exc.detail)}, status_code=exc.status_code,
                            headers=getattr(exc, "headers", None))

    for module in (sparql, health, claims, reviews, events, documents, entities, verdicts, export, pages):
        app.include_router(module.router)

    def generation() -> int | None:
        graph: GraphStore | None = getattr(app.state, "store", None)
        return None if graph is None else graph.generation

    if settings.response_cache:
        app.add_middleware(LookupCache, generation=generation, max_entries=settings.response_cache)
    app.add_middleware(sparql.DirectProtocol)
    app.add_middleware(SecurityHeaders)
    return app
