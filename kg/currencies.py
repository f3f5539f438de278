"""Currencies as English text names them after a figure ("4 billion rand", "92 million Norwegian
kroner"): the written conventions of ``lexicon.CURRENCIES`` ("dollars" are US dollars) and, from
the Unicode CLDR's data as Babel ships it, the English name of every currency a country uses
today, singular and plural, with the last word of those names where one currency alone has it
("naira", "zlotys"; not "kroner", which Denmark and Norway share).

>>> currency("South African rand"), currency("Norwegian  kroner"), currency("shekels")
('ZAR', 'NOK', 'ILS')
>>> currency("kroner") is None, currency("marks") is None, currency("dollars")
(True, True, 'USD')
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

from babel import Locale
from babel.numbers import get_currency_name, get_currency_symbol, get_territory_currencies

from .lexicon import CURRENCIES, CURRENCY_CODES_BEFORE, CURRENCY_HOMOGRAPHS


@cache
def names() -> dict[str, str]:
    """Lower-case names -> ISO 4217 code (read when first needed: the service rarely needs them)."""
    english = Locale("en")
    in_use = sorted({code for territory in english.territories if isinstance(territory, str)
                     for code in get_territory_currencies(territory, tender=True)})
    found: dict[str, str] = {}
    last: dict[str, set[str]] = defaultdict(set)
    for code in in_use:
        for count in (1, 2):
            name = " ".join(get_currency_name(code, count=count, locale="en").lower().split())
            found.setdefault(name, code)
            last[name.split()[-1]].add(code)
        sign = get_currency_symbol(code, "en").lower()
        if sign != code.lower() and not sign.isalpha() and " " not in sign:
            found.setdefault(sign, code)  # "ca$", "hk$", "₪"
    for word, owners in last.items():
        if len(owners) == 1 and word not in CURRENCY_HOMOGRAPHS:
            found.setdefault(word, next(iter(owners)))
    return {**found, **CURRENCIES}


def after_pattern() -> str:
    """The names written after a figure, longest first, as a regular expression's alternatives."""
    return "|".join(r"\s+".join(re.escape(w) for w in name.split())
                    for name in sorted((n for n in names() if n[:1].isalpha()), key=lambda n: (-len(n), n)))


def before_pattern() -> str:
    """The signs and codes written before a figure ("$", "CA$", "R$", "₪", "USD "), longest first,
    as a regular expression's alternatives (to be matched ignoring case)."""
    return "|".join(re.escape(s) for s in _sign_names()) + "|" + CURRENCY_CODES_BEFORE


def sign_in(text: str) -> str | None:
    """The code of the first currency sign or code in ``text`` ("C$35.40": CAD), or None."""
    found = _signs().search(text)
    return currency(found.group().strip().rstrip(".")) if found else None


@cache
def _signs() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(s) for s in _sign_names()) + "|" + CURRENCY_CODES_BEFORE, re.I)


def _sign_names() -> list[str]:
    """The signs among the names ("$", "ca$", "₪"), longest first."""
    return sorted((n for n in names() if not n.isalnum() and " " not in n), key=lambda n: (-len(n), n))


def currency(words: str) -> str | None:
    """The ISO 4217 code of a currency named by ``words`` (any case and spacing), or None."""
    return names().get(" ".join(words.lower().split()))


@cache
def codes() -> frozenset[str]:
    """The codes of every currency ``currency`` reads."""
    return frozenset(names().values())
