"""Rules of event actors on parses built by hand: the parser's slips they read through, without
the statistical model."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from kg.extract import actors


def _doc(words, heads, deps, pos, tags, ents=None, lemmas=None):  # type: ignore[no-untyped-def]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags,
               lemmas=lemmas or [w.lower() for w in words], ents=ents or ["O"] * len(words))


def test_a_writer_read_as_the_object_of_wrote_is_the_reports_author():
    """“Demand is slowing,” wrote Fadem in a research report: the model reads Fadem as the object."""
    words = ["Demand", "slowed", ",", "wrote", "Fadem", "in", "a", "research", "report", "."]
    heads = [1, 3, 3, 3, 3, 3, 8, 8, 5, 3]
    deps = ["nsubj", "ccomp", "punct", "ROOT", "dobj", "prep", "det", "compound", "pobj", "punct"]
    pos = ["NOUN", "VERB", "PUNCT", "VERB", "PROPN", "ADP", "DET", "NOUN", "NOUN", "PUNCT"]
    tags = ["NN", "VBD", ",", "VBD", "NNP", "IN", "DT", "NN", "NN", "."]
    lemmas = ["demand", "slow", ",", "write", "Fadem", "in", "a", "research", "report", "."]
    doc = _doc(words, heads, deps, pos, tags, ents=["O", "O", "O", "O", "B-ORG", "O", "O", "O", "O", "O"], lemmas=lemmas)
    assert actors.writer(doc[8]).text == "Fadem"
    doc[4].dep_ = "npadvmod"  # not an object: no writer read into it
    assert actors.writer(doc[8]) is None


def test_a_name_hung_on_the_date_before_a_subjectless_verb_is_its_subject():
    """In March, Apex, its largest shareholder, agreed: the parser hangs "Apex" on "March"."""
    words = ["In", "March", ",", "Apex", ",", "its", "largest", "shareholder", ",", "agreed", "."]
    heads = [9, 0, 1, 1, 3, 7, 7, 3, 3, 9, 9]
    deps = ["prep", "pobj", "punct", "conj", "punct", "poss", "amod", "appos", "punct", "ROOT", "punct"]
    pos = ["ADP", "PROPN", "PUNCT", "PROPN", "PUNCT", "PRON", "ADJ", "NOUN", "PUNCT", "VERB", "PUNCT"]
    tags = ["IN", "NNP", ",", "NNP", ",", "PRP$", "JJS", "NN", ",", "VBD", "."]
    doc = _doc(words, heads, deps, pos, tags, ents=["O", "B-DATE", "O", "B-ORG"] + ["O"] * 7)
    assert actors.subject_of(doc[9]).text == "Apex"
    doc[3].ent_type_ = ""  # not a name: no subject read into it
    assert actors.subject_of(doc[9]) is None


def test_a_participle_on_the_noun_that_heads_a_sentence_and_joined_to_a_verb_in_the_past_is_its_predicate():
    """The union formed in May and sent a letter: the parser reads "formed" as describing "union"."""
    words = ["The", "union", "formed", "in", "May", "and", "sent", "a", "letter", "."]
    heads = [1, 1, 1, 2, 3, 2, 2, 8, 6, 1]
    deps = ["det", "ROOT", "acl", "prep", "pobj", "cc", "conj", "det", "dobj", "punct"]
    pos = ["DET", "NOUN", "VERB", "ADP", "PROPN", "CCONJ", "VERB", "DET", "NOUN", "PUNCT"]
    tags = ["DT", "NN", "VBN", "IN", "NNP", "CC", "VBD", "DT", "NN", "."]
    doc = _doc(words, heads, deps, pos, tags)
    assert actors.finite_on_noun(doc[2]) and actors.subject_of(doc[6]).text == "union"
    doc[6].tag_ = "VBN"  # "formed in May and sent abroad": a description of the union still
    assert not actors.finite_on_noun(doc[2])
