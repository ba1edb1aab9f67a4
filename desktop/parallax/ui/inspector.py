"""The Inspector: everything about the selected annotation, each edit an undoable command.

Quote (read-only), kind, credibility, note (committed on focus-out or after a pause),
actors with roles, dates with their normalised value, events with stances.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from parallax.domain.dates import format_fuzzy
from parallax.domain.errors import KnownError, NotFoundError
from parallax.domain.model import (
    ActorRole,
    ActorTag,
    AnnotationDetail,
    AnnotationKind,
    Changes,
    DateTag,
    EventLink,
    Stance,
)
from parallax.ui.session import ProjectSession

logger = logging.getLogger(__name__)

CREDIBILITY = (
    "",
    "1 – confirmed",
    "2 – probably true",
    "3 – possibly true",
    "4 – doubtful",
    "5 – improbable",
    "6 – cannot be judged",
)
NOTE_PAUSE_MS = 800
ACTORS, EVENTS = "actors", "events"  # the completion lists, by what they list
PREVIEW_PAUSE_MS = 150


class NoteEdit(QPlainTextEdit):
    """A plain text edit that says when it loses focus."""

    focus_lost = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_lost.emit()


class Inspector(QWidget):
    """Shows and edits the session's selected annotation."""

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.detail: AnnotationDetail | None = None
        self._event_titles: dict[int, str] = {}
        # Actor names and event titles are read when an annotation is first shown, not
        # at open: the placeholder needs neither, and on a large project they cost 0.1 s.
        self._stale_lists = {ACTORS, EVENTS}
        self._page: QScrollArea | None = None  # the editing page, made when first needed
        self._loading = False
        self._build()
        self._note_timer = QTimer(self, singleShot=True, interval=NOTE_PAUSE_MS)
        self._note_timer.timeout.connect(self.commit_note)
        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_PAUSE_MS)
        self._preview_timer.timeout.connect(self.update_date_preview)
        self._connect()
        self.show_annotation(session.selected)

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.placeholder = QLabel("Select a highlight to inspect it,\nor select text and press C.")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setObjectName("InspectorPlaceholder")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

    def _build_page(self) -> None:
        """The editing page, made when the first annotation is shown: a project opens on
        the placeholder, which needs none of it."""
        from parallax.ui.inspector_sections import DetailSection
        from parallax.ui.inspector_tags import TagsSection

        self.quote = QPlainTextEdit(readOnly=True)
        self.quote.setMaximumHeight(110)
        self.quote.setObjectName("InspectorQuote")
        self.kind = QComboBox()
        self.kind.addItems([str(k) for k in AnnotationKind])
        self.credibility = QComboBox()
        self.credibility.addItems(list(CREDIBILITY))
        self.note = NoteEdit()
        self.note.setPlaceholderText("Note")
        self.note.setMaximumHeight(90)
        self.actors: DetailSection[ActorTag] = DetailSection(
            "Actors",
            lambda t: f"{t.actor_name} — {t.role}",
            "Add actor (name or alias)",
            [str(r) for r in ActorRole],
        )
        self.dates: DetailSection[DateTag] = DetailSection(
            "Dates", lambda t: f"{t.expression} → {t.label}", "Add date, e.g. on Thursday"
        )
        self.events: DetailSection[EventLink] = DetailSection(
            "Events", self._event_label, "Link to event (title)", [str(s) for s in Stance]
        )
        self.tags = TagsSection(self.session)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Kind", self.kind)
        form.addRow("Credibility", self.credibility)
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(10, 10, 10, 10)
        column.setSpacing(8)
        for widget in (self.quote,):
            column.addWidget(widget)
        column.addLayout(form)
        column.addWidget(self.note)
        for section in (self.actors, self.dates, self.tags, self.events):
            column.addWidget(section)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        self.stack.addWidget(scroll)
        self._page = scroll
        self._connect_page()

    def _connect(self) -> None:
        self.session.selection_changed.connect(self.show_annotation)
        self.session.bus.changes_applied.connect(self._apply_changes)

    def _connect_page(self) -> None:
        self.kind.currentTextChanged.connect(self._kind_chosen)
        self.credibility.currentIndexChanged.connect(self._credibility_chosen)
        self.note.textChanged.connect(self._note_typed)
        self.note.focus_lost.connect(self.commit_note)
        self.actors.submitted.connect(self._add_actor)
        self.actors.remove_requested.connect(self._remove_actor)
        self.dates.submitted.connect(lambda text, _c: self._add_date(text))
        self.dates.entry.textChanged.connect(lambda _t: self._preview_timer.start())
        self.dates.remove_requested.connect(self.session.remove_date)
        self.events.submitted.connect(self._link_event)
        self.events.remove_requested.connect(self.session.unlink_event)

    # ------------------------------------------------------------------ showing
    @property
    def annotation_id(self) -> int | None:
        return self.detail.annotation.id if self.detail else None

    def show_annotation(self, annotation_id: int | None) -> None:
        """Show an annotation (None: the placeholder); a pending note is saved first."""
        if self.detail is not None and annotation_id != self.annotation_id:
            self.commit_note()
            self.actors.clear_entry()
            self.dates.clear_entry()
            self.events.clear_entry()
        self.detail = None
        if annotation_id is not None:
            try:
                self.detail = self.session.annotation_detail(annotation_id)
            except NotFoundError:
                self.detail = None
        self._fill()

    def _fill(self) -> None:
        detail = self.detail
        if detail is not None and self._page is None:
            self._build_page()
        self.stack.setCurrentIndex(0 if detail is None else 1)
        if detail is None:
            return
        self._refresh_stale_lists()
        ann = detail.annotation
        self._loading = True
        try:
            if self.quote.toPlainText() != ann.quote:
                self.quote.setPlainText(ann.quote)
            self.kind.setCurrentText(str(ann.kind))
            self.credibility.setCurrentIndex(ann.credibility or 0)
            if not self._note_timer.isActive() and self.note.toPlainText() != ann.note:
                self.note.setPlainText(ann.note)  # not while the analyst is typing
            self.actors.model.set_records(detail.actors)
            self.dates.model.set_records(detail.dates)
            self.events.model.set_records(detail.events)
            self.tags.show_detail(detail)
        finally:
            self._loading = False

    def _apply_changes(self, changes: Changes) -> None:
        if changes.actors:
            self._stale_lists.add(ACTORS)
        if changes.events:
            self._stale_lists.add(EVENTS)
        if self.detail is not None:
            self._refresh_stale_lists()
        if changes.tags and self._page is not None:
            self.tags.refresh_paths()
        if self.detail is not None and (
            self.annotation_id in changes.annotations or changes.events
        ):
            self.show_annotation(self.annotation_id)

    def _refresh_stale_lists(self) -> None:
        """Re-read the completions (and event titles) that changed since last shown."""
        stale, self._stale_lists = self._stale_lists, set()
        if ACTORS in stale:
            self._refresh_actor_words()
        if EVENTS in stale:
            self._refresh_event_titles()

    def _refresh_actor_words(self) -> None:
        words: list[str] = []
        for actor in self.session.project.actors():
            words.append(actor.name)
            words.extend(actor.aliases)
        self.actors.set_completions(words)

    def _refresh_event_titles(self) -> None:
        self._event_titles = {e.id: e.title for e in self.session.project.events()}
        self.events.set_completions(list(self._event_titles.values()))
        model = self.events.model
        if model.rowCount():
            model.dataChanged.emit(model.index(0), model.index(model.rowCount() - 1))

    def _event_label(self, link: EventLink) -> str:
        title = self._event_titles.get(link.event_id, f"event {link.event_id}")
        return f"{title} — {link.stance}"

    # -------------------------------------------------------------------- edits
    def _kind_chosen(self, kind: str) -> None:
        if self._loading or self.detail is None:
            return
        ann = self.detail.annotation
        self.session.edit_annotation(ann.id, "kind", str(ann.kind), kind)

    def _credibility_chosen(self, index: int) -> None:
        if self._loading or self.detail is None:
            return
        ann = self.detail.annotation
        self.session.edit_annotation(ann.id, "credibility", ann.credibility, index or None)

    def _note_typed(self) -> None:
        if not self._loading and self.detail is not None:
            self._note_timer.start()

    def commit_note(self) -> None:
        """Save the note if it differs from the stored one."""
        self._note_timer.stop()
        if self.detail is None:
            return
        ann = self.detail.annotation
        text = self.note.toPlainText()
        if text != ann.note:
            self.session.edit_annotation(ann.id, "note", ann.note, text)

    def _add_actor(self, name: str, role: str) -> None:
        if self.detail is not None and self.session.tag_actor(
            self.detail.annotation.id, name, role
        ):
            self.actors.clear_entry()

    def _remove_actor(self, tag: ActorTag) -> None:
        self.session.untag_actor(tag.annotation_id, tag.actor_id, str(tag.role))

    def _add_date(self, expression: str) -> None:
        if self.detail is not None and self.session.tag_date(self.detail.annotation.id, expression):
            self.dates.clear_entry()

    def _link_event(self, title: str, stance: str) -> None:
        if self.detail is not None and self.session.link_event(
            self.detail.annotation.id, title, stance
        ):
            self.events.clear_entry()

    def update_date_preview(self) -> None:
        """Show what the typed date expression means in this article."""
        self._preview_timer.stop()
        expression = self.dates.entry.text().strip()
        if not expression or self.detail is None:
            self.dates.set_preview("")
            return
        try:
            value = self.session.project.normalise_date(
                expression, self.detail.annotation.article_id
            )
        except KnownError as exc:
            self.dates.set_preview(str(exc))
            return
        if value.start is None or value.precision is None:
            self.dates.set_preview(f"? {value.reason or 'not a date'}")
        elif value.ambiguous:
            self.dates.set_preview(f"ambiguous: {value.reason}")
        else:
            self.dates.set_preview(f"→ {format_fuzzy(value.start, value.precision, value.end)}")
