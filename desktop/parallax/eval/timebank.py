"""Date recognition and normalisation measured on TimeML (TempEval-3 Task A style).

`find_date_expressions` runs over each document's `<TEXT>` with the document creation
time (DCT) as the publication date. A leading preposition ("on Thursday") is not part of
a TIMEX3 extent, so it is cut from the system span before matching. Extraction is scored
strictly (same span) and relaxed (overlapping spans, one to one); value accuracy is the
share of relaxed matches whose normalised value equals the gold value, and value F1 is
relaxed F1 times value accuracy, as TempEval-3 reports it.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from parallax.assist.date_patterns import LEAD
from parallax.assist.dates import find_date_expressions
from parallax.domain.dates import NormalisedDate
from parallax.domain.model import Precision
from parallax.eval.metrics import Extraction

_LEAD = re.compile(rf"^(?:{LEAD})\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Timex:
    start: int
    end: int
    type: str
    value: str


@dataclass(slots=True)
class TimemlDocument:
    name: str
    text: str
    dct: dt.date | None
    timexes: list[Timex] = field(default_factory=list)


def read_document(path: Path) -> TimemlDocument:
    """The `<TEXT>` content with markup removed (whitespace kept), its TIMEX3s and DCT."""
    root = ET.parse(path).getroot()
    dct = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = _iso_day(timex.get("value", ""))
            break
    body = root.find("TEXT")
    parts: list[str] = []
    timexes: list[Timex] = []
    if body is not None:
        _walk(body, parts, timexes, top=True)
    return TimemlDocument(path.stem, "".join(parts), dct, timexes)


def _walk(node: ET.Element, parts: list[str], timexes: list[Timex], *, top: bool = False) -> None:
    start = sum(map(len, parts))
    parts.append(node.text or "")
    for child in node:
        _walk(child, parts, timexes)
    if node.tag == "TIMEX3":
        end = sum(map(len, parts))
        timexes.append(Timex(start, end, node.get("type", ""), node.get("value", "")))
    if not top:
        parts.append(node.tail or "")


def _iso_day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def timeml_value(date: NormalisedDate) -> str:
    """The TIMEX3 value of a normalised date: 1998, 1998-Q1, 1998-01, 1998-01-08, 1998-W02."""
    if date.start is None or date.precision is None:
        return ""
    start, end = date.start, date.end or date.start
    if date.precision is Precision.YEAR:
        return f"{start.year:04d}"
    if date.precision is Precision.MONTH:
        if start.month % 3 == 1 and (end.year, end.month) == (start.year, start.month + 2):
            return f"{start.year:04d}-Q{start.month // 3 + 1}"
        return f"{start.year:04d}-{start.month:02d}"
    if (end - start).days == 6 and start.weekday() == 0:
        year, week, _ = start.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return start.isoformat()


@dataclass(frozen=True, slots=True)
class Prediction:
    start: int
    end: int
    value: str


def predict(doc: TimemlDocument) -> list[Prediction]:
    found = []
    for start, end, date in find_date_expressions(doc.text, doc.dct):
        lead = _LEAD.match(doc.text[start:end])
        found.append(Prediction(start + (lead.end() if lead else 0), end, timeml_value(date)))
    return found


@dataclass(slots=True)
class TimebankResult:
    documents: int = 0
    strict_all: Extraction = field(default_factory=Extraction)
    relaxed_all: Extraction = field(default_factory=Extraction)
    strict_date: Extraction = field(default_factory=Extraction)
    relaxed_date: Extraction = field(default_factory=Extraction)
    value_pairs: int = 0
    value_correct: int = 0


def evaluate(root: Path) -> TimebankResult:
    """Score every `.tml` file under `root`; raises FileNotFoundError when there is none."""
    paths = sorted(root.rglob("*.tml"))
    if not paths:
        raise FileNotFoundError(f"no .tml files under {root}")
    result = TimebankResult()
    for path in paths:
        doc = read_document(path)
        result.documents += 1
        _score(doc, predict(doc), result)
    return result


def _score(doc: TimemlDocument, predictions: list[Prediction], result: TimebankResult) -> None:
    gold = doc.timexes
    dates = [t for t in gold if t.type == "DATE"]
    # For DATE-only scores, a prediction on a DURATION/TIME/SET timex is neither right nor
    # wrong: the recogniser does not claim to type timexes.
    on_dates = [
        p for p in predictions if not _overlaps_any(p, [t for t in gold if t.type != "DATE"])
    ]
    _count(predictions, gold, result.strict_all, strict=True)
    _count(predictions, gold, result.relaxed_all, strict=False)
    _count(on_dates, dates, result.strict_date, strict=True)
    pairs = _count(on_dates, dates, result.relaxed_date, strict=False)
    for prediction, timex in pairs:
        result.value_pairs += 1
        result.value_correct += prediction.value == timex.value


def _overlaps_any(p: Prediction, timexes: list[Timex]) -> bool:
    return any(p.start < t.end and t.start < p.end for t in timexes)


def _count(
    predictions: list[Prediction], gold: list[Timex], tally: Extraction, *, strict: bool
) -> list[tuple[Prediction, Timex]]:
    """Match one to one, in text order; add the counts to `tally`; return the pairs."""
    pairs: list[tuple[Prediction, Timex]] = []
    used: set[int] = set()
    for p in predictions:
        for i, t in enumerate(gold):
            if i in used:
                continue
            same = (p.start, p.end) == (t.start, t.end)
            if same or (not strict and p.start < t.end and t.start < p.end):
                used.add(i)
                pairs.append((p, t))
                break
    tally.matched_system += len(pairs)
    tally.matched_gold += len(pairs)
    tally.system += len(predictions)
    tally.gold += len(gold)
    return pairs


def summary(result: TimebankResult) -> dict[str, object]:
    relaxed = result.relaxed_date.as_dict()
    accuracy = result.value_correct / result.value_pairs if result.value_pairs else 0.0
    return {
        "documents": result.documents,
        "all_timexes": {
            "strict": result.strict_all.as_dict(),
            "relaxed": result.relaxed_all.as_dict(),
        },
        "date_timexes": {
            "strict": result.strict_date.as_dict(),
            "relaxed": relaxed,
            "value_accuracy": round(accuracy, 4),
            "value_f1": round(float(relaxed["f1"]) * accuracy, 4),
            "correct_values": result.value_correct,
        },
        "value_f1_definition": "relaxed extraction F1 x value accuracy (TempEval-3)",
    }
