"""Alias grouping measured on the names of the seed articles, plus hard pairs.

The gold groups below are the persons named in the five sample-corpus articles, with
every spelling the articles use. The hard pairs are names that look alike but denote
different people (Bashar and Hafez al-Assad) or differ but denote one (Othman/Osman);
they are common name variants, not taken from any corpus.
"""

from __future__ import annotations

from pathlib import Path

from parallax.assist.aliases import group_aliases
from parallax.assist.mentions import SUGGEST_THRESHOLD, find_name_candidates
from parallax.assist.names import SAME_PERSON, same_person_score
from parallax.eval.metrics import pairwise

SEED_GROUPS: dict[str, tuple[str, ...]] = {
    "Bashar al-Assad": ("Bashar al-Assad", "Bashar Al-Assad", "Al-Assad", "Assad"),
    "Falah al-Fayadh": (
        "Falah al-Fayadh", "Faleh al-Fayyad", "Faleh al-Fayad", "al-Fayyad", "al-Fayad",
        "Fayadh", "Fayyad", "Fayad",
    ),
    "Haider al-Abadi": ("Haider al-Abadi", "Haidar Abadi", "Haydar al-Abadi", "al-Abadi", "Abadi"),
    "Othman al-Ghanmi": ("Othman al-Ghanmi", "Osman Al-Ghanmi", "Ghanmi"),
    "Adel Abdalmehdi": ("Adel Abdalmehdi",),
    "Mohamad Abdo Al-Ibrahim": ("Mohamad Abdo Al-Ibrahim",),
    "Saddam Hussein": ("Saddam Hussein",),
    "Staffan de Mistura": ("Staffan de Mistura",),
}  # fmt: skip

SAME_PAIRS = (
    ("Mohammed bin Salman", "Muhammad bin Salman"),
    ("Abd al-Rahman al-Qasim", "Abdul Rahman al-Kassim"),
    ("Adel Abdul-Mahdi", "Adil Abd al-Mahdi"),
    ("Nouri al-Maliki", "Nuri al-Maliki"),
    ("Moqtada al-Sadr", "Muqtada al-Sadr"),
    ("Abu Bakr al-Baghdadi", "Abubakr al-Baghdadi"),
    ("Qassem Soleimani", "Qasem Suleimani"),
    ("Hadi al-Amiri", "Hadi al-Ameri"),
)
DISTINCT_PAIRS = (
    ("Bashar al-Assad", "Hafez al-Assad"),
    ("Adel Abdalmehdi", "Haider al-Abadi"),
    ("Haider al-Abadi", "Haider al-Ebadi"),
    ("Hassan Nasrallah", "Hussein Nasrallah"),
    ("Mahmoud Abbas", "Mohammed Abbas"),
    ("Saddam Hussein", "Uday Hussein"),
    ("Hassan Rouhani", "Hassan Nasrallah"),
)


def _gold_labels() -> dict[str, str]:
    return {name: person for person, names in SEED_GROUPS.items() for name in names}


def evaluate(corpus: Path | None = None) -> dict[str, object]:
    """Grouping of the gold seed names, hard pairs, and (if given) grouping of the names
    the extractor finds in the seed articles, scored on the names the gold knows."""
    gold = _gold_labels()
    names = list(gold)
    groups = group_aliases(names)
    exact = {frozenset(g) for g in groups} & {frozenset(g) for g in SEED_GROUPS.values()}
    same = [same_person_score(a, b) >= SAME_PERSON for a, b in SAME_PAIRS]
    distinct = [same_person_score(a, b) >= SAME_PERSON for a, b in DISTINCT_PAIRS]
    result: dict[str, object] = {
        "seed_names": {
            **pairwise(groups, gold),
            "groups_exact": f"{len(exact)}/{len(SEED_GROUPS)}",
        },
        "same_pairs_merged": f"{sum(same)}/{len(same)}",
        "distinct_pairs_wrongly_merged": f"{sum(distinct)}/{len(distinct)}",
    }
    if corpus is not None and corpus.is_dir():
        result["extracted_from_seeds"] = _extracted(corpus, gold)
    return result


def _extracted(corpus: Path, gold: dict[str, str]) -> dict[str, float]:
    found = []
    for path in sorted(corpus.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found.extend(c.name for c in find_name_candidates(text) if c.score >= SUGGEST_THRESHOLD)
    return pairwise(group_aliases(found), gold)
