"""Every format read from real files written by the tests: text, HTML, MHTML, docx, PDF, md."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from parallax.ingest.lines import body_text
from parallax.ingest.pdf import reflow
from parallax.ingest.pipeline import read_document
from tests.ingest import makers

PARAGRAPHS = [
    "A high-level delegation from the Syrian Defense Ministry has held talks in Baghdad with "
    "Iraqi officials on border security to coordinate the ongoing fight against Daesh.",
    "Iraq\u2019s Defense Ministry said in a statement on Tuesday that Lieutenant General Othman "
    "al-Ghanmi, the army\u2019s chief of staff, met with a \u201chigh-level delegation\u201d "
    "from Syria.",
    "Ghanmi said the two sides had agreed to continue exchange of intelligence to provide "
    "flexibility for Iraqi air forces to bomb targets near the border.",
]


def test_saved_html_page_gives_article_and_page_metadata(tmp_path: Path) -> None:
    markup = makers.news_html(PARAGRAPHS, author="Jane Doe")
    path = makers.write(tmp_path / "page.html", markup)
    doc = read_document(path)
    assert all(p in doc.text for p in PARAGRAPHS)
    assert "Home" not in doc.text and "About" not in doc.text
    assert doc.title == "Syrian delegation in Baghdad discusses border security"
    assert doc.outlet == "Press TV" and doc.site == "presstv.ir"
    assert doc.url == "https://www.presstv.ir/Detail/2017/06/13/525000/Syria-Iraq"
    assert doc.published == dt.date(2017, 6, 13) and doc.author == "Jane Doe"
    assert doc.language == "en" and doc.importer == "html"
    assert doc.original == path.read_bytes(), "the markup is kept for provenance"


def test_html_declared_charset_is_honoured(tmp_path: Path) -> None:
    arabic = "قال الرئيس السوري بشار الأسد إن التعاون بين سوريا والعراق في الحرب على الإرهاب مهم"
    markup = makers.news_html([arabic * 3], lang="ar").replace("utf-8", "windows-1256")
    path = makers.write(tmp_path / "ar.html", markup.encode("windows-1256"))
    doc = read_document(path)
    assert arabic in doc.text and doc.language == "ar"


def test_a_page_that_lies_about_its_charset_is_detected(tmp_path: Path) -> None:
    french = "Le président syrien a reçu à Damas le conseiller irakien à la sécurité nationale."
    markup = makers.news_html([french * 3], lang="fr")  # declares utf-8
    doc = read_document(makers.write(tmp_path / "fr.html", markup.encode("cp1252")))
    assert french in doc.text


def test_page_without_metadata_takes_the_host_as_site(tmp_path: Path) -> None:
    markup = (
        "<html><head><link rel='canonical' href='https://www.rudaw.net/english/a/1'></head>"
        f"<body><article><h1>Talks</h1><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[2]}</p>"
        "</article></body></html>"
    )
    doc = read_document(makers.write(tmp_path / "bare.htm", markup))
    assert doc.site == "rudaw.net" and doc.url == "https://www.rudaw.net/english/a/1"


def test_mhtml_quoted_printable_and_base64(tmp_path: Path) -> None:
    markup = makers.news_html(PARAGRAPHS)
    for encoding in ("quoted-printable", "base64"):
        path = makers.write(
            tmp_path / f"{encoding}.mhtml", makers.mhtml_bytes(markup, encoding=encoding)
        )
        doc = read_document(path)
        assert all(p in doc.text for p in PARAGRAPHS), encoding
        assert doc.url == "https://www.example.org/news/story.html"
        assert doc.importer == "mhtml" and doc.original == markup.encode()


def test_an_html_file_that_is_really_mhtml_is_read_as_mhtml(tmp_path: Path) -> None:
    path = makers.write(tmp_path / "saved.html", makers.mhtml_bytes(makers.news_html(PARAGRAPHS)))
    doc = read_document(path)
    assert doc.importer == "mhtml" and PARAGRAPHS[1] in doc.text


def test_docx_paragraphs_and_tables_in_document_order(tmp_path: Path) -> None:
    def build(document) -> None:
        document.core_properties.title = "Border talks"
        document.core_properties.author = "Jane Doe"
        document.add_heading("Border talks", level=1)
        document.add_paragraph(PARAGRAPHS[0])
        table = document.add_table(rows=2, cols=3)
        for r, row in enumerate([["Date", "Place", "Who"], ["13 June", "Baghdad", "Ghanmi"]]):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
        merged = document.add_table(rows=1, cols=2)
        merged.cell(0, 0).merge(merged.cell(0, 1)).text = "Merged cell"
        document.add_paragraph(PARAGRAPHS[1])

    doc = read_document(makers.write(tmp_path / "brief.docx", makers.docx_bytes(build)))
    assert doc.text.split("\n") == [
        "Border talks",
        PARAGRAPHS[0],
        "Date\tPlace\tWho",
        "13 June\tBaghdad\tGhanmi",
        "Merged cell",
        PARAGRAPHS[1],
    ]
    assert (doc.title, doc.author, doc.importer) == ("Border talks", "Jane Doe", "docx")


def test_pdf_lines_are_rejoined_into_paragraphs(tmp_path: Path) -> None:
    page1 = [
        "Syrian and Iraqi officers discussed the coordi-",
        "nation of border security at a meeting held in",
        "Baghdad on Tuesday, officials said.",
        "The Syrian delegation was led by the head of the",
        "army operations staff, who praised the Iraqi army",
        "for its recent gains in the city of Mosul, and the",
    ]
    page2 = [
        "two sides agreed to open a joint operations room.",
        "2",
    ]
    doc = read_document(makers.write(tmp_path / "report.pdf", makers.pdf_bytes([page1, page2])))
    assert doc.text == (
        "Syrian and Iraqi officers discussed the coordination of border security at a meeting "
        "held in Baghdad on Tuesday, officials said.\n\n"
        "The Syrian delegation was led by the head of the army operations staff, who praised "
        "the Iraqi army for its recent gains in the city of Mosul, and the two sides agreed to "
        "open a joint operations room."
    )
    assert doc.importer == "pdf" and doc.original is not None


def test_pdf_metadata_and_an_owner_only_password(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(makers.pdf_bytes([PARAGRAPHS[:1]]))))
    writer.add_metadata({"/Title": "Border report", "/Author": "Jane Doe"})
    writer.encrypt("", "owner-secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    doc = read_document(makers.write(tmp_path / "owner.pdf", out.getvalue()))
    assert (doc.title, doc.author) == ("Border report", "Jane Doe")
    assert "Syrian Defense Ministry" in doc.text


def test_reflow_keeps_list_items_apart() -> None:
    assert reflow(["Points agreed:\n• joint patrols\n• shared intelligence"]) == (
        "Points agreed:\n\n• joint patrols\n\n• shared intelligence"
    )


def test_markdown_front_matter_is_metadata_and_excluded(tmp_path: Path) -> None:
    text = (
        "---\ntitle: Border talks\nauthor: Jane Doe\ndate: 2017-06\nurl: https://example.org/a\n"
        "---\n# Heading in the text\n\n" + "\n\n".join(PARAGRAPHS) + "\n"
    )
    doc = read_document(makers.write(tmp_path / "note.md", text))
    assert (doc.title, doc.author, doc.url) == ("Border talks", "Jane Doe", "https://example.org/a")
    assert doc.published == dt.date(2017, 6, 1) and doc.published_precision == "month"
    body = body_text(doc.text, doc.excluded)
    assert body.startswith("\n# Heading in the text") and "title:" not in body


def test_markdown_heading_is_the_title(tmp_path: Path) -> None:
    doc = read_document(makers.write(tmp_path / "n.markdown", "# Talks in Baghdad\n\nBody text."))
    assert doc.title == "Talks in Baghdad" and doc.importer == "markdown"


def test_pasted_text_gets_metadata_from_its_byline(tmp_path: Path) -> None:
    text = "Sign In / Up\n\nHeadline here\n\nBy Rudaw 18/5/2017\n" + "\n\n".join(PARAGRAPHS)
    doc = read_document(makers.write(tmp_path / "paste.txt", text))
    assert (doc.title, doc.outlet, doc.published) == (
        "Headline here",
        "Rudaw",
        dt.date(2017, 5, 18),
    )
    assert doc.language == "en" and doc.excluded == ((0, 12),)


def test_junk_file_properties_are_ignored() -> None:
    from parallax.ingest.document import clean_meta_author, clean_meta_title

    assert clean_meta_title("Microsoft Word - draft3.doc") == ""
    assert clean_meta_title("report final.pdf") == "" and clean_meta_title("Untitled") == ""
    assert clean_meta_title("  Border   talks ") == "Border talks"
    assert clean_meta_author("python-docx") == "" and clean_meta_author("Jane Doe") == "Jane Doe"


def test_a_by_line_in_a_word_file_beats_its_properties(tmp_path: Path) -> None:
    def build(document) -> None:
        document.core_properties.author = "Desk Assistant"
        document.add_paragraph("Border talks")
        document.add_paragraph("By Jane Doe")
        document.add_paragraph(PARAGRAPHS[0])

    doc = read_document(makers.write(tmp_path / "a.docx", makers.docx_bytes(build)))
    assert doc.author == "Jane Doe" and doc.title == "Border talks"


def test_chrome_left_in_by_the_extractor_is_marked(tmp_path: Path) -> None:
    markup = makers.news_html([*PARAGRAPHS, "SHARE THIS ARTICLE", "Related Articles"])
    doc = read_document(makers.write(tmp_path / "page.html", markup))
    marked = "".join(doc.text[s:e] for s, e in doc.excluded)
    assert "SHARE THIS ARTICLE" in doc.text and "SHARE THIS ARTICLE" in marked
    assert all(p not in marked for p in PARAGRAPHS)
