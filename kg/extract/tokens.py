"""Helpers over spaCy tokens shared by the extraction rules: phrases, heads, paths, entities."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token


def span_text(tokens: list[Token]) -> tuple[str, int, int]:
    """The text of a run of tokens, with its character offsets."""
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text, start, end


def subtree(tok: Token, stop: Iterable[Token] = ()) -> list[Token]:
    """A token's subtree in text order, leaving out the subtrees of ``stop``."""
    stop = set(stop)
    out: list[Token] = []

    def walk(t: Token) -> None:
        if t in stop:
            return
        out.append(t)
        for c in t.children:
            walk(c)

    walk(tok)
    return sorted(out, key=lambda t: t.i)


def char_span(tokens: list[Token]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def phrase_head(tokens: list[Token]) -> Token:
    """The token of a phrase whose head lies outside it."""
    for t in tokens:
        if t.head not in tokens or t.head == t:
            return t
    return tokens[0]


def path(tok: Token) -> list[Token]:
    """The token and its heads up to the root."""
    out = [tok]
    while out[-1].head != out[-1]:
        out.append(out[-1].head)
    return out


def entities_within(tokens: list[Token], label: str) -> list[Span]:
    """Named entities of ``label`` wholly inside ``tokens``, read from the tokens' IOB tags
    (``Doc.ents`` would build every entity of the document on each call)."""
    doc, last = tokens[0].doc, tokens[-1].i
    found: list[Span] = []
    i = tokens[0].i
    while i <= last:
        if doc[i].ent_iob_ == "B" and doc[i].ent_type_ == label:
            j = i + 1
            while j < len(doc) and doc[j].ent_iob_ == "I":
                j += 1
            if j - 1 <= last:
                found.append(doc[i:j])
            i = j
        else:
            i += 1
    return found
