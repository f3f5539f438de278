"""The alias table: the entities written for the corpus's story, and every country of the world."""

from __future__ import annotations

from kg.ontology import Gazetteer, entities, world
from kg.vocab import SKOS


def test_every_country_is_known_by_its_names_and_its_people():
    gazetteer = Gazetteer.load()
    assert gazetteer.resolve("the Republic of Kenya") == "kenya"
    assert gazetteer.type("kenya") == "country"
    assert gazetteer.nationality("Kenyan nurses") == gazetteer.nationality("Kenyans") == "kenya"
    assert gazetteer.nationality("Indian engineers") == "india"  # not the British Indian Ocean Territory
    assert gazetteer.resolve("Burma") == gazetteer.resolve("Myanmar") == "myanmar"


def test_the_people_of_a_land_in_stan_are_known_by_its_stem():
    gazetteer = Gazetteer.load()
    assert gazetteer.nationality("Uzbek drivers") == gazetteer.nationality("Uzbeks") == "uzbekistan"
    assert gazetteer.nationality("Tajik migrants") == "tajikistan"
    assert gazetteer.nationality("Kazakh farmers") == "kazakhstan"
    assert gazetteer.nationality("Pakistani doctors") == "pakistan"  # "Pak" is no word for a people
    assert gazetteer.nationality("Kyrgyz herders") == "kyrgyzstan"


def test_a_country_the_table_names_keeps_its_key_and_gains_its_people():
    gazetteer = Gazetteer.load()
    assert gazetteer.resolve("the United States of America") == "united-states"
    assert gazetteer.nationality("American voters") == "united-states"
    assert gazetteer.nationality("North Korean workers") == "north-korea"
    keys = [c.key for c in world()]
    assert len(keys) == len(set(keys)) and len(keys) > 200


def test_a_people_is_not_a_name_and_no_code_is_one():
    """"Thai tailors" are Thailand's people, not a mention of Thailand; "IN" is not India."""
    gazetteer = Gazetteer.load()
    assert gazetteer.find("Thai tailors") == []
    assert gazetteer.find("workers IN the city") == []
    names = {str(o) for o in entities().objects(None, SKOS.altLabel)}
    assert "Thai" not in names and "KE" not in names


def test_capitalised_names_are_not_common_words_and_qualified_names_are_other_places():
    gazetteer = Gazetteer.load()
    assert gazetteer.find("a roast turkey") == []
    assert [m.key for m in gazetteer.find("TURKEY BANS IMPORTS")] == ["turkey"]
    assert gazetteer.find("officials in Inner Mongolia") == []
    assert [m.key for m in gazetteer.find("officials in western Mongolia")] == ["mongolia"]
    assert [m.key for m in gazetteer.find("Northern Ireland and Ireland")] == ["ireland"]
