"""The pipeline around the model: sentence starts set before the parser, and the alias ruler."""

from __future__ import annotations

import pytest
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


def test_a_reference_mark_is_split_from_the_word_before_it(read_text):
    claims, _ = read_text("The mill shut in 1998.[3] About 400 workers lost their jobs that year.")
    assert any(m.text.startswith("About 400 workers") for m in claims)


@pytest.mark.e2e
def test_alias_names_match_in_any_case_and_acronyms_only_as_written(nlp):
    doc = nlp("Editors at daily nk and the NIS said the nis figure was old.")
    found = [(e.text, e.ent_id_) for e in doc.ents if e.ent_id_]
    assert ("daily nk", "daily-nk") in found and ("NIS", "nis") in found
    assert not any(text == "nis" for text, _ in found)
