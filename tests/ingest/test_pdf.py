"""PDF input: reading order, furniture, hyphenation and titles on PDFs printed by LibreOffice
(tests/fixtures/documents, made by make_fixtures.sh), and one line for each bad PDF."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing.errors import InputError
from briefing.ingest.documents import (
    MAX_DOCUMENT_BYTES,
    cut_after_end_mark,
    drop_addresses,
    plausible_title,
    without_site_name,
)
from briefing.ingest.pdf import (
    Line,
    Page,
    _join_hyphenation,
    _page_blocks,
    _reading_order,
    parse_pdf,
)
from briefing.models import Article

DOCUMENTS = Path(__file__).resolve().parent.parent / "fixtures" / "documents"
SOURCES = DOCUMENTS / "src"


def read(name: str) -> Article:
    [article] = parse_pdf((DOCUMENTS / name).read_bytes(), name)
    return article


def source_paragraphs(name: str) -> list[str]:
    """The text the fixture was printed from, without its title line."""
    text = (SOURCES / name).read_text(encoding="utf-8")
    return [p.strip() for p in text.split("\n\n")[1:] if p.strip()]


def words(text: str) -> list[str]:
    return re.findall(r"[\w’'-]+", text.lower().replace("’", "'"))


def test_two_columns_read_in_order_without_furniture_or_hyphen_splits() -> None:
    article = read("two-column-report.pdf")
    assert article.title == (
        "Winter trial shows tidal power can carry a small town through the dark months"
    )
    # every word of the report, in the order written: the columns and pages in reading order,
    # the words broken at line ends joined, and nothing else between them
    assert words(article.text) == words(" ".join(source_paragraphs("report.md")))
    assert article.paragraphs == source_paragraphs("report.md")
    for furniture in ("Winter trial report 2026", "Page 1", "Page 2", "By Maren Holt"):
        assert furniture not in article.text


def test_press_release_without_dateline_contacts_or_notes_to_editors() -> None:
    article = read("press-release.pdf")
    # the printed heading, not the metadata's "Microsoft Word - PR_tours_final_v3.docx"
    assert article.title == "Port Ellery Energy Co-operative opens its harbour turbines to visitors"
    assert article.text.startswith("The Port Ellery Energy Co-operative will open its tidal")
    assert article.text.endswith("the control room is reached by a steep ramp.")
    for furniture in (
        "PRESS RELEASE",
        "ENDS",
        "Notes to editors",
        "@",
        "www.",
        "http",
        "1/2",
        "Quay Street ·",
        "14 March 2026",
    ):
        assert furniture not in article.text


def test_title_from_the_metadata_when_the_page_has_no_heading() -> None:
    article = read("metadata-title.pdf")
    assert article.title == "Ferry timetable changes after harbour works finish early"
    assert article.paragraphs == source_paragraphs("metadata-title.md")


def test_pdf_with_only_an_owner_password_is_read() -> None:
    """Many published PDFs are encrypted against editing, with no password to open them."""
    assert read("owner-password-only.pdf").text == read("metadata-title.pdf").text


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "scanned.pdf",
            r"is a scanned PDF \(pictures of pages, no text layer\); run it through OCR",
        ),
        ("encrypted.pdf", r"is an encrypted PDF that needs a password; save an unprotected copy"),
        ("truncated.pdf", r"is a damaged PDF that cannot be read \(cut short or corrupt\)"),
    ],
)
def test_bad_pdfs_are_refused_in_one_line(name: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_pdf((DOCUMENTS / name).read_bytes(), name)
    assert caught.value.message.startswith(f"{name}: ")
    assert re.search(message, caught.value.message)
    assert "\n" not in caught.value.message


def test_too_large_and_not_a_pdf() -> None:
    with pytest.raises(InputError, match=r"big\.pdf: is a 50 MB PDF, too large to read"):
        parse_pdf(b"%PDF-1.7\n" + bytes(50 * 1024 * 1024), "big.pdf")
    assert MAX_DOCUMENT_BYTES < 50 * 1024 * 1024
    with pytest.raises(InputError, match=r"page\.pdf: is not a PDF \(no %PDF header\)"):
        parse_pdf(b"<html><body>Not a PDF at all</body></html>", "page.pdf")


def _line(x0: float, y: float, text: str, width: float = 200.0) -> Line:
    return Line(1, x0, x0 + width, y, y + 10, text, 10.0, False)


def test_columns_are_read_left_then_right_whatever_order_the_file_draws_them() -> None:
    title = Line(1, 50, 520, 760, 780, "A title across both columns", 18.0, True)
    left = [_line(50, 700 - 12 * i, f"left {i}") for i in range(6)]
    right = [_line(300, 700 - 12 * i, f"right {i}") for i in range(6)]
    drawn = [*reversed(right), title, *left]  # the right column first, the title in between
    blocks = _page_blocks(drawn)
    assert [[line.text for line in block] for block in blocks] == [
        ["A title across both columns"],
        [f"left {i}" for i in range(6)],
        [f"right {i}" for i in range(6)],
    ]


def test_a_last_page_with_two_lines_a_column_keeps_the_columns_of_the_page_before() -> None:
    first = [_line(50, 700 - 12 * i, f"left {i}") for i in range(6)]
    first += [_line(300, 700 - 12 * i, f"right {i}") for i in range(6)]
    last = [Line(2, 50, 250, 700 - 12 * i, 710 - 12 * i, f"end {i}", 10.0, False) for i in (0, 1)]
    last += [
        Line(2, 300, 500, 700 - 12 * i, 710 - 12 * i, f"tail {i}", 10.0, False) for i in (0, 1)
    ]
    pages = [Page(1, 595, 842, tuple(first), 0), Page(2, 595, 842, tuple(last), 0)]
    text = [line.text for block in _reading_order(pages, first + last) for line in block]
    assert text[-4:] == ["end 0", "end 1", "tail 0", "tail 1"]


def test_line_end_hyphens_joined_unless_the_word_has_one() -> None:
    paragraphs = [
        "The co-operative met. Work on the un\x00derwater cable and the co\x00operative's plan.",
        "A half\x00hour delay, COVID\x0019 rules and an ex\x00pansion of the re\x00port.",
        "The state\x00ment from World\x00Com.",
    ]
    assert _join_hyphenation(paragraphs) == [
        "The co-operative met. Work on the underwater cable and the co-operative's plan.",
        "A half-hour delay, COVID-19 rules and an expansion of the report.",
        "The statement from World-Com.",
    ]


def test_plausible_titles() -> None:
    for junk in (
        "Microsoft Word - PR_tours_final_v3.docx",
        "Untitled",
        "Document1",
        "pr_tours_final",
        "report.pdf",
        "Slide 1",
        "PowerPoint Presentation",
        "",
        None,
    ):
        assert plausible_title(junk) is None, junk
    assert plausible_title("Ferry timetable changes") == "Ferry timetable changes"


def test_a_web_page_title_loses_its_site() -> None:
    assert without_site_name("Ferry returns to the north quay early - ABC13 Houston") == (
        "Ferry returns to the north quay early"
    )
    assert without_site_name("Ferry returns to the north quay | Travel | The Gazette") == (
        "Ferry returns to the north quay"
    )
    for kept in ("Chapter 1 - The Harbour", "Budget: what it means for you and your family"):
        assert without_site_name(kept) == kept


def test_contact_lines_and_addresses_are_not_read() -> None:
    paragraphs = [
        "The council approved the bridge. Details are at https://example.org/bridge.",
        "Media contact: Jo Bramwell, press@example.org, 01632 960 419.",
        "Residents, who had written to the council at info@example.org and to the minister "
        "many times over a decade about the crossing, welcomed the decision on Monday night.",
    ]
    assert drop_addresses(paragraphs) == [
        "The council approved the bridge.",
        "Residents, who had written to the council and to the minister many times over a "
        "decade about the crossing, welcomed the decision on Monday night.",
    ]


def test_a_release_stops_at_ends() -> None:
    body = ["The council approved the bridge on Monday night after a long debate."] * 3
    assert cut_after_end_mark([*body, "ENDS", "About the council", "It has 40 members."]) == body
    assert cut_after_end_mark([*body, "###", "Contact: Jo"]) == body
    assert cut_after_end_mark(["Notes to editors", *body]) == ["Notes to editors", *body]
