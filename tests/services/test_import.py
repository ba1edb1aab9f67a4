"""Import batches: folders, manifests, duplicates, and failures that change nothing."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import SAMPLE_CORPUS


def test_reimporting_the_same_texts_imports_nothing(sample_project) -> None:
    again = sample_project.import_files([SAMPLE_CORPUS])
    assert list(again) == [] and len(again.duplicates) == 5 and again.failures == []
    assert sample_project.info().articles == 5


def test_folders_are_walked_recursively_and_hidden_files_skipped(project, tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text("One\nfirst text", "utf-8")
    (tmp_path / "a" / "b" / "two.md").write_text("# Two\nsecond", "utf-8")
    (tmp_path / "a" / ".hidden.txt").write_text("hidden", "utf-8")
    result = project.import_files([tmp_path / "a"])
    assert sorted(a.title for a in result) == ["One", "Two"]


def test_bad_files_fail_alone_with_a_reason_and_the_rest_goes_on(project, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "sheet.xyz").write_text("what", "utf-8")
    (tmp_path / "good.txt").write_text("Good\nbody", "utf-8")
    result = project.import_files([tmp_path, tmp_path / "missing.txt"])
    assert [a.title for a in result] == ["Good"]
    reasons = {Path(f.path).name: f.reason for f in result.failures}
    assert set(reasons) == {"empty.txt", "binary.txt", "sheet.xyz", "missing.txt"}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert project.info().articles == 1


def test_encodings_and_line_ends_are_made_canonical(project, tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes("\ufeffBOM title\r\nline two\rthree".encode())
    (tmp_path / "u16.txt").write_bytes("UTF-16 title\nArabic الأسد".encode("utf-16"))
    (tmp_path / "latin.txt").write_bytes(
        "Caf\xe9 title\nd\xe9j\xe0 vu, na\xefve r\xe9sum\xe9".encode("cp1252")
    )
    result = {a.title: a for a in project.import_files([tmp_path])}
    assert result["BOM title"].text == "BOM title\nline two\nthree"
    assert "الأسد" in result["UTF-16 title"].text
    assert "Café title" in result


def test_manifest_metadata_overrides_only_what_it_states(project, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Headline\nBy Rudaw 18/5/2017\nBody", "utf-8")
    (tmp_path / "manifest.json").write_text(
        json.dumps([{"file": "a.txt", "title": "Real title", "url": "https://example.org/a"}]),
        "utf-8",
    )
    (article,) = project.import_files([tmp_path])
    assert article.title == "Real title"
    assert article.url == "https://example.org/a"
    assert article.outlet == "Rudaw" and str(article.published) == "2017-05-18"


def test_outlets_are_matched_not_duplicated(project, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A\nBy Rudaw 18/5/2017\nx", "utf-8")
    (tmp_path / "b.txt").write_text("B\nBy rudaw 19/5/2017\ny", "utf-8")
    project.import_files([tmp_path])
    assert [o.name for o in project.outlets()] == ["Rudaw"]


# ---------------------------------------------------------------- boilerplate, preview, dups
import datetime as dt  # noqa: E402

import pytest  # noqa: E402

from parallax.domain.errors import InvalidInputError  # noqa: E402
from parallax.services.batch_repeats import BatchRepeat  # noqa: E402
from parallax.services.importing import (  # noqa: E402
    NearDuplicate,
    import_paths,
    preview_paths,
    stored_bodies,
)
from tests.conftest import article_by_file  # noqa: E402
from tests.ingest import makers  # noqa: E402

BODY = [
    "A high-level delegation from the Syrian Defense Ministry has held talks in Baghdad with "
    "Iraqi officials on border security to coordinate the ongoing fight against Daesh.",
    "Iraq's Defense Ministry said in a statement on Tuesday that Lieutenant General Othman "
    "al-Ghanmi, the army's chief of staff, met with a high-level delegation from Syria.",
    "Ghanmi said the two sides had agreed to continue exchange of intelligence to provide "
    "flexibility for Iraqi air forces to bomb targets near the border.",
    "Syrian troops backed by volunteer forces reached the Iraqi border last week near Tanf, "
    "in the semi-arid al-Badiya region, the statement added.",
]


def test_seed_boilerplate_is_stored_as_excluded_spans(sample_project) -> None:
    rudaw = article_by_file(sample_project, "000")
    spans = [(s.start, s.end) for s in sample_project.excluded_spans(rudaw.id)]
    marked = "".join(rudaw.text[s:e] for s, e in spans)
    assert "Dutchman | 18/5/2017" in marked and "Sign In / Up" in marked
    assert "Iraqi PM Abadi also ordered airstrikes" not in marked
    assert rudaw.text.startswith("Sign In / Up"), "the text itself is never cut"
    times = article_by_file(sample_project, "001")
    assert sample_project.excluded_spans(times.id) == []


def test_near_duplicate_with_other_chrome_is_reported_and_imported(project, tmp_path) -> None:
    clean = "Border talks\n\n" + "\n\n".join(BODY) + "\n"
    chrome = (
        "Sign In / Up\nRegister\n\nBorder talks\n\n"
        + "\n\n".join(BODY)
        + "\n\nSHARE THIS ARTICLE\n"
        "Related Articles\nLeave a Reply\n"
    )
    (tmp_path / "a.txt").write_text(clean, "utf-8")
    (tmp_path / "b.txt").write_text(chrome, "utf-8")
    (tmp_path / "c.txt").write_text("Other story\n\n" + "Completely different text. " * 40, "utf-8")
    result = project.import_files([tmp_path])
    assert len(result) == 3
    first = next(a for a in result if a.source_file.endswith("a.txt"))
    (near,) = result.near_duplicates
    assert near == NearDuplicate(str(tmp_path / "b.txt"), first.id, 1.0)


def test_near_duplicates_can_be_skipped_against_the_project(project, tmp_path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    (tmp_path / "one" / "a.txt").write_text("Talks\n\n" + "\n\n".join(BODY), "utf-8")
    project.import_files([tmp_path / "one"])
    saved_again = "Talks\n\n" + "\n\n".join(BODY[:3]) + "\n\n" + BODY[3].replace("week", "wk")
    (tmp_path / "two" / "b.txt").write_text(saved_again, "utf-8")
    result = import_paths(project._store, [tmp_path / "two"], skip_near_duplicates=True)
    assert list(result) == [] and project.info().articles == 1
    (near,) = result.near_duplicates
    assert 0.8 <= near.similarity < 1.0


def test_near_duplicates_against_a_provided_body_source(project, tmp_path) -> None:
    (tmp_path / "a.txt").write_text("Talks\n\n" + "\n\n".join(BODY), "utf-8")
    result = import_paths(
        project._store, [tmp_path], existing_bodies=lambda: [(99, "\n\n".join(BODY))]
    )
    assert result.near_duplicates[0].existing_article_id == 99


def test_stored_bodies_leave_out_the_excluded_spans(sample_project) -> None:
    bodies = dict(stored_bodies(sample_project._store))
    rudaw = article_by_file(sample_project, "000")
    assert "Dutchman" not in bodies[rudaw.id] and "Iraqi PM Abadi" in bodies[rudaw.id]


def test_preview_reads_without_writing(project, tmp_path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"")
    before = project.info()
    rows = {Path(p.path).name: p for p in preview_paths([SAMPLE_CORPUS, tmp_path / "bad.txt"])}
    assert project.info() == before
    rudaw = rows["000_9c19c4d06432c712.txt"]
    assert (rudaw.format, rudaw.outlet, rudaw.published) == ("text", "Rudaw", dt.date(2017, 5, 18))
    assert rudaw.title.startswith("Syrian President Assad") and rudaw.language == "en"
    assert rudaw.boilerplate_spans == 2 and rudaw.length > 4000 and rudaw.error == ""
    assert rows["001_3c3817aed7541b26.txt"].outlet == "Syria Times", "the manifest applies"
    assert rows["bad.txt"].error == "the file is empty"
    assert "Rudaw" in rudaw.summary() and "FAILS" in rows["bad.txt"].summary()


def test_preview_with_the_project_flags_duplicates(sample_project, tmp_path) -> None:
    rows = preview_paths([SAMPLE_CORPUS], store=sample_project._store)
    assert all(r.duplicate_of is not None for r in rows)
    rudaw = article_by_file(sample_project, "000")
    makers.write(tmp_path / "again.txt", rudaw.text.replace("Sign In / Up", "Log in"))
    (row,) = preview_paths([tmp_path], store=sample_project._store)
    assert row.duplicate_of is None and row.near_duplicate.existing_article_id == rudaw.id


def test_preview_flags_files_that_repeat_an_earlier_file_of_the_batch(tmp_path) -> None:
    """The same page saved twice shows before the import, not only in its summary."""
    story = "Talks\n\n" + "\n\n".join(BODY) + "\n"
    (tmp_path / "a.txt").write_text(story, "utf-8")
    (tmp_path / "b.txt").write_text(story, "utf-8")  # the very same text
    (tmp_path / "c.txt").write_text("Sign In / Up\n\n" + story + "\nSHARE THIS\n", "utf-8")
    (tmp_path / "d.txt").write_text("Other story\n\n" + "Completely different. " * 40, "utf-8")
    rows = {Path(r.path).name: r for r in preview_paths([tmp_path])}
    assert rows["a.txt"].repeats is None and rows["d.txt"].repeats is None
    assert rows["b.txt"].repeats == BatchRepeat(str(tmp_path / "a.txt"), 1.0, exact=True)
    near = rows["c.txt"].repeats
    assert near is not None and near.earlier_path == str(tmp_path / "a.txt") and not near.exact
    assert rows["b.txt"].summary().startswith("repeat ")
    assert f"same text as {tmp_path / 'a.txt'}, earlier in this batch" in rows["b.txt"].summary()
    assert rows["d.txt"].summary().startswith("new ")


def test_a_file_already_in_the_project_is_not_called_a_repeat(project, tmp_path) -> None:
    story = "Talks\n\n" + "\n\n".join(BODY) + "\n"
    (tmp_path / "one").mkdir()
    (tmp_path / "one" / "a.txt").write_text(story, "utf-8")
    project.import_files([tmp_path / "one"])
    (tmp_path / "two").mkdir()
    for name in ("x.txt", "y.txt"):
        (tmp_path / "two" / name).write_text(story, "utf-8")
    rows = preview_paths([tmp_path / "two"], store=project._store)
    assert all(r.duplicate_of is not None and r.repeats is None for r in rows)


def test_preview_can_be_cancelled(tmp_path) -> None:
    for name in "abc":
        makers.write(tmp_path / f"{name}.txt", f"{name}\n{BODY[0]}")
    seen: list[str] = []
    rows = preview_paths(
        [tmp_path],
        progress=lambda n, total, name: seen.append(name),
        cancelled=lambda: len(seen) == 2,
    )
    assert [Path(r.path).name for r in rows] == ["a.txt", "b.txt"]


def test_overrides_correct_metadata_and_skip_files(project, tmp_path) -> None:
    makers.write(tmp_path / "a.txt", "Wrong title\nBy Rudaw 18/5/2017\n" + "\n".join(BODY))
    makers.write(tmp_path / "b.txt", "Skip me\n" + BODY[0])
    overrides = {
        str(tmp_path / "a.txt"): {
            "title": "Right title",
            "outlet": "Kurdistan 24",
            "published": "2017-06",
            "url": "https://www.kurdistan24.net/en/news/1",
            "language": "en",
        },
        str(tmp_path / "b.txt"): {"skip": True},
    }
    result = import_paths(project._store, [tmp_path], overrides=overrides)
    (article,) = result
    assert (article.title, article.outlet, article.url) == (
        "Right title",
        "Kurdistan 24",
        "https://www.kurdistan24.net/en/news/1",
    )
    assert article.published == dt.date(2017, 6, 1) and article.published_precision == "month"
    assert result.skipped == [str(tmp_path / "b.txt")]


def test_unknown_override_fields_are_refused_before_anything_is_written(project, tmp_path) -> None:
    makers.write(tmp_path / "a.txt", "Title\n" + BODY[0])
    with pytest.raises(InvalidInputError, match="sha256"):
        import_paths(
            project._store, [tmp_path], overrides={str(tmp_path / "a.txt"): {"sha256": "x"}}
        )
    assert project.info().articles == 0


def test_pages_of_one_site_share_one_outlet(project, tmp_path) -> None:
    makers.write(tmp_path / "a.html", makers.news_html(BODY[:2], site="Press TV"))
    makers.write(
        tmp_path / "b.html",
        makers.news_html(
            BODY[2:], site="PressTV", url="https://www.presstv.ir/Detail/2017/06/14/2/x"
        ),
    )
    result = project.import_files([tmp_path])
    assert [a.outlet for a in result] == ["Press TV", "Press TV"]
    assert [o.name for o in project.outlets()] == ["Press TV"]


def test_a_broken_manifest_is_reported_and_the_files_still_import(project, tmp_path) -> None:
    makers.write(tmp_path / "a.txt", "Title\n" + BODY[0])
    makers.write(tmp_path / "manifest.json", "{not json")
    result = project.import_files([tmp_path])
    assert [a.title for a in result] == ["Title"]
    (failure,) = result.failures
    assert failure.path == str(tmp_path / "manifest.json") and "manifest" in failure.reason
