"""EPUB input: a book from pandoc and a news compilation from calibre (tests/fixtures/documents,
made by make_fixtures.sh), small EPUBs built here for the shapes real files take, and one line
for each bad EPUB."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from briefing.errors import InputError
from briefing.ingest.epub import parse_epub
from briefing.models import Article

DOCUMENTS = Path(__file__).resolve().parent.parent / "fixtures" / "documents"
SOURCES = DOCUMENTS / "src"
PARAGRAPH = (
    "The harbour board met on Tuesday and agreed to open the north quay to the island ferry "
    "from Monday, two weeks earlier than planned, after the works finished ahead of time."
)


def read(name: str) -> list[Article]:
    return parse_epub((DOCUMENTS / name).read_bytes(), name)


def source_paragraphs(name: str, heading: str) -> list[str]:
    """The paragraphs under `# heading` in src/NAME, as pandoc prints them (curly quotes)."""
    text = (SOURCES / name).read_text(encoding="utf-8")
    section = text.split(f"# {heading}\n", 1)[1].split("\n# ", 1)[0]
    return [p.strip().replace("'", "’") for p in section.split("\n\n") if p.strip()]


def test_book_one_story_per_chapter_without_front_matter() -> None:
    stories = read("book.epub")
    assert [s.title for s in stories] == ["The Harbour Mouth", "The Quays", "The Tides"]
    assert {s.source_name for s in stories} == {"A Walker’s Guide to Port Ellery Harbour"}
    for story in stories:
        assert story.paragraphs == source_paragraphs("book.md", story.title or "")
        for furniture in (
            "Copyright",
            "licence",
            "Creative Commons",
            "For the lifeboat crews",
            "Contents",
            "Maren Holt",
        ):
            assert furniture not in story.text


def test_news_compilation_one_story_per_article() -> None:
    stories = read("news-compilation.epub")
    assert [s.title for s in stories] == [
        "Lifeboat crew rescues two kayakers caught by the ebb tide",
        "Harbour school pupils design a tide clock for the quay",
        "Fish market to sell direct to the public on Saturday mornings",
        "Ferry timetable changes after harbour works finish early",
    ]
    assert {s.source_name for s in stories} == {"Harbour Gazette"}  # not "… [Sun, 15 Mar 2026]"
    assert stories[0].url is not None and stories[0].url.endswith("/lifeboat.html")
    for story in stories:
        for furniture in ("Section menu", "Main menu", "Next", "calibre", "|"):
            assert furniture not in story.text
    assert stories[0].text.startswith("Port Ellery’s volunteer lifeboat crew rescued")


def _epub(
    chapters: dict[str, str],
    nav: str,
    *,
    spine: list[str] | None = None,
    extra: dict[str, bytes] | None = None,
    title: str = "The Harbour Papers",
) -> bytes:
    """A small EPUB 3: chapters by file name (their <body> content), a nav <ol>, a spine."""
    names = spine or list(chapters)
    manifest = "".join(
        f'<item id="c{i}" href="{name}" media-type="application/xhtml+xml"/>'
        for i, name in enumerate(chapters)
    )
    itemrefs = "".join(f'<itemref idref="c{list(chapters).index(n)}"/>' for n in names)
    opf = (
        '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0">'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:title>{title}</dc:title><dc:language>en</dc:language></metadata>"
        f'<manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" '
        f'properties="nav"/>{manifest}</manifest><spine><itemref idref="nav"/>{itemrefs}</spine>'
        "</package>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr(
            "META-INF/container.xml",
            '<?xml version="1.0"?><container version="1.0" '
            'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile '
            'full-path="OPS/book.opf" media-type="application/oebps-package+xml"/></rootfiles>'
            "</container>",
        )
        archive.writestr("OPS/book.opf", opf)
        archive.writestr("OPS/nav.xhtml", _xhtml(f'<nav epub:type="toc"><ol>{nav}</ol></nav>'))
        for name, body in chapters.items():
            archive.writestr(f"OPS/{name}", _xhtml(body))
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _xhtml(body: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml" '
        'xmlns:epub="http://www.idpf.org/2007/ops"><head><title>x</title></head>'
        f"<body>{body}</body></html>"
    )


def test_chapters_inside_one_file_split_at_their_anchors_but_not_at_sections() -> None:
    body = (
        f'<h1 id="one">The north quay</h1><p>{PARAGRAPH}</p>'
        f'<h2 id="one-a">Costs</h2><p>{PARAGRAPH} It cost three million pounds.</p>'
        f'<h1 id="two">The ferry</h1><p>{PARAGRAPH} The ferry sails at seven.</p>'
    )
    nav = (
        '<li><a href="all.xhtml#one">The north quay</a>'
        '<ol><li><a href="all.xhtml#one-a">Costs</a></li></ol></li>'
        '<li><a href="all.xhtml#two">The ferry</a></li>'
    )
    stories = parse_epub(_epub({"all.xhtml": body}, nav), "book.epub")
    assert [s.title for s in stories] == ["The north quay", "The ferry"]
    assert "three million pounds" in stories[0].text and "Costs" not in stories[0].text
    assert stories[1].text.endswith("The ferry sails at seven.")


def test_a_chapter_split_over_files_stays_one_story_and_spine_order_wins() -> None:
    chapters = {
        "b.xhtml": f"<h1>Second</h1><p>{PARAGRAPH} Second.</p>",
        "a1.xhtml": f"<h1>First</h1><p>{PARAGRAPH} First, part one.</p>",
        "a2.xhtml": f"<p>{PARAGRAPH} First, part two.</p>",  # a converter's split file
    }
    nav = '<li><a href="b.xhtml">Second</a></li><li><a href="a1.xhtml">First</a></li>'
    stories = parse_epub(
        _epub(chapters, nav, spine=["a1.xhtml", "a2.xhtml", "b.xhtml"]), "book.epub"
    )
    assert [s.title for s in stories] == ["First", "Second"]
    assert stories[0].text.endswith("First, part two.")


def test_front_and_back_matter_are_not_read() -> None:
    chapters = {
        "cover.xhtml": '<section epub:type="cover"><p>The Harbour Papers</p></section>',
        "toc.xhtml": "<h1>Contents</h1><p><a href='c.xhtml'>Chapter one</a></p>"
        "<p><a href='c.xhtml'>Chapter two</a></p>",
        "rights.xhtml": "<p>Copyright © 2026 Quayside Books. All rights reserved. No part of "
        "this book may be reproduced. ISBN 978-0-00-000000-0.</p>",
        "c.xhtml": f"<h1>Chapter one</h1><p>{PARAGRAPH}</p>",
        "pg.xhtml": "<p>*** END OF THE PROJECT GUTENBERG EBOOK THE HARBOUR PAPERS ***</p>"
        f"<p>{PARAGRAPH} Updated editions will replace the previous one.</p>",
        "thanks.xhtml": f"<h1>Acknowledgements</h1><p>{PARAGRAPH}</p>",
    }
    nav = "".join(f'<li><a href="{name}">{name}</a></li>' for name in chapters)
    stories = parse_epub(_epub(chapters, nav), "book.epub")
    assert [s.title for s in stories] == ["c.xhtml"]
    assert stories[0].text == PARAGRAPH


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04 not really a zip", r"is a damaged EPUB that cannot be opened"),
        (b"", r"is a damaged EPUB that cannot be opened"),
    ],
)
def test_bad_epubs_are_refused_in_one_line(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_epub(data, "book.epub")
    assert caught.value.message.startswith("book.epub: ")
    assert re.search(message, caught.value.message)


def test_truncated_epub() -> None:
    with pytest.raises(InputError, match=r"truncated\.epub: is a damaged EPUB"):
        read("truncated.epub")


def test_drm_and_zip_bomb_and_size() -> None:
    drm = _epub(
        {"c.xhtml": f"<p>{PARAGRAPH}</p>"},
        '<li><a href="c.xhtml">One</a></li>',
        extra={
            "META-INF/encryption.xml": b'<encryption><CipherReference URI="OPS/c.xhtml"/>'
            b"</encryption>"
        },
    )
    with pytest.raises(InputError, match=r"book\.epub: is locked by DRM"):
        parse_epub(drm, "book.epub")
    bomb = _epub({"c.xhtml": "<p>" + "harbour " * 3_000_000 + "</p>"}, "")
    with pytest.raises(InputError, match=r"book\.epub: holds a part too large to be a chapter"):
        parse_epub(bomb, "book.epub")
    with pytest.raises(InputError, match=r"big\.epub: is a 50 MB EPUB, too large to read"):
        parse_epub(b"PK\x03\x04" + bytes(50 * 1024 * 1024), "big.epub")


def test_an_epub_of_only_notices_says_so() -> None:
    chapters = {"rights.xhtml": "<p>Copyright 2026. All rights reserved. ISBN 978-0.</p>"}
    with pytest.raises(InputError, match=r"book\.epub: no chapter with text to read"):
        parse_epub(_epub(chapters, '<li><a href="rights.xhtml">Rights</a></li>'), "book.epub")
