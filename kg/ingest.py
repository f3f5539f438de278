"""Files -> ``Document``: decoding, metadata, and the boilerplate spans later stages skip.

Plain text, Markdown and HTML are read. Text is decoded as strict UTF-8; binary or undecodable
input is refused with an ``InputError`` naming the file. A web page becomes its article text
(``webpage``), with the page's metadata. Metadata of plain text (title, authors, publisher,
publication date) is read from the text; an optional sidecar ``<file>.meta.json`` beside
a document supplies what the text lacks and overrides what it states. Boilerplate is marked,
never removed, so offsets keep pointing into the text.

>>> doc = read_text("a.txt", "Big news from the north\\n\\nBy Ann Lee and Bo Kim\\nMay 5, 2025\\n\\n"
...                 "The ministry said that about 1,200 workers arrived in the city last year, a record.")
>>> doc.title, doc.authors, doc.published.isoformat()
('Big news from the north', ('Ann Lee', 'Bo Kim'), '2025-05-05')
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TypedDict

from .dateline import find_date
from .errors import InputError, InputTooLargeError, UnsupportedMediaError
from .lexicon import DATELINE_DASHES
from .model import Boilerplate, Document
from .webpage import read_page

#: File extensions read when a folder is given, with their media types.
MEDIA_TYPES = {
    ".txt": "text/plain",
    ".text": "text/plain",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".html": "text/html",
    ".htm": "text/html",
}
SIDECAR_SUFFIX = ".meta.json"
SIDECAR_FIELDS = frozenset({"title", "authors", "publisher", "published", "url"})
DEFAULT_MAX_BYTES = 2_000_000


# ------------------------------------------------------------------------------------ files


def discover(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[str, InputError]]]:
    """The documents named by ``paths`` and the files refused, each with its error.

    Files are taken as given; folders are searched recursively for known text extensions, in a
    stable order, sidecars and hidden files skipped. A link in a folder that leads out of that
    folder is refused, never followed. Documents are known by their file name, so two files of
    one name are an ``InputError`` naming both; so is a path that does not exist.
    """
    found: list[Path] = []
    refused: list[tuple[str, InputError]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            root = path.resolve()
            for p in sorted(path.rglob("*")):
                if not (p.is_file() and p.suffix.lower() in MEDIA_TYPES and not p.name.startswith(".")):
                    continue
                if p.is_symlink() and not p.resolve().is_relative_to(root):
                    refused.append((str(p), InputError(f"{p}: a link that leads out of {raw}; links out of a "
                                                       "folder are not followed (name the file itself to read it)")))
                    continue
                found.append(p)
        elif path.is_file():
            found.append(path)
        else:
            raise InputError(f"{raw}: no such file or folder")
    seen: set[Path] = set()
    unique = []
    for p in found:
        if p.resolve() not in seen:
            seen.add(p.resolve())
            unique.append(p)
    by_name: dict[str, Path] = {}
    for p in unique:
        if p.name in by_name:
            raise InputError(f"{by_name[p.name]} and {p} have the same file name, which is what identifies "
                             "a document; rename one of them")
        by_name[p.name] = p
    return unique, refused


def read_document(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one file into a ``Document``, applying its sidecar when there is one."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputTooLargeError(
                f"{path}: {size} bytes is over the limit of {max_bytes}; split the document "
                "or raise max_document_bytes in the settings"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    media_type = MEDIA_TYPES.get(path.suffix.lower(), "text/plain")
    doc = read_bytes(path.name, data, media_type=media_type, max_bytes=max_bytes)
    sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
    if sidecar.is_file():
        doc = apply_sidecar(doc, sidecar)
    return doc


def read_bytes(
    key: str, data: bytes, media_type: str = "text/plain", max_bytes: int = DEFAULT_MAX_BYTES
) -> Document:
    """Decode and read a document from bytes (``key`` is its file name)."""
    if len(data) > max_bytes:
        raise InputTooLargeError(f"{key}: {len(data)} bytes is over the limit of {max_bytes}")
    text = decode(key, data)
    sha = hashlib.sha256(data).hexdigest()
    if media_type == "text/html":
        return read_html(key, text, sha)
    return read_text(key, text, sha=sha, media_type=media_type)


def decode(key: str, data: bytes) -> str:
    """Strict UTF-8, refusing binary data and empty documents."""
    if b"\x00" in data[:8192]:
        raise UnsupportedMediaError(f"{key}: binary data (NUL bytes); give a text, Markdown or HTML file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UnsupportedMediaError(
            f"{key}: not valid UTF-8 at byte {exc.start}; convert the file to UTF-8"
        ) from exc
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > 0.05 * min(len(text), 8192):
        raise UnsupportedMediaError(f"{key}: looks like binary data; give a text, Markdown or HTML file")
    if not text.strip():
        raise InputError(f"{key}: the document is empty")
    return text


def apply_sidecar(doc: Document, sidecar: Path) -> Document:
    """Override metadata with the fields of a JSON sidecar; unknown fields are an error."""
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{sidecar}: not a readable JSON object ({exc})") from exc
    if not isinstance(meta, dict):
        raise InputError(f"{sidecar}: must hold a JSON object")
    unknown = set(meta) - SIDECAR_FIELDS
    if unknown:
        raise InputError(f"{sidecar}: unknown fields {sorted(unknown)}; allowed: {sorted(SIDECAR_FIELDS)}")
    def text(name: str, default: str | None) -> str | None:
        return (None if meta[name] is None else str(meta[name])) if name in meta else default

    authors = doc.authors
    if "authors" in meta:
        if not isinstance(meta["authors"], list):
            raise InputError(f"{sidecar}: authors must be a list of names")
        authors = tuple(str(a) for a in meta["authors"])
    published = doc.published
    if "published" in meta:
        try:
            published = None if meta["published"] is None else date.fromisoformat(meta["published"])
        except (TypeError, ValueError) as exc:
            raise InputError(f"{sidecar}: published must be an ISO date (YYYY-MM-DD)") from exc
    # The sidecar is part of the document's identity: editing it is a new version.
    sha = hashlib.sha256((doc.sha256 + json.dumps(meta, sort_keys=True)).encode()).hexdigest()
    return replace(doc, sha256=sha, title=text("title", doc.title), publisher=text("publisher", doc.publisher),
                   url=text("url", doc.url), authors=authors, published=published)


# ------------------------------------------------------------------------------------ lines


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def words(self) -> int:
        return len(self.text.split())


_ENDS_SENTENCE = tuple(".!?:;\"”’)]|")
_RUNS_ON = tuple(",-–—(/&")


def paragraph_lines(text: str) -> list[Line]:
    """Lines, with a paragraph wrapped across several lines joined into one.

    A line runs on into the next when it stops mid-sentence: it ends in a comma, a dash or an
    opening bracket, or it ends without closing punctuation and the next line starts in lower
    case; a line that is chrome on its own (a byline, a prompt, a feed heading) does not. The joined line spans all of them (offsets unchanged) and reads them with spaces.

    >>> [ln.text for ln in paragraph_lines("A title\\nThe ministry said that\\nabout 1,200 workers came,\\nand left.")]
    ['A title', 'The ministry said that about 1,200 workers came, and left.']
    """
    joined: list[Line] = []
    for line in split_lines(text):
        previous = joined[-1] if joined else None
        body = line.text.strip()
        if previous is not None and body and previous.text.strip():
            tail = previous.text.rstrip()
            runs_on = tail.endswith(_RUNS_ON) or (not tail.endswith(_ENDS_SENTENCE) and body[0].islower())
            if runs_on and _line_kind(previous) is None and not _FEED.match(tail.strip()) \
                    and not _POLL.match(tail.strip()):
                joined[-1] = Line(previous.start, line.end, f"{tail} {body}")
                continue
        joined.append(line)
    return joined


def split_lines(text: str) -> list[Line]:
    """Lines with their offsets (line breaks excluded)."""
    lines, pos = [], 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85")
        lines.append(Line(pos, pos + len(body), body))
        pos += len(raw)
    return lines


_TERMINAL = re.compile(r"[.!?][\"'”’)\]]*\s*$")
# Every rule below runs on untrusted scraped lines: each is linear in the line's length (no
# nested or overlapping quantifiers; runs start only where a run begins; possessive forms where
# a failed match could retry), and lines longer than ``MAX_CHROME_LINE`` are never chrome.
MAX_CHROME_LINE = 1_000
_LINK_LINE = re.compile(r"^<?https?://[^\s>]++>?$", re.I)
_IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|svg)\b", re.I)
_AGENCIES = r"AFP|AP|EPA|Reuters|Yonhap|News1|Getty|POOL|Xinhua|KCNA|TASS|Sputnik|UPI|Shutterstock"
_PHOTO_CREDIT = re.compile(r"\b(?:Photo|Photograph|Image|Picture)s?\s*+(?:by|:|/|courtesy)", re.I)
_AGENCY_CREDIT = re.compile(rf"·|\s/\s|/\s*+(?:{_AGENCIES})\b", re.I)
_BRACKET_CREDIT = re.compile(r"^[A-Z0-9 .,'&/-]*+$", re.I)
_BRACKET_AGENCY = re.compile(rf"PHOTO|{_AGENCIES}", re.I)
_NEWSLETTER = re.compile(
    r"\bsubscri(?:be|ption)\b|\bnewsletter\b|\bsign(?:ing)? up\b|\benter your e-?mail\b|"
    r"\bindicates required\b|\bsuccess\w*+ subscribed\b|\bconfirmation e-?mail\b|\bpaywall\b|"
    r"\breach [\d,]++ (?:members|subscribers|supporters|readers)\b|\bbecome a (?:member|patron|supporter)\b|"
    r"\bsupport (?:our|independent) journalism\b|\bdonate\b",
    re.I,
)
_STAND_BEHIND = re.compile(r"\bstand behind\b", re.I)
_JOURNALISM = re.compile(r"\bjournalism\b", re.I)
_SHARE = re.compile(
    r"^(?:share(?: this (?:post|article|story))?:?|tweet|print|e-?mail|copy link|skip to (?:main )?content|"
    r"edit post|read in \w++|comments?|log ?in|sign in|menu|search|advertisement|"
    r"this audio is created with ai assistance|\d++ min read)$",
    re.I,
)
_GO_TO = re.compile(r"\bgo to ", re.I)
_LOGIN = re.compile(r"\b(?:log ?in|sign ?in|register)\b", re.I)
_COMMENTS = re.compile(r"\bcomments?\b", re.I)
_GALLERY_COUNT = re.compile(r"\(\s*+\d++\s*+/\s*+\d++\s*+\S{0,3}\s*\)", re.I)
_FEED = re.compile(
    r"^(?:recent news|latest news|more news|news feed|editors'? picks|related(?: articles| stories| news)?|"
    r"most (?:read|popular|viewed)|top stories|trending(?: now)?|read more|see also|you may also like|"
    r"more from [\w ]+)$",
    re.I,
)
_POLL = re.compile(r"^(?:poll|quiz|survey)$", re.I)
_BYLINE = re.compile(r"^\s*(?:-\s*)?by\s+(?P<rest>\S.*)$", re.I)
_WRITER = re.compile(r"\b(?:Writer|Author|Written by|Reporter)\s*:?\s+(?P<name>[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){1,3})")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]++\.[\w.-]++|\[email\s*+protected\]", re.I)
_HEADING_NUMBER = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[IVX]+\.|#{1,6})\s+\S")
_BULLET = re.compile(r"^\s*(?:[-*•–]|\d+\))\s+")


def _body_paragraph(line: Line) -> bool:
    return line.words >= 15 and bool(_TERMINAL.search(line.text))


def _sentence(line: Line) -> bool:
    """A line that reads as a sentence of prose (a headline, a name or a date does not end as one)."""
    return line.words >= 6 and bool(_TERMINAL.search(line.text))


def find_boilerplate(text: str) -> tuple[Boilerplate, ...]:
    """Mark chrome, captions, images, headers and headings line by line.

    Lines are read as paragraphs (``paragraph_lines``: a paragraph wrapped across lines is one).
    The header is everything before the first sentence after the title (six words or more ending
    as a sentence does: a short lead is the article's, not its header), or before a first line
    that is a paragraph of prose (15 words or more), that no other rule claims; a feed heading
    ("RECENT NEWS", "Most read") runs to the next body paragraph.

    >>> [b.kind for b in find_boilerplate("Title here\\nSubscribe\\n" + "word " * 20 + "end.\\nRECENT NEWS\\nx")]
    ['header', 'newsletter', 'feed']
    """
    lines = paragraph_lines(text)
    line_kinds = [_line_kind(ln) for ln in lines]
    kinds: list[str | None] = [None] * len(lines)
    title = next((i for i, ln in enumerate(lines) if ln.stripped), len(lines))
    first_body = next((i for i, ln in enumerate(lines) if line_kinds[i] is None and (
        _sentence(ln) if i > title else i == title and _body_paragraph(ln))), len(lines))
    seen: set[str] = set()
    i = 0
    while i < len(lines):
        line = lines[i]
        s = line.stripped
        if not s:
            i += 1
            continue
        kind = line_kinds[i]
        if kind is None and _FEED.match(s):
            # A list of links runs to the next real paragraph, never over the article.
            stop = next((j for j in range(i + 1, len(lines)) if _body_paragraph(lines[j])
                         and line_kinds[j] is None), len(lines))
            for j in range(i, stop):
                kinds[j] = "feed"
            i = max(stop, i + 1)
            continue
        if kind is None and _POLL.match(s):
            j = i
            while j < len(lines) and (j == i or lines[j].words < 8) and not (j > i and _FEED.match(lines[j].stripped)):
                kinds[j] = "poll"
                j += 1
            i = j
            continue
        if kind is None and s in seen and line.words >= 3:
            kind = "duplicate"
        if kind is None and i < first_body:
            kind = "header"
        if kind is None and _is_heading(line):
            kind = "heading"
        kinds[i] = kind
        seen.add(s)
        i += 1
    spans: list[Boilerplate] = []
    for line, kind in zip(lines, kinds):
        if kind is None or not line.stripped:
            continue
        if spans and spans[-1].kind == kind and not text[spans[-1].end : line.start].strip():
            spans[-1] = Boilerplate(spans[-1].start, line.end, kind)
        else:
            spans.append(Boilerplate(line.start, line.end, kind))
    return tuple(spans)


def _line_kind(line: Line) -> str | None:
    s = line.stripped
    if not s or len(s) > MAX_CHROME_LINE:
        return None
    if _is_image(s):
        return "image"
    if _BYLINE.match(s) and line.words <= 16:
        return "byline"
    if _is_caption(s):
        return "caption"
    if line.words <= 40 and _is_newsletter(s):
        return "newsletter"
    if _is_share(s):
        return "share"
    return None


def _is_image(s: str) -> bool:
    """A Markdown image, a bare link, or a line naming an image file by URL."""
    if (s.startswith("![") and s.endswith(")") and "](" in s) or _LINK_LINE.match(s):
        return True
    return any(word.lower().startswith(("http://", "https://")) and _IMAGE_FILE.search(word) for word in s.split())


def _is_caption(s: str) -> bool:
    """A photo credit, or a line ending in a credit: "(Name · Agency)", "(AFP / Name)", "[YONHAP PHOTO]"."""
    if _PHOTO_CREDIT.search(s):
        return True
    if s.endswith(")") and (open_at := s.rfind("(", 0, len(s) - 1)) >= 0:
        inner = s[open_at + 1 : -1]
        return ")" not in inner and bool(_AGENCY_CREDIT.search(inner))
    if s.endswith("]") and (open_at := s.rfind("[")) >= 0:
        inner = s[open_at + 1 : -1]
        return bool(_BRACKET_CREDIT.match(inner)) and bool(_BRACKET_AGENCY.search(inner))
    return False


def _is_newsletter(s: str) -> bool:
    if _NEWSLETTER.search(s):
        return True
    stand = _STAND_BEHIND.search(s)
    return stand is not None and _JOURNALISM.search(s, stand.end()) is not None


def _is_share(s: str) -> bool:
    """Share and login prompts, reading times, "go to ... page" links, gallery counters "(3/10)"."""
    if _SHARE.match(s):
        return True
    go = _GO_TO.search(s)
    if go is not None and s.lower().endswith(" page") and len(s) - go.end() >= 5:
        return True
    login, comments = _LOGIN.search(s), _COMMENTS.search(s)
    if login and comments and (_COMMENTS.search(s, login.end()) or _LOGIN.search(s, comments.end())):
        return True
    if s.endswith(")") and (open_at := s.rfind("(")) >= 0:
        return bool(_GALLERY_COUNT.fullmatch(s[open_at:]))
    return False


def _is_heading(line: Line) -> bool:
    s = line.stripped
    if _BULLET.match(s) and not _HEADING_NUMBER.match(s):
        return False
    if _HEADING_NUMBER.match(s) and line.words <= 12:
        return True
    return line.words <= 12 and not re.search(r"[.!?,;:\"”’]\s*$", s)


# ------------------------------------------------------------------------------------ metadata

_DATE_LABEL = re.compile(r"^\s*(?:published|posted|updated|date|dated|first published)\b\s*:?", re.I)
_TIME_OF_DAY = re.compile(r"\b\d{1,2}:\d\d(?:\s*[AP]\.?M\.?)?\b", re.I)


def _title_case(name: str) -> str:
    if name.isupper():
        return " ".join(w[:1].upper() + w[1:].lower() for w in name.split())
    return name


_NAME = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}$")


def _names(fragment: str) -> list[str]:
    """Person names in a byline fragment: split on "and", "&" and commas."""
    fragment = _EMAIL.split(fragment)[0]
    fragment = re.split(r"[\[(|]|\s[-–—]\s", fragment)[0]
    hit = find_date(fragment)
    if hit:
        fragment = fragment[: hit[1]]
    names = []
    for part in re.split(r",|\s+and\s+|\s*&\s*", fragment):
        part = part.strip(" .-")
        if _NAME.match(part):
            names.append(_title_case(part))
    return names


_DATELINE_DASHES = tuple(f" {dash} " for dash in (*DATELINE_DASHES, "-"))


def _dateline_date(paragraph: str) -> date | None:
    """The date of a wire dateline that opens a paragraph ("OSLO, March 3, 2025 — The ferry line
    said ...", "LIMA, Peru, 4 May 2024 (Reuters) - ..."): a full date before the first dash.

    >>> _dateline_date("OSLO, March 3, 2025 — Nordic ferries said on Monday ...").isoformat()
    '2025-03-03'
    >>> _dateline_date("The ferries said on March 3, 2025 - a Monday - that ...") is None
    True
    """
    head = paragraph[:80]
    cuts = [i for i in (head.find(d) for d in _DATELINE_DASHES) if i > 0]
    if not cuts or not head.split(maxsplit=1)[0].rstrip(",").isupper():
        return None
    hit = find_date(head[: min(cuts)])
    return hit[0] if hit else None


class Stated(TypedDict):
    """What a text says of itself in its header and bylines."""

    title: str | None
    authors: tuple[str, ...]
    publisher: str | None
    published: date | None


def read_metadata(text: str, boilerplate: tuple[Boilerplate, ...]) -> Stated:
    """Title, authors, publisher and publication date read from the header and bylines."""
    lines = split_lines(text)
    kind_at = {}
    for b in boilerplate:
        for ln in lines:
            if b.start <= ln.start and ln.end <= b.end:
                kind_at[ln.start] = b.kind
    header = [ln for ln in lines if kind_at.get(ln.start) in ("header", "byline", "share") and ln.stripped]
    title = None
    for ln in header:
        s = ln.stripped
        s = re.sub(r"^\s*[(\[][^)\]]{1,40}[)\]]\s*", "", s)
        s = re.sub(r"^#{1,6}\s+|^[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}$", "", s).strip()
        if (
            4 <= len(s.split()) <= 30
            and not s.endswith(".")
            and kind_at.get(ln.start) == "header"
            and not find_date(s)
            and not _WRITER.search(s)
            and not s.isupper()
        ):
            title = s
            break
    authors: list[str] = []
    publisher = None
    published = None
    for idx, ln in enumerate(lines):
        s = ln.stripped
        kind = kind_at.get(ln.start)
        if kind not in ("header", "byline"):
            continue
        m = _BYLINE.match(s)
        if m:
            authors += _names(m.group("rest"))
            follow = next((x.stripped for x in lines[idx + 1 :] if x.stripped), "")
            pm = re.match(r"^with (?:the )?(?P<pub>[A-Z][\w .&'-]{2,60})$", follow)
            if pm:
                publisher = pm.group("pub").strip()
        w = _WRITER.search(s)
        if w:
            authors += _names(w.group("name"))
        hit = find_date(s)
        if hit and published is None:
            rest = (s[: hit[1]] + s[hit[2] :]).strip(" ,-|")
            rest = _TIME_OF_DAY.sub("", rest).strip(" ,-|")
            if m or _DATE_LABEL.match(s) or len(rest.split()) <= 1 or w:
                published = hit[0]
                # A lone name next to a lone date line is the byline of most news sites.
                if not rest:
                    for near in (lines[idx - 1 : idx][::-1], lines[idx + 1 : idx + 2]):
                        for x in near:
                            if (_NAME.match(x.stripped) and not _BYLINE.match(x.stripped)
                                    and x.stripped != title and len(x.stripped.split()) >= 2):
                                authors += _names(x.stripped)
    if published is None:  # a wire dateline opening the first paragraph
        published = _dateline_date(next((ln.stripped for ln in lines if ln.start not in kind_at and ln.stripped), ""))
    unique: list[str] = []
    for a in authors:
        if a.lower() not in {u.lower() for u in unique}:
            unique.append(a)
    return {"title": title, "authors": tuple(unique), "publisher": publisher, "published": published}


def read_text(key: str, text: str, sha: str | None = None, media_type: str = "text/plain") -> Document:
    """A document from decoded text: boilerplate marked, metadata read."""
    boilerplate = find_boilerplate(text)
    meta = read_metadata(text, boilerplate)
    return Document(
        key=key,
        text=text,
        sha256=sha or hashlib.sha256(text.encode("utf-8")).hexdigest(),
        media_type=media_type,
        boilerplate=boilerplate,
        **meta,
    )


# ------------------------------------------------------------------------------------ HTML


#: Share of the title's words that a first line without a sentence's end must hold to be read as
#: the headline in other words (a page's ``<title>`` and ``<h1>`` often differ).
HEADLINE_OVERLAP = 0.75


def _headlines(text: str, title: str | None) -> list[Boilerplate]:
    """Lines of an article's text that repeat its headline (extractors often keep the ``<h1>``)."""
    wanted = " ".join((title or "").lower().split())
    if len(wanted) < 12:
        return []
    found = []
    title_words = set(wanted.split())
    for n, line in enumerate(split_lines(text)):
        s = " ".join(line.stripped.lower().split())
        if len(s) >= 12 and (s == wanted or wanted.startswith(s) or s.startswith(wanted)):
            found.append(Boilerplate(line.start, line.end, "header"))
        elif n == 0 and s[-1:] not in ".!?\"”'’" and len(title_words & set(s.split())) >= HEADLINE_OVERLAP * len(title_words):
            found.append(Boilerplate(line.start, line.end, "header"))  # the page's headline, reworded
    return found


def read_html(key: str, html: str, sha: str) -> Document:
    """A web page: its article text becomes the document text (offsets point into it).

    The article and its metadata come from ``webpage.read_page``; the line rules then mark what
    chrome remains inside the article (captions, share prompts, newsletter boxes).
    """
    page = read_page(key, html)
    boilerplate = tuple(sorted(
        [b for b in find_boilerplate(page.text) if b.kind != "header"] + _headlines(page.text, page.title),
        key=lambda b: b.start,
    ))
    stated = read_metadata(page.text, boilerplate)  # a byline or dateline the page's markup did not tag
    return Document(
        key=key, text=page.text, sha256=sha, media_type="text/html", title=page.title or stated["title"],
        authors=page.authors or stated["authors"], publisher=page.publisher,
        published=page.published or stated["published"], url=page.url, language=page.language,
        boilerplate=boilerplate,
    )


def read_all(paths: Iterable[Path], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document]:
    """Read each path in turn (errors propagate: the caller decides to stop or skip)."""
    for path in paths:
        yield read_document(path, max_bytes=max_bytes)
