"""Extraction on texts written for the tests, in phrasings the seeds do not use (real model)."""

from __future__ import annotations

import pytest

from kg import pipeline
from kg.config import Settings
from kg.records import claim_records

DEPORTATIONS = """China deports hundreds of North Korean defectors, rights group says

By Maria Chen
March 3, 2025

Chinese authorities repatriated as many as 600 North Koreans in the first week of October, Human Rights Watch said on Friday, citing testimony from relatives.

The group estimated that between 2,000 and 3,000 North Koreans remain in detention in China. According to South Korea's Unification Ministry, 236 defectors reached the South in 2024, down from 196 the previous year.

Officials in Seoul said the number of arrivals could rise to more than 300 this year. Pyongyang earned roughly $1.2 billion from overseas workers last year, a United Nations panel found.

Subscribe to our newsletter for more updates.
"""

CHILDREN = """# Russia says 40,000 Ukrainian children were moved, Kyiv puts figure at 19,546

*Reuters* | 12 June 2024

Ukraine's government says 19,546 children have been deported to Russia since February 2022. Moscow disputes the number: Russian officials told TASS that about 40,000 children had been "evacuated" from conflict zones.

A Yale University study published in February found at least 6,000 children had passed through 43 camps. The report said nearly two-thirds of the camps were in Crimea.

Kyiv has managed to bring back 388 children, presidential adviser Daria Herasymchuk said on Monday. The European Parliament estimates the cost of the program at up to €50 million a year.
"""

STRIKE = """Harbour strike halts container traffic

ROTTERDAM, Netherlands, April 7, 2025 (Reuters) - Dock workers at the country's largest port walked out on Monday, and the port authority said 4.1 billion euros of cargo a week was at risk.

Traffic through the terminals fell to 180 ships last week, the fewest since 2009. Union leaders rejected the operators' offer, saying that 2,400 jobs would go by 2027.

Port director Anneke Vos met the unions in The Hague on Tuesday. About 35 vessels were waiting at anchor, she said.
"""


@pytest.fixture(scope="module")
def records(tmp_path_factory, nlp):
    folder = tmp_path_factory.mktemp("unseen")
    (folder / "deportations.txt").write_text(DEPORTATIONS, encoding="utf-8")
    (folder / "children.md").write_text(CHILDREN, encoding="utf-8")
    (folder / "strike.txt").write_text(STRIKE, encoding="utf-8")
    result = pipeline.extract_claims([folder], Settings(), nlp=nlp)
    return {(r["document"], r["figure"]): r for r in claim_records(result.claims, result.relations)}


@pytest.mark.parametrize(
    "doc, figure, value, low, high, qualifier, time, sources",
    [
        ("deportations.txt", "as many as 600", 600, None, None, "at_most", "2024-10-01/2024-10-31", ["Human Rights Watch"]),
        ("deportations.txt", "between 2,000 and 3,000", None, 2000, 3000, "range", "2024-10-01/2024-10-31", ["Human Rights Watch"]),
        ("deportations.txt", "236", 236, None, None, "exact", "2024", ["Unification Ministry"]),
        ("deportations.txt", "196", 196, None, None, "exact", "2023", ["Unification Ministry"]),
        ("deportations.txt", "more than 300", 300, None, None, "at_least", "2025", ["Officials in Seoul"]),
        ("deportations.txt", "roughly $1.2 billion", 1.2e9, None, None, "approx", "2024", ["United Nations"]),
        ("children.md", "19,546", 19546, None, None, "exact", "2022-02-01/2024-06-12", ["Ukraine"]),
        ("children.md", "about 40,000", 40000, None, None, "approx", None, ["TASS", "Russian officials"]),
        ("children.md", "at least 6,000", 6000, None, None, "at_least", None, ["Yale University"]),
        ("children.md", "nearly two-thirds", 200 / 3, None, None, "approx", None, ["Yale University"]),
        ("children.md", "388", 388, None, None, "exact", "2024-06-10", ["Daria Herasymchuk"]),
        ("children.md", "up to €50 million", 5e7, None, None, "at_most", None, ["European Parliament"]),
        # the wire dateline dates the story and names no one
        ("strike.txt", "4.1 billion euros", 4.1e9, None, None, "exact", "2025-04-07", ["port authority"]),
        # "the fewest since 2009": what the figure is compared with, not when it holds
        ("strike.txt", "180", 180, None, None, "exact", "2025-03-31/2025-04-06", []),
        # a participle of saying speaks for its clause's subject
        ("strike.txt", "2,400", 2400, None, None, "exact", "2027", ["Union leaders"]),
        # "she said": the person the sentence before had for its subject
        ("strike.txt", "About 35", 35, None, None, "approx", "2025-04-01", ["Anneke Vos"]),
    ],
)
def test_unseen_phrasings(records, doc, figure, value, low, high, qualifier, time, sources):
    r = records[(doc, figure)]
    assert (r["value"], r["low"], r["high"], r["qualifier"]) == (
        pytest.approx(value) if value is not None else None, low, high, qualifier)
    if time is not None:
        assert r["time"] == time
    assert r["sources"] == sources


def test_no_claims_from_the_newsletter_prompt_or_the_headline(records):
    assert not [k for k in records if k[1] in ("40,000", "19,546") and k[0] == "children.md" and records[k]["start"] < 120]
    assert all("newsletter" not in r["text"] for r in records.values())


def test_scaled_figures_are_the_numbers_written(records):
    assert records[("strike.txt", "4.1 billion euros")]["value"] == 4_100_000_000
