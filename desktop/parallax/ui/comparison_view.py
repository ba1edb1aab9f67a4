"""The event comparison: every source of one event side by side.

One column per source (outlet, reliability grade, publication date) with its linked
passages, their stance and credibility; below, what each source names that no other
source's passages name, and which outlets of the project did not report the event.
A passage's "show" link opens it on the desk.
"""

from __future__ import annotations

import html
import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from parallax.domain.dates import format_fuzzy
from parallax.domain.errors import NotFoundError
from parallax.domain.model import Changes
from parallax.services.comparison import (
    UNKNOWN_OUTLET,
    ComparedPassage,
    EventComparison,
    SourceColumn,
)
from parallax.ui import style
from parallax.ui.session import ProjectSession

logger = logging.getLogger(__name__)

COLUMN_WIDTH = 330
DOUBT_NOTE = (
    "<span style='color:gray'>A date marked ? was worked out from a relative expression"
    " (“Wednesday”) in an article whose publication day is not known.</span>"
)
CREDIBILITY = {
    1: "confirmed",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "cannot be judged",
}


def _label(text: str, name: str = "", *, rich: bool = True) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.LinksAccessibleByMouse
    )
    if name:
        label.setObjectName(name)
    return label


def _date(column: SourceColumn) -> str:
    if column.published is None:
        return "undated"
    return format_fuzzy(column.published, column.precision)


def _chip(text: str, colour: str) -> str:
    return (
        f'<span style="background:{colour}; color:white; font-weight:600;">'
        f"&nbsp;{html.escape(text)}&nbsp;</span>"
    )


class SourceColumnWidget(QFrame):
    """One source: header, then its passages."""

    def __init__(self, column: SourceColumn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column = column
        self.setObjectName("ComparisonColumn")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(COLUMN_WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.setSpacing(6)
        grade = column.reliability
        badge = _chip(grade, style.GRADE_COLOURS.get(grade, "#7f8c8d")) if grade else ""
        head = _label(
            f"<b>{html.escape(column.outlet)}</b> {badge}"
            f" <span style='color:gray'>· {_date(column)}</span>",
            "ComparisonOutlet",
        )
        head.setToolTip(
            f"Reliability {grade} (Admiralty A–F)" if grade else "No outlet: reliability unknown"
        )
        title = _label(html.escape(column.title or "(untitled)"), "ComparisonTitle")
        title.setToolTip(column.url or column.title)
        layout.addWidget(head)
        layout.addWidget(title)
        self.passages = [self._passage(p) for p in column.passages]
        for widget in self.passages:
            layout.addWidget(widget)

    def _passage(self, passage: ComparedPassage) -> PassageWidget:
        return PassageWidget(passage)


class PassageWidget(QWidget):
    """A linked passage: stance, kind and credibility, a "show" link, then the quote."""

    def __init__(self, passage: ComparedPassage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.passage = passage
        colour = style.STANCE_COLOURS.get(str(passage.stance), "#6f8fb0")
        credibility = (
            f"credibility {passage.credibility} – {CREDIBILITY[passage.credibility]}"
            if passage.credibility
            else "credibility not rated"
        )
        self.meta = _label(
            f"{_chip(str(passage.stance), colour)} "
            f"<span style='color:gray'>{passage.kind} · {credibility}</span>"
            f" · <a href='ann:{passage.annotation_id}'>show in article</a>",
            "ComparisonPassageMeta",
        )
        quote = html.escape(" ".join(passage.quote.split()))
        note = f"<br><i>Note: {html.escape(passage.note)}</i>" if passage.note else ""
        self.quote = _label(f"“{quote}”{note}", "ComparisonPassage")
        self.quote.setFont(style.reading_font(11))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.meta)
        layout.addWidget(self.quote)

    def text(self) -> str:
        return f"{self.meta.text()}\n{self.quote.text()}"


class ComparisonView(QDialog):
    """A window comparing the sources of one event; follows edits while open."""

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.event_id: int | None = None
        self.comparison: EventComparison | None = None
        self.columns: list[SourceColumnWidget] = []
        self.setWindowTitle("Compare sources")
        self.setObjectName("ComparisonView")
        self.resize(1120, 680)
        self.heading = _label("", "ComparisonHeading")
        self.summary = _label("", "ComparisonSummary")
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(10)
        self.unique_section = QFrame()
        self.unique_section.setObjectName("ComparisonUnique")
        self.unique_section.setFrameShape(QFrame.Shape.StyledPanel)
        self.unique_layout = QVBoxLayout(self.unique_section)
        self.silent = _label("", "ComparisonSilent")
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(12, 12, 12, 12)
        column.setSpacing(10)
        for widget in (self.heading, self.summary, self.grid_host, self.unique_section):
            column.addWidget(widget)
        column.addWidget(self.silent)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        session.bus.changes_applied.connect(self._apply_changes)

    def show_event(self, event_id: int) -> None:
        """Fill the view for this event (and keep following it)."""
        self.event_id = event_id
        self.refresh()

    def refresh(self) -> None:
        if self.event_id is None:
            return
        from parallax.services.comparison import compare_event

        try:
            self.comparison = compare_event(self.session.project, self.event_id)
        except NotFoundError:
            self.comparison = None
            self.heading.setText("This event no longer exists.")
            self._clear()
            return
        self._fill(self.comparison)

    def _clear(self) -> None:
        for widget in self.columns:
            self.grid.removeWidget(widget)
            widget.deleteLater()
        self.columns = []
        while self.unique_layout.count():
            item = self.unique_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()

    def _fill(self, comparison: EventComparison) -> None:
        self._clear()
        event = comparison.event
        when = format_fuzzy(event.start, event.precision, event.end) if event.start else "undated"
        place = f" · {html.escape(event.place)}" if event.place else ""
        self.setWindowTitle(f"Compare sources — {event.title}")
        self.heading.setText(
            f"<span style='font-size:15pt; font-weight:600'>{html.escape(event.title)}</span>"
            f"<br><span style='color:gray'>{when}{place}</span>"
        )
        count = len(comparison.sources)
        self.summary.setText(
            f"{count} source{'' if count == 1 else 's'}: {html.escape(comparison.summary)}"
        )
        for index, source in enumerate(comparison.sources):
            widget = SourceColumnWidget(source)
            for passage in widget.passages:
                passage.meta.linkActivated.connect(self._open_link)
            self.grid.addWidget(widget, 0, index, Qt.AlignmentFlag.AlignTop)
            self.columns.append(widget)
        self._fill_unique(comparison)

    def _fill_unique(self, comparison: EventComparison) -> None:
        heading = _label("<b>What only one source says</b>", "ComparisonUniqueHeading")
        self.unique_layout.addWidget(heading)
        if len(comparison.sources) < 2:
            self.unique_layout.addWidget(
                _label("Only one source reports this event: nothing to compare yet.")
            )
        else:
            for source in comparison.sources:
                self.unique_layout.addWidget(_label(_unique_line(source), "ComparisonUniqueLine"))
            if any("?" in d for s in comparison.sources for d in s.unique_dates):
                self.unique_layout.addWidget(_label(DOUBT_NOTE, "ComparisonDoubt"))
        silent = comparison.silent_outlets
        self.silent.setText(
            f"<b>Not reported by</b> (outlets in this project): {html.escape(', '.join(silent))}"
            if silent
            else "Every outlet in this project reported it."
        )

    def _open_link(self, link: str) -> None:
        if link.startswith("ann:"):
            self.session.reveal_annotation(int(link[4:]))

    def _apply_changes(self, changes: Changes) -> None:
        if self.event_id is None or not self.isVisible():
            return
        mine = self.comparison is not None and any(
            p.annotation_id in changes.annotations
            for c in self.comparison.sources
            for p in c.passages
        )
        if self.event_id in changes.events or mine or changes.outlets or changes.actors:
            self.refresh()


def source_name(source: SourceColumn) -> str:
    """The outlet, or for an article without one its title, so two such sources differ."""
    if source.reliability or source.outlet != UNKNOWN_OUTLET:
        return source.outlet
    title = source.title if len(source.title) <= 40 else source.title[:39] + "…"
    return f"{UNKNOWN_OUTLET} (“{title}”)"


def _unique_line(source: SourceColumn) -> str:
    name = html.escape(source_name(source))
    if not source.says_more:
        return f"<b>{name}</b>: nothing that another source does not also name."
    parts = []
    for what, items in (
        ("actors", source.unique_actors),
        ("names and places", source.unique_names),
        ("dates", source.unique_dates),
    ):
        if items:
            parts.append(f"<i>{what}</i> {html.escape(' · '.join(items))}")
    return f"<b>{name}</b> alone names " + "; ".join(parts)
