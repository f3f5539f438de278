"""Exports of the whole graph: Gephi, GraphML, RDF and CSV."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from typing import IO, Literal

from fastapi import APIRouter, Request
from fastapi.responses import Response, StreamingResponse

from kg import export, lookup, reviews

from ..deps import StoreDep

router = APIRouter(tags=["export"])

MEDIA = {
    "gexf": "application/gexf+xml", "graphml": "application/graphml+xml", "ttl": "text/turtle",
    "trig": "application/trig", "nq": "application/n-quads", "nt": "application/n-triples",
    "jsonld": "application/ld+json", "rdfxml": "application/rdf+xml", "csv": "text/csv; charset=utf-8",
    "claimreview": "application/ld+json",
}


#: Bytes of an export held in memory before the rest goes to a temporary file.
SPOOL_BYTES = 8 * 2**20


@router.get("/export/{fmt}", response_class=Response, responses={200: {"content": {m: {} for m in MEDIA.values()}}})
def export_graph(fmt: Literal["gexf", "graphml", "ttl", "trig", "nq", "nt", "jsonld", "rdfxml", "csv", "claimreview"],
                 request: Request, store: StoreDep) -> Response:
    """The whole graph: ``gexf`` (Gephi), ``graphml``, RDF (``ttl``, ``trig``, ``nq``, ``nt``,
    ``jsonld``, ``rdfxml``), ``csv`` of the claims, or ``claimreview``: the reviews as schema.org
    ClaimReview JSON-LD."""
    disposition = {"Content-Disposition": f'attachment; filename="claimgraph-{fmt}.jsonld"'
                   if fmt == "claimreview" else f'attachment; filename="claimgraph.{fmt}"'}
    if fmt == "claimreview":
        data = reviews.export_feed(store, str(request.base_url))
        return Response(data, media_type=MEDIA[fmt], headers=disposition)
    # Written as the store is read (no claim view), then sent in pieces.
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)
    if fmt in export.RDF_FORMATS:
        export.write_rdf(store, fmt, spool)
    else:
        lookup.write_export(store, fmt, spool)
    spool.seek(0)
    return StreamingResponse(_pieces(spool), media_type=MEDIA[fmt], headers=disposition)


def _pieces(spool: IO[bytes], size: int = 2**16) -> Iterator[bytes]:
    with spool:
        while piece := spool.read(size):
            yield piece
