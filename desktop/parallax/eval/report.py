"""The evaluation results as a plain-text table for people; the JSON is for machines."""

from __future__ import annotations

from collections.abc import Mapping

_RANK_COLUMNS = (
    "queries",
    "recall@1",
    "recall@5",
    "recall@10",
    "mrr",
    "precision@5",
    "top5_recall",
)


def table(results: Mapping[str, object]) -> str:
    lines = ["Parallax assist evaluation", ""]
    lines += _ecbplus(_section(results, "ecbplus"))
    lines += _timeml(_section(results, "timeml"))
    lines += _aliases(_section(results, "aliases"))
    seconds = _section(results, "seconds")
    lines.append("time: " + ", ".join(f"{k} {v:.1f} s" for k, v in seconds.items()))
    return "\n".join(lines)


def _section(results: Mapping[str, object], key: str) -> Mapping[str, object]:
    value = results.get(key, {})
    return value if isinstance(value, Mapping) else {}


def _fmt(value: object) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def _ecbplus(ecb: Mapping[str, object]) -> list[str]:
    if "skipped" in ecb:
        return [f"ECB+: skipped ({ecb['skipped']})", ""]
    lines = [
        f"ECB+ event-link suggestions: {ecb['topics']} topics, {ecb['documents']} documents, "
        f"{ecb['cross_document_event_chains']} cross-document event chains, "
        f"{ecb['candidate_sentences']} listed sentences",
        "  " + f"{'query':<22}" + "".join(f"{c:>12}" for c in _RANK_COLUMNS),
    ]
    rows = [
        ("first mention/chain", ecb.get("first_mention_per_chain")),
        ("every mention", ecb.get("every_mention")),
        ("text only (1st)", ecb.get("text_only")),
    ]
    for label, scores in rows:
        if isinstance(scores, Mapping):
            cells = "".join(f"{_fmt(scores.get(c, '')):>12}" for c in _RANK_COLUMNS)
            lines.append(f"  {label:<22}{cells}")
    return [*lines, ""]


def _timeml(tml: Mapping[str, object]) -> list[str]:
    if "skipped" in tml:
        return [f"TimeML: skipped ({tml['skipped']})", ""]
    lines = [
        f"TimeBank dates: {tml['documents']} documents",
        f"  {'':<26}{'P':>8}{'R':>8}{'F1':>8}",
    ]
    dates = _section(tml, "date_timexes")
    every = _section(tml, "all_timexes")
    for label, scores in (
        ("DATE timexes, strict", dates.get("strict")),
        ("DATE timexes, relaxed", dates.get("relaxed")),
        ("all timex types, strict", every.get("strict")),
        ("all timex types, relaxed", every.get("relaxed")),
    ):
        if isinstance(scores, Mapping):
            cells = "".join(f"{_fmt(scores[k]):>8}" for k in ("precision", "recall", "f1"))
            lines.append(f"  {label:<26}{cells}")
    lines.append(
        f"  DATE value accuracy {_fmt(dates.get('value_accuracy'))}, "
        f"value F1 {_fmt(dates.get('value_f1'))} (relaxed F1 x accuracy)"
    )
    return [*lines, ""]


def _aliases(aliases: Mapping[str, object]) -> list[str]:
    seed = _section(aliases, "seed_names")
    lines = [
        "Alias grouping",
        f"  seed names ({seed.get('names')}): pairwise P {_fmt(seed.get('precision'))} "
        f"R {_fmt(seed.get('recall'))} F1 {_fmt(seed.get('f1'))}, "
        f"groups exactly right {seed.get('groups_exact')}",
        f"  variant pairs merged {aliases.get('same_pairs_merged')}, "
        f"distinct pairs wrongly merged {aliases.get('distinct_pairs_wrongly_merged')}",
    ]
    extracted = _section(aliases, "extracted_from_seeds")
    if extracted:
        lines.append(
            f"  names extracted from the seed articles ({extracted.get('names')} known): "
            f"pairwise P {_fmt(extracted.get('precision'))} R {_fmt(extracted.get('recall'))}"
        )
    return [*lines, ""]
