"""SHACL validation (pySHACL): the store against ``ontology/shapes.ttl``, the ClaimReview feed
against ``ontology/claimreview.ttl``."""

from __future__ import annotations

import pyoxigraph as ox
from pyshacl import validate as shacl_validate
from rdflib import Dataset, Graph

from .ontology import claimreview_shapes, shapes, vocabulary
from .store import GraphStore


def validate(store: GraphStore) -> tuple[bool, str]:
    """Validate the union of the store's graphs; returns (conforms, report text)."""
    data = Dataset(default_union=True)
    data.parse(data=store.dump(ox.RdfFormat.N_QUADS), format="nquads")
    conforms, _, text = shacl_validate(
        data, shacl_graph=shapes(), ont_graph=vocabulary(), inference="none", advanced=True, allow_warnings=True
    )
    return bool(conforms), str(text)


def validate_claimreview(feed: bytes | str) -> tuple[bool, str]:
    """Validate a ClaimReview feed (JSON-LD whose context needs nothing fetched)."""
    data = Graph().parse(data=feed, format="json-ld")
    conforms, _, text = shacl_validate(data, shacl_graph=claimreview_shapes(), inference="none", allow_warnings=True)
    return bool(conforms), str(text)
