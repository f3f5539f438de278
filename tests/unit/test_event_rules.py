"""Rules of event actors on parses built by hand: the parser's slips they read through, without
the statistical model."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from kg.extract import actors


def test_a_writer_read_as_the_object_of_wrote_is_the_reports_author():
    """“Demand is slowing,” wrote Fadem in a research report: the model reads Fadem as the object."""
    words = ["Demand", "slowed", ",", "wrote", "Fadem", "in", "a", "research", "report", "."]
    heads = [1, 3, 3, 3, 3, 3, 8, 8, 5, 3]
    deps = ["nsubj", "ccomp", "punct", "ROOT", "dobj", "prep", "det", "compound", "pobj", "punct"]
    pos = ["NOUN", "VERB", "PUNCT", "VERB", "PROPN", "ADP", "DET", "NOUN", "NOUN", "PUNCT"]
    tags = ["NN", "VBD", ",", "VBD", "NNP", "IN", "DT", "NN", "NN", "."]
    lemmas = ["demand", "slow", ",", "write", "Fadem", "in", "a", "research", "report", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas,
              ents=["O", "O", "O", "O", "B-ORG", "O", "O", "O", "O", "O"])
    assert actors.writer(doc[8]).text == "Fadem"
    doc[4].dep_ = "npadvmod"  # not an object: no writer read into it
    assert actors.writer(doc[8]) is None
