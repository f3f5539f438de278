"""End to end on the seeds with the real model: what the claims say, and the gold-set figures."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kg.ingest import read_document
from kg.records import claim_records


@pytest.fixture(scope="module")
def records(extraction):
    return claim_records(extraction.claims, extraction.relations)


def find(records, document_prefix, figure):
    hits = [r for r in records if r["document"].startswith(document_prefix) and r["figure"] == figure]
    assert hits, f"no claim {figure!r} in {document_prefix}"
    return hits[0]


def test_evidence_offsets_are_exact(extraction, seeds_dir):
    texts = {p.name: p.read_text(encoding="utf-8") for p in seeds_dir.glob("*.txt")}
    for c in extraction.claims:
        text = texts[c.document]
        assert text[c.sentence.start:c.sentence.end] == c.text
        if c.figure:
            assert text[c.start:c.end] == c.figure.surface
        assert c.sentence.start <= c.start < c.end <= c.sentence.end


def test_no_claim_is_read_from_boilerplate(extraction, seeds_dir):
    docs = {p.name: read_document(p) for p in seeds_dir.glob("*.txt")}
    for c in extraction.claims:
        assert not docs[c.document].is_boilerplate(c.start, c.end), (c.document, c.text)


@pytest.mark.parametrize(
    "doc, figure, sources",
    [
        ("002", "13,221", ["Radio Free Asia", "Federal State Statistics Service"]),
        ("002", "7,887", ["Radio Free Asia", "Federal State Statistics Service"]),
        ("003", "about 15,000", ["The Wall Street Journal", "National Intelligence Service"]),
        ("001", "approximately 15,000", ["National Intelligence Service"]),
        ("001", "1.5 million", ["Russian Labor Ministry"]),
        ("003", "1.5 million", ["Russian Labor Ministry"]),
        ("003", "Around 600", ["Lee Seong-kweun", "National Intelligence Service"]),
        ("003", "7,887 times", ["Mediazona", "Border Service of the FSB"]),
        ("004", "about 15,000", []),
        ("004", "some 30,000", ["UN Security Council"]),
        ("001", "over 90%", ["Defectors"]),
    ],
)
def test_attribution_chains(records, doc, figure, sources):
    assert find(records, doc, figure)["sources"] == sources


@pytest.mark.parametrize(
    "doc, figure, time, modality",
    [
        ("002", "1,117", "2023", "reported"),
        ("002", "1,083 percent", "2024", "reported"),
        ("002", "7,887", "2024", "reported"),
        ("004", "about 15,000", "2025-04-01/2025-09-30", "asserted"),
        ("004", "an estimated 33.5 million", "2022/2023", "estimated"),
        ("003", "2.4 million", "2030", "projected"),
        ("003", "1.5 million", "2025-05-05", "reported"),
        ("001", "1.5 million", None, "reported"),
    ],
)
def test_times_and_modality(records, doc, figure, time, modality):
    r = find(records, doc, figure)
    assert (r["time"], r["modality"]) == (time, modality)


def test_damaged_figures_are_ranges(records):
    r = find(records, "004", "an estimated 33.5 million")
    assert (r["low"], r["high"], r["qualifier"]) == (3_000_000, 3_500_000, "range")
    assert r["confidence"] < 0.5
    assert find(records, "004", "$5,0006,000")["low"] == 5000


def test_the_same_count_gets_the_same_measure_across_documents(records):
    measures = {find(records, d, f)["measure"] for d, f in
                [("001", "approximately 15,000"), ("003", "about 15,000"), ("004", "about 15,000")]}
    assert len(measures) == 1 and "north-korea" in measures.pop()


def test_events_have_participants_and_times(records):
    events = [r for r in records if r["kind"] == "event"]
    signed = [r for r in events if r["event"] == "sign" and r["document"].startswith("002")]
    assert signed and {"north-korea", "russia"} & set(signed[0]["participants"]) or \
        {"vladimir-putin", "kim-jong-un"} <= set(signed[0]["participants"])
    assert signed[0]["time"] == "2024-06-01/2024-06-30"


def test_gold_set_targets(tmp_path, records, shared_dir):
    claims = tmp_path / "claims.jsonl"
    claims.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    ev = shared_dir / "eval"
    run = subprocess.run(
        [sys.executable, str(ev / "score.py"), str(claims), str(ev / "gold-dev.jsonl"),
         "--negatives", str(ev / "negatives.jsonl"), "--neutral", str(ev / "neutral.jsonl"), "--json"],
        capture_output=True, text=True, check=False,
    )
    report = json.loads(run.stdout)
    assert report["recall"] >= 0.90
    assert report["attribution"] >= 0.85
    assert report["time"] >= 0.80
    assert report["precision"] >= 0.85
    assert report["negatives_hit"] == 0
