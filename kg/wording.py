"""Numbers as people write them, for reasons, tables and pages: digits grouped, no exponents.

>>> [number(x) for x in (1.5e6, 9.99e6, 2.53, 12.0, 0.33333, 7887, float("inf"), -4.5e-05)]
['1,500,000', '9,990,000', '2.53', '12', '0.3333', '7,887', '∞', '-0.000045']
"""

from __future__ import annotations

import math


def number(x: float) -> str:
    """``x`` with grouped digits and at most four decimals (more for tiny values), never in
    exponent form."""
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    if x == int(x) and abs(x) < 1e18:
        return f"{int(x):,}"
    places = max(4, 1 - math.floor(math.log10(abs(x))) + 1) if abs(x) < 1 else 4
    return f"{x:,.{places}f}".rstrip("0").rstrip(".")
