"""Who says a figure: attribution chains read from the dependency parse.

"according to X", "X said/told/reported/found/show", "citing Y", "figures released by X, cited
by Y", "analysts surveyed by X"; names resolve through the alias table, and pronoun speakers to
the last person named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from ..lexicon import (
    AGENT_SUFFIXES,
    ANONYMOUS_NOUNS,
    CITING_VERBS,
    DATA_VERBS,
    FORECAST_VERBS,
    GROUP_NOUNS,
    INFO_NOUNS,
    OBJECTLESS_SPEECH,
    ORG_HEADS,
    PERSON_NOUNS,
    PUBLISHING_VERBS,
    SPEECH_VERBS,
    TITLE_NOUNS,
)
from ..model import ClaimMention, Document, Source
from ..ontology import Gazetteer
from .tokens import char_span, entities_within, entity_of, past_dateline, phrase_head, runs, span_text, subtree

CONTINUATION = re.compile(
    r"^(?:\W*)(?:among\s+(?:them|those|these)|of\s+(?:them|those|these)|other\b|the\s+(?:same|remaining|rest)\b|"
    r"these\b|those\b|the\s+(?:data|figures|report|statistics|numbers)\b)",
    re.I,
)
CONDITIONAL = re.compile(r"^\W*(?:if|were|should|unless|suppose|assuming)\b", re.I)
_PRONOUNS = frozenset("he she".split())


@dataclass(frozen=True)
class Attribution:
    """The attribution chain found in one sentence, outermost first."""

    chain: tuple[Source, ...]
    reporting: tuple[tuple[int, int], ...] = ()
    #: Whether the sentences that follow may continue the report. An expectation or a forecast
    #: ("analysts expected $2.52") speaks for its own sentence, not for the results after it.
    carries: bool = True
    #: Spans of the sentence that are not part of what the source says.
    aside: tuple[tuple[int, int], ...] = ()
    #: The phrases that name the sources ("two people familiar with the matter"): their numbers
    #: count the sources, they are not claims.
    named: tuple[tuple[int, int], ...] = ()

    #: For a report inside a report ("the mayor said police reported ..."): each link with the
    #: span of the sentence it speaks for; empty when one source speaks for the whole sentence.
    scoped: tuple[tuple[Source, tuple[int, int]], ...] = ()

    @property
    def outer(self) -> tuple[Source, ...]:
        """The links that speak for the widest span: what a next sentence may go on reporting."""
        if not self.scoped:
            return self.chain
        widest = max(b - a for _, (a, b) in self.scoped)
        return tuple(src for src, (a, b) in self.scoped if b - a == widest)

    def chain_at(self, start: int, end: int) -> tuple[Source, ...]:
        """The links that speak for ``[start, end)``, outermost first (none in an aside)."""
        if not self.says(start, end):
            return ()
        if not self.scoped:
            return self.chain
        # one speaker over two of its own reports ("the air force said, adding that ...") is one link
        return tuple(_dedupe([src for src, (a, b) in self.scoped if a <= start and end <= b]))

    def says(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` is part of what the source says."""
        return not any(a <= start and end <= b for a, b in self.aside)

    def covers(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` lies in the words that name the source or when it spoke."""
        return any(a <= start and end <= b for a, b in self.reporting)


class SourceReader:
    """Reads sources from dependency structure, resolving names through the alias table."""

    def __init__(self, doc: Document, gazetteer: Gazetteer) -> None:
        self.doc = doc
        self.gazetteer = gazetteer
        self.publisher = gazetteer.resolve(doc.publisher) if doc.publisher else None
        self.publisher_name = _plain(doc.publisher) if doc.publisher else None
        self.last_person: Source | None = None
        self.last_org: Source | None = None

    # ------------------------------------------------------------ one phrase -> one source

    def source(self, tokens: list[Token], speaker: bool = False) -> Source | None:
        """The source a noun phrase names, or None when it names no one.

        ``speaker``: the phrase is the subject of a verb of saying, so a plural common noun
        ("health officials", "economists", "doctors") is a group that speaks.
        """
        tokens = [t for t in tokens if not t.is_punct or t.text in ".'’-"]
        definite = bool(tokens) and tokens[0].lower_ in ("the", "this", "that")
        while tokens and (tokens[0].dep_ in ("det", "predet") and tokens[0].lower_ in ("the",) or tokens[0].is_punct):
            tokens = tokens[1:]
        if not tokens:
            return None
        text, start, end = span_text(tokens)
        head = phrase_head(tokens)
        lemma = head.lower_
        if lemma in _PRONOUNS:
            return self.last_person
        if lemma in ("it", "they", "this", "that", "which", "who", "we", "i", "you") and not (
                head.text.isupper() and len(head.text) > 1):  # "WHO" is an organisation, "who" a pronoun
            return None
        matches = self.gazetteer.find(text)
        people = entities_within(tokens, "PERSON")
        if matches:
            best = max(matches, key=lambda m: m.end - m.start)
            covers_head = best.start <= head.idx - start < best.end
            # "Statistics Canada", "Transport Canada": an organisation whose name ends in a place
            named = [c for c in head.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" and c.text[:1].isupper()
                     and c.lemma_.lower() not in TITLE_NOUNS and not self.gazetteer.find(c.text)]
            if named and covers_head and self.gazetteer.type(best.key) in ("country", "place") and not people:
                self.last_org = Source(span_text([*named, head])[0], "named", None, text)
                return self.last_org
            # "a Radio Free Asia report", "the Russian independent outlet Mediazona": a common
            # noun head stands for the entity named inside the phrase, unless a person is named.
            stands_for = head.pos_ == "NOUN" and (head.lemma_.lower() in INFO_NOUNS or head.lemma_.lower() in ORG_HEADS)
            if covers_head or (stands_for and not people):
                kind = "group" if self.gazetteer.type(best.key) == "group" else "named"
                src = Source(self.gazetteer.label(best.key), kind, best.key, text)
                if not covers_head and self.gazetteer.type(best.key) in ("country", "place") and _placed(head, best.start + start):
                    # "authorities in Beijing": people of a place, named as the text names them
                    src = Source(re.sub(r"^(?:the)\s+", "", text, flags=re.I), "group", best.key, text)
                if self.gazetteer.type(best.key) not in ("person", "group", "country", "place"):
                    self.last_org = src
                return src
        if people:
            person = people[-1]
            src = self._named(person.text, text)
            self.last_person = src
            return src
        orgs = entities_within(tokens, "ORG")
        # "doctors at a hospital in Nagpur": a place the model took for an organisation
        # "the Premier League club": a club of the league, not the league ("a Reuters report" is Reuters',
        # "PG&E officials" and "a United Nations panel" speak for theirs)
        member = (head.pos_ == "NOUN" and head.lemma_.lower() not in INFO_NOUNS | ORG_HEADS and not _people(head)
                  and bool(orgs) and orgs[-1].end <= head.i)
        if orgs and not member and not (head.pos_ == "NOUN" and _placed(head, orgs[-1].start_char, ("in",))):
            # the one the phrase is about, with a name NER cut in two ("the Kiel Institute" + "for
            # the World Economy")
            org = entity_of(head) if head.ent_type_ == "ORG" else orgs[-1]
            after = [o for o in orgs if o.start > org.end and all(
                t.pos_ in ("ADP", "DET") for t in org.doc[org.end : o.start])]
            full = org.doc[org.start : after[0].end] if after and org.doc[org.end].pos_ == "ADP" else org
            self.last_org = Source(re.sub(r"^the\s+", "", full.text, flags=re.I), "named", None, text)
            return self.last_org
        name = next((c for c in head.children if c.dep_ == "appos" and c.i > head.i and c.pos_ == "PROPN"), None)
        if head.pos_ == "NOUN" and name is not None and name.ent_type_ in ("", "PERSON", "ORG"):
            # "the mayor, Ana Ruiz": the name set beside a description, which NER may have missed
            words = span_text([t for t in name.subtree if not t.is_punct])[0]
            src = self._named(words, text)
            if _people(head):
                self.last_person = src
            return src
        # "FIDE, the sport's governing body": the name, without what is set beside it
        beside = [t for c in head.children if c.dep_ == "appos" and c.i > head.i for t in c.subtree]
        named = [t for t in tokens if t not in beside]
        while len(named) > 1 and named[-1].is_punct:
            named.pop()
        clean = re.sub(r"^(?:the)\s+", "", span_text(named)[0] if beside and named else text, flags=re.I)
        if definite and head.lemma_.lower() in INFO_NOUNS | ORG_HEADS and len(tokens) <= 2 and self.last_org is not None \
                and not any(t.text[:1].isupper() for t in tokens):  # "the ministry", not "the Health Ministry"
            # "The report said ...", "The group estimated ...": the organisation named before.
            return self.last_org
        if lemma in INFO_NOUNS or head.lemma_.lower() in INFO_NOUNS:
            return Source(clean, "data", None, text)
        first = tokens[0].lower_
        if head.lemma_.lower() in ANONYMOUS_NOUNS and first in ("a", "an", "another", "one"):
            return Source(clean, "anonymous", None, text)
        plural = head.tag_ in ("NNS", "NNPS")
        if lemma in GROUP_NOUNS or plural and (head.lemma_.lower() in PERSON_NOUNS or head.ent_type_ == "NORP"):
            return Source(clean, "group", None, text)
        if speaker and head.tag_ == "NNS" and head.pos_ == "NOUN":
            return Source(clean, "group", None, text)
        if head.pos_ == "PROPN":
            return Source(clean, "named", None, text)
        if speaker and head.pos_ == "NOUN" and head.is_alpha:
            # "Company management said", "a group representing rural counties": whoever the
            # phrase names speaks, even without a name.
            src = Source(clean, "group", None, text)
            if head.lemma_.lower() in ORG_HEADS:
                self.last_org = src
            return src
        return None

    def _named(self, name: str, phrase: str) -> Source:
        """A source named as written in ``phrase``, under the alias table's label when it knows the name."""
        key = self.gazetteer.resolve(name)
        return Source(self.gazetteer.label(key) if key else name, "named", key, phrase)

    # ------------------------------------------------------------ one sentence -> one chain

    def read(self, sent: Span, figure_spans: list[tuple[int, int]]) -> Attribution | None:
        """The sentence's attribution chain, or None when it names no source. A sentence that
        names no source but has a person for a subject gives the person a later "she said" means."""
        found = self._read(sent, figure_spans)
        if found is None:
            subject = next((t for t in reversed(sent) if t.ent_type_ == "PERSON" and t.dep_ in ("nsubj", "nsubjpass")),
                           None)
            if subject is not None:
                name = entity_of(subject).text
                self.last_person = self._named(name, name)
        return found

    def _read(self, sent: Span, figure_spans: list[tuple[int, int]]) -> Attribution | None:
        tokens = list(sent)
        for tok in tokens:
            if tok.lower_ == "according" and tok.i + 1 < sent.end and sent.doc[tok.i + 1].lower_ == "to":
                to = sent.doc[tok.i + 1]
                objs = [c for c in to.children if c.dep_ == "pobj"]
                if objs:
                    phrase = subtree(objs[0])
                    chain = self._chain_of_phrase(phrase, speaker=True)
                    if chain:
                        # what a clause in the phrase says is no part of the name ("a statement from the
                        # authority, which handled 1.2 million containers")
                        named = subtree(objs[0], stop=[t for t in phrase if t.dep_ in ("relcl", "acl")])
                        return Attribution(chain, (char_span(phrase),), named=runs(named))
        found = [(tok, said) for tok in tokens if (said := self._speech(tok, sent, figure_spans)) is not None]
        if not found:
            return None
        first, attribution = found[0]
        # A report inside another ("Police reported 3 deaths, the mayor said"; "As X reports, ...
        # authorities announced that ..."): the reports that hold the first one or that it holds,
        # outermost first, each speaking for its own span.
        nested = [(tok, said) for tok, said in found
                  if tok == first or _within(first, _scope(tok)) or _within(tok, _scope(first))]
        if len(nested) == 1:
            if first.dep_ != "advcl" or _trailing(first, sent):
                return attribution
            # A report in a clause of its own ("Arteta praised his side, while Kompany said ..."):
            # it speaks for that clause (or, "as X reports", for the one it is set in).
            span = char_span(_scope(first))
            return replace(attribution, scoped=tuple((src, span) for src in attribution.chain))
        nested.sort(key=lambda pair: -len(_scope(pair[0])))
        scoped = tuple((src, char_span(_scope(tok))) for tok, said in nested for src in said.chain)
        return replace(attribution, chain=tuple(_dedupe([src for src, _ in scoped])),
                       reporting=tuple(span for _, said in nested for span in said.reporting), scoped=scoped,
                       named=tuple(span for _, said in nested for span in said.named))

    def _speech(self, tok: Token, sent: Span, figure_spans: list[tuple[int, int]]) -> Attribution | None:
        """The attribution a verb of saying makes, if it is one with a source for its subject."""
        guidance = tok.lemma_.lower() == "see" and tok.tag_ in ("VBZ", "VBP")
        # "officials put the toll at 45": an estimate
        estimate = tok.lemma_.lower() == "put" and any(c.dep_ == "prep" and c.lower_ == "at" for c in tok.children)
        if (tok.lemma_.lower() not in SPEECH_VERBS and not guidance and not estimate) or tok.pos_ not in ("VERB", "AUX"):
            return None
        subjects = ([n for c in tok.children if c.dep_ == "nsubj" and (n := past_dateline(c)) is not None]
                    or _inverted_speaker(tok) or _passive_agent(tok) or _participle_speaker(tok))
        if not subjects:
            return None
        if guidance and subjects[0].pos_ != "PROPN":
            return None  # "the company sees growth of 2%" is a forecast; "residents see smoke" is not
        if _concessive(tok) and not any(tok.left_edge.idx <= a and b <= tok.right_edge.idx + len(tok.right_edge)
                                        for a, b in figure_spans):
            return None  # "three cases were found, though officials say the risk is low"
        if tok.lemma_.lower() in OBJECTLESS_SPEECH and any(c.dep_ == "dobj" for c in tok.children):
            return None
        subject_tokens = subtree(subjects[0], stop=[c for c in subjects[0].children if c.dep_ == "relcl"])
        s, e = subject_tokens[0].idx, subject_tokens[-1].idx + len(subject_tokens[-1].text)
        if any(a < e and s < b and not _counts(subjects[0], a, b) for a, b in figure_spans):
            return None  # "a 12% rise suggests ...": a figure speaks for no one; "three officials said" do
        if tok.lemma_.lower() in DATA_VERBS and tok.lemma_.lower() != "find":
            head_lemma = subjects[0].lemma_.lower()
            if head_lemma not in INFO_NOUNS and subjects[0].lower_ not in INFO_NOUNS and not self.gazetteer.find(span_text(subject_tokens)[0]):
                if subjects[0].lower_ not in GROUP_NOUNS:
                    return None
        speaks = tok.lemma_.lower() not in DATA_VERBS
        said = list(self._chain_of_phrase(subject_tokens, speaker=speaks))
        if not said:
            return None
        said = self._told(tok, said)
        said.extend(self._citing(tok, sent))
        said = [c for c in said if not self._is_publisher(c)]
        if said:
            spans = [char_span(subject_tokens)]
            for c in tok.children:
                if c.dep_ in ("prep", "npadvmod", "advcl") and c.i > tok.i and c.lower_ != "that":
                    spans.append(char_span(subtree(c)))
            # "X reported its third case after two others were confirmed": with its report
            # in its object, the circumstances around the verb are not part of what X says.
            aside = tuple(char_span(subtree(c)) for c in tok.children if c.dep_ == "advcl") \
                if any(c.dep_ == "dobj" for c in tok.children) else ()
            # "Smith, who founded the firm in 1998, said ...": what describes the speaker is not said
            aside += tuple(char_span(subtree(c)) for c in subjects[0].children if c.dep_ == "relcl")
            return Attribution(tuple(_dedupe(said)), tuple(spans), tok.lemma_.lower() not in FORECAST_VERBS,
                               aside, named=runs(subject_tokens))
        return None

    def _chain_of_phrase(self, tokens: list[Token], speaker: bool = False) -> tuple[Source, ...]:
        """A phrase with participles: "figures released by X, cited by Y" -> (Y, X);
        "analysts surveyed by X" -> (X,)."""
        inner: list[Source] = []
        outer: list[Source] = []
        cut: list[Token] = []
        for t in tokens:
            if t.dep_ == "prep" and t.lower_ == "by" and t.head in tokens and t.head.lemma_.lower() in INFO_NOUNS:
                # "forum posts by traders", "a report by the ministry"
                objs = [c for c in t.children if c.dep_ == "pobj"]
                src = self.source(subtree(objs[0]), speaker=True) if objs else None
                if src:
                    inner.append(src)
                    cut.append(t)
                continue
            if t.dep_ == "acl" and t.head in tokens and t.lemma_.lower() in PUBLISHING_VERBS:
                agents = [c for c in t.children if c.dep_ == "agent"]
                for a in agents:
                    objs = [c for c in a.children if c.dep_ == "pobj"]
                    if objs:
                        src = self.source(subtree(objs[0]))
                        if src:
                            (outer if t.lemma_.lower() in CITING_VERBS else inner).append(src)
                cut.append(t)
        if cut:
            head_tokens = subtree(phrase_head(tokens), stop=cut)
            base = self.source(head_tokens, speaker) if not (inner or outer) else None
            return tuple(_dedupe(outer + ([base] if base else []) + inner))
        src = self.source(tokens, speaker)
        return (src,) if src else ()

    def _told(self, verb: Token, chain: list[Source]) -> list[Source]:
        """"a source told Daily NK": the outlet told is the outer link (dropped when it is the publisher)."""
        if verb.lemma_.lower() != "tell":
            return chain
        for c in verb.children:
            if c.dep_ in ("dobj", "dative", "iobj"):
                src = self.source(subtree(c))
                if src and src.entity and self.gazetteer.type(src.entity) == "media":
                    return [src, *chain]
        return chain

    def _is_publisher(self, source: Source) -> bool:
        """The document's own publisher is never a source of its claims."""
        return bool(source.entity and source.entity == self.publisher) or (
            self.publisher_name is not None and _plain(source.label) == self.publisher_name)

    def _citing(self, verb: Token, sent: Span) -> list[Source]:
        out = []
        for t in sent:
            if t.lower_ == "citing" and (t.head == verb or t.head.head == verb or t.head in verb.children):
                for c in t.children:
                    if c.dep_ in ("dobj", "pobj"):
                        src = self.source(subtree(c))
                        if src and (src.entity or src.kind in ("data", "group", "named")):
                            out.append(src)
        return out


def _passive_agent(verb: Token) -> list[Token]:
    """"growth of 2.5% is expected by the ministry": the agent of a passive verb of saying."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return []
    return [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"][:1]


def _people(noun: Token) -> bool:
    """A noun for people ("officials", "executives", "a spokeswoman", "engineers"), who speak for
    the organisation named before it."""
    lemma = noun.lemma_.lower()
    return (lemma in PERSON_NOUNS or lemma in TITLE_NOUNS or lemma.endswith(("man", "woman", "person"))
            or (len(lemma) >= 5 and lemma.endswith(AGENT_SUFFIXES)))


def _trailing(verb: Token, sent: Span) -> bool:
    """A report that closes its sentence after a comma, with nothing of its own to report ("...,
    the commission announced on Friday."): it speaks for the sentence, wherever the parser hung it."""
    last = max((t.i for t in sent if not (t.is_punct or t.is_space)), default=verb.i)
    return (verb.right_edge.i >= last and verb.left_edge.i > sent.start and verb.doc[verb.left_edge.i - 1].text == ","
            and not any(c.dep_ in ("mark", "ccomp", "dobj", "xcomp") for c in verb.children))


def _counts(head: Token, start: int, end: int) -> bool:
    """Whether the figure at ``[start, end)`` only counts the speakers ``head`` names ("three
    officials said"); not when they speak of themselves, as those asked in a survey do ("7,887
    people said they came to study"): then how many they are is what is claimed."""
    span = head.doc.char_span(start, end, alignment_mode="expand")
    if span is None or head.pos_ != "NOUN" or not any(t.dep_ == "nummod" and t.head == head for t in span):
        return False
    return not any(c.dep_ == "ccomp" and any(s.lower_ in ("they", "we") for s in c.children if s.dep_ in ("nsubj", "nsubjpass"))
                   for c in head.head.children)


def _participle_speaker(verb: Token) -> list[Token]:
    """"Union officials disputed the figure, saying that ...": a participle of saying set beside
    its clause speaks for that clause's subject."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "conj") or verb.head.pos_ not in ("VERB", "AUX"):
        return []
    clause = verb.head
    while clause.dep_ == "ccomp" and clause.head.lemma_.lower() in SPEECH_VERBS:
        clause = clause.head  # "X said Russia launched 142 drones, adding ...": X adds it, however it is hung
    return [s for c in clause.children if c.dep_ == "nsubj" and (s := past_dateline(c)) is not None][:1]


def _plain(name: str) -> str:
    """A name compared loosely: lower case, without a leading article or punctuation."""
    return " ".join(re.findall(r"\w+", re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.I).lower()))


def _concessive(verb: Token) -> bool:
    """A verb of saying in a "though" clause: it concedes a point, it does not report the rest."""
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in ("though", "although", "whereas") for c in verb.children)


def _inverted_speaker(verb: Token) -> list[Token]:
    """The speaker after the verb when a quotation comes first ("\u201c...,\u201d wrote Jane Roe"),
    which the parser often reads as the verb's object."""
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if before is None or before.text not in ("\u201d", '"', "'", "\u2019", ","):
        return []
    after = [c for c in verb.children if c.i > verb.i and c.dep_ in ("dobj", "attr", "npadvmod", "nsubj")]
    return after[:1] if after and after[0].i <= verb.i + 6 else []


def _dedupe(chain: list[Source]) -> list[Source]:
    out: list[Source] = []
    for s in chain:
        if not any((s.entity and s.entity == o.entity) or s.label.lower() == o.label.lower() for o in out):
            out.append(s)
    return out


#: How far after a quotation its speaker may be named (", wrote the bank's chief economist Jane Roe").
SPEAKER_REACH = 60
_QUOTE_MARKS = re.compile("[\u201c\u201d\"\n]")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Quotations in a text, from the opening to the closing mark; none runs past a line break.

    >>> quote_spans('He said: \u201cIt fell 5%.\u201d Then "it rose"')
    [(9, 22), (28, 37)]
    """
    spans, opened = [], None
    for m in _QUOTE_MARKS.finditer(text):
        mark = m.group()
        if mark == "\n":
            opened = None
        elif mark == "\u201c" or (mark == '"' and opened is None):
            opened = m.start()
        elif opened is not None:
            spans.append((opened, m.end()))
            opened = None
    return spans


def quoted(text: str, mentions: list[ClaimMention], speakers: list[tuple[int, int, Attribution]]) -> list[ClaimMention]:
    """Give figures inside a quotation the quotation's speaker when their sentence names none.

    The speaker is the one named right after the quotation closes ("\u201c...,\u201d wrote Fadem"),
    or, for a quotation that runs on without one, the speaker of the quotation before it in the
    same paragraph. The parser often ends a sentence inside a long quotation, so the speaker's
    sentence is not the figure's.
    """
    spans = quote_spans(text)
    if not spans or not mentions:
        return mentions
    own = {(start, end) for start, end, _ in speakers}
    chains: list[tuple[int, int, tuple[Source, ...]]] = []
    previous: tuple[int, tuple[Source, ...]] | None = None
    for q_start, q_end in spans:
        chain: tuple[Source, ...] = ()
        for _, _, attribution in speakers:
            named = min((a for a, _ in attribution.reporting), default=-1)
            if q_end - 1 <= named <= q_end + SPEAKER_REACH:
                chain = attribution.chain
                break
        if not chain and previous is not None and "\n" not in text[previous[0]:q_start]:
            chain = previous[1]
        if chain:
            chains.append((q_start, q_end, chain))
            previous = (q_end, chain)
    out = []
    for m in mentions:
        inside = next((c for a, b, c in chains if a < m.start and m.end < b), None)
        if inside is not None and (m.sentence.start, m.sentence.end) not in own:
            m = replace(m, sources=inside)
        out.append(m)
    return out


def _scope(verb: Token) -> list[Token]:
    """The words a verb of saying speaks for: its clause, or the clause it is set in ("As X
    reports, the first cases came to light ...")."""
    marked = verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    return subtree(verb.head if marked else verb)


def _within(tok: Token, scope: list[Token]) -> bool:
    return scope[0].i <= tok.i <= scope[-1].i


def _placed(head: Token, at: int, prepositions: tuple[str, ...] = ("in", "at", "from")) -> bool:
    """Whether the name starting at character ``at`` is in a phrase of place under ``head``
    ("authorities in Beijing", "doctors at a hospital in Nagpur"), not a word of the head's own
    name ("Beijing authorities")."""
    name = next((t for t in head.subtree if t.idx <= at < t.idx + len(t.text)), None)
    while name is not None and name.dep_ in ("compound", "amod", "flat", "poss") and name.head != name:
        name = name.head  # "in China's Inner Mongolia": from the name's first word to the phrase's head
    return name is not None and name.dep_ == "pobj" and name.head.lower_ in prepositions
