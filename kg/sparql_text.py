"""One reading of a SPARQL query's text, shared by the safety check and the engine.

Two SPARQL parsers can disagree on where a comment ends (``\\r`` ends one in Oxigraph, not in
rdflib), on codepoint escapes outside strings (rdflib expands ``\\u`` everywhere before parsing,
Oxigraph only inside strings and IRIs) and on odd whitespace. Each disagreement lets a query
look harmless to the check and do something else in the engine. ``canonical_query`` removes
them: it lexes the text once, following the SPARQL 1.1 terminals, and writes it again with

- comments removed (a comment ends at LF or CR, as the grammar says);
- every line terminator and space character outside strings and IRIs written as LF or space;
- strings rewritten with the only escapes every parser reads alike (``\\\\ \\" \\n \\r \\t``),
  codepoint escapes decoded;
- IRIs with their codepoint escapes decoded;
- no ``\\u`` or ``\\U`` left anywhere, and no control character, or the query is refused.

The check parses the canonical text and the engine runs that same text, so they cannot read
two different queries. The lexer is one pass with no backtracking: its time is linear in the
length of the query.

>>> canonical_query("SELECT * # a comment\\rWHERE { ?s ?p 'it\\\\'s' }").text
'SELECT * \\nWHERE { ?s ?p "it\\'s" }'
>>> canonical_query('ASK { ?s ?p "caf\\\\u00e9\\\\n" }').text
'ASK { ?s ?p "café\\\\n" }'
>>> sorted(canonical_query("SELECT * { SERVICE <http://example.org/> { ?s ?p ?o } }").keywords)
['SELECT', 'SERVICE']
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import QueryError

#: What ends a comment (SPARQL 1.1 grammar, section 19.4).
_EOL = "\n\r"
#: Characters taken as line breaks or spaces outside strings and IRIs.
_LINE_BREAKS = "\n\r\x0b\x0c\x85\u2028\u2029"
_SPACES = " \t\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\ufeff"
#: Characters an IRIREF may not hold (besides those up to U+0020).
_NOT_IN_IRI = '<>"{}|^`\\'
_ECHAR = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
#: Characters of a bare word (keywords, prefixed names, variables, numbers).
_WORD_EXTRA = "_-.:?$@%"


@dataclass(frozen=True)
class CanonicalQuery:
    """The text both the check and the engine read, and the bare keywords found in it."""

    text: str
    keywords: frozenset[str]


def _unescape_code(text: str, i: int) -> tuple[str, int]:
    """The character of the ``\\uXXXX`` or ``\\UXXXXXXXX`` escape at ``text[i]`` and the index after it."""
    width = 4 if text[i + 1] == "u" else 8
    digits = text[i + 2:i + 2 + width]
    if len(digits) != width or any(c not in "0123456789abcdefABCDEF" for c in digits):
        raise QueryError(f"a broken codepoint escape at character {i}: {text[i:i + 2 + width]!r}")
    code = int(digits, 16)
    if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        raise QueryError(f"the codepoint escape at character {i} names no character")
    return chr(code), i + 2 + width


def _string(text: str, i: int, out: list[str]) -> int:
    """Copy the string literal starting at ``text[i]`` in canonical form; the index after it."""
    quote = text[i]
    long = text.startswith(quote * 3, i)
    i += 3 if long else 1
    value: list[str] = []
    n = len(text)
    while True:
        if i >= n:
            raise QueryError("a string literal is not closed")
        c = text[i]
        if c == "\\":
            nxt = text[i + 1] if i + 1 < n else ""
            if nxt in ("u", "U"):
                ch, i = _unescape_code(text, i)
                value.append(ch)
                continue
            if nxt not in _ECHAR:
                raise QueryError(f"an unknown escape \\{nxt} in a string at character {i}")
            value.append(_ECHAR[nxt])
            i += 2
            continue
        if long:
            if text.startswith(quote * 3, i):
                # A long string may end with one or two of its quotes just before the closing three.
                extra = 0
                while extra < 2 and text.startswith(quote * 4, i):
                    value.append(quote)
                    extra += 1
                    i += 1
                i += 3
                break
        elif c == quote:
            i += 1
            break
        elif c in "\n\r":
            raise QueryError("a line break inside a short string literal; use \\n or a long string")
        value.append(c)
        i += 1
    escaped = []
    for ch in value:
        if ch == "\\":
            escaped.append("\\\\")
        elif ch == '"':
            escaped.append('\\"')
        elif ch in "\n\r\t":
            escaped.append({"\n": "\\n", "\r": "\\r", "\t": "\\t"}[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            raise QueryError(f"a control character U+{ord(ch):04X} in a string literal")
        else:
            escaped.append(ch)
    out.append('"' + "".join(escaped) + '"')
    return i


def _iri(text: str, i: int, out: list[str]) -> int:
    """Copy the IRI at ``text[i]`` (a ``<``) if one starts there; else the ``<`` operator."""
    j, n = i + 1, len(text)
    value: list[str] = []
    while j < n:
        c = text[j]
        if c == ">":
            out.append("<" + "".join(value) + ">")
            return j + 1
        if c == "\\" and j + 1 < n and text[j + 1] in ("u", "U"):
            ch, j = _unescape_code(text, j)
            if ch in _NOT_IN_IRI or ord(ch) <= 0x20:
                raise QueryError(f"a codepoint escape in an IRI stands for {ch!r}, which an IRI may not hold")
            value.append(ch)
            continue
        if c in _NOT_IN_IRI or ord(c) <= 0x20:
            break
        value.append(c)
        j += 1
    out.append("<")
    return i + 1


def canonical_query(text: str) -> CanonicalQuery:
    """``text`` rewritten so that every SPARQL parser reads it alike (see the module's docstring)."""
    out: list[str] = []
    keywords: set[str] = set()
    word: list[str] = []

    def end_word() -> None:
        if word:
            token = "".join(word)
            # A keyword may run straight into what follows it (``SERVICE?x``, ``SERVICE:x``).
            lead = 0
            while lead < len(token) and token[lead].isascii() and token[lead].isalpha():
                lead += 1
            if lead:
                keywords.add(token[:lead].upper())
            word.clear()

    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isalnum() or c in _WORD_EXTRA or (ord(c) > 0x7F and c not in _LINE_BREAKS and c not in _SPACES):
            word.append(c)
            out.append(c)
            i += 1
            continue
        end_word()
        if c == "#":
            while i < n and text[i] not in _EOL:
                i += 1
        elif c in ('"', "'"):
            i = _string(text, i, out)
        elif c == "<":
            i = _iri(text, i, out)
        elif c in _LINE_BREAKS:
            out.append("\n")
            i += 1
        elif c in _SPACES:
            out.append(" ")
            i += 1
        elif c == "\\":
            # Only a prefixed name's local part may hold a backslash (``ex:a\\.b``).
            nxt = text[i + 1] if i + 1 < n else ""
            if nxt in ("u", "U") or not nxt or nxt.isalnum() or ord(nxt) <= 0x20:
                raise QueryError(f"a backslash outside a string at character {i}")
            out.append(c + nxt)
            i += 2
        elif ord(c) < 0x20 or ord(c) == 0x7F:
            raise QueryError(f"a control character U+{ord(c):04X} at character {i}")
        else:
            out.append(c)
            i += 1
    end_word()
    canonical = "".join(out)
    if "\\u" in canonical or "\\U" in canonical:
        raise QueryError("a backslash followed by u or U cannot be read the same way by every parser; "
                         "write the character itself")
    return CanonicalQuery(canonical, frozenset(keywords))
