"""Tokens, crude lemmas and TF-IDF cosine computed locally."""

from __future__ import annotations

import pytest

from parallax.assist.similarity import TfidfIndex, cosine, shared_terms, stem, tokens


@pytest.mark.parametrize(
    ("words", "lemma"),
    [
        (["meeting", "meetings", "met", "meet"], "meet"),
        (["discussed", "discussion", "discuss"], "discuss"),
        (["cooperation", "cooperate", "cooperated"], "cooper"),
        (["countries", "country"], "country"),
        (["agreed", "agree"], "agr"),
    ],
)
def test_inflections_share_a_lemma(words: list[str], lemma: str) -> None:
    assert {stem(w) for w in words} == {lemma}


def test_tokens_fold_transliterations_and_drop_stop_words() -> None:
    assert tokens("Faleh al-Fayyad met the Iraqi\u00a0envoy") == tokens(
        "Faleh al-Fayadh meets THE iraqi envoy"
    )
    assert "the" not in tokens("the meeting") and tokens("Fayyad") == tokens("Fayad")
    assert tokens("2017 12") == []


def test_tfidf_ranks_the_passage_sharing_rare_words_first() -> None:
    docs = [
        "Assad met the Iraqi envoy in Damascus",
        "Assad spoke about the economy",
        "Assad received Fayyad, the Iraqi security adviser",
        "Weather in Damascus was warm",
    ]
    index = TfidfIndex([tokens(d) for d in docs])
    query = index.vector(tokens("Iraqi security adviser Fayad met Assad"))
    scores = index.similarities(query)
    assert max(scores, key=scores.get) == 2
    assert 3 not in scores or scores[3] == 0  # shares no term with the query
    assert scores[2] == pytest.approx(cosine(query, index.document(2)))
    assert "fayad" in shared_terms(query, index.document(2))
    assert len(index) == 4
