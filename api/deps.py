"""Dependencies as named types: the store, the settings, and a cached view of the claims."""

from __future__ import annotations

import secrets
from typing import Annotated, Any

from fastapi import Depends, Header, HTTPException, Path, Query, Request
from fastapi.exceptions import RequestValidationError

from kg.config import Settings
from kg.lookup import GraphView
from kg.pipeline import Ingestor
from kg.query_workers import QueryRunner
from kg.store import GraphStore

ClaimId = Annotated[str, Path(pattern=r"^[0-9a-f]{16}$", description="A claim id (16 hex digits).")]


async def get_store(request: Request) -> GraphStore:
    return request.app.state.store


async def get_app_settings(request: Request) -> Settings:
    return request.app.state.settings


def _query_names(dependant: Any) -> set[str]:
    """The query parameters a route takes, its dependencies' included."""
    names = {p.alias for p in dependant.query_params}
    for inner in dependant.dependencies:
        names |= _query_names(inner)
    return names


def known_query(request: Request) -> None:
    """A query parameter the route does not take is an error, not silently ignored (a misspelt
    filter would otherwise answer every claim)."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    allowed = _query_names(dependant)
    unknown = sorted(set(request.query_params) - allowed)
    if unknown:
        takes = ", ".join(sorted(allowed)) or "none"
        raise RequestValidationError([{"loc": ("query", name), "type": "extra_forbidden",
                                       "msg": f"unknown parameter; this route takes {takes}"} for name in unknown])


def require_token(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
    """Writes need the bearer token of the settings (``KG_API_TOKEN``); without one they are off.

    A route declares it in ``dependencies``, so a request is authenticated before anything
    else about it is checked.
    """
    token = request.app.state.settings.api_token
    if token is None:
        raise HTTPException(403, "writes (uploads, reviews, SPARQL Update) are disabled; set KG_API_TOKEN to enable them")
    expected = f"Bearer {token.get_secret_value()}"
    if not authorization or not secrets.compare_digest(authorization.encode(), expected.encode()):
        raise HTTPException(401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"})


async def get_ingestor(request: Request) -> Ingestor:
    return request.app.state.ingestor


async def get_runner(request: Request) -> QueryRunner:
    return request.app.state.runner


#: Claims of each kind of verdict a claim's sources list unless asked for more.
RELATED = 50


def get_claim_view(
    request: Request, claim_id: ClaimId,
    related: Annotated[int, Query(ge=0, le=1000, description=(
        "How many of the claims that corroborate it, conflict with it or report its measure at other "
        "times to list, of each kind (the claim's own record lists the ids of all)."))] = RELATED,
    related_offset: Annotated[int, Query(ge=0, description="From which of them, by claim id.")] = 0,
) -> GraphView:
    """For the lookups of one claim: the claim and a slice of its neighbours of each kind
    (``GraphView(around=...)``), so the service never reads every claim, nor every neighbour."""
    return GraphView(request.app.state.store, around=claim_id, related=(related_offset, related))


def get_claim_alone(request: Request, claim_id: ClaimId) -> GraphView:
    """For the record of one claim: the claim with its links and the figures it carries."""
    return GraphView(request.app.state.store, around=claim_id, related=(0, 0))


StoreDep = Annotated[GraphStore, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
ClaimViewDep = Annotated[GraphView, Depends(get_claim_view)]
ClaimAloneDep = Annotated[GraphView, Depends(get_claim_alone)]
RunnerDep = Annotated[QueryRunner, Depends(get_runner)]
IngestorDep = Annotated[Ingestor, Depends(get_ingestor)]
