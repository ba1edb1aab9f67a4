"""Word .docx files: paragraphs and tables in document order, read only after the archive
and its XML have been checked.

A .docx is a zip of XML parts. Before python-docx sees it, the archive is refused when it
is not a zip, would unpack to more than MAX_UNPACKED bytes or compresses suspiciously well
(a zip bomb), and every XML part is parsed with a hardened lxml parser (no entities, no
network, no huge trees) and refused if it carries a DTD: Word never writes one, while
XML external entity (XXE) and billion-laughs attacks need one.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

from parallax.domain.errors import ImportFailedError
from parallax.ingest.decode import make_canonical
from parallax.ingest.document import ReadDocument, clean_meta_author, clean_meta_title

MAX_UNPACKED = 300 * 2**20
MAX_MEMBERS = 5000
MAX_RATIO = 200  # uncompressed / compressed size; real Word XML stays well under 50
_XML_SUFFIXES = (".xml", ".rels")


def read_docx(path: Path, data: bytes) -> ReadDocument:
    """Text of the document body, paragraph by paragraph and table row by table row."""
    name = str(path)
    check_archive(data, name)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except (KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise ImportFailedError(name, f"this Word file is damaged ({exc})") from None
    text = "\n".join(_blocks(document))
    if not text.strip():
        raise ImportFailedError(name, "this Word document holds no text")
    props = document.core_properties
    return ReadDocument(
        text=make_canonical(text),
        title=clean_meta_title(props.title),
        author=clean_meta_author(props.author),
        original=data,
        original_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        importer="docx",
    )


def check_archive(data: bytes, name: str) -> None:
    """Refuse anything but a sane Word archive; see the module docstring for why."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ImportFailedError(
            name, "this is not a Word .docx file (it is not a zip archive; an old .doc?)"
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            _check_sizes(infos, name)
            if "word/document.xml" not in {i.filename for i in infos}:
                raise ImportFailedError(name, "this zip archive is not a Word document")
            for info in infos:
                if info.filename.lower().endswith(_XML_SUFFIXES):
                    check_xml(archive.read(info), name, info.filename)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError) as exc:
        raise ImportFailedError(name, f"this Word file is damaged ({exc})") from None


def _check_sizes(infos: list[zipfile.ZipInfo], name: str) -> None:
    if len(infos) > MAX_MEMBERS:
        raise ImportFailedError(name, f"the archive holds {len(infos)} parts; refused")
    total = sum(i.file_size for i in infos)
    if total > MAX_UNPACKED:
        raise ImportFailedError(
            name,
            f"it would unpack to {total // 2**20} MB (the limit is {MAX_UNPACKED // 2**20} MB);"
            " it looks like a zip bomb",
        )
    for info in infos:
        if info.file_size > 2**20 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise ImportFailedError(
                name, f"part {info.filename} is compressed suspiciously well (a zip bomb?)"
            )


def check_xml(xml: bytes, name: str, part: str) -> None:
    """Refuse a DTD or entity declarations, then parse the part safely to find damage."""
    from lxml import etree

    if _declares_entities(xml):
        raise ImportFailedError(
            name,
            f"part {part} declares XML entities (a DTD), which Word never writes; the file "
            "may be crafted to attack the reader (XXE or billion laughs) and was not opened",
        )
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False
    )
    try:
        etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as exc:
        raise ImportFailedError(name, f"part {part} of this Word file is damaged ({exc})") from None


def _declares_entities(xml: bytes) -> bool:
    """A DOCTYPE or ENTITY declaration, in UTF-8 or UTF-16 (XML allows both)."""
    encoding = {b"\xff\xfe": "utf-16", b"\xfe\xff": "utf-16", b"<\x00": "utf-16-le"}.get(
        xml[:2], "utf-16-be" if xml[:2] == b"\x00<" else ""
    )
    if encoding:
        xml = xml.decode(encoding, errors="replace").encode("utf-8")
    return b"<!DOCTYPE" in xml or b"<!ENTITY" in xml


def _blocks(container: object) -> Iterator[str]:
    """Paragraph texts and table rows (cells joined by tabs), in document order."""
    from docx.table import Table

    for block in container.iter_inner_content():  # type: ignore[attr-defined]
        if isinstance(block, Table):
            yield from _rows(block)
        else:
            yield block.text


def _rows(table: object) -> Iterator[str]:
    for row in table.rows:  # type: ignore[attr-defined]
        seen: list[object] = []
        cells = []
        for cell in row.cells:
            if any(cell._tc is tc for tc in seen):  # a merged cell comes once per grid column
                continue
            seen.append(cell._tc)
            cells.append(" ".join(t for t in _blocks(cell) if t.strip()))
        yield "\t".join(cells)
