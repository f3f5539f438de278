"""The pipeline around the real model: reference marks and the alias ruler."""

from __future__ import annotations


def test_a_reference_mark_is_split_from_the_word_before_it(read_text):
    claims, _ = read_text("The mill shut in 1998.[3] About 400 workers lost their jobs that year.")
    assert any(m.text.startswith("About 400 workers") for m in claims)


def test_alias_names_match_in_any_case_and_acronyms_only_as_written(nlp):
    doc = nlp("Editors at daily nk and the NIS said the nis figure was old.")
    found = [(e.text, e.ent_id_) for e in doc.ents if e.ent_id_]
    assert ("daily nk", "daily-nk") in found and ("NIS", "nis") in found
    assert not any(text == "nis" for text, _ in found)
