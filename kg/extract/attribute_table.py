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

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import StringStore
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

#: The token attributes a pattern may test, in the order a token's row holds them: each read as the
#: ``Matcher`` reads it, as the hash of its string (or 0 and 1 for a flag).
_READ = (LOWER, TAG, DEP, IS_SPACE)
_FIELD = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}
#: The attributes a token can be looked up by (in this order of preference: the most selective first).
_KEYS = ("LOWER", "TAG", "DEP")

Row = tuple[int, int, int, int]
#: How many tokens' rows the table keeps the one-token matches of.
_ROWS_KEPT = 50_000
Test = Callable[[Row], bool]


class Unreadable(ValueError):
    """A pattern uses something the table does not read; the ruler is kept."""


def _test(attr: str, value: object, strings: StringStore) -> Test:
    field = _FIELD.get(attr)
    if field is None:
        raise Unreadable(attr)
    if isinstance(value, bool):
        flag = int(value)
        return lambda row: row[field] == flag
    if isinstance(value, str):
        wanted = strings[value]
        return lambda row: row[field] == wanted
    if isinstance(value, dict) and len(value) == 1 and field != _FIELD["IS_SPACE"]:
        ((op, arg),) = value.items()
        if op == "IN" and isinstance(arg, list):
            allowed = frozenset(strings[v] for v in arg)
            return lambda row: row[field] in allowed
        if op == "NOT_IN" and isinstance(arg, list):
            banned = frozenset(strings[v] for v in arg)
            return lambda row: row[field] not in banned
        if op == "REGEX" and isinstance(arg, str):
            search = re.compile(arg).search
            return lambda row: bool(search(strings[row[field]]))
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

    def at(self, rows: list[Row], start: int) -> int | None:
        """The token that takes the attributes when the pattern matches at ``start``."""
        end = start + len(self.tests)
        if end > len(rows) or not all(test(rows[start + k]) for k, tests in enumerate(self.tests) for test in tests):
            return None
        return start + (self.index if self.index >= 0 else len(self.tests) + self.index)


class AttributeTable:
    """A pipeline component doing what an ``AttributeRuler`` does, by lookup."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.indexed: dict[tuple[int, int], list[_Rule]] = defaultdict(list)
        self.scanned: list[_Rule] = []  # patterns no key finds: tried at every token
        # The one-token patterns that match a token depend on its row alone, and a text repeats
        # few rows: each row's are found once (the store is emptied when it grows large).
        self.by_row: dict[Row, tuple[tuple[_Rule, ...], tuple[_Rule, ...]]] = {}
        patterns = cast(list[dict[str, Any]], ruler.patterns)
        for order, pattern in enumerate(patterns):
            for alternative in pattern["patterns"]:
                if not alternative or any(set(spec) - set(_FIELD) for spec in alternative):
                    raise Unreadable(str(alternative))
                tests = tuple(tuple(_test(a, v, ruler.vocab.strings) for a, v in spec.items()) for spec in alternative)
                rule = _Rule(order, tests, pattern.get("index", 0), ruler.attrs[order])
                found = _keys(alternative[0])
                if found is None:
                    self.scanned.append(rule)
                else:
                    attr, values = found
                    for value in values:
                        self.indexed[(_FIELD[attr], ruler.vocab.strings[value])].append(rule)

    def _candidates(self, row: Row) -> list[_Rule]:
        """The patterns whose first token may be this one."""
        lower, tag, dep, _space = row
        get = self.indexed.get
        return [*get((0, lower), ()), *get((1, tag), ()), *get((2, dep), ()), *self.scanned]

    def _at(self, row: Row) -> tuple[tuple[_Rule, ...], tuple[_Rule, ...]]:
        """The one-token patterns that match a token, and the longer ones that may start at it."""
        found = self.by_row.get(row)
        if found is None:
            candidates = self._candidates(row)
            found = (tuple(rule for rule in candidates if len(rule.tests) == 1 and rule.at([row], 0) == 0),
                     tuple(rule for rule in candidates if len(rule.tests) > 1))
            if len(self.by_row) >= _ROWS_KEPT:
                self.by_row.clear()
            self.by_row[row] = found
        return found

    def _matches(self, doc: Doc) -> list[tuple[int, int, int, _Rule]]:
        """Every match as the ``Matcher`` finds it: tested against the tokens as they are, in the
        ruler's order (pattern, then start)."""
        hits: list[tuple[int, int, int, _Rule]] = []
        rows: list[Row] = [tuple(row) for row in doc.to_array(list(_READ)).tolist()]
        for start, row in enumerate(rows):
            matched, longer = self._at(row)
            hits.extend((rule.order, start, start, rule) for rule in matched)
            for rule in longer:
                at = rule.at(rows, start)
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
