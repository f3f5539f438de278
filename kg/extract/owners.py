"""Whose a figure is and where it applies, read from the parse: the named owner (a possessive,
a name before the noun, the named subject of the verb), the place, and the people a count
belongs to (from the alias table's demonyms)."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..lexicon import ENTRY_VERBS, PERSON_NOUNS, SPEECH_VERBS, TRANSFER_VERBS, canonical
from ..ontology import Gazetteer
from .tokens import entities_within, path, span_text, subjects, subtree
from .tokens import lemma as _lemma

#: Named-entity labels of things that own figures: organisations, places, people, peoples.
OWNER_LABELS = frozenset({"ORG", "GPE", "PERSON", "NORP", "LOC", "FAC", "PRODUCT"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def is_person(noun: Token, gazetteer: Gazetteer) -> bool:
    """A noun for people: "workers", "residents", "North Koreans", a demonym of the alias table."""
    lemma = _lemma(noun)
    return lemma in PERSON_NOUNS or canonical(lemma) == "person" or (
        noun.pos_ == "PROPN" and (noun.ent_type_ in ("NORP", "GPE") or bool(gazetteer.nationality(noun.text))))


def is_name(tok: Token, gazetteer: Gazetteer) -> bool:
    """A proper name of an organisation, place or person (not a people: "North Koreans")."""
    if tok.pos_ != "PROPN" or is_person(tok, gazetteer):
        return False
    return tok.ent_type_ in OWNER_LABELS or gazetteer.resolve(tok.text) is not None


def name_span(tok: Token) -> list[Token]:
    """A name with the compound names before it ("Home Depot")."""
    first = tok
    while first.i > 0 and first.doc[first.i - 1].head == tok and first.doc[first.i - 1].dep_ == "compound":
        first = first.doc[first.i - 1]
    return list(tok.doc[first.i : tok.i + 1])


def resolve_name(text: str, gazetteer: Gazetteer) -> tuple[str | None, str]:
    """A name's entity key (when the alias table knows it) and the name without a possessive."""
    return gazetteer.resolve(text), re.sub(r"\s*['’]s?$", "", text)


def named_agent(tok: Token, figure: set[Token], gazetteer: Gazetteer) -> tuple[str | None, str | None]:
    """The named subject of the verb whose object the figure is: "Donald Trump earned 306
    electoral votes", "SoftBank agreed to inject $6.5 billion"."""
    below = tok
    for anchor in path(tok)[1:]:
        if anchor.pos_ == "VERB":
            if below.dep_ not in ("dobj", "dative", "iobj") and below not in figure:
                return None, None
            if any(c.dep_ == "prep" and c.lower_ in ("at", "to", "by") and any(t in figure for t in c.subtree)
                   for c in anchor.children):
                return None, None  # "the agency put the damage at $3 billion": who values, not whose
            node = anchor
            while not subjects(node) and node.dep_ in ("xcomp", "conj") and _lemma(node.head) not in SPEECH_VERBS:
                node = node.head
            for subject in subjects(node):
                if is_name(subject, gazetteer):
                    return resolve_name(span_text(name_span(subject))[0], gazetteer)
            return None, None
        below = anchor
    return None, None


def possessive_owner(tokens: list[Token], gazetteer: Gazetteer) -> tuple[str | None, str | None]:
    """A possessive on the figure itself: "Hillary Clinton's 232"."""
    for t in tokens:
        for c in t.children:
            if c.dep_ == "poss" and c not in tokens and (c.pos_ == "PROPN" or c.ent_type_ in OWNER_LABELS):
                return resolve_name(span_text(subtree(c))[0], gazetteer)
    return None, None


def entity_owner(tok: Token, gazetteer: Gazetteer) -> tuple[str | None, str | None]:
    """Whose a noun is, from a possessive or a name before it: ("WeWork's employees",
    "Home Depot shares") -> (entity key or None, name)."""
    for c in tok.lefts:
        if c.dep_ in ("poss", "compound", "nmod") and (c.ent_type_ in OWNER_LABELS or c.pos_ == "PROPN") \
                and not is_person(c, gazetteer):
            return resolve_name(span_text(subtree(c))[0], gazetteer)
    for prep in tok.rights:  # "shares of Globex", "the population of Europe"
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for o in prep.children:
                if o.dep_ == "pobj" and is_name(o, gazetteer):
                    return resolve_name(span_text(name_span(o))[0], gazetteer)
    return None, None


def place(tokens: list[Token], gazetteer: Gazetteer, measured: Token | None = None) -> str | None:
    """Where a figure applies: "to Russia", "in the Soviet Union", "the Russian border" on its
    path, or on the noun of what it ``measured`` ("the number of nurses in Canada rose to 4,000")."""
    for anchor in path(tokens[-1]):
        for t in anchor.children:
            key = _place_after(t, gazetteer)
            if key:
                return key
            if t.dep_ == "dobj" and anchor.pos_ == "VERB" and _lemma(anchor) in ENTRY_VERBS:
                key = gazetteer.nationality(span_text(subtree(t))[0])
                if key:
                    return key
    if measured is not None:
        return next((key for t in measured.rights if (key := _place_after(t, gazetteer))), None)
    return None


def _place_after(prep: Token, gazetteer: Gazetteer) -> str | None:
    """The country or place a preposition of place leads to ("in Canada", "into the Soviet Union")."""
    if prep.dep_ != "prep" or prep.lower_ not in ("to", "in", "into", "inside", "within", "across"):
        return None
    for c in prep.children:
        if c.dep_ == "pobj":
            key = gazetteer.resolve(span_text(subtree(c))[0])
            if key and gazetteer.type(key) in ("country", "place"):
                return key
    return None


def place_name(tokens: list[Token]) -> str | None:
    """A place named on the figure's path ("in Ohio", "at the port of Busan"), as written."""
    for anchor in path(tokens[-1])[:6]:
        for t in anchor.children:
            if t.dep_ == "prep" and t.lower_ in ("in", "at", "across", "near", "off", "outside", "inside", "within"):
                for c in t.children:
                    if c.dep_ == "pobj" and c.ent_type_ in PLACE_LABELS:
                        ents = entities_within(c.doc[c.left_edge.i : c.right_edge.i + 1], PLACE_LABELS)
                        if ents:
                            return ents[-1].text
    return None


def subject_nationality(sent: Span, gazetteer: Gazetteer) -> tuple[str, str] | None:
    """The people a sentence's subject belongs to ("North Korean workers ..." -> ("worker",
    "north-korea")): later bare counts of the same people are read as theirs."""
    for t in sent:
        if t.dep_ in ("nsubj", "nsubjpass"):
            key = gazetteer.nationality(span_text(subtree(t))[0])
            if key and is_person(t, gazetteer):
                return ("person" if t.pos_ == "PROPN" else canonical(_lemma(t))), key
    return None


def recipient_nationality(tokens: list[Token], gazetteer: Gazetteer) -> str | None:
    """"8,600 student visas to North Koreans": the people a counted thing went to."""
    for anchor in path(tokens[-1])[:4]:
        for c in anchor.children:
            if c.dep_ == "prep" and c.lower_ in ("to", "for"):
                for o in c.children:
                    if o.dep_ == "pobj" and o.ent_type_ == "NORP":
                        key = gazetteer.nationality(span_text(subtree(o))[0])
                        if key:
                            return key
    return None


def agent_nationality(tokens: list[Token], gazetteer: Gazetteer) -> str | None:
    """"North Korea sent 15,000 ...": the country that is the subject of the governing verb."""
    for anchor in path(tokens[-1])[1:]:
        if anchor.pos_ in ("VERB", "AUX"):
            if _lemma(anchor) not in TRANSFER_VERBS:
                return None
            for c in anchor.children:
                if c.dep_ == "nsubj":
                    key = gazetteer.resolve(span_text(subtree(c))[0])
                    if key and gazetteer.type(key) == "country":
                        return key
            return None
    return None
