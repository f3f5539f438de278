"""The store a configuration names: an embedded Oxigraph folder, or a SPARQL server's URL."""

from __future__ import annotations

from .config import Settings
from .remote import SparqlStore
from .store import GraphStore, is_remote


def open_store(settings: Settings, read_only: bool = False, create: bool = True) -> GraphStore:
    """The store ``settings.store`` names: a folder (embedded Oxigraph, created there unless
    ``create`` is false) or a SPARQL server's URL."""
    if is_remote(settings.store):
        return SparqlStore.connect(settings)
    return GraphStore.open(settings.store, read_only=read_only, create=create)
