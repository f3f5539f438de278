"""Verdicts between claims on small hand-made claim sets."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date

import pytest

from kg.build import claim_iri, link_triples
from kg.independence import assess, citations, independent_sources, roots, single_source_stories, trace
from kg.model import Claim, Figure, Frame, Source, Span, TimeScope
from kg.readings import interval
from kg.reconcile import reconcile
from kg.vocab import CG


def year(y: int, y2: int | None = None) -> TimeScope:
    return TimeScope(str(y), str(y) if not y2 else f"{y}/{y2}", date(y, 1, 1), date(y2 or y, 12, 31))


def claim(doc: str, surface: str, value=None, low=None, high=None, qualifier="exact", unit="person",
          measure="north-korea:entries", time=year(2024), sources=(), modality="reported", start=0,
          text=None) -> Claim:
    text = text or surface
    return Claim(
        document=doc, kind="figure", start=start, end=start + len(surface), sentence=Span(start, start + len(text)),
        text=text, figure=Figure(surface, start, start + len(surface), value, low, high, qualifier, unit),
        measure=measure, time=time, sources=tuple(Source(s, entity=s.lower()) for s in sources), modality=modality,
    )


def kinds(claims, tolerance=0.05):
    return sorted((r.kind, r.basis) for r in reconcile(claims, tolerance))


@pytest.mark.parametrize(
    "surface, value, low, high, qualifier, expected",
    [
        ("7,887", 7887, None, None, "exact", (7887, 7887)),
        ("about 15,000", 15000, None, None, "approx", (14250, 15750)),
        ("approximately 15,000", 15000, None, None, "approx", (14250, 15750)),
        ("roughly 5,000", 5000, None, None, "approx", (4750, 5250)),
        ("nearly 8,000", 8000, None, None, "approx", (7600, 8000)),
        ("almost 8,000", 8000, None, None, "approx", (7600, 8000)),
        ("more than 300", 300, None, None, "at_least", (300, math.inf)),
        ("at least 120", 120, None, None, "at_least", (120, math.inf)),
        ("up to 3,000", 3000, None, None, "at_most", (0, 3000)),
        ("between 15,000 and 30,000", None, 15000, 30000, "range", (15000, 30000)),
    ],
)
def test_intervals_of_every_hedge(surface, value, low, high, qualifier, expected):
    f = Figure(surface, 0, len(surface), value, low, high, qualifier)
    assert interval(f, 0.05) == pytest.approx(expected)


def test_open_bounds_support_only_values_near_them():
    f = Figure("more than 300", 0, 13, 300, qualifier="at_least")
    assert interval(f, 0.05, bounded=True) == (300, 450)
    share = Figure("over 90%", 0, 8, 90, qualifier="at_least", unit="percent")
    assert interval(share, 0.05) == (90, 100)


def test_hedged_figures_that_overlap_corroborate_and_disjoint_ones_conflict():
    a = claim("a.txt", "7,887", 7887)
    b = claim("b.txt", "nearly 8,000", 8000, qualifier="approx")
    c = claim("c.txt", "8,600", 8600)
    relations = reconcile([a, b, c])
    by_pair = {frozenset((r.a, r.b)): r for r in relations}
    assert by_pair[frozenset((a.id, b.id))].kind == "corroborates"
    assert by_pair[frozenset((a.id, c.id))].kind == "conflicts"
    conflict = by_pair[frozenset((b.id, c.id))]
    assert conflict.kind == "conflicts"
    assert "nearly 8,000 = [7,600, 8,000]" in conflict.reason and "8,600" in conflict.reason
    assert conflict.difference == pytest.approx(600 / 8600)
    assert conflict.tolerance == 0.05 and conflict.scope.startswith("north-korea: entry, 2024")
    assert "similarity 1.00" in conflict.scope


def test_tolerance_is_configurable():
    a = claim("a.txt", "about 15,000", 15000, qualifier="approx")
    b = claim("b.txt", "about 17,000", 17000, qualifier="approx")
    assert kinds([a, b], tolerance=0.05) == [("conflicts", "value")]
    assert kinds([a, b], tolerance=0.10) == [("corroborates", "value")]


def test_claims_of_one_document_are_not_compared():
    assert reconcile([claim("a.txt", "100", 100, start=0), claim("a.txt", "100", 100, start=50)]) == []


@pytest.mark.parametrize(
    "change",
    [
        {"measure": "north-korea:workers"},  # a stock is not a flow
        {"measure": "north-korea:entries:study"},  # another purpose
        {"measure": "russia:entries"},  # another nationality
        {"modality": "projected"},  # a projection is not a report
    ],
)
def test_claims_out_of_scope_are_not_compared(change):
    a = claim("a.txt", "13,221", 13221)
    b = claim("b.txt", "1,117", 1117, **change)
    assert reconcile([a, b]) == []


def test_one_measure_at_two_times_is_a_series_not_a_conflict():
    march = claim("a.txt", "12", 12, measure="peru:case", time=TimeScope("March", "2021-03", date(2021, 3, 1), date(2021, 3, 31)))
    may = claim("b.txt", "about 40", 40, qualifier="approx", measure="peru:case",
                time=TimeScope("May", "2021-05", date(2021, 5, 1), date(2021, 5, 31)))
    (r,) = reconcile([may, march])
    assert (r.kind, r.basis, r.a, r.b) == ("changes", "series", march.id, may.id)
    assert r.reason.startswith("12 (2021-03) rose to about 40 (2021-05) (+233.3%)")
    same_later = replace(may, figure=replace(may.figure, surface="12", value=12, qualifier="exact"))
    assert "held" in reconcile([march, same_later])[0].reason


def test_a_series_needs_an_owner_and_links_only_neighbouring_times():
    anyone = [claim(f"{y}.txt", "5", 5 + y, measure="any:case", time=year(y)) for y in (2019, 2020)]
    assert reconcile(anyone) == []
    years = [claim(f"{y}.txt", "5", 5 + y, measure="chile:case", time=year(y)) for y in (2019, 2020, 2021)]
    pairs = {(r.a, r.b) for r in reconcile(years)}
    assert pairs == {(years[0].id, years[1].id), (years[1].id, years[2].id)}


def test_a_series_links_the_same_claims_in_whatever_order_they_come():
    """One period worded two ways ("2020", "last year") is one time of the series: the claims of
    the years around it are linked the same whichever claim comes first (a write recomputes a
    block with its claims in another order than a clean build)."""
    worded = [claim("a.txt", "7", 7, measure="chile:case", time=year(2019)),
              claim("b.txt", "9", 9, measure="chile:case", time=year(2020)),
              claim("c.txt", "about 9", 9, qualifier="approx", measure="chile:case",
                    time=TimeScope("last year", "2020", date(2020, 1, 1), date(2020, 12, 31))),
              claim("d.txt", "12", 12, measure="chile:case", time=year(2021))]
    found = {r.id for r in reconcile(worded)}
    assert {r.id for r in reconcile(worded[::-1])} == found
    assert {(r.a, r.b) for r in reconcile(worded) if r.kind == "changes"} == {
        (worded[0].id, x.id) for x in worded[1:3]} | {(min(worded[1:3], key=lambda c: c.id).id, worded[3].id)}


@pytest.mark.parametrize(
    "bound, other, kind",
    [
        ("up to 60%", ("nearly one-third", 33.3, "approx"), "conflicts"),  # reported as reached
        ("as many as 60%", ("32%", 32, "exact"), "conflicts"),
        ("up to 60%", ("55%", 55, "exact"), "corroborates"),
        ("less than 60%", ("nearly one-third", 33.3, "approx"), None),  # a limit, met by a third
        ("fewer than 60%", ("55%", 55, "exact"), "corroborates"),
    ],
)
def test_bounds_reported_as_reached_stand_for_about_their_value(bound, other, kind):
    a = claim("a.txt", bound, 60, qualifier="at_most", unit="percent", measure="europe:population:percent")
    b = claim("b.txt", other[0], other[1], qualifier=other[2], unit="percent", measure="europe:population:percent")
    assert [r.kind for r in reconcile([a, b])] == ([kind] if kind else [])


def test_unknown_nationality_and_place_are_compatible():
    a = claim("a.txt", "12,000", 12000, measure="north-korea:troops")
    b = claim("b.txt", "12,000", 12000, measure="any:troops")
    assert kinds([a, b]) == [("corroborates", "value")]


def in_town(c: Claim, town: str) -> Claim:
    """A claim whose place is named beside it but is not in the alias table."""
    return replace(c, frame=Frame(head="worker", thing="workers", place=town))


def test_places_named_apart_are_not_compared_and_one_place_named_two_ways_is():
    """Places the alias table does not know are told apart by their names as written."""
    harbour, desert = in_town(claim("a.txt", "800", 800, measure="any:worker"), "Port Moresby"), \
        in_town(claim("b.txt", "800", 800, measure="any:worker"), "Alice Springs")
    assert kinds([harbour, desert]) == []
    prefecture = in_town(claim("c.txt", "800", 800, measure="any:worker"), "the Port Moresby district")
    assert kinds([harbour, prefecture]) == [("corroborates", "value")]
    # A place of the alias table and one it does not know may be one inside the other.
    listed = replace(claim("d.txt", "800", 800, measure="any:worker"), place="papua-new-guinea")
    assert kinds([harbour, listed]) == [("corroborates", "value")]


def test_two_reports_of_one_story_meet_among_many_towns_the_alias_table_lacks():
    """Forty towns with 1,000 workers each and no people named: the two reports of each town's
    figure meet, and no town's figure meets another's."""
    towns = [f"Town{i}" for i in range(40)]
    first = [in_town(claim(f"a{i}.txt", "1,000", 1000, measure="any:worker"), t) for i, t in enumerate(towns)]
    second = [in_town(claim(f"b{i}.txt", "1,000", 1000, measure="any:worker"), t) for i, t in enumerate(towns)]
    found = {frozenset((r.a, r.b)) for r in reconcile(first + second)}
    assert found == {frozenset((a.id, b.id)) for a, b in zip(first, second)}


def test_undated_counts_may_corroborate_but_not_conflict():
    dated = claim("a.txt", "12,000", 12000, measure="north-korea:troops")
    same = claim("b.txt", "12,000", 12000, measure="north-korea:troops", time=None)
    other = claim("c.txt", "3,000", 3000, measure="north-korea:troops", time=None)
    assert kinds([dated, same, other]) == [("corroborates", "value")]


def test_undated_shares_can_conflict():
    a = claim("a.txt", "up to 60%", 60, qualifier="at_most", unit="percent", measure="europe:population:percent",
              time=None)
    b = claim("b.txt", "nearly 90%", 90, qualifier="approx", unit="percent", measure="europe:population:percent",
              time=year(1347, 1351))
    (r,) = reconcile([a, b])
    assert r.kind == "conflicts" and "undated" in r.reason


def test_ratio_is_checked_against_the_counts_it_relates():
    now = claim("a.txt", "13,221", 13221, start=0)
    before = claim("a.txt", "1,117", 1117, time=year(2023), start=20)
    fold = claim("b.txt", "12-fold", 12, unit="ratio", measure="north-korea:entries:ratio")
    relations = [r for r in reconcile([now, before, fold]) if r.basis == "arithmetic"]
    assert {r.kind for r in relations} == {"corroborates"} and len(relations) == 2
    assert "13,221 / 1,117 = 11.8" in relations[0].reason


def test_corroborations_are_made_only_on_the_bases_a_write_looks_for_them_on():
    """A series tells how one measure changed; a ratio against counts, or parts against their
    total, corroborate on arithmetic (``CORROBORATION_BASES``)."""
    from kg.model import CORROBORATION_BASES

    now = claim("a.txt", "13,221", 13221, start=0)
    before = claim("a.txt", "1,117", 1117, time=year(2023), start=20)
    fold = claim("b.txt", "12-fold", 12, unit="ratio", measure="north-korea:entries:ratio")
    later = claim("c.txt", "13,221", 13221, time=year(2025), start=0)
    same = claim("d.txt", "13,221", 13221, start=0)
    relations = reconcile([now, before, fold, later, same])
    assert {r.basis for r in relations if r.kind == "corroborates"} == {"arithmetic", "value"}
    assert {r.basis for r in relations if r.kind == "corroborates"} <= set(CORROBORATION_BASES)
    assert {r.basis for r in relations if r.kind == "changes"} == {"series"}


def test_inconsistent_arithmetic_is_a_conflict():
    now = claim("a.txt", "13,221", 13221, start=0)
    before = claim("a.txt", "1,117", 1117, time=year(2023), start=20)
    fold = claim("b.txt", "a 3-fold", 3, unit="ratio", measure="north-korea:entries:ratio")
    relations = [r for r in reconcile([now, before, fold]) if r.basis == "arithmetic"]
    assert relations and {r.kind for r in relations} == {"conflicts"}


def test_percentage_change_is_checked():
    now = claim("a.txt", "13,221", 13221, start=0)
    before = claim("a.txt", "1,117", 1117, time=year(2023), start=20)
    text = "an increase of 1,083 percent"
    change = claim("b.txt", "1,083 percent", 1083, unit="percent", measure="north-korea:entries:percent",
                   text=text, start=15)
    change = Claim(**{**change.__dict__, "sentence": Span(0, len(text))})
    relations = [r for r in reconcile([now, before, change]) if r.basis == "arithmetic"]
    assert relations and relations[0].kind == "corroborates" and "= 1,083.6%" in relations[0].reason


def test_parts_that_add_up_to_their_total():
    total = claim("a.txt", "13,221", 13221, start=0)
    parts = [claim("a.txt", str(v), v, start=10 * (i + 1)) for i, v in enumerate([7887, 3098, 1648, 286, 234, 53, 15])]
    relations = [r for r in reconcile([total, *parts]) if r.basis == "arithmetic"]
    assert len(relations) == 7 and all(r.a == total.id for r in relations)
    assert "= 13,221, the stated total 13,221" in relations[0].reason


def test_parts_that_do_not_add_up_are_not_linked():
    total = claim("a.txt", "13,221", 13221, start=0)
    parts = [claim("a.txt", str(v), v, start=10 * (i + 1)) for i, v in enumerate([7887, 3098])]
    assert [r for r in reconcile([total, *parts]) if r.basis == "arithmetic"] == []


def test_two_reports_with_one_root_are_one_independent_source():
    a = claim("a.txt", "1.5 million", 1.5e6, measure="any:labor-shortage", sources=["Ministry"])
    b = claim("b.txt", "1.5 million", 1.5e6, measure="any:labor-shortage", sources=["Outlet", "Ministry"])
    relations = reconcile([a, b])
    assert independent_sources([a, b], relations) == {a.id: 1, b.id: 1}
    assert single_source_stories([a, b], relations) == [frozenset({a.id, b.id})]


def test_unattributed_documents_are_their_own_roots():
    a = claim("a.txt", "about 15,000", 15000, qualifier="approx", measure="north-korea:workers", sources=["NIS"])
    b = claim("b.txt", "about 15,000", 15000, qualifier="approx", measure="north-korea:workers", sources=["WSJ", "NIS"])
    c = claim("c.txt", "about 15,000", 15000, qualifier="approx", measure="north-korea:workers")
    relations = reconcile([a, b, c])
    assert independent_sources([a, b, c], relations) == {a.id: 2, b.id: 2, c.id: 2}
    assert single_source_stories([a, b, c], relations) == []


def test_missing_links_are_followed_through_other_chains():
    full = claim("a.txt", "100", 100, sources=["Outlet", "Agency"])
    short = claim("b.txt", "100", 100, sources=["Outlet"])
    assert roots([full, short])[short.id] == frozenset({"entity:agency"})


def test_a_claim_is_traced_through_the_citations_of_its_measure_given_apart():
    """A claim traced without the other claims of its measure, given their citations instead,
    leads where it leads among them."""
    full = claim("a.txt", "100", 100, sources=["Outlet", "Agency"])
    short = claim("b.txt", "100", 100, sources=["Outlet"])
    cited = {full.measure: set(citations([full]))}
    assert cited[full.measure] == {("entity:outlet", "entity:agency")}
    assert trace([short], cited)[short.id] == trace([full, short])[short.id]
    assert trace([short])[short.id].roots == frozenset({"entity:outlet"})


def test_a_single_source_story_is_a_claim_and_its_corroborators_from_one_root():
    """Two outlets quoting one ministry, and a third report from elsewhere that corroborates only
    the second: the first is a single-source story, the second (three reports, two roots) is not."""
    a = claim("a.txt", "about 1,000", 1000, qualifier="approx", measure="any:jobs", sources=["Ministry"])
    b = claim("b.txt", "about 1,080", 1080, qualifier="approx", measure="any:jobs", sources=["Outlet", "Ministry"])
    c = claim("c.txt", "about 1,170", 1170, qualifier="approx", measure="any:jobs", sources=["Union"])
    relations = reconcile([a, b, c])
    assert {tuple(sorted((r.a, r.b))) for r in relations if r.kind == "corroborates"} == {
        tuple(sorted((a.id, b.id))), tuple(sorted((b.id, c.id)))}
    assessed = assess([a, b, c], relations)
    assert [assessed[x.id].single_source for x in (a, b, c)] == [True, False, False]
    assert [assessed[x.id].independent for x in (a, b, c)] == [1, 2, 2]
    assert single_source_stories([a, b, c], relations) == [frozenset({a.id, b.id})]


def test_a_citation_cycle_is_one_root_and_is_flagged():
    a = claim("a.txt", "100", 100, sources=["X", "Y"])
    b = claim("b.txt", "100", 100, sources=["Y", "X"])
    found = roots([a, b])
    assert found[a.id] == found[b.id] and len(found[a.id]) == 1
    plain = claim("c.txt", "100", 100, sources=["Z"])
    traced = trace([a, b, plain])
    assert traced[a.id].circular and traced[b.id].circular and not traced[plain.id].circular


def test_blocking_keeps_candidate_pairs_linear():
    from kg.reconcile import _candidates

    many = [claim(f"{i}.txt", "100", 100 + i, measure=f"any:kind{i % 50}") for i in range(2000)]
    pairs = sum(1 for _ in _candidates(many))
    assert pairs <= 2000 * 16


def test_two_reports_of_one_story_meet_among_many_stories_of_the_same_figure():
    """Forty stories of 1,000 workers each, in one field of news: the two reports of one story (the
    same people in the same place) still meet, however many equal figures of other stories sort
    between them."""
    nations = [f"nation{i}" for i in range(40)]
    first = [replace(claim(f"a{i}.txt", "1,000", 1000, measure=f"{n}:worker"), place="lagos") for i, n in enumerate(nations)]
    second = [replace(claim(f"b{i}.txt", "1,000", 1000, measure=f"{n}:worker"), place="lagos") for i, n in enumerate(nations)]
    found = {frozenset((r.a, r.b)) for r in reconcile(first + second) if r.kind == "corroborates"}
    assert found == {frozenset((a.id, b.id)) for a, b in zip(first, second)}


def test_figures_whose_owner_is_unknown_corroborate_but_never_conflict():
    """"any:vote" says what was counted, not whose votes: equal figures agree, different ones say nothing."""
    agree = [claim("a.txt", "306", 306, measure="any:vote", unit=None),
             claim("b.txt", "306", 306, measure="any:vote", unit=None)]
    assert kinds(agree) == [("corroborates", "value")]
    differ = [claim("a.txt", "306", 306, measure="any:vote", unit=None),
              claim("b.txt", "232", 232, measure="any:vote", unit=None)]
    assert kinds(differ) == []
    owned = [claim("a.txt", "8,600", 8600, measure="north-korea:arrival"),
             claim("b.txt", "7,887", 7887, measure="north-korea:arrival")]
    assert ("conflicts", "value") in kinds(owned)


@pytest.mark.parametrize(
    "a, b, conflict",
    [
        (Frame(head="death", predicate="kill"), Frame(head="death", predicate="die"), True),
        (Frame(head="arrival", predicate="enter"), Frame(head="arrival", predicate="visit", purpose="education"), False),
        (Frame(head="worker", predicate="hire"), Frame(head="worker", predicate="fire"), False),
        (Frame(head="profit", modifiers=("net",)), Frame(head="profit", modifiers=("operating",)), False),
        (Frame(head="price", per="barrel"), Frame(head="price", per="ton"), False),
    ],
)
def test_a_conflict_needs_frames_that_say_the_same_of_the_same_thing(a, b, conflict):
    one = replace(claim("a.txt", "8,600", 8600, measure=f"nepal:{a.head}"), frame=replace(a, owner="nepal"))
    two = replace(claim("b.txt", "7,887", 7887, measure=f"nepal:{b.head}"), frame=replace(b, owner="nepal"))
    assert (("conflicts", "value") in kinds([one, two])) is conflict


@pytest.mark.parametrize(
    "frame, figure, key",
    [
        (Frame(head="case"), Figure("5", 0, 1, 5, unit="case"), "any:case"),
        (Frame(head="earnings", owner="home-depot", per="share"), Figure("$5", 0, 2, 5, unit="USD"),
         "home-depot:earnings:USD/share"),
        (Frame(head="worker", predicate="remain"), Figure("5", 0, 1, 5, unit="year"), "any:worker:remain:duration"),
        (Frame(head="rain"), Figure("5", 0, 1, 5, unit="millimeter"), "any:rain:length"),
        (Frame(head="troop", owner="north-korea", increment=True), Figure("5", 0, 1, 5, unit="person"),
         "north-korea:troop:added"),
        (Frame(head="revenue", owner="acme"), Figure("5%", 0, 2, 5, unit="percent"), "acme:revenue:percent"),
        (Frame(reason="no noun or verb in the sentence says what the figure counts"), Figure("5", 0, 1, 5), None),
    ],
)
def test_measure_keys_from_the_frame(frame, figure, key):
    from kg.model import ClaimMention
    from kg.normalize import measure_key

    mention = ClaimMention(document="a.txt", kind="figure", start=0, end=2, sentence=Span(0, 2), text="$5",
                           frame=frame)
    assert measure_key(mention, figure) == key


@pytest.mark.parametrize(
    "a, b, compared",
    [
        (Frame(head="visa", modifiers=("student",)), Frame(head="arrival", purpose="education"), True),
        (Frame(head="case"), Frame(head="diagnosis"), True),
        (Frame(head="person", predicate="contract"), Frame(head="case"), True),
        (Frame(head="arrival"), Frame(head="earnings"), False),
        (Frame(head="vote"), Frame(head="troop"), False),
    ],
)
def test_measured_things_in_different_words_are_compared(a, b, compared):
    one = replace(claim("a.txt", "8,600", 8600, measure=f"any:{a.head}"), frame=a)
    two = replace(claim("b.txt", "8,600", 8600, measure=f"any:{b.head}"), frame=b)
    assert bool(reconcile([one, two])) is compared


def test_counts_of_people_meet_only_when_the_words_say_which_people():
    contact = [replace(claim(f"{d}.txt", "28", 28, measure="any:person"), frame=Frame(head="person", thing=thing))
               for d, thing in (("a", "people in close contact with the hunter"),
                                ("b", "people who came into contact with the patient"),
                                ("c", "people familiar with the matter"))]
    pairs = {frozenset((r.a, r.b)) for r in reconcile(contact)}
    assert pairs == {frozenset((contact[0].id, contact[1].id))}


def test_reasons_write_numbers_as_people_do():
    a = claim("a.txt", "1.5 million", 1.5e6)
    b = claim("b.txt", "2.4 million", 2.4e6)
    (r,) = reconcile([a, b])
    assert "1.5 million = 1,500,000" in r.reason and "e+" not in r.reason and "e+" not in " ".join(r.values)


def event(doc: str, verb: str, day: date | None, actors=("Acme", "Globex")) -> Claim:
    from kg.model import Actor

    when = TimeScope(str(day), day.isoformat(), day, day) if day else None
    return Claim(document=doc, kind="event", start=0, end=len(verb), sentence=Span(0, 40), text=verb,
                 time=when, trigger=verb, event_type="agreement",
                 actors=tuple(Actor(role, name, None, True) for role, name in zip(("agent", "patient"), actors)))


def test_reports_of_one_event_corroborate_and_disagree_on_its_date():
    same = reconcile([event("a.txt", "sign", date(2024, 6, 12)), event("b.txt", "sign", date(2024, 6, 12))])
    assert [(r.kind, r.basis) for r in same] == [("corroborates", "event")]
    apart = reconcile([event("a.txt", "sign", date(2024, 6, 12)), event("b.txt", "sign", date(2024, 6, 14))])
    assert [(r.kind, r.basis) for r in apart] == [("conflicts", "event")] and "2 days apart" in apart[0].reason
    assert reconcile([event("a.txt", "sign", date(2024, 1, 12)), event("b.txt", "sign", date(2024, 6, 14))]) == []
    other_verb = [event("a.txt", "sign", date(2024, 6, 12)), event("b.txt", "meet", date(2024, 6, 12))]
    assert reconcile(other_verb) == []
    undated = [event("a.txt", "sign", None), event("b.txt", "sign", date(2024, 6, 12), actors=("Acme", "Initech"))]
    assert reconcile(undated) == []  # undated, and not the same actors: maybe another signing


def test_reports_that_name_different_doers_or_sufferers_are_different_events():
    """Two countries sending troops to one place the same day, or workers of two peoples sent to
    one country: one actor in common is not enough when the other role names someone else."""
    from kg.model import Actor

    day = date(2024, 6, 12)

    def sent(doc: str, role: str, who: str) -> Claim:
        return replace(event(doc, "send", day), actors=(Actor(role, who.title(), who), Actor("recipient", "Syria", "syria")))

    assert reconcile([sent("a.txt", "agent", "russia"), sent("b.txt", "agent", "iran")]) == []
    assert reconcile([sent("a.txt", "patient", "thailand"), sent("b.txt", "patient", "nepal")]) == []
    same = reconcile([sent("a.txt", "agent", "russia"), sent("b.txt", "agent", "russia")])
    assert [r.kind for r in same] == ["corroborates"]
    one_says_who = [sent("a.txt", "agent", "russia"), replace(sent("b.txt", "agent", "russia"), actors=(
        Actor("recipient", "Syria", "syria"),))]
    assert [r.kind for r in reconcile(one_says_who)] == ["corroborates"]  # the other does not say who sent them


def test_one_speakers_statements_on_two_days_are_two_statements():
    """A ministry that "announced" something on two days made two statements, not one dated twice."""
    from kg.model import Actor

    def announced(doc: str, day: date) -> Claim:
        return replace(event(doc, "announce", day), event_type="statement", actors=(Actor("agent", "The ministry", "ministry"),))

    assert reconcile([announced("a.txt", date(2024, 3, 1)), announced("b.txt", date(2024, 3, 9))]) == []
    same = reconcile([announced("a.txt", date(2024, 3, 1)), announced("b.txt", date(2024, 3, 1))])
    assert [r.kind for r in same] == ["corroborates"]


def test_reports_of_one_event_meet_among_many_that_name_its_place():
    """Four hundred reports of workers of two hundred peoples sent to one country on one day: each people's two
    reports meet, however many of the others sort between them in time."""
    from kg.model import Actor

    day = date(2024, 6, 12)

    def sent(doc: str, people: str) -> Claim:
        return replace(event(doc, "send", day), actors=(Actor("patient", people.title(), people),
                                                        Actor("recipient", "Bahrain", "bahrain")))

    first = [sent(f"a{i}.txt", f"nation{i}") for i in range(200)]
    second = [sent(f"b{i}.txt", f"nation{i}") for i in range(200)]
    found = {frozenset((r.a, r.b)) for r in reconcile(first + second) if r.kind == "corroborates"}
    assert found == {frozenset((a.id, b.id)) for a, b in zip(first, second)}


def test_reports_of_one_event_in_places_apart_disagree_on_its_place():
    day = date(2024, 6, 12)
    russia, also_russia, china = (replace(event(d, "sign", day), place=p)
                                  for d, p in (("a.txt", "russia"), ("b.txt", "russia"), ("c.txt", "china")))
    kinds = {(frozenset((r.a, r.b)), r.kind) for r in reconcile([russia, also_russia, china])}
    assert (frozenset((russia.id, also_russia.id)), "corroborates") in kinds
    assert (frozenset((russia.id, china.id)), "conflicts") in kinds
    that_year_in_china = replace(china, time=year(2024))
    assert reconcile([russia, that_year_in_china]) == []  # maybe another signing that year, elsewhere
    (clash,) = [r for r in reconcile([russia, china]) if r.kind == "conflicts"]
    assert "one in russia, the other in china" in clash.reason
    pyongyang = replace(event("d.txt", "sign", day), place="north-korea")
    assert {r.kind for r in reconcile([pyongyang, replace(event("e.txt", "sign", day), place=None)])} == {"corroborates"}


def test_a_report_that_an_event_was_denied_disagrees_with_one_that_tells_it():
    day = date(2024, 6, 12)
    told, denied, also_denied = (replace(event(d, "sign", day), modality=m)
                                 for d, m in (("a.txt", "reported"), ("b.txt", "denied"), ("c.txt", "denied")))
    found = {(frozenset((r.a, r.b)), r.kind) for r in reconcile([told, denied, also_denied])}
    assert (frozenset((told.id, denied.id)), "conflicts") in found
    assert (frozenset((denied.id, also_denied.id)), "corroborates") in found
    (clash,) = [r for r in reconcile([told, denied]) if r.kind == "conflicts"]
    assert "denied" in clash.reason


def test_a_denied_figure_is_compared_only_with_denied_ones():
    told, denied = claim("a.txt", "300", 300), replace(claim("b.txt", "300", 300), modality="denied")
    assert reconcile([told, denied]) == []


def test_entities_a_curator_links_as_one_are_one_measure_and_one_source():
    from kg.independence import assess
    from kg.linked import merge_entities

    a = claim("a.txt", "1,200", 1200, measure="acme:worker", sources=("Acme",))
    b = claim("b.txt", "1,200", 1200, measure="acme-corp:worker", sources=("Acme-Corp",))
    assert reconcile([a, b]) == []  # two owners, as far as the alias table knows
    merged = merge_entities([a, b], [("acme-corp", "acme")])
    assert [c.measure for c in merged] == ["acme:worker", "acme:worker"]
    assert [c.id for c in merged] == [a.id, b.id]
    relations = reconcile(merged)
    assert [r.kind for r in relations] == ["corroborates"]
    assert assess(merged, relations)[a.id].independent == 1  # one source under two names
    assert merge_entities([a, b], []) == [a, b]


def test_a_link_implied_by_verdicts_on_several_bases_is_written_once():
    a, b, c = "a" * 16, "b" * 16, "c" * 16
    links = list(link_triples([("corroborates", a, b), ("corroborates", b, a), ("changes", a, c), ("changes", a, c)]))
    assert sorted(links) == sorted([(claim_iri(a), CG.corroborates, claim_iri(b)),
                                    (claim_iri(b), CG.corroborates, claim_iri(a)),
                                    (claim_iri(a), CG.changesTo, claim_iri(c))])
