"""Deterministic synthetic projects for the benchmark, cached outside the repository.

Texts are assembled from varied sentences (names, places, numbers, dates), so search and
suggestions have real work to do; some articles carry Arabic paragraphs and emoji.
Rows go in with bulk inserts: generating 10,000 articles through the import path would
measure the importer, which has its own budget row.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import random
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from sqlalchemy import insert

import parallax
from parallax.store.engine import Store, database_url
from parallax.store.tables import (
    ActorAliasRow,
    ActorRow,
    AnnotationActorRow,
    AnnotationRow,
    ArticleRow,
    EventLinkRow,
    EventRow,
    OutletRow,
)

GENERATOR_VERSION = 4
HEAVY_ANNOTATIONS = 2000

FIRST = "Faleh Haider Bashar Othman Adel Hassan Mahmoud Ali Omar Khalid Nouri Qasim Hadi Ammar"
LAST = "Fayyad Abadi Assad Ghanmi Mahdi Maliki Sadr Amiri Hakim Jaafari Barzani Talabani Nasrallah"
PLACES = "Damascus Baghdad Mosul Raqqa Tanf Aleppo Erbil Tehran Moscow Deir-ez-Zor Falluja Homs"
VERBS = "met discussed rejected welcomed announced denied confirmed reported criticised praised"
TOPICS = (
    "border security",
    "military cooperation",
    "the fight against ISIS",
    "intelligence sharing",
    "reconstruction funds",
    "the return of refugees",
    "oil exports",
    "a joint operations room",
    "prisoner exchanges",
    "airstrikes near the border",
)
ARABIC = "استقبل الرئيس بشار الأسد مستشار الأمن الوطني العراقي فالح الفياض في دمشق اليوم."
EMOJI = "🇸🇾 🇮🇶 📢 ✅"


@dataclass(frozen=True)
class Size:
    articles: int

    @property
    def actors(self) -> int:
        return max(200, self.articles // 5)

    @property
    def events(self) -> int:
        return max(500, self.articles // 2)

    @property
    def heavy_articles(self) -> int:
        return 3


def cache_dir() -> Path:
    folder = Path(platformdirs.user_cache_dir("parallax-bench"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def project_path(articles: int) -> Path:
    return cache_dir() / f"bench-{articles}-v{GENERATOR_VERSION}.parallax"


def ensure_project(articles: int) -> Path:
    """The cached synthetic project of this size, generated on first use."""
    path = project_path(articles)
    if not path.exists():
        print(f"-- generating the {articles:,}-article project once, into {path}", flush=True)
        partial = path.with_suffix(".partial")
        for leftover in partial.parent.glob(partial.name + "*"):
            leftover.unlink()
        generate(partial, Size(articles))
        for suffix in ("-wal", "-shm"):
            Path(str(partial) + suffix).unlink(missing_ok=True)
        partial.rename(path)
    return path


def sentence(rng: random.Random) -> str:
    who = f"{rng.choice(FIRST.split())} al-{rng.choice(LAST.split())}"
    other = f"{rng.choice(FIRST.split())} {rng.choice(LAST.split())}"
    day = dt.date(2014, 1, 1) + dt.timedelta(days=rng.randrange(1800))
    forms = (
        f"{who} {rng.choice(VERBS.split())} {rng.choice(TOPICS)} with {other} in "
        f"{rng.choice(PLACES.split())} on {day:%B} {day.day}, {day.year}.",
        f"According to officials, {rng.randrange(2, 900)} fighters moved towards "
        f"{rng.choice(PLACES.split())} last week, and {who} said the move was planned.",
        f"In {rng.choice(PLACES.split())}, {other} {rng.choice(VERBS.split())} "
        f"{rng.choice(TOPICS)}, a step observers called significant.",
        f"The statement, released on {day:%A}, said {rng.choice(TOPICS)} would continue.",
    )
    return rng.choice(forms)


def article_text(rng: random.Random, target: int) -> str:
    paragraphs = [f"Report on {rng.choice(TOPICS)} in {rng.choice(PLACES.split())}"]
    size = len(paragraphs[0])
    while size < target:
        para = " ".join(sentence(rng) for _ in range(rng.randint(2, 6)))
        if rng.random() < 0.05:
            para = ARABIC + " " + para
        if rng.random() < 0.03:
            para = EMOJI + " " + para
        paragraphs.append(para)
        size += len(para) + 2
    return "\n\n".join(paragraphs)


def article_length(rng: random.Random) -> int:
    """2–100 KB, most articles a few KB (log-normal, as news archives are)."""
    return int(min(100_000, max(2_000, math.exp(rng.gauss(8.7, 0.8)))))


def generate(path: Path, size: Size) -> None:
    rng = random.Random(size.articles)
    parallax.open_project(path).close()
    store = Store(database_url(path))
    with store.transaction() as s:
        s.execute(
            insert(OutletRow),
            [{"name": f"Outlet {i:02d}", "reliability": "ABCDEF"[i % 6]} for i in range(40)],
        )
        texts = _insert_articles(s, rng, size)
        _insert_actors(s, rng, size)
        _insert_annotations(s, rng, size, texts)
        _insert_events(s, rng, size)
    store.close()


def _insert_articles(s, rng: random.Random, size: Size) -> list[str]:
    texts: list[str] = []
    batch: list[dict] = []
    for i in range(size.articles):
        target = (
            1_000_000 if i == 0 else 100_000 if i <= size.heavy_articles else article_length(rng)
        )
        text = article_text(rng, target)
        texts.append(text)
        batch.append(
            {
                "id": i + 1,
                "outlet_id": rng.randrange(1, 41),
                "title": f"{text[:60]} ({i})",
                "text": text,
                "sha256": hashlib.sha256(f"{i}:{text}".encode()).hexdigest(),
                "published": dt.date(2014, 1, 1) + dt.timedelta(days=rng.randrange(1800)),
                "language": "en",
            }
        )
        if len(batch) == 500:
            s.execute(insert(ArticleRow), batch)
            batch = []
    if batch:
        s.execute(insert(ArticleRow), batch)
    return texts


def _insert_actors(s, rng: random.Random, size: Size) -> None:
    s.execute(
        insert(ActorRow),
        [
            {"id": i + 1, "name": f"{rng.choice(FIRST.split())} al-{rng.choice(LAST.split())} {i}"}
            for i in range(size.actors)
        ],
    )
    s.execute(
        insert(ActorAliasRow),
        [
            {"actor_id": i + 1, "alias": f"alias {i}-{k}"}
            for i in range(size.actors)
            for k in range(2)
        ],
    )


def _insert_annotations(s, rng: random.Random, size: Size, texts: list[str]) -> None:
    rows, tags = [], []
    next_id = 1
    for article_id, text in enumerate(texts, start=1):
        length = len(text)
        count = HEAVY_ANNOTATIONS if article_id <= size.heavy_articles + 1 else rng.randint(0, 19)
        for _ in range(count):
            start = rng.randrange(0, max(1, length - 200))
            end = min(length, start + rng.randint(20, 180))
            rows.append(
                {
                    "id": next_id,
                    "article_id": article_id,
                    "start": start,
                    "end": end,
                    "quote": text[start:end],
                    "kind": rng.choice(["claim", "quote", "fact", "opinion"]),
                }
            )
            if rng.random() < 0.3:
                tags.append(
                    {
                        "annotation_id": next_id,
                        "actor_id": rng.randrange(1, size.actors + 1),
                        "role": "mentioned",
                    }
                )
            next_id += 1
        if len(rows) > 5000:
            s.execute(insert(AnnotationRow), rows)
            rows = []
    if rows:
        s.execute(insert(AnnotationRow), rows)
    s.execute(insert(AnnotationActorRow), tags)
    s.info["annotation_count"] = next_id - 1


def _insert_events(s, rng: random.Random, size: Size) -> None:
    total = s.info["annotation_count"]
    s.execute(
        insert(EventRow),
        [
            {
                "id": i + 1,
                "title": f"{rng.choice(TOPICS).capitalize()} in {rng.choice(PLACES.split())} #{i}",
                "start": dt.date(2014, 1, 1) + dt.timedelta(days=rng.randrange(1800)),
                "precision": "day",
            }
            for i in range(size.events)
        ],
    )
    links = {(rng.randrange(1, total + 1), i + 1) for i in range(size.events) for _ in range(3)}
    s.execute(
        insert(EventLinkRow),
        [{"annotation_id": a, "event_id": e, "stance": "reports"} for a, e in links],
    )
