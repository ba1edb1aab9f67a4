"""The header of an article pane: outlet, reliability grade and date over the title.

It also carries the pane's own commands (move left or right, close) as small buttons and
as a context menu, so panes can be rearranged without the menu bar, and it is the handle
by which a pane is dragged to another place on the desk.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt, Signal
from PySide6.QtGui import (
    QEnterEvent,
    QFont,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from parallax.domain.model import Article, Outlet
from parallax.ui import style
from parallax.ui.icons import icon


class TitleLabel(QLabel):
    """A title of at most two lines, elided with "…": panes side by side keep their text
    at the same height, so connectors between them stay short and level."""

    MAX_LINES = 2

    def __init__(self) -> None:
        super().__init__()
        self._full = ""
        self.setWordWrap(True)

    def set_title(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Drop words from the end until the title fits in two lines at this width."""
        metrics, width = self.fontMetrics(), max(40, self.contentsRect().width())
        flags = int(Qt.TextFlag.TextWordWrap)
        limit = metrics.boundingRect(0, 0, width, 10_000, flags, "\n".join("A" * self.MAX_LINES))
        text, words = self._full, self._full.split()
        while (
            len(words) > 1
            and metrics.boundingRect(0, 0, width, 10_000, flags, text).height() > limit.height()
        ):
            words.pop()
            text = " ".join(words).rstrip(",;:") + "…"
        self.setFixedHeight(limit.height())  # always two lines: texts of panes start level
        if text != self.text():
            self.setText(text)


class ElidedLabel(QLabel):
    """One line that gives up its end ("…") rather than widen its pane: three panes on a
    laptop screen squeezed the Library to unreadable when a long outlet name had to fit
    whole. The full text stays in `full_text` and the tooltip."""

    MIN_CHARS = 4

    def __init__(self) -> None:
        super().__init__()
        self._full = ""

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.updateGeometry()  # its size hints follow the full text, not the shown one
        self._fit()

    @property
    def full_text(self) -> str:
        return self._full

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        margins = self.contentsMargins()
        metrics = self.fontMetrics()
        # The bounding box, a pixel or two wider than the advance: given only the advance,
        # elidedText cut "Syria Times" to "Syria Tim…" in a pane with room to spare.
        text = max(metrics.horizontalAdvance(self._full), metrics.boundingRect(self._full).width())
        hint.setWidth(text + 2 + margins.left() + margins.right())
        return hint

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        hint.setWidth(min(self.sizeHint().width(), self.fontMetrics().averageCharWidth() * 4))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        width = self.contentsRect().width()
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, width)
        if shown != self.text():
            self.setText(shown)


ACCENT = 3  # pixels: the current pane's line along the top of its header


def _button(name: str, tip: str) -> QToolButton:
    button = QToolButton()
    button.setAutoRaise(True)
    button.setIcon(icon(name))
    button.setToolTip(tip)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keyboard users have the menu actions
    return button


class PaneHeader(QFrame):
    """Outlet, date and reliability grade over the title; marks the current pane.

    Its lines (an accent along the top of the current pane's header, a rule under every
    header) are painted here rather than by a style sheet: a sheet would style the
    header and all its children, which doubles the cost of making a pane."""

    close_clicked = Signal()
    move_clicked = Signal(int)  # -1 left, +1 right
    drag_started = Signal(QPoint)  # where the press was, in the header: the drag's hot spot
    clicked = Signal()  # a left click that did not become a drag: the pane becomes current

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PaneHeader")
        self.setContentsMargins(0, ACCENT, 0, 1)  # room for the lines it paints
        self._current = False
        self.outlet = ElidedLabel()
        self.outlet.setObjectName("PaneOutlet")
        outlet_font = self.outlet.font()
        outlet_font.setWeight(QFont.Weight.DemiBold)
        self.outlet.setFont(outlet_font)
        self.grade = QLabel()
        self.grade.setObjectName("PaneGrade")
        self.grade.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.date = QLabel()  # whole: a date without its year says too little
        self.date.setObjectName("PaneDate")
        self.date.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.title = TitleLabel()
        self.title.setObjectName("PaneTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.left = _button("pane-left", "Move this pane left (Ctrl+Shift+PgUp)")
        self.right = _button("pane-right", "Move this pane right (Ctrl+Shift+PgDown)")
        close = _button("pane-close", "Close this pane (Ctrl+W)")
        self.left.clicked.connect(lambda: self.move_clicked.emit(-1))
        self.right.clicked.connect(lambda: self.move_clicked.emit(1))
        close.clicked.connect(self.close_clicked)
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.outlet)
        top.addWidget(self.grade)
        top.addWidget(self.date)
        top.addStretch(1)
        for button in (self.left, self.right, close):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 6, 6, 10)
        layout.setSpacing(3)
        layout.addLayout(top)
        layout.addWidget(self.title)
        title_font = style.reading_font(12.5)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self._movable = False
        self._show_moves(False)
        self._press: QPoint | None = None  # global position of a left press that may drag
        self.title.installEventFilter(self)  # the selectable title keeps its presses
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)

    def show_article(self, article: Article, outlet: Outlet | None) -> None:
        self.outlet.set_full_text(article.outlet or "Unknown outlet")
        grade = outlet.reliability if outlet else ""
        self.grade.setVisible(bool(grade))
        self.grade.setText(grade)
        self.grade.setToolTip(f"Outlet reliability {grade} (Admiralty scale A–F)")
        colour = style.GRADE_COLOURS.get(grade, style.GRADE_COLOURS["F"])
        self.grade.setStyleSheet(
            f"background:{colour}; color:white; border-radius:3px; padding:0 6px;font-weight:600;"
        )
        self.date.setText(date_text(article))
        self.title.set_title(article.title or "(untitled)")
        self.outlet.setToolTip(f"{self.outlet.full_text}\n{article.url or article.source_file}")

    def set_position(self, index: int, count: int) -> None:
        """Enable the move buttons that make sense for the pane's place on the desk."""
        self._movable = count > 1
        self.left.setEnabled(index > 0)
        self.right.setEnabled(index < count - 1)
        self._show_moves(self.underMouse())

    def _show_moves(self, shown: bool) -> None:
        """The move buttons appear while the mouse is over the header: a calm header
        the rest of the time, and room for the date in narrow panes."""
        self.left.setVisible(shown and self._movable)
        self.right.setVisible(shown and self._movable)
        self.date.setVisible(not (shown and self._movable))

    def enterEvent(self, event: QEnterEvent) -> None:
        super().enterEvent(event)
        self._show_moves(True)

    def leaveEvent(self, event: QEvent) -> None:
        super().leaveEvent(event)
        self._show_moves(False)

    # ------------------------------------------------------------ dragging
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._follow_drag(event)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if not self._follow_drag(event):
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._follow_drag(event)
        super().mouseReleaseEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The title takes the presses made on it (its text can be selected), so they are
        watched there: a drag that starts on the title moves the pane like the rest of
        the header, rather than selecting text (a double-click still selects a word)."""
        if watched is self.title and isinstance(event, QMouseEvent):
            return self._follow_drag(event)
        return super().eventFilter(watched, event)

    def _follow_drag(self, event: QMouseEvent) -> bool:
        """Emit `drag_started` once per left press, when the mouse has moved the drag
        distance; True for the moves that belong to such a press."""
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress:
            left = event.button() == Qt.MouseButton.LeftButton
            self._press = event.globalPosition().toPoint() if left else None
            return False
        if kind != QEvent.Type.MouseMove or not event.buttons() & Qt.MouseButton.LeftButton:
            clicked = kind == QEvent.Type.MouseButtonRelease and self._press is not None
            self._press = None  # let go (or a drag before took the release)
            if clicked:
                self.clicked.emit()
            return False
        if self._press is None:
            return False
        if self._moved_far(event):
            press, self._press = self._press, None  # once: the drag takes the release
            self.drag_started.emit(self.mapFromGlobal(press))
        return True

    def _moved_far(self, event: QMouseEvent) -> bool:
        moved = event.globalPosition().toPoint() - (self._press or QPoint())
        return moved.manhattanLength() >= QApplication.startDragDistance()

    def set_current(self, current: bool) -> None:
        """Mark (or unmark) the pane as the current one: an accent line along the top."""
        if current != self._current:
            self._current = current
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self)
        palette = self.palette()
        if self._current:
            accent = palette.color(QPalette.ColorRole.Highlight)
            painter.fillRect(0, 0, self.width(), ACCENT, accent)
        painter.fillRect(
            0, self.height() - 1, self.width(), 1, palette.color(QPalette.ColorRole.Mid)
        )
        painter.end()

    def _menu(self, point: QPoint) -> None:
        menu = QMenu(self)
        left = menu.addAction(
            icon("pane-left"), "Move Pane Left", lambda: self.move_clicked.emit(-1)
        )
        right = menu.addAction(
            icon("pane-right"), "Move Pane Right", lambda: self.move_clicked.emit(1)
        )
        left.setEnabled(self.left.isEnabled() and self._movable)
        right.setEnabled(self.right.isEnabled() and self._movable)
        menu.addSeparator()
        menu.addAction(icon("pane-close"), "Close Pane", self.close_clicked.emit)
        menu.exec(self.mapToGlobal(point))
        menu.deleteLater()


def date_text(article: Article) -> str:
    """The publication date as precisely as it is known."""
    if article.published is None:
        return "undated"
    precision = str(article.published_precision)
    if precision == "year":
        return f"{article.published.year}"
    if precision == "month":
        return article.published.strftime("%B %Y")
    return f"{article.published.day} {article.published.strftime('%B %Y')}"
