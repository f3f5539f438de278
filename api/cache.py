"""A response cache for the read-only lookups, valid for one version of the store.

Lookups (a claim, its sources, a page of claims, an entity, conflicts and corroborations) are
answered from the graph, which changes only when a document is written. Each successful GET
answer is kept with the store's generation; a write bumps the generation and so retires every
kept answer. Answers carry an ``ETag`` (unique to this process and generation, so a restart over
a rebuilt store never matches an old one), and a client that sends it back in ``If-None-Match``
gets ``304 Not Modified``.

SPARQL, exports and pages are not cached: a query may be non-deterministic (``RAND()``, ``NOW()``)
and exports are large.
"""

from __future__ import annotations

import hashlib
import os
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CACHED_PREFIXES = ("/claims", "/entities", "/conflicts", "/corroborations", "/documents")
MAX_ENTRIES = 4096
MAX_BODY = 512 * 1024
#: Bytes of kept answers in all: the least recently used go first past this.
MAX_BYTES = 64 * 1024 * 1024
VARY = (b"accept",)


@dataclass(frozen=True)
class _Entry:
    """A kept answer; ``size`` counts its key and headers as well as its body."""

    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    size: int


#: A cached answer's key: the store's generation, the path, the query string and the headers it varies on.
Key = tuple[int, *tuple[object, ...]]


def _key_bytes(key: Key) -> int:
    return 64 + sum(len(part) for part in key if isinstance(part, bytes | str))


class LookupCache:
    """ASGI middleware; ``generation`` tells the store's current version."""

    def __init__(self, app: ASGIApp, generation: Callable[[], int | None],
                 prefixes: Iterable[str] = CACHED_PREFIXES, max_entries: int = MAX_ENTRIES) -> None:
        self.app = app
        self.generation = generation
        self.prefixes = tuple(prefixes)
        self.max_entries = max_entries
        self.entries: OrderedDict[tuple[object, ...], _Entry] = OrderedDict()
        self.kept_generation: int | None = None
        self.kept_bytes = 0
        self.nonce = os.urandom(8).hex()
        self.hits = 0
        self.misses = 0

    def _key(self, scope: Scope, generation: int) -> Key:
        headers = dict(scope["headers"])
        return (generation, scope["path"], scope.get("query_string", b""), *(headers.get(h, b"") for h in VARY))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD") \
                or not scope["path"].startswith(self.prefixes):
            await self.app(scope, receive, send)
            return
        generation = self.generation()
        if generation is None:
            await self.app(scope, receive, send)
            return
        key = self._key(scope, generation)
        found = self.entries.get(key)
        if found is not None:
            self.entries.move_to_end(key)
            self.hits += 1
            await self._replay(scope, send, found.status, found.headers, found.body)
            return
        self.misses += 1
        await self._record(scope, receive, send, key)

    async def _replay(self, scope: Scope, send: Send, status: int, headers: list[tuple[bytes, bytes]],
                      body: bytes) -> None:
        etag = dict(headers).get(b"etag")
        sent = dict(scope["headers"]).get(b"if-none-match")
        if etag is not None and sent is not None and etag in (t.strip() for t in sent.split(b",")):
            await send({"type": "http.response.start", "status": 304,
                        "headers": [(k, v) for k, v in headers if k in (b"etag", b"vary")]})
            await send({"type": "http.response.body", "body": b""})
            return
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})

    async def _record(self, scope: Scope, receive: Receive, send: Send, key: Key) -> None:
        start: Message | None = None
        chunks: list[bytes] = []
        size = 0
        keep = True

        async def capture(message: Message) -> None:
            nonlocal start, size, keep
            if message["type"] == "http.response.start":
                start = message
                keep = message["status"] == 200
                if keep:
                    digest = hashlib.blake2b(f"{self.nonce}{key!r}".encode(), digest_size=12).hexdigest()
                    message["headers"] = [*message.get("headers", []), (b"etag", f'"{digest}"'.encode()),
                                          (b"vary", b"Accept")]
                await send(message)
                return
            if message["type"] == "http.response.body" and keep:
                body = message.get("body", b"")
                size += len(body)
                if size > MAX_BODY:
                    keep = False
                    chunks.clear()
                else:
                    chunks.append(body)
                if not message.get("more_body", False) and keep and start is not None \
                        and scope["method"] == "GET" and self.generation() == key[0]:
                    self._keep(key, start["status"], list(start["headers"]), b"".join(chunks))
            await send(message)

        await self.app(scope, receive, capture)

    def _keep(self, key: Key, status: int, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
        if self.kept_generation != key[0]:
            self.entries.clear()
            self.kept_bytes = 0
            self.kept_generation = key[0]
        old = self.entries.pop(key, None)
        if old is not None:
            self.kept_bytes -= old.size
        entry = _Entry(status, headers, body, _key_bytes(key) + sum(len(k) + len(v) for k, v in headers) + len(body))
        self.entries[key] = entry
        self.kept_bytes += entry.size
        while len(self.entries) > self.max_entries or self.kept_bytes > MAX_BYTES:
            self.kept_bytes -= self.entries.popitem(last=False)[1].size

