"""The library's exceptions. Messages name the input at fault and what to do next.

Each error carries a code from the catalogue below, so a message can be looked up and a
caller (the CLI, the API) can map the class to an exit status or an HTTP status.
"""

from __future__ import annotations


class KGError(Exception):
    """Base of every error the library raises on purpose."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")
        self.message = message


class InputError(KGError):
    """A document cannot be read: missing, binary, undecodable, empty or too large."""

    code = "E100"


class UnsupportedMediaError(InputError):
    """A document's bytes are not text (binary data, an unknown encoding)."""

    code = "E101"


class InputTooLargeError(InputError):
    """A document is larger than the configured limit."""

    code = "E102"


class ModelError(KGError):
    """The configured spaCy model is not installed or cannot be loaded."""

    code = "E200"


class ConfigError(KGError):
    """An option or setting is wrong (a bad worker count, an unreachable cluster, no credentials)."""

    code = "E210"


class StoreError(KGError):
    """The store cannot be opened or written."""

    code = "E300"


class StoreLockedError(StoreError):
    """Another process owns the on-disk store."""

    code = "E301"


class QueryError(KGError):
    """A SPARQL query is malformed or not allowed."""

    code = "E400"


class QueryTimeout(QueryError):
    """A query ran past its time budget and was stopped."""

    code = "E401"


class QueryBusy(QueryError):
    """No query worker became free within the time budget."""

    code = "E402"


class NotAcceptable(QueryError):
    """The client accepts no format for this kind of result (``message`` names the kind)."""

    code = "E403"


class ForbiddenError(KGError):
    """A write would change what the pipeline owns (a document's graph, the verdicts, the alias table)."""

    code = "E405"


class NotFoundError(KGError):
    """An id names nothing in the graph."""

    code = "E404"
