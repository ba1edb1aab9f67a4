"""The index of marks per block: built in one pass for a whole article, it must hold
exactly what placing each span on its own gives, whatever the characters and lines."""

from __future__ import annotations

import random

from parallax.domain.model import AnnotationId, AnnotationSpan
from parallax.ui.highlight_spans import Mark, SpanIndex
from parallax.ui.offsets import OffsetMap

TEXT = "Menu\n\n😀 The minister said\n🇮🇶 the border\nقال الوفد\n\n\nwill reopen 𝒳 soon.\n"


def span(key: int, start: int, end: int, kind: str = "claim") -> AnnotationSpan:
    return AnnotationSpan(AnnotationId(key), start, end, kind)


def one_by_one(offsets: OffsetMap, spans: list[AnnotationSpan]) -> SpanIndex:
    index = SpanIndex()
    index.reset(offsets, [], [])
    for each in spans:
        index.add(each)
    return index


def contents(index: SpanIndex, offsets: OffsetMap, spans: list[AnnotationSpan]):
    blocks = {n: list(index.marks_of_block(n)) for n in range(len(offsets.block_starts()))}
    placed = {s.id: (index.span(s.id), index.blocks_of(s.id)) for s in spans}
    return blocks, placed


def overlapping_share_no_layer(index: SpanIndex, offsets: OffsetMap) -> bool:
    for number in range(len(offsets.block_starts())):
        marks = [m for m in index.marks_of_block(number) if m.annotation_id >= 0]
        for a in marks:
            for b in marks:
                overlap = a.annotation_id != b.annotation_id and a.start < b.end and b.start < a.end
                if overlap and index.layer_of(a.annotation_id) == index.layer_of(b.annotation_id):
                    return False
    return True


def test_a_whole_article_at_once_equals_span_by_span() -> None:
    offsets = OffsetMap(TEXT)
    rng = random.Random(7)
    for _ in range(200):
        spans = []
        for key in range(rng.randint(1, 12)):
            start = rng.randrange(len(TEXT))
            spans.append(span(key + 1, start, rng.randint(start + 1, len(TEXT))))
        spans.sort(key=lambda s: (s.start, s.id))
        index = SpanIndex()
        index.reset(offsets, spans, [])
        alone = one_by_one(offsets, spans)
        assert contents(index, offsets, spans) == contents(alone, offsets, spans)
        assert overlapping_share_no_layer(index, offsets)
        assert overlapping_share_no_layer(alone, offsets)


def test_spans_on_separators_and_empty_lines() -> None:
    offsets = OffsetMap(TEXT)
    on_separator = span(1, TEXT.index("\n"), TEXT.index("\n") + 1)  # "\n" alone: no mark
    into_next = span(2, TEXT.index("said\n") + 4, TEXT.index("the border") + 3)
    over_empty = span(3, TEXT.index("الوفد"), TEXT.index("will") + 4)
    index = SpanIndex()
    index.reset(offsets, [on_separator, into_next, over_empty], [])
    assert 1 not in index and index.blocks_of(1) == set()
    assert index.blocks_of(2) == {2, 3}  # starts on block 2's line feed ...
    assert not index.marks_of_block(2)  # ... which shows nothing
    end = offsets.to_qt(into_next.end) - offsets.block_starts()[3]
    assert index.marks_of_block(3) == [Mark(0, end, 2, "claim")]
    assert min(index.blocks_of(3)) == 4 and max(index.blocks_of(3)) == 7
    assert [m.annotation_id for m in index.marks_of_block(7)] == [3]
    assert index.remove(3) == {4, 5, 6, 7} and not index.marks_of_block(7)


def test_spans_outside_the_text_are_left_out() -> None:
    offsets = OffsetMap(TEXT)
    index = SpanIndex()
    index.reset(offsets, [span(1, 0, 4), span(2, 5, len(TEXT) + 3), span(3, 9, 9)], [])
    assert 1 in index and 2 not in index and 3 not in index
