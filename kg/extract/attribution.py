"""Who says a figure: attribution chains read from the dependency parse.

"according to X", "X said/told/reported/found/show", "citing Y", "figures released by X, cited
by Y", "analysts surveyed by X"; names resolve through the alias table, and pronoun speakers to
the last person named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..lexicon import (
    ANONYMOUS_NOUNS,
    CITING_VERBS,
    DATA_VERBS,
    FORECAST_VERBS,
    GROUP_NOUNS,
    INFO_NOUNS,
    OBJECTLESS_SPEECH,
    ORG_HEADS,
    PERSON_NOUNS,
    PUBLISHING_VERBS,
    SPEECH_VERBS,
)
from ..model import Document, Source
from ..ontology import Gazetteer
from .tokens import char_span, entities_within, phrase_head, span_text, subtree

CONTINUATION = re.compile(
    r"^(?:\W*)(?:among\s+(?:them|those|these)|of\s+(?:them|those|these)|other\b|the\s+(?:same|remaining|rest)\b|"
    r"these\b|those\b|the\s+(?:data|figures|report|statistics|numbers)\b)",
    re.I,
)
CONDITIONAL = re.compile(r"^\W*(?:if|were|should|unless|suppose|assuming)\b", re.I)
_PRONOUNS = frozenset("he she".split())


@dataclass(frozen=True)
class Attribution:
    """The attribution chain found in one sentence, outermost first."""

    chain: tuple[Source, ...]
    reporting: tuple[tuple[int, int], ...] = ()
    #: Whether the sentences that follow may continue the report. An expectation or a forecast
    #: ("analysts expected $2.52") speaks for its own sentence, not for the results after it.
    carries: bool = True

    def covers(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` lies in the words that name the source or when it spoke."""
        return any(a <= start and end <= b for a, b in self.reporting)


class SourceReader:
    """Reads sources from dependency structure, resolving names through the alias table."""

    def __init__(self, doc: Document, gazetteer: Gazetteer) -> None:
        self.doc = doc
        self.gazetteer = gazetteer
        self.publisher = gazetteer.resolve(doc.publisher) if doc.publisher else None
        self.last_person: Source | None = None
        self.last_org: Source | None = None

    # ------------------------------------------------------------ one phrase -> one source

    def source(self, tokens: list[Token], speaker: bool = False) -> Source | None:
        """The source a noun phrase names, or None when it names no one.

        ``speaker``: the phrase is the subject of a verb of saying, so a plural common noun
        ("health officials", "economists", "doctors") is a group that speaks.
        """
        tokens = [t for t in tokens if not t.is_punct or t.text in ".'’-"]
        definite = bool(tokens) and tokens[0].lower_ in ("the", "this", "that")
        while tokens and (tokens[0].dep_ in ("det", "predet") and tokens[0].lower_ in ("the",) or tokens[0].is_punct):
            tokens = tokens[1:]
        if not tokens:
            return None
        text, start, end = span_text(tokens)
        head = phrase_head(tokens)
        lemma = head.lower_
        if lemma in _PRONOUNS:
            return self.last_person
        if lemma in ("it", "they", "this", "that", "which", "who", "we", "i", "you") and not (
                head.text.isupper() and len(head.text) > 1):  # "WHO" is an organisation, "who" a pronoun
            return None
        matches = self.gazetteer.find(text)
        people = entities_within(tokens, "PERSON")
        if matches:
            best = max(matches, key=lambda m: m.end - m.start)
            covers_head = best.start <= head.idx - start < best.end
            # "a Radio Free Asia report", "the Russian independent outlet Mediazona": a common
            # noun head stands for the entity named inside the phrase, unless a person is named.
            stands_for = head.pos_ == "NOUN" and (head.lemma_.lower() in INFO_NOUNS or head.lemma_.lower() in ORG_HEADS)
            if covers_head or (stands_for and not people):
                kind = "group" if self.gazetteer.type(best.key) == "group" else "named"
                src = Source(self.gazetteer.label(best.key), kind, best.key, text)
                if self.gazetteer.type(best.key) not in ("person", "group", "country", "place"):
                    self.last_org = src
                return src
        if people:
            person = people[-1]
            key = self.gazetteer.resolve(person.text)
            label = self.gazetteer.label(key) if key else person.text
            src = Source(label, "named", key, text)
            self.last_person = src
            return src
        orgs = entities_within(tokens, "ORG")
        if orgs:
            self.last_org = Source(orgs[-1].text, "named", None, text)
            return self.last_org
        clean = re.sub(r"^(?:the)\s+", "", text, flags=re.I)
        if definite and head.lemma_.lower() in INFO_NOUNS | ORG_HEADS and len(tokens) <= 2 and self.last_org is not None:
            # "The report said ...", "The group estimated ...": the organisation named before.
            return self.last_org
        if lemma in INFO_NOUNS or head.lemma_.lower() in INFO_NOUNS:
            return Source(clean, "data", None, text)
        first = tokens[0].lower_
        if head.lemma_.lower() in ANONYMOUS_NOUNS and first in ("a", "an", "another", "one"):
            return Source(clean, "anonymous", None, text)
        plural = head.tag_ in ("NNS", "NNPS")
        if lemma in GROUP_NOUNS or plural and (head.lemma_.lower() in PERSON_NOUNS or head.ent_type_ == "NORP"):
            return Source(clean, "group", None, text)
        if speaker and head.tag_ == "NNS" and head.pos_ == "NOUN":
            return Source(clean, "group", None, text)
        if head.pos_ == "PROPN":
            return Source(clean, "named", None, text)
        return None

    # ------------------------------------------------------------ one sentence -> one chain

    def read(self, sent: Span, figure_spans: list[tuple[int, int]]) -> Attribution | None:
        """The sentence's attribution chain, or None when it names no source."""
        for tok in sent:
            if tok.lower_ == "according" and tok.i + 1 < sent.end and sent.doc[tok.i + 1].lower_ == "to":
                to = sent.doc[tok.i + 1]
                objs = [c for c in to.children if c.dep_ == "pobj"]
                if objs:
                    phrase = subtree(objs[0])
                    chain = self._chain_of_phrase(phrase)
                    if chain:
                        return Attribution(chain, (char_span(phrase),))
        for tok in sent:
            guidance = tok.lemma_.lower() == "see" and tok.tag_ in ("VBZ", "VBP")
            if (tok.lemma_.lower() not in SPEECH_VERBS and not guidance) or tok.pos_ not in ("VERB", "AUX"):
                continue
            subjects = [c for c in tok.children if c.dep_ == "nsubj"]
            if not subjects:
                continue
            if guidance and subjects[0].pos_ != "PROPN":
                continue  # "the company sees growth of 2%" is a forecast; "residents see smoke" is not
            if tok.lemma_.lower() in OBJECTLESS_SPEECH and any(c.dep_ == "dobj" for c in tok.children):
                continue
            subject_tokens = subtree(subjects[0], stop=[c for c in subjects[0].children if c.dep_ == "relcl"])
            s, e = subject_tokens[0].idx, subject_tokens[-1].idx + len(subject_tokens[-1].text)
            if any(a < e and s < b for a, b in figure_spans):
                continue
            if tok.lemma_.lower() in DATA_VERBS and tok.lemma_.lower() != "find":
                head_lemma = subjects[0].lemma_.lower()
                if head_lemma not in INFO_NOUNS and subjects[0].lower_ not in INFO_NOUNS and not self.gazetteer.find(span_text(subject_tokens)[0]):
                    if subjects[0].lower_ not in GROUP_NOUNS:
                        continue
            speaks = tok.lemma_.lower() not in DATA_VERBS
            chain = list(self._chain_of_phrase(subject_tokens, speaker=speaks))
            if not chain:
                continue
            chain = self._told(tok, chain)
            for cited in self._citing(tok, sent):
                chain.append(cited)
            chain = [c for c in chain if not (c.entity and c.entity == self.publisher)]
            if chain:
                spans = [char_span(subject_tokens)]
                for c in tok.children:
                    if c.dep_ in ("prep", "npadvmod", "advcl") and c.i > tok.i and c.lower_ != "that":
                        spans.append(char_span(subtree(c)))
                return Attribution(tuple(_dedupe(chain)), tuple(spans), tok.lemma_.lower() not in FORECAST_VERBS)
        return None

    def _chain_of_phrase(self, tokens: list[Token], speaker: bool = False) -> tuple[Source, ...]:
        """A phrase with participles: "figures released by X, cited by Y" -> (Y, X);
        "analysts surveyed by X" -> (X,)."""
        inner: list[Source] = []
        outer: list[Source] = []
        cut: list[Token] = []
        for t in tokens:
            if t.dep_ == "acl" and t.head in tokens and t.lemma_.lower() in PUBLISHING_VERBS:
                agents = [c for c in t.children if c.dep_ == "agent"]
                for a in agents:
                    objs = [c for c in a.children if c.dep_ == "pobj"]
                    if objs:
                        src = self.source(subtree(objs[0]))
                        if src:
                            (outer if t.lemma_.lower() in CITING_VERBS else inner).append(src)
                cut.append(t)
        if cut:
            head_tokens = subtree(phrase_head(tokens), stop=cut)
            base = self.source(head_tokens, speaker) if not (inner or outer) else None
            return tuple(_dedupe(outer + ([base] if base else []) + inner))
        src = self.source(tokens, speaker)
        return (src,) if src else ()

    def _told(self, verb: Token, chain: list[Source]) -> list[Source]:
        """"a source told Daily NK": the outlet told is the outer link (dropped when it is the publisher)."""
        if verb.lemma_.lower() != "tell":
            return chain
        for c in verb.children:
            if c.dep_ in ("dobj", "dative", "iobj"):
                src = self.source(subtree(c))
                if src and src.entity and self.gazetteer.type(src.entity) == "media":
                    return [src, *chain]
        return chain

    def _citing(self, verb: Token, sent: Span) -> list[Source]:
        out = []
        for t in sent:
            if t.lower_ == "citing" and (t.head == verb or t.head.head == verb or t.head in verb.children):
                for c in t.children:
                    if c.dep_ in ("dobj", "pobj"):
                        src = self.source(subtree(c))
                        if src and (src.entity or src.kind in ("data", "group", "named")):
                            out.append(src)
        return out


def _dedupe(chain: list[Source]) -> list[Source]:
    out: list[Source] = []
    for s in chain:
        if not any((s.entity and s.entity == o.entity) or s.label.lower() == o.label.lower() for o in out):
            out.append(s)
    return out


