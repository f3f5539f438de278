"""Response models of the JSON API."""

from __future__ import annotations

from pydantic import BaseModel, Field


class ErrorOut(BaseModel):
    """Every error response: a code and a message that says what went wrong."""

    error: str = Field(description="Short error class, e.g. not_found, bad_request.")
    message: str


class HealthOut(BaseModel):
    status: str
    documents: int
    triples: int


class DocumentOut(BaseModel):
    """A document as ingested, with the number of claims read from it."""

    id: str
    file: str
    title: str | None
    authors: list[str]
    publisher: str | None
    published: str | None = Field(description="ISO date, or null when the text gives none.")
    url: str | None
    sha256: str
    media_type: str
    claims: int


class Page(BaseModel):
    total: int
    offset: int
    limit: int


class DocumentPage(Page):
    items: list[DocumentOut]
