"""Claim-frame rules on hand-built parses (``spacy.blank``; no statistical model)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from kg.extract.frames import FrameReader
from kg.ontology import Gazetteer

# "Entries included transit with 234, tourism with 53 and official duties with 15." as the small
# English model parses it: "tourism" a conjunct of "transit", and "53" hung on "duties", with
# "and official" its own conjunct.
WORDS = ["Entries", "included", "transit", "with", "234", ",", "tourism", "with", "53", "and", "official", "duties",
         "with", "15", "."]
HEADS = [1, 1, 1, 2, 3, 2, 2, 6, 11, 8, 8, 7, 6, 12, 1]
DEPS = ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct", "conj", "prep", "nummod", "cc", "conj", "pobj", "prep",
        "pobj", "punct"]
POS = ["NOUN", "VERB", "NOUN", "ADP", "NUM", "PUNCT", "NOUN", "ADP", "NUM", "CCONJ", "ADJ", "NOUN", "ADP", "NUM",
       "PUNCT"]
LEMMAS = ["entry", "include", "transit", "with", "234", ",", "tourism", "with", "53", "and", "official", "duty",
          "with", "15", "."]


def _doc() -> Doc:
    return Doc(spacy.blank("en").vocab, words=WORDS, heads=HEADS, deps=DEPS, pos=POS, lemmas=LEMMAS)


def test_each_noun_of_a_list_holds_its_own_figure_and_a_hung_number_counts_nothing_it_hangs_on():
    doc = _doc()
    reader = FrameReader(Gazetteer.load())
    transit, _ = reader.read([doc[4]], None)
    tourism, unit = reader.read([doc[8]], None)
    assert transit.head == "transit"
    assert tourism.head == "tourism" and unit is None  # not "duty": "53 and official duties" is not 53 duties
