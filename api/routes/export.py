"""Exports of the whole graph: Gephi, GraphML, RDF and CSV."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from fastapi.responses import Response

from kg import lookup

from ..deps import StoreDep, ViewDep

router = APIRouter(tags=["export"])

MEDIA = {
    "gexf": "application/gexf+xml", "graphml": "application/graphml+xml", "ttl": "text/turtle",
    "trig": "application/trig", "nq": "application/n-quads", "nt": "application/n-triples",
    "jsonld": "application/ld+json", "rdfxml": "application/rdf+xml", "csv": "text/csv; charset=utf-8",
}


@router.get("/export/{fmt}", response_class=Response, responses={200: {"content": {m: {} for m in MEDIA.values()}}})
def export_graph(fmt: Literal["gexf", "graphml", "ttl", "trig", "nq", "nt", "jsonld", "rdfxml", "csv"],
                 store: StoreDep, view: ViewDep) -> Response:
    """The whole graph: ``gexf`` (Gephi), ``graphml``, RDF (``ttl``, ``trig``, ``nq``, ``nt``,
    ``jsonld``, ``rdfxml``) or ``csv`` of the claims."""
    return Response(lookup.export_bytes(store, fmt, view), media_type=MEDIA[fmt],
                    headers={"Content-Disposition": f'attachment; filename="claimgraph.{fmt}"'})
