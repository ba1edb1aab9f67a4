"""Transliterated Arabic names: word keys, person scores and alias groups."""

from __future__ import annotations

import pytest

from parallax.assist.aliases import group_aliases, match_actor
from parallax.assist.names import SAME_PERSON, parse_name, same_person_score, word_key
from parallax.domain.model import Actor, ActorId


@pytest.mark.parametrize(
    ("spellings", "key"),
    [
        (["Fayadh", "Fayyad", "Fayad", "FAYAD"], "fayad"),
        (["Mohammed", "Mohamed"], "muhamed"),
        (["Muhammad", "Mohamad", "Mohammad"], "muhamad"),
        (["Qasim", "Kasim", "Kassim"], "kasim"),
        (["Sha’abi", "Sha'abi", "Shaabi", "Shaʿabi"], "shabi"),
        (["Abdulrahman", "Abdelrahman", "Abdalrahman"], "abdrahman"),
    ],
)
def test_spelling_variants_share_a_word_key(spellings: list[str], key: str) -> None:
    assert {word_key(s) for s in spellings} == {key}


def test_titles_demonyms_articles_and_no_break_spaces_are_not_part_of_the_name() -> None:
    assert parse_name("Syrian President Bashar al-Assad").keys == ("bashar", "asad")
    assert parse_name("H.E. President Bashar\u00a0Al-Assad").keys == ("bashar", "asad")
    assert parse_name("Mr.Faleh al-Fayyad").keys == ("faleh", "fayad")
    assert parse_name("Haidar Abadi'").keys == ("haidar", "abadi")
    assert parse_name("Abadi’s").keys == ("abadi",)
    assert parse_name("Abd al-Rahman").keys == parse_name("Abdul Rahman").keys
    assert parse_name("Popular Mobilization Units").full  # organisations keep their words


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Falah al-Fayadh", "Faleh al-Fayyad"),
        ("Falah al-Fayadh", "Faleh al-Fayad"),
        ("Faleh al-Fayyad", "Faleh al-Fayad"),
        ("Haider al-Abadi", "Haidar Abadi"),
        ("Haider al-Abadi", "Haydar al-Abadi"),
        ("Bashar al-Assad", "Bashar Al-Assad"),
        ("Othman al-Ghanmi", "Osman Al-Ghanmi"),
        ("Mohammed bin Salman", "Muhammad bin Salman"),
        ("Adel Abdul-Mahdi", "Adil Abd al-Mahdi"),
        ("Moqtada al-Sadr", "Muqtada al-Sadr"),
    ],
)
def test_spellings_of_one_person_score_as_the_same_person(a: str, b: str) -> None:
    assert same_person_score(a, b) >= SAME_PERSON
    assert same_person_score(a, b) == same_person_score(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Bashar al-Assad", "Hafez al-Assad"),
        ("Adel Abdalmehdi", "Haider al-Abadi"),
        # An initial a- against e- is a different word (العبادي, not عبادی): not merged.
        ("Haider al-Abadi", "Haider al-Ebadi"),
        ("Hassan Nasrallah", "Hussein Nasrallah"),
        ("Mahmoud Abbas", "Mohammed Abbas"),
        ("Saddam Hussein", "Uday Hussein"),
    ],
)
def test_different_people_are_not_merged(a: str, b: str) -> None:
    assert same_person_score(a, b) < SAME_PERSON


def test_seed_spellings_group_by_person() -> None:
    names = [
        "Falah al-Fayadh",
        "Haider al-Abadi",
        "Faleh al-Fayyad",
        "Haidar Abadi",
        "Faleh al-Fayad",
        "Haydar al-Abadi",
        "Bashar al-Assad",
        "Bashar Al-Assad",
        "Othman al-Ghanmi",
        "Osman Al-Ghanmi",
        "Adel Abdalmehdi",
    ]
    groups = {frozenset(g) for g in group_aliases(names)}
    assert frozenset({"Falah al-Fayadh", "Faleh al-Fayyad", "Faleh al-Fayad"}) in groups
    assert frozenset({"Haider al-Abadi", "Haidar Abadi", "Haydar al-Abadi"}) in groups
    assert frozenset({"Bashar al-Assad", "Bashar Al-Assad"}) in groups
    assert frozenset({"Othman al-Ghanmi", "Osman Al-Ghanmi"}) in groups
    assert frozenset({"Adel Abdalmehdi"}) in groups
    assert sum(len(g) for g in groups) == len(names)


def test_a_surname_attaches_only_to_a_unique_full_name() -> None:
    groups = group_aliases(["Bashar al-Assad", "Al-Assad", "Assad", "Ghanmi", "al-Ghanmi"])
    assert ["Bashar al-Assad", "Al-Assad", "Assad"] in groups
    assert ["Ghanmi", "al-Ghanmi"] in groups  # no full name: surnames still group

    ambiguous = group_aliases(["Bashar al-Assad", "Hafez al-Assad", "Al-Assad"])
    assert ["Al-Assad"] in ambiguous
    assert ["Bashar al-Assad"] in ambiguous and ["Hafez al-Assad"] in ambiguous


def test_the_most_frequent_spelling_leads_its_group() -> None:
    groups = group_aliases(["Faleh al-Fayad", "Falah al-Fayadh", "Falah al-Fayadh"])
    assert groups == [["Falah al-Fayadh", "Faleh al-Fayad"]]


def test_match_actor_refuses_a_surname_two_actors_share() -> None:
    bashar = Actor(ActorId(1), "Bashar al-Assad", aliases=("President Assad",))
    hafez = Actor(ActorId(2), "Hafez al-Assad")
    fayadh = Actor(ActorId(3), "Falah al-Fayadh")
    actors = [bashar, hafez, fayadh]
    assert match_actor("Faleh al-Fayyad", actors) is fayadh
    assert match_actor("Fayyad", actors) is fayadh
    assert match_actor("Bashar Al-Assad", actors) is bashar
    assert match_actor("Assad", actors) is None
    assert match_actor("Haider al-Abadi", actors) is None
