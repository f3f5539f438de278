"""Read-side lookups over the store for the CLI and the API: plain data out, named queries in."""

from __future__ import annotations

from rdflib import URIRef

from . import queries
from .build import ID
from .errors import NotFoundError
from .store import GraphStore

DOCUMENT_PREFIX = str(ID["document/"])


def _local(iri: object, prefix: str) -> str:
    return str(iri)[len(prefix) :]


def documents(store: GraphStore, doc_id: str | None = None) -> list[dict[str, object]]:
    """Documents with their metadata and claim counts, ordered by file name."""
    bindings = {"doc": URIRef(DOCUMENT_PREFIX + doc_id)} if doc_id else None
    authors: dict[str, list[str]] = {}
    for row in store.select(queries.DOCUMENT_AUTHORS, bindings):
        authors.setdefault(str(row["doc"]), []).append(str(row["name"]))
    out = []
    for row in store.select(queries.DOCUMENTS, bindings):
        iri = str(row.get("doc") or DOCUMENT_PREFIX + (doc_id or ""))
        out.append({
            "id": _local(iri, DOCUMENT_PREFIX),
            "file": row["file"],
            "title": row.get("title"),
            "authors": authors.get(iri, []),
            "publisher": row.get("publisher"),
            "published": row.get("published"),
            "url": row.get("url"),
            "sha256": row["sha"],
            "media_type": row["media"],
            "claims": int(row.get("claims") or 0),
        })
    return out


def document(store: GraphStore, doc_id: str) -> dict[str, object]:
    """One document by id; ``NotFoundError`` when there is none."""
    found = documents(store, doc_id) if _is_id(doc_id) else []
    if not found:
        raise NotFoundError(f"no document with id {doc_id!r}")
    return found[0]


def _is_id(value: str) -> bool:
    return len(value) == 16 and all(c in "0123456789abcdef" for c in value)
