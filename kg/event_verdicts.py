"""Reports of one event in several documents: they corroborate, or disagree on its date or place."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from .model import Claim, Relation, TimeScope
from .ontology import Gazetteer, slug

#: How many neighbours in time each event report is compared with.
NEIGHBOURS = 64


def event_keys(claim: Claim) -> frozenset[str]:
    """Who takes part in an event, as keys that match across reports: alias-table entities, and
    the names NER reads ("WeWork", "SoftBank Group Corp") in lower case."""
    keys = set(claim.participants)
    keys.update(k for _, k in _actor_keys(claim))
    return frozenset(k for k in keys if k)


def _actor_keys(claim: Claim) -> list[tuple[str, str]]:
    """The roles and keys of the actors of an event that are known by a key."""
    return [(a.role, a.entity or slug(a.name))
            for a in claim.actors if a.entity or a.named]


#: The roles in which two reports naming different actors tell different events.
_DECIDING_ROLES = ("agent", "patient")


def _others(a: Claim, b: Claim) -> bool:
    """Whether two reports name different actors in the same role ("Russia sent troops to Syria",
    "Iran sent troops to Syria"; "Thai workers were sent to China", "Nepali workers were sent
    to China"): one actor in common elsewhere does not make them one event."""
    ours, theirs = _actor_keys(a), _actor_keys(b)
    for role in _DECIDING_ROLES:
        mine = {k for r, k in ours if r == role}
        other = {k for r, k in theirs if r == role}
        if mine and other and mine.isdisjoint(other):
            return True
    return False


#: How far apart (in days) two reports may date one event with the same actors for their dates to
#: be in conflict rather than two occurrences ("signed on 12 June" against "signed on 14 June").
SAME_OCCASION_DAYS = 31


def _same_occasion(a: TimeScope, b: TimeScope) -> bool:
    """Two dates close enough, and each exact to a day, to be one occasion dated differently."""
    exact = (a.end - a.start).days == 0 and (b.end - b.start).days == 0
    return exact and abs((a.start - b.start).days) <= SAME_OCCASION_DAYS


def _date_conflict(a: Claim, b: Claim, actors: frozenset[str]) -> Relation:
    assert a.time and b.time
    who = ", ".join(sorted(actors))
    reason = (f"both report {a.trigger} with {who}, on {a.time.iso} and on {b.time.iso}: "
              f"{abs((a.time.start - b.time.start).days)} days apart")
    return Relation("conflicts", a.id, b.id, reason, "event", None, None, f"event: {a.trigger}, {who}",
                    (a.time.iso, b.time.iso))


def _elsewhere(a: str, b: str) -> bool:
    """Whether two alias-table places are apart: neither is, or lies within, the other."""
    gazetteer = Gazetteer.load()
    return a not in gazetteer.ancestry(b) and b not in gazetteer.ancestry(a)


def _place_conflict(a: Claim, b: Claim, actors: frozenset[str]) -> Relation:
    assert a.place and b.place
    who = ", ".join(sorted(actors))
    when = " and ".join(dict.fromkeys(t.iso for t in (a.time, b.time) if t)) or "undated"
    reason = f"both report {a.trigger} with {who}, {when}: one in {a.place}, the other in {b.place}"
    return Relation("conflicts", a.id, b.id, reason, "event", None, None, f"event: {a.trigger}, {who}, {when}",
                    (a.place, b.place))


def event_order(claim: Claim) -> tuple[date, str]:
    """Where an event report stands among those it is compared with: by its start, then id."""
    return (claim.time.start if claim.time else date.min, claim.id)


def event_buckets(claims: Sequence[Claim]) -> dict[str, list[Claim]]:
    """The event reports that can meet, by each actor they name (``event_keys``), each in time
    (``event_order``): reports of many stories name one place or one speaker, and two reports of
    one story meet among those that name its other actors too."""
    return {key: sorted(found, key=event_order) for key, found in event_members(claims).items()}


def event_members(claims: Iterable[Claim]) -> dict[str, list[Claim]]:
    """The event reports of each bucket (``event_buckets``), unsorted."""
    buckets: dict[str, list[Claim]] = {}
    for c in claims:
        if c.kind == "event":
            for key in event_keys(c):
                buckets.setdefault(key, []).append(c)
    return buckets


def event_verdicts(claims: Sequence[Claim]) -> list[Relation]:
    """Reports of the same event in different documents: the same verb with an actor in common,
    and none different in the role of the one who did it or whom it befell, at overlapping times.
    An undated report is matched only when its actors are exactly the other's, since an event of
    a kind may recur. Two reports of the same verb with the same actors on different days within
    ``SAME_OCCASION_DAYS`` disagree on its date (unless it is a statement: a speaker makes many);
    on the same day, in places apart from each other, on its place (at other times, in places
    apart, they are two events); a report that it was denied disagrees with one that tells it. Each report is compared with the ``NEIGHBOURS`` after it in
    each of its buckets (``event_buckets``)."""
    keys = {c.id: event_keys(c) for c in claims if c.kind == "event"}
    seen: set[tuple[str, str]] = set()
    out = []
    for found in event_buckets(claims).values():
        for i, a in enumerate(found):
            for b in found[i + 1 : i + 1 + NEIGHBOURS]:
                if (a.id, b.id) in seen:
                    continue
                seen.add((a.id, b.id))
                if (r := event_verdict(a, b, keys[a.id], keys[b.id])) is not None:
                    out.append(r)
    return out


def event_verdict(a: Claim, b: Claim, ka: frozenset[str], kb: frozenset[str]) -> Relation | None:
    """What two event reports say of each other (``a`` the first in ``event_order``; ``ka`` and
    ``kb`` their ``event_keys``): they corroborate, conflict, or neither (None)."""
    if a.document == b.document or a.trigger != b.trigger or ka.isdisjoint(kb) or _others(a, b):
        return None
    if a.time and b.time and (a.time.end < b.time.start or b.time.end < a.time.start):
        # one speaker says many things: statements on two days are two, not one dated twice
        one = ka == kb and _same_occasion(a.time, b.time) and a.event_type != "statement"
        return _date_conflict(a, b, ka) if one else None
    if not (a.time and b.time) and ka != kb:
        return None
    if a.place and b.place and _elsewhere(a.place, b.place):
        # one occasion told in two places is a disagreement; otherwise two events ("arrived in
        # Canada", "arrived in Australia")
        same = ka == kb and a.time is not None and b.time is not None and _same_occasion(a.time, b.time)
        return _place_conflict(a, b, ka) if same else None
    shared = ", ".join(sorted(ka & kb))
    when = " and ".join(dict.fromkeys(t.iso for t in (a.time, b.time) if t)) or "undated"
    scope = f"event: {a.trigger}, {shared}, {when}"
    if (a.modality == "denied") != (b.modality == "denied"):  # one tells it, the other that it was denied
        denied, told = (a, b) if a.modality == "denied" else (b, a)
        reason = f"one reports {a.trigger} with {shared}, {when}; the other that it was denied"
        return Relation("conflicts", a.id, b.id, reason, "event", None, None, scope, (told.modality, denied.modality))
    reason = f"both report {a.trigger} with {shared}, {when}"
    return Relation("corroborates", a.id, b.id, reason, "event", None, None, scope, (a.trigger or "", b.trigger or ""))
