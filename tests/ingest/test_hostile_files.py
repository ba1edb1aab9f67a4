"""A catalogue of hostile and broken files, generated here, imported as one batch.

Each case says what must happen: the file imports, or it fails with a reason a user
understands (checked by a phrase in it) and its path. The batch goes on past every
failure, nothing is fetched from the network, and a batch of only the failing files
leaves the project exactly as it was.
"""

from __future__ import annotations

import os
import socket
import stat
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from parallax.services.importing import ImportResult, import_paths
from parallax.services.project import Project
from tests.conftest import SAMPLE_CORPUS
from tests.ingest import makers

BODY = (
    "Syrian and Iraqi officials met in Damascus on Thursday to discuss military cooperation "
    "on the shared border, state media reported. "
)
SECRET = "TOPSECRET-5f2c9e-must-never-leak"


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path], object]
    expect: str  # "import", or a phrase the failure reason must contain


def text(data: str | bytes) -> Callable[[Path], object]:
    return lambda path: makers.write(path, data)


def _symlink(target: str) -> Callable[[Path], object]:
    return lambda path: os.symlink(target, path)


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _big_text(path: Path) -> None:
    with open(path, "wb") as handle:
        chunk = (BODY * 100).encode()
        while handle.tell() < 50 * 2**20:
            handle.write(chunk)


def _loop_folder(path: Path) -> None:
    path.mkdir()
    makers.write(path / "inside.txt", "Inside a looped folder\n" + BODY)
    os.symlink("..", path / "again")
    os.symlink(".", path / "self")


def _xxe(path: Path) -> None:
    secret = path.parent.parent / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    doctype = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    makers.write(path, makers.raw_docx(makers.document_xml("&xxe;", doctype)))


def _xxe_utf16(path: Path) -> None:
    doctype = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>'
    xml = makers.document_xml("&xxe;", doctype).replace("UTF-8", "UTF-16")
    makers.write(path, makers.raw_docx(xml.encode("utf-16")))


def _billion_laughs(path: Path) -> None:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    makers.write(
        path, makers.raw_docx(makers.document_xml("&lol9;", f"<!DOCTYPE lolz [{entities}]>"))
    )


def _deep_html(path: Path) -> None:
    makers.write(path, "<html><body>" + "<div>" * 10_000 + BODY * 5 + "</div>" * 10_000)


def _hostile_html(path: Path) -> None:
    makers.write(
        path,
        makers.news_html(
            [BODY * 3, BODY * 2],
            extra_head=(
                '<link rel="stylesheet" href="http://tracker.invalid/a.css">'
                '<meta http-equiv="refresh" content="0; url=http://tracker.invalid/">'
                "<script>document.write('INJECTED-BY-SCRIPT'); fetch('http://tracker.invalid');"
                "</script>"
            ),
            extra_body=(
                '<img src="http://tracker.invalid/pixel.gif"><iframe src="http://tracker.invalid">'
                '</iframe><script src="http://tracker.invalid/x.js"></script>'
                '<object data="http://tracker.invalid/x.swf"></object>'
            ),
        ),
    )


def _empty_docx(path: Path) -> None:
    makers.write(path, makers.docx_bytes(lambda document: None))


CASES = [
    Case("empty.txt", text(b""), "empty"),
    Case("whitespace.txt", text(b"  \n\t \r\n  "), "empty"),
    Case("only-bom.txt", text(b"\xef\xbb\xbf\n"), "no text"),
    Case("binary.txt", text(os.urandom(4096) + b"\x00" * 512), "binary"),
    Case("controls.txt", text(bytes(range(1, 9)) * 600), "binary"),
    Case("looks-like-utf16.txt", text(b"\x00\x01\x02\x03" * 100), "binary"),
    Case(
        "invalid-utf8.txt",
        text(b"Broken bytes \xff\xfe\xc3 in the headline\n" + BODY.encode()),
        "import",
    ),
    Case(
        "mixed-encodings.txt",
        text(
            ("Déjà vu in UTF-8\n" * 3).encode()
            + "Naïve in cp1252\n".encode("cp1252")
            + BODY.encode()
        ),
        "import",
    ),
    Case(
        "utf16-no-bom.txt",
        text(("UTF-16 title\n" + BODY + "الأسد\n").encode("utf-16-le")),
        "import",
    ),
    Case("utf16be-no-bom.txt", text(("Big end\n" + BODY).encode("utf-16-be")), "import"),
    Case("utf32-bom.txt", text(("UTF-32 title\n" + BODY).encode("utf-32")), "import"),
    Case(
        "nul-in-middle.txt",
        text(("NUL title\n" + BODY).encode() + b"\x00\x00" + BODY.encode()),
        "import",
    ),
    Case("huge-50mb.txt", _big_text, "20 MB"),
    Case("huge-single-line.txt", text(("word " * 600_000).encode()), "import"),
    Case("binary.md", text(b"\x89PNG\r\n\x1a\n" + os.urandom(2048)), "PNG"),
    Case("pdf-renamed.txt", text(makers.pdf_bytes([[BODY]])), "PDF"),
    Case("unknown.xyz", text(BODY), "cannot read"),
    Case("deep.html", _deep_html, "no article text"),
    Case("unclosed.html", text("<html><body><p>" + BODY * 4 + "<div><p>" + BODY * 3), "import"),
    Case("script-and-remote.html", _hostile_html, "import"),
    Case(
        "empty-page.html",
        text("<html><head><title>x</title></head><body></body></html>"),
        "no article text",
    ),
    Case(
        "xml-declaration.xhtml",
        text('<?xml version="1.0" encoding="utf-8"?>\n' + makers.news_html([BODY * 3])),
        "import",
    ),
    Case("not-a-zip.docx", text(BODY), "not a zip"),
    Case("old-word.docx", text(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048), "not a zip"),
    Case("zip-bomb.docx", lambda p: makers.write(p, makers.zip_bomb_docx()), "zip bomb"),
    Case("xxe.docx", _xxe, "xxe"),
    Case("xxe-utf16.docx", _xxe_utf16, "entities"),
    Case("billion-laughs.docx", _billion_laughs, "billion laughs"),
    Case(
        "truncated.docx",
        lambda p: makers.write(p, makers.docx_bytes(lambda d: d.add_paragraph(BODY))[:900]),
        "not a zip",
    ),
    Case("empty.docx", _empty_docx, "no text"),
    Case(
        "encrypted.pdf", lambda p: makers.write(p, makers.encrypted_pdf("secret")), "is encrypted"
    ),
    Case("blank.pdf", lambda p: makers.write(p, makers.blank_pdf()), "needs OCR"),
    Case("truncated.pdf", lambda p: makers.write(p, makers.pdf_bytes([[BODY]])[:200]), "damaged"),
    Case(
        "malformed-boundary.mhtml",
        lambda p: makers.write(
            p, makers.mhtml_bytes(makers.news_html([BODY]), declared_boundary="WRONG")
        ),
        "MHTML",
    ),
    Case("dangling.txt", _symlink("does-not-exist.txt"), "does not exist"),
    Case("dev-zero.txt", _symlink("/dev/zero"), "not a regular file"),
    Case("pipe.txt", _fifo, "not a regular file"),
    Case("loop", _loop_folder, "import"),
    Case("with space and ' quote.txt", text("Spaces in the name\n" + BODY), "import"),
    Case("عربي.txt", text("Arabic file name\n" + BODY), "import"),
    Case("emoji 🎉.txt", text("Emoji file name\n" + BODY), "import"),
    Case("new\nline.txt", text("Newline in the name\n" + BODY), "import"),
    Case("x" * 200 + ".txt", text("A very long file name\n" + BODY), "import"),
    Case("zz-removed.txt", text("Removed before its turn\n" + BODY), "no longer exists"),
]
if Path("/proc/self/mem").exists():  # unreadable even for root: reading it fails (EIO)
    CASES.append(Case("unreadable-proc.txt", _symlink("/proc/self/mem"), "could not be read"))
REMOVED = "zz-removed.txt"


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Make every socket connection fail, and record who tried."""
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> object:
        attempts.append(args)
        raise OSError("network access during import")

    for name in ("connect", "connect_ex"):
        monkeypatch.setattr(socket.socket, name, refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def build(folder: Path) -> list[Path]:
    folder.mkdir()
    paths = []
    for case in CASES:
        path = folder / case.name
        case.make(path)
        paths.append(path)
    return paths


def snapshot(project: Project) -> tuple[object, ...]:
    articles = project.articles()
    return (
        project.info(),
        [(a.id, a.sha256, a.title, a.outlet, a.published, a.text) for a in articles],
        project.outlets(),
        {a.id: project.excluded_spans(a.id) for a in articles},
    )


def remove_on_its_turn(folder: Path) -> Callable[[int, int, str], None]:
    def progress(_n: int, _total: int, name: str) -> None:
        if name == REMOVED:
            (folder / REMOVED).unlink()

    return progress


def store_of(project: Project):
    return project._store


def test_catalogue_fails_cleanly_file_by_file(
    project: Project, tmp_path: Path, no_network: list[object]
) -> None:
    project.import_files([SAMPLE_CORPUS])
    before = snapshot(project)
    batch = tmp_path / "batch"
    build(batch)
    result: ImportResult = import_paths(
        store_of(project), [batch], progress=remove_on_its_turn(batch)
    )

    failures = {Path(f.path).name: f for f in result.failures}
    imported = {Path(a.source_file).name for a in result}
    for case in CASES:
        if case.expect == "import":
            expected = "inside.txt" if case.name == "loop" else case.name
            assert expected in imported, f"{case.name}: {failures.get(case.name)}"
            continue
        failure = failures.get(case.name)
        assert failure is not None, f"{case.name} should have failed"
        assert failure.path == str(batch / case.name)
        assert case.expect.lower() in failure.reason.lower(), f"{case.name}: {failure.reason}"
        assert str(failure).startswith(str(batch / case.name))
        assert "Traceback" not in failure.reason and SECRET not in failure.reason
    assert len(result) == len(imported), "each good file is imported exactly once"
    assert set(failures) | imported == {c.name for c in CASES} - {"loop"} | {"inside.txt"}
    assert no_network == [], "nothing may be fetched during an import"

    after = snapshot(project)
    assert after[0].articles == before[0].articles + len(result)
    assert [row for row in after[1] if row[0] in {r[0] for r in before[1]}] == before[1]
    assert all(SECRET not in a.text for a in project.articles())
    assert all("INJECTED-BY-SCRIPT" not in a.text for a in result)
    for article in result:
        assert "\x00" not in article.text and "\r" not in article.text


def test_a_batch_of_only_broken_files_changes_nothing(
    project: Project, tmp_path: Path, no_network: list[object]
) -> None:
    project.import_files([SAMPLE_CORPUS])
    before = snapshot(project)
    batch = tmp_path / "batch"
    paths = build(batch)
    broken = [p for p, c in zip(paths, CASES, strict=True) if c.expect != "import"]
    result = import_paths(store_of(project), broken, progress=remove_on_its_turn(batch))
    assert list(result) == [] and len(result.failures) == len(broken)
    assert snapshot(project) == before
    assert no_network == []


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="root reads files whatever their mode"
)
def test_an_unreadable_file_is_refused(project: Project, tmp_path: Path) -> None:
    path = makers.write(tmp_path / "locked.txt", "Locked\n" + BODY)
    path.chmod(0)
    try:
        result = project.import_files([path, makers.write(tmp_path / "ok.txt", "Fine\n" + BODY)])
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert [a.title for a in result] == ["Fine"]
    assert "permission denied" in result.failures[0].reason


def test_an_unreadable_folder_is_reported(project: Project, tmp_path: Path) -> None:
    folder = tmp_path / "closed"
    makers.write(folder / "a.txt", "A\n" + BODY)
    folder.chmod(0)
    try:
        result = project.import_files([tmp_path])
    finally:
        folder.chmod(stat.S_IRWXU)
    if os.geteuid() == 0:
        assert [a.title for a in result] == ["A"]
    else:
        assert "could not be read" in result.failures[0].reason
