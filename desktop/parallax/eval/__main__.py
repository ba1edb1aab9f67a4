"""`python -m parallax.eval [--ecbplus DIR] [--timeml DIR] [--output FILE]`.

Prints a table on stderr and the scores as one JSON object on stdout, and writes the
same JSON to `eval-results.json`. A corpus that is not there is skipped with a message.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from parallax.assist.link_suggest import Weights
from parallax.eval import alias_eval, ecbplus, timebank
from parallax.eval.report import table

_REPO = Path(__file__).resolve().parents[3]


def default_devdata() -> Path:
    """$PARALLAX_DEVDATA, else ../shared/devdata beside the checkout."""
    configured = os.environ.get("PARALLAX_DEVDATA")
    return Path(configured) if configured else (_REPO.parent / "shared" / "devdata").resolve()


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    devdata = default_devdata()
    results: dict[str, object] = {}
    seconds: dict[str, float] = {}
    ecb_dir = args.ecbplus or devdata / "ecbplus"
    tml_dir = args.timeml or devdata / "timeml"
    results["ecbplus"] = _timed(seconds, "ecbplus", lambda: _ecbplus(ecb_dir, args.ablation))
    results["timeml"] = _timed(seconds, "timeml", lambda: _timeml(tml_dir))
    corpus = _REPO / "sample_corpus"
    results["aliases"] = _timed(seconds, "aliases", lambda: alias_eval.evaluate(corpus))
    results["seconds"] = seconds
    print(table(results), file=sys.stderr)
    text = json.dumps(results, indent=2, ensure_ascii=False)
    print(text)
    if args.output:
        Path(args.output).write_text(text + "\n", encoding="utf-8")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m parallax.eval", description=__doc__)
    parser.add_argument("--ecbplus", type=Path, help="ECB+ folder (default: devdata/ecbplus)")
    parser.add_argument("--timeml", type=Path, help="TimeML folder (default: devdata/timeml)")
    parser.add_argument("--output", default="eval-results.json", help="JSON file ('' = none)")
    parser.add_argument(
        "--no-ablation", dest="ablation", action="store_false", help="skip the text-only run"
    )
    return parser


def _timed(seconds: dict[str, float], name: str, run: Callable[[], object]) -> object:
    started = time.perf_counter()
    try:
        return run()
    finally:
        seconds[name] = round(time.perf_counter() - started, 2)


def _ecbplus(folder: Path, ablation: bool) -> dict[str, object]:
    try:
        found = ecbplus.summary(ecbplus.evaluate(folder))
    except FileNotFoundError as exc:
        print(f"ECB+ skipped: {exc}", file=sys.stderr)
        return {"skipped": str(exc)}
    found["weights"] = {"actors": Weights().actors, "dates": Weights().dates}
    if ablation:
        text_only = ecbplus.evaluate(folder, Weights(actors=0.0, dates=0.0))
        found["text_only"] = ecbplus.summary(text_only)["first_mention_per_chain"]
    return found


def _timeml(folder: Path) -> dict[str, object]:
    try:
        return timebank.summary(timebank.evaluate(folder))
    except FileNotFoundError as exc:
        print(f"TimeML skipped: {exc}", file=sys.stderr)
        return {"skipped": str(exc)}


if __name__ == "__main__":
    sys.exit(main())
