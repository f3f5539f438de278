"""Web pages through the real model: languages it does not read, and kg text."""

from __future__ import annotations

import json
from pathlib import Path

from kg.ingest import read_document

from support import COMMENTS, RELATED, page


def test_a_page_in_another_language_keeps_its_metadata_and_gets_no_claims(nlp, tmp_path: Path, caplog):
    from kg import pipeline
    from kg.config import Settings

    german = """<p>Die Hafenbehörde teilte am Dienstag mit, dass etwa 4.300 Container am Terminal festgehalten
    wurden, doppelt so viele wie üblich.</p><p>Die Reedereien erwarten, dass der Rückstau innerhalb von zehn
    Tagen abgebaut ist, wie die Behörde mitteilte, die im vergangenen Jahr 1,2 Millionen Container abfertigte.</p>"""
    path = tmp_path / "de.html"
    path.write_bytes(page(lang="de", article=german))
    doc = read_document(path)
    assert doc.language == "de" and doc.publisher == "Harbour Times"
    result = pipeline.extract_claims([path], Settings(), nlp=nlp)
    assert result.claims == [] and "does not read" in caplog.text


def test_kg_text_prints_what_claim_offsets_point_into(tmp_path: Path):
    from click.testing import CliRunner

    from kg.cli import main

    path = tmp_path / "port.html"
    path.write_bytes(page(before=RELATED, after=COMMENTS))
    runner = CliRunner()
    text = runner.invoke(main, ["text", str(path)]).stdout
    meta = json.loads(runner.invoke(main, ["text", "--json", str(path)]).stdout)
    assert meta["publisher"] == "Harbour Times" and meta["characters"] == len(text)
    claims = [json.loads(line) for line in runner.invoke(main, ["extract", str(path)]).stdout.splitlines()]
    assert {c["figure"] for c in claims} >= {"about 4,300", "1.2 million", "up to nine"}
    assert all(text[c["start"] : c["end"]] == c["figure"] for c in claims if c["kind"] == "figure")
    events = [c for c in claims if c["kind"] == "event"]
    assert events and all(text[c["start"] : c["end"]].strip() and text[c["start"] : c["end"]] in c["text"]
                          for c in events)  # an event's span is its trigger, inside its sentence
