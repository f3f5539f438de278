"""Figure rules on plain text: finding (extract) and reading (normalize). No model needed."""

from __future__ import annotations

import pytest

from kg.extract import find_figures, scrape_damage
from kg.model import FigureMention
from kg.normalize import read_figure


def one(text: str, damaged: bool = False):
    found = find_figures(text)
    assert len(found) == 1, [f.surface for f in found]
    figure = read_figure(found[0], damaged=damaged)
    assert text[found[0].start:found[0].end] == found[0].surface
    return figure


@pytest.mark.parametrize(
    "text, surface, value, low, high, qualifier, unit",
    [
        ("approximately 15,000 workers", "approximately 15,000", 15000, None, None, "approx", None),
        ("nearly 8,000 arrived", "nearly 8,000", 8000, None, None, "approx", None),
        ("more than $500 million annually", "more than $500 million", 5e8, None, None, "at_least", "USD"),
        ("at least 120 companies", "at least 120", 120, None, None, "at_least", None),
        ("between 100,000 and 150,000 workers", "between 100,000 and 150,000", None, 1e5, 1.5e5, "range", None),
        ("the remaining $100 to $200 monthly pay", "$100 to $200", None, 100, 200, "range", "USD"),
        ("a headwind of 0.6% to 0.7% on sales", "0.6% to 0.7%", None, 0.6, 0.7, "range", "percent"),
        ("turnout between 55 percent and 60 percent", "between 55 percent and 60 percent", None, 55, 60, "range",
         "percent"),
        ("a 12-fold increase", "12-fold", 12, None, None, "exact", "ratio"),
        ("rose nearly 12 times from the previous year", "nearly 12 times", 12, None, None, "approx", "ratio"),
        ("an increase of 1,083 percent", "1,083 percent", 1083, None, None, "exact", "percent"),
        ("about one-third of income", "about one-third", 100 / 3, None, None, "approx", "percent"),
        ("consumed half of expected earnings", "half", 50, None, None, "exact", "percent"),
        ("pockets over 90% of wages", "over 90%", 90, None, None, "at_least", "percent"),
        ("a gap of 1.5 million workers", "1.5 million", 1.5e6, None, None, "exact", None),
        ("up to 3,000 troops", "up to 3,000", 3000, None, None, "at_most", None),
        ("as many as 40 vessels", "as many as 40", 40, None, None, "at_most", None),
        ("fewer than 2,500 visas", "fewer than 2,500", 2500, None, None, "at_most", None),
        ("roughly 44 percent", "roughly 44 percent", 44, None, None, "approx", "percent"),
        ("some 30,000 were based", "some 30,000", 30000, None, None, "approx", None),
        ("another $200 million or more", "$200 million or more", 2e8, None, None, "at_least", "USD"),
        ("could exceed $1 billion each year", "$1 billion", 1e9, None, None, "at_least", "USD"),
        ("to top 13,000, officials said", "13,000", 13000, None, None, "at_least", None),
        ("paid 2,000 rubles a day", "2,000 rubles", 2000, None, None, "exact", "RUB"),
        ("costs €45 each", "€45", 45, None, None, "exact", "EUR"),
        ("twelve inspectors came", "twelve", 12, None, None, "exact", None),
        ("forty-five migrants", "forty-five", 45, None, None, "exact", None),
        ("two million residents", "two million", 2e6, None, None, "exact", None),
        ("3 to 3.5 million tonnes", "3 to 3.5 million", None, 3e6, 3.5e6, "range", None),
        ("2.5-3 percent of output", "2.5-3 percent", None, 2.5, 3, "range", "percent"),
        ("an estimated 100,000 workers", "an estimated 100,000", 100000, None, None, "approx", None),
        ("after two other measles cases were confirmed", "two", 2, None, None, "exact", None),
        ("the striker scored two in the second half", "two", 2, None, None, "exact", None),
        ("the rate was cut by two points", "two", 2, None, None, "exact", None),
    ],
)
def test_figure_readings(text, surface, value, low, high, qualifier, unit):
    f = one(text)
    assert f.surface == surface
    assert f.value == pytest.approx(value) if value is not None else f.value is None
    assert (f.low, f.high) == (pytest.approx(low) if low else None, pytest.approx(high) if high else None)
    assert (f.qualifier, f.unit) == (qualifier, unit)


@pytest.mark.parametrize(
    "text",
    [
        "In 2024, officials met.",
        "on May 5, at 2:36 PM",
        "Published 05 Feb. 2025, 17:25",
        "UN Security Council Resolution 2397 (2017) required",
        "before the COVID-19 pandemic",
        "the 80th anniversary",
        "image 8a2baf21-6633-402a-8f3a",
        "Section 12 of the act",
        "the 1990s saw",
        "in mid-2025",
        "a 12-hour shift",
        "an F-16 jet",
        "the 2024 Crocus City Hall attack",
        "one such missile",
        "In 202223, prices",
        "Early Period (19461965): fishing",
        "the vote was the narrowest on record [2]. Turnout rose",
        "as the court ruled.[14] The appeal",
        "14] The appeal was heard",
        "as the statute says.[3",
        "the two leaders signed a treaty",
        "those two clubs were relegated",
        "a briefing at 9 a.m. local time",
        "the polls close by 8pm on Thursday",
        "trading resumed at 10:30 AM",
        "the bridge has stood since 1779.",
        "a charter granted in 1606, and later revised",
    ],
)
def test_not_figures(text):
    assert find_figures(text) == []


@pytest.mark.parametrize(
    "text, low, high",
    [
        ("accumulate $5,0006,000 after", 5000, 6000),
        ("roughly $9,00010,000 per person", 9000, 10000),
        ("paid $1,2001,500 monthly", 1200, 1500),
    ],
)
def test_lost_dash_in_grouped_numbers_is_repaired(text, low, high):
    f = one(text)
    assert (f.low, f.high, f.qualifier, f.repaired) == (low, high, "range", True)
    assert f.confidence < 1


@pytest.mark.parametrize(
    "text, low, high, max_confidence",
    [
        ("only 2030 percent of what", 20, 30, 0.6),
        ("an estimated 33.5 million foreign workers", 3e6, 3.5e6, 0.4),
        ("roughly 44.5 percent of the total", 4, 4.5, 0.4),
    ],
)
def test_ambiguous_figures_in_a_damaged_text_become_low_confidence_ranges(text, low, high, max_confidence):
    f = one(text, damaged=True)
    assert (f.low, f.high, f.qualifier) == (pytest.approx(low), pytest.approx(high), "range")
    assert f.confidence <= max_confidence


@pytest.mark.parametrize("text, value", [("an estimated 33.5 million", 33.5e6), ("about 80%", 80), ("149 people", 149)])
def test_the_same_figures_in_a_clean_text_are_read_as_written(text, value):
    assert one(text, damaged=False).value == pytest.approx(value)


@pytest.mark.parametrize("text, value", [("about 80%", 80), ("which killed 149 people", 149), ("$6,500 over", 6500)])
def test_plausible_figures_in_a_damaged_text_are_kept(text, value):
    assert one(text, damaged=True).value == pytest.approx(value)


@pytest.mark.parametrize(
    "text, damaged",
    [
        ("Early Period (19461965): fishing", True),
        ("accumulate $5,0006,000 after", True),
        ("In 202223, an estimated", True),
        ("In 1946, 1,965 workers came; 5,000-6,000 later", False),
        ("the 2024-25 season", False),
    ],
)
def test_scrape_damage_detection(text, damaged):
    assert scrape_damage(text) is damaged


@pytest.mark.parametrize(
    "text, low, high, confidence",
    [("tens of thousands of workers", 2e4, 9e4, 0.5), ("dozens of North Koreans", 24, 99, 0.5)],
)
def test_vague_quantities_are_wide_low_confidence_ranges(text, low, high, confidence):
    f = one(text)
    assert (f.low, f.high, f.confidence) == (low, high, confidence)


def test_an_unreadable_mention_reads_as_nothing():
    assert read_figure(FigureMention("lots", 0, 4, None, None)) is None


@pytest.mark.parametrize("sentence", [
    "Residents could not make 911 calls for hours.",
    "Callers who dial 999 wait longer in winter.",
    "The 112 line was down across the region.",
])
def test_emergency_telephone_numbers_are_not_counts(sentence):
    assert find_figures(sentence) == []


def test_a_count_of_calls_is_still_a_count():
    assert [f.surface for f in find_figures("The centre answered 4,500 calls on Monday.")] == ["4,500"]


@pytest.mark.parametrize(
    "sentence, surface, low, high, value, unit",
    [
        ("Forecasters expect 6-to-8 foot waves off the point.", "6-to-8", 6, 8, None, None),
        ("The stock touched a 4-1/2 month high.", "4-1/2", None, None, 4.5, None),
        ("Snow drifts of up to a metre blocked the pass.", "up to a metre", None, None, 1, "meter"),
        ("Queues at the border lasted 20 minutes to an hour.", "20 minutes to an hour", 20, 60, None, "minute"),
        ("Three or four buses were delayed.", "Three or four", 3, 4, None, None),
        ("A 200-square-kilometre reserve was opened.", "200-square-kilometre", None, None, 200, "kilometer**2"),
        ("The repairs will take 2 days or a week.", "2 days or a week", 2, 7, None, "day"),
        ("The vote took nearly an hour.", "nearly an hour", None, None, 1, "hour"),
    ],
)
def test_figures_in_every_written_form(sentence, surface, low, high, value, unit):
    (mention,) = [f for f in find_figures(sentence) if f.surface == surface]
    figure = read_figure(mention)
    assert (figure.low, figure.high, figure.value, figure.unit) == (low, high, value, unit)


@pytest.mark.parametrize("sentence", [
    "A third case was confirmed on Monday.",
    "He sought a third term in office.",
    "It was a 12-year-old car.",
    "We walked to a mile marker.",
    "He has a point about the budget.",
])
def test_ordinals_ages_and_idioms_are_not_figures(sentence):
    assert find_figures(sentence) == []


def test_a_hedged_time_ago_is_a_time_not_a_figure():
    assert find_figures("The firms were chosen nearly a year ago.") == []


@pytest.mark.parametrize("text, surface", [
    ("The mill's turnover 400 workers a year worried the owners.", "400"),  # "over" inside a word
    ("The ferry stopped 6 times on the crossing.", "6 times"),  # "topped" inside "stopped"
    ("An awesome 12 goals were scored.", "12"),  # "some" inside a word
])
def test_a_hedge_is_a_whole_word(text, surface):
    (figure,) = find_figures(text)
    assert (figure.surface, figure.hedge) == (surface, None)


@pytest.mark.parametrize("text, surface, value, unit", [
    ("exports of 92 million Norwegian kroner", "92 million Norwegian kroner", 9.2e7, "NOK"),
    ("a deficit of 5 billion rand", "5 billion rand", 5e9, "ZAR"),
    ("fined 40 million shekels", "40 million shekels", 4e7, "ILS"),
    ("set aside 2 billion Hong Kong dollars", "2 billion Hong Kong dollars", 2e9, "HKD"),
    ("spent 1.2 trillion rupiah", "1.2 trillion rupiah", 1.2e12, "IDR"),
    ("paid 7.5 million zlotys", "7.5 million zlotys", 7.5e6, "PLN"),
    # names shared by several currencies stay unread, and everyday words stay words
    ("lost 92 million kroner", "92 million", 9.2e7, None),
    ("won 5 gold medals", "5", 5, None),
    ("scored 3 marks more", "3", 3, None),
])
def test_currencies_by_name(text, surface, value, unit):
    figure = one(text)
    assert (figure.surface, figure.value, figure.unit) == (surface, value, unit)


@pytest.mark.parametrize("text, value", [
    ("a journey of 4.1 billion kilometres", 4_100_000_000),
    ("revenue of $8.3 billion", 8_300_000_000),
    ("0.7 million people", 700_000),
    ("2.675 trillion won", 2_675_000_000_000),
])
def test_a_scaled_figure_is_the_number_written(text, value):
    assert one(text).value == value


@pytest.mark.parametrize("text, surfaces", [
    ("United beat the visitors 3-1 on Saturday", []),  # a score
    ("the court ruled 5-4 in the case", []),  # a vote
    ("the Senate voted 51–49 to confirm her", []),
    ("passed the bill by a vote of 67 to 31, sending it on", []),  # a tally after a word of voting
    ("the amendment lost 49-51 on Thursday", []),
    ("won by 30 to 40 votes", ["30 to 40"]),  # a range of what it counts
    ("temperatures of 20-25 degrees", ["20-25"]),  # a range goes up
    ("a rise of 3-5 percent", ["3-5 percent"]),
])
def test_a_score_is_no_range(text, surfaces):
    assert [f.surface for f in find_figures(text)] == surfaces


@pytest.mark.parametrize("text, surfaces", [
    ("prices fell 2% from the previous three months", ["2%"]),
    ("over the past 12 months, 300 people died", ["300"]),
    ("in the first six months of the year", []),
    ("within the next five years", []),
    ("the last 3 games", ["3"]),  # not a time
])
def test_a_period_counts_nothing(text, surfaces):
    assert [f.surface for f in find_figures(text)] == surfaces


@pytest.mark.parametrize("text, surface, value, qualifier", [
    ("one in five patients were children", "one in five", 20, "exact"),
    ("1 in 4 adults smoke", "1 in 4", 25, "exact"),
    ("nearly two out of three voters backed it", "nearly two out of three", 200 / 3, "approx"),
    ("one out of every ten homes was empty", "one out of every ten", 10, "exact"),
])
def test_a_share_said_as_counts(text, surface, value, qualifier):
    figure = one(text)
    assert (figure.surface, figure.value, figure.unit, figure.qualifier) == (surface, pytest.approx(value), "percent",
                                                                              qualifier)


def test_a_count_in_a_year_is_no_share():
    assert [f.surface for f in find_figures("two in 2024 and three in 2025")] == ["two", "three"]


@pytest.mark.parametrize("text, surface, unit", [
    ("average wages rose to C$35.40", "C$35.40", "CAD"),
    ("a contract worth A$2 million", "A$2 million", "AUD"),
    ("HK$3.5 billion in bonds", "HK$3.5 billion", "HKD"),
    ("damages of ₪12 million", "₪12 million", "ILS"),
    ("a US$3 million grant", "US$3 million", "USD"),
    ("a $3 million grant", "$3 million", "USD"),
])
def test_currency_signs_before_a_figure(text, surface, unit):
    figure = one(text)
    assert (figure.surface, figure.unit) == (surface, unit)


@pytest.mark.parametrize("text, surface, value, unit", [
    ("the deal is worth £3.5bn", "£3.5bn", 3.5e9, "GBP"),
    ("a $20m fine", "$20m", 2e7, "USD"),
    ("about 2.3m people fled", "about 2.3m", 2.3e6, None),
    ("$40k salaries", "$40k", 4e4, "USD"),
    ("¥1.5tn in bonds", "¥1.5tn", 1.5e12, "JPY"),
    ("prices rose 4pc last year", "4pc", 4, "percent"),
    ("a grant of Rs 500 crore", "Rs 500 crore", 5e9, "INR"),
    ("3 lakh farmers", "3 lakh", 3e5, None),
])
def test_scales_written_onto_the_number(text, surface, value, unit):
    figure = one(text)
    assert (figure.surface, figure.value, figure.unit) == (surface, value, unit)


@pytest.mark.parametrize("text, surfaces", [
    ("she won the 100m sprint", []),  # metres
    ("a 2.3m wall", []),
    ("between 3m and 4m people", ["between 3m and 4m"]),
    ("the state gave Rs 500 crore to 3 lakh farmers", ["Rs 500 crore", "3 lakh"]),  # an amount, then a count
])
def test_what_a_written_on_scale_is(text, surfaces):
    assert [f.surface for f in find_figures(text)] == surfaces
