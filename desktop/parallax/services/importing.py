"""Import a batch of files: each file its own transaction, failures reported, never half-written."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from parallax.domain.errors import ImportFailedError, KnownError
from parallax.domain.model import Article
from parallax.domain.text import text_sha256
from parallax.ingest.document import ReadDocument
from parallax.ingest.manifest import ManifestEntry, is_manifest, load_manifest
from parallax.ingest.readers import read_file
from parallax.store import articles as article_repo
from parallax.store.articles import NewArticle
from parallax.store.engine import Store

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ImportFailure:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class ImportResult(list[Article]):
    """The imported articles, plus what was refused (`failures`) or already there."""

    def __init__(self) -> None:
        super().__init__()
        self.failures: list[ImportFailure] = []
        self.duplicates: list[str] = []
        self.cancelled = False


def discover(paths: list[Path]) -> tuple[list[Path], list[ImportFailure]]:
    """Files under the given paths, recursively, in a stable order; manifests left out."""
    files: list[Path] = []
    problems: list[ImportFailure] = []
    seen_dirs: set[str] = set()
    for path in paths:
        if path.is_dir():
            files.extend(_walk(path, seen_dirs, problems))
        elif path.exists() or path.is_symlink():
            if not is_manifest(path):
                files.append(path)
        else:
            problems.append(ImportFailure(str(path), "no such file or folder"))
    return files, problems


def _walk(folder: Path, seen: set[str], problems: list[ImportFailure]) -> Iterator[Path]:
    real = os.path.realpath(folder)
    if real in seen:
        return  # a symlink loop, or the same folder twice
    seen.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        problems.append(
            ImportFailure(str(folder), f"the folder could not be read ({exc.strerror})")
        )
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_dir():
            yield from _walk(path, seen, problems)
        elif not is_manifest(path) and not _is_project_file(path):
            yield path


def _is_project_file(path: Path) -> bool:
    """Project databases (and their WAL files) found while walking a folder are not articles."""
    return path.name.endswith((".parallax", ".parallax-wal", ".parallax-shm", ".parallax-journal"))


class _Manifests:
    """Manifests by folder, loaded once each."""

    def __init__(self, result: ImportResult) -> None:
        self._cache: dict[Path, dict[str, ManifestEntry]] = {}
        self._result = result

    def entry_for(self, path: Path) -> ManifestEntry | None:
        folder = path.parent
        if folder not in self._cache:
            self._cache[folder] = {}
            for candidate in folder.iterdir() if folder.is_dir() else ():
                if is_manifest(candidate):
                    try:
                        self._cache[folder].update(load_manifest(candidate))
                    except ImportFailedError as exc:
                        self._result.failures.append(ImportFailure(exc.path, exc.reason))
        return self._cache[folder].get(path.name)


def _apply(doc: ReadDocument, entry: ManifestEntry | None) -> ReadDocument:
    if entry is None:
        return doc
    extra: dict[str, object] = dict(entry.fields)
    if entry.published is not None:
        extra.update(published=entry.published, published_precision=entry.precision)
    return doc.with_metadata(**extra)


def import_paths(
    store: Store,
    paths: list[Path],
    *,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportResult:
    result = ImportResult()
    files, problems = discover(paths)
    result.failures.extend(problems)
    manifests = _Manifests(result)
    for n, path in enumerate(files, start=1):
        if cancelled is not None and cancelled():
            result.cancelled = True
            break
        if progress is not None:
            progress(n, len(files), path.name)
        try:
            article = _import_one(store, path, manifests.entry_for(path), result)
        except KnownError as exc:
            reason = exc.reason if isinstance(exc, ImportFailedError) else str(exc)
            result.failures.append(ImportFailure(str(path), reason))
            logger.info("import failed: %s: %s", path, reason)
            continue
        if article is not None:
            result.append(article)
    return result


def _import_one(
    store: Store, path: Path, entry: ManifestEntry | None, result: ImportResult
) -> Article | None:
    doc = _apply(read_file(path), entry)
    sha = text_sha256(doc.text)
    with store.transaction() as session:
        if article_repo.article_id_by_sha(session, sha) is not None:
            result.duplicates.append(str(path))
            return None
        return article_repo.add_article(
            session,
            NewArticle(
                text=doc.text,
                sha256=sha,
                title=doc.title,
                outlet=doc.outlet,
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
            ),
        )
