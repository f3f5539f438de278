"""Dated events with their participants: "Putin and Kim signed a treaty in June 2024"."""

from __future__ import annotations

from spacy.tokens import Span

from ..lexicon import EVENT_VERBS
from ..model import ClaimMention, Document, Source, TimeMention
from ..model import Span as TextSpan
from ..ontology import Gazetteer
from .tokens import span_text, subtree


def events(doc: Document, sent: Span, span: TextSpan, gazetteer: Gazetteer, times: list[TimeMention],
            chain: tuple[Source, ...], cues: tuple[str, ...]) -> list[ClaimMention]:
    """Dated actions with known participants: "Putin and Kim signed a treaty in June 2024"."""
    explicit = [t for t in times if not t.baseline]
    if not explicit:
        return []
    out = []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in EVENT_VERBS:
            continue
        participants: list[str] = []
        for c in tok.children:
            if c.dep_ in ("nsubj", "nsubjpass", "dobj", "agent", "prep"):
                text, _, _ = span_text(subtree(c))
                for m in gazetteer.find(text):
                    if m.key not in participants:
                        participants.append(m.key)
        if not participants:
            continue
        objs = [c for c in tok.children if c.dep_ == "dobj"]
        end_tok = objs[0] if objs else tok
        start, end = tok.idx, end_tok.idx + len(end_tok.text)
        out.append(
            ClaimMention(
                document=doc.key,
                kind="event",
                start=start,
                end=end,
                sentence=span,
                text=doc.text[span.start:span.end],
                times=tuple(explicit),
                sources=chain,
                modality_cues=cues,
                event_type=tok.lemma_.lower(),
                participants=tuple(participants),
            )
        )
        break
    return out
