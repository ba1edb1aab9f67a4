"""The timeline chart: events on a date axis, one row per outlet, marks by stance (a PNG).

Drawn with Pillow, so the brief needs neither Qt nor a plotting library. Events carry the
numbers of the timeline table above the chart; a mark's colour *and* shape give the
outlet's stance, so the chart also reads in black and white.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from PIL import Image, ImageDraw

from parallax.domain.brief import BriefEvent
from parallax.domain.model import Stance
from parallax.export.brief_text import format_date
from parallax.export.chart_axis import DateAxis, lanes
from parallax.export.chart_fonts import Fonts

WIDTH = 2000  # pixels; inserted at text width (about 300 dpi on A4)
ROW = 74
HEAD = 30  # space above the number labels
LABEL_R = 20  # radius of an event's number label
MARK_R = 15
AXIS = 88
LEGEND = 84
KEY_ROW = 50
KEY_LIMIT = 12  # more events than this: the table above is the key
PAD = 24
INK = (38, 38, 38)
MUTED = (89, 89, 89)
GRID = (217, 217, 217)
SHADE = (242, 245, 250)
NAVY = (31, 56, 100)
WHITE = (255, 255, 255)

STANCE_LOOK: dict[Stance, tuple[str, tuple[int, int, int]]] = {
    Stance.REPORTS: ("circle", (0, 114, 178)),
    Stance.CORROBORATES: ("square", (0, 158, 115)),
    Stance.ADDS_DETAIL: ("diamond", (204, 121, 167)),
    Stance.CONTRADICTS: ("cross", (213, 94, 0)),
}
# When an outlet has passages of several stances on one event, the strongest shows.
PRIORITY = (Stance.CONTRADICTS, Stance.CORROBORATES, Stance.ADDS_DETAIL, Stance.REPORTS)


@dataclass(frozen=True)
class Plotted:
    number: int
    event: BriefEvent
    start: dt.date
    end: dt.date


def chartable(events: list[BriefEvent]) -> list[Plotted]:
    """The dated events, numbered as in the timeline table (its order, from 1)."""
    out = []
    for n, event in enumerate(events, start=1):
        first, last = event.start or event.end, event.end or event.start
        if first is not None and last is not None:
            out.append(Plotted(n, event, first, last))
    return out


def timeline_png(events: list[BriefEvent]) -> bytes | None:
    """The chart of `events` (already in timeline order) as PNG bytes; None if none dated."""
    plotted = chartable(events)
    if not plotted:
        return None
    return _Chart(plotted).render()


class _Chart:
    def __init__(self, plotted: list[Plotted]) -> None:
        self.plotted = plotted
        self.fonts = Fonts()
        self.outlets = _outlet_rows(plotted)
        label_w = max(self.fonts.width(o, "label") for o in self.outlets)
        self.left = PAD + min(label_w, WIDTH // 4) + 28
        self.right = WIDTH - PAD - 16
        self.key = plotted if len(plotted) <= KEY_LIMIT else []
        first = min(p.start for p in plotted)
        last = max(p.end for p in plotted)
        self.axis = DateAxis(first, last, self.left + 20, self.right - 20)
        self.xs = [self.axis.x(_middle(p.start, p.end)) for p in plotted]
        # Number labels too close for one line are stacked in lanes; marks keep their date.
        self.lanes = lanes(self.xs, 2 * LABEL_R + 6)
        self.top = HEAD + (max(self.lanes) + 1) * (2 * LABEL_R + 8) + 10
        self.plot_bottom = self.top + ROW * len(self.outlets)
        height = self.plot_bottom + AXIS + LEGEND + KEY_ROW * len(self.key) + PAD
        self.image = Image.new("RGB", (WIDTH, height), WHITE)
        self.draw = ImageDraw.Draw(self.image)
        self.radius = MARK_R

    def render(self) -> bytes:
        self._rows()
        self._ticks()
        self._events()
        self._legend()
        self._key()
        out = io.BytesIO()
        self.image.save(out, format="PNG", compress_level=6, dpi=(300, 300))
        return out.getvalue()

    def _rows(self) -> None:
        for i, outlet in enumerate(self.outlets):
            top = self.top + i * ROW
            if i % 2 == 0:
                self.draw.rectangle((self.left, top, self.right, top + ROW), fill=SHADE)
            label = self.fonts.fit(outlet, "label", self.left - PAD - 28)
            self.fonts.text(self.draw, (self.left - 20, top + ROW / 2), label, "label", INK, "rm")
        self.draw.line((self.left, self.plot_bottom, self.right, self.plot_bottom), fill=MUTED)

    def _ticks(self) -> None:
        for when, label in self.axis.ticks(self.fonts):
            x = self.axis.x(when)
            self.draw.line((x, self.top, x, self.plot_bottom), fill=GRID, width=1)
            self.draw.line((x, self.plot_bottom, x, self.plot_bottom + 10), fill=MUTED, width=2)
            self.fonts.text(self.draw, (x, self.plot_bottom + 16), label, "small", MUTED, "mt")

    def _events(self) -> None:
        """Guide lines first, then labels and marks over them, so no line crosses a label."""
        r, lr = self.radius, LABEL_R
        placed = list(zip(self.plotted, self.xs, self.lanes, strict=True))
        tops = [self.top - 10 - lr - lane * (2 * lr + 8) for _, _, lane in placed]
        for (plotted, x, _lane), top in zip(placed, tops, strict=True):
            self.draw.line((x, top, x, self.plot_bottom), fill=(190, 190, 190), width=2)
            self._span_bars(plotted, x)
        for (plotted, x, _lane), top in zip(placed, tops, strict=True):
            self.draw.ellipse((x - lr, top - lr, x + lr, top + lr), fill=NAVY)
            size = "number" if plotted.number < 100 else "tiny"
            self.fonts.text(self.draw, (x, top), str(plotted.number), size, WHITE, "mm")
            for row, outlet in enumerate(self.outlets):
                stance = _stance(plotted.event, outlet)
                if stance is not None:
                    self._mark(x, self.top + row * ROW + ROW / 2, stance, r)

    def _span_bars(self, plotted: Plotted, x: float) -> None:
        """A light bar over the dates an event spans (a month, a week), per reporting row."""
        x0, x1 = self.axis.x(plotted.start), self.axis.x(plotted.end + dt.timedelta(days=1))
        if x1 - x0 < 2 * self.radius:
            return
        for row, outlet in enumerate(self.outlets):
            if _stance(plotted.event, outlet) is not None:
                y = self.top + row * ROW + ROW / 2
                self.draw.rounded_rectangle((x0, y - 6, x1, y + 6), radius=6, fill=(205, 215, 230))

    def _mark(self, x: float, y: float, stance: Stance, r: int) -> None:
        shape, colour = STANCE_LOOK[stance]
        d = self.draw
        if shape == "circle":
            d.ellipse((x - r, y - r, x + r, y + r), fill=colour, outline=WHITE, width=2)
        elif shape == "square":
            s = r * 0.9
            d.rectangle((x - s, y - s, x + s, y + s), fill=colour, outline=WHITE, width=2)
        elif shape == "diamond":
            s = r * 1.2
            d.polygon([(x, y - s), (x + s, y), (x, y + s), (x - s, y)], fill=colour, outline=WHITE)
        else:
            s = r * 0.85
            d.line((x - s, y - s, x + s, y + s), fill=colour, width=max(4, r // 2))
            d.line((x - s, y + s, x + s, y - s), fill=colour, width=max(4, r // 2))

    def _legend(self) -> None:
        y = self.plot_bottom + AXIS + LEGEND / 2
        x = self.left
        self.fonts.text(self.draw, (PAD, y), "Stance:", "small", MUTED, "lm")
        for stance in (Stance.REPORTS, Stance.CORROBORATES, Stance.ADDS_DETAIL, Stance.CONTRADICTS):
            self._mark(x + 18, y, stance, 16)
            label = str(stance)
            self.fonts.text(self.draw, (x + 46, y), label, "small", INK, "lm")
            x += 46 + self.fonts.width(label, "small") + 56

    def _key(self) -> None:
        y = self.plot_bottom + AXIS + LEGEND + KEY_ROW / 2
        for plotted in self.key:
            when = format_date(plotted.start, plotted.event.precision)
            self.fonts.text(self.draw, (PAD + 40, y), str(plotted.number), "small", NAVY, "rm")
            text = f"{when} — {plotted.event.title}"
            text = self.fonts.fit(text, "small", self.right - PAD - 60)
            self.fonts.text(self.draw, (PAD + 60, y), text, "small", INK, "lm")
            y += KEY_ROW


def _middle(start: dt.date, end: dt.date) -> dt.date:
    return start + (end - start) / 2


def _outlet_rows(plotted: list[Plotted]) -> list[str]:
    """Outlets, those reporting most events first, then by name."""
    counts: dict[str, int] = {}
    for p in plotted:
        for outlet in p.event.outlets:
            counts[outlet] = counts.get(outlet, 0) + 1
    return sorted(counts, key=lambda o: (-counts[o], o.casefold()))


def _stance(event: BriefEvent, outlet: str) -> Stance | None:
    stances = {p.stance for p in event.passages if p.outlet == outlet}
    return next((s for s in PRIORITY if s in stances), None)
