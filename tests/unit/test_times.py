"""Time rules: finding expressions (extract) and resolving them (normalize). No model needed."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract import find_figures, find_times
from kg.extract.tokens import describes_other_noun
from kg.normalize import resolve_time

from parsed import parse

PUBLISHED = date(2025, 2, 5)  # a Wednesday


@pytest.mark.parametrize(
    "text, iso",
    [
        ("2024", "2024"),
        ("last year", "2024"),
        ("this year", "2025"),
        ("next year", "2026"),
        ("the previous year", "2024"),
        ("this week", "2025-02-03/2025-02-09"),
        ("last month", "2025-01-01/2025-01-31"),
        ("mid-2025", "2025-04-01/2025-09-30"),
        ("early 2023", "2023-01-01/2023-04-30"),
        ("the mid-2010s", "2014/2016"),
        ("the late 2010s", "2017/2019"),
        ("the 2010s", "2010/2019"),
        ("the 1990s", "1990/1999"),
        ("the third quarter of 2024", "2024-07-01/2024-09-30"),
        ("the first half of 2023", "2023-01-01/2023-06-30"),
        ("December 2019", "2019-12-01/2019-12-31"),
        ("June 18, 2024", "2024-06-18"),
        ("05 Feb. 2025", "2025-02-05"),
        ("May 5", "2025-05-05"),  # a day without a year is the nearest: this year's, three months on
        ("Nov. 30", "2024-11-30"),  # last year's, two months back
        ("Feb. 4", "2025-02-04"),
        ("on Wednesday", "2025-02-05"),
        ("on Monday", "2025-02-03"),
        ("2022-23", "2022/2023"),
        ("202223", "2022/2023"),
        ("19661990", "1966/1990"),
        ("current", "2025-02-05"),
        ("a year earlier", "2024"),
        ("now", "2025-02-05"),
        ("in recent trading", "2025-02-05"),
        ("year to date", "2025-01-01/2025-02-05"),
        ("year-to-date", "2025-01-01/2025-02-05"),
        ("so far this year", "2025-01-01/2025-02-05"),
        ("the fourth quarter", "2024-10-01/2024-12-31"),
        ("the first quarter", "2025-01-01/2025-03-31"),
        ("in May", "2024-05-01/2024-05-31"),
        ("next May", "2025-05-01/2025-05-31"),
        ("9 a.m.", "2025-02-05"),  # a time of day alone: the day of the report
        ("10:30 p.m.", "2025-02-05"),
        ("last summer", "2024-06-01/2024-08-31"),
        ("this summer", "2025-06-01/2025-08-31"),  # not begun: this calendar year's
        ("last winter", "2023-12-01/2024-02-29"),  # the winter now running is this winter
        ("this winter", "2024-12-01/2025-02-28"),
        ("next winter", "2025-12-01/2026-02-28"),
        ("last fall", "2024-09-01/2024-11-30"),
        ("the spring of 2019", "2019-03-01/2019-05-31"),
        ("over the weekend", "2025-02-01/2025-02-02"),  # the Saturday and Sunday at or before the report
        ("this weekend", "2025-02-01/2025-02-02"),
        ("last night", "2025-02-04"),  # the night before the report's day
        ("last February", "2024-02-01/2024-02-29"),  # said in February: a year before
        ("last January", "2025-01-01/2025-01-31"),
        ("last September", "2024-09-01/2024-09-30"),
        ("tonight", "2025-02-05"),
        ("this morning", "2025-02-05"),
        ("this evening", "2025-02-05"),
    ],
)
def test_resolve(text, iso):
    assert resolve_time(text, PUBLISHED).iso == iso


def test_a_day_without_a_year_of_what_happened_is_not_ahead_of_the_report():
    assert resolve_time("Aug. 23", date(2025, 3, 14)).iso == "2025-08-23"  # a figure's: the nearer
    assert resolve_time("Aug. 23", date(2025, 3, 14), happened=True).iso == "2024-08-23"
    assert resolve_time("March 2", date(2025, 3, 14), happened=True).iso == "2025-03-02"


def test_previous_year_is_relative_to_the_sentence_year():
    assert resolve_time("the previous year", PUBLISHED, anchor_year=2019).iso == "2018"
    assert resolve_time("a year earlier", PUBLISHED, anchor_year=2019).iso == "2018"
    assert resolve_time("a year later", PUBLISHED, anchor_year=2019).iso == "2020"
    assert resolve_time("a year later", PUBLISHED) is None  # later than what the text does not say


def test_a_year_ago_is_counted_from_the_report_whatever_the_sentence_is_about():
    assert resolve_time("a year ago", PUBLISHED, anchor_year=2024).iso == "2024"
    assert resolve_time("a year ago", PUBLISHED, anchor_year=2019).iso == "2024"


@pytest.mark.parametrize("text", ["last year", "this week", "on Wednesday", "May 5", "current"])
def test_relative_times_need_a_publication_date(text):
    assert resolve_time(text, None) is None


def test_absolute_times_need_no_publication_date():
    assert resolve_time("2024", None).iso == "2024"


@pytest.mark.parametrize(
    "text, found",
    [
        ("13,221 entered in 2024 from 1,117 in 2023", [("2024", False), ("2023", False)]),
        ("rose 12 times in 2024 from the previous year", [("2024", False), ("the previous year", True)]),
        ("By mid-2025, the number had risen", [("mid-2025", False)]),
        ("compared to the current 1.5 million", [("current", True)]),
        ("Documents from 2022 indicated", [("2022", False)]),
        ("In the third quarter of 2024, students came", [("the third quarter of 2024", False)]),
        ("before the COVID-19 pandemic", []),
        ("Resolution 2397 (2017) required", [("2017", False)]),
        ("the index is up 24 percent year-to-date", [("year-to-date", False)]),
        ("Shares fell 5% in recent trading.", [("in recent trading", False)]),
        ("the club now has 40,000 members", [("now", False)]),
        ("by then most were now employed in farming", []),
        ("profit for the third quarter rose 8%", [("the third quarter", False)]),
        ("Last summer, fires burned 300,000 hectares", [("Last summer", False)]),
        ("prices fall in winter and rise in the summer", []),  # a season with nothing to fix its year
        ("In May, the council approved 12 permits", [("In May", False)]),
        ("Voters rejected it in a referendum last March", [("last March", False)]),
        ("They met this weekend and again last week", [("this weekend", False), ("last week", False)]),
        ("A tanker exploded on the highway on Tuesday", [("on Tuesday", False)]),  # a word that names, then a time
        ("Traffic on Highway 2019 was closed", []),
        ("The board meets at 10:30 a.m. ET on Friday", [("10:30 a.m.", False), ("on Friday", False)]),
        ("The ferry holds 9 am passengers", []),
        ("ridership remains 15 percent below its 2019 level", [("2019", True)]),  # what it is compared with
        ("exports are 8% above the 2022 peak", [("2022", True)]),
    ],
)
def test_find_times(text, found):
    times = find_times(text, 0, find_figures(text))
    assert [(t.text, t.baseline) for t in times] == found


@pytest.mark.parametrize(
    "text, iso",
    [("October", "2024-10-01/2024-10-31"), ("January", "2025-01-01/2025-01-31"),
     ("the first week of October", "2024-10-01/2024-10-31"), ("early February", "2025-02-01/2025-02-28")],
)
def test_month_without_a_year_is_the_last_one_before_publication(text, iso):
    assert resolve_time(text, PUBLISHED).iso == iso


def test_may_the_verb_is_not_a_month():
    assert [t.text for t in find_times("Officials may raise the quota in May, they said.")] == ["in May"]


@pytest.mark.parametrize("text, iso", [
    ("From 2010 to 2015 there were 3,248 cases.", "2010/2015"),
    ("Between 2009 and 2018 the clinic saw 26 cases.", "2009/2018"),
    ("The plant ran from 2001 through 2004.", "2001/2004"),
])
def test_a_span_of_years_in_words_is_one_interval(text, iso):
    (found,) = find_times(text)
    assert resolve_time(found.text, date(2020, 1, 1)).iso == iso


# "The firm joins eight rivals chosen in 2021, bringing the field to 13 bidders." and
# "Some 300 nurses hired in March were let go.": hand-written parses, word|POS|TAG|dep|head|lemma.
JOINS = parse(
    "The|DET|DT|det|1|the firm|NOUN|NN|nsubj|2|firm joins|VERB|VBZ|ROOT|2|join eight|NUM|CD|nummod|4|eight "
    "rivals|NOUN|NNS|dobj|2|rival chosen|VERB|VBN|acl|4|choose in|ADP|IN|prep|5|in 2021|NUM|CD|pobj|6|2021 "
    ",|PUNCT|,|punct|2|, bringing|VERB|VBG|advcl|2|bring the|DET|DT|det|11|the field|NOUN|NN|dobj|9|field "
    "to|ADP|IN|prep|9|to 13|NUM|CD|nummod|14|13 bidders|NOUN|NNS|pobj|12|bidder .|PUNCT|.|punct|2|."
)
HIRED = parse(
    "Some|ADV|RB|quantmod|1|some 300|NUM|CD|nummod|2|300 nurses|NOUN|NNS|nsubjpass|7|nurse "
    "hired|VERB|VBN|acl|2|hire in|ADP|IN|prep|3|in March|PROPN|NNP|pobj|4|march were|AUX|VBD|auxpass|7|be "
    "let|VERB|VBN|ROOT|7|let go|VERB|VB|xcomp|7|go .|PUNCT|.|punct|7|."
)


@pytest.mark.parametrize(
    "doc, time, figure, elsewhere",
    [
        (JOINS, 7, 13, True),  # when the rivals were chosen, not when the field reached 13
        (JOINS, 7, 3, False),  # the eight rivals were chosen then
        (HIRED, 5, 1, False),  # the nurses the figure counts were hired in March
    ],
)
def test_a_time_in_a_clause_about_another_noun_is_not_the_figures(doc, time, figure, elsewhere):
    assert describes_other_noun(doc[time], [doc[figure]]) is elsewhere


@pytest.mark.parametrize("text", [
    "the 1990s", "the third quarter of 2023", "early 2024", "Sept. 5, 2024", "5 March 2024", "in May", "June",
    "the first week of March", "2019 to 2021", "last year", "a year earlier", "yesterday", "currently",
    "at present", "in recent weeks", "year to date", "so far this year", "now", "on Tuesday", "this past May",
    "last night", "tonight", "this morning", "this afternoon",
])
def test_every_kind_of_time_passes_the_quick_look_and_is_found(text):
    from kg.extract.times import _ANCHORS

    assert _ANCHORS.search(text) and find_times(f"It happened {text} in the valley.")
