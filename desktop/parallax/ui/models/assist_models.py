"""The lists the assistant panels show: mentions, dates, suggested links, aliases, actors."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from parallax.services.actors import AliasPlan, MentionRow
from parallax.services.article_dates import DateMention
from parallax.services.suggestions import ActorSuggestion, SuggestedPassage
from parallax.ui.models.record_list import Column, RecordListModel, RecordRole

__all__ = [
    "ActorSuggestionsModel",
    "AliasGroupsModel",
    "DatesModel",
    "LinkSuggestionsModel",
    "MentionsModel",
    "RecordRole",
    "SuggestedPassage",
]

WARNING = QColor("#b9770e")
_Foreground = Qt.ItemDataRole.ForegroundRole
_Font = Qt.ItemDataRole.FontRole


def _muted() -> QColor:
    return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)


def _one_line(text: str, limit: int = 160) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


class MentionsModel(RecordListModel[MentionRow]):
    """Likely mentions of one actor: source, the name as written, context, tagged."""

    COLUMNS = (
        Column("Source", lambda m: m.outlet or "Unknown outlet", lambda m: m.title),
        Column("As written", lambda m: " ".join(m.surface.split())),
        Column("Context", lambda m: m.snippet),
        Column("", lambda m: "tagged" if m.tagged else ""),
    )

    def _style(self, record: MentionRow, column: int, role: int) -> object:
        if role == _Foreground and record.tagged:
            return _muted()
        return None

    def untagged(self) -> list[MentionRow]:
        return [m for m in self._records if not m.tagged]


def _date_note(m: DateMention) -> str:
    if not m.flagged:
        return ""
    return f"⚠ {m.reason or 'ambiguous'}"


class DatesModel(RecordListModel[DateMention]):
    """Date expressions of an article with their normalised value; doubts flagged."""

    COLUMNS = (
        Column("As written", lambda m: " ".join(m.expression.split())),
        Column("Date", lambda m: m.label if not m.flagged else f"{m.label}?"),
        Column("", _date_note),
    )

    def _style(self, record: DateMention, column: int, role: int) -> object:
        if record.flagged and role == _Foreground and column > 0:
            return WARNING
        if record.flagged and role == _Font and column == 1:
            font = QFont()
            font.setItalic(True)
            return font
        return None


class LinkSuggestionsModel(RecordListModel[SuggestedPassage]):
    """Passages that probably report the same event, best first."""

    COLUMNS = (
        Column("Score", lambda p: f"{p.suggestion.score:.2f}", align_right=True),
        Column("Source", lambda p: p.source, lambda p: p.title),
        Column(
            "Passage",
            lambda p: _one_line(p.suggestion.text),
            lambda p: " ".join(p.suggestion.text.split()),
        ),
        Column(
            "Why",
            lambda p: "; ".join(p.suggestion.reasons),
            lambda p: "\n".join(p.suggestion.reasons),
        ),
    )


class AliasGroupsModel(RecordListModel[AliasPlan]):
    """Suggested groups of names for one actor, with what accepting does."""

    COLUMNS = (
        Column("Names", lambda p: " · ".join(p.names)),
        Column("Accept would", lambda p: p.summary),
    )


class ActorSuggestionsModel(RecordListModel[ActorSuggestion]):
    """Names that recur across sources and are not actors yet."""

    COLUMNS = (
        Column("Name", lambda s: s.name),
        Column("Also written", lambda s: ", ".join(s.aliases)),
        Column("Articles", lambda s: len(s.articles), align_right=True),
        Column("Mentions", lambda s: s.count, align_right=True),
    )
