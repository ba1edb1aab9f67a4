"""Real files for the ingest tests, built from scratch: PDFs, .docx, MHTML, zips."""

from __future__ import annotations

import base64
import io
import quopri
import zipfile
from pathlib import Path

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _escape_pdf(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf_bytes(pages: list[list[str]]) -> bytes:
    """A PDF whose pages print the given lines in Helvetica: a real text layer."""
    objects: list[bytes] = []
    n_pages = len(pages)
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(n_pages))
    font_id = 3 + 2 * n_pages
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    for i, lines in enumerate(pages):
        ops = ["BT", "/F1 11 Tf", "14 TL", "72 760 Td"]
        for line in lines:
            ops.append(f"({_escape_pdf(line)}) Tj T*")
        ops.append("ET")
        stream = "\n".join(ops).encode("latin-1")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * i} 0 R "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def encrypted_pdf(user_password: str, owner_password: str | None = None) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes([["Secret text here."] * 3]))))
    writer.encrypt(user_password, owner_password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def blank_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx_bytes(build) -> bytes:
    """A .docx made by python-docx; `build(document)` adds the content."""
    import docx

    document = docx.Document()
    build(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def raw_docx(document_xml: str | bytes, extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal .docx zip written by hand, for payloads python-docx would never write."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("word/document.xml", document_xml)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return out.getvalue()


def document_xml(body_text: str, doctype: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{doctype}'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>{body_text}</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )


def zip_bomb_docx(megabytes: int = 40) -> bytes:
    """A .docx whose document.xml unpacks from a few KB to `megabytes` MB of spaces."""
    padding = b" " * (megabytes * 2**20)
    xml = document_xml("x").encode().replace(b"<w:body>", b"<w:body>" + padding)
    return raw_docx(xml)


def mhtml_bytes(
    html: str,
    *,
    url: str = "https://www.example.org/news/story.html",
    encoding: str = "quoted-printable",
    boundary: str = "----MultipartBoundary--abc123----",
    declared_boundary: str | None = None,
) -> bytes:
    """A page saved as Chrome writes MHTML: a multipart/related message with the page and
    an image, the page quoted-printable or base64."""
    raw = html.encode("utf-8")
    body = quopri.encodestring(raw) if encoding == "quoted-printable" else _b64(raw)
    image = _b64(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    declared = declared_boundary or boundary
    header = (
        f"From: <Saved by Blink>\r\nSnapshot-Content-Location: {url}\r\nSubject: page\r\n"
        'MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype="text/html";\r\n'
        f'\tboundary="{declared}"\r\n\r\n'
    )
    parts = (
        (
            f"--{boundary}\r\nContent-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\n"
            f"Content-Transfer-Encoding: {encoding}\r\nContent-Location: {url}\r\n\r\n"
        ).encode()
        + body
        + (
            f"\r\n--{boundary}\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
            f"Content-Location: https://cdn.example.org/a.png\r\n\r\n"
        ).encode()
        + image
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return header.encode() + parts


def _b64(data: bytes) -> bytes:
    return base64.encodebytes(data).replace(b"\n", b"\r\n")


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def news_html(
    body_paragraphs: list[str],
    *,
    title: str = "Syrian delegation in Baghdad discusses border security",
    site: str = "Press TV",
    url: str = "https://www.presstv.ir/Detail/2017/06/13/525000/Syria-Iraq",
    published: str = "2017-06-13",
    author: str = "",
    lang: str = "en",
    extra_head: str = "",
    extra_body: str = "",
) -> str:
    """A page as a browser saves it, with navigation and a comment section around the body."""
    paragraphs = "".join(f"<p>{p}</p>" for p in body_paragraphs)
    author_meta = f'<meta name="author" content="{author}">' if author else ""
    return (
        f"<!DOCTYPE html>\n<!-- saved from url=({len(url):04d}){url} -->\n"
        f'<html lang="{lang}"><head><meta charset="utf-8"><title>{title} | {site}</title>'
        f'<meta property="og:title" content="{title}"><meta property="og:site_name" '
        f'content="{site}"><meta property="article:published_time" content="{published}">'
        f"{author_meta}{extra_head}</head><body>"
        '<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>'
        f"<article><h1>{title}</h1>{paragraphs}</article>{extra_body}"
        '<footer><a href="/about">About</a></footer></body></html>'
    )
