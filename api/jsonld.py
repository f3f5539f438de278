"""JSON-LD answers for clients that ask for ``application/ld+json``."""

from __future__ import annotations

import json
from typing import Any, TypeVar

from fastapi import Request
from fastapi.responses import Response
from pydantic import BaseModel

from kg.vocab import PREFIXES

from .negotiation import best_offer

JSONLD = "application/ld+json"
M = TypeVar("M", bound=BaseModel)
#: How a route that also answers in JSON-LD documents it.
JSONLD_OK: dict[int | str, dict[str, Any]] = {200: {"content": {JSONLD: {}}}}

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
    "figures": {"@id": "cg:carriesFigure", "@type": "@id"},
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
    "basis": "cg:basis",
    "tolerance": {"@id": "cg:tolerance", "@type": "xsd:decimal"},
    "relative_difference": {"@id": "cg:relativeDifference", "@type": "xsd:decimal"},
    "similarity": {"@id": "cg:similarity", "@type": "xsd:decimal"},
    "scope": "cg:scope",
    "a": "cg:claim",
    "b": "cg:claim",
    "roots": "cg:root",
    "documents": "schema:appearance",
}
#: Every other field of the JSON API is a term of the claim vocabulary.
CONTEXT["@vocab"] = str(PREFIXES["cg"])


def wants_jsonld(request: Request) -> bool:
    """Whether the client prefers JSON-LD to plain JSON (``q=0`` refuses it)."""
    return best_offer(request.headers.get("accept"), ["application/json", JSONLD]) == JSONLD


def negotiate(request: Request, model: M, base: str) -> M | Response:
    """``model`` as JSON, or as JSON-LD (ids under ``base``) when the client asks for it."""
    return as_jsonld(model.model_dump(mode="json"), base) if wants_jsonld(request) else model


def as_jsonld(payload: dict[str, object], base: str) -> Response:
    """The JSON payload as JSON-LD: a context, and ids as IRIs under ``base``."""
    body = {"@context": {**CONTEXT, "@base": base}, **payload}
    return Response(json.dumps(body, ensure_ascii=False), media_type=JSONLD)
