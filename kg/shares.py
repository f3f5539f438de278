"""Shares said as counts: "one in five", "1 in 4", "two out of every three" (20, 25 and 66.7 percent).

>>> [round(share_of(m), 1) for m in SHARE.finditer("one in five adults and 2 out of every 3 homes")]
[20.0, 66.7]
>>> share_of(SHARE.search("two in 2024")) is None
True
"""

from __future__ import annotations

import re

from .lexicon import NUMBER_WORDS

#: "one in five", "1 in 4", "two out of every three": a share, in words or digits.
SHARE = re.compile(r"\b(?P<a>\d{1,3}|[a-z]{3,9})\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<b>\d{1,4}|[a-z]{3,9})\b", re.I)


def share_of(m: re.Match[str]) -> float | None:
    """The percentage a ``SHARE`` match says, or None when it is no share ("two in 2024")."""
    def number(word: str) -> int | None:
        return int(word) if word.isdigit() else NUMBER_WORDS.get(word.lower())
    a, b = number(m.group("a")), number(m.group("b"))
    if a is None or b is None or not 0 < a < b or 1800 <= b <= 2100:
        return None
    return 100 * a / b
