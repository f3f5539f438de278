"""A synthetic news corpus: seeded, reproducible documents built from varied sentence patterns,
sources, figures and dates, for scale benchmarks.

    .venv/bin/python bench/synthetic.py OUT_DIR --documents 1000 [--seed 7] [--stories N]

By default every document tells one story (a few nations, places and kinds of worker, all
compared with each other). With ``--stories N`` each document tells one of N stories, each of one
nation's workers of one trade in one place, as a desk following many stories at once would hold,
told only in sentences whose figures are read as the story's own (``STORY_PATTERNS``).
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

OUTLETS = ["Daily Ledger", "Northern Courier", "Asia Wire", "Global Monitor", "Harbor Times", "Policy Review"]
SOURCES = ["the National Intelligence Service", "the Russian Labor Ministry", "Rosstat", "Reuters", "Yonhap",
           "the UN Security Council", "Radio Free Asia", "South Korean officials", "Ukrainian officials", "TASS"]
ANONYMOUS = ["a source in Russia", "a government official", "an industry insider", "a diplomat in Seoul"]
NATIONS = ["North Korean", "Chinese", "Uzbek", "Tajik", "Vietnamese"]
PLACES = ["Russia", "China", "the Far East", "Moscow", "Vladivostok"]
NOUNS = ["workers", "laborers", "students", "construction workers", "troops", "migrants"]
HEDGES = ["", "about ", "nearly ", "more than ", "roughly ", "at least ", "some ", "up to "]
#: The nations, places and trades that many stories are drawn from (``--stories``).
MORE_NATIONS = [*NATIONS, "Kenyan", "Filipino", "Nepali", "Indian", "Bangladeshi", "Indonesian", "Ukrainian", "Polish",
                "Mexican", "Brazilian", "Egyptian", "Moroccan", "Turkish", "Pakistani", "Thai"]
MORE_PLACES = [*PLACES, "Germany", "Japan", "Canada", "Qatar", "Saudi Arabia", "Italy", "Spain", "Poland", "Malaysia",
               "Singapore", "Australia", "the United Kingdom", "Dubai", "Seoul", "Osaka"]
TRADES = ["nurses", "doctors", "engineers", "teachers", "drivers", "miners", "farmers", "fishermen", "seafarers",
          "cooks", "loggers", "welders", "electricians", "caregivers", "programmers", "dockworkers", "pilots",
          "cleaners", "guards", "builders", "mechanics", "plumbers", "carpenters", "tailors", "bakers"]
FIRST = ["Anna", "Min-ji", "Oleg", "Kateryna", "James", "Hye-jin", "Sergei", "Laura"]
LAST = ["Kim", "Petrova", "Lee", "Smith", "Park", "Ivanov", "Chen", "Moreau"]

PATTERNS = [
    "{hedge}{n:,} {nation} {noun} entered {place} in {year}, {source} said.",
    "According to {source}, {hedge}{n:,} {nation} {noun} were working in {place} last year.",
    "{Source} reported on {month} {day}, citing {source2}, that {hedge}{n:,} {nation} {noun} had been sent to {place}.",
    "{Anon} told {outlet} that the number of {nation} {noun} in {place} had risen to {hedge}{n:,} by {year}.",
    "The figure rose {ratio} times from the previous year to {n:,}, {source} said.",
    "Officials estimate that between {lo:,} and {hi:,} {nation} {noun} remain in {place}.",
    "{Source} found that {pct} percent of the {noun}' wages went to the state in {year}.",
    "Revenues could exceed ${money} million a year, according to {source}.",
    "In {year}, {hedge}{n:,} {noun} arrived, while {n2:,} left, {source} said.",
]
#: Those whose figures are read as their story's own: each names its people and place, or points
#: back to a figure that does ("the figure rose ..."). The others would be compared across stories.
STORY_PATTERNS = [*PATTERNS[:6], "In {year}, {hedge}{n:,} {nation} {noun} arrived in {place}, {source} said."]


@dataclass(frozen=True)
class Story:
    """What every document of one story is about: one nation's workers of one trade in one place."""

    nation: str
    place: str
    noun: str


def stories(count: int, seed: int) -> list[Story]:
    """``count`` different stories (the same for the same seed)."""
    combinations = [Story(n, p, t) for n in MORE_NATIONS for p in MORE_PLACES for t in TRADES]
    if count > len(combinations):
        raise ValueError(f"at most {len(combinations)} stories")
    return random.Random(seed).sample(combinations, count)


def document(rng: random.Random, index: int, story: Story | None = None) -> str:
    published = date(2023, 1, 1) + timedelta(days=rng.randint(0, 900))
    author = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    nation, place = (story.nation, story.place) if story else (rng.choice(NATIONS), rng.choice(PLACES))
    lines = [f"{nation} labor in {place}: report {index}", "", f"By {author}",
             published.strftime("%B %-d, %Y"), ""]
    for _ in range(rng.randint(6, 14)):
        source, source2 = rng.sample(SOURCES, 2)
        n = rng.choice([1, 5, 8, 12, 15, 30, 100]) * 1000 + rng.randint(0, 999) * rng.choice([0, 1])
        lo = rng.choice([2, 5, 10, 15]) * 1000
        fields = {
            "hedge": rng.choice(HEDGES), "n": n, "n2": rng.randint(100, 5000), "nation": nation,
            "noun": story.noun if story else rng.choice(NOUNS), "place": place, "year": rng.randint(2015, published.year),
            "source": source, "Source": source[0].upper() + source[1:], "source2": source2,
            "month": published.strftime("%B"), "day": rng.randint(1, 28), "Anon": rng.choice(ANONYMOUS).capitalize(),
            "outlet": rng.choice(OUTLETS), "ratio": rng.choice(["nearly 12", "three", "about 2.5"]),
            "lo": lo, "hi": lo * 2, "pct": rng.choice([30, 50, 70, 90]), "money": rng.choice([200, 500, 800]),
        }
        sentence = rng.choice(STORY_PATTERNS if story else PATTERNS).format(**fields)
        lines.append(sentence[0].upper() + sentence[1:])
        lines.append("")
    lines += ["Subscribe to our newsletter for more updates.", "RECENT NEWS", "Another headline"]
    return "\n".join(lines) + "\n"


def write_corpus(out: Path, documents: int, seed: int = 7, story_count: int = 0) -> list[Path]:
    """Write ``documents`` files under ``out`` (the same files for the same seed) and return them:
    of one story, or each of one of ``story_count`` stories."""
    rng = random.Random(seed)
    told = stories(story_count, seed) if story_count else []
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(documents):
        path = out / f"doc{i:06d}.txt"
        path.write_text(document(rng, i, told[rng.randrange(len(told))] if told else None), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--documents", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--stories", type=int, default=0, help="documents each of one of this many stories")
    args = ap.parse_args()
    paths = write_corpus(args.out, args.documents, args.seed, args.stories)
    print(f"{len(paths)} documents in {args.out}")


if __name__ == "__main__":
    main()
