"""Extraction with the real model takes time in proportion to the document."""

from __future__ import annotations

import time

import pytest

from kg import ingest

from support import line_of


@pytest.mark.parametrize("shape", [
    "about 1 and ",  # one run-on sentence of figures
    "The ministry said 5 workers and 7 engineers and 9 drivers left. ",  # many sentences, many entities
    "Officials said 5 workers, ",
])
def test_extraction_is_linear_in_the_document(nlp, shape):
    """Parsing and reading claims from 40 KB of hostile text takes about 4 times as long as from 10 KB."""
    from kg import workers

    def cost(length: int) -> float:
        text = "Title of a page\n\n" + line_of(shape, length)
        doc = ingest.read_text("x.txt", text)
        start = time.perf_counter()
        workers.claims_of(nlp, [doc], 8)
        return time.perf_counter() - start

    cost(2_000)
    ratio = min(cost(40_000) / cost(10_000) for _ in range(2))
    assert ratio < 8, f"4 times the text took {ratio:.1f} times as long"
