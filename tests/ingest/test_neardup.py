"""Near-duplicate detection on bodies: the same story with different leftovers."""

from __future__ import annotations

import random

from parallax.ingest.neardup import NearDuplicateIndex, shingles
from parallax.ingest.sample_pages import sentence


def story(seed: int, sentences: int = 30) -> str:
    rng = random.Random(seed)
    return " ".join(sentence(rng) for _ in range(sentences))


STORY = story(1)
OTHER = story(2)


def index_of(bodies: dict[int, str]) -> NearDuplicateIndex:
    index = NearDuplicateIndex(bodies.__getitem__)
    index.extend(bodies.items())
    return index


def test_the_same_body_with_a_leftover_comment_thread_matches() -> None:
    index = index_of({1: STORY, 2: OTHER})
    comments = story(3, 8)
    match = index.find(STORY + "\nDutchman | 18/5/2017\n" + comments)
    assert match is not None and match.article_id == 1 and match.similarity == 1.0


def test_case_and_spacing_do_not_matter_but_edits_lower_the_score() -> None:
    index = index_of({1: STORY})
    assert index.find(STORY.upper().replace(" ", "\u00a0 ")).similarity == 1.0
    edited = STORY.replace("officials said", "aides claimed")
    assert 0.8 <= index.find(edited).similarity < 1.0


def test_stories_built_from_the_same_phrases_are_not_duplicates() -> None:
    bodies = {i: story(100 + i, 20) for i in range(60)}
    index = index_of(bodies)
    fresh = story(999, 20)
    assert index.find(fresh) is None


def test_short_or_empty_bodies() -> None:
    index = index_of({1: "Just three words"})
    assert index.find("just three WORDS").article_id == 1
    assert index.find("") is None and shingles("") == set()


def test_very_different_sizes_are_not_compared() -> None:
    index = index_of({1: STORY})
    assert index.find(STORY[: len(STORY) // 4]) is None
