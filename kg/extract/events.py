"""Events: who did what, when, from the parse, for any story.

A trigger is a verb that reports an occurrence: a finite verb in the past or perfect ("dispatched",
"has been boarding"), or in the present with a time of its own ("holds a hearing Wednesday"),
whose subject can act: a named entity, an alias-table entity, a pronoun for a person, or a noun for
people or an organisation ("officials", "the company"); or a participle that names who did it to
the noun it follows ("an email sent by chairman Marcelo Claure"). A passive takes its agent, else whom it
happened to ("a third case was reported"). Attacks and disasters may have any cause as their
subject ("the storm destroyed 300 homes").

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

from collections.abc import Sequence

from spacy.tokens import Span, Token

from ..lexicon import (
    ACTING_ORG_NOUNS,
    ACTOR_PRONOUNS,
    AGENT_SUFFIXES,
    ANONYMOUS_NOUNS,
    ASPECT_VERBS,
    COMMIT_VERBS,
    EVENT_TYPE_OF,
    GENERALISING_QUANTIFIERS,
    GROUP_NOUNS,
    HUMAN_VERBS,
    INTENT_VERBS,
    LEVEL_VERBS,
    MESSAGE_NOUNS,
    NEWS_NAME_WORDS,
    NEWS_NOUNS,
    OBJECTLESS_SPEECH,
    ORG_HEADS,
    OUTDO_VERBS,
    PERSON_NOUNS,
    SPEECH_VERBS,
    STATIVE_VERBS,
    UNDONE_VERBS,
    VAGUE_NOW,
    VERDICT_WORDS,
    WRITTEN_NOUNS,
)
from ..model import Actor, ClaimMention, Document, Source, TimeMention
from ..model import Span as TextSpan
from ..ontology import Gazetteer
from .aspect import ACTOR_LABELS as _ACTOR_LABELS
from .aspect import SUBJECTS as _SUBJECTS
from .aspect import auxiliaries as _auxiliaries
from .aspect import done_by as _done_by
from .aspect import governor as _governor
from .aspect import participle_clause as _participle_clause
from .aspect import tense as _tense
from .aspect import unreal as _unreal
from .names import PHRASE_STOPS, Names, phrase
from .tokens import lemma as _lemma
from .tokens import span_text, subtree, when_itself

#: Speech that only attributes what follows ("said", "added"): never an event itself.
_ATTRIBUTING = SPEECH_VERBS - set(EVENT_TYPE_OF)
#: Causes that are not actors but can be the subject of an attack or disaster.
_CAUSED_KINDS = frozenset({"attack", "disaster"})
_ACTOR_NOUNS = PERSON_NOUNS | ORG_HEADS | ANONYMOUS_NOUNS | ACTING_ORG_NOUNS | {n.rstrip("s") for n in GROUP_NOUNS}


def _acts(tok: Token, gazetteer: Gazetteer, names: Names) -> bool:
    """Whether a subject can act: an entity (named as one here or elsewhere in the document, or
    in the alias table), a person's pronoun, or a noun for people or an organisation."""
    lemma = _lemma(tok)
    if tok.lower_ in ACTOR_PRONOUNS or tok.ent_type_ in _ACTOR_LABELS or lemma in _ACTOR_NOUNS:
        return True
    if tok.tag_ == "NNS" and len(lemma) >= 5 and lemma.endswith(AGENT_SUFFIXES):
        return True  # "hikers", "investors", "censors" (not "number" or "water")
    if tok.pos_ == "PRON":
        return False
    if tok.pos_ == "PROPN" and tok.tag_ in ("NNP", "NNPS") and not tok.ent_type_ and tok.text[:1].isupper() \
            and not tok.is_sent_start:
        return True  # a name the model's NER missed ("The Lakers traded ...")
    return tok.text in names.words or (tok.text[:1].isupper() and bool(gazetteer.find(tok.text)))


def _subject(tok: Token) -> Token | None:
    """The subject of a verb, or of the verb it completes or continues; for a clause on a noun
    whose relative pronoun is its subject ("workers who were informed"), that noun. Three slips
    of the parser are read through: a subject hung on the verb's auxiliary ("He had, according to
    X, killed ..."), a finite verb hung on its subject as if it described it ("after an outbreak
    of plague killed a couple"), and a name hung elsewhere right before a verb in the past that
    has no subject ("in October, SoftBank, its largest investor, committed ...")."""
    t = tok
    while True:
        subject = next((c for c in t.children if c.dep_ in _SUBJECTS and not _in_dateline(c)), None) or next(
            (g for a in _auxiliaries(t) for g in a.children if g.dep_ in _SUBJECTS), None)
        if subject is None and _finite_on_noun(t):
            return t.head
        if subject is not None and t.dep_ == "relcl" and _relative(subject):
            return t.head
        if subject is None and t.tag_ == "VBD" and t.dep_ in ("ROOT", "advcl", "ccomp"):
            return _name_before(t)
        if subject is None and _participle_clause(t) and EVENT_TYPE_OF.get(_lemma(tok)) in _CAUSED_KINDS:
            t = t.head  # "the quake struck at dawn, killing 40 people": the harm is the quake's
            continue
        if subject is not None or t.dep_ not in ("xcomp", "conj") or t.head == t:
            return subject
        t = t.head


def _relative(tok: Token) -> bool:
    """A relative pronoun ("who", "which", "that")."""
    return tok.tag_ in ("WP", "WDT") or tok.lower_ == "that"


def _name_before(verb: Token) -> Token | None:
    """The name that ends right before a verb, past an apposition set off by commas ("SoftBank,
    its largest investor, committed"), when the parser hung it on something else: the verb's
    subject."""
    i = verb.i - 1
    while i >= verb.sent.start and verb.doc[i].is_punct:
        i -= 1
    if i < verb.sent.start:
        return None
    name = verb.doc[i]
    while name.dep_ in ("appos", "compound", "amod", "poss", "det", "nmod") and name.head.i < verb.i and name.head != name:
        name = name.head
    if name.pos_ != "PROPN" or name.ent_type_ not in _ACTOR_LABELS or name.dep_ not in ("conj", "appos", "pobj"):
        return None
    return name


#: Dashes that end a wire story's dateline.
_DASHES = frozenset({"—", "–", "--"})


def _in_dateline(tok: Token) -> bool:
    """Whether a word is in the dateline that opens a wire story ("SAN FRANCISCO (AP) — PG&E was
    set ..."), which the parser can read as the subject."""
    if not any(t.text in _DASHES for t in tok.doc[tok.i + 1 : tok.i + 12]):
        return False  # no dash after it: the common case, decided without finding the sentence
    for t in tok.sent[:12]:
        if t.text in _DASHES:
            return tok.i < t.i
        if not (t.is_punct or t.pos_ == "PROPN"):
            return False
    return False


def _finite_on_noun(tok: Token) -> bool:
    """A verb in the past tense that the parser hung on a noun as if it described it: the noun is
    its subject ("an outbreak of plague killed a couple"; "a tactic used by employers" is a
    participle); or a participle hung on the noun that heads the sentence, joined to a verb in the
    past ("The group, a coalition of staff, formed in May and sent a letter")."""
    if tok.dep_ != "acl" or tok.head.pos_ not in ("NOUN", "PROPN") or any(
            c.dep_ in _SUBJECTS or c.dep_ == "agent" for c in tok.children):
        return False
    return tok.tag_ == "VBD" or (tok.head.dep_ == "ROOT" and any(c.dep_ == "conj" and c.tag_ == "VBD"
                                                                 for c in tok.children))


def _agent(tok: Token, gazetteer: Gazetteer, names: Names) -> Token | None:
    """Who did it: the subject or a passive's agent when it can act (any cause of an attack or a
    disaster), or whom a passive befell when that can act ("30,000 workers were forced home") or
    the verb is of a known type ("a third case was reported")."""
    subject = _subject(tok)
    by = next((g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    caused = EVENT_TYPE_OF.get(_lemma(tok)) in _CAUSED_KINDS
    if by is not None and (_acts(by, gazetteer, names) or (caused and by.pos_ in ("NOUN", "PROPN"))):
        return by
    if subject is None:
        return None
    if _acts(subject, gazetteer, names):
        return subject
    if _befallen(tok, subject) and _lemma(tok) in EVENT_TYPE_OF:
        return subject  # "a third case was reported", "the couple was quarantined"
    if (subject.pos_ == "NUM" or _count_of_people(subject)) and _lemma(tok) in HUMAN_VERBS:
        return subject  # "another 3,000 arrived", "thousands of people marched"
    if subject.lower_ == "it" and _lemma(tok) in EVENT_TYPE_OF:
        return subject  # "it is negotiating with both countries": an organisation, by what it does
    if caused and subject.pos_ in ("NOUN", "PROPN") and (subject.dep_ == "nsubj" or subject == tok.head):
        return subject  # "the plague killed millions", "the storm destroyed 300 homes"
    return None


def _count_of_people(tok: Token) -> bool:
    """A count of some who can act ("thousands of people", "dozens of protesters")."""
    return tok.ent_type_ == "CARDINAL" and tok.pos_ == "NOUN" and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and _lemma(g) in _ACTOR_NOUNS | {"people"}
                                                     for g in c.children) for c in tok.children)


def _generalised(agent: Token) -> bool:
    """An agent that generalises over a group ("many workers came", "most ventures collapsed",
    "many have been sent"): a pattern, not one occurrence."""
    return agent.lower_ in GENERALISING_QUANTIFIERS or any(
        c.dep_ in ("amod", "det") and c.lower_ in GENERALISING_QUANTIFIERS for c in agent.children)


def _trigger(tok: Token) -> bool:
    """Whether a verb can report an occurrence at all (before its tense and subject are read)."""
    if tok.pos_ != "VERB" or tok.dep_ in ("amod", "compound", "csubj", "pcomp"):
        return False
    if tok.dep_ == "acl" and not _done_by(tok) and not _finite_on_noun(tok) and not _told_of(tok):
        return False  # "those who entered", "plans to expand": a noun described, not an occurrence
    if tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN"):
        return False  # "frequently changed employers, and secured ...": a participle read into a list of nouns
    lemma = _lemma(tok)
    if lemma in STATIVE_VERBS or lemma in ASPECT_VERBS or (lemma in _ATTRIBUTING and not _finds_guilty(tok)):
        return False
    if lemma in SPEECH_VERBS and any(c.dep_ == "xcomp" for c in tok.children):
        return False  # "reported issuing 8,600 visas": the issuing is the event
    phrasal = any(c.dep_ == "prt" or (c.i == tok.i + 1 and c.lower_ in _PARTICLES) for c in tok.children)
    if lemma in INTENT_VERBS or _measures(tok) or (lemma in LEVEL_VERBS and lemma not in EVENT_TYPE_OF
                                                   and not phrasal and _named_act(tok) is None):
        return False  # "the number of arrivals rose": a figure's level, not an occurrence
    t = tok
    while t.dep_ in ("xcomp", "conj") and t.head != t:  # "are believed to have entered", "plans to spend"
        governed, t = t.dep_ == "xcomp", t.head
        if governed and (_lemma(t) in STATIVE_VERBS or _lemma(t) in INTENT_VERBS or _lemma(t) in COMMIT_VERBS
                         or _lemma(t) in _ATTRIBUTING or _lemma(t) in UNDONE_VERBS):
            return False
    if lemma in OBJECTLESS_SPEECH and not any(c.dep_ == "dobj" for c in tok.children):
        return False  # "the group added that ...": speech, not an addition
    clause = _governor(tok)
    if _done_by(clause) or _finite_on_noun(clause):
        return True
    if clause.dep_ in ("relcl", "acl"):  # "the lander that the company unveiled", not "those who entered"
        return _told_of(clause) or _befell(clause, lemma)
    return clause.dep_ not in ("csubj", "pcomp", "amod")


def _told_of(clause: Token) -> bool:
    """A clause on a noun with a subject of its own, which tells what someone did to the noun
    ("the lander that the company unveiled"), not what the noun is or does ("those who entered")."""
    subject = next((c for c in clause.children if c.dep_ in _SUBJECTS), None)
    return subject is not None and subject.tag_ not in ("WP", "WDT") and subject.lower_ != "that"


def _befallen(tok: Token, subject: Token) -> bool:
    """Whether the subject of a verb is whom it befell: a passive's subject, or the noun of a
    passive clause on it ("workers who were informed")."""
    clause = _governor(tok)
    return subject.dep_ == "nsubjpass" or (subject == clause.head and _befell(clause, _lemma(tok)))


def _befell(clause: Token, lemma: str) -> bool:
    """A clause on a noun that tells an act of a known type done to it ("workers who have been
    informed", "the ships that were seized"): an occurrence, whom it befell being the noun."""
    return lemma in EVENT_TYPE_OF and clause.dep_ == "relcl" and any(
        c.dep_ == "nsubjpass" and _relative(c) for c in clause.children)


def _named_act(tok: Token) -> str | None:
    """The verb of the act a verb's object names ("reached an agreement": agree), which makes a
    verb of level or a light verb an occurrence."""
    return next((verb for c in tok.children if c.dep_ == "dobj" and (verb := _event_noun(c)) is not None), None)


def _kind(tok: Token) -> str | None:
    """The type of the event a verb tells, from its frame: a statement when its object is
    something written ("sent a letter", "posted a message"), a legal act when it finds someone
    guilty or liable, a contest's when a result is had over a rival ("beat Bayern 2-1", not "beat
    estimates"); else its own, or that of the act its object names."""
    children = list(tok.children)
    if any(c.dep_ == "dobj" and _lemma(c) in MESSAGE_NOUNS for c in children):
        return "statement"
    if _finds_guilty(tok):
        return EVENT_TYPE_OF["convict"]
    if _lemma(tok) in OUTDO_VERBS and any(c.dep_ in ("dobj", "npadvmod") and (
            c.ent_type_ in _ACTOR_LABELS or c.pos_ == "PROPN") for c in children):
        return EVENT_TYPE_OF["defeat"]
    return EVENT_TYPE_OF.get(_lemma(tok)) or EVENT_TYPE_OF.get(_named_act(tok) or "")


def _finds_guilty(tok: Token) -> bool:
    """A finding of guilt or liability ("the jury found him guilty"): a legal act, not a report."""
    return any(c.lower_ in VERDICT_WORDS for c in tok.children)


def _measures(tok: Token) -> bool:
    """Whether a verb only carries an amount as its object ("earned $2.8 billion", "rose 3%"): a
    figure claim, not an occurrence."""
    if EVENT_TYPE_OF.get(_lemma(tok)) == "statement":
        return False  # "reported $2.53 in per-share earnings" is a report
    return any(c.dep_ == "dobj" and c.ent_type_ in ("MONEY", "PERCENT", "QUANTITY") for c in tok.children)


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


#: Particles that make another verb of a level verb ("dropped out", "took over").
_PARTICLES = frozenset({"out", "up", "off", "down", "over", "back", "away"})
def _counted(tok: Token) -> str | None:
    """The words of what a bare count counts, from the counted noun before it in the sentence:
    "North Korean troops" for "another 3,000" in "12,000 North Korean troops arrived in 2024, and
    in 2025, another 3,000 arrived"; "of the electors" for "one" after "five electors"."""
    if tok.pos_ != "NUM" or tok.dep_ not in _SUBJECTS:
        return None
    if any(c.dep_ == "det" and c.lower_ != "another" for c in tok.children):
        return None  # "these two": a reference back, not a count
    for t in reversed(tok.doc[tok.sent.start : tok.i]):
        if t.tag_ == "NNS" and any(c.dep_ == "nummod" for c in t.children):
            drop = [c for c in t.children if c.dep_ in PHRASE_STOPS or c.dep_ in ("nummod", "det", "quantmod")]
            noun = span_text(subtree(t, drop))[0]
            return f"of the {noun}" if tok.lower_ in ("one", "1") else noun
    return None


def _actor(role: str, tok: Token, gazetteer: Gazetteer, names: Names) -> Actor:
    resolved = names.resolve(tok)
    counted = _counted(tok)
    if _count_of_people(tok):  # "thousands of people": the count with what it counts
        counted = span_text(next(subtree(c) for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"))[0]
    name = resolved or (f"{phrase(tok)} {counted}" if counted else phrase(tok))
    found = gazetteer.find(name)
    return Actor(role, name, found[0].key if found else None,
                 tok.ent_type_ in _ACTOR_LABELS or tok.text in names.words or bool(found) or resolved is not None)


def _actors(tok: Token, agent: Token, gazetteer: Gazetteer, names: Names) -> tuple[Actor, tuple[Actor, ...]]:
    """The actor of ``agent`` (who did it, or whom a passive befell), and all the actors of a
    trigger by role: who did it, to whom or what, and to whom it went."""
    passive = _befallen(tok, agent)
    lead = _actor("patient" if passive else "agent", agent, gazetteer, names)
    out = [lead]
    subject = _subject(tok)
    if subject is not None and subject.dep_ == "nsubjpass" and not passive:
        out.append(_actor("patient", subject, gazetteer, names))  # "was taken down by censors"
    if _done_by(tok):
        out.append(_actor("patient", tok.head, gazetteer, names))  # "the email sent by the chairman"
    for c in tok.children:
        if c.dep_ == "dobj":
            out.append(_actor("patient", c, gazetteer, names))
        elif c.dep_ in ("dative", "prep") and c.lower_ == "to":
            out += [_actor("recipient", g, gazetteer, names) for g in c.children
                    if g.dep_ == "pobj" and _acts(g, gazetteer, names)]
        elif c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN", "PRON"):
            out.append(_actor("recipient", c, gazetteer, names))
    return lead, tuple(sorted(dict.fromkeys(out), key=Actor.order))


def _participants(tok: Token, gazetteer: Gazetteer) -> list[str]:
    """Alias-table entities named in the subject, object, agent and recipient of a trigger."""
    keys: list[str] = []
    children = list(tok.children)
    subject = _subject(tok)
    if subject is not None and subject not in children:
        children.append(subject)
    for c in children:
        if c.dep_ not in ("nsubj", "nsubjpass", "dobj", "agent", "dative"):
            continue
        for m in gazetteer.find(span_text(subtree(c))[0]):
            if m.key not in keys:
                keys.append(m.key)
    return keys


def _outlet(agent: Token, gazetteer: Gazetteer, names: Names) -> bool:
    """Whether an agent is a news outlet: its report is an attribution, not an event."""
    words = names.resolve(agent) or phrase(agent)
    if any(gazetteer.type(m.key) == "media" for m in gazetteer.find(words)):
        return True
    if _lemma(agent) in NEWS_NOUNS and (_lemma(agent) != "agency" or any(c.lower_ == "news" for c in agent.children)):
        return True  # "the regional newspaper Kurier", "a news agency"
    return agent.ent_type_ == "ORG" and any(w in NEWS_NAME_WORDS for w in words.lower().split())


def _writer(noun: Token) -> Token | None:
    """Who wrote a letter or a report that someone spoke or wrote in ("said in an Oct. 26 letter",
    "wrote Fadem in a research report"): the speaker."""
    if noun.lower_ not in WRITTEN_NOUNS or noun.dep_ != "pobj" or noun.head.lower_ != "in":
        return None
    verb = noun.head.head
    return _subject(verb) if noun.head.dep_ == "prep" and _lemma(verb) in SPEECH_VERBS else None


def _own_report(agent: str | None, entity: str | None, chain: tuple[Source, ...]) -> tuple[Source, ...]:
    """The chain of an event that is itself a report ("the ministry reported ...", "a U.N.
    investigation found ..."): its author is its agent, not its source."""
    if not chain or not agent:
        return chain
    words, label = agent.lower(), chain[-1].label.lower()
    same = label in words or words in label or (entity is not None and entity == chain[-1].entity)
    return chain[:-1] if same else chain


def events(doc: Document, sent: Span, span: TextSpan, gazetteer: Gazetteer, times: list[TimeMention],
           roots: Sequence[Token | None], chain: tuple[Source, ...], cues: tuple[str, ...], names: Names = Names(),
           inherited: TimeMention | None = None, figures: Sequence[tuple[int, int]] = ()) -> list[ClaimMention]:
    """The events a sentence reports, each with its participants, agent, time and sources;
    ``names`` are the document's ``Names``, ``inherited`` the time of an earlier sentence
    that this one continues, ``figures`` the spans of the sentence's figures (an event carries
    those of its own clause)."""
    explicit = tuple(t for t in times if not t.baseline and not t.reporting)
    clause_of = _clauses_of_times(times, roots)
    dated = any(t.text.lower() not in VAGUE_NOW for t in explicit)
    carried = _clause_figures(sent, figures)
    out: list[ClaimMention] = []
    told: set[int] = set()  # the verbs told as events
    for tok in sent:
        if not _trigger(tok) or not _told_as_happened(tok, dated):
            continue
        agent = _agent(tok, gazetteer, names)
        if agent is None or _generalised(agent) or (_lemma(tok) in SPEECH_VERBS and _outlet(agent, gazetteer, names)):
            continue
        own = _own_times(tok, times, clause_of) or explicit
        lead, by_role = _actors(tok, agent, gazetteer, names)
        if any(e.trigger == _lemma(tok) and e.actors == by_role for e in out):
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
                inherited_time=None if own else inherited,
                subject=lead.name,
                sources=_own_report(span_text(subtree(agent))[0], None, chain) if _lemma(tok) in SPEECH_VERBS else chain,
                modality_cues=cues,
                trigger=_lemma(tok),
                event_type=_kind(tok),
                participants=tuple(_participants(tok, gazetteer)),
                actors=by_role,
                figure_spans=carried.get(tok.i, ()),
                place=_place(tok, gazetteer),
            )
        )
    dates = [t for t in times if not t.baseline]
    for tok in sent if dates else ():
        verb = _event_noun(tok)
        if verb is None or _told_as_unreal(tok) or _acted_on(tok, told):
            continue
        last = tok.right_edge
        in_phrase = [t for t in dates if tok.left_edge.idx <= t.start and t.end <= last.idx + len(last.text)]
        if not in_phrase:
            continue
        named = next((c for c in tok.children if c.dep_ in ("compound", "poss", "amod")
                      and c.ent_type_ in ("ORG", "PERSON", "NORP", "GPE")), None) or _writer(tok)
        # "a U.N. investigation" is the U.N.'s; "the concert hall attack" is not the hall's.
        role = "patient" if EVENT_TYPE_OF.get(verb) in _CAUSED_KINDS and (named is None or named.dep_ != "poss") \
            else "agent"
        actors: tuple[Actor, ...] = (_actor(role, named, gazetteer, names),) if named is not None else ()
        agent_name = actors[0].name if actors and role == "agent" else None
        out.append(ClaimMention(
            document=doc.key, kind="event", start=tok.idx, end=tok.idx + len(tok.text), sentence=span,
            text=doc.text[span.start:span.end], times=tuple(in_phrase), subject=agent_name,
            sources=_own_report(agent_name, actors[0].entity if agent_name else None, chain),
            modality_cues=cues, trigger=verb, event_type=EVENT_TYPE_OF.get(verb),
            participants=tuple(m.key for m in gazetteer.find(span_text(subtree(tok))[0])), actors=actors,
        ))
    return out


def _clauses_of_times(times: Sequence[TimeMention], roots: Sequence[Token | None]) -> list[int | None]:
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
    "signed the agreement on Monday"): part of that event, not another."""
    return (noun.dep_ in ("dobj", "nsubjpass") and noun.head.i in told) or any(
        c.dep_ == "acl" and c.i in told for c in noun.children)


def _event_noun(tok: Token) -> str | None:
    """The verb of an event a noun names, dated in its own phrase ("a March 2024 U.N.
    investigation", "the 2024 concert hall attack", "an Oct. 26 letter"): a noun of a verb of the
    taxonomy, or a written communication."""
    if tok.pos_ != "NOUN" or tok.dep_ in ("compound", "npadvmod"):
        return None
    if tok.dep_ == "pobj" and tok.head.lower_ in _TEMPORAL_PREPOSITIONS:
        return None  # "stayed beyond the 2019 ban": a point of reference, not a report
    word = tok.lower_
    if word in WRITTEN_NOUNS:
        return word
    for ending, verb_ending in _NOUN_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            verb = word[: len(word) - len(ending)] + verb_ending
            if verb in EVENT_TYPE_OF and verb not in LEVEL_VERBS:
                return verb
    return None
