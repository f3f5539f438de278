"""Units of measurement as written in news ("127 millimeters", "30 knots", "200 square
kilometres"), read with pint: a canonical unit, its dimension and the factor to SI base units.

>>> physical_unit("millimeters")
PhysicalUnit(name='millimeter', dimension='length', factor=0.001)
>>> physical_unit("square kilometres").name, physical_unit("nautical miles").name
('kilometer**2', 'nautical_mile')
>>> physical_unit("kilometer**2").dimension
'area'
>>> physical_unit("points") is None, physical_unit("cases") is None
(True, True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from .lexicon import AMBIGUOUS_UNIT_WORDS, TIME_UNITS

if TYPE_CHECKING:
    import pint

#: pint dimensionality -> the name a measure key uses. Dimensionless units (percent, degree of
#: angle) and time (read as durations elsewhere) are not physical units here.
_DIMENSIONS = {
    "[length]": "length",
    "[length] ** 2": "area",
    "[length] ** 3": "volume",
    "[mass]": "mass",
    "[length] / [time]": "speed",
    "[temperature]": "temperature",
    "[mass] * [length] ** 2 / [time] ** 2": "energy",
    "[mass] * [length] ** 2 / [time] ** 3": "power",
}
#: A unit as written ("square kilometres") or as pint names it ("kilometer**2", "nautical_mile").
_WORDS = re.compile(r"^(?:[A-Za-z][A-Za-z_ */-]{1,39}|[A-Za-z][A-Za-z_]{0,39}\*\*[23])$")


@dataclass(frozen=True)
class PhysicalUnit:
    """A unit: pint's canonical name, its dimension, and how many SI base units one of it is."""

    name: str
    dimension: str
    factor: float


@lru_cache(maxsize=1)
def _registry() -> pint.UnitRegistry:
    import pint  # a fifth of a second: loaded when a unit is first read, not by every command and the service

    return pint.UnitRegistry(cache_folder=None)


def _errors() -> tuple[type[BaseException], ...]:
    """What pint raises for words that are no unit, and the errors of reading them."""
    import pint

    return pint.errors.PintError, AttributeError, TypeError, ValueError, KeyError


def _name(units: pint.Unit | pint.facets.plain.PlainUnit) -> str:
    """pint's name of a unit without spaces, which it reads back ("kilometer**2")."""
    return str(units).replace(" ", "")


@lru_cache(maxsize=8192)
def physical_unit(words: str) -> PhysicalUnit | None:
    """The physical unit ``words`` name, or None (for nouns that are not units, and for words
    that are units only in a technical sense: "point", "are", "bar", "stone")."""
    text = words.strip().lower()
    if len(text) < 2 or not _WORDS.fullmatch(text) or text in AMBIGUOUS_UNIT_WORDS:
        return None
    ureg = _registry()
    for name in (text, text.replace(" ", "_").replace("-", "_")):
        try:
            quantity = ureg.Quantity(1, name)
        except _errors():
            continue
        dimension = _DIMENSIONS.get(str(quantity.dimensionality))
        if dimension is None:
            return None
        if dimension == "temperature":
            return PhysicalUnit(_name(quantity.units), dimension, 1.0)
        return PhysicalUnit(_name(quantity.units), dimension, float(quantity.to_base_units().magnitude))
    return None


@lru_cache(maxsize=4096)
def factor(source: str, target: str) -> float | None:
    """How many ``target`` units one ``source`` unit is, for units of time or physical units of
    one dimension ("hour", "minutes" -> 60.0); None when they cannot be compared.

    >>> factor("hour", "minutes"), factor("mile", "kilometres") is not None, factor("hour", "metre")
    (60.0, True, None)
    """
    ureg = _registry()
    names = []
    for words in (source, target):
        text = words.strip().lower()
        if not _WORDS.fullmatch(text) or text in AMBIGUOUS_UNIT_WORDS:
            return None
        names.append(text.replace(" ", "_"))
    try:
        return float(ureg.Quantity(1, names[0]).to(names[1]).magnitude)
    except _errors():
        return None


def unit_kind(word: str) -> str | None:
    """"time" for a unit of time ("minutes"), "physical" for a physical unit ("knots"), else None.

    >>> unit_kind("minutes"), unit_kind("square-kilometre"), unit_kind("cases")
    ('time', 'physical', None)
    """
    low = word.lower().replace("-", " ").strip()
    if low in TIME_UNITS or (low.endswith("s") and low[:-1] in TIME_UNITS):
        return "time"
    return "physical" if physical_unit(low) is not None else None
