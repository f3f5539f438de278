"""One vocabulary of error kinds for every route: ``{"error": kind, "message": ...}``."""

from __future__ import annotations

from kg.errors import (
    ForbiddenError,
    InputError,
    InputTooLargeError,
    KGError,
    NotAcceptable,
    NotFoundError,
    QueryBusy,
    QueryError,
    QueryTimeout,
    StoreLockedError,
    UnsupportedMediaError,
)

#: The kind of an error answer by its HTTP status (a few library errors name a narrower kind:
#: ``bad_document`` for an upload that cannot be read, ``store_busy`` while a build holds the store).
ERROR_KINDS: dict[int, str] = {
    400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
    406: "not_acceptable", 413: "too_large", 414: "uri_too_long", 415: "unsupported_media_type",
    422: "invalid_request", 500: "server_error", 503: "unavailable",
}


def error_kind(status: int) -> str:
    return ERROR_KINDS.get(status, "error")


#: The status and kind of the library's errors, the first class that matches.
STATUS_OF_ERROR: list[tuple[type[KGError], int, str]] = [
    (NotFoundError, 404, "not_found"),
    (InputTooLargeError, 413, "too_large"),
    (UnsupportedMediaError, 415, "unsupported_media_type"),
    (InputError, 422, "bad_document"),
    (QueryTimeout, 503, "unavailable"),
    (QueryBusy, 503, "unavailable"),
    (NotAcceptable, 406, "not_acceptable"),
    (QueryError, 400, "bad_request"),
    (ForbiddenError, 403, "forbidden"),
    (StoreLockedError, 503, "store_busy"),
]


def status_of(exc: KGError) -> tuple[int, str] | None:
    """The HTTP status and error kind of a library error; None for one that is the server's fault."""
    return next(((status, kind) for cls, status, kind in STATUS_OF_ERROR if isinstance(exc, cls)), None)
