"""Events: who did what, when, from the parse, for any story.

A trigger is a verb of a general taxonomy of news events (``lexicon.EVENT_TYPES``: statements,
agreements, meetings, movement, attacks, legal steps, economic results, personnel, policy,
disasters, elections) with an actor around it: a named entity, an alias-table entity, a noun
phrase or a personal pronoun. The agent is the subject ("North Korea dispatched 12,000
soldiers"; a conjoined verb shares it), the passive subject or agent; participants are the
alias-table entities named in the subject, object and agent. Several events may come from one
sentence, and sentences that carry figures too. The evidence span is the trigger itself.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..lexicon import EVENT_TYPE_OF, EVENT_VERBS
from ..model import ClaimMention, Document, Source, TimeMention
from ..model import Span as TextSpan
from ..ontology import Gazetteer
from .tokens import span_text, subtree

_ACTOR_LABELS = frozenset({"ORG", "GPE", "PERSON", "NORP", "FAC"})
def _actors(tok: Token, gazetteer: Gazetteer) -> tuple[list[str], str | None]:
    """Entity keys named around a trigger, and the agent's name as written."""
    keys: list[str] = []
    agent = None
    children = list(tok.children)
    if tok.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in children):
        # "deployed troops and evacuated towns": a conjoined verb shares its first verb's subject
        children += [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    for c in children:
        if c.dep_ not in ("nsubj", "nsubjpass", "dobj", "agent", "dative"):
            continue
        words = subtree(c)
        text = span_text(words)[0]
        found = [m.key for m in gazetteer.find(text)]
        named = [t for t in words if t.ent_type_ in _ACTOR_LABELS]
        actor = found or named or c.pos_ in ("NOUN", "PROPN") or c.lower_ in ("he", "she", "they", "we")
        if c.dep_ in ("nsubj", "agent", "nsubjpass") and actor:
            agent = agent or text
        for key in found:
            if key not in keys:
                keys.append(key)
    return keys, agent


def events(doc: Document, sent: Span, span: TextSpan, gazetteer: Gazetteer, times: list[TimeMention],
           chain: tuple[Source, ...], cues: tuple[str, ...]) -> list[ClaimMention]:
    """The events a sentence reports, each with its participants, agent, time and sources."""
    explicit = tuple(t for t in times if not t.baseline and not t.reporting)
    out = []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in EVENT_VERBS or tok.dep_ in ("amod", "compound"):
            continue
        if any(c.dep_ == "neg" for c in tok.children):
            continue
        participants, agent = _actors(tok, gazetteer)
        if not participants and agent is None:
            continue
        # The evidence is the trigger with its particle ("cracked down"), never the figures beside it.
        particle = next((c for c in tok.children if c.dep_ == "prt" and c.i == tok.i + 1), None)
        end_tok = particle if particle is not None else tok
        out.append(
            ClaimMention(
                document=doc.key,
                kind="event",
                start=tok.idx,
                end=end_tok.idx + len(end_tok.text),
                sentence=span,
                text=doc.text[span.start:span.end],
                times=explicit,
                subject=agent,
                sources=chain,
                modality_cues=cues,
                event_type=tok.lemma_.lower(),
                event_kind=EVENT_TYPE_OF.get(tok.lemma_.lower()),
                participants=tuple(participants),
            )
        )
    return out
