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
