"""Web pages to documents: the article's text and its metadata, read with trafilatura.

trafilatura finds the main text of a page (navigation, related-story boxes, reader comments,
footers left out; paragraphs wrapped inside a ``<p>`` read as one paragraph) and its metadata:
title, authors, site name, URL; htmldate, which it calls, finds the publication date in meta
tags, structured data, the URL and the page's own text. The language comes from the page's
``lang`` attribute or its ``Content-Language``. Nothing is fetched: the page is parsed from the
given text (lxml, no network, no external entities).

The article text becomes the document's text; claim offsets point into it, and ``kg text``
prints it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

import lxml.html
import trafilatura
from trafilatura.utils import load_html

from .dateline import find_date
from .errors import InputError

#: Bylines longer than this are lists of contributors or noise, not authors.
_MAX_AUTHORS = 8


@dataclass(frozen=True)
class Page:
    """What was read from a web page."""

    text: str
    title: str | None
    authors: tuple[str, ...]
    publisher: str | None
    published: date | None
    url: str | None
    language: str | None


def _language(tree: lxml.html.HtmlElement) -> str | None:
    """The page's declared language as a lowercase primary tag ("en" for "en-US")."""
    declared = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    if not declared:
        for meta in tree.iter("meta"):
            if (meta.get("http-equiv") or "").lower() == "content-language" or (meta.get("name") or "").lower() == "language":
                declared = meta.get("content")
                break
    if not declared:
        return None
    primary = declared.strip().replace("_", "-").split("-")[0].split(",")[0].lower()
    return primary if primary.isalpha() and 2 <= len(primary) <= 3 else None


_MONTH_NAMES = frozenset("january february march april may june july august september october november "
                         "december".split())


def _authors(raw: str | None) -> tuple[str, ...]:
    """trafilatura's author string ("A; B") as distinct names.

    A byline's "By" is dropped, and so is a date that ran into it ("Editor December 20");
    a name that only abbreviates one already there ("Kevin-R" beside "Kevin Rebong") is left out.

    >>> _authors("By JANIE HAR; David Jeans; Kevin Rebong; Kevin-R; Editor December")
    ('Janie Har', 'David Jeans', 'Kevin Rebong', 'Editor')
    """
    names: list[str] = []
    for part in (raw or "").split(";"):
        words = part.split()
        if words and words[0].lower() == "by":
            words = words[1:]
        while words and words[-1].lower().strip(".,") in _MONTH_NAMES:
            words = words[:-1]
        name = " ".join(words).strip(" ,")
        if name.isupper():
            name = " ".join(w[:1] + w[1:].lower() for w in name.split())
        key = name.lower().replace("-", " ")
        if name and not any(key == n or n.startswith(key) or key.startswith(n + " ")
                            for n in (m.lower().replace("-", " ") for m in names)):
            names.append(name)
    return tuple(names[:_MAX_AUTHORS])


def _title(extracted: str | None, element: str | None) -> str | None:
    """The page's headline: the extractor's, unless it shares no word with the ``<title>``
    element (then it is a heading of the page's chrome, such as a comment form's)."""
    extracted = " ".join((extracted or "").split()) or None
    element = " ".join((element or "").split()) or None
    if extracted and element and not set(extracted.lower().split()) & set(element.lower().split()):
        return element
    return extracted or element


def _published(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _shown_date(tree: lxml.html.HtmlElement) -> date | None:
    """The publication date as the page shows it to readers, in the outlet's own time zone.

    Meta tags often carry the time in UTC ("2019-11-19T04:50Z" for an evening story of the 18th
    in New York); the first ``<time>`` element of a page, unless it says it is an update, is
    the dateline as printed.
    """
    for element in tree.iter("time"):
        shown = " ".join(element.text_content().split())
        if not shown or any(word in shown.lower() for word in ("updated", "modified")):
            continue
        found = find_date(shown)
        return found[0] if found else None
    return None


def _url(value: str | None) -> str | None:
    if not value:
        return None
    parts = urlsplit(value.strip())
    return value.strip() if parts.scheme in ("http", "https") and parts.netloc and " " not in value.strip() else None


def _without_doctype(html: str) -> str:
    """``html`` without a leading DOCTYPE, whose internal subset (``[<!ENTITY ...>]``) would
    otherwise spill into the page as text and hide its ``<head>`` from the parser."""
    start = len(html) - len(html.lstrip())
    if not html[start:start + 9].upper() == "<!DOCTYPE":
        return html
    close = html.find(">", start)
    bracket = html.find("[", start, close if close >= 0 else len(html))
    if bracket >= 0:
        end_subset = html.find("]", bracket)
        close = html.find(">", end_subset) if end_subset >= 0 else -1
    return html if close < 0 else html[:start] + html[close + 1:]


#: Article texts shorter than this (characters) are read again with the full extraction.
_SHORT_ARTICLE = 1_000


def _extract(tree: lxml.html.HtmlElement, fast: bool, dated: bool):
    """trafilatura's reading of ``tree``; htmldate searches the whole page for a date only when
    the page shows none in a ``<time>`` element (``dated``)."""
    return trafilatura.bare_extraction(
        tree, include_comments=False, include_tables=True, include_images=False, include_links=False,
        with_metadata=True, deduplicate=False, fast=fast,
        date_extraction_params={"original_date": True, "extensive_search": not dated},
    )


def read_page(key: str, html: str) -> Page:
    """The article of ``html`` and its metadata; ``InputError`` when the page holds no text."""
    html = _without_doctype(html)
    tree = load_html(html)
    if tree is None:
        raise InputError(f"{key}: not readable as HTML")
    language = _language(tree)
    shown = _shown_date(tree)
    element_title = tree.findtext(".//title")  # read before the extractor prunes the tree
    found = _extract(tree, fast=True, dated=shown is not None)
    current = len(found.text or "") if found is not None else 0
    if current < _SHORT_ARTICLE:
        # A short reading may be the fast heuristics missing the article: try the full
        # extraction, which also compares its result with other algorithms'.
        again = load_html(html)  # the first reading pruned its tree
        fuller = _extract(again, fast=False, dated=shown is not None) if again is not None else None
        if fuller is not None and len(fuller.text or "") > current:
            found = fuller
    if found is None or not (found.text or "").strip():
        raise InputError(f"{key}: no article text found in the page")
    title = _title(found.title, element_title)
    site = found.sitename or (urlsplit(found.url).hostname if found.url else None) or found.hostname
    if site and site.startswith("www."):
        site = site[4:]
    if title and site:  # "Headline - Site" and "Headline | Site" name the site once too often
        for separator in (" - ", " | ", " – ", " — ", " :: "):
            if title.lower().endswith((separator + site).lower()):
                title = title[: -len(separator + site)].strip() or title
    return Page(
        text=found.text.strip(),
        title=title,
        authors=_authors(found.author),
        publisher=site or None,
        published=shown or _published(found.date),
        url=_url(found.url),
        language=language or (found.language or None),
    )
