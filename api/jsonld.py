"""JSON-LD answers for clients that ask for ``application/ld+json``."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import Response

from kg.vocab import PREFIXES

from .negotiation import best_offer

JSONLD = "application/ld+json"

#: The context that maps the JSON API's field names to the vocabulary.
CONTEXT = {
    **PREFIXES,
    "id": "@id",
    "figure": "cg:surface",
    "value": {"@id": "cg:amount", "@type": "xsd:decimal"},
    "low": {"@id": "cg:lowerBound", "@type": "xsd:decimal"},
    "high": {"@id": "cg:upperBound", "@type": "xsd:decimal"},
    "qualifier": "cg:qualifier",
    "unit": "cg:unit",
    "confidence": "cg:confidence",
    "modality": "cg:modality",
    "measure": "cg:measure",
    "time": "cg:time",
    "subject": "cg:subjectText",
    "document": "cg:fileName",
    "text": "oa:exact",
    "sources": "prov:wasAttributedTo",
    "corroborates": {"@id": "cg:corroborates", "@type": "@id"},
    "conflicts": {"@id": "cg:conflictsWith", "@type": "@id"},
    "independent_sources": "cg:independentSources",
    "title": "dcterms:title",
    "authors": "dcterms:creator",
    "publisher": "dcterms:publisher",
    "published": {"@id": "dcterms:issued", "@type": "xsd:date"},
    "url": "schema:url",
    "sha256": "cg:sha256",
    "label": "skos:prefLabel",
    "aliases": "skos:altLabel",
    "reason": "cg:reason",
    "items": "@graph",
}


def wants_jsonld(request: Request) -> bool:
    """Whether the client prefers JSON-LD to plain JSON (``q=0`` refuses it)."""
    return best_offer(request.headers.get("accept"), ["application/json", JSONLD]) == JSONLD


def as_jsonld(payload: dict[str, object], base: str) -> Response:
    """The JSON payload as JSON-LD: a context, and ids as IRIs under ``base``."""
    import json

    body = {"@context": {**CONTEXT, "@base": base}, **payload}
    return Response(json.dumps(body, ensure_ascii=False), media_type=JSONLD)
