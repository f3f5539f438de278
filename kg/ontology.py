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
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from rdflib import RDF, Graph, Literal, URIRef

from .lexicon import PLACE_QUALIFIERS
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
    """The alias table as an rdflib graph: ``entities.ttl``, and every country it does not name
    itself, with its names and demonyms (``world``)."""
    g = Graph().parse(ontology_dir() / "entities.ttl", format="turtle")
    known = {_norm(str(name)).lower(): entity for p in (SKOS.prefLabel, SKOS.altLabel)
             for entity, name in g.subject_objects(p)}
    demonyms = {_norm(str(d)).lower() for d in g.objects(None, SKOS.hiddenLabel)}
    for country in world():
        entity = next((known[n.lower()] for n in country.names if n.lower() in known), None)
        if entity is None:
            entity = ID[f"entity/{country.key}"]
            g.add((entity, RDF.type, CG.Entity))
            g.add((entity, CG.entityType, Literal("country")))
            g.add((entity, SKOS.prefLabel, Literal(country.names[0])))
        for name in country.names:
            if name.lower() not in known:
                known[name.lower()] = entity
                g.add((entity, SKOS.altLabel, Literal(name)))
        for demonym in country.demonyms:
            if demonym.lower() not in demonyms:
                demonyms.add(demonym.lower())
                g.add((entity, SKOS.hiddenLabel, Literal(demonym)))
    return g


@dataclass(frozen=True)
class Country:
    """A country or territory: its key, its English names (the common one first) and the words
    for its people."""

    key: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]


@cache
def world() -> list[Country]:
    """The countries and territories of ISO 3166 and a few more, from the ``countryinfo``
    package's data: names written in English letters (not codes, nor names with a comma or a
    bracket), and the demonym with its plural; a demonym several share ("Chinese", "French") is
    the most populous one's. Entries of one ISO code are one country ("Burma", "Myanmar")."""
    from countryinfo import CountryInfo

    groups: dict[str, list[dict[str, Any]]] = {}
    for data in CountryInfo.all().values():
        info: dict[str, Any] = dict(data)
        groups.setdefault(str((info.get("ISO") or {}).get("alpha3") or info["name"]), []).append(info)
    population = {code: max(int(i.get("population") or 0) for i in infos) for code, infos in groups.items()}
    people: dict[str, str] = {}  # demonym -> the code of the most populous country it names
    for code, infos in groups.items():
        for info in infos:
            d = str(info.get("demonym") or "")
            if d and (d not in people or population[people[d]] < population[code]):
                people[d] = code
    out = []
    for code, infos in sorted(groups.items()):
        spelt = [str(n) for i in infos for n in [i["name"], *(i.get("altSpellings") or [])]]
        # "Thai" is Thailand's people, not its name
        names = list(dict.fromkeys(n for n in spelt if _english_name(n) and n not in people))
        if not names:
            continue
        demonyms = [d for d in dict.fromkeys(str(i.get("demonym") or "") for i in infos) if d and people[d] == code]
        demonyms += [d for d in _derived_demonyms(names) if d not in people and d not in demonyms]
        out.append(Country(slug(names[0]), tuple(names), tuple(w for d in demonyms for w in (d, _plural(d)) if w)))
    return out


def _derived_demonyms(names: Sequence[str]) -> list[str]:
    """The word English forms for a country's people from a one-word name in "-stan" ("land of"),
    its stem: "Uzbek" of Uzbekistan, "Kazakh" of Kazakhstan, "Tajik" of Tajikistan."""
    stems = (name[:-5] if name.endswith("istan") else name[:-4] if name.endswith("stan") else "" for name in names
             if " " not in name)
    return list(dict.fromkeys(stem for stem in stems if len(stem) >= 5))


def _english_name(name: str) -> bool:
    """A name as English text writes it: letters of the English alphabet, not a code ("KE"),
    and no comma or bracket ("Korea (Republic of)")."""
    return bool(re.fullmatch(r"[A-Za-z][A-Za-z .'-]*[a-z.]", name)) and not name.isupper()


def _plural(demonym: str) -> str | None:
    """The word for a country's people in the plural ("Kenyans", "Thais"), or None when it is
    the same ("Chinese", "Swiss") or is no noun ("British", "Dutch")."""
    return None if demonym.endswith(("ese", "s", "sh", "ch", "z")) else demonym + "s"


def slug(text: str) -> str:
    """A name as a key: lower case, words joined by hyphens.

    >>> slug("Home Depot's")
    'home-depot'
    """
    text = re.sub(r"['’]s$", "", text.strip())
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


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

    Short all-capital aliases (``NIS``, ``UN``) match as written; other names with capitals
    match as written or in capitals ("Turkey", "TURKEY", not "turkey"); names in lower case
    match in any case. Longer names win over the names they contain.
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
            f"(?-i:{re.escape(n)})" if _case_sensitive(n)
            else f"(?-i:{re.escape(n)}|{re.escape(n.upper())})" if n != n.lower() else re.escape(n)
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
        """Every known name in ``text``, longest first at each position, left to right; not one
        that a capitalised qualifier makes the name of another place ("Inner Mongolia")."""
        normalised = text.replace("’", "'").replace("‘", "'")
        return [EntityMatch(self.key_of(m.group()), text[m.start() : m.end()], m.start(), m.end())
                for m in self._pattern.finditer(normalised) if not _qualified(normalised, m.start())]

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


def _qualified(text: str, start: int) -> bool:
    """Whether the name at ``start`` follows a capitalised qualifier that makes it another place."""
    before = text[max(0, start - 12) : start]
    if not before.endswith(" "):
        return False
    word = before[:-1].rsplit(" ", 1)[-1]
    return word in PLACE_QUALIFIERS and (len(word) < len(before) - 1 or start - 1 - len(word) <= 0)


def _case_sensitive(name: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", name)
    return len(letters) <= 5 and letters.isupper() or name == "Kim"
