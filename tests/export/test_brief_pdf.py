"""The sample-corpus brief rendered to PDF by LibreOffice headless, read with pdftotext.

`make test` installs LibreOffice Writer and poppler-utils (scripts/system-deps.sh test);
the rendering test skips, saying why, only where they could not be installed.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import parallax
from parallax.domain.errors import KnownError
from parallax.export import pdf
from parallax.services.demo import EVENTS, build_demo
from tests.conftest import SAMPLE_CORPUS

NEEDS = "LibreOffice (soffice) and pdftotext are not installed; run scripts/system-deps.sh test"


def _tools_missing() -> bool:
    return pdf.office_binary() is None or shutil.which("pdftotext") is None


@pytest.mark.skipif(_tools_missing(), reason=NEEDS)
def test_sample_brief_renders_to_pdf_with_quotes_and_sources(tmp_path: Path) -> None:
    with parallax.open_project(tmp_path / "demo.parallax") as project:
        build_demo(project, SAMPLE_CORPUS)
        project.add_judgment("Officials met at least twice", "very likely", "moderate")
        written = project.export_brief(tmp_path / "brief.pdf", title="Syria–Iraq coordination")
    assert written == tmp_path / "brief.pdf"
    assert written.read_bytes().startswith(b"%PDF")
    assert not list(tmp_path.glob(".brief.pdf.*"))  # no temporary file left beside it
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(written), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    flat = " ".join(text.split())
    assert "Syria–Iraq coordination" in flat
    for event in EVENTS:
        for passage in event.passages:
            assert " ".join(passage.text.split()) in flat, passage.text
    for heading in ("Bottom line", "Key judgments", "Timeline", "Sources", "Actors"):
        assert heading in flat
    assert "Likelihood: very likely (80–95%). Confidence: moderate." in flat
    assert "Rudaw" in flat and "Press TV" in flat
    assert "Page 1 of" in flat


@pytest.mark.skipif(_tools_missing(), reason=NEEDS)
def test_pdf_flag_writes_the_word_file_and_the_pdf_beside_it(tmp_path: Path) -> None:
    with parallax.open_project(tmp_path / "demo.parallax") as project:
        build_demo(project, SAMPLE_CORPUS)
        written = project.export_brief(tmp_path / "brief.docx", pdf=True, appendix=False)
    assert written == tmp_path / "brief.pdf"
    assert (tmp_path / "brief.docx").is_file() and written.stat().st_size > 1000


def test_missing_libreoffice_is_a_clear_known_error(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    assert not pdf.pdf_available()
    with (
        parallax.open_project(tmp_path / "p.parallax") as project,
        pytest.raises(KnownError, match="Install LibreOffice to export PDF"),
    ):
        project.export_brief(tmp_path / "brief.pdf")
    assert not (tmp_path / "brief.pdf").exists()


def test_cancelled_conversion_leaves_no_pdf(tmp_path: Path) -> None:
    if pdf.office_binary() is None:
        pytest.skip(NEEDS)
    from parallax.domain.brief import BriefData
    from parallax.export.brief import write_brief

    source = write_brief(BriefData(title="Cancelled"), tmp_path / "b.docx")
    with pytest.raises(pdf.ConversionCancelled):
        pdf.convert_to_pdf(source, tmp_path / "b.pdf", cancelled=lambda: True)
    assert not (tmp_path / "b.pdf").exists()
