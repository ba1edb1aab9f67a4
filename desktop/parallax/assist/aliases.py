"""Grouping the surface names of a corpus into probable actors, and matching them to actors.

Full names are grouped so that every member of a group is the same person as every other
(complete linkage): a chain of near-misses never fuses two people. A surname alone
("Assad", "al-Fayyad") is attached only when exactly one group has that surname; where two
do (Bashar and Hafez al-Assad) it stays on its own, for the analyst to decide.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Protocol

from parallax.assist.names import (
    SAME_PERSON,
    ParsedName,
    parse_name,
    parsed_score,
    word_similarity,
)

# A surname alone attaches to a group whose surname key is this close (near-identical).
SURNAME_MATCH = 0.9


class ActorLike(Protocol):
    """What matching needs of an actor: `domain.model.Actor` has it."""

    @property
    def name(self) -> str: ...

    @property
    def aliases(self) -> tuple[str, ...]: ...


def actor_forms(actor: ActorLike | str | Sequence[str]) -> tuple[str, ...]:
    """The names an actor goes by: its name then its aliases, without blanks or repeats."""
    if isinstance(actor, str):
        forms: Iterable[str] = (actor,)
    elif isinstance(actor, Sequence):
        forms = actor
    else:
        forms = (actor.name, *actor.aliases)
    return tuple(dict.fromkeys(f.strip() for f in forms if f and f.strip()))


def form_score(name: str, forms: Iterable[str]) -> float:
    """The best `same_person_score` of `name` against any of an actor's forms."""
    parsed = parse_name(name)
    return max((parsed_score(parsed, parse_name(f)) for f in forms), default=0.0)


def match_actor(name: str, actors: Sequence[ActorLike]) -> ActorLike | None:
    """The actor `name` most probably denotes, or None.

    A surname alone matches only when exactly one actor has that surname, so "Assad" is
    not given to Bashar when Hafez al-Assad is also an actor.
    """
    parsed = parse_name(name)
    if not parsed.keys:
        return None
    if not parsed.full:
        owners = [a for a in actors if _has_surname(a, parsed.surname)]
        return owners[0] if len(owners) == 1 else None
    scored = [(form_score(name, actor_forms(a)), i) for i, a in enumerate(actors)]
    best, index = max(scored, default=(0.0, -1))
    return actors[index] if best >= SAME_PERSON else None


def _has_surname(actor: ActorLike, surname: str) -> bool:
    return any(
        word_similarity(parse_name(f).surname, surname) >= SURNAME_MATCH for f in actor_forms(actor)
    )


def group_aliases(names: Iterable[str]) -> list[list[str]]:
    """Group written names into probable persons; every distinct name is in one group.

    Repeated names count: the most frequent spelling seeds its group and comes first.
    Groups are ordered by how often their names occur, then by first appearance.
    """
    counts = Counter(n.strip() for n in names if n and n.strip())
    order = {name: i for i, name in enumerate(counts)}
    parsed = {name: parse_name(name) for name in counts}
    by_frequency = sorted(counts, key=lambda n: (-counts[n], order[n]))
    full = [n for n in by_frequency if parsed[n].full]
    partial = [n for n in by_frequency if not parsed[n].full]
    groups = _cluster_full(full, parsed)
    groups += _attach_partials(groups, partial, parsed)
    groups.sort(key=lambda g: (-sum(counts[n] for n in g), min(order[n] for n in g)))
    return groups


def _cluster_full(names: list[str], parsed: dict[str, ParsedName]) -> list[list[str]]:
    """Complete linkage: a name joins the group whose weakest match to it is strongest."""
    groups: list[list[str]] = []
    for name in names:
        best, target = 0.0, None
        for group in groups:
            weakest = min(parsed_score(parsed[name], parsed[m]) for m in group)
            if weakest >= SAME_PERSON and weakest > best:
                best, target = weakest, group
        if target is None:
            groups.append([name])
        else:
            target.append(name)
    return groups


def _attach_partials(
    groups: list[list[str]], partial: list[str], parsed: dict[str, ParsedName]
) -> list[list[str]]:
    """Attach surnames with exactly one owner; return new groups for the unowned ones."""
    unowned: list[str] = []
    ambiguous: list[list[str]] = []
    for name in partial:
        key = parsed[name].surname
        if not key:
            ambiguous.append([name])
            continue
        owners = [g for g in groups if _group_has_surname(g, key, parsed)]
        if len(owners) == 1:
            owners[0].append(name)
        elif owners:
            ambiguous.append([name])
        else:
            unowned.append(name)
    return _cluster_surnames(unowned, parsed) + ambiguous


def _group_has_surname(group: list[str], key: str, parsed: dict[str, ParsedName]) -> bool:
    return any(
        parsed[m].full and word_similarity(parsed[m].surname, key) >= SURNAME_MATCH for m in group
    )


def _cluster_surnames(names: list[str], parsed: dict[str, ParsedName]) -> list[list[str]]:
    """Surnames nobody owns ("Ghanmi", "al-Ghanmi") still group with each other."""
    groups: list[list[str]] = []
    for name in names:
        key = parsed[name].surname
        for group in groups:
            if all(word_similarity(parsed[m].surname, key) >= SURNAME_MATCH for m in group):
                group.append(name)
                break
        else:
            groups.append([name])
    return groups
