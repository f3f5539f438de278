"""One vocabulary of error kinds for every route: ``{"error": kind, "message": ...}``."""

from __future__ import annotations

#: The kind of an error answer by its HTTP status (a few library errors name a narrower kind:
#: ``bad_document`` for an upload that cannot be read, ``store_busy`` while a build holds the store).
ERROR_KINDS: dict[int, str] = {
    400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
    406: "not_acceptable", 413: "too_large", 414: "uri_too_long", 415: "unsupported_media_type",
    422: "invalid_request", 503: "unavailable",
}


def error_kind(status: int) -> str:
    return ERROR_KINDS.get(status, "error")
