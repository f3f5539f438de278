"""Events: who did what, when, from the parse, for any story.

A trigger is a verb that reports an occurrence: a finite verb in the past or perfect ("dispatched",
"has been boarding"), or in the present with a time of its own ("holds a hearing Wednesday"),
whose subject can act (``actors``); or a participle that names who did it to the noun it follows
("an email sent by chairman Marcelo Claure").

Not events: states ("has", "remains"), speech that only attributes ("said", "added"), habits
("frequently invest"), what is planned, possible or denied ("will cut", "could send", "did not
sign"), and clauses that only describe a noun ("those who entered"). A verb that says an action
began or was tried ("began cracking down", "tried to persuade") gives way to the action; a verb of
level whose object names an act ("reached an agreement") tells that act, and has its type.

Nor are patterns over a group ("many workers came"), tallies ("crossed the border 7,887 times"),
actions said not to be done ("failed to share"), and what someone is chosen or urged to do.

The type of an event comes from a small general taxonomy of its verb (``lexicon.EVENT_TYPES``);
participants are the alias-table entities named in the subject, object and agent; its place is
the alias-table place of a phrase of place on the trigger ("arrived in Russia"); its time is that of
its own clause ("reported its third case on Sunday", "announced Nov. 18 that ..."), or of the telling
for what is told as going on then ("announced Nov. 18 that it was adding"), else the sentence's
(not a period the act covers: "reported sales for the quarter"). Several events
may come from one sentence, and sentences that carry figures too: an event carries the figures of
its own clause ("deployed 3,000 troops"). The evidence span is the trigger.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Span, Token

from ..lexicon import (
    ACT_NOUNS,
    ACTING_ORG_NOUNS,
    AGENT_SUFFIXES,
    ARGUMENT_PREPOSITIONS,
    ASPECT_VERBS,
    CAUSE_VERBS,
    CLOCK_TIME,
    COMMIT_VERBS,
    ENDING_VERBS,
    EVENT_TYPE_OF,
    FREEING_VERBS,
    INTENT_VERBS,
    LEVEL_VERBS,
    MESSAGE_NOUNS,
    OBJECTLESS_ACTS,
    OBJECTLESS_SPEECH,
    ORG_HEADS,
    OUTDO_VERBS,
    PAYING_VERBS,
    PERSON_NOUNS,
    PHRASAL_EVENT_TYPES,
    SPEECH_VERBS,
    STATIVE_VERBS,
    SUPPORT_VERBS,
    TIME_UNITS,
    TITLE_NOUNS,
    UNDONE_VERBS,
    VAGUE_NOW,
    VERDICT_WORDS,
    VOICED_NOUNS,
    WRITTEN_NOUNS,
)
from ..model import Actor, ClaimMention, Document, Source, TimeMention
from ..model import Span as TextSpan
from ..ontology import Gazetteer
from .actors import (
    CAUSED_KINDS,
    befell,
    by_role,
    doer,
    finite_on_noun,
    generalised,
    make_actor,
    outlet,
    participants,
    particle,
    phrasal,
    relative,
    writer,
)
from .aspect import ACTOR_LABELS as _ACTOR_LABELS
from .aspect import SUBJECTS as _SUBJECTS
from .aspect import chain as _chain
from .aspect import done_by as _done_by
from .aspect import governor as _governor
from .aspect import modal as _modal
from .aspect import sequel_clause as _sequel_clause
from .aspect import tense as _tense
from .aspect import unreal as _unreal
from .modality import modality_cues
from .names import Names
from .tokens import lemma as _lemma
from .tokens import path, span_text, subtree, when_itself

#: Speech that only attributes what follows ("said", "added"): never an event itself.
_ATTRIBUTING = SPEECH_VERBS - set(EVENT_TYPE_OF)


def _trigger(tok: Token) -> bool:
    """Whether a verb can report an occurrence at all (before its tense and subject are read)."""
    if tok.pos_ != "VERB" or tok.dep_ in ("amod", "compound", "csubj") or (tok.dep_ == "pcomp" and not _sequel_clause(tok)):
        return False
    if tok.dep_ == "acl" and not _done_by(tok) and not finite_on_noun(tok) and not _told_of(tok):
        return False  # "those who entered", "plans to expand": a noun described, not an occurrence
    if tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN"):
        return False  # "frequently changed employers, and secured ...": a participle read into a list of nouns
    lemma = _lemma(tok)
    if lemma in ASPECT_VERBS and not (lemma in SUPPORT_VERBS and _named_act(tok) is not None) \
            and not _ends_a_thing(tok) and phrasal(tok) is None:
        return False  # "began cracking down": the cracking down is the event; "began talks" is one; "set up" is
    if lemma in STATIVE_VERBS or (lemma in _ATTRIBUTING and not _finds_guilty(tok)):
        return False
    if lemma in SPEECH_VERBS and any(c.dep_ == "xcomp" for c in tok.children):
        return False  # "reported issuing 8,600 visas": the issuing is the event
    if lemma in INTENT_VERBS or _measures(tok) or (lemma in LEVEL_VERBS and lemma not in EVENT_TYPE_OF
                                                   and particle(tok) is None and _named_act(tok) is None):
        return False  # "the number of arrivals rose": a figure's level, not an occurrence
    if _purpose(tok):
        return False  # "hired an executive to lead its ad business", "raised prices to offset costs"
    t = tok
    while t.dep_ in ("xcomp", "conj") and t.head != t:  # "are believed to have entered", "plans to spend"
        governed, t = t.dep_ == "xcomp", t.head
        if governed and (_lemma(t) in STATIVE_VERBS or _lemma(t) in INTENT_VERBS or _lemma(t) in COMMIT_VERBS
                         or _lemma(t) in _ATTRIBUTING or _lemma(t) in UNDONE_VERBS or _ends_a_thing(t)):
            return False
    if lemma in OBJECTLESS_SPEECH and not any(c.dep_ == "dobj" for c in tok.children):
        return False  # "the group added that ...": speech, not an addition
    clause = _governor(tok)
    if _done_by(clause) or finite_on_noun(clause):
        return True
    if clause.dep_ in ("relcl", "acl"):  # "the lander that the company unveiled", not "those who entered"
        return _told_of(clause) or befell(clause, lemma) or _aside_on_a_name(clause)
    return clause.dep_ not in ("csubj", "pcomp", "amod")


def _purpose(tok: Token) -> bool:
    """An infinitive that tells what another act was for, not that it happened: a clause of
    purpose ("raised prices to offset costs"), or one after an object that is not made or
    helped to do it ("hired an executive to lead the business"; not "forced residents to flee", nor
    what was announced: "announced the selection of five companies to join the program")."""
    if tok.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    if tok.dep_ == "advcl":
        return True
    head = tok.head
    return (tok.dep_ == "xcomp" and _lemma(head) not in CAUSE_VERBS and _lemma(head) not in SPEECH_VERBS
            and any(c.dep_ == "dobj" for c in head.children))


def _ends_a_thing(tok: Token) -> bool:
    """Ending or stopping something that is not an act or a stretch of time ("ended its cheapest
    plan", "stopped production"), or a doing ("stopped hiring engineers", "ceased trading"): a
    decision of its own, not "ended the year" or "ended up breaking ranks"; what was stopped did
    not happen then."""
    children = list(tok.children)
    return _lemma(tok) in ENDING_VERBS and not any(c.dep_ == "prt" for c in children) and any(
        (c.dep_ == "dobj" and c.pos_ == "NOUN" and c.tag_ != "VBG" and _lemma(c) not in TIME_UNITS)
        or (c.dep_ == "xcomp" and c.tag_ == "VBG") for c in children)


def _told_of(clause: Token) -> bool:
    """A clause on a noun with a subject of its own, which tells what someone did to the noun
    ("the lander that the company unveiled"), not what the noun is or does ("those who entered")."""
    subject = next((c for c in clause.children if c.dep_ in _SUBJECTS), None)
    return subject is not None and not relative(subject)


def _aside_on_a_name(clause: Token) -> bool:
    """A clause set off by a comma after a name, whose relative pronoun is its subject ("Prime
    Minister Ishiba, who called the vote in October, ..."): what the named one did, told in
    passing; not a clause that picks out whom it means ("those who entered")."""
    subject = next((c for c in clause.children if c.dep_ in _SUBJECTS), None)
    name = clause.head
    return (subject is not None and relative(subject) and subject.i > 0 and clause.doc[subject.i - 1].text == ","
            and name.pos_ == "PROPN" and name.ent_type_ in _ACTOR_LABELS)


def _named_act(tok: Token) -> str | None:
    """The verb of the act a verb's object names ("reached an agreement": agree), which makes a
    verb of level or a light verb an occurrence."""
    return next((verb for c in tok.children if c.dep_ == "dobj" and (verb := _event_noun(c)) is not None), None)


def _kind(tok: Token) -> str | None:
    """The type of the event a verb tells, from its frame: a statement when its object is
    something written or voiced ("sent a letter", "raised concerns"), a legal act when it finds
    someone guilty or liable, a contest's when a result is had over a rival ("beat Bayern 2-1", not
    "beat estimates"), none for letting go of what is not a person ("which a judge dismissed"), legal for
    setting a person free ("the suspect was released"), economic for paying out money ("released
    $5 million"), that of what a vote decides ("voted to suspend the law"), a statement for
    welcoming what is not someone ("welcomed the ruling"); else its own, or that of the act its
    object names."""
    children, lemma = list(tok.children), _lemma(tok)
    with_particle = phrasal(tok)
    if with_particle is not None:
        return PHRASAL_EVENT_TYPES[with_particle]  # "stepped down", "called off the strike"
    if any(c.dep_ == "dobj" and (_lemma(c) in MESSAGE_NOUNS or _lemma(c) in VOICED_NOUNS) for c in children):
        return "statement"  # "sent a letter", "raised concerns"
    if _finds_guilty(tok):
        return EVENT_TYPE_OF["convict"]
    if lemma in OUTDO_VERBS and any(c.dep_ in ("dobj", "npadvmod") and (
            c.ent_type_ in _ACTOR_LABELS or c.pos_ == "PROPN") for c in children):
        return EVENT_TYPE_OF["defeat"]
    if lemma in OBJECTLESS_ACTS and not any(c.dep_ == "dobj" for c in children):
        return EVENT_TYPE_OF[OBJECTLESS_ACTS[lemma]]
    act = _named_act(tok)
    if lemma in SUPPORT_VERBS and act is not None:
        return EVENT_TYPE_OF.get(act)
    voted = next((_lemma(c) for c in children if c.dep_ == "xcomp" and _lemma(c) in EVENT_TYPE_OF), None)
    if lemma == "vote" and voted is not None:
        return EVENT_TYPE_OF[voted]  # "the panel voted to suspend the law": a decision of its kind
    if EVENT_TYPE_OF.get(lemma) == "personnel" and any(c.dep_ == "dobj" and not _a_person(c) for c in children):
        return None  # "a judge dismissed the case", "a lawsuit, which a judge dismissed": no one let go
    if lemma == "welcome" and any(c.dep_ == "dobj" and not _someone(c) for c in children):
        return "statement"  # "welcomed the ruling": a reaction, not a reception
    if _ends_a_thing(tok) and act is None:
        return EVENT_TYPE_OF["halt"]  # "ended its cheapest plan"
    if lemma in PAYING_VERBS and any(c.dep_ == "dobj" and c.ent_type_ == "MONEY" for c in children):
        return EVENT_TYPE_OF["fund"]  # "released $5 million from its emergency fund": money, not news
    if lemma in FREEING_VERBS and any(c.dep_ in ("dobj", "nsubjpass") and _a_person(c) for c in children):
        return EVENT_TYPE_OF["detain"]  # "the suspect was released on bail": set free, not published
    return EVENT_TYPE_OF.get(lemma) or EVENT_TYPE_OF.get(act or "")


def _a_person(tok: Token) -> bool:
    """Whether a noun may name a person: a name, a noun for people or one that ends as nouns for
    doers do ("the reporter"), a title ("its chief executive"), or a personal pronoun; not a
    thing ("the case") or "which"."""
    lemma = _lemma(tok)
    return (tok.ent_type_ == "PERSON" or lemma in PERSON_NOUNS or lemma in TITLE_NOUNS or lemma.endswith(AGENT_SUFFIXES)
            or tok.lower_ in ("him", "her", "them", "whom") or tok.pos_ == "PROPN")


def _someone(tok: Token) -> bool:
    """A person, or a body of people: a name of one, or a noun for one ("the delegation")."""
    return _a_person(tok) or tok.ent_type_ in _ACTOR_LABELS or _lemma(tok) in ACTING_ORG_NOUNS | ORG_HEADS


def _finds_guilty(tok: Token) -> bool:
    """A finding of guilt or liability ("the jury found him guilty"): a legal act, not a report."""
    return any(c.lower_ in VERDICT_WORDS for c in tok.children)


def _measures(tok: Token) -> bool:
    """Whether a verb only carries an amount as its object ("earned $2.8 billion", "rose 3%"): a
    figure claim, not an occurrence."""
    if EVENT_TYPE_OF.get(_lemma(tok)) in ("statement", "legal"):
        return False  # "reported $2.53 in per-share earnings" is a report, "fined them $40 million" a legal act
    # "smuggled 300 migrants", which the model can read as a quantity, moved people
    # ("yields hit 4.2%": the amount read as an adverbial)
    return any(c.dep_ in ("dobj", "npadvmod") and c.ent_type_ in ("MONEY", "PERCENT", "QUANTITY")
               and _lemma(c) not in PERSON_NOUNS for c in tok.children)


def _told_as_happened(tok: Token, dated: bool) -> bool:
    """Past events always; a perfect or ongoing one ("has signed", "is investigating") when dated
    or of a known type; the simple present only with a time of its own ("holds a public hearing
    Wednesday")."""
    tense = _tense(tok)
    if tense == "past":
        return True
    if tense in ("perfect", "progressive"):
        return dated or _lemma(tok) in EVENT_TYPE_OF
    return tense == "present" and dated


def _sources(tok: Token, told_by: Callable[[int, int], tuple[Source, ...]]) -> tuple[Source, ...]:
    return told_by(tok.idx, tok.idx + len(tok.text))


def _own_report(agent: str | None, entity: str | None, chain: tuple[Source, ...]) -> tuple[Source, ...]:
    """The chain of an event that is itself a report ("the ministry reported ...", "a U.N.
    investigation found ..."): its author is its agent, not its source."""
    if not chain or not agent:
        return chain
    words, label = agent.lower(), chain[-1].label.lower()
    same = label in words or words in label or (entity is not None and entity == chain[-1].entity)
    return chain[:-1] if same else chain


def events(doc: Document, sent: Span, span: TextSpan, gazetteer: Gazetteer, times: list[TimeMention],
           roots: Sequence[Token | None], told_by: Callable[[int, int], tuple[Source, ...]],
           cues: tuple[str, ...], names: Names = Names(),
           inherited: TimeMention | None = None, figures: Sequence[tuple[int, int]] = ()) -> list[ClaimMention]:
    """The events a sentence reports, each with its participants, agent, time and sources;
    ``told_by`` gives the attribution links that speak for a span of the sentence (the whole
    chain, or in a report inside a report those of its clause), ``names`` are the document's
    ``Names``, ``inherited`` the time of an earlier sentence that this one continues, ``figures``
    the spans of the sentence's figures (an event carries those of its own clause)."""
    explicit = tuple(t for t in times if not t.baseline and not t.reporting)
    clause_of = clauses_of_times(times, roots)
    dated = any(t.text.lower() not in VAGUE_NOW for t in explicit)
    carried = _clause_figures(sent, figures)
    out: list[ClaimMention] = []
    told: set[int] = set()  # the verbs told as events
    for tok in sent:
        if not _trigger(tok) or not _told_as_happened(tok, dated):
            continue
        agent, lemma = doer(tok, gazetteer, names), _lemma(tok)
        if agent is None or generalised(agent) or (lemma in SPEECH_VERBS and outlet(agent, gazetteer, names)):
            continue
        # What a clause after "after" tells happened before the time of the clause it hangs on.
        sequel = _sequel_clause(tok)
        own = _own_times(tok, times, clause_of) or (() if sequel else _shared_times(tok, times, clause_of, explicit))
        lead, roles = by_role(tok, agent, gazetteer, names)
        if any(e.trigger == lemma and e.actors == roles for e in out):
            continue  # "defected or attempted to defect": one action told twice
        # The evidence is the trigger with its particle ("cracked down"), never the figures beside it.
        particle = next((c for c in tok.children if c.dep_ == "prt" and c.i == tok.i + 1), None)
        end_tok = particle if particle is not None else tok
        told.add(tok.i)
        out.append(
            ClaimMention(
                document=doc.key,
                kind="event",
                start=tok.idx,
                end=end_tok.idx + len(end_tok.text),
                sentence=span,
                text=doc.text[span.start:span.end],
                times=tuple(when_itself(t, [tok]) for t in own),
                inherited_time=None if own or sequel else inherited,
                subject=lead.name,
                # "X said after holding talks": the text tells the talks, not X
                sources=() if sequel and _lemma(tok.head.head) in SPEECH_VERBS
                else _own_report(span_text(subtree(agent))[0], None, _sources(tok, told_by)) if lemma in SPEECH_VERBS
                else _sources(tok, told_by),
                # the simple present with a time of its own is a schedule ("meets on April 16")
                modality_cues=(*_cues(tok, cues), *(("scheduled",) if _tense(tok) == "present" else ())),
                trigger=lemma,
                event_type=_kind(tok),
                participants=tuple(participants(tok, gazetteer)),
                actors=roles,
                figure_spans=carried.get(tok.i, ()),
                place=_place(tok, gazetteer),
            )
        )
    dates = [t for t in times if not t.baseline and not CLOCK_TIME.fullmatch(t.text)]
    for tok in sent if dates else ():
        verb = _event_noun(tok)
        if verb is None or _told_as_unreal(tok) or _acted_on(tok, told):
            continue
        last = tok.right_edge
        in_phrase = [t for t in dates if tok.left_edge.idx <= t.start and t.end <= last.idx + len(last.text)]
        if not in_phrase:
            continue
        named = next((c for c in tok.children if c.dep_ in ("compound", "poss", "amod")
                      and c.ent_type_ in ("ORG", "PERSON", "NORP", "GPE")), None) or writer(tok)
        # "a U.N. investigation" is the U.N.'s; "the concert hall attack" is not the hall's.
        role = "patient" if EVENT_TYPE_OF.get(verb) in CAUSED_KINDS and (named is None or named.dep_ != "poss") \
            else "agent"
        actors: tuple[Actor, ...] = (make_actor(role, named, gazetteer, names),) if named is not None else ()
        agent_name = actors[0].name if actors and role == "agent" else None
        out.append(ClaimMention(
            document=doc.key, kind="event", start=tok.idx, end=tok.idx + len(tok.text), sentence=span,
            text=doc.text[span.start:span.end], times=tuple(in_phrase), subject=agent_name,
            # "The email sent on Monday said ...": an event that is itself the source is not its own source
            sources=_own_report(agent_name or tok.text, actors[0].entity if agent_name else None, _sources(tok, told_by)),
            modality_cues=_cues(tok, cues), trigger=verb, event_type=EVENT_TYPE_OF.get(verb),
            participants=tuple(dict.fromkeys(m.key for m in gazetteer.find(span_text(subtree(tok))[0]))), actors=actors,
        ))
    return out


#: What a trigger's own path adds to its sentence's hedges: a plan or a possibility there is no
#: occurrence at all (``aspect.unreal``), but an allegation or a denial keeps one.
_OWN_CUES = frozenset({"reportedly", "allegedly", "purportedly", "denied"})


def _cues(tok: Token, sentence: tuple[str, ...]) -> tuple[str, ...]:
    """The hedges of an event: the sentence's (not for a relative clause, which the sentence's
    hedges do not reach), and an allegation or denial on its trigger's own path ("allegedly
    smuggled", "denied that troops had crossed")."""
    own = tuple(c for c in modality_cues([tok]) if c in _OWN_CUES)
    if any(t.dep_ == "relcl" for t in path(tok)):
        return own  # "Vizcarra, who denied the charges, plans to appeal": the denial is not planned
    return tuple(dict.fromkeys((*sentence, *own)))


def clauses_of_times(times: Sequence[TimeMention], roots: Sequence[Token | None]) -> list[int | None]:
    """The index of the verb each time expression (with its root in the parse) dates ("reported
    it on Sunday"), or None: not a span of the parse, one that dates a noun on the way ("the
    earnings of the third quarter"), or a period the act covers rather than its time ("reported
    earnings for the third quarter")."""
    out: list[int | None] = []
    for t, root in zip(times, roots):
        verb = None
        if root is not None and not (root.dep_ == "pobj" and root.head.lower_ == "for"):
            tok = root.head
            while tok.head != tok and tok.pos_ not in ("VERB", "AUX", "NOUN", "PROPN", "NUM", "PRON"):
                tok = tok.head
            verb = tok.i if tok.pos_ in ("VERB", "AUX") and not t.start <= tok.idx < t.end else None
        out.append(verb)
    return out


def _own_times(tok: Token, times: Sequence[TimeMention], clause_of: Sequence[int | None]) -> tuple[TimeMention, ...]:
    """The times of a trigger's own clause, even one the attribution reads as the time of the
    telling ("announced Nov. 18 that ...": the announcing's); for what is told as going on when it
    was said, those of the telling ("announced Nov. 18 that it was adding")."""
    clause = _governor(tok)
    teller = clause.head if clause.dep_ == "ccomp" and _tense(tok) in ("progressive", "present") else None
    for verb in (tok, teller):
        own = tuple(t for t, at in zip(times, clause_of) if verb is not None and at == verb.i and not t.baseline)
        if own:
            return own
    return ()


def _shared_times(tok: Token, times: Sequence[TimeMention], clause_of: Sequence[int | None],
                  explicit: Sequence[TimeMention]) -> tuple[TimeMention, ...]:
    """The sentence's times that a trigger without one of its own takes: not those of a clause
    that tells what has not happened ("was approved by both boards and is expected to close in
    2025", "... and will close in 2025"); "arrested him and charged him on Monday" shares its Monday."""
    return tuple(t for t, at in zip(times, clause_of) if t in explicit and (at is None or not _not_yet(tok.doc[at])))


def _not_yet(verb: Token) -> bool:
    """A verb told as planned, expected or possible, by itself or by the verbs it completes."""
    return any(_modal(v) or (v != verb and _lemma(v) in INTENT_VERBS) for v in _chain(verb))


#: Prepositions that say where an action took place, or where it went ("arrived in Kursk", "fled to Chad").
_WHERE = frozenset({"in", "at", "near", "to", "into", "inside", "outside", "across", "off", "from"})


def _place(tok: Token, gazetteer: Gazetteer) -> str | None:
    """The alias-table place or country where an action took place, or where it went: the first
    named in a phrase of place on the trigger ("signed in Geneva", "arrived in Russia")."""
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in _WHERE):
        for pobj in (g for g in prep.children if g.dep_ == "pobj" and g.ent_type_ in ("GPE", "LOC", "FAC")):
            key = gazetteer.resolve(span_text(subtree(pobj))[0])
            if key and gazetteer.type(key) in ("country", "place"):
                return key
    return None


def _clause_figures(sent: Span, figures: Sequence[tuple[int, int]]) -> dict[int, tuple[tuple[int, int], ...]]:
    """The spans of a sentence's figures by the verb whose clause holds them ("deployed 3,000
    troops": the figure is the deploying's; "said 40 people died": the dying's)."""
    out: dict[int, list[tuple[int, int]]] = {}
    for start, end in figures:
        span = sent.doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        t = span.root
        while t.head != t and t.pos_ not in ("VERB", "AUX"):
            t = t.head
        out.setdefault(t.i, []).append((start, end))
    return {i: tuple(spans) for i, spans in out.items()}


def _told_as_unreal(noun: Token) -> bool:
    """Whether an event noun is told as what has not happened: the object of a planned, possible
    or denied action ("will be divulged in a meeting on Friday", "can vie ..., helping to pave the
    way for the return of astronauts by 2024"). A noun that is a clause's subject is presupposed
    ("the 2024 attack will be investigated"); reported speech is read on its own."""
    t = noun
    while t.head != t and t.dep_ not in _SUBJECTS and t.dep_ not in ("ccomp", "parataxis"):
        t = t.head
        if t.pos_ in ("VERB", "AUX") and _unreal(t):
            return True
    return False


#: Prepositions that use an event as a point in time ("after the 2019 ban").
_TEMPORAL_PREPOSITIONS = frozenset({"after", "before", "since", "until", "beyond", "following", "despite", "amid",
                                    "during", "prior"})
#: Endings by which a noun names the act of a verb ("investigation", "agreement", "signing").
_NOUN_ENDINGS = (("ation", "ate"), ("ion", "e"), ("ion", ""), ("ment", ""), ("ing", ""), ("al", ""), ("", ""))


def _acted_on(noun: Token, told: set[int]) -> bool:
    """A noun that a verb told as an event acts on or describes ("an email sent by the chairman",
    "signed the agreement on Monday", "agreed to a ceasefire on Wednesday"): part of that event,
    not another; not one that places it ("arrested him after the attack", "signed it at the summit")."""
    prep = noun.head
    return (noun.dep_ in ("dobj", "nsubjpass") and noun.head.i in told) or any(
        c.dep_ == "acl" and c.i in told for c in noun.children) or (
        noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.i in told and prep.lower_ in ARGUMENT_PREPOSITIONS)


def _event_noun(tok: Token) -> str | None:
    """The verb of an event a noun names, dated in its own phrase ("a March 2024 U.N.
    investigation", "the 2024 concert hall attack", "an Oct. 26 letter"): a noun of a verb of the
    taxonomy (``ACT_NOUNS`` for those no ending derives: "talks", "a deal"), or a written
    communication."""
    if tok.pos_ != "NOUN" or tok.dep_ in ("compound", "npadvmod"):
        return None
    if tok.dep_ == "pobj" and tok.head.lower_ in _TEMPORAL_PREPOSITIONS:
        return None  # "stayed beyond the 2019 ban": a point of reference, not a report
    word = tok.lower_
    if word in WRITTEN_NOUNS:
        return word
    if word in ACT_NOUNS:
        return ACT_NOUNS[word]
    for ending, verb_ending in _NOUN_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            verb = word[: len(word) - len(ending)] + verb_ending
            if verb in EVENT_TYPE_OF and verb not in LEVEL_VERBS:
                return verb
    return None
