"""A partition's verdicts judged again only where a write can change them equal the partition's
verdicts computed whole, on random blocks big enough for claims to push each other out of reach."""

from __future__ import annotations

from collections import Counter
from datetime import date
from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg import buckets, event_verdicts, reconcile
from kg import rejudge as rejudge_module
from kg.model import CORROBORATION_BASES, Actor, Claim, Figure, Frame, Relation, Span, TimeScope
from kg.reconcile import WINDOW, Partition, partition_verdicts, partitions
from kg.rejudge import rejudge


def _year(y: int | None) -> TimeScope | None:
    return TimeScope(str(y), str(y), date(y, 1, 1), date(y, 12, 31)) if y else None


def _figure(doc: str, n: int, value: int, qualifier: str, y: int | None, owner: str, unit: str,
            place: str | None = None) -> Claim:
    surface = f"{value:,}"
    return Claim(document=doc, kind="figure", start=n * 50, end=n * 50 + len(surface), sentence=Span(n * 50, n * 50 + 40),
                 text=f"{surface} tonnes of grain", figure=Figure(surface, n * 50, n * 50 + len(surface), value,
                                                                   qualifier=qualifier, unit=unit),
                 measure=f"{owner}:harvest" + (f":{unit}" if unit in ("percent", "ratio") else ""), time=_year(y),
                 # a place of the alias table by its key, or one it lacks as named ("Bergen")
                 place=place if place and place.islower() else None,
                 frame=Frame(place=place) if place and not place.islower() else None)


def _event(doc: str, n: int, verb: str, day: int | None, actors: tuple[str, ...]) -> Claim:
    when = date.fromordinal(date(2023, 1, 1).toordinal() + day) if day is not None else None
    return Claim(document=doc, kind="event", start=n * 50, end=n * 50 + len(verb), sentence=Span(n * 50, n * 50 + 40),
                 text=verb, time=TimeScope(str(when), when.isoformat(), when, when) if when else None, trigger=verb,
                 event_type="agreement", actors=tuple(Actor(r, a, a.lower(), True) for r, a in zip(("agent", "patient"), actors)))


_figures = st.tuples(st.integers(90, 130), st.sampled_from(["exact", "approx", "at_least"]),
                     st.sampled_from([None, 2022, 2023, 2023, 2024]), st.sampled_from(["any", "norway", "chile"]),
                     st.sampled_from(["tonne", "tonne", "percent", "ratio"]),  # a ratio is checked against counts
                     st.sampled_from([None, None, "oslo", "lima", "Bergen", "Cusco"]))
_events = st.tuples(st.sampled_from(["sign", "visit"]), st.sampled_from([None, 0, 0, 3, 40]),
                    st.sampled_from([("Acme",), ("Acme", "Globex"), ("Globex",)]))
_document = st.tuples(st.lists(_figures, max_size=8), st.lists(_events, max_size=3))


def _claims(name: str, doc: tuple[list, list]) -> list[Claim]:
    figures, events = doc
    out = [_figure(name, n, v * 100, q, y, o, u, p) for n, (v, q, y, o, u, p) in enumerate(figures)]
    out += [_event(name, 100 + n, verb, day, actors) for n, (verb, day, actors) in enumerate(events)]
    if len(figures) >= 3:  # a total and its parts
        out.append(_figure(name, 90, sum(f[0] * 100 for f in figures[:2]), "exact", figures[0][2] or 2023, "any", "tonne"))
    return out


def _whole(parts: list[Partition]) -> dict[tuple[str, str], Counter[Relation]]:
    return {(p.kind, p.key): Counter(partition_verdicts(p)) for p in parts}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(_document, min_size=4, max_size=14), st.data(), st.booleans())
def test_verdicts_judged_near_a_change_equal_the_partition_computed_whole(docs, data, narrow):
    if not narrow:
        _compare(docs, data)
        return
    # Narrow windows: claims push each other out of reach in small blocks, event reports too.
    with mock.patch.object(reconcile, "WINDOW", 3), mock.patch.object(event_verdicts, "NEIGHBOURS", 2), \
            mock.patch.object(rejudge_module, "NEIGHBOURS", 2):
        _compare(docs, data)


def _compare(docs, data):
    names = [f"d{i}.txt" for i in range(len(docs))]
    changed = data.draw(st.sets(st.sampled_from(names), min_size=1, max_size=3))
    replaced = {n: data.draw(_document) if data.draw(st.booleans()) else ([], []) for n in changed}
    before = [c for n, d in zip(names, docs) for c in _claims(n, d)]
    after = [c for n, d in zip(names, docs) for c in _claims(n, replaced.get(n, d))]
    written = {c.id for c in before + after if c.document in changed}
    keys = {k for c in before + after if c.document in changed for k in _keys(c)}
    old = {(p.kind, p.key): p for p in partitions(before, 0.05, keys=keys, documents=changed)}
    new = {(p.kind, p.key): p for p in partitions(after, 0.05, keys=keys, documents=changed)}
    whole_before, whole_after = _whole(list(old.values())), _whole(list(new.values()))
    # a write looks for corroborations outside reports on these bases only
    assert {r.basis for v in whole_after.values() for r in v if r.kind == "corroborates"} <= set(CORROBORATION_BASES)
    for name in old.keys() | new.keys():
        empty = Partition(name[0], name[1], (), 0.05)
        if name[0] == "block":
            _windows_are_the_buckets(new.get(name, empty))
        found = rejudge(old.get(name, empty), new.get(name, empty), written)
        was, now = whole_before.get(name, Counter()), whole_after.get(name, Counter())
        assert not Counter(found.before) - was and not Counter(found.after) - now
        assert was - Counter(found.before) + Counter(found.after) == now
        assert {r for r in was if r.a in written or r.b in written} <= set(found.before)


def _windows_are_the_buckets(part: Partition) -> None:
    """The windows a write looks at, each bucket sorted when first looked at, are the buckets the
    block is judged in whole, and a claim is in the buckets it names."""
    windows = rejudge_module._Windows(part, None)
    whole = {name: [c.id for c, _ in bucket] for name, bucket in buckets.value_buckets(part.claims, windows.measures).items()}
    whole.update({(rejudge_module.EVENTS, key): [c.id for c in found]
                  for key, found in event_verdicts.event_buckets(part.claims).items()})
    assert {name: windows.bucket(name)[0] for name in whole} == whole
    for o in {name[0] for name in whole if name[0] != rejudge_module.EVENTS}:
        assert windows.bucket((o, 1900))[0] == []  # a year none of an ordering's dated claims has: no bucket
    for c in part.claims:
        assert windows.names_of(c.id) == {name for name, ids in whole.items() if c.id in ids}


def _keys(c: Claim) -> frozenset[str]:
    from kg.reconcile import blocking_keys
    return blocking_keys(c)


def test_a_claim_that_comes_between_two_pushes_them_out_of_reach():
    docs = [([(100 + i, "exact", 2023, "norway", "tonne", None)], []) for i in range(WINDOW + 1)]
    before = [c for i, d in enumerate(docs) for c in _claims(f"d{i}.txt", d)]
    extra = _claims("x.txt", ([(100, "exact", 2023, "norway", "tonne", None)], []))
    [old] = partitions(before, 0.05, documents=())
    [new] = partitions(before + extra, 0.05, documents=())
    found = rejudge(old, new, {c.id for c in extra})
    lowest, highest = before[0].id, before[-1].id
    assert any({r.a, r.b} == {lowest, highest} for r in found.before)
    assert not any({r.a, r.b} == {lowest, highest} for r in found.after)
    assert len(found.after) < len(partition_verdicts(new)) / 2


def test_a_report_a_new_version_dates_is_judged_where_it_was_and_where_it_goes():
    """A report keeps its id when a new version of its document dates it, and moves in time: the
    reports it stood between come within reach of each other."""
    sign = ("sign", None, ("Acme",))
    docs = {"d0.txt": 2, "d2.txt": 2, "d3.txt": 2, "d9.txt": 1, "d12.txt": 2}  # undated reports of each
    before = [c for name, n in docs.items() for c in _claims(name, ([], [sign] * n))]
    after = [c for c in before if c.document != "d0.txt"] + _claims("d0.txt", ([], [sign, ("sign", 0, ("Acme",))]))
    moved = next(c for c in after if c.time)
    order = sorted(before, key=lambda c: c.id)  # undated reports stand by id
    at = next(n for n, c in enumerate(order) if c.id == moved.id)
    assert 2 <= at < len(order) - 2  # between others before it moves to the end
    with mock.patch.object(event_verdicts, "NEIGHBOURS", 2), mock.patch.object(rejudge_module, "NEIGHBOURS", 2):
        [old] = partitions(before, 0.05, documents=())
        [new] = partitions(after, 0.05, documents=())
        found = rejudge(old, new, {c.id for c in before + after if c.document == "d0.txt"})
        was, now = Counter(partition_verdicts(old)), Counter(partition_verdicts(new))
    assert was - Counter(found.before) + Counter(found.after) == now
