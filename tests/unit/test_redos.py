"""Every text rule runs in time linear in its input, however hostile the scraped line.

Each module-level pattern of the reading and extraction stages is fed 100 KB lines built from its
own literals and from shapes known to make backtracking engines quadratic, and the same shapes at
10 KB, in the same run. A linear rule takes about 10 times as long on the longer line (as the
linear scan ``\\S+`` does); a quadratic one about 100 times. The bound is a ratio, so it holds on
a slow machine or a fast one.
"""

from __future__ import annotations

import re
import time

import pytest

from kg import dateline, ingest, normalize, units, webpage
from kg.extract import attribution, figures, frames, times
from kg.extract import nlp as pipeline

from support import line_of

LENGTH = 100_000
#: How much longer a rule may take on a line 10 times as long (linear: about 10; quadratic: 100).
MAX_GROWTH = 30
#: Repeated pieces, and (head, piece) pairs: one opening followed by a long run that never closes it.
SHAPES: list[str | tuple[str, str]] = [
    "( / ", "[A", "![", "](", "http://", "1,", "a", " ", "(1/1 ", "go to ", "comments ", "stand behind ", "x@", ".",
    "-", "'", "\"", "·", "Photo ", "share ", ("(", " /"), ("(", "·"), ("[", "PHOTO "), ("![", "]("), ("http://", "x"),
    ("Log in ", "x "), ("<", "a"), ("\"", "a"),
]
BASELINE = re.compile(r"\S+")


def patterns() -> list[tuple[str, re.Pattern[str]]]:
    found = []
    for module in (ingest, webpage, dateline, figures, times, attribution, frames, pipeline, normalize, units):
        for name, value in sorted(vars(module).items()):
            if isinstance(value, re.Pattern):
                found.append((f"{module.__name__}.{name}", value))
    return found


def hostile_pieces(pattern: re.Pattern[str]) -> list[str | tuple[str, str]]:
    """What hostile lines repeat: the pattern's own words and symbols, alone and spaced, and known shapes."""
    literals = list(dict.fromkeys(re.findall(r"[A-Za-z]{2,}|[^\sA-Za-z\\\[\]^$*+?{}|()]", pattern.pattern)))
    return [*literals[:12], *(w + " " for w in literals[:12] if len(w) > 1), *SHAPES]


def per_call(fn, line: str) -> float:  # type: ignore[no-untyped-def]
    """Seconds one call of ``fn(line)`` takes, repeated until the measurement is long enough to trust."""
    calls, start = 0, time.perf_counter()
    while True:
        fn(line)
        calls += 1
        elapsed = time.perf_counter() - start
        if elapsed > 0.002 or calls >= 1_000:
            return elapsed / calls


def growth(fn, piece: str | tuple[str, str]) -> float:  # type: ignore[no-untyped-def]
    """How many times longer ``fn`` takes on a ``LENGTH`` line than on one a tenth as long: the best
    of three times of each, so a busy machine slowing one measurement does not decide."""
    long, short = line_of(piece, LENGTH), line_of(piece, LENGTH // 10)
    return min(per_call(fn, long) for _ in range(3)) / min(per_call(fn, short) for _ in range(3))


def test_the_linear_scan_grows_tenfold():
    """The yardstick: a linear scan does take about 10 times as long on 10 times the text."""
    assert 3 < growth(BASELINE.findall, "word ") < MAX_GROWTH


@pytest.mark.parametrize("name, pattern", patterns(), ids=[n for n, _ in patterns()])
def test_rule_is_linear_on_hostile_lines(name, pattern):
    def rule(s: str) -> None:
        pattern.search(s)
        pattern.match(s)

    worst, worst_piece = max((growth(rule, piece), piece) for piece in hostile_pieces(pattern))
    assert worst < MAX_GROWTH, f"{name}: 10 times the line {worst_piece!r}… took {worst:.0f} times as long"


@pytest.mark.parametrize("shape", ["( / ", ("(", " /"), ("![", "]("), "http://x", "go to ", "Log in comments ",
                                   "stand behind ", "a@", ("[", "PHOTO ")])
def test_reading_a_document_of_hostile_lines_is_linear(shape):
    """The whole reader (chrome rules, bylines, dates) on a 100 KB line against one of 10 KB."""
    def read(line: str) -> None:
        ingest.read_bytes("x.txt", ("Title line\n\n" + line).encode())

    assert growth(read, shape) < MAX_GROWTH


@pytest.mark.parametrize("piece", ["Republic of the ", "United ", "Saint ", "North Korean ", "Kenyan", "KENYA ",
                                   "Democratic Republic of ", ("the ", "Republic of ")])
def test_finding_the_alias_tables_names_is_linear(piece):
    """Every country's names and demonyms in one scan of a hostile line."""
    from kg.ontology import Gazetteer

    gazetteer = Gazetteer.load()
    assert growth(lambda s: (gazetteer.find(s), gazetteer.nationality(s)), piece) < MAX_GROWTH
