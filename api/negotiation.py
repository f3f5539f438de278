"""Content negotiation: the media types a client accepts, best first, and the offer it prefers.

>>> best_offer("application/ld+json;q=0, */*;q=0.1", ["application/json", "application/ld+json"])
'application/json'
>>> best_offer("text/csv", ["application/json"]) is None
True
"""

from __future__ import annotations


def accepted(accept: str) -> list[tuple[str, float]]:
    """Media ranges of an Accept header with their quality, best first; ranges with q=0 left out."""
    ranges = []
    for index, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.replace(" ", "").lower().startswith("q="):
                try:
                    q = float(f.split("=", 1)[1])
                except ValueError:
                    q = 0.0
        ranges.append((fields[0].lower(), q, -index))
    ranges.sort(key=lambda r: (r[1], r[2]), reverse=True)
    return [(r[0], r[1]) for r in ranges if r[1] > 0]


def best_offer(accept: str | None, offers: list[str]) -> str | None:
    """The offer that best matches ``accept``: the first offer when anything goes, None when none does."""
    if not accept:
        return offers[0]
    for media, _ in accepted(accept):
        if media in ("*/*", "*"):
            return offers[0]
        for offer in offers:
            if media == offer or (media.endswith("/*") and offer.startswith(media[:-1])):
                return offer
    return None
