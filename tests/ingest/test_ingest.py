from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from briefing.errors import InputError
from briefing.ingest import load_article, parse_article

BODY = (
    "The council approved the new bridge on Monday. Work will start in spring.\n\n"
    "Residents had campaigned for a crossing for a decade."
)


def test_plain_text_first_line_is_title_when_it_looks_like_one(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Council backs new bridge\n\n" + BODY, encoding="utf-8")
    article = load_article(path)
    assert article.title == "Council backs new bridge"
    assert article.text == BODY
    assert article.origin == str(path)


def test_plain_text_without_title_keeps_first_sentence_as_body(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(BODY, encoding="utf-8")
    article = load_article(path)
    assert article.title is None
    assert article.paragraphs[0].startswith("The council approved")


def test_markdown_markup_is_stripped(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(
        "# Council backs *new* bridge\n\n"
        "The council **approved** the [new bridge](https://example.org/b) on Monday.\n\n"
        "- Work will start in `spring`.\n"
        "> Residents had campaigned for a crossing for a decade.\n",
        encoding="utf-8",
    )
    article = load_article(path)
    assert article.title == "Council backs new bridge"
    assert "approved the new bridge on Monday" in article.text
    for mark in ("*", "[", "](", "`", "#", ">"):
        assert mark not in article.text


def test_html_gives_title_and_main_text_without_navigation_or_scripts(tmp_path: Path) -> None:
    path = tmp_path / "story.html"
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY.split("\n\n")) * 2
    path.write_text(
        "<!doctype html><html><head><title>Council backs new bridge | Gazette</title>"
        "<script>var tracking = 'secret';</script></head><body>"
        "<nav><a href='/'>Home</a> <a href='/sport'>Sport</a></nav>"
        f"<article><h1>Council backs new bridge</h1>{paragraphs}</article>"
        "<footer>Copyright Gazette</footer></body></html>",
        encoding="utf-8",
    )
    article = load_article(path)
    assert article.title is not None and "Council backs new bridge" in article.title
    assert "The council approved the new bridge" in article.text
    assert "tracking" not in article.text
    assert "Sport" not in article.text


def test_stdin_is_read_for_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_stdin = io.TextIOWrapper(io.BytesIO(("Bridge news\n\n" + BODY).encode()))
    monkeypatch.setattr(sys, "stdin", fake_stdin)
    article = load_article("-")
    assert article.origin == "stdin"
    assert article.title == "Bridge news"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"  \n\t \n", "is empty"),
        (b"\x00\x01\x02\x03binary\x00\xff" * 20, "looks like a binary file"),
        (b"Too short.", "too little text"),
    ],
    ids=["empty", "whitespace", "binary", "too-short"],
)
def test_bad_files_raise_input_error_naming_the_file(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        load_article(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)
    assert caught.value.exit_code == 2


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_article(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a folder"):
        load_article(tmp_path)


def test_html_is_sniffed_without_extension() -> None:
    html = b"<html><body><article><p>" + BODY.encode() + b"</p></article></body></html>"
    article = parse_article(html, origin="page")
    assert "<p>" not in article.text
    assert "council approved" in article.text
