"""The benchmark's generated pages look like saved news pages and import as such."""

from __future__ import annotations

from pathlib import Path

from parallax.ingest.pipeline import read_document
from parallax.ingest.sample_pages import page_html, write_pages


def test_pages_are_deterministic_unique_and_page_sized() -> None:
    assert page_html(3) == page_html(3)
    assert page_html(3) != page_html(4) and page_html(3, seed=1) != page_html(3)
    assert 30_000 < len(page_html(0)) < 200_000
    assert page_html(0).count("<") > 1500


def test_generated_pages_import_with_their_metadata(project, tmp_path: Path) -> None:
    paths = write_pages(tmp_path / "pages", 12)
    doc = read_document(paths[1])
    assert doc.outlet == "Press TV" and doc.site == "presstv.ir" and doc.published is not None
    assert "Sign In" not in doc.text and "This will never happen" not in doc.text
    result = project.import_files([tmp_path / "pages"])
    assert len(result) == 12 and result.failures == [] and result.near_duplicates == []
    assert len(project.outlets()) == 5
