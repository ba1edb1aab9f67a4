"""What each budget row does, through the same code paths a user's actions take."""

from __future__ import annotations

import time
from pathlib import Path

import parallax
from tests.bench import gui
from tests.bench.htmlpages import write_pages
from tests.bench.measure import median_ms

SEARCHES = ("Fayyad discussed", "border security", "Mosul", "joint operations room", "Hakim")
ONE_MILLION_ID = 1  # the generator makes article 1 a million characters long
HUNDRED_KB_ID = 2  # articles 2–4 are 100 KB with 2,000 highlights each
ORDINARY_ID = 100


def working_copy(path: Path, work: Path) -> Path:
    """Measure on a copy: the desk saves its panes, and highlights are added."""
    target = work / f"copy-{path.name}"
    if not target.exists():
        with parallax.open_project(path) as project:
            project.save_copy(target)
        with parallax.open_project(target) as copy:
            copy.set_setting("desk", None)  # every run starts from an empty desk
    return target


def per_size(cached: Path, work: Path, runs: int = 5) -> dict[str, float]:
    """Rows whose growth from 1,000 to 10,000 articles matters (median of `runs` each)."""
    path = working_copy(cached, work)
    started = gui.start_ms(path, runs)
    figures = {"start": started["window"], "start_project": started["ready"]}
    figures["open"] = gui.open_window_ms(path, work, runs)
    figures["memory"] = gui.peak_rss_mb(path)
    desk = gui.Desk(path, work)
    try:
        figures["show_100k"] = desk.show_ms(HUNDRED_KB_ID, runs)
        figures["highlight"] = desk.highlight_ms(ORDINARY_ID, 50, runs)
    finally:
        desk.project.close()
        desk.close()
    with parallax.open_project(path) as project:
        figures["search"] = max(
            median_ms(lambda q=q: project.search(q), runs=runs) for q in SEARCHES
        )
    return figures


def once(cached: Path, work: Path, runs: int = 5, pages: int = 1000) -> dict[str, float]:
    """Rows measured on the largest project only (they do not depend on its size)."""
    path = working_copy(cached, work)
    desk = gui.Desk(path, work)
    try:
        figures = {
            "show_1m": desk.show_ms(ONE_MILLION_ID, runs),
            "highlight_1m": desk.highlight_ms(ONE_MILLION_ID, 500_000, runs),
        }
    finally:
        desk.project.close()
        desk.close()
    figures["import_html"] = import_html_ms(work, pages)
    figures["export"] = export_ms(path, work, min(runs, 3))
    return figures


def import_html_ms(work: Path, count: int = 1000) -> float:
    pages = write_pages(work / "pages", count)
    with parallax.open_project(work / "import.parallax") as project:
        start = time.perf_counter()
        result = project.import_files([pages])
        elapsed = (time.perf_counter() - start) * 1000
    if len(result) != count:
        raise RuntimeError(f"imported {len(result)} of {count:,} pages: {result.failures[:3]}")
    return elapsed


def export_ms(path: Path, work: Path, runs: int = 3) -> float:
    """A brief of 50 events with 10 linked claims each, from a copy of the project."""
    with parallax.open_project(path) as project:
        copy = project.save_copy(work / "export.parallax")
    with parallax.open_project(copy) as project:
        annotations = [a for aid in range(200, 260) for a in project.annotations(aid)][:500]
        for n in range(50):
            event = project.create_event(f"Event {n}", f"2016-{n % 12 + 1:02d}-{n % 27 + 1:02d}")
            for ann in annotations[n * 10 : n * 10 + 10]:
                project.link(ann.id, event.id, "corroborates" if n % 3 else "contradicts")
        only = {e.id for e in project.events() if e.title.startswith("Event ")}
        return median_ms(
            lambda: project.export_brief(work / "brief.docx", event_ids=only), runs=runs
        )
