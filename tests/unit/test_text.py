"""Canonical text and folding."""

from parallax.domain.text import canonical_text, fold


def test_canonical_text_removes_bom_unifies_line_ends_and_composes() -> None:
    assert canonical_text("\ufeffa\r\nb\rc\n") == "a\nb\nc\n"
    assert canonical_text("e\u0301") == "\u00e9"


def test_canonical_text_keeps_no_break_spaces() -> None:
    assert canonical_text("Faleh\u00a0al-Fayad") == "Faleh\u00a0al-Fayad"


def test_fold_ignores_case_diacritics_and_whitespace_kinds() -> None:
    assert fold("Faleh\u00a0al-Fayad") == fold("faleh  AL-FAYAD")
    assert fold("Café") == "cafe"
