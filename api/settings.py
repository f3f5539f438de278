"""The service's settings: the library's ``Settings``, read once per app."""

from __future__ import annotations

from functools import lru_cache

from kg.config import Settings


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Settings from the environment (``KG_*``), read on first use."""
    return Settings()


__all__ = ["Settings", "get_settings"]
