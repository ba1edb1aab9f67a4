"""Finding names of people and organisations in article text, without a language model.

A name candidate is a run of capitalised words, Arabic particles allowed inside it
("Bashar al-Assad", "Abu Bakr al-Baghdadi"), with the titles and demonyms before it
("Iraqi Prime Minister", "H.E. President") cut off and kept as a cue that a person follows.
Words are separated by spaces or U+00A0 (`\\s` matches both); offsets are `str` indices
into the text as given, so they can be stored as annotation offsets directly.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from parallax.assist import aliases
from parallax.assist.aliases import ActorLike, actor_forms, group_aliases
from parallax.assist.date_patterns import MONTHS, WEEKDAYS
from parallax.assist.names import (
    DEMONYMS,
    ORG_WORDS,
    SAME_PERSON,
    TITLES,
    parse_name,
    word_set,
)

# A mention is reported when its best score against the actor's forms reaches this.
MENTION_THRESHOLD = 0.8
# A recurring name is proposed as an actor only if some occurrence scored this much.
SUGGEST_THRESHOLD = 0.5

_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_](?:[\w’'ʿʾ]|[-‐‑](?=[^\W\d_]))*")
_PARTICLE_WORD = re.compile(r"^(?:[aA]l|[eE]l|ad|as|ash|ar|az|an|at|ud|ul|bin|ibn)[-‐‑](?=\w)")
_CONNECTORS = frozenset({"bin", "ibn", "bint", "al", "el", "ez", "ed", "de", "da", "van", "von"})
_PARTICLE_HEADS = frozenset({"abu", "abd", "abdul", "abdel", "bin", "ibn", "bint"})
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "lt", "gen", "col", "maj", "capt", "prof"})
_EXTRA_ORG_WORDS = frozenset({"hashd", "jaysh", "jabhat", "kataib", "harakat", "hezbollah"})
_STOP_WORDS = """the a an on in at by for from with to of and but or if when while as after
before since during this that these those it its he she they we i you his her their our my
your there here what which who whom whose why how where all any some no not yes also however
moreover meanwhile although though thus then so such more most many much other another each
every both either neither according under over into about against between among following
later earlier today yesterday tomorrow now photo video related share comment read latest
breaking update news"""
_STOP = word_set(_STOP_WORDS) | frozenset(MONTHS) | frozenset(WEEKDAYS)
_POSSESSIVE = re.compile(r"[’']s?$")


@dataclass(frozen=True, slots=True)
class NameCandidate:
    """A probable name in a text: [start, end) covers the name itself, not its title."""

    start: int
    end: int
    surface: str
    cue: str = ""
    kind: str = "unknown"
    score: float = 0.0

    @property
    def name(self) -> str:
        """The surface with no-break spaces as plain spaces, for display and matching."""
        return " ".join(self.surface.split())


@dataclass(frozen=True, slots=True)
class ActorSuggestion:
    """A name that recurs across sources and is not yet an actor: propose adding it."""

    name: str
    aliases: tuple[str, ...]
    articles: tuple[int, ...]
    count: int
    kind: str = "person"


@dataclass(slots=True)
class _Word:
    start: int
    end: int
    text: str
    possessive: bool = False


def find_name_candidates(text: str) -> list[NameCandidate]:
    """Every probable person or organisation name in `text`, in text order."""
    found: list[NameCandidate] = []
    for run in _runs(text, _words(text)):
        candidate = _candidate(text, run)
        if candidate is not None:
            found.append(candidate)
    return found


def _words(text: str) -> list[_Word]:
    words = []
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group(0)
        stripped = _POSSESSIVE.sub("", word) if len(word) > 2 else word
        words.append(_Word(start, start + len(stripped), stripped, stripped != word))
    return words


def _is_name_word(word: str) -> bool:
    return word[0].isupper() or bool(_PARTICLE_WORD.match(word)) or word in _CONNECTORS


def _joined(text: str, left: _Word, right: _Word) -> bool:
    """Whether two words may belong to one name: only spaces between them, or the dot of
    "Mr." or of an initial ("George W. Bush")."""
    gap = text[left.end : right.start]
    if left.possessive or "\n" in gap:
        return False
    if not gap.strip():
        return bool(gap)
    abbreviation = left.text.lower() in _ABBREVIATIONS or len(left.text) == 1
    return abbreviation and gap.strip() == "."


def _runs(text: str, words: list[_Word]) -> list[list[_Word]]:
    """Maximal runs of name words, split at common words, months and weekdays."""
    runs: list[list[_Word]] = []
    current: list[_Word] = []
    for word in words:
        lower = word.text.lower()
        usable = _is_name_word(word.text) and lower not in _STOP
        of_in_org = lower == "of" and current and current[-1].text.lower() in ORG_WORDS
        if current and (usable or of_in_org) and _joined(text, current[-1], word):
            current.append(word)
            continue
        if current:
            runs.append(current)
        current = [word] if usable and word.text not in _CONNECTORS else []
    if current:
        runs.append(current)
    return runs


def _candidate(text: str, run: list[_Word]) -> NameCandidate | None:
    """Cut titles and demonyms off the front of a run, connectors off its ends, and score."""
    cue = ""
    org = any(w.text.lower() in ORG_WORDS | _EXTRA_ORG_WORDS for w in run)
    # An organisation keeps its leading words ("Defense Ministry"), a person loses them.
    while run and (run[0].text.lower() in DEMONYMS or (not org and _is_title(run[0].text))):
        if run[0].text.lower().rstrip(".") in TITLES:
            cue = run[0].text
        run = run[1:]
    while run and run[-1].text.lower() in _CONNECTORS | {"of"}:
        run = run[:-1]
    if not run or (len(run) == 1 and _is_title(run[0].text)):
        return None
    start, end = run[0].start, run[-1].end
    count = sum(1 for w in run if w.text.lower() not in _CONNECTORS | {"of"})
    particle = any(_PARTICLE_WORD.match(w.text) or w.text.lower() in _PARTICLE_HEADS for w in run)
    score = (0.3 if count >= 2 else 0.1) + (0.4 if cue else 0) + (0.3 if particle else 0)
    score += 0.2 if org else 0
    kind = "organisation" if org else "person" if (cue or particle or count >= 2) else "unknown"
    return NameCandidate(start, end, text[start:end], cue, kind, min(1.0, score))


def _is_title(word: str) -> bool:
    lower = word.lower().rstrip(".")
    return lower in TITLES or lower in DEMONYMS


def find_mentions(
    text: str,
    actor: ActorLike | str | Sequence[str],
    *,
    rivals: Sequence[ActorLike] = (),
    candidates: Sequence[NameCandidate] | None = None,
) -> list[tuple[int, int, str, float]]:
    """Likely mentions of an actor in `text`: (start, end, surface, score), in text order.

    A candidate name counts when it matches one of the actor's forms (name or alias) by
    `same_person_score`; a surname alone also matching one of `rivals` (other actors) is
    left out, as it cannot be told apart. Forms are also searched for literally, so that
    acronyms and names in lower case are found too. Pass `candidates` to reuse an
    extraction of the same text.
    """
    forms = actor_forms(actor)
    if not forms:
        return []
    hits = dict.fromkeys(_literal_hits(text, forms), 1.0)  # as written: certain
    for cand in find_name_candidates(text) if candidates is None else candidates:
        if any(s < cand.end and cand.start < e for s, e in hits):
            continue
        score = aliases.form_score(cand.name, forms)
        if score >= MENTION_THRESHOLD and not _rival_claims(cand.name, rivals):
            hits[(cand.start, cand.end)] = score
    return [(s, e, text[s:e], round(score, 3)) for (s, e), score in sorted(hits.items())]


def _rival_claims(name: str, rivals: Sequence[ActorLike]) -> bool:
    parsed = parse_name(name)
    return not parsed.full and any(
        aliases.form_score(name, actor_forms(r)) >= MENTION_THRESHOLD for r in rivals
    )


def _literal_hits(text: str, forms: Sequence[str]) -> list[tuple[int, int]]:
    """Where a form of two words or more, or an acronym, occurs as written (case folded)."""
    spans = []
    for form in forms:
        words = form.split()
        if len(words) < 2 and not (form.isupper() and len(form) >= 3):
            continue
        pattern = r"(?<!\w)" + r"[\s\-‐‑]+".join(map(re.escape, words)) + r"(?!\w)"
        flags = 0 if form.isupper() else re.IGNORECASE
        spans.extend((m.start(), m.end()) for m in re.finditer(pattern, text, flags))
    kept: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
        if not kept or start >= kept[-1][1]:  # the longest form where two overlap
            kept.append((start, end))
    return kept


@dataclass(slots=True)
class _Seen:
    count: int = 0
    score: float = 0.0
    articles: set[int] = field(default_factory=set)
    kinds: Counter[str] = field(default_factory=Counter)


def suggest_actors(
    texts_by_article: Mapping[int, str],
    existing_actors: Sequence[ActorLike] = (),
    *,
    min_articles: int = 2,
) -> list[ActorSuggestion]:
    """Names that recur in at least `min_articles` articles, grouped by alias, that are
    not yet actors: most widely reported first.

    Only names scoring `SUGGEST_THRESHOLD` somewhere count (two words with a title or an
    Arabic particle, a title before a surname, an organisation head word), so that
    "Middle East" or a sentence-initial "Moreover" are not proposed.
    """
    seen: dict[str, _Seen] = defaultdict(_Seen)
    for article_id, text in texts_by_article.items():
        for cand in find_name_candidates(text):
            entry = seen[cand.name]
            entry.count += 1
            entry.score = max(entry.score, cand.score)
            entry.articles.add(article_id)
            entry.kinds[cand.kind] += 1
    usable = {name: e for name, e in seen.items() if e.score >= SUGGEST_THRESHOLD}
    weighted = [name for name, e in usable.items() for _ in range(e.count)]
    suggestions = [
        _suggestion(group, usable)
        for group in group_aliases(weighted)
        if not any(_is_known(name, existing_actors) for name in group)
    ]
    found = [s for s in suggestions if len(s.articles) >= min_articles]
    return sorted(found, key=lambda s: (-len(s.articles), -s.count, s.name))


def _is_known(name: str, actors: Sequence[ActorLike]) -> bool:
    if not parse_name(name).full:
        return aliases.match_actor(name, actors) is not None
    return any(aliases.form_score(name, actor_forms(a)) >= SAME_PERSON for a in actors)


def _suggestion(group: list[str], seen: Mapping[str, _Seen]) -> ActorSuggestion:
    """Named by the full name most sources use; aliases the rest, most frequent first."""
    full = [n for n in group if parse_name(n).full] or group
    name = min(full, key=lambda n: (-len(seen[n].articles), -seen[n].count, group.index(n)))
    kinds: Counter[str] = Counter()
    for member in group:
        kinds.update(seen[member].kinds)
    kinds.pop("unknown", None)
    return ActorSuggestion(
        name=name,
        aliases=tuple(n for n in group if n != name),
        articles=tuple(sorted(set().union(*(seen[n].articles for n in group)))),
        count=sum(seen[n].count for n in group),
        kind=kinds.most_common(1)[0][0] if kinds else "person",
    )
