"""Exports of the whole graph: Gephi, GraphML, RDF and CSV."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Request
from fastapi.responses import Response

from kg import lookup, reviews

from ..deps import StoreDep, ViewDep

router = APIRouter(tags=["export"])

MEDIA = {
    "gexf": "application/gexf+xml", "graphml": "application/graphml+xml", "ttl": "text/turtle",
    "trig": "application/trig", "nq": "application/n-quads", "nt": "application/n-triples",
    "jsonld": "application/ld+json", "rdfxml": "application/rdf+xml", "csv": "text/csv; charset=utf-8",
    "claimreview": "application/ld+json",
}


@router.get("/export/{fmt}", response_class=Response, responses={200: {"content": {m: {} for m in MEDIA.values()}}})
def export_graph(fmt: Literal["gexf", "graphml", "ttl", "trig", "nq", "nt", "jsonld", "rdfxml", "csv", "claimreview"],
                 request: Request, store: StoreDep, view: ViewDep) -> Response:
    """The whole graph: ``gexf`` (Gephi), ``graphml``, RDF (``ttl``, ``trig``, ``nq``, ``nt``,
    ``jsonld``, ``rdfxml``), ``csv`` of the claims, or ``claimreview``: the reviews as schema.org
    ClaimReview JSON-LD."""
    data = reviews.export_feed(store, str(request.base_url), view) if fmt == "claimreview" \
        else lookup.export_bytes(store, fmt, view)
    suffix = "jsonld" if fmt == "claimreview" else fmt
    return Response(data, media_type=MEDIA[fmt],
                    headers={"Content-Disposition": f'attachment; filename="claimgraph-{fmt}.{suffix}"'
                             if fmt == "claimreview" else f'attachment; filename="claimgraph.{fmt}"'})
