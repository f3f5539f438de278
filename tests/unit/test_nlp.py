"""The pipeline around the model: sentence starts set before the parser, and the alias ruler."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from kg.extract.nlp import line_breaks


def _starts(words: list[str], spaces: list[bool] | None = None) -> list[str]:
    doc = line_breaks(Doc(spacy.blank("en").vocab, words=words, spaces=spaces))
    return [t.text for t in doc if t.is_sent_start]


def test_a_reference_mark_after_a_full_stop_ends_the_sentence():
    words = ["The", "vote", "was", "close", ".", "[", "4", "]", "Turnout", "fell", "."]
    assert _starts(words) == ["The", "Turnout"]


def test_brackets_inside_a_sentence_start_nothing():
    words = ["The", "clause", "[", "4", "]", "was", "struck", "out", "."]
    assert _starts(words) == ["The"]


def test_a_line_break_starts_a_sentence():
    words = ["Harbour", "closed", "\n", "The", "port", "authority", "closed", "the", "harbour", "."]
    assert "The" in _starts(words, [True, False, False, True, True, True, True, True, False, False])


# ------------------------------------------------------------------ the attribute table

def _ruled(patterns: list[dict], words: list[str], tags: list[str], deps: list[str]) -> tuple[list, list]:
    """The same tagged and parsed tokens after spaCy's attribute ruler and after the table."""
    from kg.extract.attribute_table import replace_ruler

    def read(table: bool) -> list[tuple[str, str, str, str]]:
        nlp = spacy.blank("en")
        nlp.add_pipe("attribute_ruler").add_patterns(patterns)
        if table:
            assert replace_ruler(nlp)
        ruler = nlp.get_pipe("attribute_ruler")
        read = [[(t.tag_, t.pos_, str(t.morph), t.lemma_)
                 for t in ruler(Doc(nlp.vocab, words=words, tags=tags, deps=deps, heads=[0] * len(words)))]
                for _ in range(2)]  # the second text finds what the table remembers of the first
        assert read[0] == read[1]
        return read[0]

    return read(False), read(True)


RULES = [
    {"patterns": [[{"TAG": "NNS"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Plur"}},
    {"patterns": [[{"TAG": "VBD"}]], "attrs": {"POS": "VERB", "MORPH": "Tense=Past|VerbForm=Fin"}},
    {"patterns": [[{"TAG": "NN"}], [{"TAG": "NNP"}]], "attrs": {"POS": "NOUN"}},
    {"patterns": [[{"LOWER": "ferries", "TAG": "NNS"}]], "attrs": {"LEMMA": "ferry", "MORPH": "Number=Plur"}},
    {"patterns": [[{"TAG": {"IN": ["VBP", "VBZ"]}, "LOWER": "ai"}, {"LOWER": {"REGEX": "^n'?t$"}}]],
     "attrs": {"LEMMA": "be"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": 1},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "go"}, "index": -2},
    {"patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "was"]}}]], "attrs": {"POS": "VERB"}, "index": 1},
    {"patterns": [[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]], "attrs": {"LEMMA": "you"}},
    {"patterns": [[{"TAG": "NNS", "DEP": {"NOT_IN": ["nsubj"]}}]], "attrs": {"POS": "PROPN"}},  # a later rule wins
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE"}},
]


def test_the_attribute_table_sets_what_the_ruler_sets_in_the_ruler_order():
    words = ["Ferries", "ai", "n't", "gon", "na", "sail", ";", "there", "was", "y'", "all", "and", "boats", "sailed",
             "\n"]
    tags = ["NNS", "VBP", "RB", "VBG", "TO", "VB", ":", "EX", "VBD", "PRP", "DT", "CC", "NNS", "VBD", "_SP"]
    deps = ["nsubj", "ROOT", "neg", "aux", "aux", "xcomp", "punct", "expl", "ROOT", "nsubj", "det", "cc", "dobj", "conj",
            "dep"]
    stock, table = _ruled(RULES, words, tags, deps)
    assert table == stock
    assert table[0][1:] == ("NOUN", "Number=Plur", "ferry") and table[12][1] == "PROPN"
    assert [t[3] for t in table[1:5]] == ["be", "", "go", "to"] and table[8][1] == "VERB" and table[9][3] == "you"
    assert table[14][1] == "SPACE"


def test_a_ruler_with_a_pattern_the_table_cannot_read_is_kept():
    from spacy.pipeline import AttributeRuler

    from kg.extract.attribute_table import replace_ruler

    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add_patterns([{"patterns": [[{"TAG": "NN", "OP": "+"}]], "attrs": {"POS": "NOUN"}}])
    assert replace_ruler(nlp) is False and isinstance(nlp.get_pipe("attribute_ruler"), AttributeRuler)
    assert replace_ruler(spacy.blank("en")) is False  # no ruler at all


# ------------------------------------------------------------------ lemmas of verbs in the past

def test_a_verb_in_the_past_keeps_the_e_and_the_consonant_of_its_stem():
    from kg.extract.nlp import PastLemmas

    words = ["The", "court", "fined", "them", "and", "installed", "a", "monitor", "who", "hopped", "off"]
    tags = ["DT", "NN", "VBD", "PRP", "CC", "VBD", "DT", "NN", "WP", "VBD", "RP"]
    pos = ["DET", "NOUN", "VERB", "PRON", "CCONJ", "VERB", "DET", "NOUN", "PRON", "VERB", "ADP"]
    lemmas = ["the", "court", "fin", "they", "and", "instal", "a", "monitor", "who", "hop", "off"]
    doc = Doc(spacy.blank("en").vocab, words=words, tags=tags, pos=pos, lemmas=lemmas)
    index = frozenset({"fin", "fine", "instal", "install", "hop", "hope", "court"})
    PastLemmas(index, {"installed": ["instal", "install"]})(doc)
    assert [t.lemma_ for t in doc if t.pos_ == "VERB"] == ["fine", "install", "hop"]
    assert doc[1].lemma_ == "court"  # nouns are left as the lemmatizer read them
