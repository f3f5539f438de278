"""Claim-frame rules on hand-built parses (``spacy.blank``; no statistical model)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from kg.extract.frames import FrameReader
from kg.ontology import Gazetteer

# "Permits covered angling with 310, hunting with 45 and guided tours with 12." as the small English
# model parses a list of this shape: "hunting" a conjunct of "angling", and "45" hung on "tours",
# with "and guided" its own conjunct.
WORDS = ["Permits", "covered", "angling", "with", "310", ",", "hunting", "with", "45", "and", "guided", "tours",
         "with", "12", "."]
HEADS = [1, 1, 1, 2, 3, 2, 2, 6, 11, 8, 8, 7, 6, 12, 1]
DEPS = ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct", "conj", "prep", "nummod", "cc", "conj", "pobj", "prep",
        "pobj", "punct"]
POS = ["NOUN", "VERB", "NOUN", "ADP", "NUM", "PUNCT", "NOUN", "ADP", "NUM", "CCONJ", "ADJ", "NOUN", "ADP", "NUM",
       "PUNCT"]
LEMMAS = ["permit", "cover", "angling", "with", "310", ",", "hunting", "with", "45", "and", "guided", "tour",
          "with", "12", "."]


def _doc() -> Doc:
    return Doc(spacy.blank("en").vocab, words=WORDS, heads=HEADS, deps=DEPS, pos=POS, lemmas=LEMMAS)


def test_each_noun_of_a_list_holds_its_own_figure_and_a_hung_number_counts_nothing_it_hangs_on():
    doc = _doc()
    reader = FrameReader(Gazetteer.load())
    angling, _ = reader.read([doc[4]], None)
    hunting, unit = reader.read([doc[8]], None)
    assert angling.head == "angling"
    assert hunting.head == "hunting" and unit is None  # not "tour": "45 and guided tours" is not 45 tours


# "The number of Saint Lucias entering Canada in 2023 rose nearly four times from the year before
# to top 9,000." as the small English model parses it: a place's name in the plural (as a typo
# or a nickname would have it) is what is counted, never the unit of the figure.
PLURAL_NAME = ["The", "number", "of", "Saint", "Lucias", "entering", "Canada", "in", "2023", "rose", "to", "top",
               "9,000", "."]
PLURAL_HEADS = [1, 9, 1, 4, 2, 4, 5, 5, 7, 9, 11, 9, 11, 9]
PLURAL_DEPS = ["det", "nsubj", "prep", "compound", "pobj", "acl", "dobj", "prep", "pobj", "ROOT", "aux", "advcl",
               "dobj", "punct"]
PLURAL_POS = ["DET", "NOUN", "ADP", "PROPN", "PROPN", "VERB", "PROPN", "ADP", "NUM", "VERB", "PART", "VERB", "NUM",
              "PUNCT"]
PLURAL_TAGS = ["DT", "NN", "IN", "NNP", "NNP", "VBG", "NNP", "IN", "CD", "VBD", "TO", "VB", "CD", "."]


def test_a_plural_name_after_the_number_of_is_not_a_unit():
    doc = Doc(spacy.blank("en").vocab, words=PLURAL_NAME, heads=PLURAL_HEADS, deps=PLURAL_DEPS, pos=PLURAL_POS,
              tags=PLURAL_TAGS, lemmas=[w.lower() for w in PLURAL_NAME],
              ents=["O", "O", "O", "B-FAC", "I-FAC", "O", "B-GPE", "O", "B-DATE", "O", "O", "O", "B-CARDINAL", "O"])
    frame, unit = FrameReader(Gazetteer.load()).read([doc[12]], None)
    assert unit is None


def test_a_name_read_once_is_a_mention_wherever_it_stands_and_those_told_are_not_actors():
    """"Initech" is read as an organisation in the first sentence only, "Acme News" is told
    something: "the company" in the last sentence is Initech, not the outlet told last."""
    from kg.extract.names import Names

    words = ["Initech", "cut", "jobs", ".", "Staff", "told", "Acme", "News", ".", "Initech", "declined", ".",
             "Then", "the", "company", "closed", "."]
    heads = [1, 1, 1, 1, 5, 5, 7, 5, 5, 10, 10, 10, 15, 14, 15, 15, 15]
    deps = ["nsubj", "ROOT", "dobj", "punct", "nsubj", "ROOT", "compound", "dobj", "punct", "nsubj", "ROOT", "punct",
            "advmod", "det", "nsubj", "ROOT", "punct"]
    pos = ["PROPN", "VERB", "NOUN", "PUNCT", "NOUN", "VERB", "PROPN", "PROPN", "PUNCT", "PROPN", "VERB", "PUNCT",
           "ADV", "DET", "NOUN", "VERB", "PUNCT"]
    ents = ["B-ORG", "O", "O", "O", "O", "O", "B-ORG", "I-ORG", "O", "O", "O", "O", "O", "O", "O", "O", "O"]
    tags = ["NNP", "VBD", "NNS", ".", "NNS", "VBD", "NNP", "NNP", ".", "NNP", "VBD", ".", "RB", "DT", "NN", "VBD", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, ents=ents,
              lemmas=[{"told": "tell", "declined": "decline", "closed": "close"}.get(w, w.lower()) for w in words],
              sent_starts=[i in (0, 4, 9, 12) for i in range(len(words))])
    names = Names.of(doc)
    assert [text for _, _, text in names.mentions] == ["Initech", "Initech"]
    assert names.resolve(doc[14]) == "Initech"


def test_a_name_that_describes_a_thing_is_not_an_actor_referred_back_to():
    """"Globex flew its Nova capsule. The company ...": the company is Globex, not the capsule's name."""
    from kg.extract.names import Names

    words = ["Globex", "flew", "its", "Nova", "capsule", ".", "The", "company", "cheered", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 4, 4, 1, 1, 7, 8, 8, 8],
              deps=["nsubj", "ROOT", "poss", "compound", "dobj", "punct", "det", "nsubj", "ROOT", "punct"],
              pos=["PROPN", "VERB", "PRON", "PROPN", "NOUN", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"],
              tags=["NNP", "VBD", "PRP$", "NNP", "NN", ".", "DT", "NN", "VBD", "."],
              ents=["B-ORG", "O", "O", "B-ORG", "O", "O", "O", "O", "O", "O"],
              lemmas=["globex", "fly", "its", "nova", "capsule", ".", "the", "company", "cheer", "."],
              sent_starts=[i in (0, 6) for i in range(len(words))])
    assert Names.of(doc).resolve(doc[7]) == "Globex"
