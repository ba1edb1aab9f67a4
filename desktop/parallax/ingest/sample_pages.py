"""Realistic saved news pages, generated, for the import benchmark and tests.

Each page looks like what "Save Page As…" writes for a news site: a "saved from url"
comment, Open Graph and JSON-LD metadata, inline CSS and scripts, a long navigation menu,
sign-in prompts, breadcrumbs, the article with a by-line, a figure with a remote image,
share buttons, related links, a comment thread and a footer — about 2,000 elements, every
page with its own text so none is a duplicate of another.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from html import escape
from pathlib import Path

_SITES = (
    ("Rudaw", "www.rudaw.net"),
    ("Press TV", "www.presstv.ir"),
    ("Syria Times", "syriatimes.sy"),
    ("South Front", "southfront.org"),
    ("Al-Monitor", "www.al-monitor.com"),
)
_ACTORS = (
    "President Bashar al-Assad",
    "Iraqi National Security Advisor Faleh al-Fayyad",
    "Prime Minister Haider al-Abadi",
    "General Othman al-Ghanmi",
    "the Syrian Defense Ministry",
    "a high-level Iraqi delegation",
    "the Popular Mobilization Units",
    "the Syrian Arab Army",
)
_PLACES = ("Damascus", "Baghdad", "Erbil", "Mosul", "Al Tanf", "Deir ez-Zor", "Raqqa", "Abu Kamal")
_VERBS = ("discussed", "reviewed", "stressed", "welcomed", "examined", "agreed on", "praised")
_TOPICS = (
    "military coordination on the shared border",
    "the exchange of intelligence against Daesh",
    "a joint operations room",
    "the reopening of the border crossing",
    "security cooperation between the two armies",
    "the return of displaced families",
    "reconstruction in liberated areas",
)
_FILLER = (
    "officials said",
    "according to a statement",
    "state media reported",
    "a spokesman added",
    "sources familiar with the talks said",
)
_NAMES = ("Dutchman", "camel farmer", "Expo Marker", "Brad Isherwood", "Sabir", "MKAA", "duroi")


def sentence(rng: random.Random) -> str:
    """One plausible news sentence; the serial number keeps pages apart."""
    date = dt.date(2016, 1, 1) + dt.timedelta(days=rng.randrange(900))
    actor = rng.choice(_ACTORS)
    return (
        f"{actor[0].upper()}{actor[1:]} {rng.choice(_VERBS)} {rng.choice(_TOPICS)} in "
        f"{rng.choice(_PLACES)} on {date:%B} {date.day}, {rng.choice(_FILLER)}, "
        f"in talks numbered {rng.randrange(10**6)}."
    )


def page_html(index: int, seed: int = 0) -> str:
    """The markup of page `index`: the same index and seed always give the same page."""
    rng = random.Random(seed * 1_000_003 + index)
    site, host = _SITES[index % len(_SITES)]
    published = dt.date(2016, 1, 1) + dt.timedelta(days=rng.randrange(900))
    title = f"{rng.choice(_ACTORS).split(' ', 1)[-1].title()} {rng.choice(_VERBS)} talks {index}"
    url = f"https://{host}/news/{published:%Y/%m/%d}/story-{index}.html"
    paragraphs = [" ".join(sentence(rng) for _ in range(rng.randint(2, 4))) for _ in range(12)]
    parts = [
        _head(title, site, url, published, rng),
        _chrome_top(rng),
        _article(title, site, published, paragraphs),
        _chrome_bottom(site, rng),
    ]
    return "".join(parts)


def _head(title: str, site: str, url: str, published: dt.date, rng: random.Random) -> str:
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": title,
        "datePublished": f"{published.isoformat()}T09:30:00+03:00",
        "publisher": {"@type": "Organization", "name": site},
    }
    css = "".join(f".c{i}{{margin:{i}px;color:#{i:06x}}}" for i in range(300))
    js = "".join(f"function f{i}(a){{return a*{i}+{rng.randrange(99)};}}" for i in range(300))
    return (
        f"<!DOCTYPE html>\n<!-- saved from url=({len(url):04d}){url} -->\n"
        f'<html lang="en"><head><meta charset="utf-8"><title>{escape(title)} | {site}</title>'
        f'<meta property="og:title" content="{escape(title)}">'
        f'<meta property="og:site_name" content="{site}"><meta property="og:url" content="{url}">'
        f'<link rel="canonical" href="{url}">'
        f'<meta property="article:published_time" content="{published.isoformat()}">'
        f'<script type="application/ld+json">{json.dumps(ld)}</script>'
        f"<style>{css}</style><script>{js}</script>"
        f'<link rel="stylesheet" href="https://cdn.example.net/site.css"></head><body>'
    )


def _chrome_top(rng: random.Random) -> str:
    menu = "".join(
        f'<li class="c{i % 300}"><a href="/section/{i}">Section {i}</a>'
        f'<ul><li><a href="/section/{i}/a">Sub A</a></li><li><a href="/section/{i}/b">Sub B</a>'
        "</li></ul></li>"
        for i in range(120)
    )
    return (
        f'<header><div class="top"><a href="/login">Sign In / Up</a> <a href="/register">'
        f"Register</a></div><nav><ul>{menu}</ul></nav></header>"
        '<div class="breadcrumbs"><a href="/news">News</a> / <a href="/iraq">Iraq</a> / '
        f'<a href="/syria">Syria</a></div><div class="ad" id="ad{rng.randrange(99)}"></div>'
    )


def _article(title: str, site: str, published: dt.date, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        f'<main><article><h1 class="title">{escape(title)}</h1>'
        f'<div class="byline">By {site} <time datetime="{published.isoformat()}">'
        f"{published.day}/{published.month}/{published.year}</time></div>"
        '<figure><img src="https://cdn.example.net/photos/1.jpg" alt="">'
        "<figcaption>Officials meet in Damascus. Photo: agency.</figcaption></figure>"
        f'<div class="content">{body}</div>'
        '<div class="share"><span>SHARE THIS ARTICLE</span><a href="#">Facebook</a>'
        '<a href="#">Twitter</a></div></article>'
    )


def _chrome_bottom(site: str, rng: random.Random) -> str:
    related = "".join(
        f'<li><a href="/news/{rng.randrange(10**6)}">{escape(sentence(rng)[:70])}</a></li>'
        for _ in range(12)
    )
    comments = "".join(
        f'<div class="comment"><span class="author">{rng.choice(_NAMES)}</span> | '
        f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/2017<p>This will never happen!!! "
        f"{escape(sentence(rng))}</p></div>"
        for _ in range(6)
    )
    footer = "".join(f'<a href="/page/{i}">Page {i}</a> ' for i in range(60))
    return (
        f'<aside class="related"><h3>Related Articles</h3><ul>{related}</ul></aside>'
        f'<section id="comments" class="comments"><h3>Comments</h3>{comments}</section></main>'
        f"<footer>{footer}<p>© 2017 {site}. All rights reserved.</p></footer>"
        '<script src="https://ads.example.net/ad.js"></script></body></html>'
    )


def write_pages(folder: Path, count: int, *, seed: int = 0) -> list[Path]:
    """Write `count` pages into `folder` (created if needed) and return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"page-{index:05d}.html"
        path.write_text(page_html(index, seed), encoding="utf-8")
        paths.append(path)
    return paths
