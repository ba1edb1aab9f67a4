"""The options of a brief export, checked once: the API, the CLI and the dialog share them.

Unknown option names are refused rather than ignored, so a typo in a notebook or a script
(`appendx=False`) does not silently export the wrong brief.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from parallax.domain.errors import InvalidInputError

ORDERS = ("chronological", "importance")
OPTIONS_KEY = "brief_options"
"""Project setting holding the Export Brief dialog's last choices."""

_ALIASES = {"from": "date_from", "to": "date_to", "events": "event_ids"}


@dataclass(frozen=True)
class BriefOptions:
    """What to put in a brief and how; the defaults make the full brief."""

    title: str = ""
    author: str = ""
    handling: str = ""
    event_ids: frozenset[int] | None = None  # None: every event
    tag: str = ""  # only events with a claim carrying this tag (or a tag under it)
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    order: str = "chronological"  # or "importance": most sources first
    appendix: bool = True
    chart: bool = True
    template: Path | None = None
    pdf: bool = False
    cancelled: Callable[[], bool] | None = None

    @property
    def filtered(self) -> bool:
        """True when only some events are wanted (the appendix then covers only them)."""
        return bool(self.event_ids is not None or self.tag or self.date_from or self.date_to)

    def is_cancelled(self) -> bool:
        return bool(self.cancelled and self.cancelled())


def parse_options(options: Mapping[str, object]) -> BriefOptions:
    """Check and convert keyword options; raises InvalidInputError naming the bad one."""
    values = {_ALIASES.get(k, k): v for k, v in options.items() if v is not None}
    unknown = sorted(set(values) - set(BriefOptions.__dataclass_fields__))
    if unknown:
        raise InvalidInputError(f"Unknown brief option {unknown[0]!r}.")
    for name in ("title", "author", "handling", "tag"):
        if name in values:
            values[name] = str(values[name]).strip()
    if "event_ids" in values:
        values["event_ids"] = _ids(values["event_ids"])  # type: ignore[arg-type]
    for name in ("date_from", "date_to"):
        if name in values:
            values[name] = parse_date(values[name], name.replace("date_", ""))
    order = str(values.get("order", "chronological")).strip().lower()
    if order not in ORDERS:
        raise InvalidInputError(f"Order is chronological or importance, not {order!r}.")
    values["order"] = order
    for name in ("appendix", "chart", "pdf"):
        if name in values:
            values[name] = bool(values[name])
    if values.get("template"):
        values["template"] = Path(str(values["template"]))
    else:
        values.pop("template", None)
    parsed = BriefOptions(**values)  # type: ignore[arg-type]
    if parsed.date_from and parsed.date_to and parsed.date_from > parsed.date_to:
        raise InvalidInputError("The date range ends before it starts.")
    return parsed


def _ids(value: object) -> frozenset[int]:
    if isinstance(value, str):
        value = [v for v in value.replace(",", " ").split() if v]
    try:
        return frozenset(int(v) for v in value)  # type: ignore[attr-defined]
    except (TypeError, ValueError):
        raise InvalidInputError(f"Event ids must be numbers, not {value!r}.") from None


def parse_date(value: object, what: str = "date") -> dt.date | None:
    """A date from a date, a datetime or an ISO string ('2017-05-18'); '' is None."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise InvalidInputError(
            f"The {what} date must be written as YYYY-MM-DD, not {value!r}."
        ) from None


def overlaps(
    start: dt.date | None, end: dt.date | None, lo: dt.date | None, hi: dt.date | None
) -> bool:
    """True when [start, end] meets [lo, hi]; an undated event meets no bounded range."""
    if lo is None and hi is None:
        return True
    first, last = start or end, end or start
    if first is None or last is None:
        return False
    return (lo is None or last >= lo) and (hi is None or first <= hi)


def matching_tags(paths: Mapping[int, str], wanted: str) -> set[int]:
    """Tag ids named `wanted` by path or by name, with every tag under them."""
    key = wanted.strip().strip("/").casefold()
    hits: set[int] = set()
    for tag_id, path in paths.items():
        folded = path.casefold()
        name = folded.rsplit("/", 1)[-1]
        if folded == key or name == key or folded.startswith(key + "/"):
            hits.add(tag_id)
    roots = [paths[t].casefold() for t in hits]
    hits |= {t for t, p in paths.items() if any(p.casefold().startswith(r + "/") for r in roots)}
    return hits


def remembered(setting: object) -> dict[str, object]:
    """The dialog's saved choices as a dict (anything else stored there is ignored)."""
    return dict(setting) if isinstance(setting, Mapping) else {}


def id_list(ids: Iterable[int] | None) -> list[int] | None:
    return None if ids is None else sorted(int(i) for i in ids)
