"""Hand-written parses for unit tests of extraction rules, so they need no statistical model."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

VOCAB = spacy.blank("en").vocab


def parse(spec: str, ents: dict[str, str] | None = None) -> Doc:
    """Tokens as ``word|POS|TAG|dep|head|lemma``, heads as token indexes; ``ents`` maps words to labels."""
    rows = [t.split("|") for t in spec.split()]
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(words) and words[i + 1] not in {",", ".", "'s"} for i in range(len(words))]
    iob, previous = [], None
    for w in words:
        label = (ents or {}).get(w)
        iob.append("O" if not label else ("I-" if previous == label else "B-") + label)
        previous = label
    return Doc(
        VOCAB, words=words, spaces=spaces, pos=[r[1] for r in rows], tags=[r[2] for r in rows],
        deps=[r[3] for r in rows], heads=[int(r[4]) for r in rows], lemmas=[r[5] for r in rows],
        sent_starts=[True] + [False] * (len(rows) - 1), ents=iob,
    )
