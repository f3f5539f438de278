"""The analysts' pages: search, claim, document, entity, measure and conflicts, rendered on the server."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, cast
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from kg import lookup, paging, reviews
from kg.errors import NotFoundError
from kg.records import ClaimRecord, DocumentRecord
from kg.wording import number

from .. import charts
from ..deps import RELATED, ClaimId, ClaimViewDep, StoreDep
from ..navigation import navigation

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(Path(__file__).resolve().parent.parent / "templates"))
templates.env.filters["number"] = number
templates.env.globals["navigation"] = navigation()
Text = Annotated[str | None, Query(max_length=300)]


def _render(request: Request, name: str, **context: object) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context)


def is_page(request: Request) -> bool:
    """Whether a request is for the explorer's pages (answered in HTML, errors included)."""
    return request.url.path == "/" or request.url.path.startswith("/ui/")


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    """An error as a page of the explorer, for people rather than programs."""
    titles = {404: "Not found", 422: "Not understood", 405: "Not allowed"}
    response = templates.TemplateResponse(request, "error.html", {"title": titles.get(status, "Error"),
                                                                  "message": message}, status_code=status)
    return response


def _count(n: object, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


#: Claims listed on one page of the explorer's search and of a measure's claims, conflicts on one
#: page of the conflicts, and claims and events on an entity's page (every event of a document is
#: listed on its page).
SEARCH_PAGE = 200


#: Documents the search offers in a menu; with more, it takes a file name or document id as typed.
DOCUMENT_MENU = 500
#: Documents listed on one page of the documents.
DOCUMENTS_PAGE = 200


@router.get("/", response_class=HTMLResponse)
def search_page(request: Request, store: StoreDep, text: Text = None, entity: Text = None, measure: Text = None,
                document: Text = None, source: Text = None, verdict: Text = None,
                offset: Annotated[int, Query(ge=0)] = 0) -> HTMLResponse:
    verdict = verdict if verdict in ("corroborated", "conflicting", "single-source") else None
    total, claims = paging.claims_page(store, offset, SEARCH_PAGE, entity or None, document or None, source or None,
                                       measure or None, text or None, verdict)
    params = {"text": text, "entity": entity, "measure": measure, "document": document, "source": source, "verdict": verdict}
    pages = _pages(request, offset, SEARCH_PAGE, total)
    menu = lookup.documents(store) if lookup.document_count(store) <= DOCUMENT_MENU else None
    return _render(request, "search.html", title="Claims", claims=claims, total=total, offset=offset, pages=pages,
                   params=params, entities=lookup.named_entities(store), measures=lookup.measures(store),
                   documents=menu, documents_by_file=_by_file(lookup.documents_of(store, (c["document"] for c in claims))))


def _from(request: Request, offset: int) -> str:
    """The link to the same search from ``offset``."""
    return "?" + request.url.include_query_params(offset=offset).query


def _pages(request: Request, offset: int, size: int, total: int) -> dict[str, str | None]:
    """The links to the pages of ``size`` before and after the one from ``offset``."""
    return {"previous": _from(request, max(0, offset - size)) if offset else None,
            "next": _from(request, offset + size) if offset + size < total else None}


@router.get("/ui/claims/{claim_id}", response_class=HTMLResponse)
def claim_page(request: Request, claim_id: ClaimId,
               store: StoreDep, view: ClaimViewDep) -> HTMLResponse:
    prov = lookup.provenance(store, view, claim_id)
    before, exact, after = lookup.evidence_context(store, view.claim(claim_id))
    carried = [view.claims[f] for f in view.claim(claim_id).figures if f in view.claims]
    found = reviews.of_claim(store, view, claim_id)
    return _render(request, "claim.html", title=str(prov["claim"]["figure"] or "claim"), claim=prov["claim"],
                   prov=prov, before=before, exact=exact, after=after, carried=carried, reviews=found,
                   ratings=list(reviews.RATINGS), related=int(request.query_params.get("related", RELATED)),
                   related_offset=int(request.query_params.get("related_offset", 0)))


@router.get("/ui/documents", response_class=HTMLResponse)
def documents_page(request: Request, store: StoreDep, offset: Annotated[int, Query(ge=0)] = 0) -> HTMLResponse:
    total, docs = lookup.documents_page(store, offset, DOCUMENTS_PAGE)
    items = [{"href": f"/ui/documents/{d['id']}", "label": d["title"] or d["file"],
              "note": f"{d['publisher'] or ''} {d['published'] or ''} · {_count(d['claims'], 'claim')}"}
             for d in docs]
    return _render(request, "listing.html", title="Documents", items=items, total=total, offset=offset,
                   pages=_pages(request, offset, DOCUMENTS_PAGE, total))


@router.get("/ui/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: Annotated[str, PathParam(pattern=r"^[0-9a-f]{16}$")],
                  store: StoreDep) -> HTMLResponse:
    doc = lookup.document(store, doc_id)
    _, events = paging.events_page(store, 0, paging.ALL, document=doc["file"])
    return _render(request, "document.html", title=str(doc["title"] or doc["file"]), doc=doc,
                   pieces=lookup.document_pieces(store, doc), events=events, documents_by_file=_by_file([doc]))


@router.get("/ui/entities", response_class=HTMLResponse)
def entities_page(request: Request, store: StoreDep) -> HTMLResponse:
    items = [{"href": f"/ui/entities/{e['id']}", "label": e["label"], "note": f"{e['type']} · {_count(e['claims'], 'claim')}"}
             for e in lookup.entities(store) if e["claims"]]
    return _render(request, "listing.html", title="Entities", items=items)


@router.get("/ui/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, entity_id: Annotated[str, PathParam(max_length=100)], store: StoreDep) -> HTMLResponse:
    entity = lookup.entity(store, entity_id)
    total, claims = paging.claims_page(store, 0, SEARCH_PAGE, entity=entity_id)
    events_total, events = paging.events_page(store, 0, SEARCH_PAGE, entity=entity_id)
    points = paging.figure_points(store, cast(list[str], entity["claim_ids"]))
    docs = lookup.documents_of(store, [*(r["document"] for r in [*claims, *events]), *(p["document"] for p in points)])
    chart = charts.figures_over_time(points, str(entity["label"]), _publishers(docs))
    return _render(request, "figures.html", title=str(entity["label"]), aliases=entity["aliases"], claims=claims,
                   total=total, offset=0, more=f"/?{urlencode({'entity': entity_id})}",
                   more_label=f"all {total} in the search", chart=chart, events=events,
                   events_total=events_total, documents_by_file=_by_file(docs))


@router.get("/ui/measures/{measure:path}", response_class=HTMLResponse)
def measure_page(request: Request, measure: Annotated[str, PathParam(max_length=200)], store: StoreDep,
                 offset: Annotated[int, Query(ge=0)] = 0) -> HTMLResponse:
    total, claims = paging.claims_page(store, offset, SEARCH_PAGE, measure_key=measure)
    if not total:
        raise NotFoundError(f"no claim measures {measure!r}")
    points = paging.figure_points(store, paging.measured(store, measure))
    docs = lookup.documents_of(store, [*(c["document"] for c in claims), *(p["document"] for p in points)])
    pages = _pages(request, offset, SEARCH_PAGE, total)
    return _render(request, "figures.html", title=f"Measure {measure}", aliases=[], claims=claims, total=total,
                   offset=offset, previous=pages["previous"], more=pages["next"],
                   more_label=f"the next {SEARCH_PAGE}", events=[], events_total=0, documents_by_file=_by_file(docs),
                   chart=charts.figures_over_time(points, measure, _publishers(docs)))


def _by_file(docs: list[DocumentRecord]) -> dict[str, DocumentRecord]:
    return {d["file"]: d for d in docs}


def _publishers(docs: list[DocumentRecord]) -> dict[str, str]:
    """Each document's publisher (else its title) by file name, for the colours of charts."""
    return {d["file"]: d["publisher"] or d["title"] or d["file"] for d in docs}


@router.get("/ui/conflicts", response_class=HTMLResponse)
def conflicts_page(request: Request, store: StoreDep, offset: Annotated[int, Query(ge=0)] = 0) -> HTMLResponse:
    total, items = paging.relations_page(store, "conflicts", offset, SEARCH_PAGE)
    files = [str(cast(ClaimRecord, r[side])["document"]) for r in items for side in ("a", "b")]
    return _render(request, "conflicts.html", title="Conflicts", items=items, total=total, offset=offset,
                   pages=_pages(request, offset, SEARCH_PAGE, total),
                   documents_by_file=_by_file(lookup.documents_of(store, files)))
