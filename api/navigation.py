"""The explorer's navigation and stylesheet, shared by the rendered pages and the SPARQL page."""

from __future__ import annotations

from html import escape

#: The explorer's sections, in the order of its navigation bar.
LINKS = (("/", "Claims"), ("/ui/conflicts", "Conflicts"), ("/ui/documents", "Documents"), ("/ui/entities", "Entities"),
         ("/sparql", "SPARQL"), ("/export/gexf", "Gephi export"), ("/docs", "API"))
#: The stylesheet every page links to (served from ``api/static``).
STYLESHEET = '<link rel="stylesheet" href="/static/site.css">'


def navigation() -> str:
    """The navigation bar as HTML."""
    links = "".join(f'<a href="{escape(href)}">{escape(label)}</a>' for href, label in LINKS)
    return f'<header><nav aria-label="Main">\n{links}\n</nav></header>'
