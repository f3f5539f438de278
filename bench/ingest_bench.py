"""End-to-end build speed against the NLP floor: words per second of ``kg build`` work
(parse, extract, normalise, reconcile, write) against bare ``nlp.pipe`` over the same texts,
with the same model and batch size, in one process; and the cost of reading the files (HTML
extraction, chrome rules, metadata) and of the extraction rules run on the parse (figures, frames,
attribution, time, normalisation) as shares of the parse.

    .venv/bin/python bench/ingest_bench.py [PATH ...] [--repeat 3]

Default input: seeds/ (repeated so each run parses at least 50,000 words).
"""

from __future__ import annotations

import argparse
import time

import spacy

from kg import extract, ingest, normalize, pipeline, refresh
from kg.config import Settings
from kg.ontology import Gazetteer
from kg.store import GraphStore
from kg.workers import InProcess


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", default=["seeds"])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--min-words", type=int, default=50_000)
    args = ap.parse_args()
    settings = Settings()
    paths = ingest.discover(args.paths)[0]
    docs = [ingest.read_document(p) for p in paths]
    raw = [(p.name, p.read_bytes(), ingest.MEDIA_TYPES.get(p.suffix.lower(), "text/plain")) for p in paths]
    words = sum(len(d.text.split()) for d in docs)
    copies = max(1, -(-args.min_words // words))
    # Distinct keys so every copy is a document of its own.
    corpus = [d.__class__(**{**d.__dict__, "key": f"{i}-{d.key}"}) for i in range(copies) for d in docs]
    total_words = words * copies

    bare = spacy.load(settings.model)
    ours = extract.load_model(settings.model)
    texts = [d.text for d in corpus]

    def floor() -> float:
        t0 = time.perf_counter()
        for _ in bare.pipe(texts, batch_size=settings.batch_size):
            pass
        return time.perf_counter() - t0

    def parse_only() -> float:
        t0 = time.perf_counter()
        for _ in ours.pipe(texts, batch_size=settings.batch_size):
            pass
        return time.perf_counter() - t0

    def reading() -> float:
        t0 = time.perf_counter()
        for _ in range(copies):
            for name, data, media in raw:
                ingest.read_bytes(name, data, media_type=media)
        return time.perf_counter() - t0

    parsed = list(ours.pipe(texts, batch_size=settings.batch_size))
    gazetteer = Gazetteer.load()

    def rules() -> float:
        t0 = time.perf_counter()
        for doc, tokens in zip(corpus, parsed):
            normalize.normalize(extract.extract(doc, tokens, gazetteer), doc)
        return time.perf_counter() - t0

    def build() -> float:
        store = GraphStore.memory()
        t0 = time.perf_counter()
        pipeline.write_documents(store, InProcess(settings, ours).extract(corpus))
        refresh.refresh(store, settings, changed=True)
        return time.perf_counter() - t0

    floor(), build()  # warm up caches and lazy loads
    stages = [("bare nlp.pipe", floor), ("our pipeline's parse", parse_only), ("kg build (in memory)", build)]
    # The stages take turns, round after round, so the machine's drift over minutes falls on all of
    # them alike; each keeps its best round.
    rounds = [{name: fn() for name, fn in stages} for _ in range(args.repeat)]
    results = {name: min(r[name] for r in rounds) for name, _ in stages}
    base = total_words / results["bare nlp.pipe"]
    print(f"{len(corpus)} documents, {total_words} words, model {settings.model}, batch {settings.batch_size}")
    print(f"{'stage':<24} {'seconds':>8} {'words/s':>9} {'ratio':>6}")
    for name, seconds in results.items():
        rate = total_words / seconds
        print(f"{name:<24} {seconds:>8.2f} {rate:>9.0f} {rate / base:>6.2f}")
    read = min(reading() for _ in range(args.repeat))
    parse = results["our pipeline's parse"]
    print(f"reading the files: {read:.2f} s, {read / parse:.3f} of the parse")
    reading_rules = min(rules() for _ in range(args.repeat))
    print(f"extraction rules on the parse (extract + normalize): {reading_rules:.2f} s, "
          f"{reading_rules / parse:.3f} of the parse")
    extra = results["kg build (in memory)"] - results["our pipeline's parse"]
    print(f"work beyond the parse: {extra:.2f} s for {copies} copies of the input, {extra / copies:.3f} s per copy")


if __name__ == "__main__":
    main()
