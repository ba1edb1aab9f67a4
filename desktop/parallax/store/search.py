"""Full-text search: the index finds candidate articles fast; Python finds exact offsets.

The index folds case, diacritics and separators (see migration 0002); match positions
are then found in the article text itself, so hits carry exact code-point offsets.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from parallax.domain.model import AnnotationId, ArticleId, SearchHit
from parallax.store.tables import AnnotationRow, ArticleRow, ExcludedSpanRow

_TOKEN = re.compile(r"\w+")
CANDIDATE_ARTICLES = 200
# Latin letters with diacritics (Latin-1 Supplement, Extended-A and -B, and Extended
# Additional, where transliterations such as "Fayyāḍ" live) and their base letters.
_LATIN_RANGES = ((0x00C0, 0x024F), (0x1E00, 0x1EFF))
TSQUERY_FUNCTIONS = ("plainto_tsquery", "to_tsquery")


def query_tokens(query: str) -> list[str]:
    return [fold_chars(t) for t in _TOKEN.findall(query)]


def fold_chars(text: str) -> str:
    """Case- and diacritic-fold one character at a time, so positions stay the same."""
    return "".join(_fold_char(c) for c in text)


def _fold_char(c: str) -> str:
    if c.isascii():
        return c.lower()
    base = unicodedata.normalize("NFD", c)[0].lower()
    return base[0] if base else c


@functools.cache
def _diacritic_pairs() -> tuple[str, str]:
    """The letters PostgreSQL folds, and what to: the base letter of their decomposition
    (as `fold_chars` folds them in Python). Unicode keeps decompositions stable, so the
    strings, and the index built on them, stay the same from one Python to the next."""
    marked, base = [], []
    for low, high in _LATIN_RANGES:
        for code in range(low, high + 1):
            letter = chr(code)
            first = unicodedata.normalize("NFD", letter)[0]
            if first != letter and first.isascii() and first.isalpha():
                marked.append(letter)
                base.append(first)
    return "".join(marked), "".join(base)


def pg_folded_vector(column: str) -> str:
    """The tsvector of `column` with diacritics folded, as SQL: the expression the GIN
    indexes of migration 0003 are built on, so queries must use exactly this text.
    (translate() is immutable and needs no extension, unlike unaccent.)"""
    marked, base = _diacritic_pairs()
    return f"to_tsvector('simple', translate({column}, '{marked}', '{base}'))"


def phrase_pattern(tokens: list[str]) -> re.Pattern[str]:
    """Tokens in order, separated by anything that is not a letter or digit."""
    body = r"[\W_]+".join(re.escape(t) for t in tokens)
    return re.compile(rf"(?<!\w){body}(?!\w)")


def candidate_articles(session: Session, tokens: list[str], limit: int) -> list[tuple[int, float]]:
    """Article ids whose text may hold the tokens as a phrase, best first (bm25 /
    ts_rank); the caller finds the phrase itself.

    On PostgreSQL every token, not the phrase: its parser keeps "al-Fayadh" as a word
    besides its parts, so the phrase "falah al fayadh" never matched "Falah al-Fayadh"."""
    phrase = '"' + " ".join(tokens) + '"'
    return _ranked_articles(session, phrase, "plainto_tsquery", " ".join(tokens), limit)


def _ranked_articles(
    session: Session, match: str, tsquery: str, terms: str, limit: int
) -> list[tuple[int, float]]:
    """(article id, rank), best first: articles matching `match` (an FTS5 query) on
    SQLite, or `tsquery('simple', terms)` on PostgreSQL. Higher ranks are better on both."""
    if tsquery not in TSQUERY_FUNCTIONS:  # it is written into the SQL
        raise ValueError(f"not a tsquery function: {tsquery}")
    if session.get_bind().dialect.name == "sqlite":
        rows = session.execute(
            text(
                "SELECT rowid, bm25(article_fts) AS r FROM article_fts "
                "WHERE article_fts MATCH :q ORDER BY r LIMIT :n"
            ),
            {"q": match, "n": limit},
        )
        return [(rowid, -rank) for rowid, rank in rows]  # bm25: lower is better
    vector = pg_folded_vector("text")
    rows = session.execute(
        text(
            f"SELECT id, ts_rank({vector}, q) AS r FROM article, "
            f"{tsquery}('simple', :q) q WHERE {vector} @@ q ORDER BY r DESC LIMIT :n"
        ),
        {"q": terms, "n": limit},
    )
    return [(aid, float(rank)) for aid, rank in rows]


def candidate_notes(session: Session, tokens: list[str], limit: int) -> list[int]:
    if session.get_bind().dialect.name == "sqlite":
        phrase = '"' + " ".join(tokens) + '"'
        rows = session.execute(
            text(
                "SELECT rowid FROM note_fts WHERE note_fts MATCH :q "
                "ORDER BY bm25(note_fts) LIMIT :n"
            ),
            {"q": phrase, "n": limit},
        )
    else:
        rows = session.execute(
            text(
                f"SELECT id FROM annotation WHERE {pg_folded_vector('note')} @@ "
                "plainto_tsquery('simple', :q) LIMIT :n"  # every token: see candidate_articles
            ),
            {"q": " ".join(tokens), "n": limit},
        )
    return [r[0] for r in rows]


def related_articles(session: Session, words: list[str], limit: int) -> list[int]:
    """Articles sharing the most, and the rarest, of these words, best first (bm25 on
    SQLite, ts_rank on PostgreSQL): where other reports of a passage are likely to be."""
    tokens = list(dict.fromkeys(query_tokens(" ".join(words))))
    if not tokens:
        return []
    any_word = " OR ".join(f'"{t}"' for t in tokens)
    ranked = _ranked_articles(session, any_word, "to_tsquery", " | ".join(tokens), limit)
    return [article_id for article_id, _rank in ranked]


def snippet(source: str, start: int, end: int, context: int = 60) -> str:
    """The match with some words either side, on one line."""
    left = max(0, start - context)
    right = min(len(source), end + context)
    text_ = " ".join(source[left:right].split())
    return ("…" if left else "") + text_ + ("…" if right < len(source) else "")


def search_project(session: Session, query: str, limit: int = 50) -> list[SearchHit]:
    """Hits for `query` in article text (outside boilerplate) and in notes, best first."""
    tokens = query_tokens(query)
    if not tokens:
        return []
    pattern = phrase_pattern(tokens)
    hits: list[SearchHit] = []
    for article_id, score in candidate_articles(session, tokens, CANDIDATE_ARTICLES):
        hits.extend(_article_hits(session, article_id, score, pattern, limit - len(hits)))
        if len(hits) >= limit:
            return hits
    for annotation_id in candidate_notes(session, tokens, limit - len(hits)):
        row = session.get(AnnotationRow, annotation_id)
        match = pattern.search(fold_chars(row.note)) if row else None
        if row is not None and match is not None:
            hits.append(
                SearchHit(
                    ArticleId(row.article_id),
                    row.start,
                    row.end,
                    "Note: " + snippet(row.note, match.start(), match.end()),
                    annotation_id=AnnotationId(row.id),
                )
            )
    return hits


def _article_hits(
    session: Session, article_id: int, score: float, pattern: re.Pattern[str], room: int
) -> list[SearchHit]:
    body = session.scalar(select(ArticleRow.text).where(ArticleRow.id == article_id)) or ""
    excluded = session.execute(
        select(ExcludedSpanRow.start, ExcludedSpanRow.end).where(
            ExcludedSpanRow.article_id == article_id
        )
    ).all()
    found = []
    for match in pattern.finditer(fold_chars(body)):
        if any(s <= match.start() < e for s, e in excluded):
            continue
        found.append(
            SearchHit(
                ArticleId(article_id),
                match.start(),
                match.end(),
                snippet(body, match.start(), match.end()),
                score,
            )
        )
        if len(found) >= room:
            break
    return found


FTS_TABLE_PREFIXES = ("article_fts", "note_fts")


def is_search_index(name: str | None) -> bool:
    """FTS5 tables and their shadow tables live outside the ORM schema (migration 0002)."""
    return bool(name) and name.startswith(FTS_TABLE_PREFIXES)
