"""Security headers on every answer: what a browser may load, frame or send on from our pages.

Pages render text from scraped documents and IRIs from anyone's queries; everything is escaped,
and the Content-Security-Policy is the second wall: no inline script but the query page's own
(allowed by its hash), no plugins, no framing, forms only to this origin. The OpenAPI page
(``/docs``) runs Swagger UI from this service (``/docs/assets``) with its one inline start-up
script, and gets a policy that allows that script and nothing from elsewhere.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from . import query_page

_COMMON = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
_POLICY = (
    "default-src 'self'; "
    f"script-src 'self' '{query_page.SCRIPT_HASH}' {query_page.YASGUI_ORIGIN}; "
    f"style-src 'self' 'unsafe-inline' {query_page.YASGUI_ORIGIN}; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
).encode()
_DOCS_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
).encode()


class SecurityHeaders:
    """ASGI middleware adding the headers above to every HTTP answer."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = _DOCS_POLICY if scope["path"] in ("/docs", "/docs/oauth2-redirect") else _POLICY

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [(k, v) for k, v in [*_COMMON, (b"content-security-policy", policy)] if k not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
