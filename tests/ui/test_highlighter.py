"""Highlights: overlapping spans both visible, selection stronger, only touched blocks redone."""

from __future__ import annotations

from PySide6.QtGui import QTextCharFormat, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit

from parallax.domain.model import Annotation, AnnotationId, AnnotationKind, ArticleId, ExcludedSpan
from parallax.ui import style
from parallax.ui.highlighter import AnnotationHighlighter, Mark, assign_layers, segments
from parallax.ui.offsets import OffsetMap

TEXT = "Menu Home News\n😀 The minister said the border will reopen next week.\nLast line."


def ann(n: int, needle: str, kind: str = "claim", extra: int = 0) -> Annotation:
    start = TEXT.index(needle)
    return Annotation(
        AnnotationId(n),
        ArticleId(1),
        start,
        start + len(needle) + extra,
        TEXT[start : start + len(needle) + extra],
        AnnotationKind(kind),
    )


def formats_of_block(doc: QTextDocument, number: int) -> list[tuple[int, int, QTextCharFormat]]:
    layout = doc.findBlockByNumber(number).layout()
    # Copy each format while its FormatRange is alive: the range owns it.
    ranges = [(r.start, r.length, QTextCharFormat(r.format)) for r in layout.formats()]
    return sorted(ranges, key=lambda item: item[0])


def make(qtbot) -> tuple[QPlainTextEdit, AnnotationHighlighter]:
    view = QPlainTextEdit()
    qtbot.addWidget(view)
    view.setPlainText(TEXT)
    return view, AnnotationHighlighter(view.document(), view.palette())


def test_overlapping_annotations_are_both_visible(qtbot) -> None:
    view, highlighter = make(qtbot)
    first = ann(1, "minister said the border")
    second = ann(2, "the border will reopen", "quote")
    highlighter.set_content(OffsetMap(TEXT), [first, second])
    ranges = formats_of_block(view.document(), 1)
    # Block 1 starts after "😀 " (an emoji is two Qt positions): three segments.
    block_start = TEXT.index("\n") + 1
    qt = OffsetMap(TEXT)
    to_rel = lambda offset: qt.to_qt(offset) - qt.to_qt(block_start)  # noqa: E731
    spans = [(start, start + length) for start, length, _fmt in ranges]
    assert spans == [
        (to_rel(first.start), to_rel(second.start)),
        (to_rel(second.start), to_rel(first.end)),
        (to_rel(first.end), to_rel(second.end)),
    ]
    colours = [fmt.background().color().name() for _s, _l, fmt in ranges]
    assert len(set(colours)) == 3  # claim only, both blended, quote only


def test_selected_annotation_is_drawn_stronger(qtbot) -> None:
    view, highlighter = make(qtbot)
    first = ann(1, "minister said")
    highlighter.set_content(OffsetMap(TEXT), [first])
    before = formats_of_block(view.document(), 1)[0][2]
    highlighter.set_selected(1)
    after = formats_of_block(view.document(), 1)[0][2]
    assert before.background().color() != after.background().color()
    assert highlighter.selected == 1  # and its underline is drawn thicker (test_underlines)


def test_update_rehighlights_only_the_touched_blocks(qtbot) -> None:
    view, highlighter = make(qtbot)
    highlighter.set_content(OffsetMap(TEXT), [ann(1, "minister")])
    touched = highlighter.update_annotations([ann(1, "minister"), ann(2, "Last", "fact")])
    assert touched == {2}
    assert formats_of_block(view.document(), 2)
    touched = highlighter.update_annotations([ann(2, "Last", "fact")])
    assert touched == {1}
    assert not formats_of_block(view.document(), 1)


def test_span_across_blocks_and_boilerplate(qtbot) -> None:
    view, highlighter = make(qtbot)
    across = ann(1, "next week.\nLast")
    boiler = ExcludedSpan(1, ArticleId(1), 0, len("Menu Home News"))  # type: ignore[arg-type]
    highlighter.set_content(OffsetMap(TEXT), [across], [boiler])
    assert highlighter.blocks_of(1) == {1, 2}
    grey = formats_of_block(view.document(), 0)
    assert grey and grey[0][2].foreground().color().isValid()
    position = OffsetMap(TEXT).to_qt(TEXT.index("Last") + 1)
    assert highlighter.annotations_at(position) == [1]


def test_segments_cut_overlaps() -> None:
    marks = [Mark(0, 10, 1, "claim"), Mark(5, 15, 2, "quote")]
    pieces = [(s, e, tuple(m.annotation_id for m in c)) for s, e, c in segments(marks, 20)]
    assert pieces == [(0, 5, (1,)), (5, 10, (1, 2)), (10, 15, (2,))]


def test_layers_keep_nested_and_overlapping_spans_apart() -> None:
    spans = [(0, 50, 1), (10, 20, 2), (15, 30, 3), (60, 70, 4), (12, 14, 5)]
    layers = assign_layers(spans)
    assert layers[1] == 0 and layers[4] == 0  # disjoint spans share the bottom row
    assert len({layers[1], layers[2], layers[3]}) == 3  # 2 and 3 overlap inside 1
    assert layers[5] not in {layers[1], layers[2]}


def test_a_new_overlapping_annotation_takes_a_free_layer(qtbot) -> None:
    _view, highlighter = make(qtbot)
    outer = ann(1, "minister said the border will reopen")
    highlighter.set_content(OffsetMap(TEXT), [outer])
    highlighter.apply_updates([ann(2, "the border", "quote")], [])
    highlighter.apply_updates([ann(3, "Last", "fact")], [])
    assert (highlighter.layer_of(1), highlighter.layer_of(2), highlighter.layer_of(3)) == (0, 1, 0)


def test_colour_by_tag_and_back(qtbot) -> None:
    view, highlighter = make(qtbot)
    highlighter.set_content(OffsetMap(TEXT), [ann(1, "minister"), ann(2, "Last", "fact")])
    by_kind = highlighter.colour_of(1).name()
    highlighter.set_tag_colours({1: "#123456"})
    assert highlighter.colour_mode == "tag"
    assert highlighter.colour_of(1).name() == "#123456"
    assert highlighter.colour_of(2).name() != style.kind_colour("fact").name()  # untagged grey
    block = formats_of_block(view.document(), 1)
    assert block[0][2].background().color() != style.kind_colour("claim")
    highlighter.set_tag_colours(None)
    assert highlighter.colour_of(1).name() == by_kind


def test_boilerplate_can_be_replaced_alone(qtbot) -> None:
    view, highlighter = make(qtbot)
    boiler = ExcludedSpan(1, ArticleId(1), 0, 4)  # type: ignore[arg-type]
    highlighter.set_content(OffsetMap(TEXT), [ann(1, "Last")], [boiler])
    assert highlighter.touches_excluded(2, 10) and not highlighter.touches_excluded(4, 10)
    assert highlighter.set_excluded([]) == {0}
    assert not formats_of_block(view.document(), 0)
    assert highlighter.annotation_ids() == {1}


def test_only_overlapping_marks_get_underlines() -> None:
    from parallax.ui.underlines import overlapping_ids

    marks = [
        Mark(0, 4, 1, "claim"),  # alone
        Mark(10, 40, 2, "claim"),  # holds 3
        Mark(12, 14, 3, "quote"),
        Mark(20, 25, -1, "excluded"),  # boilerplate does not count
        Mark(50, 60, 4, "fact"),
        Mark(55, 70, 5, "fact"),
    ]
    assert overlapping_ids(marks) == {2, 3, 4, 5}
    from parallax.ui.underlines import underlined

    assert [m.annotation_id for m in underlined(marks, selected=1)] == [1, 2, 3, 4, 5]
    assert [m.annotation_id for m in underlined(marks[:1] + marks[3:4], None)] == []


def test_underlines_of_left_to_right_text_match_either_way(qtbot) -> None:
    from parallax.ui.underlines import has_right_to_left, underline_segments

    view, _highlighter = make(qtbot)
    view.resize(500, 200)
    view.show()
    qtbot.waitExposed(view)
    block = view.document().findBlockByNumber(1)
    assert not has_right_to_left(block.text()) and has_right_to_left("قال")
    start = block.text().index("minister")
    quick = underline_segments(block.layout(), start, start + 8, 1, bidi=False)
    exact = underline_segments(block.layout(), start, start + 8, 1, bidi=True)
    assert len(quick) == len(exact) == 1
    assert abs(quick[0].x1() - exact[0].x1()) <= 2 and abs(quick[0].x2() - exact[0].x2()) <= 2
    assert quick[0].y1() == exact[0].y1() > 0
