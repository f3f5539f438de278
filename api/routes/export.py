"""Exports of the whole graph: Gephi, GraphML, RDF and CSV."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from fastapi.responses import Response

from kg import export, lookup, reconcile
from kg.ontology import Gazetteer

from ..deps import StoreDep, ViewDep

router = APIRouter(tags=["export"])

MEDIA = {
    "gexf": "application/gexf+xml", "graphml": "application/graphml+xml", "ttl": "text/turtle",
    "trig": "application/trig", "nq": "application/n-quads", "nt": "application/n-triples",
    "jsonld": "application/ld+json", "rdfxml": "application/rdf+xml", "csv": "text/csv",
}


@router.get("/export/{fmt}", response_class=Response, responses={200: {"content": {m: {} for m in MEDIA.values()}}})
def export_graph(fmt: Literal["gexf", "graphml", "ttl", "trig", "nq", "nt", "jsonld", "rdfxml", "csv"],
                 store: StoreDep, view: ViewDep) -> Response:
    """The whole graph: ``gexf`` (Gephi), ``graphml``, RDF (``ttl``, ``trig``, ``nq``, ``nt``,
    ``jsonld``, ``rdfxml``) or ``csv`` of the claims."""
    if fmt in export.RDF_FORMATS:
        body = export.rdf(store, fmt)
    elif fmt == "csv":
        body = export.claims_csv(list(view.records.values()))
    else:
        network = reconcile.claim_network(
            list(view.claims.values()), view.relations, {d["file"]: d for d in lookup.documents(store)},
            Gazetteer.load().labels,
        )
        body = export.gexf(network) if fmt == "gexf" else export.graphml(network)
    filename = f"claimgraph.{fmt}"
    return Response(body, media_type=MEDIA[fmt], headers={"Content-Disposition": f'attachment; filename="{filename}"'})
