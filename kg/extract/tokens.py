"""Helpers over spaCy tokens shared by the extraction rules: phrases, heads, paths, entities."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..lexicon import DATELINE_DASHES
from ..model import TimeMention


def lemma(tok: Token) -> str:
    """A token's lemma in lower case (its text when the pipeline gives no lemma)."""
    return (tok.lemma_ or tok.text).lower()


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


def entity_of(tok: Token) -> Span:
    """The whole entity a token is in, as the model's entities mark it (read from the token's
    neighbours, not from ``Doc.ents``, which builds every entity of the document on each read)."""
    doc, start, end = tok.doc, tok.i, tok.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def runs(tokens: list[Token]) -> tuple[tuple[int, int], ...]:
    """The character spans of the unbroken runs of ``tokens`` (in text order)."""
    out: list[tuple[int, int]] = []
    for prev, t in zip([None, *tokens], tokens):
        if prev is not None and t.i == prev.i + 1:
            out[-1] = (out[-1][0], t.idx + len(t.text))
        else:
            out.append((t.idx, t.idx + len(t.text)))
    return tuple(out)


def phrase_head(tokens: list[Token]) -> Token:
    """The token of a phrase whose head lies outside it."""
    for t in tokens:
        if t.head not in tokens or t.head == t:
            return t
    return tokens[0]


def in_dateline(tok: Token) -> bool:
    """Whether a word is in the dateline that opens a wire story ("SAN FRANCISCO (AP) — PG&E was
    set ...", "OSLO, March 3, 2025 — The ferry line said ...", "NAIROBI, Kenya (Reuters) - The
    bank said ..."), which the parser can read as the subject: names, a date and punctuation
    before a dash at the start of the sentence."""
    if not any(t.text in DATELINE_DASHES or t.text == "-" for t in tok.doc[tok.i + 1 : tok.i + 14]):
        return False  # no dash after it: the common case, decided without finding the sentence
    sent = tok.sent
    for t in sent[:14]:
        if t.text in DATELINE_DASHES or (t.text == "-" and t.i > sent.start and sent[0].text.isupper()
                                 and t.whitespace_ and t.doc[t.i - 1].whitespace_):
            return tok.i < t.i
        if not (t.is_punct or t.pos_ == "PROPN" or (t.like_num and t.ent_type_ == "DATE")):
            return False
    return False


def past_dateline(subject: Token) -> Token | None:
    """A subject, or when the parser took the wire dateline for it, the name it hung on the
    dateline ("OSLO, March 3 — Nordfjord Lines said": "Lines"); None when there is none."""
    if not in_dateline(subject):
        return subject
    return next((t for t in subject.subtree if t.dep_ == "appos" and not in_dateline(t)), None)


def path(tok: Token) -> list[Token]:
    """The token and its heads up to the root."""
    out = [tok]
    while out[-1].head != out[-1]:
        out.append(out[-1].head)
    return out


def entities_within(tokens: Sequence[Token] | Span, label: str | AbstractSet[str]) -> list[Span]:
    """Named entities of ``label`` (or of any of the labels) wholly inside ``tokens``, read from
    the tokens' IOB tags (``Doc.ents`` would build every entity of the document on each call)."""
    labels = {label} if isinstance(label, str) else label
    doc, last = tokens[0].doc, tokens[-1].i
    found: list[Span] = []
    i = tokens[0].i
    while i <= last:
        if doc[i].ent_iob_ == "B" and doc[i].ent_type_ in labels:
            j = i + 1
            while j < len(doc) and doc[j].ent_iob_ == "I":
                j += 1
            if j - 1 <= last:
                found.append(doc[i:j])
            i = j
        else:
            i += 1
    return found


#: Clauses that describe a noun ("nine others selected in 2018", "the town, which flooded in 2010").
NOUN_CLAUSES = frozenset({"acl", "relcl"})


def clause_verb(tok: Token) -> Token:
    """The verb of the clause a token is in (the root when it has none)."""
    for t in path(tok)[1:]:
        if t.pos_ in ("VERB", "AUX"):
            return t
    return tok.sent.root


def describes_other_noun(tok: Token, figure: list[Token]) -> bool:
    """Whether ``tok`` sits in a clause describing a noun of another clause than ``figure``'s:
    "in November 2018" in "join nine others selected in November 2018, bringing the total to 14"
    says when the others were selected, not when the total reached 14; in "300 workers hired in
    March" and "the number of people entering in 2024 rose" it is the figure's own."""
    if not figure:
        return False
    inside = {t.i for t in figure}
    counted = phrase_head(figure).head.i
    for t in path(tok)[1:]:
        if t.dep_ in NOUN_CLAUSES:
            if inside & {s.i for s in t.subtree} or t.head.i == counted or t.head.i in inside:
                return False
            noun, verbs = t.head, _sharing(clause_verb(figure[0]))
            if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.i in verbs:
                # the subject the figure's clauses share ("the number ... rose ... to top 13,000"); not
                # that of a report the figure is told in ("an audit released last month found that a
                # third of trams ran late in 2025")
                return False
            return clause_verb(figure[0]).i not in {a.i for a in path(t)}
    return False


def _sharing(verb: Token) -> set[int]:
    """A clause's verb and those whose subject it shares ("rose ... to top", "was hired and sent")."""
    out = {verb.i}
    while verb.dep_ in ("xcomp", "conj", "advcl") and verb.head != verb:
        verb = verb.head
        out.add(verb.i)
    return out


def subjects(verb: Token) -> list[Token]:
    """A verb's own subjects (active or passive)."""
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]


def when_itself(time: TimeMention, figure: list[Token]) -> TimeMention:
    """"since 2019, when about 21,000 arrived": a figure or an event in a clause about the time
    itself is of that time, not of the period since."""
    if not time.since or not figure:
        return time
    for t in (figure[0], *figure[0].ancestors):
        if t.dep_ == "relcl" and time.start <= t.head.idx < time.end:
            return replace(time, since=False)
    return time


def time_roots(doc: Doc, times: Sequence[TimeMention]) -> list[Token | None]:
    """The token each time expression's words hang from in the parse (None when it is not a span
    of the parse)."""
    spans = [doc.char_span(t.start, t.end, alignment_mode="expand") for t in times]
    return [span.root if span is not None and len(span) > 0 else None for span in spans]


def superlative_since(doc: Doc, time: TimeMention) -> TimeMention:
    """"the largest crowd since 1998", "its lowest level since 1969", "the first time since 2008":
    a period named after a superlative or an ordinal is what the figure is compared with (a
    baseline), not when it holds."""
    if not time.since or time.baseline:
        return time
    span = doc.char_span(time.start, time.end, alignment_mode="expand")
    since = doc[span.start - 1] if span is not None and span.start > 0 else None
    if span is None or since is None or since.lower_ != "since":
        return time
    if any(c.dep_ == "relcl" for c in span.root.children):
        return time  # "since 2019, when about 21,000 arrived": the clause on the time is of that time
    if any(c.tag_ in ("JJS", "RBS") or c.ent_type_ == "ORDINAL" for c in since.head.children):
        return replace(time, baseline=True)
    return time
