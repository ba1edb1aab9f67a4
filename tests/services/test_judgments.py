"""Key judgments, memos and the likelihood yardstick through the Python API."""

from __future__ import annotations

import pytest

from parallax.domain import yardsticks
from parallax.domain.errors import InvalidInputError, NotFoundError
from parallax.domain.model import Changes
from parallax.services.project import Project


@pytest.fixture
def claims(sample_project: Project) -> list[int]:
    article = sample_project.articles()[0]
    return [sample_project.annotate(article.id, i * 10, i * 10 + 8).id for i in range(3)]


def test_add_list_update_and_cite(project: Project, claims: list[int]) -> None:
    heard: list[Changes] = []
    project.subscribe(heard.append)
    first = project.add_judgment("Contacts were regular", "Likely", "Moderate", claims[:2])
    second = project.add_judgment("  The envoy  travelled twice ", "unlikely", "low")
    assert first.likelihood == "likely" and str(first.confidence) == "moderate"
    assert first.annotation_ids == tuple(claims[:2])
    assert second.statement == "The envoy travelled twice"
    assert [j.id for j in project.judgments()] == [first.id, second.id]
    assert heard[-1].judgments == {second.id}

    changed = project.update_judgment(first.id, confidence="high", annotation_ids=[claims[2]])
    assert str(changed.confidence) == "high" and changed.annotation_ids == (claims[2],)
    assert changed.statement == "Contacts were regular"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"statement": "  "}, "needs a statement"),
        ({"likelihood": "probable"}, "not a likelihood of the ICD 203"),
        ({"confidence": "certain"}, "low, moderate or high"),
    ],
)
def test_bad_judgments_are_refused(project: Project, fields: dict, message: str) -> None:
    values = {"statement": "A statement", "likelihood": "likely", "confidence": "low"} | fields
    with pytest.raises(InvalidInputError, match=message):
        project.add_judgment(**values)
    assert project.judgments() == []


def test_citing_a_missing_claim_is_refused(project: Project) -> None:
    with pytest.raises(NotFoundError):
        project.add_judgment("A statement", "likely", "low", [999])
    assert project.judgments() == []


def test_delete_and_restore_keep_id_place_and_citations(project: Project, claims) -> None:
    ids = [project.add_judgment(f"Judgment {n}", "likely", "low", claims[:n]).id for n in range(3)]
    gone, position = project.delete_judgment(ids[1])
    assert [j.id for j in project.judgments()] == [ids[0], ids[2]]
    back = project.restore_judgment(gone, position)
    assert back == gone
    assert [j.id for j in project.judgments()] == ids


def test_restore_drops_citations_of_claims_deleted_meanwhile(project: Project, claims) -> None:
    judgment = project.add_judgment("A statement", "likely", "low", claims)
    gone, position = project.delete_judgment(judgment.id)
    project.delete_annotation(claims[0])
    assert project.restore_judgment(gone, position).annotation_ids == tuple(claims[1:])


def test_reorder_returns_the_old_order(project: Project) -> None:
    ids = [project.add_judgment(f"J{n}", "likely", "low").id for n in range(3)]
    before = project.reorder_judgments([ids[2], ids[0]])
    assert before == ids
    assert [j.id for j in project.judgments()] == [ids[2], ids[0], ids[1]]
    project.reorder_judgments(before)
    assert [j.id for j in project.judgments()] == ids


def test_yardstick_switch_keeps_each_judgments_rung(project: Project) -> None:
    assert project.yardstick() == yardsticks.ICD_203
    judgment = project.add_judgment("A statement", "roughly even chance", "low")
    assert project.set_yardstick(yardsticks.UK_PHIA) == yardsticks.ICD_203
    assert project.judgment(judgment.id).likelihood == "realistic possibility"
    with pytest.raises(InvalidInputError, match="UK PHIA"):
        project.add_judgment("Another", "very likely", "low")
    assert project.add_judgment("Another", "highly likely", "low").likelihood == "highly likely"
    project.set_yardstick(yardsticks.ICD_203)
    assert [j.likelihood for j in project.judgments()] == ["roughly even chance", "very likely"]
    with pytest.raises(InvalidInputError):
        project.set_yardstick("NATO")


def test_term_ranges_are_printed_with_an_en_dash() -> None:
    assert yardsticks.find_term(yardsticks.ICD_203, "Likely").range_label == "55–80%"
    assert yardsticks.find_term(yardsticks.UK_PHIA, "remote chance").range_label == "0–5%"
    assert [len(t) for t in yardsticks.YARDSTICKS.values()] == [7, 7]


def test_project_memo_replaces_the_legacy_setting(project: Project) -> None:
    project.set_setting("memo", "Old bottom line.")
    assert project.memo() == "Old bottom line."
    heard: list[Changes] = []
    project.subscribe(heard.append)
    memo = project.set_memo("New bottom line.")
    assert project.memo() == "New bottom line." and heard[-1].memos == {memo.id}
    assert project.setting("memo") is None
    assert project.set_memo("Edited.").id == memo.id


def test_event_and_actor_memos_are_separate(project: Project) -> None:
    event = project.create_event("Meeting in Damascus", "2017-05-18")
    actor = project.add_actor("Falah al-Fayadh")
    project.set_memo("Bottom line.")
    project.set_memo("Dates differ by a day.", event_id=event.id)
    project.set_memo("Spelled three ways.", actor_id=actor.id)
    assert project.memo() == "Bottom line."
    assert project.memo(event_id=event.id) == "Dates differ by a day."
    assert project.memo(actor_id=actor.id) == "Spelled three ways."
    assert project.memo(event_id=event.id + 1) == ""
    with pytest.raises(NotFoundError):
        project.set_memo("x", event_id=event.id + 1)
    with pytest.raises(InvalidInputError):
        project.set_memo("x", event_id=event.id, actor_id=actor.id)
