"""Who says a figure, read by the real model from news phrasings of many kinds (written for these
tests: markets, health, disasters, politics, crime, economy)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def sources(read_text):
    def read(text: str, publisher: str | None = None) -> dict[str, list[str]]:
        return {c.figure.surface: [s.label for s in c.sources] for c in read_text(text, publisher)[1] if c.figure}

    return read


ATTRIBUTIONS = [
    ("Prices will rise 4% next year, say economists at the central bank.", "4%", ["economists at the central bank"]),
    ("The bank announced that profit rose 12% in the quarter.", "12%", ["bank"]),
    ("Growth of 2.5% is expected by the finance ministry.", "2.5%", ["finance ministry"]),
    ("According to the health department, 87 people were admitted overnight.", "87", ["health department"]),
    ("Police told reporters that 14 suspects had been detained.", "14", ["Police"]),
    ("\u201cWe lost 300 homes in one night,\u201d said Maria Lopez, the town's mayor.", "300", ["Maria Lopez"]),
    ("\u201cAbout 40 boats sank,\u201d harbour master Tom Reed said.", "About 40", ["Tom Reed"]),
    ("Turnout was 61%, the electoral commission said in a statement.", "61%", ["electoral commission"]),
    ("Figures compiled by Eurostat show unemployment at 6.1%.", "6.1%", ["Eurostat"]),
    ("Forum posts by traders, citing exchange data, put the loss at $40 million.", "$40 million",
     ["traders", "exchange data"]),
    # an audit or a review finds what it reports
    ("The city's own audit, released last month, found that a third of buses ran late.", "a third",
     ["city's own audit"]),
    # a name NER reads as two organisations
    ("Aid has reached 28 billion euros, according to the Kiel Institute for the World Economy.",
     "28 billion euros", ["Kiel Institute for the World Economy"]),
    # one speaker saying and adding is one link
    ("The Ukrainian air force said Russia launched 142 drones overnight, adding that 129 of them had been "
     "shot down.", "129", ["Ukrainian air force"]),
    # an organisation whose name ends in a country's
    ("Exports rose 4% in May, Statistics Norway said on Friday.", "4%", ["Statistics Norway"]),
]


@pytest.mark.parametrize("text, figure, expected", ATTRIBUTIONS)
def test_sources_across_domains(sources, text, figure, expected):
    assert sources(text)[figure] == expected


@pytest.mark.parametrize("text, found", [
    # the speakers counted: a source, and their number no claim
    ("Three officials said 40 people died in the floods.", {"40": ["Three officials"]}),
    ("About 1,200 homes were destroyed, two aid workers told the agency.", {"About 1,200": ["two aid workers"]}),
    ("According to two people familiar with the talks, the club will pay $80 million.",
     {"$80 million": ["two people familiar with the talks"]}),
    # those who speak of themselves, as in a survey, are what is counted
    ("In the poll, 412 farmers said they had lost money.", {"412": []}),
])
def test_counted_speakers(sources, text, found):
    assert sources(text) == found


@pytest.mark.parametrize("text, figure, expected", [
    # sport: a club of the league, not the league
    ("The Premier League club said 14 players had been injured this season.", "14", ["Premier League club"]),
    # business: the people of a company speak for it
    ("Tesla executives said 40,000 cars would be recalled.", "40,000", ["Tesla"]),
])
def test_an_organisation_named_before_a_noun(sources, text, figure, expected):
    assert sources(text)[figure] == expected


@pytest.mark.parametrize("text, figure, expected", [
    # someone else named as the subject: the writer's own sentence
    ("Santos put the fee at 58 million euros, the club said. Northbridge finished seventh last season, 12 "
     "points behind the leaders.", "12", []),
    ("The authors said the risk fell by 19 percent. An independent expert, Professor Sarah Lane, reviewed 40 "
     "earlier studies.", "40", []),
    # the speaker named again goes on with the report
    ("The mayor, Ana Ruiz, said the city had built 400 homes. Ruiz now plans to build 600 more by 2027.",
     "600", ["Ana Ruiz"]),
])
def test_a_report_goes_on_until_someone_else_is_the_subject(sources, text, figure, expected):
    assert sources(text)[figure] == expected


def test_a_name_beside_a_description_is_the_source(sources):
    assert sources("The harbour master, Tomasz Wiercik, said 14 vessels were waiting.")["14"] == ["Tomasz Wiercik"]


def test_an_age_beside_a_name_is_no_claim(sources):
    assert list(sources("Alves, 21, scored 19 goals in 34 league appearances last season.")) == ["19", "34"]


def test_a_ministry_named_is_not_the_organisation_named_before(sources):
    text = ("The flood killed 42 people, the agency AFAD said. More than 300 people were injured, according to "
            "the Health Ministry.")
    assert sources(text)["More than 300"] == ["Health Ministry"]


def test_a_report_that_closes_its_sentence_speaks_for_all_of_it(sources):
    """The parser hangs "announced" on the clause before it; said after a comma at the end, it
    speaks for the whole sentence (elections)."""
    text = ("The opposition candidate, Grace Chanda, won Thursday's by-election in Kabwata with 11,482 votes, "
            "defeating the ruling party's nominee by fewer than 600 votes, the Electoral Commission of Zambia "
            "announced on Friday.")
    assert sources(text) == {"11,482": ["Electoral Commission of Zambia"],
                             "fewer than 600": ["Electoral Commission of Zambia"]}


def test_a_quote_after_its_speaker_changes_hands(sources):
    text = ("Jane Roe, the agency's director, said 12 staff had left. \u201cWe hired 30 more,\u201d "
            "said John Doe, its deputy.")
    found = sources(text)
    assert found["12"] == ["Jane Roe"] and found["30"] == ["John Doe"]


def test_the_publisher_is_never_its_own_source(sources):
    assert sources("The Daily Ledger found that rents rose 9% in the city.", publisher="The Daily Ledger")["9%"] \
        in ([], ["rents"])  # never the publisher


def test_a_concession_does_not_carry_the_report(sources):
    found = sources("Five cases were confirmed on Monday, though officials say the risk is low.")
    assert found["Five"] == []
