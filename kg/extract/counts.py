"""A figure's own noun phrase: the noun it counts, the unit or scale it is read on, the rate it is
per, and whether it is what another figure is compared with ("18,600 flats, up from 15,900")."""

from __future__ import annotations

from spacy.tokens import Token

from ..currencies import currency
from ..lexicon import RELATIVE_TIME_WORDS, TIME_DETERMINERS
from ..units import physical_unit, unit_kind
from .tokens import lemma as _lemma


def unit_noun(tok: Token) -> str | None:
    """What kind of unit a noun after a number is: "percent", "ratio", "currency", "time",
    "physical", or None when the noun is what is counted."""
    low, lemma = tok.lower_, _lemma(tok)
    if lemma in ("percent", "percentage") or low == "%":
        return "percent"
    if lemma in ("time", "fold"):
        return "ratio"
    if currency(low) or currency(lemma):
        return "currency"
    kind = unit_kind(lemma) or unit_kind(low)
    return kind if kind == "time" or tok.pos_ in ("NOUN", "PROPN", "X") else None


def hung_on_other(number: Token) -> bool:
    """A number the parser hung on a noun it does not count: "hunting with 45 and guided tours with
    12", where "45 and guided" are conjuncts and "tours" is not what 45 counts."""
    return any(c.dep_ == "conj" and not c.like_num for c in number.children)


def counted_noun(figure_tokens: list[Token], own_unit: bool = False) -> Token | None:
    """The noun a figure quantifies: the head of its number, or (unless the figure carries its
    own unit, "5%") the noun right after it; never the noun of a time the figure is not part of
    ("rose to 4,000 last year" counts no years)."""
    noun = _next_noun(figure_tokens, own_unit)
    if noun is not None and noun.ent_type_ in ("DATE", "TIME") and all(t.ent_type_ != noun.ent_type_
                                                                        for t in figure_tokens):
        return None
    if noun is not None and any(t.lower_ in TIME_DETERMINERS for t in noun.doc[figure_tokens[-1].i + 1 : noun.i]):
        return None  # "down from 47 last year", whatever the model's entities
    while noun is not None and noun.dep_ == "compound" and noun.head.pos_ == "NOUN" and noun.head.i > noun.i:
        noun = noun.head  # "4 million user reports" counts reports
    return noun


def _next_noun(figure_tokens: list[Token], own_unit: bool) -> Token | None:
    for t in figure_tokens:
        if hung_on_other(t):
            continue
        if t.dep_ in ("nummod", "quantmod", "amod", "compound") and t.head.pos_ in ("NOUN", "PROPN") and t.head not in figure_tokens:
            return t.head
    if own_unit:
        return None
    last = figure_tokens[-1]
    nxt = last.nbor(1) if last.i + 1 < len(last.doc) else None
    while nxt is not None and nxt.pos_ in ("ADJ", "PROPN", "NOUN") and nxt.dep_ in ("amod", "compound"):
        if nxt.head.pos_ in ("NOUN", "PROPN") and nxt.head.i > nxt.i:
            return nxt.head
        break
    if nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and nxt.head.i != nxt.i - 1:
        return nxt
    return None


def scale_before(tokens: list[Token]) -> Token | None:
    """The scale a figure is read on, named right before it: "a magnitude 6.1 earthquake", "measured
    at magnitude 6.0", "a level 3 alert"."""
    first = number = tokens[0]
    word = first.doc[first.i - 1] if first.i > first.sent.start else None
    if word is None or not first.like_num or word.pos_ != "NOUN" or word.ent_type_ or unit_noun(word) is not None:
        return None
    if number.head == word:
        return word
    noun = number.head  # "magnitude" and "6.1 earthquake", however the parser split the phrase
    one_phrase = word.head == noun or noun.head == word or (
        word.dep_ == noun.dep_ == "nsubj" and word.head == noun.head)
    return word if noun.i == number.i + 1 and noun.pos_ == "NOUN" and unit_noun(noun) is None and one_phrase else None


def unit_dimension(unit: str | None) -> str | None:
    """What a unit measures: its physical dimension ("length" for inches and millimetres), else itself."""
    physical = physical_unit(unit) if unit else None
    return physical.dimension if physical else unit


def compared(tokens: list[Token]) -> bool:
    """A figure that is what another is compared with: "up from 15,900", "down from 47",
    "compared with 12"."""
    top = tokens[-1]
    while top.head in tokens and top.head != top:
        top = top.head
    prep = top.head if top.dep_ == "pobj" else None
    return prep is not None and (prep.lower_ == "from" and prep.head.lower_ in ("up", "down")
                                 or prep.lower_ in ("with", "to") and prep.head.lower_ == "compared")


def rate_per(tokens: list[Token]) -> str | None:
    """The thing a figure is per: "$2.53 a share", "80 km per hour", "$70 per barrel"; not a time
    before or after it ("530,000 a year earlier")."""
    doc, i = tokens[0].doc, tokens[-1].i + 1
    if i + 2 < len(doc) and doc[i].pos_ == "NOUN" and unit_noun(doc[i]) is None and doc[i + 1].lower_ in ("a", "an", "per"):
        i += 1  # "400,000 passengers a day"
    if i + 1 < len(doc) and doc[i].lower_ in ("a", "an", "per"):
        j = i + 1
        while j < len(doc) - 1 and j < i + 3 and doc[j].pos_ == "ADJ":
            j += 1
        relative = j + 1 < len(doc) and doc[j + 1].lower_ in RELATIVE_TIME_WORDS
        if doc[j].pos_ == "NOUN" and not relative:
            return _lemma(doc[j])
    return None


def unit_per_time(unit_word: Token) -> str | None:
    """A physical unit the text gives per a unit of time ("80 kilometres per hour", "5 metres a
    second"): one unit of speed or flow, or None."""
    doc, i = unit_word.doc, unit_word.i + 1
    if i + 1 >= len(doc) or doc[i].lower_ not in ("per", "a", "an") or unit_kind(doc[i + 1].lower_) != "time":
        return None
    combined = f"{_lemma(unit_word)} per {_lemma(doc[i + 1])}"
    return combined if physical_unit(combined) is not None else None
