"""What a figure measures, read from the parse for any story: the claim frame.

For each figure the frame gives the measured thing (the noun phrase the figure counts or is the
amount of: "homes destroyed by the flood", "net profit"), its canonical head, the predicate
("kill", "fall to"), whose figure it is (a company, a country, an agency: from named entities
and the alias table), the place, and the rate it is per ("a share"). When no thing can be read
the frame says why.

>>> import spacy
>>> from spacy.tokens import Doc
>>> nlp = spacy.blank("en")
>>> words = ["Floods", "destroyed", "300", "homes", "in", "the", "province"]
>>> doc = Doc(nlp.vocab, words=words, heads=[1, 1, 3, 1, 3, 6, 4],
...           deps=["nsubj", "ROOT", "nummod", "dobj", "prep", "det", "pobj"],
...           pos=["NOUN", "VERB", "NUM", "NOUN", "ADP", "DET", "NOUN"],
...           lemmas=["flood", "destroy", "300", "home", "in", "the", "province"])
>>> frame, unit = FrameReader(Gazetteer.load()).read([doc[2]], None)
>>> frame.head, frame.predicate, frame.thing
('home', 'destroy', 'homes in the province')
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Span, Token

from ..lexicon import (
    CHANGE_NOUNS,
    FORECAST_VERBS,
    HUMAN_VERBS,
    LEVEL_VERBS,
    LIGHT_VERBS,
    LOST_OR_GAINED,
    NEUTRAL_HOLDERS,
    NEUTRAL_MODIFIERS,
    NOT_MEASURES,
    OUTCOMES,
    PERSON_NOUNS,
    SPEECH_VERBS,
    canonical,
    canonical_verb,
)
from ..model import Frame
from ..ontology import Gazetteer, slug
from .counts import (
    compared,
    counted_noun,
    hung_on_other,
    rate_per,
    scale_before,
    unit_dimension,
    unit_noun,
    unit_per_time,
)
from .owners import (
    OWNER_LABELS,
    agent_nationality,
    entity_owner,
    is_name,
    is_person,
    name_span,
    named_agent,
    place_name,
    possessive_owner,
    recipient_nationality,
    resolve_name,
    subject_nationality,
)
from .tokens import lemma as _lemma
from .tokens import path, span_text, subjects, subtree

_PER = re.compile(r"\bper[- ]([A-Za-z]+)")
#: Longest measured-thing phrase kept, in tokens.
MAX_THING = 12


def _people_named(noun: Token) -> str | None:
    """The name of a people, a party or a faith that NER reads on a noun or before it ("Kenyan"
    in "Kenyan nurses", "Central Asian" in "Central Asian workers", "Republican" in "two
    Republican electors")."""
    word = next((t for t in (*noun.lefts, noun) if t.ent_type_ == "NORP"), None)
    if word is None:
        return None
    return next((e.text for e in noun.doc.ents if e.start <= word.i < e.end), word.text)


def _noun_phrase(noun: Token) -> str:
    """The noun with its compounds and adjectives, as written (no numbers, no determiners)."""
    keep = [c for c in noun.lefts if c.dep_ in ("compound", "amod", "nmod") and c.pos_ != "NUM" and c.like_num is False]
    tokens = sorted([*_flatten(keep), noun], key=lambda t: t.i)
    if not tokens:
        return noun.text
    return noun.doc[tokens[0].i : noun.i + 1].text


def _flatten(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for t in tokens:
        out.extend(x for x in t.subtree if not x.like_num and x.pos_ != "NUM" and x.dep_ not in ("det", "punct"))
    return out


def _thing_phrase(noun: Token, figure: Iterable[Token]) -> str:
    """The measured thing as written: the noun with its modifiers, of- and in-phrases and
    relative clause ("homes destroyed by the flood"), without the figure, its determiner and
    what is coordinated with it."""
    skip = set(figure)
    stop = [c for c in noun.children if c.dep_ in ("conj", "cc", "appos", "punct", "det", "predet", "nummod", "quantmod")]
    kept = [t for t in subtree(noun, stop=stop) if t not in skip]
    if noun not in kept:
        return noun.text
    noun_at = kept.index(noun)
    kept = kept[: noun_at + MAX_THING]
    while len(kept) > 1 and kept[-1] is not noun and (
            kept[-1].is_punct or kept[-1].pos_ in ("ADP", "CCONJ", "DET", "PRON", "AUX", "PART", "SCONJ")):
        kept.pop()
    words = []
    for a, b in zip(kept, [*kept[1:], None]):
        gap = b is not None and (a.whitespace_ or b.i != a.i + 1)
        words.append(a.text + (" " if gap else ""))
    return "".join(words).strip() or noun.text


def _number_of(sent: Span) -> Token | None:
    """"the number of DPRK workers in Russia" -> workers."""
    for t in sent:
        if t.lower_ in ("number", "count", "total") and any(c.lower_ == "of" for c in t.children):
            of = next(c for c in t.children if c.lower_ == "of")
            objs = [c for c in of.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


def _of_object(tok: Token, figure: set[Token]) -> Token | None:
    """"90% of wages" -> wages; "a 12-fold increase in arrivals" -> arrivals; "$2 billion in
    revenue" -> revenue (a figure's own "in"; never a date or another figure)."""
    own = tok in figure
    for c in tok.children:
        if c.dep_ != "prep" or not (c.lower_ == "of" or c.lower_ in ("in", "on") and _lemma(tok) in CHANGE_NOUNS
                                    or c.lower_ == "in" and own):
            continue
        for o in c.children:
            if o.dep_ == "pobj" and o not in figure and not o.like_num and o.ent_type_ not in ("DATE", "TIME") \
                    and unit_noun(o) is None and o.pos_ in ("NOUN", "PROPN"):
                return o
    return None


#: Where a noun stands when a figure below it is its amount: subject, object, attribute, object of a preposition.
_HOLDING = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "pobj"})


def _holder(tok: Token, figure: set[Token], gazetteer: Gazetteer) -> Token | None:
    """The noun a figure is the amount or level of, through its clause: "revenue of $27 billion",
    "revenue rose 3.5%", "shares are up 39%", "the shortage could reach 2.4 million", "winds
    gusting at 55 mph". The subject of a verb whose object the figure is ("the company earned
    $2 billion") is its owner, not what it measures."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ in ("NOUN", "PROPN") \
            and tok.head.head not in figure:
        of = tok.head.head
        return _holder(of, figure, gazetteer) if unit_noun(of) is not None else of
    if tok.dep_ == "appos" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head not in figure:
        return _holder(tok.head, figure, gazetteer) if unit_noun(tok.head) is not None else tok.head
    below = tok
    for anchor in path(tok)[1:]:
        if anchor in figure:
            below = anchor
            continue
        if anchor.pos_ in ("NOUN", "PROPN"):
            if unit_noun(anchor) is None and _lemma(anchor) not in NOT_MEASURES \
                    and not (_neutral(anchor) and _of_object(anchor, figure) is not None) \
                    and (anchor.dep_ in _HOLDING or (anchor.dep_ == "conj" and anchor.head.dep_ in _HOLDING)):
                return anchor  # a noun of a list holds its own figure: "angling with 310, hunting with 45"
            below = anchor
            continue
        if anchor.pos_ not in ("VERB", "AUX"):
            below = anchor
            continue
        if below.dep_ in ("dobj", "dative", "iobj") and _lemma(anchor) not in LEVEL_VERBS:
            return None
        valued = next((c for c in anchor.children if c.dep_ == "dobj" and c not in figure
                       and c.pos_ in ("NOUN", "PROPN") and unit_noun(c) is None), None)
        if below.dep_ == "prep" and below.lower_ in ("at", "to", "by") and valued is not None:
            # "put the damage at $3 billion", "cut its forecast by 4%, to 1.85 billion bushels":
            # what the figure values, or the level or change of
            return valued
        node = anchor
        while not subjects(node) and node.dep_ in ("xcomp", "conj") and _lemma(node.head) not in SPEECH_VERBS:
            node = node.head
        own = [c for c in subjects(node) if c not in figure]
        holder = own[0] if own else (node.head if node.dep_ in ("acl", "relcl") else None)
        if holder is not None and holder.lower_ in ("figure", "number", "total", "it") and holder.dep_ == "appos":
            holder = holder.head
        # "shares of Nimbus's parent company" are stock, not a portion of the company
        if holder is not None and _neutral(holder) and not (_lemma(holder) == "share" and holder.tag_ == "NNS"):
            held = _of_object(holder, figure)  # "the number of visitors rose to 2 million"
            holder = held if held is not None and not is_name(held, gazetteer) else holder  # "shares of Globex"
        if holder is not None and holder.pos_ in ("NOUN", "PROPN") and _lemma(holder) not in NOT_MEASURES:
            return holder
        return None
    return None


#: Determiners by which a noun of amount points back to a figure said before ("the figure", "that number").
_POINTING = frozenset({"the", "this", "that", "these", "those"})


def _refers_back(thing: Token) -> bool:
    """A noun of amount that stands for a figure said before, as "the figure rose to 15,000" or
    "that number has since doubled" do: pointed to, with no words of its own that say what it
    holds ("the unemployment figure", "the number of North Koreans") and no owner ("the
    company's total")."""
    return _lemma(thing) in NEUTRAL_HOLDERS and thing.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in _POINTING for c in thing.children) and not any(
        c.dep_ in ("compound", "nmod", "poss") or (c.dep_ == "prep" and c.lower_ == "of") for c in thing.children)


def _level_subject(counted: Token, figure: set[Token]) -> Token | None:
    """The subject of a verb of level whose object or "to" phrase is the counted noun."""
    verb = counted.head
    if counted.dep_ == "pobj" and verb.lower_ in ("to", "at") :
        verb = verb.head
    elif counted.dep_ not in ("dobj", "attr"):
        return None
    if verb.pos_ != "VERB" or _lemma(verb) not in LEVEL_VERBS or (counted.dep_ == "dobj" and _lemma(verb) in LOST_OR_GAINED):
        return None
    measured = [c for c in subjects(verb) if c not in figure and c.pos_ == "NOUN" and _lemma(c) not in NOT_MEASURES]
    return measured[0] if measured else None


def _neutral(tok: Token) -> bool:
    """A noun of amount that says nothing of what it holds ("a total of", "a third of")."""
    return _lemma(tok) in NEUTRAL_HOLDERS or tok.like_num or tok.pos_ == "NUM"


def _predicate(tok: Token, figure_tokens: list[Token]) -> str | None:
    """The verb that says what happened to the measured thing, with its particle and a "to" that
    takes the figure ("fall to"); reporting verbs lead to the clause they report."""
    verb = None
    for anchor in path(tok)[1:]:
        if anchor.pos_ == "VERB" or anchor.pos_ == "AUX" and anchor.dep_ == "ROOT":
            verb = anchor
            break
    if verb is None and tok.pos_ in ("NOUN", "PROPN"):
        verb = next((c for c in tok.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"), None)
    if verb is None:
        return None
    if _lemma(verb) in SPEECH_VERBS:
        # "7,887 people said they visited": what is counted is the reported act.
        verb = next((c for c in verb.children if c.dep_ == "ccomp"), verb)
    if _lemma(verb) in LIGHT_VERBS and tok.pos_ in ("NOUN", "PROPN"):
        inner = next((c for c in tok.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"), None)
        if inner is not None:
            verb = inner
    lemma = _lemma(verb)
    if lemma in FORECAST_VERBS and any(t.dep_ == "dobj" and t.head == verb for t in [tok, *figure_tokens]):
        return lemma  # "analysts expected $2.52 a share": the figure is a forecast
    if lemma in LIGHT_VERBS:
        return None
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    words = [lemma] + ([particle] if particle else [])
    last = figure_tokens[-1]
    if last.dep_ == "pobj" and last.head.lower_ in ("to", "from", "by") and last.head.head == verb:
        words.append(last.head.lower_)
    return " ".join(words)


def _unit_of(counted: Token | None, head: str | None, gazetteer: Gazetteer) -> str | None:
    """What one of a count is: "person" for people by any name, else the counted noun."""
    if counted is None:
        return "person" if head == "person" else None
    return "person" if is_person(counted, gazetteer) else _lemma(counted)


def _purpose(tok: Token) -> str | None:
    """What the action counted was for, when the sentence says: "visited for education
    purposes", "crossed the border to study", "came for business reasons"."""
    verb = next((a for a in path(tok)[1:] if a.pos_ == "VERB"), None)
    if verb is None:
        return None
    if _lemma(verb) in SPEECH_VERBS:
        verb = next((c for c in verb.children if c.dep_ == "ccomp"), verb)
    for c in verb.children:
        if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            return _lemma(c)
        if c.dep_ == "prep" and c.lower_ == "for":
            for o in c.children:
                if o.dep_ == "pobj" and _lemma(o) in ("purpose", "reason"):
                    words = [w for w in o.lefts if w.dep_ in ("compound", "amod", "nmod") and w.is_alpha]
                    if words:
                        return _lemma(words[-1])
    return None


def _increment(tokens: list[Token], noun: Token | None) -> bool:
    """"another 3,000", "an additional 5,000": an increment, not a total."""
    words = {t.lower_ for t in tokens}
    if noun is not None:
        words |= {c.lower_ for c in noun.children}
    first = tokens[0]
    if first.i > 0:
        words.add(first.nbor(-1).lower_)
    return bool(words & {"another", "additional", "extra", "further"})


class FrameReader:
    """Reads the frame of each figure of a document, sentence by sentence.

    It keeps what the text is about: the people its sentences' subjects belong to ("North
    Korean workers ..."), so that a later bare count of people is read as theirs, and the last
    frame, for a figure that stands for a noun said before ("the newly selected five").
    """

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.topic: tuple[str | None, str | None] = (None, None)
        self.number_of: Token | None = None
        # The last frame that named its thing, with what one of its figure is: of this paragraph,
        # and of the text so far (what "the figure" points back to).
        self.last: tuple[Frame, str | None] | None = None
        self.said: tuple[Frame, str | None] | None = None
        self.in_sentence: tuple[Frame, str | None] | None = None
        #: Whether the last figure read stands for the last one said ("the figure rose to 15,000").
        self.pointed_back = False
        self.in_sentence_back = False
        #: The noun of what the last figure read measures, when a noun says it.
        self.measured: Token | None = None
        # Where the figure that "the figure" points back to is, and whether the last one read is it.
        self.said_place: str | None = None
        self.said_now = False

    def sentence(self, sent: Span, new_paragraph: bool) -> None:
        """Start reading ``sent``."""
        self.number_of = _number_of(sent)
        topic = subject_nationality(sent, self.gazetteer)
        if topic is not None:
            self.topic = topic
        if new_paragraph:
            self.last = None
        self.in_sentence, self.in_sentence_back = None, False

    def read(self, tokens: list[Token], unit_text: str | None) -> tuple[Frame, str | None]:
        """The frame of the figure made of ``tokens`` (``unit_text``: the unit words found
        after it, "%" or "times"), and what one of the figure is: a unit noun ("knot"), "person"
        for people by any name, or the counted noun ("home")."""
        g = self.gazetteer
        self.pointed_back, self.measured, self.said_now = False, None, False
        figure = set(tokens)
        counted = counted_noun(tokens, own_unit=bool(unit_text))
        unit_word = counted if counted is not None and unit_noun(counted) is not None else None
        if unit_word is not None:
            counted = None
        scale = scale_before(tokens)
        if scale is not None:  # "a magnitude 6.1 earthquake": an earthquake, on the magnitude scale
            unit_word, counted = scale, next((t.head for t in tokens if t.dep_ == "nummod" and t.head.i > t.i), None)
        # "hunting with 45 and guided tours with 12": the number hangs on a noun it does not
        # count; what it counts is read from where that noun stands.
        hung = next((t.head for t in tokens if t.dep_ == "nummod" and t.head not in figure and hung_on_other(t)), None)
        anchor = unit_word if unit_word is not None else hung if hung is not None else tokens[-1]
        thing = counted
        if thing is None and self.number_of is not None and unit_word is None and not unit_text:
            thing = self.number_of
        if thing is None:
            thing = next((o for t in [anchor, *tokens] if (o := _of_object(t, figure)) is not None), None)
        if thing is None:
            thing = _holder(anchor, figure, g)
        # An aggregate names what it holds: "a gap of 1.5 million workers" is a gap, "a total of
        # 30 cases" is cases, "a third of its 12,000 employees" employees.
        if thing is not None and thing is counted and thing.dep_ == "pobj" and thing.head.lower_ == "of":
            holder = thing.head.head
            definite = any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in holder.children)
            if holder.pos_ in ("NOUN", "PROPN") and holder not in figure and not _neutral(holder) and not definite:
                thing = holder
        # A level reached by something: "the shortage could reach 2.4 million people", "the
        # workforce grew to 12,000 employees": the counted noun only says what the level counts.
        if thing is not None and thing is counted:
            level = _level_subject(thing, figure)
            if level is not None:
                thing = level
        # A change names what changes: "sales growth of 3.5%", "a 12-fold increase in arrivals".
        if thing is not None and _lemma(thing) in CHANGE_NOUNS:
            changed = _of_object(thing, figure) or next(
                (c for c in reversed(list(thing.lefts)) if c.dep_ == "compound" and c.pos_ == "NOUN" and c not in figure
                 and unit_noun(c) is None), None)
            if changed is None:
                outer = _holder(thing, figure, g)
                changed = outer if outer is not None and _lemma(outer) not in CHANGE_NOUNS else None
            if changed is not None:
                thing = changed
        # An amount named by what it counts: "passenger numbers", "the case count".
        if thing is not None and _neutral(thing):
            thing = next((c for c in reversed(list(thing.lefts)) if c.dep_ == "compound" and c not in figure
                          and (c.pos_ == "NOUN" or c.pos_ == "PROPN" and not c.ent_type_)
                          and unit_noun(c) is None), thing)
        predicate = _predicate(thing if thing is not None else anchor, tokens)
        owner_entity, owner_name = possessive_owner(tokens, g)
        if thing is not None and is_name(thing, g):
            # "Home Depot reported $2.53", "the S&P 500 is up 24.5%": the figure is the entity's own.
            if owner_name is None:
                owner_entity, owner_name = resolve_name(span_text(name_span(thing))[0], g)
            thing = None
        # a currency that rises or falls is what is measured ("the naira has gained 8%")
        traded = thing is not None and thing.dep_ == "nsubj" and unit_noun(thing) == "currency"
        if thing is not None and (thing in figure or _lemma(thing) in NOT_MEASURES or not thing.text[:1].isalpha()
                                  or thing.pos_ == "PRON" or (unit_noun(thing) is not None and not traded)):
            thing = None
        back = thing is not None and _refers_back(thing)
        if back:
            thing = None  # "the figure rose to 15,000": the figure said before
        self.measured = thing
        head = None
        if thing is not None:
            head = "person" if thing.pos_ == "PROPN" and is_person(thing, g) else canonical(_lemma(thing))
        if head is None and tokens[-1].dep_ in ("nsubj", "nsubjpass") and _lemma(tokens[-1].head) in HUMAN_VERBS:
            head = "person"  # "125 died", "300 fled"
            predicate = predicate or _lemma(tokens[-1].head)
        earlier = None
        # a unit of another kind than the figure before ("3,500 residents ... 2,000 hectares"); a
        # conversion keeps the frame ("5 inches (127 millimeters)")
        other_kind = unit_word is not None and self.in_sentence is not None and unit_dimension(
            self.in_sentence[1]) != unit_dimension(_lemma(unit_word))
        if (head is None or compared(tokens)) and self.in_sentence is not None and not other_kind:
            # "306 electoral votes to Clinton's 232": the list shares its frame; so does what a
            # figure is compared with ("completed 18,600 flats, up from 15,900")
            earlier = self.in_sentence
            self.pointed_back = self.in_sentence_back
        elif back:
            earlier = self.said  # "the figure rose to 15,000": the last figure said, in this paragraph or before
            self.pointed_back = earlier is not None
        elif head is None and predicate is None and tokens[-1].dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "ROOT"):
            earlier = self.last  # "These 11 had until ...": the noun said before
        if earlier is not None:
            reused, reused_unit = earlier
            outcome = canonical_verb(predicate) if predicate else None
            frame = Frame(thing=reused.thing, modifiers=reused.modifiers,
                          head=outcome if outcome in OUTCOMES else reused.head,
                          predicate=predicate or reused.predicate,
                          owner=(owner_entity or slug(owner_name)) if owner_name else reused.owner,
                          owner_entity=owner_entity if owner_name else reused.owner_entity,
                          place=place_name(tokens) or reused.place, per=rate_per(tokens) or reused.per,
                          increment=_increment(tokens, None), purpose=_purpose(anchor) or reused.purpose)
            self.in_sentence, self.in_sentence_back = (frame, reused_unit), self.pointed_back
            return frame, reused_unit
        if back:
            return Frame(predicate=predicate, reason="the figure stands for one said before, and none was"), None
        if head is None and predicate:
            head = canonical_verb(predicate)  # "earned $2.8 billion": the earnings
        if head is None and owner_name is not None:
            head = "level"  # "the index is up 2%": the entity's own level
        counted_head = head
        # A count of people that something befell: "12 people were killed" measures deaths; the
        # role of those counted ("12 soldiers") stays among the qualifiers.
        role: tuple[str, ...] = ()
        if head in ("person", *PERSON_NOUNS) and predicate and canonical_verb(predicate) in OUTCOMES:
            role = (head,) if head != "person" else ()
            head = canonical_verb(predicate)
        modifiers: tuple[str, ...] = ()
        per = None
        if thing is not None:
            mods = [c for c in thing.lefts if c.dep_ in ("amod", "compound", "nmod") and c not in figure
                    and not c.like_num and c.ent_type_ not in OWNER_LABELS and c.pos_ in ("ADJ", "NOUN", "VERB")]
            modifiers = tuple(sorted(({_lemma(c) for c in mods} | set(role)) - NOT_MEASURES - NEUTRAL_MODIFIERS))
            rate = _PER.search(span_text(list(thing.lefts) + [thing])[0]) if list(thing.lefts) else None
            per = rate.group(1).lower() if rate else None  # "per-share earnings"
            if owner_name is None:
                owner_entity, owner_name = entity_owner(thing, g)
            # A people named with what is counted owns it: "North Korean workers", "Chinese exports".
            if head in ("person", *PERSON_NOUNS) or thing.ent_type_ == "NORP" or any(
                    c.ent_type_ == "NORP" or (c.dep_ == "amod" and g.nationality(c.text)) for c in thing.lefts):
                nationality = g.nationality(_noun_phrase(thing))
                if nationality:
                    owner_entity = owner_name = nationality
                elif owner_name is None:
                    # one the alias table does not know is still told apart by its name ("Kenyan nurses")
                    owner_name = _people_named(thing)
        per = per or rate_per(tokens)
        if owner_name is None:
            owner_entity, owner_name = named_agent(thing if thing is not None else anchor, figure, g)
        owner = (owner_entity or slug(owner_name)) if owner_name else None
        if owner is None:
            owner_entity = owner = recipient_nationality(tokens, g) or agent_nationality(tokens, g)
        if owner is None and thing is not None and counted_head == self.topic[0] and not any(
                c.dep_ in ("amod", "compound") for c in thing.children):
            owner_entity = owner = self.topic[1]  # the text's workers are the workers it is about
        frame = Frame(
            thing=_thing_phrase(thing, tokens) if thing is not None else None,
            head=head,
            modifiers=modifiers,
            predicate=predicate,
            owner=owner,
            owner_entity=owner_entity,
            place=place_name(tokens),
            per=per,
            increment=_increment(tokens, counted),
            purpose=_purpose(thing if thing is not None else anchor),
            reason=None if head else "no noun or verb in the sentence says what the figure counts",
        )
        unit = (unit_per_time(unit_word) or _lemma(unit_word)) if unit_word is not None else _unit_of(
            counted if thing is counted else None, head, g)
        if head is not None:
            self.in_sentence = self.last = self.said = (frame, unit)
            self.in_sentence_back, self.said_now = False, True
        return frame, unit

    def located(self, place: str | None) -> str | None:
        """The place of the figure just read, given the one found on its own words: for a figure
        that points back ("the figure rose to 15,000"), the place of the figure it stands for
        when it names none; kept when later figures may point back to this one."""
        if self.pointed_back:
            return place or self.said_place
        if self.said_now:
            self.said_place, self.said_now = place, False
        return place
