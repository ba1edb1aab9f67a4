"""Import a batch of files: each file its own transaction, failures reported, never half-written.

`preview_paths` reads a batch without touching the project, so the import dialog (and the
CLI) can show what was found per file and let the user correct it; `import_paths` then
imports with those corrections (`overrides`), reporting exact duplicates (skipped) and
near-duplicates (imported unless `skip_near_duplicates`, so the user can choose).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from parallax.domain.errors import ImportFailedError, InvalidInputError, KnownError
from parallax.domain.model import Article
from parallax.domain.text import text_sha256
from parallax.ingest.discover import discover as _discover
from parallax.ingest.document import ReadDocument
from parallax.ingest.lines import body_text
from parallax.ingest.manifest import Manifests, parse_published
from parallax.ingest.neardup import NearDuplicateIndex, shingles
from parallax.ingest.pipeline import read_document
from parallax.ingest.readers import format_of
from parallax.services.batch_repeats import BatchRepeat, BatchRepeats
from parallax.store import articles as article_repo
from parallax.store.articles import NewArticle
from parallax.store.engine import Store

logger = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
Overrides = Mapping[str, Mapping[str, object]]
BodySource = Callable[[], Iterable[tuple[int, str]]]
OVERRIDABLE = frozenset(
    {"title", "outlet", "author", "url", "language", "published", "published_precision", "skip"}
)


@dataclass(frozen=True, slots=True)
class ImportFailure:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True, slots=True)
class NearDuplicate:
    """A file whose body nearly repeats an article already in the project."""

    path: str
    existing_article_id: int
    similarity: float

    def __str__(self) -> str:
        return (
            f"{self.path}: nearly the same text as article {self.existing_article_id} "
            f"({self.similarity:.0%} alike); imported anyway (use --skip-near-duplicates)"
        )


class ImportResult(list[Article]):
    """The imported articles, plus what was refused, already there, or nearly there."""

    def __init__(self) -> None:
        super().__init__()
        self.failures: list[ImportFailure] = []
        self.duplicates: list[str] = []
        self.near_duplicates: list[NearDuplicate] = []
        self.skipped: list[str] = []  # left out by the user (override "skip")
        self.cancelled = False


@dataclass(frozen=True, slots=True)
class ImportPreview:
    """What one file would become, for the review table; `error` says why it would fail."""

    path: str
    format: str
    title: str = ""
    outlet: str = ""
    author: str = ""
    published: dt.date | None = None
    published_precision: str = "day"
    url: str = ""
    language: str = ""
    length: int = 0
    boilerplate_spans: int = 0
    error: str = ""
    duplicate_of: int | None = None
    near_duplicate: NearDuplicate | None = None
    repeats: BatchRepeat | None = None  # an earlier file of this batch

    def summary(self) -> str:
        """One line for the CLI report."""
        if self.error:
            return f"FAILS     {self.path}: {self.error}"
        date = (
            f"{self.published.isoformat()} ({self.published_precision})"
            if self.published
            else "no date"
        )
        state = "duplicate" if self.duplicate_of is not None else "new"
        if self.repeats is not None:
            state = "repeat"
        line = (
            f"{state:<9} {self.path}: {self.format}, {self.title[:60]!r}, "
            f"{self.outlet or 'no outlet'}, {date}, {self.language or '?'}, "
            f"{self.length} chars, {self.boilerplate_spans} boilerplate spans"
        )
        if self.repeats is not None:
            alike = "same text as" if self.repeats.exact else f"{self.repeats.similarity:.0%} like"
            line += f" ({alike} {self.repeats.earlier_path}, earlier in this batch)"
        return line


def discover(paths: list[Path]) -> tuple[list[Path], list[ImportFailure]]:
    """Files under the given paths, recursively; problems as ImportFailures."""
    files, problems = _discover(paths)
    return files, [ImportFailure(p.path, p.reason) for p in problems]


def _key(path: str | os.PathLike[str]) -> str:
    return os.path.abspath(os.fspath(path))


def check_overrides(overrides: Overrides | None) -> dict[str, dict[str, object]]:
    """Overrides keyed by absolute path; raises InvalidInputError on an unknown field."""
    checked: dict[str, dict[str, object]] = {}
    for path, fields in (overrides or {}).items():
        unknown = set(fields) - OVERRIDABLE
        if unknown:
            raise InvalidInputError(
                f"Cannot override {', '.join(sorted(unknown))} for {path}; "
                f"the fields that can be corrected are {', '.join(sorted(OVERRIDABLE))}."
            )
        checked[_key(path)] = dict(fields)
    return checked


def apply_overrides(doc: ReadDocument, fields: Mapping[str, object]) -> ReadDocument:
    """The user's corrections win over everything found; an empty value clears a field."""
    changes: dict[str, object] = {
        k: ("" if v is None else str(v))
        for k, v in fields.items()
        if k in ("title", "outlet", "author", "url", "language")
    }
    if "published" in fields:
        value = fields["published"]
        if isinstance(value, dt.date):
            changes.update(published=value, published_precision="day")
        else:
            date, precision = parse_published(str(value or ""))
            changes.update(published=date, published_precision=precision)
    if fields.get("published_precision"):
        changes["published_precision"] = str(fields["published_precision"])
    if "url" in changes:
        from parallax.ingest.html_page import site_of

        changes["site"] = site_of(str(changes["url"]))
    return replace(doc, **changes)


def _body(doc: ReadDocument) -> str:
    return body_text(doc.text, doc.excluded)


def stored_bodies(store: Store) -> Iterator[tuple[int, str]]:
    """(id, body) of every article in the project, the excluded spans left out."""
    with store.reading() as session:
        all_spans = article_repo.spans_by_article(session)
        for article in article_repo.list_articles(session):
            spans = [(s.start, s.end) for s in all_spans.get(article.id, ())]
            yield article.id, body_text(article.text, spans)


def stored_body(store: Store, article_id: int) -> str:
    """One article's body, loaded when a near-duplicate candidate must be confirmed."""
    with store.reading() as session:
        article = article_repo.get_article(session, article_id)
        spans = [(s.start, s.end) for s in article_repo.spans_for(session, article_id)]
    return body_text(article.text, spans)


class _NearDuplicates:
    """The near-duplicate index, filled the first time it is needed: from `existing` when
    given (kept in memory to confirm candidates), else from the project itself."""

    def __init__(self, store: Store, existing: BodySource | None) -> None:
        self._store = store
        self._existing = existing
        self._given: dict[int, str] = {}
        self._index: NearDuplicateIndex | None = None

    @property
    def index(self) -> NearDuplicateIndex:
        if self._index is None:
            self._index = NearDuplicateIndex(self._body)
            if self._existing is None:
                self._index.extend(stored_bodies(self._store))
            else:
                self._given = dict(self._existing())
                self._index.extend(self._given.items())
        return self._index

    def _body(self, article_id: int) -> str:
        if article_id in self._given:
            return self._given[article_id]
        return stored_body(self._store, article_id)


def preview_paths(
    paths: Iterable[str | os.PathLike[str]],
    *,
    store: Store | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[ImportPreview]:
    """Read every file as the import would, writing nothing; one row per file (fewer when
    `cancelled` turns true). With a `store`, rows also say whether the text, or nearly
    the same body, is already in the project.
    """
    files, problems = discover([Path(p) for p in paths])
    previews = [ImportPreview(p.path, "", error=p.reason) for p in problems]
    manifests = Manifests()
    near = _NearDuplicates(store, None) if store is not None else None
    batch = BatchRepeats()
    for n, path in enumerate(files, start=1):
        if cancelled is not None and cancelled():
            break
        if progress is not None:
            progress(n, len(files), path.name)
        previews.append(_preview_one(path, manifests, store, near, batch))
    previews.extend(
        ImportPreview(path, "manifest", error=reason) for path, reason in manifests.problems
    )
    return previews


def _preview_one(
    path: Path,
    manifests: Manifests,
    store: Store | None,
    near: _NearDuplicates | None,
    batch: BatchRepeats,
) -> ImportPreview:
    try:
        doc = manifests.apply(path, read_document(path))
    except ImportFailedError as exc:
        return ImportPreview(str(path), format_of(path), error=exc.reason)
    duplicate_of = similar = None
    body, checksum = _body(doc), text_sha256(doc.text)
    if store is not None and near is not None:
        with store.reading() as session:
            duplicate_of = article_repo.article_id_by_sha(session, checksum)
        match = near.index.find(body) if duplicate_of is None else None
        if match is not None:
            similar = NearDuplicate(str(path), match.article_id, match.similarity)
    repeats = batch.add(str(path), checksum, body)
    if duplicate_of is not None or similar is not None:
        repeats = None  # what the project holds says more
    return ImportPreview(
        path=str(path),
        format=doc.importer,
        title=doc.title,
        outlet=doc.outlet,
        author=doc.author,
        published=doc.published,
        published_precision=doc.published_precision,
        url=doc.url,
        language=doc.language,
        length=len(doc.text),
        boilerplate_spans=len(doc.excluded),
        duplicate_of=duplicate_of,
        near_duplicate=similar,
        repeats=repeats,
    )


def import_paths(
    store: Store,
    paths: list[Path],
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    overrides: Overrides | None = None,
    skip_near_duplicates: bool = False,
    existing_bodies: BodySource | None = None,
) -> ImportResult:
    """Import files and folders; each file is one transaction, or nothing at all.

    `overrides` maps a path (as listed by `preview_paths`) to corrected fields (see
    OVERRIDABLE; "skip": True leaves the file out). Near-duplicates are found against the
    project's articles (or `existing_bodies`, when given) and the batch's earlier files.
    """
    checked = check_overrides(overrides)
    result = ImportResult()
    files, problems = discover(paths)
    result.failures.extend(problems)
    manifests = Manifests()
    near = _NearDuplicates(store, existing_bodies)
    for n, path in enumerate(files, start=1):
        if cancelled is not None and cancelled():
            result.cancelled = True
            break
        if progress is not None:
            progress(n, len(files), path.name)
        fields = checked.get(_key(path), {})
        if fields.get("skip"):
            result.skipped.append(str(path))
            continue
        try:
            doc = apply_overrides(manifests.apply(path, read_document(path)), fields)
            article = _import_one(store, path, doc, near, result, skip_near_duplicates)
        except KnownError as exc:
            reason = exc.reason if isinstance(exc, ImportFailedError) else str(exc)
            result.failures.append(ImportFailure(str(path), reason))
            logger.info("import failed: %s: %s", path, reason)
            continue
        if article is not None:
            result.append(article)
    result.failures.extend(ImportFailure(p, reason) for p, reason in manifests.problems)
    return result


def _import_one(
    store: Store,
    path: Path,
    doc: ReadDocument,
    near: _NearDuplicates,
    result: ImportResult,
    skip_near: bool,
) -> Article | None:
    sha = text_sha256(doc.text)
    hashes = shingles(_body(doc))
    with store.transaction() as session:
        if article_repo.article_id_by_sha(session, sha) is not None:
            result.duplicates.append(str(path))
            return None
        match = near.index.find("", hashes)
        if match is not None:
            result.near_duplicates.append(
                NearDuplicate(str(path), match.article_id, match.similarity)
            )
            if skip_near:
                return None
        outlet = _matched_outlet(session, doc)
        article = article_repo.add_article(session, _new_article(doc, sha, outlet, path))
    near.index.add_shingles(article.id, hashes)
    return article


def _matched_outlet(session: object, doc: ReadDocument) -> str:
    """The name of the outlet this document belongs to: an existing outlet with the same
    name or the same site is reused (a page without a site name gets its host's outlet)."""
    if not doc.site:
        return doc.outlet.strip()
    outlet_id = article_repo.outlet_id_for(session, doc.outlet or doc.site, doc.site)  # type: ignore[arg-type]
    if outlet_id is None:
        return doc.outlet.strip()
    return article_repo.get_outlet(session, outlet_id).name  # type: ignore[arg-type]


def _new_article(doc: ReadDocument, sha: str, outlet: str, path: Path) -> NewArticle:
    return NewArticle(
        text=doc.text,
        sha256=sha,
        title=doc.title,
        outlet=outlet,
        url=doc.url,
        author=doc.author,
        published=doc.published,
        published_precision=doc.published_precision,
        language=doc.language,
        original=doc.original,
        original_type=doc.original_type,
        source_file=str(path),
        importer=doc.importer,
        excluded=doc.excluded,
    )
