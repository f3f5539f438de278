"""Who an event's verb tells of: its subject (read through the parser's slips), whether that
can act, who did it or whom it befell, and its actors by role (agent, patient, recipient).

A subject can act when it is a named entity (named as one here or elsewhere in the document, or in
the alias table), a person's pronoun, or a noun for people or an organisation; a passive takes its
agent, else whom it happened to; attacks and disasters may have any cause as their subject.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..currencies import currency
from ..lexicon import (
    ACTING_ORG_NOUNS,
    ACTOR_PRONOUNS,
    AGENT_SUFFIXES,
    ANONYMOUS_NOUNS,
    EVENT_TYPE_OF,
    GENERALISING_QUANTIFIERS,
    GROUP_NOUNS,
    HUMAN_VERBS,
    NEWS_NAME_WORDS,
    NEWS_NOUNS,
    ORG_HEADS,
    PERSON_NOUNS,
    PHRASAL_EVENT_TYPES,
    SPEECH_VERBS,
    TITLE_NOUNS,
    VAGUE,
    VEHICLE_NOUNS,
    VERB_PARTICLES,
    WRITTEN_NOUNS,
)
from ..model import Actor
from ..ontology import Gazetteer
from .aspect import ACTOR_LABELS as _ACTOR_LABELS
from .aspect import SUBJECTS as _SUBJECTS
from .aspect import auxiliaries as _auxiliaries
from .aspect import done_by as _done_by
from .aspect import governor as _governor
from .aspect import participle_clause as _participle_clause
from .aspect import sequel_clause as _sequel_clause
from .names import PHRASE_STOPS, Names, phrase
from .tokens import in_dateline, past_dateline, span_text, subtree
from .tokens import lemma as _lemma

#: Causes that are not actors but can be the subject of an attack or disaster.
CAUSED_KINDS = frozenset({"attack", "disaster"})
#: Nouns for those who can act: people, organisations, groups.
_ACTOR_NOUNS = PERSON_NOUNS | TITLE_NOUNS | ORG_HEADS | ANONYMOUS_NOUNS | ACTING_ORG_NOUNS | {n.rstrip("s") for n in GROUP_NOUNS}


def _acts(tok: Token, gazetteer: Gazetteer, names: Names) -> bool:
    """Whether a subject can act: an entity (named as one here or elsewhere in the document, or
    in the alias table, or beside it in apposition), a person's pronoun, or a noun for people or
    an organisation."""
    lemma = _lemma(tok)
    if tok.lower_ in ACTOR_PRONOUNS or tok.ent_type_ in _ACTOR_LABELS or lemma in _ACTOR_NOUNS:
        return True
    if any(c.dep_ == "appos" and c.ent_type_ in _ACTOR_LABELS for c in tok.children):
        return True  # "the engine maker, Pratt & Whitney": a description with the name beside it
    if tok.tag_ == "NNS" and len(lemma) >= 5 and lemma.endswith(AGENT_SUFFIXES):
        return True  # "hikers", "investors", "censors" (not "number" or "water")
    if tok.pos_ == "PRON":
        return False
    if tok.pos_ == "PROPN" and tok.tag_ in ("NNP", "NNPS") and not tok.ent_type_ and tok.text[:1].isupper() \
            and not tok.is_sent_start:
        return True  # a name the model's NER missed ("The Lakers traded ...")
    return tok.text in names.words or (tok.text[:1].isupper() and bool(gazetteer.find(tok.text)))


def subject_of(tok: Token) -> Token | None:
    """The subject of a verb, or of the verb it completes or continues; for a clause on a noun
    whose relative pronoun is its subject ("workers who were informed"), that noun. Three slips
    of the parser are read through: a subject hung on the verb's auxiliary ("He had, according to
    X, killed ..."), a finite verb hung on its subject as if it described it ("after an outbreak
    of plague killed a couple"), and a name hung elsewhere right before a verb in the past that
    has no subject ("in October, SoftBank, its largest investor, committed ..."). A participle of
    harm has the subject of the clause it continues ("the quake struck, killing 40")."""
    t = tok
    while True:
        # Two subjects are one noun phrase the parser split ("A magnitude 6.3 earthquake struck"):
        # the nearer is its head.
        subjects = [s for c in t.children if c.dep_ in _SUBJECTS and (s := past_dateline(c)) is not None]
        subject = (min(subjects, key=lambda c: (c.i > t.i, abs(c.i - t.i))) if subjects else None) or next(
            (g for a in _auxiliaries(t) for g in a.children if g.dep_ in _SUBJECTS), None)
        if subject is None and finite_on_noun(t):
            return t.head
        if subject is not None and t.dep_ == "relcl" and relative(subject):
            return t.head
        if subject is None and t.tag_ == "VBD" and t.dep_ in ("ROOT", "advcl", "ccomp"):
            return _name_before(t)
        if subject is None and _participle_clause(t) and EVENT_TYPE_OF.get(_lemma(tok)) in CAUSED_KINDS:
            t = t.head  # "the quake struck at dawn, killing 40 people": the harm is the quake's
            continue
        if subject is None and _sequel_clause(t):
            t = t.head.head  # "the minister resigned after losing the vote": the minister lost it
            continue
        if subject is not None or t.dep_ not in ("xcomp", "conj") or t.head == t:
            return subject
        t = t.head


def relative(tok: Token) -> bool:
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
    while (name.dep_ in ("appos", "compound", "amod", "poss", "det", "nmod") and name.head.i < verb.i
           and name.head != name and not in_dateline(name.head)):
        name = name.head
    if name.pos_ != "PROPN" or name.ent_type_ not in _ACTOR_LABELS or name.dep_ not in ("conj", "appos", "pobj"):
        return None
    return name


def finite_on_noun(tok: Token) -> bool:
    """A verb in the past tense that the parser hung on a noun as if it described it: the noun is
    its subject ("an outbreak of plague killed a couple"; "a tactic used by employers" is a
    participle); or a participle hung on the noun that heads the sentence, joined to a verb in the
    past ("The group, a coalition of staff, formed in May and sent a letter")."""
    if tok.dep_ != "acl" or tok.head.pos_ not in ("NOUN", "PROPN") or any(
            c.dep_ in _SUBJECTS or c.dep_ == "agent" for c in tok.children):
        return False
    return tok.tag_ == "VBD" or (tok.head.dep_ == "ROOT" and any(c.dep_ == "conj" and c.tag_ == "VBD"
                                                                 for c in tok.children))


def doer(tok: Token, gazetteer: Gazetteer, names: Names) -> Token | None:
    """Who did it: the subject or a passive's agent when it can act (any cause of an attack or a
    disaster), or whom a passive befell when that can act ("30,000 workers were forced home") or
    the verb is of a known type ("a third case was reported")."""
    subject = subject_of(tok)
    by = next((g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    kind = kind_of_verb(tok)
    caused = kind in CAUSED_KINDS
    if by is not None and (_acts(by, gazetteer, names) or (caused and by.pos_ in ("NOUN", "PROPN"))):
        return by
    if subject is None:
        return None
    if _acts(subject, gazetteer, names):
        return subject
    if kind == "movement" and _lemma(subject) in VEHICLE_NOUNS:
        return subject  # "the probe landed on the Moon", "the ferry docked in Piraeus"
    if _befallen(tok, subject) and _lemma(tok) in EVENT_TYPE_OF:
        return subject  # "a third case was reported", "the couple was quarantined"
    if (subject.pos_ == "NUM" or subject.lower_ in VAGUE or _count_of_people(subject) is not None) \
            and (_lemma(tok) in HUMAN_VERBS or kind == "protest"):
        return subject  # "another 3,000 arrived", "thousands of people marched", "thousands took to the streets"
    if subject.lower_ == "it" and _lemma(tok) in EVENT_TYPE_OF:
        return subject  # "it is negotiating with both countries": an organisation, by what it does
    if caused and subject.pos_ in ("NOUN", "PROPN") and (subject.dep_ == "nsubj" or subject == tok.head):
        return subject  # "the plague killed millions", "the storm destroyed 300 homes"
    return _teller_of(tok, gazetteer, names)


def particle(tok: Token) -> str | None:
    """A verb's particle ("cracked down", "dropped out"), as the parser hangs it or right after it."""
    return next((c.lower_ for c in tok.children if c.dep_ == "prt" or (c.i == tok.i + 1 and c.lower_ in VERB_PARTICLES)),
                None)


def phrasal(tok: Token) -> str | None:
    """The verb with its particle when that is another verb than the verb alone ("step down"),
    or with the word that makes an idiom of it: its object or its object's complement ("took
    office", "held rates steady"), or a preposition's object ("went on strike")."""
    lemma, prt = _lemma(tok), particle(tok)
    found = [f"{lemma} {prt}"] if prt else []
    for c in tok.children:
        if c.dep_ in ("dobj", "oprd"):
            found.append(f"{lemma} {_lemma(c)}")
            # "left its rate unchanged": an adjective after the object says what it was left as
            found += [f"{lemma} {_lemma(g)}" for g in c.children if g.dep_ == "amod" and g.i > c.i]
        elif c.dep_ == "prep":
            found += [f"{lemma} {c.lower_} {_lemma(o)}" for o in c.children if o.dep_ == "pobj"]
    return next((words for words in found if words in PHRASAL_EVENT_TYPES), None)


def kind_of_verb(tok: Token) -> str | None:
    """The kind of event a verb reports by itself or as its phrase (``phrasal``)."""
    return PHRASAL_EVENT_TYPES.get(phrasal(tok) or "", EVENT_TYPE_OF.get(_lemma(tok)))


def _teller_of(tok: Token, gazetteer: Gazetteer, names: Names) -> Token | None:
    """The speaker, when a verb of a known type that the parser joined to the last verb of what
    they said has a subject there that cannot act ("The union said the deal had confused staff,
    and demanded an extension": the union demanded it)."""
    if tok.dep_ != "conj" or tok.tag_ not in ("VBD", "VBN") or _lemma(tok) not in EVENT_TYPE_OF or any(
            c.dep_ in _SUBJECTS for c in tok.children):
        return None
    said = tok.head
    if said.dep_ != "ccomp" or _lemma(said.head) not in SPEECH_VERBS:
        return None
    teller = next((c for c in said.head.children if c.dep_ == "nsubj"), None)
    return teller if teller is not None and _acts(teller, gazetteer, names) else None


def _count_of_people(tok: Token) -> Token | None:
    """The "of" phrase of a count of some who can act ("thousands of people", "dozens of
    protesters"), or None."""
    if tok.ent_type_ != "CARDINAL" or tok.pos_ != "NOUN":
        return None
    return next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                 and any(g.dep_ == "pobj" and _lemma(g) in _ACTOR_NOUNS for g in c.children)), None)


def _of_what(tok: Token) -> Token | None:
    """The "of" phrase of a count of anything ("thousands of buildings")."""
    if not (tok.ent_type_ == "CARDINAL" or tok.lower_ in VAGUE) or tok.pos_ != "NOUN":
        return None
    return next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)


def generalised(agent: Token) -> bool:
    """An agent that generalises over a group ("many workers came", "most ventures collapsed",
    "many have been sent"): a pattern, not one occurrence."""
    return agent.lower_ in GENERALISING_QUANTIFIERS or any(
        c.dep_ in ("amod", "det") and c.lower_ in GENERALISING_QUANTIFIERS for c in agent.children)


def _befallen(tok: Token, subject: Token) -> bool:
    """Whether the subject of a verb is whom it befell: a passive's subject, or the noun of a
    passive clause on it ("workers who were informed")."""
    if _sequel_clause(tok):  # its subject is that of the clause it hangs on: "reached port after being delayed"
        return any(c.dep_ == "auxpass" for c in tok.children)
    clause = _governor(tok)
    return subject.dep_ == "nsubjpass" or (subject == clause.head and befell(clause, _lemma(tok)))


def befell(clause: Token, lemma: str) -> bool:
    """A clause on a noun that tells an act of a known type done to it ("workers who have been
    informed", "the ships that were seized"): an occurrence, whom it befell being the noun."""
    return lemma in EVENT_TYPE_OF and clause.dep_ == "relcl" and any(
        c.dep_ == "nsubjpass" and relative(c) for c in clause.children)


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


def make_actor(role: str, tok: Token, gazetteer: Gazetteer, names: Names) -> Actor:
    resolved = names.resolve(tok)
    of_whom = _count_of_people(tok) or _of_what(tok)  # "thousands of people": the count with what it counts
    counted = span_text(subtree(of_whom))[0] if of_whom is not None else _counted(tok)
    name = resolved or (f"{phrase(tok)} {counted}" if counted else phrase(tok))
    found = gazetteer.find(name)
    entity: str | None
    if found:
        entity = found[0].key
    else:  # "1,086 Thai tailors": a country's people, by the word for them (not a name resolved otherwise)
        entity = gazetteer.nationality(name) if resolved is None else None
    return Actor(role, name, entity,
                 tok.ent_type_ in _ACTOR_LABELS or tok.text in names.words or bool(found) or resolved is not None)


#: What the model names that is not someone: a time, an amount.
_NOT_ACTORS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


def by_role(tok: Token, agent: Token, gazetteer: Gazetteer, names: Names) -> tuple[Actor, tuple[Actor, ...]]:
    """The actor of ``agent`` (who did it, or whom a passive befell), and all the actors of a
    trigger by role: who did it, to whom or what, and to whom it went."""
    passive = _befallen(tok, agent)
    lead = make_actor("patient" if passive else "agent", agent, gazetteer, names)
    # "Israel and Hamas agreed": each one named did it
    out = [lead, *(make_actor(lead.role, c, gazetteer, names) for c in agent.conjuncts
                   if c.pos_ in ("NOUN", "PROPN") and c.ent_type_ not in _NOT_ACTORS)]
    subject = subject_of(tok)
    if subject is not None and subject.dep_ == "nsubjpass" and not passive and not _sequel_clause(tok):
        out.append(make_actor("patient", subject, gazetteer, names))  # "was taken down by censors"
    if _done_by(tok):
        out.append(make_actor("patient", tok.head, gazetteer, names))  # "the email sent by the chairman"
    idiom = phrasal(tok)
    for c in tok.children:
        if c.dep_ == "dobj" and _sum_of_money(c):
            # "fined Apple 1.8 billion euros": the sum is the act's figure; a name the parser folded
            # into it stands where "fined the bank $12 million" has its dative
            out += [make_actor("recipient", g, gazetteer, names) for g in c.children
                    if g.dep_ in ("nmod", "compound") and g.pos_ == "PROPN" and g.i < c.i]
        elif c.dep_ == "dobj" and idiom == f"{_lemma(tok)} {_lemma(c)}":
            continue  # "took office", "made landfall": the idiom's own word, not what it was done to
        elif c.dep_ == "dobj":  # "a lawsuit, which a judge dismissed": the lawsuit
            out.append(make_actor("patient", tok.head if relative(c) and tok.dep_ == "relcl" else c, gazetteer, names))
        elif c.dep_ in ("dative", "prep") and c.lower_ == "to":
            out += [make_actor("recipient", g, gazetteer, names) for g in c.children
                    if g.dep_ == "pobj" and _acts(g, gazetteer, names)]
        elif c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN", "PRON"):
            out.append(make_actor("recipient", c, gazetteer, names))
    return lead, tuple(sorted(dict.fromkeys(out), key=Actor.order))


def _sum_of_money(tok: Token) -> bool:
    """Whether an object is a sum of money ("$12 million", "1.8 billion euros"): the figure an act
    carries, not whom or what it was done to."""
    return tok.ent_type_ == "MONEY" or (currency(tok.lower_) is not None and any(c.dep_ == "nummod" for c in tok.children))


def participants(tok: Token, gazetteer: Gazetteer) -> list[str]:
    """Alias-table entities named in the subject, object, agent and recipient of a trigger."""
    keys: list[str] = []
    children = list(tok.children)
    subject = subject_of(tok)
    if subject is not None and subject not in children:
        children.append(subject)
    for c in children:
        if c.dep_ not in ("nsubj", "nsubjpass", "dobj", "agent", "dative"):
            continue
        for m in gazetteer.find(span_text(subtree(c))[0]):
            if m.key not in keys:
                keys.append(m.key)
    return keys


def outlet(agent: Token, gazetteer: Gazetteer, names: Names) -> bool:
    """Whether an agent is a news outlet: its report is an attribution, not an event."""
    words = names.resolve(agent) or phrase(agent)
    if any(gazetteer.type(m.key) == "media" for m in gazetteer.find(words)):
        return True
    if _lemma(agent) in NEWS_NOUNS and (_lemma(agent) != "agency" or any(c.lower_ == "news" for c in agent.children)):
        return True  # "the regional newspaper Kurier", "a news agency"
    return agent.ent_type_ == "ORG" and any(w in NEWS_NAME_WORDS for w in words.lower().split())


def writer(noun: Token) -> Token | None:
    """Who wrote a letter or a report that someone spoke or wrote in ("said in an Oct. 26 letter",
    "wrote Fadem in a research report"): the speaker."""
    if noun.lower_ not in WRITTEN_NOUNS or noun.dep_ != "pobj" or noun.head.lower_ != "in":
        return None
    verb = noun.head.head
    if noun.head.dep_ != "prep" or _lemma(verb) not in SPEECH_VERBS:
        return None
    # after a quotation the speaker can follow the verb, and the parser may read it as an object
    return subject_of(verb) or next((c for c in verb.children if c.dep_ == "dobj" and c.i == verb.i + 1
                                   and c.ent_type_ in _ACTOR_LABELS), None)
