"""Qt positions ↔ stored code point offsets, proved in a real QPlainTextEdit."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from parallax.ui.offsets import OffsetMap

TEXT = (
    "Intro 😀 line\n"
    "Faleh\u00a0al-Fayyad 🇮🇶 said café (cafe\u0301) talks went well.\n"
    "قال فالح الفياض إن 👍🏽 التعاون مستمر\n"
    "𝒳𝒴 end of the claim"
)


def utf16_index(text: str, offset: int) -> int:
    """An independent reference: UTF-16 code units before `offset`."""
    return len(text[:offset].encode("utf-16-le")) // 2


def as_document_text(text: str) -> str:
    """What QTextCursor.selectedText() gives for a slice: newlines become U+2029."""
    return text.replace("\n", "\u2029")


@pytest.fixture
def editor(qtbot) -> QPlainTextEdit:
    widget = QPlainTextEdit()
    qtbot.addWidget(widget)
    widget.setPlainText(TEXT)
    return widget


def test_document_has_one_position_per_utf16_unit(editor: QPlainTextEdit) -> None:
    offsets = OffsetMap(TEXT)
    assert editor.document().characterCount() - 1 == offsets.qt_length
    assert offsets.qt_length == utf16_index(TEXT, len(TEXT))


@pytest.mark.parametrize(
    "needle",
    ["al-Fayyad", "said café", "(cafe\u0301)", "التعاون مستمر", "end of the claim", "𝒴 end"],
)
def test_selection_after_tricky_characters_maps_to_the_python_slice(
    editor: QPlainTextEdit, needle: str
) -> None:
    start = TEXT.index(needle)
    end = start + len(needle)
    cursor = QTextCursor(editor.document())
    cursor.setPosition(utf16_index(TEXT, start))
    cursor.setPosition(utf16_index(TEXT, end), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    offsets = OffsetMap(TEXT)
    span = offsets.selection_span(editor.textCursor())
    assert span == (start, end)
    assert TEXT[span[0] : span[1]] == needle
    assert editor.textCursor().selectedText() == as_document_text(needle)


def test_selection_spanning_lines_keeps_no_break_space(editor: QPlainTextEdit) -> None:
    start = TEXT.index("Faleh")
    end = TEXT.index("التعاون")
    cursor = QTextCursor(editor.document())
    cursor.setPosition(utf16_index(TEXT, start))
    cursor.setPosition(utf16_index(TEXT, end), QTextCursor.MoveMode.KeepAnchor)
    span = OffsetMap(TEXT).selection_span(cursor)
    assert span == (start, end)
    quote = TEXT[span[0] : span[1]]
    assert "\u00a0" in quote
    assert cursor.selectedText() == as_document_text(quote)


def test_every_offset_round_trips(editor: QPlainTextEdit) -> None:
    offsets = OffsetMap(TEXT)
    for offset in range(len(TEXT) + 1):
        position = offsets.to_qt(offset)
        assert position == utf16_index(TEXT, offset)
        assert offsets.to_offset(position) == offset


def test_cursor_moves_by_character_agree_with_offsets(editor: QPlainTextEdit) -> None:
    # Qt moves over whole grapheme clusters; each stop must be a valid code point offset
    # whose text before it matches the document's.
    offsets = OffsetMap(TEXT)
    cursor = QTextCursor(editor.document())
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    while cursor.movePosition(QTextCursor.MoveOperation.NextCharacter):
        offset = offsets.to_offset(cursor.position())
        probe = QTextCursor(editor.document())
        probe.setPosition(cursor.position(), QTextCursor.MoveMode.KeepAnchor)
        assert probe.selectedText() == as_document_text(TEXT[:offset])


def test_position_inside_a_surrogate_pair_snaps_outward() -> None:
    text = "a😀b"
    offsets = OffsetMap(text)
    assert offsets.to_qt(1) == 1 and offsets.to_qt(2) == 3
    assert offsets.to_offset(2) == 1  # a start inside the pair moves back
    assert offsets.to_offset(2, round_up=True) == 2  # an end moves forward
    assert offsets.span_from_qt(2, 2) == (1, 2)


def test_plain_text_is_identity_and_bounds_are_checked() -> None:
    offsets = OffsetMap("plain\u00a0text")
    assert [offsets.to_qt(i) for i in range(11)] == list(range(11))
    with pytest.raises(ValueError):
        offsets.to_qt(12)
    with pytest.raises(ValueError):
        offsets.to_offset(-1)


def document_block_starts(editor: QPlainTextEdit, text: str) -> list[int]:
    """Where Qt itself starts each block of `text`."""
    editor.setPlainText(text)
    doc = editor.document()
    return [doc.findBlockByNumber(n).position() for n in range(doc.blockCount())]


@pytest.mark.parametrize(
    "text",
    [
        "one 😀\ntwo\u2029three\ufdd0four\u2028still four\n\nlast 🇮🇶",
        # only line feeds (the fast path): astral characters around them, empty lines,
        # a last line without one
        "😀\n\nقال 👍🏽 café\u0301\n🇮🇶🇮🇶 x\n\n\nend 𝒳",
    ],
)
def test_block_starts_match_the_document(editor: QPlainTextEdit, text: str) -> None:
    assert OffsetMap(text).block_starts() == document_block_starts(editor, text)


def test_text_within_the_bmp_has_no_astral_offsets() -> None:
    text = "قال فالح\u00a0الفياض café\u0301 — ok\n" * 3
    offsets = OffsetMap(text)
    assert offsets.astral_offsets == []
    assert [offsets.to_qt(i) for i in range(len(text) + 1)] == list(range(len(text) + 1))
    assert OffsetMap("a😀b😀").astral_offsets == [1, 3]
    # every plane above the BMP counts; a lone surrogate (never in canonical text) does not
    assert OffsetMap("\U00010000é\U0010ffff\ud800\U000e0001").astral_offsets == [0, 2, 4]


def test_random_texts_convert_exactly(editor: QPlainTextEdit) -> None:
    import random

    alphabet = ["a", " ", "\n", "\n", "é", "\u0301", "ق", "\u00a0", "😀", "🇮", "𝒳", "\u2029"]
    rng = random.Random(20240601)
    for _ in range(60):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        offsets = OffsetMap(text)
        assert [offsets.to_qt(i) for i in range(len(text) + 1)] == [
            utf16_index(text, i) for i in range(len(text) + 1)
        ]
        assert offsets.block_starts() == document_block_starts(editor, text), repr(text)


def test_the_text_handed_to_qt_makes_the_same_document(editor: QPlainTextEdit) -> None:
    offsets = OffsetMap(TEXT)
    handed = offsets.qt_text()
    assert len(handed) == offsets.qt_length  # one str character per UTF-16 unit
    doc = editor.document()
    blocks = [doc.findBlockByNumber(n).text() for n in range(doc.blockCount())]
    editor.setPlainText(handed)
    assert [doc.findBlockByNumber(n).text() for n in range(doc.blockCount())] == blocks
    assert doc.characterCount() - 1 == offsets.qt_length
    plain = "no astral here, قال\u00a0café"
    assert OffsetMap(plain).qt_text() is plain
