"""The store a configuration names: an embedded Oxigraph folder, or a SPARQL server's URL."""

from __future__ import annotations

from .config import Settings
from .remote import SparqlStore
from .store import GraphStore, is_remote


def open_store(settings: Settings, read_only: bool = False) -> GraphStore:
    """The store ``settings.store`` names: a folder (embedded Oxigraph) or a SPARQL server's URL."""
    if is_remote(settings.store):
        return SparqlStore.connect(settings)
    return GraphStore.open(settings.store, read_only=read_only)
