"""Render a gathered `BriefData` as a Word brief on a template, as bytes or a file."""

from __future__ import annotations

import datetime as dt
import io
import logging
import os
import pathlib
import stat
import tempfile
from collections.abc import Callable
from importlib import resources

import docx
from docx.document import Document as DocxDocument

from parallax.domain.brief import BriefData
from parallax.domain.errors import KnownError
from parallax.export.brief_doc import BriefWriter, style_problems
from parallax.export.brief_sections import SECTIONS
from parallax.export.docx_xml import clean_xml_text

logger = logging.getLogger(__name__)

TEMPLATE_NAME = "brief-template.docx"
Cancelled = Callable[[], bool]


class ExportCancelled(KnownError):
    """The analyst cancelled the export; nothing was written."""


def default_template() -> bytes:
    """The brief template shipped in `parallax.resources`."""
    return (resources.files("parallax.resources") / TEMPLATE_NAME).read_bytes()


def render_brief(
    data: BriefData, template: pathlib.Path | None = None, cancelled: Cancelled | None = None
) -> bytes:
    """The brief as .docx bytes, on `template` (default: the shipped one).

    Styles the template lacks are replaced by built-in ones (see `template_problems`).
    Raises KnownError when the template cannot be read as a Word document, and
    ExportCancelled when `cancelled()` turns true between two sections.
    """
    _warn_unlisted_citations(data)
    doc = open_template(template)
    _clear_body(doc)
    _properties(doc, data)
    writer = BriefWriter(doc)
    for section in SECTIONS:
        if cancelled is not None and cancelled():
            raise ExportCancelled("The export was cancelled; nothing was written.")
        section(writer, data)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def write_brief(
    data: BriefData,
    path: pathlib.Path | str,
    template: pathlib.Path | None = None,
    cancelled: Cancelled | None = None,
) -> pathlib.Path:
    """Render the brief and write it to `path` atomically; returns the path written.

    The file is written beside the target and moved over it, so a failed export never
    leaves a half-written brief (or destroys the previous one). Raises KnownError when
    the folder cannot be written.
    """
    target = pathlib.Path(path)
    content = render_brief(data, template, cancelled)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise KnownError(f"{target}: cannot write the brief here ({exc.strerror})") from exc
    try:
        with os.fdopen(fd, "wb") as tmp:
            tmp.write(content)
            tmp.flush()
            os.fsync(tmp.fileno())
        os.chmod(tmp_name, _file_mode(target))
        os.replace(tmp_name, target)
    except OSError as exc:
        pathlib.Path(tmp_name).unlink(missing_ok=True)
        raise KnownError(f"{target}: cannot write the brief ({exc.strerror})") from exc
    return target


def _file_mode(target: pathlib.Path) -> int:
    """Keep an existing file's permissions; a new brief is readable like any document."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return 0o644


def template_problems(path: pathlib.Path | str) -> list[str]:
    """What a custom template lacks, one readable line each; [] for a complete template."""
    try:
        doc = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several unrelated types for bad packages
        return [f"{path}: cannot be read as a Word document ({exc})"]
    return style_problems(doc)


def open_template(template: pathlib.Path | None) -> DocxDocument:
    """The template as a python-docx document; raises KnownError for an unreadable one."""
    if template is None:
        return docx.Document(io.BytesIO(default_template()))
    try:
        return docx.Document(str(template))
    except Exception as exc:  # BadZipFile, KeyError, lxml errors, PackageNotFoundError …
        raise KnownError(f"{template}: not a usable Word template ({exc})") from exc


def _warn_unlisted_citations(data: BriefData) -> None:
    listed = {s.number for s in data.sources}
    cited = {p.source_number for e in data.events for p in e.passages}
    cited |= {n for j in data.judgments for n in j.citations}
    missing = sorted(cited - listed)
    if missing:
        logger.warning("the brief cites sources missing from its sources list: %s", missing)


def _properties(doc: DocxDocument, data: BriefData) -> None:
    """File properties shown by Word and file managers: the brief's title and author."""
    props = doc.core_properties
    props.title = clean_xml_text(data.title)
    props.author = props.last_modified_by = clean_xml_text(data.author) or "Parallax"
    props.subject = clean_xml_text(data.handling)
    props.created = props.modified = dt.datetime.now(dt.UTC).replace(microsecond=0)
    props.revision = 1


def _clear_body(doc: DocxDocument) -> None:
    """Remove the template's body content, keeping its page setup (the last sectPr)."""
    body = doc.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
