"""Fonts for the chart: the brief's sans serif where the system has it, Pillow's own
scalable font otherwise; Arabic labels shaped with an Arabic-capable font, or spelled
in Latin letters when no such font (or no text shaping) is available."""

from __future__ import annotations

import logging
from functools import lru_cache

from anyascii import anyascii
from PIL import ImageDraw, ImageFont, features

from parallax.export.docx_xml import has_rtl

logger = logging.getLogger(__name__)

SIZES = {"label": 38, "small": 34, "number": 30, "tiny": 21}  # 38 px ≈ 9 pt at text width
LATIN = ("Carlito-Regular.ttf", "DejaVuSans.ttf", "LiberationSans-Regular.ttf", "Arial.ttf")
ARABIC = ("DejaVuSans.ttf", "NotoSansArabic-Regular.ttf", "Arial.ttf")

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


@lru_cache(maxsize=32)
def _load(names: tuple[str, ...], size: int, raqm: bool) -> tuple[Font, bool]:
    """The first font of `names` found on the system (True), else Pillow's (False)."""
    engine = ImageFont.Layout.RAQM if raqm else ImageFont.Layout.BASIC
    for name in names:
        try:
            return ImageFont.truetype(name, size, layout_engine=engine), True
        except OSError:
            continue
    return ImageFont.load_default(size=size), False


class Fonts:
    """Measures and draws text by size name ("label", "small", "number", "tiny")."""

    def __init__(self) -> None:
        self.shaping = features.check("raqm")

    def _font(self, text: str, size: str) -> tuple[Font, str]:
        px = SIZES[size]
        if has_rtl(text):
            font, found = _load(ARABIC, px, self.shaping)
            if found and self.shaping:
                return font, text
            text = anyascii(text)
        return _load(LATIN, px, False)[0], text

    def width(self, text: str, size: str) -> int:
        font, shown = self._font(text, size)
        return int(font.getlength(shown))

    def text(
        self,
        draw: ImageDraw.ImageDraw,
        xy: tuple[float, float],
        text: str,
        size: str,
        fill: tuple[int, int, int],
        anchor: str,
    ) -> None:
        font, shown = self._font(text, size)
        draw.text(xy, shown, font=font, fill=fill, anchor=anchor)

    def fit(self, text: str, size: str, room: float) -> str:
        """`text`, cut at a word and ended with '…' when wider than `room` pixels."""
        if self.width(text, size) <= room:
            return text
        words = text.split()
        while len(words) > 1 and self.width(" ".join(words) + "…", size) > room:
            words.pop()
        cut = " ".join(words)
        while len(cut) > 1 and self.width(cut + "…", size) > room:
            cut = cut[:-1]
        return cut.rstrip(" ,;:—-") + "…"
