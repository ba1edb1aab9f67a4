"""Bytes to text in the encodings pasted news actually arrives in."""

from __future__ import annotations

import codecs

import pytest

from parallax.domain.errors import ImportFailedError
from parallax.ingest.decode import decode_text

ARABIC = (
    "قال الرئيس السوري بشار الأسد إن التعاون بين سوريا والعراق في الحرب على الإرهاب مهم. "
    "وأضاف أن البلدين يواجهان عدوا واحدا على الحدود المشتركة.\n"
)
FRENCH = (
    "Le président syrien a reçu à Damas le conseiller irakien à la sécurité nationale. "
    "Les deux pays ont évoqué une coopération militaire « directe » à la frontière.\n"
)
GERMAN = "Der syrische Präsident empfing den irakischen Berater – äußerst wichtig für beide.\n"
RUSSIAN = "Президент Сирии Башар Асад встретился в Дамаске с советником Ирака.\n"
TURKISH = "Suriye Devlet Başkanı Beşar Esad, Irak Ulusal Güvenlik Danışmanı ile görüştü.\n"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (ARABIC * 2, "windows-1256"),
        (FRENCH * 2, "cp1252"),
        (FRENCH * 2, "latin-1"),
        (GERMAN * 2, "cp1252"),
        (RUSSIAN * 2, "cp1251"),
        (TURKISH * 2, "cp1254"),
        (ARABIC + FRENCH, "utf-8"),
        (ARABIC + FRENCH, "utf-16"),
        (ARABIC + FRENCH, "utf-32"),
        (ARABIC + FRENCH, "utf-8-sig"),
        (ARABIC * 2, "utf-16-le"),
        (ARABIC * 2, "utf-16-be"),
        (FRENCH * 2, "utf-16-le"),
        (FRENCH * 2, "utf-16-be"),
    ],
)
def test_common_encodings_decode_exactly(text: str, encoding: str) -> None:
    assert decode_text(text.encode(encoding), "a.txt") == text


def test_a_utf8_bom_is_removed() -> None:
    assert decode_text(codecs.BOM_UTF8 + b"Title\n", "a.txt") == "Title\n"


def test_mixed_encodings_decode_line_by_line() -> None:
    data = (
        "Caf\u00e9 line in UTF-8, déjà vu\n".encode() * 3
        + "Legacy line: na\u00efve r\u00e9sum\u00e9\n".encode("cp1252")
        + "Arabic الأسد\n".encode()
    )
    text = decode_text(data, "mixed.txt")
    assert "déjà vu" in text and "naïve résumé" in text and "الأسد" in text


def test_stray_nul_bytes_and_controls_are_dropped() -> None:
    data = b"Headline\n" + b"Body text that goes on. " * 50 + b"\x00\x01 tail\x0b end\n"
    text = decode_text(data, "nul.txt")
    assert "\x00" not in text and "\x01" not in text and "\x0b" not in text
    assert text.endswith(" tail end\n")


def test_nul_padding_after_the_text_is_dropped() -> None:
    assert decode_text(b"Short text\n" + b"\x00" * 4096, "pad.txt") == "Short text\n"


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (bytes(range(256)) * 40, "binary"),
        (b"%PDF-1.4\n%...", "PDF"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "PNG"),
        (b"PK\x03\x04" + b"\x00" * 100, "zip"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, ".doc"),
    ],
)
def test_binary_data_is_refused_with_what_it_is(data: bytes, words: str) -> None:
    with pytest.raises(ImportFailedError) as info:
        decode_text(data, "x.txt")
    assert info.value.path == "x.txt" and words in info.value.reason
