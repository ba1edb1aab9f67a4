"""Editing actors through the Python API: rename, kind, aliases, merge and its undo."""

from __future__ import annotations

import pytest

from parallax.domain.errors import InvalidInputError, NotFoundError
from parallax.domain.model import Changes
from parallax.services.actors import (
    clean_aliases,
    mention_counts,
    open_alias_groups,
    plan_alias_group,
)
from parallax.services.demo import build_demo
from parallax.services.project import Project
from tests.conftest import SAMPLE_CORPUS


@pytest.fixture
def demo(project: Project) -> Project:
    build_demo(project, SAMPLE_CORPUS)
    return project


def actor(project: Project, name: str):
    found = project.find_actor(name)
    assert found is not None
    return found


def test_rename_kind_and_aliases_return_what_undo_needs(demo: Project) -> None:
    seen: list[Changes] = []
    demo.subscribe(seen.append)
    ghanmi = actor(demo, "Othman al-Ghanmi")
    before = demo.rename_actor(ghanmi.id, "  Osman   al-Ghanmi ")
    assert before == ghanmi
    renamed = demo.actor(ghanmi.id)
    assert renamed.name == "Osman al-Ghanmi" and "Osman al-Ghanmi" not in renamed.aliases
    assert seen[-1].actors == {ghanmi.id}
    demo.set_actor_kind(ghanmi.id, "armed group")
    demo.set_actor_aliases(ghanmi.id, ["Ghanmi", "ghanmi", " ", "Uthman al-Ghanmi"])
    assert demo.actor(ghanmi.id).aliases == ("Ghanmi", "Uthman al-Ghanmi")
    assert demo.actor(ghanmi.id).kind == "armed group"
    demo.restore_actor(ghanmi)
    assert demo.actor(ghanmi.id) == ghanmi


def test_names_of_other_actors_are_refused(demo: Project) -> None:
    ghanmi = actor(demo, "Othman al-Ghanmi")
    with pytest.raises(InvalidInputError, match="Falah al-Fayadh"):
        demo.rename_actor(ghanmi.id, "faleh al-fayyad")
    with pytest.raises(InvalidInputError):
        demo.set_actor_aliases(ghanmi.id, ["Abadi"])
    with pytest.raises(InvalidInputError):
        demo.rename_actor(ghanmi.id, "   ")
    with pytest.raises(InvalidInputError):
        demo.merge_actors(ghanmi.id, ghanmi.id)


def test_merge_moves_tags_memos_aliases_and_unmerge_restores_ids(demo: Project) -> None:
    abadi, fayadh = actor(demo, "Haider al-Abadi"), actor(demo, "Falah al-Fayadh")
    abadi_tags = demo.actor_tags(abadi.id)
    fayadh_tags = demo.actor_tags(fayadh.id)
    demo.set_memo("Abadi sends envoys", actor_id=abadi.id)
    merge = demo.merge_actors(abadi.id, fayadh.id)
    assert demo.memo(actor_id=fayadh.id) == "Abadi sends envoys"
    with pytest.raises(NotFoundError):
        demo.actor(abadi.id)
    merged = demo.actor(fayadh.id)
    assert merged.aliases[: len(fayadh.aliases)] == fayadh.aliases
    assert {"Haider al-Abadi", "Haidar Abadi", "Haydar al-Abadi", "Abadi"} <= set(merged.aliases)
    assert set(demo.actor_tags(fayadh.id)) == set(fayadh_tags) | set(abadi_tags)
    assert demo.find_actor("Haidar Abadi").id == fayadh.id
    demo.unmerge_actors(merge)
    assert demo.actor(abadi.id) == abadi
    assert demo.actor(fayadh.id) == fayadh
    assert demo.actor_tags(abadi.id) == abadi_tags
    assert demo.actor_tags(fayadh.id) == fayadh_tags
    assert demo.memo(actor_id=abadi.id) == "Abadi sends envoys"
    assert demo.memo(actor_id=fayadh.id) == ""


def test_merge_keeps_a_tag_the_target_already_had(demo: Project) -> None:
    assad, fayadh = actor(demo, "Bashar al-Assad"), actor(demo, "Falah al-Fayadh")
    shared = [t for t in demo.actor_tags(fayadh.id) if t in demo.actor_tags(assad.id)]
    ann = demo.actor_tags(assad.id)[0][0]
    demo.tag_actor(ann, fayadh.id, "mentioned")
    demo.tag_actor(ann, assad.id, "mentioned")
    merge = demo.merge_actors(fayadh.id, assad.id)
    assert (ann, "mentioned") not in merge.added_tags
    demo.unmerge_actors(merge)
    assert (ann, "mentioned") in demo.actor_tags(assad.id)
    assert (ann, "mentioned") in demo.actor_tags(fayadh.id)
    assert set(shared) <= set(demo.actor_tags(fayadh.id)) & set(demo.actor_tags(assad.id))


def test_actor_events_and_mention_counts(demo: Project) -> None:
    fayadh = actor(demo, "Falah al-Fayadh")
    assert len(demo.actor_events()[fayadh.id]) == 2
    counts = mention_counts(demo)
    assert counts[fayadh.id] == len(demo.actor_mentions(fayadh.id)) > 10


def test_alias_plans_name_what_accepting_does(demo: Project) -> None:
    actors = demo.actors()
    fayadh = actor(demo, "Falah al-Fayadh")
    plan = plan_alias_group(["Faleh al-Fayad", "al-Fayyad"], actors)
    assert plan.target_id == fayadh.id and plan.new_aliases == ("al-Fayyad",)
    assert plan.summary == "add “al-Fayyad” to Falah al-Fayadh"
    both = plan_alias_group(["Fayyad", "Abadi", "Haydar al-Abadi"], actors, {fayadh.id: 9})
    assert both.target_id == fayadh.id and both.merge_names == ("Haider al-Abadi",)
    fresh = plan_alias_group(["Hashd", "Hashd al-Shaabi"], actors)
    assert fresh.target_id is None and fresh.name == "Hashd al-Shaabi"
    assert fresh.new_aliases == ("Hashd",)
    done = plan_alias_group(["Ghanmi", "Osman Al-Ghanmi"], actors)
    assert not done.is_open
    names = [p.name for p in open_alias_groups(demo)]
    assert "Hashd al-Shaabi" in names and "Othman al-Ghanmi" not in names


def test_clean_aliases() -> None:
    assert clean_aliases("Abadi", [" abadi", "Al  Abadi", "al abadi", ""]) == ("Al Abadi",)


def test_delete_takes_tags_memos_and_aliases_and_undelete_brings_them_back(demo: Project) -> None:
    fayadh = actor(demo, "Falah al-Fayadh")
    tags = demo.actor_tags(fayadh.id)
    demo.set_memo("Envoy of two prime ministers", actor_id=fayadh.id)
    tagged = tags[0][0]
    assert fayadh.id in {a.actor_id for a in demo.annotation_detail(tagged).actors}
    seen: list[Changes] = []
    demo.subscribe(seen.append)
    removal = demo.delete_actor(fayadh.id)
    assert removal.tags == tuple(tags) and len(removal.memos) == 1
    assert seen[-1].annotations == {a for a, _role in tags}  # their actor labels change
    with pytest.raises(NotFoundError):
        demo.actor(fayadh.id)
    assert demo.find_actor("Faleh al-Fayyad") is None
    assert fayadh.id not in {a.actor_id for a in demo.annotation_detail(tagged).actors}
    assert demo.memo(actor_id=fayadh.id) == ""  # gone with it, not left orphaned
    demo.undelete_actor(removal)
    assert demo.actor(fayadh.id) == fayadh
    assert demo.actor_tags(fayadh.id) == tags
    assert demo.memo(actor_id=fayadh.id) == "Envoy of two prime ministers"
    assert demo.find_actor("Faleh al-Fayyad").id == fayadh.id
