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


def test_the_pipeline_tags_exactly_as_the_model_does(nlp, seeds_dir):
    """The attribute rules run by table lookup give every token the tag, part of speech,
    morphology and lemma that the model's own attribute ruler gives."""
    import spacy

    from kg.config import Settings
    from kg.extract import load_model

    assert nlp.get_pipe_meta("attribute_ruler").factory == "kg_attribute_table"
    stock = load_model(Settings().model)
    stock.replace_pipe("attribute_ruler", "attribute_ruler")
    stock.get_pipe("attribute_ruler").add_patterns(spacy.load(Settings().model).get_pipe("attribute_ruler").patterns)
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))] + [
        "Y'all ain't gonna believe it: there's a ferry that's gotta sail, c'mon, let's go!",
        "Whom did the regulators fine?  They'd fined 3 banks\n\nand the banks ain't paid.",
    ]
    for text in texts:
        ours, theirs = nlp(text), stock(text)
        assert [(t.tag_, t.pos_, str(t.morph), t.lemma_) for t in ours] == \
               [(t.tag_, t.pos_, str(t.morph), t.lemma_) for t in theirs]
