"""The Library's filter: a text box, and behind "Filters" outlet, dates, tag and whether an
article has annotations. It only says what to show (`changed`, with the keyword arguments of
`Project.article_summaries`); the Library model asks the project, a page at a time.
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from parallax.domain.model import Changes
from parallax.services.project import Project

logger = logging.getLogger(__name__)

TEXT_PAUSE_MS = 200
NO_DATE = QDate(1800, 1, 1)  # shown as "any": QDateEdit has no empty value
NO_OUTLET = -1
ANNOTATED = (("Any", None), ("With annotations", True), ("Without annotations", False))


def _date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText("any")
    edit.setDate(NO_DATE)
    return edit


def _date_of(edit: QDateEdit) -> dt.date | None:
    date = edit.date()
    return None if date == NO_DATE else dt.date(date.year(), date.month(), date.day())


class LibraryFilterBar(QWidget):
    """Text filter plus a foldable row of filters; `changed(filters)` when they change."""

    changed = Signal(dict)

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._project = project
        self._quiet = False
        self._filled = False  # outlet and tag lists: read when the filters are first shown
        self._timer = QTimer(self, singleShot=True, interval=TEXT_PAUSE_MS)
        self._timer.timeout.connect(self._emit)
        self._build()

    # ---------------------------------------------------------------- layout
    def _build(self) -> None:
        self.text = QLineEdit()
        self.text.setPlaceholderText("Filter by title, outlet, author")
        self.text.setClearButtonEnabled(True)
        self.text.textChanged.connect(lambda _t: self._timer.start())
        self.text.returnPressed.connect(self._emit)
        self.toggle = QToolButton()
        self.toggle.setText("Filters")
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.toggled.connect(self._show_details)
        self.outlet = QComboBox()
        self.tag = QComboBox()
        self.annotated = QComboBox()
        for label, value in ANNOTATED:
            self.annotated.addItem(label, value)
        self.date_from, self.date_to = _date_edit(), _date_edit()
        self.clear = QPushButton("Clear filters")
        self.clear.clicked.connect(self.reset)
        for combo in (self.outlet, self.tag, self.annotated):
            combo.currentIndexChanged.connect(lambda _i: self._emit())
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _d: self._emit())
        self.details = QWidget()
        form = QFormLayout(self.details)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.date_from.setToolTip("Published on or after")
        self.date_to.setToolTip("Published on or before")
        dates = QHBoxLayout()
        dates.addWidget(self.date_from, 1)
        dates.addWidget(QLabel("to"))
        dates.addWidget(self.date_to, 1)
        form.addRow("Outlet", self.outlet)
        form.addRow("Published", dates)
        form.addRow("Tag", self.tag)
        form.addRow("Highlights", self.annotated)
        form.addRow("", self.clear)
        self.details.setVisible(False)
        row = QHBoxLayout()
        row.setSpacing(4)
        row.addWidget(self.text, 1)
        row.addWidget(self.toggle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(row)
        layout.addWidget(self.details)

    def _show_details(self, shown: bool) -> None:
        if shown and not self._filled:
            self.refresh_choices()
        self.details.setVisible(shown)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    # --------------------------------------------------------------- choices
    def refresh_choices(self) -> None:
        """Fill the outlet and tag lists from the project, keeping what was chosen."""
        self._filled = True
        self._quiet = True
        try:
            self._fill(self.outlet, "Any outlet", self._outlet_items())
            paths = self._project.tag_paths()
            items = sorted(((p, t) for t, p in paths.items()), key=lambda i: i[0].casefold())
            self._fill(self.tag, "Any tag", items)
        finally:
            self._quiet = False

    def _outlet_items(self) -> list[tuple[str, object]]:
        items: list[tuple[str, object]] = [(o.name, o.id) for o in self._project.outlets()]
        items.append(("No outlet", NO_OUTLET))
        return items

    @staticmethod
    def _fill(combo: QComboBox, anything: str, items: list[tuple[str, object]]) -> None:
        chosen = combo.currentData()
        combo.clear()
        combo.addItem(anything, None)
        for label, value in items:
            combo.addItem(label, value)
        index = combo.findData(chosen) if chosen is not None else 0
        combo.setCurrentIndex(max(index, 0))

    def apply_changes(self, changes: Changes) -> None:
        """New, renamed or deleted outlets and tags; a chosen one that is gone is let go.
        Lists never filled are left to be read when first shown."""
        if (changes.outlets or changes.tags) and self._filled:
            before = self.filters()
            self.refresh_choices()
            if self.filters() != before:
                self._emit()

    # ---------------------------------------------------------------- values
    def filters(self) -> dict[str, object]:
        """The keyword arguments for `Project.article_summaries` ({}: no filter)."""
        found: dict[str, object] = {}
        text = self.text.text().strip()
        if text:
            found["text"] = text
        outlet = self.outlet.currentData()
        if outlet is not None:
            found["outlet_ids"] = [None if outlet == NO_OUTLET else int(outlet)]
        for key, edit in (("date_from", self.date_from), ("date_to", self.date_to)):
            value = _date_of(edit)
            if value is not None:
                found[key] = value
        if self.tag.currentData() is not None:
            found["tag_id"] = int(self.tag.currentData())
        if self.annotated.currentData() is not None:
            found["annotated"] = bool(self.annotated.currentData())
        return found

    def set_tag(self, tag_id: int) -> None:
        """Show the articles with annotations carrying this tag (from the Tags panel)."""
        index = self.tag.findData(tag_id)
        if index < 0:
            self.refresh_choices()
            index = self.tag.findData(tag_id)
        if index >= 0:
            self.toggle.setChecked(True)
            self.tag.setCurrentIndex(index)

    def reset(self) -> None:
        self._quiet = True
        try:
            self.text.clear()
            for combo in (self.outlet, self.tag, self.annotated):
                combo.setCurrentIndex(0)
            self.date_from.setDate(NO_DATE)
            self.date_to.setDate(NO_DATE)
        finally:
            self._quiet = False
        self._emit()

    def _emit(self) -> None:
        self._timer.stop()
        if self._quiet:
            return
        filters = self.filters()
        active = len(filters) - (1 if "text" in filters else 0)
        self.toggle.setText(f"Filters ({active})" if active else "Filters")
        self.changed.emit(filters)
