"""Name candidates, actor mentions and actor suggestions, without a model."""

from __future__ import annotations

from parallax.assist.mentions import find_mentions, find_name_candidates, suggest_actors
from parallax.domain.model import Actor, ActorId

TEXT = (
    "ERBIL\u00a0— Syrian President Bashar al-Assad met Iraq’s National Security Advisor "
    "Falah\u00a0al-Fayadh on Thursday. The message, handed over by Mr.Faleh al-Fayyad, "
    "came from Iraqi Prime Minister Haidar Abadi'. President Assad and Fayadh talked. "
    "On May 18, Lieutenant General Othman al-Ghanmi met the Popular Mobilization Units."
)


def _names(text: str) -> dict[str, tuple[int, int, str]]:
    return {c.name: (c.start, c.end, c.cue) for c in find_name_candidates(text)}


def test_candidates_drop_titles_and_keep_code_point_offsets_through_nbsp() -> None:
    found = _names(TEXT)
    start, end, cue = found["Falah al-Fayadh"]
    assert TEXT[start:end] == "Falah\u00a0al-Fayadh" and cue == "Advisor"
    assert found["Bashar al-Assad"][2] == "President"
    assert found["Faleh al-Fayyad"][2] == "Mr"
    assert found["Haidar Abadi"][2] == "Minister"
    assert found["Othman al-Ghanmi"][2] == "General"
    assert "Popular Mobilization Units" in found
    assert not {"On", "The", "May", "Thursday", "President", "Syrian"} & set(found)


def test_candidates_after_an_emoji_count_code_points() -> None:
    text = "🙂 Faleh al-Fayad spoke"
    [candidate] = find_name_candidates(text)
    assert (candidate.start, candidate.end) == (2, 16)
    assert text[candidate.start : candidate.end] == "Faleh al-Fayad"


def test_candidate_kinds_and_scores() -> None:
    by_name = {c.name: c for c in find_name_candidates(TEXT)}
    assert by_name["Bashar al-Assad"].kind == "person"
    assert by_name["Bashar al-Assad"].score == 1.0
    assert by_name["Popular Mobilization Units"].kind == "organisation"
    assert by_name["Fayadh"].score < 0.5  # a bare word without a title


def test_find_mentions_through_aliases_and_spelling() -> None:
    fayadh = Actor(ActorId(1), "Falah al-Fayadh")
    hits = find_mentions(TEXT, fayadh)
    assert [surface for _, _, surface, _ in hits] == [
        "Falah\u00a0al-Fayadh",
        "Faleh al-Fayyad",
        "Fayadh",
    ]
    for start, end, surface, score in hits:
        assert TEXT[start:end] == surface and 0.8 <= score <= 1.0


def test_a_surname_another_actor_shares_is_not_a_mention() -> None:
    bashar = Actor(ActorId(1), "Bashar al-Assad")
    hafez = Actor(ActorId(2), "Hafez al-Assad")
    alone = [s for _, _, s, _ in find_mentions(TEXT, bashar)]
    assert alone == ["Bashar al-Assad", "Assad"]
    with_rival = [s for _, _, s, _ in find_mentions(TEXT, bashar, rivals=[hafez])]
    assert with_rival == ["Bashar al-Assad"]


def test_find_mentions_finds_acronyms_and_lower_case_forms_literally() -> None:
    text = "Fighters of the hashd al-shaabi and ISIS clashed; isis is not an acronym here."
    hits = find_mentions(text, ["Hashd al-Shaabi", "ISIS"])
    assert [s for _, _, s, _ in hits] == ["hashd al-shaabi", "ISIS"]


def test_suggest_actors_groups_recurring_names_across_articles() -> None:
    texts = {
        1: "Iraqi Prime Minister Haider al-Abadi met Falah al-Fayadh. Middle East news.",
        2: "Prime Minister Haidar Abadi and Faleh al-Fayyad spoke. Middle East report.",
        3: "Iraqi Prime Minister Haydar al-Abadi said so. Mr. Adel Abdalmehdi agreed.",
    }
    fayadh = Actor(ActorId(9), "Falah al-Fayadh")
    found = suggest_actors(texts, [fayadh])
    assert [(s.name, s.articles) for s in found] == [("Haider al-Abadi", (1, 2, 3))]
    assert set(found[0].aliases) == {"Haidar Abadi", "Haydar al-Abadi"}
    assert found[0].count == 3 and found[0].kind == "person"
    assert suggest_actors(texts, [fayadh], min_articles=4) == []


def test_overlapping_literal_forms_give_one_mention() -> None:
    text = "President Bashar al-Assad spoke."
    hits = find_mentions(text, ["Bashar al-Assad", "President Bashar al-Assad"])
    assert [s for _, _, s, _ in hits] == ["President Bashar al-Assad"]
