"""Reconciliation time per claim at N, 2N and 4N synthetic claims (flat means blocking works).

    .venv/bin/python bench/reconcile_bench.py [--n 5000] [--seed 7]

Claims are drawn from a fixed mix of measures, owners, years, hedges and sources, so the
blocks grow with the corpus the way a news feed's do.
"""

from __future__ import annotations

import argparse
import gc
import random
import time
from datetime import date

from kg.independence import independent_sources, roots, single_source_stories
from kg.model import Claim, Figure, Source, Span, TimeScope
from kg.reconcile import _candidates, reconcile

MEASURES = ["arrival", "worker", "troop", "visa", "shortage", "pay:percent", "company", "case", "death", "vote"]
OWNERS = ["north-korea", "russia", "china", "any", "ukraine", "south-korea", "acme", "europe"]
HEDGES = [("exact", ""), ("approx", "about "), ("approx", "nearly "), ("at_least", "more than "), ("at_most", "up to ")]
SOURCES = ["National Intelligence Service", "Rosstat", "Russian Labor Ministry", "Reuters", "Yonhap", "TASS",
           "Mediazona", "UN Security Council", "Defectors", "Daily NK"]


def synthetic_claims(n: int, seed: int) -> list[Claim]:
    rng = random.Random(seed)
    claims = []
    for i in range(n):
        measure = f"{rng.choice(OWNERS)}:{rng.choice(MEASURES)}"
        base = rng.choice([1_000, 8_000, 15_000, 30_000, 100_000, 1_500_000])
        value = round(base * rng.uniform(0.85, 1.15))
        qualifier, hedge = rng.choice(HEDGES)
        surface = f"{hedge}{value:,}"
        y = rng.randint(2015, 2025)
        chain = tuple(Source(s, entity=s.lower().replace(" ", "-")) for s in rng.sample(SOURCES, rng.randint(0, 2)))
        claims.append(Claim(
            document=f"doc{i // 8:06d}.txt", kind="figure", start=i, end=i + len(surface), sentence=Span(i, i + 80),
            text=surface, figure=Figure(surface, i, i + len(surface), value, qualifier=qualifier, unit="person"),
            measure=measure, time=TimeScope(str(y), str(y), date(y, 1, 1), date(y, 12, 31)), sources=chain,
        ))
    return claims


def measure(n: int, seed: int, repeat: int = 3) -> tuple[float, int, int]:
    claims = synthetic_claims(n, seed)
    pairs = sum(1 for _ in _candidates(claims))
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        relations = reconcile(claims)
        root = roots(claims)
        independent_sources(claims, relations, root)
        single_source_stories(claims, relations, root)
        best = min(best, time.perf_counter() - t0)
    return best, len(relations), pairs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rows = []
    for factor in (1, 2, 4):
        n = args.n * factor
        seconds, relations, pairs = measure(n, args.seed)
        rows.append((n, seconds, relations, pairs, seconds / n * 1e6, seconds / pairs * 1e6))
    base, base_pair = rows[0][4], rows[0][5]
    base_verdict = rows[0][1] / rows[0][2] * 1e6
    print(f"{'claims':>8} {'seconds':>9} {'verdicts':>9} {'pairs/claim':>11} {'verdicts/claim':>14} {'us/claim':>9} "
          f"{'ratio':>6} {'us/pair':>8} {'ratio':>6} {'us/verdict':>10} {'ratio':>6}")
    for n, seconds, relations, pairs, per, per_pair in rows:
        per_verdict = seconds / relations * 1e6
        print(f"{n:>8} {seconds:>9.3f} {relations:>9} {pairs / n:>11.1f} {relations / n:>14.2f} {per:>9.1f} "
              f"{per / base:>6.2f} {per_pair:>8.2f} {per_pair / base_pair:>6.2f} {per_verdict:>10.2f} "
              f"{per_verdict / base_verdict:>6.2f}")


if __name__ == "__main__":
    main()
