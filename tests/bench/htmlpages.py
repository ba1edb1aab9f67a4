"""Saved news pages for the import budget: real page structure around a varied article."""

from __future__ import annotations

import datetime as dt
import html
import random
from pathlib import Path

from tests.bench.synth import PLACES, TOPICS, article_text

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | {site}</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{site}">
<meta name="author" content="{author}">
<meta property="article:published_time" content="{date}T08:30:00Z">
<link rel="canonical" href="https://www.{domain}/news/{slug}">
<script src="https://cdn.{domain}/app.js"></script>
<link rel="stylesheet" href="https://cdn.{domain}/site.css">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/middle-east">Middle East</a></li>
<li><a href="/login">Sign in</a></li></ul></nav></header>
<main><article><h1>{title}</h1><p class="byline">By {author} · {date}</p>
<img src="https://img.{domain}/{slug}.jpg" alt="photo">
{paragraphs}
</article>
<aside><h3>Related articles</h3><ul>{related}</ul></aside>
<section class="comments"><h3>Comments</h3>{comments}</section></main>
<footer><p>© {site}. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>
"""


def page(rng: random.Random, n: int) -> str:
    text = article_text(rng, rng.randint(2500, 9000))
    title, *paras = text.split("\n\n")
    site = f"Outlet {n % 40:02d} News"
    day = dt.date(2014, 1, 1) + dt.timedelta(days=rng.randrange(1800))
    return PAGE.format(
        title=html.escape(f"{title} ({n})"),
        site=site,
        domain=f"outlet{n % 40:02d}.example",
        slug=f"story-{n}",
        author=f"Reporter {n % 97}",
        date=day.isoformat(),
        paragraphs="\n".join(f"<p>{html.escape(p)}</p>" for p in paras),
        related="".join(
            f"<li><a href='/r{k}'>{rng.choice(TOPICS)} in {rng.choice(PLACES.split())}</a></li>"
            for k in range(5)
        ),
        comments="".join(
            f"<div class='comment'><b>user{k}</b> <span>{day}</span><p>I disagree.</p></div>"
            for k in range(rng.randint(0, 6))
        ),
    )


def write_pages(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(count)
    for n in range(count):
        (folder / f"page-{n:04d}.html").write_text(page(rng, n), "utf-8")
    return folder
