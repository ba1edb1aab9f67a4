"""Scores shared by the evaluations: ranking quality and span-match extraction counts."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

CUTOFFS = (1, 5, 10)


@dataclass(slots=True)
class RankingScores:
    """Accumulates rankings against their relevant items.

    hit@k ("recall@k" in the brief) is the share of queries with a relevant item in the
    top k; P@5 and R@5 are the usual precision and recall of the top five; MRR is the mean
    reciprocal rank of the first relevant item (0 when none is ranked).
    """

    queries: int = 0
    hits: dict[int, int] = field(default_factory=lambda: dict.fromkeys(CUTOFFS, 0))
    reciprocal: float = 0.0
    precision5: float = 0.0
    recall5: float = 0.0

    def add(self, ranked: Sequence[object], relevant: Collection[object]) -> None:
        self.queries += 1
        first = next((i for i, item in enumerate(ranked) if item in relevant), None)
        if first is not None:
            self.reciprocal += 1.0 / (first + 1)
            for k in CUTOFFS:
                self.hits[k] += first < k
        found5 = sum(1 for item in ranked[:5] if item in relevant)
        self.precision5 += found5 / 5
        self.recall5 += found5 / len(relevant) if relevant else 0.0

    def as_dict(self) -> dict[str, float | int]:
        n = self.queries or 1
        scores: dict[str, float | int] = {"queries": self.queries}
        scores.update({f"recall@{k}": round(self.hits[k] / n, 4) for k in CUTOFFS})
        scores["mrr"] = round(self.reciprocal / n, 4)
        scores["precision@5"] = round(self.precision5 / n, 4)
        scores["top5_recall"] = round(self.recall5 / n, 4)
        return scores


@dataclass(slots=True)
class Extraction:
    """True positives, system and gold counts for one span-matching regime."""

    matched_system: int = 0
    matched_gold: int = 0
    system: int = 0
    gold: int = 0

    def as_dict(self) -> dict[str, float | int]:
        precision = self.matched_system / self.system if self.system else 0.0
        recall = self.matched_gold / self.gold if self.gold else 0.0
        return {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1(precision, recall), 4),
            "system": self.system,
            "gold": self.gold,
        }


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def pairwise(groups: Sequence[Sequence[str]], gold: dict[str, str]) -> dict[str, float]:
    """Pairwise precision/recall/F1 of a grouping against gold labels (names not in gold
    are ignored): a pair counts when both names are in one group."""
    label_of = {name: i for i, group in enumerate(groups) for name in group if name in gold}
    names = sorted(label_of)
    same_sys = same_gold = both = 0
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            s, g = label_of[a] == label_of[b], gold[a] == gold[b]
            same_sys += s
            same_gold += g
            both += s and g
    precision = both / same_sys if same_sys else 1.0
    recall = both / same_gold if same_gold else 1.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1(precision, recall), 4),
        "names": len(names),
    }
