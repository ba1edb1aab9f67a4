"""Likelihood yardsticks: the fixed words an analyst may use for how likely a judgment is.

A brief states likelihood in one agreed vocabulary so that "likely" means the same to
every reader. ICD 203 is the default; the UK Professional Head of Intelligence Assessment
(PHIA) yardstick is offered as a project setting. Both have seven rungs, so a project can
switch yardsticks and each judgment keeps its rung.
"""

from __future__ import annotations

from dataclasses import dataclass

ICD_203 = "ICD 203"
UK_PHIA = "UK PHIA"
DEFAULT_YARDSTICK = ICD_203


@dataclass(frozen=True, slots=True)
class Term:
    """One rung of a yardstick with the probability range it stands for, in percent."""

    name: str
    low: int
    high: int

    @property
    def range_label(self) -> str:
        """'55–80%' as printed after the term in a brief."""
        if self.low == self.high:
            return f"{self.low}%"
        return f"{self.low}–{self.high}%"


YARDSTICKS: dict[str, tuple[Term, ...]] = {
    ICD_203: (
        Term("almost no chance", 1, 5),
        Term("very unlikely", 5, 20),
        Term("unlikely", 20, 45),
        Term("roughly even chance", 45, 55),
        Term("likely", 55, 80),
        Term("very likely", 80, 95),
        Term("almost certain", 95, 99),
    ),
    UK_PHIA: (
        Term("remote chance", 0, 5),
        Term("highly unlikely", 10, 20),
        Term("unlikely", 25, 35),
        Term("realistic possibility", 40, 50),
        Term("likely or probable", 55, 75),
        Term("highly likely", 80, 90),
        Term("almost certain", 95, 100),
    ),
}

CONFIDENCE_LEVELS = ("low", "moderate", "high")


def yardstick_names() -> tuple[str, ...]:
    return tuple(YARDSTICKS)


def terms(yardstick: str) -> tuple[Term, ...]:
    """The rungs of `yardstick`, lowest first; raises KeyError for an unknown name."""
    return YARDSTICKS[yardstick]


def find_term(yardstick: str, likelihood: str) -> Term | None:
    """The rung called `likelihood` (case and spacing ignored), or None."""
    wanted = " ".join(likelihood.split()).casefold()
    return next((t for t in YARDSTICKS.get(yardstick, ()) if t.name == wanted), None)


def any_term(likelihood: str) -> Term | None:
    """The rung called `likelihood` in whichever yardstick has it (ICD 203 first)."""
    for name in YARDSTICKS:
        term = find_term(name, likelihood)
        if term is not None:
            return term
    return None


def convert(likelihood: str, source: str, target: str) -> str:
    """The term on the same rung of `target` as `likelihood` is on `source`.

    A term unknown to `source` comes back unchanged.
    """
    rungs = [t.name for t in YARDSTICKS.get(source, ())]
    term = find_term(source, likelihood)
    if term is None or target not in YARDSTICKS:
        return likelihood
    return YARDSTICKS[target][rungs.index(term.name)].name
