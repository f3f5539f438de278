"""How a figure is put: the modal words and conditions on its path through the parse."""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon import DENIAL_VERBS, MODAL_VERBS, MODAL_WORDS, SPEECH_VERBS
from .aspect import sequel_clause
from .tokens import lemma

_BASELINE_WORDS = frozenset("compared than versus".split())


def modality_cues(tokens: list[Token]) -> tuple[str, ...]:
    """Hedges that govern a figure: modal verbs and adverbs on its path to the root of its clause,
    and a denial whose complement it is in.

    A figure in a comparison ("compared to the current 1.5 million") keeps its own modality, and
    so does one in a relative clause ("Orlov, who had hired dozens, now hopes to hire 300") or in
    a clause telling what happened before ("may close the plant after losing 300 customers").
    """
    if not tokens:
        return ()
    path: list[Token] = []
    node = tokens[-1]
    while True:
        path.append(node)
        if node.lower_ in _BASELINE_WORDS or node.head == node or (node.dep_ == "relcl" and node.pos_ in ("VERB", "AUX")) \
                or sequel_clause(node):
            break
        node = node.head
    cues = []
    for below, anchor in zip([None, *path], path):
        if below is not None and below.dep_ in ("ccomp", "xcomp", "pcomp") and lemma(anchor) in DENIAL_VERBS:
            cues.append("denied")  # what is denied: "denied that troops had crossed"
        # not a verb joined to it ("was approved and is expected to close": the approval is no
        # forecast), nor a comparison ("kept its rate at 27.5%, as expected")
        for t in [anchor, *(c for c in anchor.children if c.dep_ != "conj" and not _as_clause(c))]:
            word = t.lower_
            if (t.tag_ == "MD" and word in MODAL_VERBS) or word in MODAL_WORDS:
                cues.append("projected" if word == "would" and _told_before(anchor) else word)
            if t.dep_ == "mark" and word == "if":
                cues.append("if")
    return tuple(dict.fromkeys(cues))


def _as_clause(tok: Token) -> bool:
    """"as expected", "as forecast": a clause that compares what happened with what was said."""
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)


def _told_before(verb: Token) -> bool:
    """A clause reported in the past ("said on Monday it would cancel 140 sailings"), where
    "would" is the "will" of what was said: a plan or a forecast, not a condition."""
    return (verb.dep_ == "ccomp" and verb.head.tag_ in ("VBD", "VBN", "VBG") and lemma(verb.head) in SPEECH_VERBS
            and not any(c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children)
                        for c in verb.children))


def in_condition(tok: Token) -> bool:
    """True inside the "if" clause of a conditional: its figures are premises, not claims."""
    node = tok
    while node.head != node:
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "suppose") for c in node.children):
            return True
        node = node.head
    return False
