"""Attribution rules on hand-built parses (no statistical model)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from kg.extract import SourceReader, find_figures
from kg.model import Document
from kg.ontology import Gazetteer

from parsed import parse


def chain(doc: Doc, publisher: str | None = None) -> list[tuple[str, str]]:
    document = Document(key="t.txt", text=doc.text, sha256="0" * 64, publisher=publisher)
    reader = SourceReader(document, Gazetteer.load())
    sent = next(doc.sents)
    figures = [(f.start, f.end) for f in find_figures(doc.text)]
    found = reader.read(sent, figures)
    return [(s.label, s.kind) for s in found.chain] if found else []


ACCORDING = parse(
    "According|VERB|VBG|prep|7|accord to|ADP|IN|prep|0|to the|DET|DT|det|5|the Russian|ADJ|JJ|amod|5|russian "
    "Labor|PROPN|NNP|compound|5|labor Ministry|PROPN|NNP|pobj|1|ministry ,|PUNCT|,|punct|7|, "
    "gap|NOUN|NN|nsubj|8|gap is|AUX|VBZ|ROOT|8|be 1.5|NUM|CD|compound|10|1.5 million|NUM|CD|attr|8|million "
    ".|PUNCT|.|punct|8|."
)
TOLD = parse(
    "A|DET|DT|det|1|a source|NOUN|NN|nsubj|4|source in|ADP|IN|prep|1|in Russia|PROPN|NNP|pobj|2|russia "
    "told|VERB|VBD|ROOT|4|tell Daily|PROPN|NNP|compound|6|daily NK|PROPN|NNP|dobj|4|nk that|SCONJ|IN|mark|10|that "
    "300|NUM|CD|nummod|9|300 workers|NOUN|NNS|nsubj|10|worker came|VERB|VBD|ccomp|4|come .|PUNCT|.|punct|4|.",
    {"Russia": "GPE", "Daily": "ORG", "NK": "ORG"},
)
CITING = parse(
    "The|DET|DT|det|1|the WSJ|PROPN|NNP|nsubj|2|wsj reported|VERB|VBD|ROOT|2|report ,|PUNCT|,|punct|2|, "
    "citing|VERB|VBG|advcl|2|cite South|ADJ|JJ|amod|6|south Korean|ADJ|JJ|amod|7|korean "
    "intelligence|NOUN|NN|dobj|4|intelligence ,|PUNCT|,|punct|2|, that|SCONJ|IN|mark|11|that "
    "15,000|NUM|CD|nsubj|11|15,000 came|VERB|VBD|ccomp|2|come .|PUNCT|.|punct|2|.",
    {"WSJ": "ORG"},
)
RELEASED = parse(
    "Figures|NOUN|NNS|nsubj|11|figure released|VERB|VBN|acl|0|release by|ADP|IN|agent|1|by "
    "Rosstat|PROPN|NNP|pobj|2|rosstat ,|PUNCT|,|punct|0|, cited|VERB|VBN|acl|0|cite by|ADP|IN|agent|5|by "
    "an|DET|DT|det|9|an RFA|PROPN|NNP|compound|9|rfa report|NOUN|NN|pobj|6|report ,|PUNCT|,|punct|0|, "
    "show|VERB|VBP|ROOT|11|show that|SCONJ|IN|mark|14|that 13,221|NUM|CD|nsubj|14|13,221 "
    "came|VERB|VBD|ccomp|11|come .|PUNCT|.|punct|11|.",
    {"Rosstat": "ORG", "RFA": "ORG"},
)
SELF = parse(
    "7,887|NUM|CD|nummod|1|7,887 people|NOUN|NNS|nsubj|2|people said|VERB|VBD|ROOT|2|say "
    "they|PRON|PRP|nsubj|4|they came|VERB|VBD|ccomp|2|come .|PUNCT|.|punct|2|."
)
ADD = parse(
    "Savings|NOUN|NNS|nsubj|1|saving add|VERB|VBP|ROOT|1|add $|SYM|$|nmod|4|$ 200|NUM|CD|compound|4|200 "
    "million|NUM|CD|dobj|1|million .|PUNCT|.|punct|1|."
)
DEFECTORS = parse(
    "Defectors|NOUN|NNS|nsubj|1|defector report|VERB|VBP|ROOT|1|report that|SCONJ|IN|mark|5|that "
    "the|DET|DT|det|4|the regime|NOUN|NN|nsubj|5|regime takes|VERB|VBZ|ccomp|1|take 90|NUM|CD|nummod|7|90 "
    "%|NOUN|NN|dobj|5|% .|PUNCT|.|punct|1|."
)
ECONOMISTS = parse(
    "Economists|NOUN|NNS|nsubj|1|economist expect|VERB|VBP|ROOT|1|expect 3|NUM|CD|nummod|3|3 "
    "%|NOUN|NN|compound|4|% growth|NOUN|NN|dobj|1|growth .|PUNCT|.|punct|1|."
)
SURVEYED = parse(
    "Analysts|NOUN|NNS|nsubj|5|analyst surveyed|VERB|VBN|acl|0|survey by|ADP|IN|agent|1|by "
    "FactSet|PROPN|NNP|pobj|2|factset had|AUX|VBD|aux|5|have expected|VERB|VBN|ROOT|5|expect "
    "$|SYM|$|nmod|7|$ 1.10|NUM|CD|dobj|5|1.10 a|DET|DT|det|9|a share|NOUN|NN|npadvmod|7|share .|PUNCT|.|punct|5|.",
    {"FactSet": "ORG"},
)
WHO = parse(
    "According|VERB|VBG|prep|6|accord to|ADP|IN|prep|0|to WHO|PROPN|NNP|pobj|1|who ,|PUNCT|,|punct|6|, "
    "3,248|NUM|CD|nummod|5|3,248 cases|NOUN|NNS|nsubjpass|7|case were|AUX|VBD|auxpass|7|be "
    "reported|VERB|VBN|ROOT|7|report .|PUNCT|.|punct|7|.",
    {"WHO": "ORG"},
)
DOCTORS = parse(
    "Hospital|NOUN|NN|compound|1|hospital doctors|NOUN|NNS|nsubj|2|doctor said|VERB|VBD|ROOT|2|say "
    "40|NUM|CD|nummod|4|40 patients|NOUN|NNS|nsubj|5|patient recovered|VERB|VBD|ccomp|2|recover .|PUNCT|.|punct|2|."
)
GUIDANCE = parse(
    "Acme|PROPN|NNP|nsubj|1|acme sees|VERB|VBZ|ROOT|1|see sales|NOUN|NNS|compound|3|sale "
    "growth|NOUN|NN|dobj|1|growth of|ADP|IN|prep|3|of 2|NUM|CD|nummod|6|2 %|NOUN|NN|pobj|4|% .|PUNCT|.|punct|1|.",
    {"Acme": "ORG"},
)
SEEING = parse(
    "Residents|NOUN|NNS|nsubj|1|resident see|VERB|VBP|ROOT|1|see 5|NUM|CD|nummod|3|5 "
    "trucks|NOUN|NNS|dobj|1|truck .|PUNCT|.|punct|1|."
)
SALES_SHOW = parse(
    "Sales|NOUN|NNS|nsubj|1|sale show|VERB|VBP|ROOT|1|show a|DET|DT|det|4|a 5|NUM|CD|nummod|4|5 "
    "%|NOUN|NN|dobj|1|% .|PUNCT|.|punct|1|."
)


@pytest.mark.parametrize(
    "doc, publisher, expected",
    [
        (ACCORDING, None, [("Russian Labor Ministry", "named")]),
        (TOLD, "Daily NK", [("A source in Russia", "anonymous")]),
        (TOLD, "Reuters", [("Daily NK", "named"), ("A source in Russia", "anonymous")]),
        (CITING, None, [("The Wall Street Journal", "named"), ("National Intelligence Service", "named")]),
        (RELEASED, None, [("Radio Free Asia", "named"), ("Federal State Statistics Service", "named")]),
        (SELF, None, []),
        (ADD, None, []),
        (DEFECTORS, None, [("Defectors", "group")]),
        (ECONOMISTS, None, [("Economists", "group")]),
        (SURVEYED, None, [("FactSet", "named")]),
        (WHO, None, [("WHO", "named")]),
        (DOCTORS, None, [("Hospital doctors", "group")]),
        (SALES_SHOW, None, []),
        (GUIDANCE, None, [("Acme", "named")]),
        (SEEING, None, []),
    ],
    ids=["according-to", "told-publisher", "told-outlet", "citing", "released-cited", "figure-as-speaker",
         "add-with-object", "group", "forecasters", "surveyed-by", "acronym-not-pronoun", "any-plural-speaker",
         "data-verb-needs-a-data-subject", "guidance", "perception"],
)
def test_chains(doc, publisher, expected):
    assert chain(doc, publisher) == expected
