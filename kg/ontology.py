"""Access to ``ontology/``: the vocabulary, the SHACL shapes and the alias table of entities.

The alias table (``entities.ttl``) gives each known entity one key, a type, a preferred label
and its aliases. ``Gazetteer`` finds those names in text.

>>> gaz = Gazetteer.load()
>>> gaz.resolve("South Korea's National Intelligence Service")
'nis'
>>> gaz.label("nis")
'National Intelligence Service'
>>> [(m.key, m.text) for m in gaz.find("the WSJ cited N. Korea")]
[('wsj', 'WSJ'), ('north-korea', 'N. Korea')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import Graph, URIRef

from .vocab import CG, ID, SKOS

ENTITY_PREFIX = str(ID["entity/"])


def ontology_dir() -> Path:
    """The ontology folder: packaged beside the code, or at the top of a source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "ontology", here.parent / "ontology"):
        if (candidate / "claims.ttl").is_file():
            return candidate
    raise FileNotFoundError("ontology/claims.ttl not found beside the kg package; reinstall the project")


@cache
def vocabulary() -> Graph:
    """The vocabulary (``claims.ttl``) as an rdflib graph."""
    return Graph().parse(ontology_dir() / "claims.ttl", format="turtle")


@cache
def entities() -> Graph:
    """The alias table (``entities.ttl``) as an rdflib graph."""
    return Graph().parse(ontology_dir() / "entities.ttl", format="turtle")


@cache
def shapes() -> Graph:
    """The SHACL shapes (``shapes.ttl``)."""
    return Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")


@cache
def claimreview_shapes() -> Graph:
    """The SHACL shapes of the ClaimReview feed (``claimreview.ttl``)."""
    return Graph().parse(ontology_dir() / "claimreview.ttl", format="turtle")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'").replace("‘", "'")).strip()


@dataclass(frozen=True)
class EntityMatch:
    key: str
    text: str
    start: int
    end: int


class Gazetteer:
    """Known entities and their names, matched on word boundaries.

    Short all-capital aliases (``NIS``, ``UN``) match case-sensitively; other names match
    in any case. Longer names win over the names they contain.
    """

    def __init__(
        self,
        names: dict[str, str],
        labels: dict[str, str],
        types: dict[str, str],
        parents: dict[str, str],
        demonyms: dict[str, str] | None = None,
    ):
        self.labels = labels
        self.demonyms = demonyms or {}
        # One pattern for every demonym, longest first, so a phrase is scanned once.
        words = sorted(self.demonyms, key=len, reverse=True)
        self._demonym_pattern = re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])") if words else None
        self.types = types
        self.parents = parents
        self._names = names
        alternatives = [
            f"(?-i:{re.escape(n)})" if _case_sensitive(n) else re.escape(n)
            for n in sorted(names, key=len, reverse=True)
        ]
        self._pattern = re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", re.I)
        self._folded = {n.lower(): k for n, k in names.items() if not _case_sensitive(n)}

    @classmethod
    @cache
    def load(cls) -> Gazetteer:
        g = entities()
        names: dict[str, str] = {}
        labels: dict[str, str] = {}
        types: dict[str, str] = {}
        parents: dict[str, str] = {}
        demonyms: dict[str, str] = {}
        for entity in g.subjects(CG.entityType, None):
            key = str(entity)[len(ENTITY_PREFIX) :]
            labels[key] = str(g.value(entity, SKOS.prefLabel))
            types[key] = str(g.value(entity, CG.entityType))
            parent = g.value(entity, CG.partOf)
            if isinstance(parent, URIRef):
                parents[key] = str(parent)[len(ENTITY_PREFIX) :]
            for name in [labels[key], *map(str, g.objects(entity, SKOS.altLabel))]:
                names.setdefault(_norm(name), key)
                if name.lower().startswith("the "):
                    names.setdefault(_norm(name[4:]), key)
            for demonym in g.objects(entity, SKOS.hiddenLabel):
                demonyms[_norm(str(demonym)).lower()] = key
        return cls(names, labels, types, parents, demonyms)

    def find(self, text: str) -> list[EntityMatch]:
        """Every known name in ``text``, longest first at each position, left to right."""
        normalised = text.replace("’", "'").replace("‘", "'")
        return [EntityMatch(self.key_of(m.group()), text[m.start() : m.end()], m.start(), m.end())
                for m in self._pattern.finditer(normalised)]

    def names(self) -> list[tuple[str, str]]:
        """Every known name with its entity key."""
        return sorted(self._names.items())

    def key_of(self, name: str) -> str:
        name = _norm(name)
        return self._names.get(name) or self._folded[name.lower()]

    def resolve(self, text: str) -> str | None:
        """The entity a phrase names: its longest known name, or None."""
        matches = self.find(text)
        if not matches:
            return None
        return max(matches, key=lambda m: m.end - m.start).key

    def nationality(self, text: str) -> str | None:
        """The entity a phrase's demonym or name points to ("North Korean workers" -> north-korea)."""
        lowered = _norm(text).lower()
        found = self._demonym_pattern.search(lowered) if self._demonym_pattern else None
        if found:
            return self.demonyms[found.group()]
        key = self.resolve(text)
        return key if key and self.types.get(key) == "country" else None

    def label(self, key: str) -> str:
        return self.labels[key]

    def type(self, key: str) -> str:
        return self.types[key]

    def ancestry(self, key: str) -> set[str]:
        """An entity and the entities it is part of, up the alias table's ``cg:partOf`` links."""
        seen = {key}
        while key in self.parents and self.parents[key] not in seen:
            key = self.parents[key]
            seen.add(key)
        return seen


def _case_sensitive(name: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", name)
    return len(letters) <= 5 and letters.isupper() or name == "Kim"
