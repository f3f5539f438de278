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


# Hand-built as the small English model parses them.
ADMITTED = ("Hospitals|NOUN|NNS|nsubj|1|hospital admitted|VERB|VBD|ROOT|1|admit 4,200|NUM|CD|nummod|4|4,200 "
            "flu|NOUN|NN|compound|4|flu patients|NOUN|NNS|dobj|1|patient in|ADP|IN|prep|1|in "
            "January|PROPN|NNP|pobj|5|January .|PUNCT|.|punct|1|.")
FIGURE_ROSE = ("The|DET|DT|det|1|the figure|NOUN|NN|nsubj|2|figure rose|VERB|VBD|ccomp|10|rise to|ADP|IN|prep|2|to "
               "5,100|NUM|CD|pobj|3|5,100 in|ADP|IN|prep|2|in February|PROPN|NNP|pobj|5|February ,|PUNCT|,|punct|10|, "
               "the|DET|DT|det|9|the ministry|NOUN|NN|nsubj|10|ministry said|VERB|VBD|ROOT|10|say .|PUNCT|.|punct|10|.")
NUMBER_DOUBLED = ("That|DET|DT|det|1|that number|NOUN|NN|nsubj|4|number has|AUX|VBZ|aux|4|have "
                  "since|ADV|RB|advmod|4|since doubled|VERB|VBN|ROOT|4|double to|ADP|IN|prep|4|to "
                  "6,000|NUM|CD|pobj|5|6,000 .|PUNCT|.|punct|4|.")
VISITORS_ROSE = ("The|DET|DT|det|1|the number|NOUN|NN|nsubj|4|number of|ADP|IN|prep|1|of "
                 "visitors|NOUN|NNS|pobj|2|visitor rose|VERB|VBD|ROOT|4|rise to|ADP|IN|prep|4|to "
                 "5,100|NUM|CD|pobj|5|5,100 .|PUNCT|.|punct|4|.")


def _read(reader: FrameReader, spec: str, number: str, new_paragraph: bool = False):
    from tests.parsed import parse

    doc = parse(spec)
    reader.sentence(doc[:], new_paragraph=new_paragraph)
    return reader.read([next(t for t in doc if t.text == number)], None)[0]


def test_the_figure_stands_for_the_figure_said_before_even_a_paragraph_back():
    reader = FrameReader(Gazetteer.load())
    admitted = _read(reader, ADMITTED, "4,200")
    assert (admitted.head, admitted.modifiers) == ("patient", ("flu",))
    rose = _read(reader, FIGURE_ROSE, "5,100", new_paragraph=True)
    assert (rose.head, rose.modifiers, rose.predicate) == ("patient", ("flu",), "rise to")
    doubled = _read(reader, NUMBER_DOUBLED, "6,000", new_paragraph=True)
    assert doubled.head == "patient"


def test_the_figure_with_nothing_said_before_measures_nothing_rather_than_figures():
    """Not "figure" or "rise": two such figures of unrelated texts would be compared as one measure."""
    rose = _read(FrameReader(Gazetteer.load()), FIGURE_ROSE, "5,100")
    assert rose.head is None and rose.reason and "said before" in rose.reason


def test_a_noun_of_amount_that_says_what_it_holds_points_back_to_nothing():
    reader = FrameReader(Gazetteer.load())
    _read(reader, ADMITTED, "4,200")
    assert _read(reader, VISITORS_ROSE, "5,100").head == "arrival"  # visitors, as counted


def _arrived(people: str):
    from tests.parsed import parse

    doc = parse(f"4,000|NUM|CD|nummod|2|4,000 {people}|ADJ|JJ|amod|2|{people.lower()} nurses|NOUN|NNS|nsubj|3|nurse "
                "arrived|VERB|VBD|ROOT|3|arrive in|ADP|IN|prep|3|in Germany|PROPN|NNP|pobj|4|Germany .|PUNCT|.|punct|3|.",
                ents={people: "NORP", "Germany": "GPE"})
    return FrameReader(Gazetteer.load()).read([doc[0]], None)[0]


def test_a_people_the_alias_table_does_not_know_still_tells_whose_count_it_is():
    """Kurdish and Yazidi nurses are not one measure, though no country of the alias table is theirs."""
    kurdish, yazidi = _arrived("Kurdish"), _arrived("Yazidi")
    assert (kurdish.head, kurdish.owner) == ("arrival", "kurdish")  # nurses arriving
    assert (yazidi.head, yazidi.owner) == ("arrival", "yazidi")


def test_a_countrys_people_count_as_the_countrys():
    assert _arrived("Kenyan").owner == "kenya"
