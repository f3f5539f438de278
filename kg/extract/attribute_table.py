"""The model's attribute rules (fine tag to part of speech and morphology, lemma exceptions)
applied by table lookup instead of spaCy's ``Matcher``.

spaCy's ``attribute_ruler`` runs every one of its patterns (179 in the English pipelines) at every
token, which costs as much as the parser. Almost all of them test one token for equal values
(``{"TAG": "NNS"}``, ``{"LOWER": "whom", "TAG": "WP"}``), so each token can find the few that
may apply by its tag, lower-case form or dependency label. The result is the ruler's exactly: the
same patterns, tested against the tokens as they were before any of them applied, their
attributes set by spaCy's own function in the ruler's order (pattern by pattern, then left to
right). A ruler with a pattern this table cannot read (operators, other keys or predicates) is
kept as it is.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs

#: The token attributes a pattern may test, read from a token as the ``Matcher`` reads them.
_READ: dict[str, Callable[[Token], object]] = {
    "TAG": lambda t: t.tag_, "LOWER": lambda t: t.lower_, "DEP": lambda t: t.dep_, "IS_SPACE": lambda t: t.is_space,
}
#: The attributes a token can be looked up by (in this order of preference: the most selective first).
_KEYS = ("LOWER", "TAG", "DEP")

Test = Callable[[Token], bool]


class Unreadable(ValueError):
    """A pattern uses something the table does not read; the ruler is kept."""


def _test(attr: str, value: object) -> Test:
    read = _READ.get(attr)
    if read is None:
        raise Unreadable(attr)
    if isinstance(value, (str, bool)):
        return lambda t: read(t) == value
    if isinstance(value, dict) and len(value) == 1:
        ((op, arg),) = value.items()
        if op == "IN" and isinstance(arg, list):
            allowed = frozenset(arg)
            return lambda t: read(t) in allowed
        if op == "NOT_IN" and isinstance(arg, list):
            banned = frozenset(arg)
            return lambda t: read(t) not in banned
        if op == "REGEX" and isinstance(arg, str):
            search = re.compile(arg).search
            return lambda t: bool(search(str(read(t))))
    raise Unreadable(f"{attr}: {value!r}")


def _keys(spec: dict[str, Any]) -> tuple[str, list[str]] | None:
    """The attribute and values a token spec can be found under, if any."""
    for attr in _KEYS:
        value = spec.get(attr)
        if isinstance(value, str):
            return attr, [value]
        if isinstance(value, dict) and list(value) == ["IN"] and all(isinstance(v, str) for v in value["IN"]):
            return attr, list(value["IN"])
    return None


@dataclass(frozen=True)
class _Rule:
    order: int  # the pattern's number: later patterns win
    tests: tuple[tuple[Test, ...], ...]  # one tuple of tests per token of the pattern
    index: int  # which token of the match takes the attributes
    attrs: dict[int, Any]

    def at(self, doc: Doc, start: int) -> int | None:
        """The token that takes the attributes when the pattern matches at ``start``."""
        end = start + len(self.tests)
        if end > len(doc) or not all(test(doc[start + k]) for k, tests in enumerate(self.tests) for test in tests):
            return None
        return start + (self.index if self.index >= 0 else len(self.tests) + self.index)


class AttributeTable:
    """A pipeline component doing what an ``AttributeRuler`` does, by lookup."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.indexed: dict[tuple[str, str], list[_Rule]] = defaultdict(list)
        self.scanned: list[_Rule] = []  # patterns no key finds: tried at every token
        patterns = cast(list[dict[str, Any]], ruler.patterns)
        for order, pattern in enumerate(patterns):
            for alternative in pattern["patterns"]:
                if not alternative or any(set(spec) - set(_READ) for spec in alternative):
                    raise Unreadable(str(alternative))
                rule = _Rule(order, tuple(tuple(_test(a, v) for a, v in spec.items()) for spec in alternative),
                             pattern.get("index", 0), ruler.attrs[order])
                found = _keys(alternative[0])
                if found is None:
                    self.scanned.append(rule)
                else:
                    attr, values = found
                    for value in values:
                        self.indexed[(attr, value)].append(rule)

    def _matches(self, doc: Doc) -> list[tuple[int, int, int, _Rule]]:
        """Every match as the ``Matcher`` finds it: tested against the tokens as they are, in the
        ruler's order (pattern, then start)."""
        hits: list[tuple[int, int, int, _Rule]] = []
        indexed, scanned = self.indexed, self.scanned
        for tok in doc:
            start = tok.i
            for rules in (indexed.get(("LOWER", tok.lower_)), indexed.get(("TAG", tok.tag_)),
                          indexed.get(("DEP", tok.dep_)), scanned):
                for rule in rules or ():
                    at = rule.at(doc, start)
                    if at is not None:
                        hits.append((rule.order, start, at, rule))
        hits.sort(key=lambda hit: hit[:3])
        return hits

    def __call__(self, doc: Doc) -> Doc:
        for _order, _start, at, rule in self._matches(doc):
            set_token_attrs(doc[at], rule.attrs)
        return doc


def replace_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Run the pipeline's attribute ruler by table lookup; False (and the ruler kept) when it has a
    pattern the table cannot read or the pipeline has none."""
    if name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    if not isinstance(ruler, AttributeRuler):
        return False
    try:
        table = AttributeTable(ruler)
    except Unreadable:
        return False
    nlp.replace_pipe(name, "kg_attribute_table")
    component = nlp.get_pipe(name)
    assert isinstance(component, _Holder)
    component.table = table
    return True


class _Holder:
    """The registered component: it runs the table it is given."""

    table: AttributeTable | None = None

    def __call__(self, doc: Doc) -> Doc:
        return self.table(doc) if self.table is not None else doc


@Language.factory("kg_attribute_table")
def _make_holder(nlp: Language, name: str) -> _Holder:
    return _Holder()
