"""What a figure measures, read from the parse: the counted noun, the governing verb, the
thing it is part of, where it applies, whose it is, and the hedges that govern it."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..lexicon import (
    CHANGE_NOUNS,
    ENTRY_VERBS,
    LEVEL_VERBS,
    MODAL_VERBS,
    MODAL_WORDS,
    PERSON_NOUNS,
    SPEECH_VERBS,
    TRANSFER_VERBS,
)
from ..model import Frame
from ..ontology import Gazetteer
from .tokens import path, span_text, subtree


def _counted_noun(figure_tokens: list[Token]) -> Token | None:
    """The noun a figure quantifies: the head of its number, or the noun right after it."""
    for t in figure_tokens:
        if t.dep_ in ("nummod", "quantmod", "amod", "compound") and t.head.pos_ in ("NOUN", "PROPN") and t.head not in figure_tokens:
            return t.head
    last = figure_tokens[-1]
    nxt = last.nbor(1) if last.i + 1 < len(last.doc) else None
    while nxt is not None and nxt.pos_ in ("ADJ", "PROPN", "NOUN") and nxt.dep_ in ("amod", "compound"):
        if nxt.head.pos_ in ("NOUN", "PROPN") and nxt.head.i > nxt.i:
            return nxt.head
        break
    if nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and nxt.head.i != nxt.i - 1:
        return nxt
    for t in figure_tokens:
        if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.pos_ in ("NOUN", "PROPN"):
            return None
    return None


def _noun_phrase(noun: Token) -> str:
    """The noun with its compounds and adjectives, as written (no numbers, no determiners)."""
    keep = [c for c in noun.lefts if c.dep_ in ("compound", "amod", "nmod") and c.pos_ != "NUM" and c.like_num is False]
    tokens = sorted([*_flatten(keep), noun], key=lambda t: t.i)
    if not tokens:
        return noun.text
    return noun.doc[tokens[0].i : noun.i + 1].text


def _flatten(tokens: list[Token]) -> list[Token]:
    out = []
    for t in tokens:
        out.extend(x for x in t.subtree if not x.like_num and x.pos_ != "NUM" and x.dep_ not in ("det", "punct"))
    return out


def _number_of(sent: Span) -> Token | None:
    """"the number of DPRK workers in Russia" -> workers."""
    for t in sent:
        if t.lower_ in ("number", "count", "total") and any(c.lower_ == "of" for c in t.children):
            of = next(c for c in t.children if c.lower_ == "of")
            objs = [c for c in of.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


def _place(tokens: list[Token], gazetteer: Gazetteer) -> str | None:
    """Where a figure applies: "to Russia", "in the Soviet Union", "the Russian border" on its path."""
    for anchor in path(tokens[-1]):
        for t in anchor.children:
            if t.dep_ == "prep" and t.lower_ in ("to", "in", "into", "inside", "within", "across"):
                for c in t.children:
                    if c.dep_ == "pobj":
                        key = gazetteer.resolve(span_text(subtree(c))[0])
                        if key and gazetteer.type(key) in ("country", "place"):
                            return key
            if t.dep_ == "dobj" and anchor.pos_ == "VERB" and anchor.lemma_.lower() in ENTRY_VERBS:
                key = gazetteer.nationality(span_text(subtree(t))[0])
                if key:
                    return key
    return None


_PURPOSE = re.compile(r"\b(?:stud(?:y|ies|ying|ent|ents)|education\w*|academic|universit\w+|enrol\w*)\b", re.I)
ANAPHORA = re.compile(r"\b(?:this|these|such)\s+(?:arrangement|scheme|way|route|program\w*|channel|visas?)\b", re.I)


def _purpose(text: str) -> str | None:
    return "study" if _PURPOSE.search(text) else None


def _frame(
    tokens: list[Token], noun: Token | None, number_of: Token | None, purpose: str | None
) -> tuple[Frame, Token | None]:
    """The words that say what a figure measures, and the noun it is part of."""
    counted = noun.lemma_.lower() if noun is not None else (number_of.lemma_.lower() if number_of is not None else None)
    verb = next((t for t in path(tokens[-1])[1:] if t.pos_ in ("VERB", "AUX")), None)
    if verb is not None and verb.lemma_.lower() in SPEECH_VERBS:
        # "7,887 people said they visited Russia": what is counted is the reported act.
        verb = next((c for c in verb.children if c.dep_ == "ccomp"), verb)
    if number_of is not None and noun is None:
        # "the number of North Koreans entering Russia": the verb of the counted phrase.
        holders = [number_of, number_of.head.head] if number_of.head.lower_ == "of" else [number_of]
        verb = next((c for h in holders for c in h.children if c.dep_ in ("acl", "relcl")), verb)
    of = None
    base = noun if noun is not None else tokens[-1]
    # "a gap of 1.5 million workers", "an increase of 1,083 percent"
    if base.dep_ == "pobj" and base.head.lower_ == "of" and base.head.head.pos_ in ("NOUN", "PROPN"):
        of = base.head.head
    # "90% of wages", "half of expected earnings", "a 12-fold increase in arrivals"
    for t in tokens + ([noun] if noun is not None else []):
        for c in t.children:
            if c.dep_ == "prep" and (c.lower_ == "of" or c.lower_ == "in" and t.lemma_.lower() in CHANGE_NOUNS):
                objs = [o for o in c.children if o.dep_ == "pobj"]
                if objs and of is None:
                    of = objs[0]
    # "the shortage could reach 2.4 million", "a figure projected to grow to 2.4 million"
    if of is None and verb is not None and verb.lemma_.lower() in LEVEL_VERBS:
        node = verb
        while node.dep_ in ("xcomp", "ccomp", "conj") and node.head != node:
            node = node.head
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        holder = subjects[0] if subjects else (node.head if node.dep_ == "acl" else None)
        if holder is not None and holder.lower_ in ("figure", "number", "total", "it") and holder.dep_ == "appos":
            holder = holder.head
        if holder is not None and holder.pos_ in ("NOUN", "PROPN"):
            of = holder
    if counted in CHANGE_NOUNS and of is not None:
        counted = of.lemma_.lower()
    frame = Frame(
        counted=counted,
        verb=verb.lemma_.lower() if verb is not None else None,
        of=of.lemma_.lower() if of is not None else None,
        purpose=purpose,
    )
    return frame, of


def _modified(noun: Token | None) -> bool:
    """A counted noun with its own qualifiers ("foreign workers") is not read in the topic's nationality."""
    return noun is not None and any(c.dep_ in ("amod", "compound") for c in noun.children)


def _increment(tokens: list[Token], noun: Token | None) -> bool:
    """"another 3,000", "an additional 5,000": an increment, not a total."""
    words = {t.lower_ for t in tokens}
    if noun is not None:
        words |= {c.lower_ for c in noun.children}
    first = tokens[0]
    if first.i > 0:
        words.add(first.nbor(-1).lower_)
    return bool(words & {"another", "additional", "extra", "further"})


def _subject_nationality(sent: Span, gazetteer: Gazetteer) -> str | None:
    """The nationality of a sentence's grammatical subjects ("North Korean workers ...")."""
    for t in sent:
        if t.dep_ in ("nsubj", "nsubjpass"):
            key = gazetteer.nationality(span_text(subtree(t))[0])
            if key and any(w in PERSON_NOUNS for w in (t.lemma_.lower(), t.lower_)):
                return key
            if key and t.ent_type_ == "NORP":
                return key
    return None


def _recipient_nationality(tokens: list[Token], gazetteer: Gazetteer) -> str | None:
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


def _agent_nationality(tokens: list[Token], gazetteer: Gazetteer) -> str | None:
    """"North Korea sent 15,000 ...": the country that is the subject of the governing verb."""
    for anchor in path(tokens[-1])[1:]:
        if anchor.pos_ in ("VERB", "AUX"):
            if anchor.lemma_.lower() not in TRANSFER_VERBS:
                return None
            for c in anchor.children:
                if c.dep_ == "nsubj":
                    key = gazetteer.resolve(span_text(subtree(c))[0])
                    if key and gazetteer.type(key) == "country":
                        return key
            return None
    return None


# ==================================================================================== events


_BASELINE_WORDS = frozenset("compared than versus".split())


def modality_cues(tokens: list[Token]) -> tuple[str, ...]:
    """Hedges that govern a figure: modal verbs and adverbs on its path to the root of its clause.

    A figure in a comparison ("compared to the current 1.5 million") keeps its own modality.
    """
    if not tokens:
        return ()
    path: list[Token] = []
    node = tokens[-1]
    while True:
        path.append(node)
        if node.lower_ in _BASELINE_WORDS or node.head == node:
            break
        node = node.head
    cues = []
    for anchor in path:
        for t in [anchor, *anchor.children]:
            word = t.lower_
            if (t.tag_ == "MD" and word in MODAL_VERBS) or word in MODAL_WORDS:
                cues.append(word)
            if t.dep_ == "mark" and word == "if":
                cues.append("if")
    return tuple(dict.fromkeys(cues))


def _in_condition(tok: Token) -> bool:
    """True inside the "if" clause of a conditional: its figures are premises, not claims."""
    node = tok
    while node.head != node:
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "suppose") for c in node.children):
            return True
        node = node.head
    return False
