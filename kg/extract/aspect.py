"""How a verb tells what it reports: whether it happened once (past, perfect, ongoing, or a
present with a time of its own), or is told as planned, possible, denied, conditional, habitual,
repeated, lasting, or as the background of another clause."""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon import (
    GENERALISING_QUANTIFIERS,
    HABITUAL_ADVERBS,
    LONG_TIME_UNITS,
    MODAL_VERBS,
    SEQUENCE_PREPOSITIONS,
    TIME_UNITS,
)
from .tokens import lemma as _lemma

ACTOR_LABELS = frozenset({"ORG", "GPE", "PERSON", "NORP", "FAC"})
SUBJECTS = ("nsubj", "nsubjpass")
#: Auxiliaries of what has not happened: the future, and what may or must happen.
_NOT_HAPPENED = MODAL_VERBS | {"will", "shall", "should", "must", "can", "'ll", "wo", "ca"}


def chain(tok: Token) -> list[Token]:
    """A verb and the verbs whose clause it completes or continues, nearest first: "persuade",
    "tried" in "tried to persuade"; "attempted", "defected" in "defected or attempted";
    "killing", "struck" in "the quake struck at dawn, killing 40"; "losing", "resigned" in
    "resigned after losing the vote"."""
    verbs = [tok]
    while True:
        last = verbs[-1]
        if sequel_clause(last):
            verbs.append(last.head.head)
        elif (last.dep_ in ("xcomp", "conj") or participle_clause(last)) and last.head.pos_ in ("VERB", "AUX") \
                and last.head != last:
            verbs.append(last.head)
        else:
            return verbs


def sequel_clause(tok: Token) -> bool:
    """A clause with no subject of its own after "after", "upon", "following" or "since" ("reached
    port after being delayed"): what it tells happened, before what the verb it hangs on tells, and
    to or by that verb's subject."""
    prep = tok.head
    return (tok.dep_ == "pcomp" and prep.dep_ == "prep" and prep.lower_ in SEQUENCE_PREPOSITIONS
            and prep.head.pos_ in ("VERB", "AUX") and not any(c.dep_ in SUBJECTS for c in tok.children))


def sequel_of(tok: Token) -> Token | None:
    """The clause after "after" (``sequel_clause``) that a token is in, or None."""
    t = tok
    while not sequel_clause(t):
        if t.head == t:
            return None
        t = t.head
    return t


def participle_clause(tok: Token) -> bool:
    """A participle that continues the clause it hangs on, with no subject or conjunction of its
    own ("..., killing 40 people"; not "after killing", "while he was killing")."""
    return tok.dep_ == "advcl" and tok.tag_ == "VBG" and not any(c.dep_ in ("mark", *SUBJECTS) for c in tok.children)


def governor(tok: Token) -> Token:
    """The verb whose clause ``tok`` completes or continues, at the top of its ``chain``."""
    return chain(tok)[-1]


#: How an auxiliary hangs on its verb.
_AUXILIARY = ("aux", "auxpass")


def auxiliaries(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ in _AUXILIARY]


#: Words that open a clause giving the background of another ("where employers welcomed them",
#: "although wages were paid").
_BACKGROUND = frozenset({"where", "although", "though"})


def modal(tok: Token) -> bool:
    """A verb told with a modal or the future ("will close", "could send", "should have left")."""
    return any(_lemma(a) in _NOT_HAPPENED or a.lower_ in _NOT_HAPPENED for a in auxiliaries(tok))


def _no_longer(tok: Token) -> bool:
    return tok.lower_ == "longer" and any(c.lower_ == "no" for c in tok.children)


def _over_years(prep: Token) -> bool:
    """A long period ("for decades", "over the centuries", "for a decade", "for 20 years"): a habit,
    not an occurrence; not a few short units, which tell how long an act's effect held ("closed
    the border for three days")."""
    if prep.dep_ == "prep" and prep.lower_ == "since":
        return True  # "have worked in Russia since 1946": a state that has lasted
    return prep.dep_ == "prep" and prep.lower_ in ("for", "over", "during", "across", "throughout") and any(
        c.dep_ == "pobj" and _lemma(c) in TIME_UNITS
        and (_lemma(c) in LONG_TIME_UNITS or (c.tag_ == "NNS" and not any(n.dep_ == "nummod" for n in c.children)))
        and (c.tag_ == "NNS" or any(d.lower_ in ("a", "an") for d in c.children))
        for c in prep.children)


#: "in some cases", "in many instances": what held for part of a group, not one occurrence.
_CASES = frozenset({"case", "instance"})
_SOME = GENERALISING_QUANTIFIERS | {"some", "several", "few", "certain", "other"}


def _in_some_cases(prep: Token) -> bool:
    return prep.dep_ == "prep" and prep.lower_ == "in" and any(
        c.dep_ == "pobj" and c.tag_ == "NNS" and _lemma(c) in _CASES
        and any(q.dep_ in ("det", "amod") and q.lower_ in _SOME for q in c.children) for c in prep.children)


def _repeated(tok: Token) -> bool:
    """A count of occurrences ("crossed the border 7,887 times", "was fined twice"): a tally."""
    return any((c.dep_ == "npadvmod" and _lemma(c) == "time" and any(g.dep_ == "nummod" for g in c.children))
               or (c.dep_ == "advmod" and c.lower_ in ("twice", "thrice")) for c in tok.children)


def _habitual(verb: Token) -> bool:
    """An adverb of habit on the verb, or on a verb of the same clause that shares its subject
    ("checked visas frequently but lost interest", where the parse hangs "frequently" on "lost");
    not one inside a noun's phrase or a clause of its own ("the minister, who often travels")."""
    for adverb in verb.subtree:
        if adverb.dep_ != "advmod" or _lemma(adverb) not in HABITUAL_ADVERBS:
            continue
        t = adverb.head
        while t != verb and t.pos_ in ("VERB", "AUX") and not any(c.dep_ in SUBJECTS for c in t.children):
            t = t.head
        if t == verb:
            return True
    return False


def unreal(t: Token) -> bool:
    """Whether a verb's own words say it did not happen once: planned, possible, denied,
    conditional, habitual, repeated, lasting, or the background of another clause."""
    children = list(t.children)
    if modal(t) or any(c.dep_ == "neg" for c in children) or _habitual(t):
        return True
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in children):
        return True
    if any(_over_years(c) or _in_some_cases(c) or _no_longer(c) for c in children):
        return True
    return _repeated(t) or any(c.dep_ in ("advmod", "mark") and c.lower_ in _BACKGROUND for c in children)


def done_by(tok: Token) -> bool:
    """A participle that names who did it to the noun it follows ("an email sent by chairman
    Marcelo Claure", "figures released by the Federal Statistics Service"): an occurrence told in
    passing. Not when the doer is only described ("a tactic used by employers"): a practice."""
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and any(
        c.dep_ == "agent" and any(g.dep_ == "pobj" and g.ent_type_ in ACTOR_LABELS for g in c.children)
        for c in tok.children)


def tense(tok: Token) -> str | None:
    """How a verb places what it reports: "past" ("dispatched", "was reported", "had left"),
    "perfect" ("has signed"), "progressive" ("is negotiating", "were working"), "present"
    ("holds"), or None when it has not happened or is not told as happening (planned, possible,
    denied, conditional, habitual, lasting)."""
    verbs = chain(tok)
    if any(unreal(t) for t in verbs):
        return None
    if done_by(tok):  # told in passing: as real as the clause that tells it ("could be a tactic used by ...")
        verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
        return None if verb is not None and any(unreal(t) for t in chain(verb)) else "past"
    for t in verbs:  # the nearest verb that shows its tense decides
        auxes = auxiliaries(t)
        if t.tag_ == "VBD":
            return "past"
        if t.tag_ == "VBN" and not auxes and t.dep_ in ("ROOT", "ccomp") and any(
                c.dep_ == "nsubj" and not any(g.dep_ == "case" for g in c.children) for c in t.children):
            # "Floodwaters swept through the city": a past tense the tagger read as a participle (not
            # "the company's recently named chair", a possessive read as a subject)
            return "past"
        if t.tag_ in ("VBN", "VBG") and auxes and not all(a.tag_ in ("VBG", "VBN") for a in auxes):
            tags = {a.tag_ for a in auxes}
            if tags & {"VBD"}:
                return "past" if t.tag_ == "VBN" else "progressive"  # "were working": a background
            if any(_lemma(a) == "have" for a in auxes):
                return "perfect"
            return "progressive" if t.tag_ == "VBG" else "present"
        if t.tag_ in ("VBZ", "VBP"):
            return "present"
    return None
