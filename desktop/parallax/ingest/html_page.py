"""Web pages saved from a browser: the article extracted with trafilatura, offline.

Nothing is fetched: trafilatura gets the markup as a string (never a URL), images and
scripts are not followed, and lxml's parser has network access off. The page's own bytes
are kept as the article's original for provenance.
"""

from __future__ import annotations

import codecs
import functools
import logging
import re
from configparser import ConfigParser
from pathlib import Path
from urllib.parse import urlsplit

from parallax.domain.errors import ImportFailedError
from parallax.ingest.decode import clean_controls, decode_text, make_canonical
from parallax.ingest.document import ReadDocument, iso_date

logger = logging.getLogger(__name__)

_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I
)
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.I)
_CANONICAL = re.compile(r"""<link[^>]{0,200}?rel=["']?canonical["']?[^>]{0,200}?>""", re.I)
_HREF = re.compile(r"""href=["']?([^"'\s>]+)""", re.I)
_HTML_LANG = re.compile(r"""<html[^>]{0,300}?\blang=["']?([A-Za-z]{2,3})\b""", re.I)
# Pages with more elements than this are not articles (trafilatura then gives up cleanly).
MAX_TREE_SIZE = 300_000


def read_html(path: Path, data: bytes) -> ReadDocument:
    """Extract the article from a saved .html page; keep the markup bytes."""
    markup = decode_markup(data, str(path))
    return html_document(
        markup, name=str(path), original=data, original_type="text/html", importer="html"
    )


def decode_markup(data: bytes, name: str) -> str:
    """Bytes of a page as str: the charset the page declares if the bytes agree (pages
    saved by hand often declare UTF-8 and are not), else detection."""
    declared = _META_CHARSET.search(data[:8192])
    if declared and not data.startswith(
        (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    ):
        encoding = _known_codec(declared.group(1).decode("ascii"))
        if encoding:
            try:
                return clean_controls(data.decode(encoding))
            except UnicodeDecodeError:
                logger.info("%s is not in the %s it declares", name, encoding)
    return decode_text(data, name)


def _known_codec(label: str) -> str | None:
    """The Python codec for a declared charset; browsers read latin-1 as windows-1252."""
    label = label.strip().lower()
    if label in ("iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii"):
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def html_document(
    markup: str,
    *,
    name: str,
    original: bytes,
    original_type: str,
    importer: str,
    url: str = "",
) -> ReadDocument:
    """The article in `markup` with the page's metadata (title, site, author, date, URL)."""
    url = url or page_url(markup)
    extracted = _extract(markup, url, name)
    body = getattr(extracted, "text", "") if extracted is not None else ""
    if not body or not body.strip():
        raise ImportFailedError(
            name, "no article text was found in this page (is it an empty or script-only page?)"
        )
    found_url = getattr(extracted, "url", "") or url
    language = _HTML_LANG.search(markup[:5000])
    return ReadDocument(
        text=make_canonical(body),
        title=getattr(extracted, "title", "") or "",
        outlet=getattr(extracted, "sitename", "") or "",
        site=site_of(found_url),
        url=found_url,
        author=getattr(extracted, "author", "") or "",
        published=iso_date(getattr(extracted, "date", None)),
        language=language.group(1).lower() if language else "",
        original=original,
        original_type=original_type,
        importer=importer,
    )


# Below this many characters the fast extraction may have missed the article, and the
# slower one with trafilatura's fallback extractors (readability, jusText) is tried.
_SHORT_TEXT = 500


def _extract(markup: str, url: str, name: str) -> object:
    """trafilatura, fast first, thoroughly when that finds little; comments left out (they
    are not the article), tables kept. Parser failures on broken markup become refusals."""
    from lxml import etree

    try:
        extracted = _run_trafilatura(markup, url, fast=True)
        if len(getattr(extracted, "text", "") or "") < _SHORT_TEXT:
            thorough = _run_trafilatura(markup, url, fast=False)
            if len(getattr(thorough, "text", "") or "") > len(getattr(extracted, "text", "") or ""):
                extracted = thorough
        return extracted
    except (ValueError, TypeError, RecursionError, LookupError, etree.LxmlError) as exc:
        logger.info("trafilatura failed on %s", name, exc_info=True)
        raise ImportFailedError(
            name, f"the page could not be parsed ({exc.__class__.__name__})"
        ) from None


def _run_trafilatura(markup: str, url: str, *, fast: bool) -> object:
    import trafilatura

    tree = _parse(markup)  # trafilatura prunes the tree it is given: a fresh one each time
    if tree is None:
        return None
    return trafilatura.bare_extraction(
        tree,
        url=url or None,
        fast=fast,
        favor_recall=not fast,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        config=_config(),
    )


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]{0,200}\?>")
# Never article text, and most of a saved page's elements: dropping them first makes
# trafilatura three times faster. JSON-LD scripts stay, they carry the metadata.
_PRUNE = (
    '//script[not(@type="application/ld+json")]|//style|//noscript|//svg|//template'
    '|//iframe|//object|//embed|//nav|//*[@role="navigation"]'
)


def _parse(markup: str) -> object:
    """An lxml tree of the page (network off), with scripts, styles and menus dropped."""
    from lxml import html

    parser = html.HTMLParser(
        collect_ids=False, remove_comments=True, remove_pis=True, no_network=True
    )
    markup = _XML_DECLARATION.sub("", markup, count=1)
    if not markup.strip():
        return None
    tree = html.document_fromstring(markup, parser=parser)
    for element in tree.xpath(_PRUNE):
        element.drop_tree()
    return tree


@functools.cache
def _config() -> ConfigParser:
    """trafilatura's settings with a tree-size cap; built once, never changed after."""
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MAX_TREE_SIZE", str(MAX_TREE_SIZE))
    return config


def page_url(markup: str) -> str:
    """Where the page was saved from: the browser's "saved from url" note, else canonical."""
    saved = _SAVED_FROM.search(markup[:4096])
    if saved:
        return saved.group(1)
    link = _CANONICAL.search(markup[:200_000])
    href = _HREF.search(link.group(0)) if link else None
    return href.group(1) if href and href.group(1).startswith("http") else ""


def site_of(url: str) -> str:
    """The host of a URL without "www.": how outlets are matched across saves."""
    if not url:
        return ""
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")
