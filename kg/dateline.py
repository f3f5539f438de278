"""Calendar dates as datelines, bylines and pages write them ("Nov. 20, 2019", "05 Feb. 2025", "2019-11-18T22:05Z").

>>> find_date("Wednesday, Mar. 4 2015, 5:05 AM EST")[0].isoformat()
'2015-03-04'
>>> find_date("2019-11-18T22:05:36Z")[0].isoformat()
'2019-11-18'
"""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
            ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
            ("oct", "october"), ("nov", "november"), ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
_MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DATE_PATTERNS = [
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(rf"\b(?P<day>\d{{1,2}})\s+{_MONTH},?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)(?!\d)"),
]


def find_date(s: str) -> tuple[date, int, int] | None:
    """The first full calendar date in ``s`` with its offsets.

    >>> find_date("Published: 05 Feb. 2025, 17:25")[0].isoformat()
    '2025-02-05'
    """
    best = None
    for pattern in _DATE_PATTERNS:
        m = pattern.search(s)
        if not m or (best and best[1] <= m.start()):
            continue
        month = m.group("month")
        month_no = int(month) if month.isdigit() else _MONTHS.get(month.lower().rstrip("."))
        if month_no is None:
            continue
        try:
            best = (date(int(m.group("year")), month_no, int(m.group("day"))), m.start(), m.end())
        except (TypeError, ValueError):
            continue
    return best
