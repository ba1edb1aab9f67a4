"""The `parallax` command: project files from the shell, and the door to the GUI.

Qt is imported only when a window is opened, so the commands stay fast and work on a
machine without a display.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from dataclasses import asdict
from functools import partial
from pathlib import Path

from parallax import __version__
from parallax.domain.errors import KnownError

COMMANDS = ("new", "import", "info", "export")


def _command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="parallax", description="Parallax project commands.")
    sub = parser.add_subparsers(dest="command", required=True)
    new = sub.add_parser("new", help="create an empty project file")
    new.add_argument("path", type=Path)
    imp = sub.add_parser("import", help="import files and folders into a project")
    imp.add_argument("path", type=Path, help="the project (created if missing)")
    imp.add_argument("files", nargs="+", type=Path, help="files or folders (recursive)")
    imp.add_argument(
        "--preview", action="store_true", help="report what each file holds; import nothing"
    )
    imp.add_argument(
        "--skip-near-duplicates", action="store_true", help="leave out near-duplicate texts"
    )
    info = sub.add_parser("info", help="what a project holds")
    info.add_argument("path", type=Path)
    info.add_argument("--json", action="store_true", help="print counts as JSON")
    export = sub.add_parser("export", help="export from a project")
    kinds = export.add_subparsers(dest="kind", required=True)
    brief = kinds.add_parser("brief", help="a Word brief (.docx)")
    brief.add_argument("path", type=Path)
    brief.add_argument("-o", "--output", type=Path, required=True)
    brief.add_argument("--title")
    brief.add_argument("--author")
    brief.add_argument("--handling", help="handling or classification line")
    brief.add_argument("--template", type=Path, help="a .docx whose styles the brief uses")
    brief.add_argument("--events", help="only these event ids (comma-separated)")
    brief.add_argument("--tag", help="only events with a claim carrying this tag")
    brief.add_argument("--from", dest="date_from", help="only events on or after YYYY-MM-DD")
    brief.add_argument("--to", dest="date_to", help="only events on or before YYYY-MM-DD")
    brief.add_argument("--order", choices=("chronological", "importance"), default=None)
    brief.add_argument("--no-appendix", action="store_true", help="leave out the appendix")
    brief.add_argument("--no-chart", action="store_true", help="leave out the timeline chart")
    brief.add_argument(
        "--pdf", action="store_true", help="also write a PDF with LibreOffice (or use -o x.pdf)"
    )
    return parser


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="parallax",
        description="Compare how news outlets report the same events. "
        f"Commands: {', '.join(COMMANDS)} (parallax COMMAND --help).",
    )
    parser.add_argument("project", nargs="?", help="a .parallax project file to open")
    parser.add_argument("--version", action="version", version=f"parallax {__version__}")
    parser.add_argument("--demo", action="store_true", help="open the sample-corpus demo project")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    try:
        if args and args[0] in COMMANDS:
            return _run_command(_command_parser().parse_args(args))
        return _run_gui(_gui_parser().parse_args(args))
    except KnownError as exc:
        print(f"parallax: {exc}", file=sys.stderr)
        return 1


def _run_gui(args: argparse.Namespace) -> int:
    from parallax.ui.display import display_problem

    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    from parallax.ui.app import run_gui

    if args.demo:  # built (the first time) while the window is already up
        path = demo_path()
        building = "" if path.exists() else "Building the demo project from the sample corpus…"
        return run_gui(str(path), prepare=partial(prepare_demo, path), preparing=building)
    return run_gui(args.project)


def demo_path() -> Path:
    """Where the demo project lives: the user data folder."""
    import platformdirs

    return Path(platformdirs.user_data_dir("Parallax", "Parallax")) / "demo.parallax"


def prepare_demo(path: Path | None = None) -> Path:
    """Build (once) the demo project at `path` (the user data folder by default) and
    return its path."""
    import parallax
    from parallax.services.demo import build_demo

    path = path or demo_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with parallax.open_project(path) as project:
        build_demo(project)
    return path


def _run_command(args: argparse.Namespace) -> int:
    import parallax

    if args.command == "new":
        if args.path.exists():
            raise KnownError(f"{args.path} already exists; choose another name.")
        parallax.open_project(args.path).close()
        print(f"created {args.path}")
        return 0
    if args.command == "import":
        with parallax.open_project(args.path) as project:
            if args.preview:
                return _preview(project, args.files)
            return _import(project, args.files, args.skip_near_duplicates)
    if args.command == "info":
        if not args.path.exists():
            raise KnownError(f"{args.path} does not exist.")
        with parallax.open_project(args.path) as project:
            counts = asdict(project.info())
        print(
            json.dumps(counts) if args.json else "\n".join(f"{k}: {v}" for k, v in counts.items())
        )
        return 0
    return _export(args)


def _preview(project, files: list[Path]) -> int:
    previews = project.preview_files(files)
    for preview in previews:
        print(preview.summary())
    return 1 if any(p.error for p in previews) else 0


def _import(project, files: list[Path], skip_near_duplicates: bool = False) -> int:
    from parallax.domain.dates import format_fuzzy  # here, not at the top: ~40 ms at start

    result = project.import_files(files, skip_near_duplicates=skip_near_duplicates)
    for article in result:
        date = (
            format_fuzzy(article.published, article.published_precision)
            if article.published
            else "no date"
        )
        outlet = article.outlet or "no outlet"
        print(f"imported  {article.source_file}: {article.title[:60]!r}, {outlet}, {date}")
    for path in result.duplicates:
        print(f"skipped   {path}: already in the project")
    for near in result.near_duplicates:
        print(f"note      {near}")
    for failure in result.failures:
        print(f"FAILED    {failure.path}: {failure.reason}", file=sys.stderr)
    done, present, failed = len(result), len(result.duplicates), len(result.failures)
    print(f"{done} imported, {present} already present, {failed} failed")
    return 1 if result.failures else 0


def _export(args: argparse.Namespace) -> int:
    import parallax

    if not args.path.exists():
        raise KnownError(f"{args.path} does not exist.")
    names = ("title", "author", "handling", "template", "tag", "date_from", "date_to", "order")
    options: dict[str, object] = {k: getattr(args, k) for k in names}
    options.update(event_ids=args.events, pdf=args.pdf)
    options.update(appendix=not args.no_appendix, chart=not args.no_chart)
    with parallax.open_project(args.path) as project:
        chosen = {k: v for k, v in options.items() if v is not None and v != ""}
        out = project.export_brief(args.output, **chosen)
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
