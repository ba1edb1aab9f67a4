"""`make bench`: measure every speed budget of DESIGN.md through the real code paths.

Prints `name | measured | budget | ok/over` with the figures at 1,000, 3,000 and 10,000
articles, and writes the same to bench-results.json. `--sizes 1000` for a quick run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import tempfile
from pathlib import Path

from tests.bench import workloads
from tests.bench.measure import Budget
from tests.bench.synth import ensure_project

BUDGETS = [
    Budget("start", "start to a usable window", 1000),
    # No row of DESIGN.md: `parallax PROJECT` until the project is shown, judged by the
    # sum of the two it spans (start to a usable window, then open in it).
    Budget("start_project", "start until the project is shown", 2500),
    Budget("open", "open project in the window", 1500),
    Budget("memory", "memory with the project open", 400, "MB"),
    Budget("show_100k", "show 100 KB article, 2,000 highlights", 100),
    Budget("show_1m", "show 1,000,000-character article", 500),
    Budget("highlight_1m", "highlight in the 1M-char article", 50),
    Budget("highlight", "make a highlight (commit + repaint)", 50),
    Budget("search", "search the whole project", 100),
    Budget("import_html", "import 1,000 HTML pages", 60000),
    Budget("export", "export brief, 500 claims / 50 events", 3000),
]


def run(sizes: list[int], work: Path) -> list[Budget]:
    rows = {b.key: b for b in BUDGETS}
    for size in sizes:
        path = ensure_project(size)
        print(f"-- {size:,} articles: {path}", flush=True)
        for key, value in workloads.per_size(path, work).items():
            rows[key].measured[size] = value
            print(f"   {rows[key].name}: {value:,.1f} {rows[key].unit}", flush=True)
    largest = ensure_project(max(sizes))
    for key, value in workloads.once(largest, work).items():
        rows[key].measured[max(sizes)] = value
        print(f"   {rows[key].name}: {value:,.1f} {rows[key].unit}", flush=True)
    return BUDGETS


def table(rows: list[Budget], sizes: list[int]) -> str:
    head = ["name", *[f"{s:,} art." for s in sizes], "budget", "status"]
    lines = [" | ".join(head), " | ".join("---" for _ in head)]
    for row in rows:
        cells = [row.name]
        for size in sizes:
            value = row.measured.get(size)
            cells.append("" if value is None else f"{value:,.0f} {row.unit}")
        cells += [f"< {row.limit:,.0f} {row.unit}", row.status]
        lines.append(" | ".join(cells))
    return "\n".join(f"| {line} |" for line in lines)


def main() -> int:
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    parser = argparse.ArgumentParser(prog="make bench")
    parser.add_argument("--sizes", default="1000,3000,10000")
    parser.add_argument("--output", default="bench-results.json")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    work = Path(tempfile.mkdtemp(prefix="parallax-bench-"))
    try:
        rows = run(sizes, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print()
    print(table(rows, sizes))
    machine = f"{platform.machine()}, {_cores()} cores, Python {platform.python_version()}"
    print(f"\nmachine: {machine}")
    Path(args.output).write_text(
        json.dumps(
            {
                "machine": machine,
                "sizes": sizes,
                "results": [
                    {
                        "key": r.key,
                        "name": r.name,
                        "unit": r.unit,
                        "budget": r.limit,
                        "measured": {str(k): round(v, 2) for k, v in r.measured.items()},
                        "status": r.status,
                    }
                    for r in rows
                ],
            },
            indent=2,
        )
    )
    return 0 if all(r.status == "ok" for r in rows) else 1


def _cores() -> int:
    return len(os.sched_getaffinity(0))


if __name__ == "__main__":
    raise SystemExit(main())
