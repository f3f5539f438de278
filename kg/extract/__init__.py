"""(Document, parsed spaCy Doc) -> claim mentions. The only package that imports spaCy.

Extraction finds spans and relations; it does not read values (``normalize`` does). For each
sentence outside boilerplate it finds:

- figures: numbers in any written form with their hedge and unit words (``figures``);
- time expressions (``times``);
- the attribution chain, carried to the next sentences while the text continues the same
  report (``attribution``);
- what each figure measures, where, and the sentence's hedges (``frames``);
- dated events with their participants (``events``).
"""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..currencies import currency
from ..lexicon import SCALES
from ..model import ClaimMention, Document, Frame, Source, TimeMention
from ..model import Span as TextSpan
from ..ontology import Gazetteer
from .aspect import sequel_of
from .attribution import CONDITIONAL, CONTINUATION, Attribution, SourceReader, quoted
from .events import clauses_of_times, events
from .figures import find_figures, says_something, scrape_damage
from .frames import FrameReader
from .modality import in_condition, modality_cues
from .names import Names
from .nlp import MAX_LENGTH, MAX_SENTENCE, load_model, parse, reads_language
from .owners import place
from .times import find_times
from .tokens import describes_other_noun, superlative_since, time_roots, when_itself

__all__ = ["MAX_LENGTH", "SourceReader", "extract", "find_figures", "find_times", "load_model", "parse",
           "reads_language", "scrape_damage"]

log = logging.getLogger(__name__)


def extract(doc: Document, parsed: Doc, gazetteer: Gazetteer) -> list[ClaimMention]:
    """Every claim mention of one parsed document, in text order."""
    damaged = scrape_damage(doc.text)
    reader = SourceReader(doc, gazetteer)
    frames = FrameReader(gazetteer)
    headings = sorted(b.start for b in doc.boilerplate if b.kind in ("heading", "header"))
    line_breaks = [m.start() for m in re.finditer("\n", doc.text)]
    too_long = 0
    mentions: list[ClaimMention] = []
    carried: tuple[Source, ...] = ()
    carried_paragraph = -1
    last_times: list[TimeMention] = []
    last_times_paragraph = -1
    paragraph_no, previous_line = 0, -1
    section = 0
    previous_figure_line = -1
    speakers: list[tuple[int, int, Attribution]] = []  # sentences that name their own source
    names = Names.of(parsed)
    parsed_text = parsed.text  # built from the tokens on each read: read once
    for sent in parsed.sents:
        raw = parsed_text[sent.start_char:sent.end_char]
        stripped = raw.strip()
        if not stripped:
            continue
        s_start = sent.start_char + (len(raw) - len(raw.lstrip()))
        s_end = s_start + len(stripped)
        text = stripped
        if doc.boilerplate_in(s_start, s_end) * 2 > s_end - s_start:  # mostly boilerplate
            continue
        if s_end - s_start > MAX_SENTENCE:
            too_long += 1
            continue
        new_section = bisect.bisect_left(headings, s_start)
        if new_section != section:
            section, carried, last_times = new_section, (), []
        paragraph = bisect.bisect_left(line_breaks, s_start)
        if paragraph != previous_line:
            paragraph_no, previous_line = paragraph_no + 1, paragraph
        figures = [f for f in find_figures(text, s_start)
                   if not doc.is_boilerplate(f.start, f.end) and not _in_a_name(parsed, f.start, f.end)
                   and not _an_age(parsed, f.start, f.end)]
        if figures and not says_something(text, [(f.start - s_start, f.end - s_start) for f in figures]):
            figures = []  # a table cell or a bare "Two.": no words say what the figures are
        times = [superlative_since(parsed, t) for t in find_times(text, s_start, figures)]
        spans = [(f.start, f.end) for f in figures]
        attribution = reader.read(sent, spans)
        if attribution:
            times = [replace(t, reporting=attribution.covers(t.start, t.end)) for t in times]
            # "according to two people familiar with the matter": a count of the sources, not a claim
            figures = [f for f in figures if not any(a <= f.start and f.end <= b for a, b in attribution.named)]
            speakers.append((s_start, s_end, attribution))
        lead = text.lstrip()
        conditional = bool(CONDITIONAL.match(lead))
        if attribution:
            chain = attribution.chain
            # Only reporting of figures sets what later figures inherit: an aside such as
            # "Experts suggest ..." does not interrupt a run of figures from one report.
            if figures and attribution.carries:
                carried, carried_paragraph = attribution.outer, paragraph
            elif figures:
                carried = ()
        elif carried and not conditional and not _someone_else(sent, carried) and (
            paragraph == carried_paragraph or CONTINUATION.match(lead)
        ):
            chain = carried
            carried_paragraph = paragraph
        else:
            chain = ()
            if paragraph != carried_paragraph:
                carried = ()
        sentence_cues = modality_cues([sent.root])
        # A sentence without a time of its own is read in the time of the last one, within the
        # same or the next paragraph.
        near = last_times and paragraph_no - last_times_paragraph <= 1
        inherited = None if times else (last_times[-1] if near else None)
        frames.sentence(sent, new_paragraph=paragraph != previous_figure_line)
        roots = time_roots(parsed, times)
        for f in figures:
            span = parsed.char_span(f.start, f.end, alignment_mode="expand")
            tokens = list(span) if span is not None else []
            if tokens and in_condition(tokens[0]):
                continue
            frame, unit = frames.read(tokens, f.unit_text) if tokens else (
                Frame(reason="the figure is not a span of the parse"), None)
            where = frames.located(place(tokens, gazetteer, frames.measured) if tokens else None)
            # not a time of another clause's noun, nor one on the other side of "after"
            # ("will cut 500 jobs after posting a loss last year": last year's is the loss)
            own_times = [when_itself(t, tokens) for t, root in zip(times, roots)
                         if root is None or not (describes_other_noun(root, tokens)
                                                 or (tokens and sequel_of(root) != sequel_of(tokens[0])))]
            previous_figure_line = paragraph
            mentions.append(
                ClaimMention(
                    document=doc.key,
                    kind="figure",
                    start=f.start,
                    end=f.end,
                    sentence=TextSpan(s_start, s_end),
                    text=text,
                    figure=replace(f, unit_text=f.unit_text or unit),
                    subject=frame.thing,
                    subject_entity=frame.owner_entity,
                    frame=frame,
                    times=tuple(own_times),
                    inherited_time=inherited,
                    place=where,
                    sources=chain if attribution is None else attribution.chain_at(f.start, f.end),
                    modality_cues=modality_cues(tokens),
                    damaged_text=damaged,
                )
            )
        told_by = attribution.chain_at if attribution is not None else (lambda _start, _end: chain)
        mentions.extend(events(doc, sent, TextSpan(s_start, s_end), gazetteer, times, roots, told_by, sentence_cues,
                               names, inherited, spans))
        explicit = [t for t in times if not t.baseline and not t.reporting]
        if explicit:
            # What a next sentence continues ("... hours later") is the main clause's time, not
            # that of a clause inside it ("voted on Monday to ban stoves from 2026": Monday).
            main = [t for t, verb in zip(times, clauses_of_times(times, roots))
                    if t in explicit and verb is not None and _main_clause(parsed[verb])]
            last_times, last_times_paragraph = main or explicit, paragraph_no
    mentions = quoted(doc.text, mentions, speakers)
    if too_long:
        log.warning("%s: %d sentences of more than %d characters were not read for claims", doc.key, too_long,
                    MAX_SENTENCE)
    return mentions


#: Entities that act, named as the subject of a sentence.
_ACTOR_ENTITIES = frozenset({"ORG", "PERSON", "GPE", "NORP"})
#: Entities whose names may hold a number ("Windows 11", "a Boeing 737", "Section 230").
_NAMES_WITH_NUMBERS = frozenset({"PRODUCT", "LAW", "WORK_OF_ART"})


def _in_a_name(parsed: Doc, start: int, end: int) -> bool:
    """A number that is part of a name, as the model's entities read it: not a count. A number
    of millions or of a currency is an amount whatever the entity ("fined Google 2.4 billion
    euros", where the model reads "Google 2.4 billion" as a product)."""
    span = parsed.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.like_num and t.ent_type_ in _NAMES_WITH_NUMBERS for t in span) and not any(
        t.lower_ in SCALES or currency(t.lower_) is not None for t in span)


def _someone_else(sent: Span, sources: tuple[Source, ...]) -> bool:
    """A sentence whose subject names someone other than the sources of the report before it
    ("Northbridge finished seventh", after what a rival club said): the writer's own, not more
    of that report; "Orlov now hopes to hire 300", after what Orlov said, goes on with it."""
    names = {w.lower() for s in sources for w in re.findall(r"\w+", f"{s.label} {s.phrase}")}
    for subject in (c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")):
        # the subject's name, or one set beside it ("An independent expert, Professor Sarah Lane")
        named = [t for t in (subject, *(a for a in subject.children if a.dep_ == "appos"))
                 if t.pos_ == "PROPN" or t.ent_type_ in _ACTOR_ENTITIES]
        if named and not any(t.lower_ in names for t in named):
            return True
    return False


def _an_age(parsed: Doc, start: int, end: int) -> bool:
    """A bare number set beside a name between commas: the person's age ("Alves, 21, scored"),
    which describes who is meant and is not a claim."""
    span = parsed.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1 or not span[0].like_num or span[0].dep_ != "appos":
        return False
    number, doc = span[0], parsed
    return (number.head.pos_ == "PROPN" and 0 < number.i < len(doc) - 1
            and doc[number.i - 1].text == "," and doc[number.i + 1].text in (",", ")"))


def _main_clause(verb: Token) -> bool:
    """The verb of a sentence's main clause, or one joined to it ("voted and signed")."""
    root = verb.sent.root
    return verb == root or (verb.dep_ == "conj" and verb.head == root)
