"""Who a document's names, pronouns and definite descriptions are: the actors NER reads, the
names they are referred back to by ("he", "she", "the company"), and an actor's words."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.attrs import ORTH
from spacy.tokens import Doc, Token

from ..lexicon import (
    ACTING_ORG_NOUNS,
    COLLECTIVE_PERSON_NOUNS,
    FEMALE_NOUNS,
    KIN_NOUNS,
    MALE_NOUNS,
    PERSON_NOUNS,
    SPEECH_VERBS,
)
from .aspect import ACTOR_LABELS as _ACTOR_LABELS
from .aspect import SUBJECTS as _SUBJECTS
from .tokens import entity_of, span_text, subtree
from .tokens import lemma as _lemma

#: Words that end an actor's phrase: what describes it at length, lists and asides.
PHRASE_STOPS = frozenset({"relcl", "acl", "appos", "prep", "punct", "cc", "conj", "advcl"})


def phrase(tok: Token) -> str:
    """An actor's words: its whole name when NER reads one, else its noun phrase without the
    clauses and asides that describe it."""
    if tok.ent_iob_ != "O" and tok.ent_type_ in _ACTOR_LABELS:
        doc, name = tok.doc, entity_of(tok)
        end = name.end
        # a name ends in no "of": "the Electoral Commission of" + "Zambia", read as two
        while end < len(doc) and doc[end].ent_iob_ == "B" and doc[end - 1].pos_ in ("ADP", "CCONJ", "DET"):
            end = entity_of(doc[end]).end
        return doc[name.start : end].text
    # An apposition is set off by punctuation; one the parser finds without ("A magnitude" + "6.1
    # earthquake") is the rest of the phrase.
    return span_text(subtree(tok, [c for c in tok.children if c.dep_ in PHRASE_STOPS and not (
        c.dep_ == "appos" and c.i > tok.i and not tok.doc[c.left_edge.i - 1].is_punct)]))[0]


@dataclass(frozen=True)
class Names:
    """The names of actors NER reads in a document: as words (a name it misses in one sentence,
    "WeWork agreed", it often reads in another) and as mentions in text order, to resolve "he",
    "she" and "the company" to the last person or organisation named before them."""

    words: frozenset[str] = frozenset()
    mentions: tuple[tuple[int, str, str], ...] = ()  # (start, label, text) of names that act

    @classmethod
    def of(cls, parsed: Doc) -> Names:
        """The names of a parsed document; those referred back to are the actors, not those who
        only speak ("TRD reported", "reports Wee", "told TRD") nor those that name a thing ("its
        Blue Moon lander"). A one-word name NER reads in one place is a mention wherever else it
        stands ("WeWork declined to comment")."""
        every = parsed.ents
        ents = [e for e in every if e.label_ in _ACTOR_LABELS]
        mentions = [(e.start_char, e.label_, e.text) for e, root in ((e, e.root) for e in ents)
                    if not _speaks(root) and not _modifies(root)]
        single = {e.text: e.label_ for e in ents if len(e) == 1 and e.text[:1].isupper()}
        named = {i for e in every for i in range(e.start, e.end)}
        wanted = {parsed.vocab.strings[text] for text in single}
        at = [i for i, orth in enumerate(parsed.to_array(ORTH).tolist()) if orth in wanted and i not in named]
        mentions += [(t.idx, single[t.text], t.text) for t in (parsed[i] for i in at)
                     if t.pos_ == "PROPN" and not _speaks(t) and not _modifies(t)]
        return cls(frozenset(t.text for e in ents for t in e if t.text[:1].isupper()), tuple(sorted(mentions)))

    def last_before(self, offset: int, label: str) -> str | None:
        """The last name of ``label`` within ``RESOLVE_WINDOW`` characters before ``offset``."""
        found = self._last_mention(offset, label)
        return found[1] if found else None

    def _last_mention(self, offset: int, label: str) -> tuple[int, str] | None:
        """Where the last name of ``label`` before ``offset`` starts, and the name (``last_before``)."""
        i = bisect.bisect_left(self.mentions, (offset,))
        for start, kind, text in reversed(self.mentions[max(0, i - 12):i]):
            if offset - start > RESOLVE_WINDOW:
                return None
            if kind == label:
                return start, text
        return None

    def _person_before(self, tok: Token) -> str | None:
        """The person "he" or "she" stands for: the nearest before it within ``RESOLVE_WINDOW``
        characters, named ("Maria Lopez") or described ("a 55-year-old man"; not one of the other
        sex, "a woman" for "he")."""
        start, named = self._last_mention(tok.idx, "PERSON") or (-1, None)
        other = FEMALE_NOUNS if tok.lower_ == "he" else MALE_NOUNS
        doc = tok.doc
        for t in reversed(doc[max(0, tok.i - _PERSON_LOOKBACK) : tok.i]):
            if t.idx <= start or tok.idx - t.idx > RESOLVE_WINDOW:
                break
            lemma = _lemma(t)
            if t.tag_ == "NN" and lemma in _ONE_PERSON and lemma not in other and t.dep_ != "compound":
                return phrase(t)
        return named

    def resolve(self, tok: Token) -> str | None:
        """The name a pronoun, a definite description or an apposition stands for, if any:
        "One such employer, director Andrei Orlov", "he", "the company"."""
        for c in tok.children:
            if c.dep_ == "appos" and c.ent_type_ in ("PERSON", "ORG"):
                return phrase(c)
        if tok.lower_ in ("he", "she"):
            return _subject_before(tok, "PERSON") or self._person_before(tok)
        if tok.lower_ == "it" and tok.dep_ in _SUBJECTS:
            return _organisation_before(tok)
        if (tok.pos_ == "NOUN" and _lemma(tok) in ACTING_ORG_NOUNS and tok.tag_ == "NN"
                and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children)
                and not any(c.dep_ in ("compound", "amod", "poss", "prep") for c in tok.children)):
            return _subject_before(tok, "ORG") or self.last_before(tok.idx, "ORG")
        return None


def _modifies(name: Token) -> bool:
    """A name that describes a thing rather than acting ("its Blue Moon lander", "a Boeing jet")."""
    return name.dep_ == "compound" and name.head.pos_ == "NOUN"


def _speaks(name: Token) -> bool:
    """A name that only tells what happened, or hears it: the subject or object of a verb of
    speech ("TRD reported", "told TRD"), or the source of "according to"."""
    if name.dep_ in (*_SUBJECTS, "dobj", "dative") and _lemma(name.head) in SPEECH_VERBS:
        return True
    to = name.head
    return name.dep_ == "pobj" and to.lower_ == "to" and to.head.lower_ == "according"


def _subject_before(tok: Token, label: str) -> str | None:
    """The name of ``label`` that is the subject of a clause before ``tok`` in its sentence: the
    one a later "the company" or "he" there stands for ("Blue Origin will offer NASA its lander
    that the company unveiled": Blue Origin, not NASA)."""
    for t in reversed(tok.doc[tok.sent.start : tok.i]):
        if t.dep_ in _SUBJECTS and t.ent_type_ == label and not _speaks(t):
            return phrase(t)
    return None


def _organisation_before(tok: Token) -> str | None:
    """The organisation "it" stands for: the nearest subject before it in its sentence that names
    one ("The government is not just considering these options; it is negotiating")."""
    for t in reversed(tok.doc[tok.sent.start : tok.i]):
        if t.dep_ in _SUBJECTS and (t.ent_type_ == "ORG" or (t.tag_ == "NN" and _lemma(t) in ACTING_ORG_NOUNS)):
            return phrase(t)
    return None


#: How far back (in characters) a pronoun or "the company" looks for the name it stands for.
RESOLVE_WINDOW = 600
#: How many words back "he" or "she" looks for a person described ("a 55-year-old man").
_PERSON_LOOKBACK = 150
#: Nouns for one person ("the man", "the patient"), not for many ("staff", "people").
_ONE_PERSON = PERSON_NOUNS - COLLECTIVE_PERSON_NOUNS | KIN_NOUNS
