"""Qt models: structure checked by qtmodeltester, paging, and refresh by Changes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from parallax.domain.model import Changes
from parallax.services.project import Project
from parallax.ui.models.actors_model import ActorsModel
from parallax.ui.models.detail_list_model import DetailListModel, RecordRole
from parallax.ui.models.events_model import EventsModel
from parallax.ui.models.library_model import IdRole, KindRole, LibraryModel, SortRole

Display = Qt.ItemDataRole.DisplayRole


@pytest.fixture
def paged(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(LibraryModel, "PAGE_SIZE", 2)


def open_all(model: LibraryModel) -> None:
    """Open every outlet, as expanding it in the tree would."""
    for group in range(model.rowCount()):
        parent = model.index(group, 0)
        while model.canFetchMore(parent):
            model.fetchMore(parent)


def article_rows(model: LibraryModel) -> list[int]:
    open_all(model)
    ids = []
    for group in range(model.rowCount()):
        parent = model.index(group, 0)
        ids += [model.index(r, 0, parent).data(IdRole) for r in range(model.rowCount(parent))]
    return ids


def test_library_model_pages_in_outlets_and_articles(qtmodeltester, corpus_project, paged):
    """Every outlet shows at once; an outlet's articles are read only when it is opened."""
    model = LibraryModel(corpus_project)
    outlets = {o.name for o in corpus_project.outlets()} | {"No outlet"}
    assert {model.index(r, 0).data(SortRole) for r in range(model.rowCount())} == outlets
    assert model.loaded_count == 0 and not model.canFetchMore(QModelIndex())
    assert model.total_count == 5
    qtmodeltester.check(model)
    for group in range(model.rowCount()):
        parent = model.index(group, 0)
        assert model.hasChildren(parent)
        while model.canFetchMore(parent):
            model.fetchMore(parent)
    qtmodeltester.check(model)
    summaries = corpus_project.article_summaries()
    assert sorted(article_rows(model)) == sorted(s.id for s in summaries)
    outlet = model.index(0, 0)
    assert outlet.data(KindRole) == "outlet"
    assert model.index(0, 0, outlet).data(KindRole) == "article"


def test_library_counts_follow_annotations(qtbot, qtmodeltester, corpus_project):
    model = LibraryModel(corpus_project)
    article = corpus_project.article_summaries()[0]
    index = model.index_of_article(article.id)
    count_cell = index.siblingAtColumn(2)
    assert count_cell.data(Display) in ("", 0)
    ann = corpus_project.annotate(article.id, 0, 5)
    model.apply_changes(Changes(annotations=frozenset({ann.id}), articles=frozenset({article.id})))
    cell = model.index_of_article(article.id).siblingAtColumn(2)
    qtbot.waitUntil(lambda: cell.data(Display) == 1)  # recounted after the edit is painted
    qtmodeltester.check(model)


def test_library_reloads_after_an_import(qtmodeltester, project: Project, tmp_path):
    model = LibraryModel(project)
    assert model.rowCount() == 0
    (tmp_path / "a.txt").write_text("Title\n\nSome article text here.", encoding="utf-8")
    result = project.import_files([tmp_path / "a.txt"])
    model.apply_changes(Changes(articles=frozenset(a.id for a in result)))
    assert article_rows(model) == [result[0].id]
    qtmodeltester.check(model)


def test_events_model_rows_and_counts(qtmodeltester, corpus_project):
    article = corpus_project.article_summaries()[0]
    ann = corpus_project.annotate(article.id, 0, 5)
    event = corpus_project.create_event("Meeting in Damascus", "2017-05-18")
    model = EventsModel(corpus_project)
    qtmodeltester.check(model)
    assert model.rowCount() == 1
    assert model.index(0, 0).data(Display) == "2017-05-18"
    assert model.index(0, 2).data(Display) == 0
    corpus_project.link(ann.id, event.id, "reports")
    model.apply_changes(Changes(events=frozenset({event.id})))
    assert (model.index(0, 2).data(Display), model.index(0, 3).data(Display)) == (1, 1)
    second = corpus_project.create_event("Border talks")
    model.apply_changes(Changes(events=frozenset({second.id})))
    assert model.rowCount() == 2
    corpus_project.delete_event(event.id)
    model.apply_changes(Changes(events=frozenset({event.id})))
    assert model.rowCount() == 1 and model.index(0, 1).data(Display) == "Border talks"
    qtmodeltester.check(model)


def test_events_model_reads_rows_a_block_at_a_time(
    qtmodeltester, corpus_project, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(EventsModel, "BLOCK", 2)
    article = corpus_project.article_summaries()[0]
    events = [corpus_project.create_event(f"Event {n}", f"2017-05-1{n}") for n in range(5)]
    ann = corpus_project.annotate(article.id, 0, 5)
    corpus_project.link(ann.id, events[4].id, "corroborates")
    reads: list[list[int]] = []
    read_many = EventsModel._read_many
    monkeypatch.setattr(
        EventsModel, "_read_many", lambda self, ids: reads.append(ids) or read_many(self, ids)
    )
    model = EventsModel(corpus_project)
    assert model.rowCount() == 5 and reads == []  # ids only, until a row is shown
    assert model.index(3, 1).data(Display) == "Event 3"
    assert reads == [[events[2].id, events[3].id]]
    assert model.index(4, 5).data(Display) == "corroborated by 1"
    corpus_project.update_event(events[0].id, title="Renamed, never shown")
    model.apply_changes(Changes(events=frozenset({events[0].id})))
    assert model.index(0, 1).data(Display) == "Renamed, never shown"
    qtmodeltester.check(model)
    titles = [model.index(r, 1).data(Display) for r in range(5)]
    assert titles == ["Renamed, never shown", "Event 1", "Event 2", "Event 3", "Event 4"]
    assert sorted(i for ids in reads for i in ids) == [e.id for e in events[1:]]


def test_events_sort_by_a_count_reads_every_block(corpus_project, monkeypatch):
    from parallax.ui.panels import table_view

    monkeypatch.setattr(EventsModel, "BLOCK", 2)
    article = corpus_project.article_summaries()[0]
    events = [corpus_project.create_event(f"Event {n}", f"2017-05-1{n}") for n in range(5)]
    for n, event in enumerate(events):
        for start in range(0, 10 * n, 10):
            ann = corpus_project.annotate(article.id, start, start + 5)
            corpus_project.link(ann.id, event.id, "reports")
    view = table_view(EventsModel(corpus_project))
    view.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # passages
    proxy = view.model()
    assert [proxy.index(r, 2).data(Display) for r in range(5)] == [4, 3, 2, 1, 0]


def test_actors_model_names_aliases_counts(qtmodeltester, corpus_project):
    actor = corpus_project.add_actor("Falah al-Fayadh", aliases=["Faleh al-Fayyad"])
    model = ActorsModel(corpus_project)
    qtmodeltester.check(model)
    assert model.index(0, 0).data(Display) == "Falah al-Fayadh"
    assert model.index(0, 2).data(Display) == "Faleh al-Fayyad"
    article = corpus_project.article_summaries()[0]
    ann = corpus_project.annotate(article.id, 0, 5)
    corpus_project.tag_actor(ann.id, actor.id, "speaker")
    model.apply_changes(Changes(actors=frozenset({actor.id})))
    assert model.index(0, 3).data(Display) == 1
    assert model.index(0, 0).data(IdRole) == actor.id
    qtmodeltester.check(model)


def test_detail_list_model(qtmodeltester):
    model: DetailListModel[str] = DetailListModel(str.upper)
    model.set_records(["a", "b"])
    qtmodeltester.check(model)
    assert model.index(1, 0).data(Display) == "B"
    assert model.index(1, 0).data(RecordRole) == "b"


def test_library_shows_dates_at_their_precision(qtbot, tmp_path) -> None:
    """A month-only publication date reads 2016-07, not 2016-07-01."""
    import parallax
    from parallax.ui.models.library_model import LibraryModel
    from tests.conftest import SAMPLE_CORPUS

    with parallax.open_project(tmp_path / "p.parallax") as project:
        project.import_files([SAMPLE_CORPUS])
        model = LibraryModel(project)
        open_all(model)
        dates = set()
        for group in range(model.rowCount()):
            parent = model.index(group, 0)
            for row in range(model.rowCount(parent)):
                dates.add(model.index(row, 1, parent).data())
    assert {"2016-07", "2017-05-18"} <= dates
