"""Ingest: turn a file, stdin or bytes into `Article`s of clean plain text (`load_article` for
one story, `load_stories` for an input that may hold many: a newsletter, a mailbox)."""

from __future__ import annotations

import re
import sys
from dataclasses import replace
from pathlib import Path

from briefing.errors import InputError
from briefing.ingest.decode import decode_text
from briefing.ingest.guard import clean_title, tame_text
from briefing.ingest.html import parse_html
from briefing.ingest.language import screen_language
from briefing.ingest.plaintext import parse_markdown, parse_plain_text
from briefing.ingest.stories import LinkOptions, load_stories
from briefing.models import Article

__all__ = [
    "MAX_INPUT_BYTES",
    "LinkOptions",
    "check_article",
    "clean_title",
    "load_article",
    "load_stories",
    "parse_article",
    "tame_text",
]

MAX_INPUT_BYTES = 20 * 1024 * 1024
"""Articles are a few kilobytes; past this a file is almost surely not an article."""

_HTML_SNIFF = re.compile(rb"^\s*(<!doctype html|<html|<head|<body|<article|<p[ >])", re.IGNORECASE)
_MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_MIN_WORDS = 5
_OTHER_SCHEME = re.compile(r"^(?:[a-z][a-z0-9+.-]+://|(?:data|javascript|mailto|file):)", re.I)
"""file://, ftp://, data: and the like: never opened, whatever the rest says."""


def load_article(source: str | Path) -> Article:
    """Read an article from a path, an http(s) URL, or from stdin when `source` is "-"."""
    if isinstance(source, str) and source.lower().startswith(("http://", "https://")):
        from briefing.fetch import Fetcher, default_settings, load_url_article  # lazy: httpx

        with Fetcher(default_settings()) as fetcher:
            return load_url_article(source, fetcher)
    if str(source) == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        return parse_article(data, origin="stdin")
    path = Path(source)
    data = read_article_file(path, str(source))
    return parse_article(data, origin=str(source), kind=kind_from_suffix(path.suffix))


def read_article_file(path: Path, origin: str) -> bytes:
    """An article file's bytes, or one line saying why it cannot be read as an article."""
    if _OTHER_SCHEME.match(origin) and not path.exists():
        raise InputError(
            f"{origin}: only http:// and https:// URLs can be read; for a file, give its path."
        )
    if not path.exists():
        raise InputError(f"{origin}: no such file; check the path.")
    if path.is_dir():
        raise InputError(f"{origin}: is a folder; give an article file (.txt, .md or .html).")
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputError(
                f"{origin}: is {size // (1024 * 1024)} MB, too large for an article "
                f"(limit {MAX_INPUT_BYTES // (1024 * 1024)} MB); give the article alone."
            )
        return path.read_bytes()
    except PermissionError:
        raise InputError(f"{origin}: cannot be read (permission denied).") from None
    except OSError as error:
        raise InputError(f"{origin}: cannot be read ({error.strerror}).") from None


def parse_article(
    data: bytes, origin: str, kind: str | None = None, url: str | None = None
) -> Article:
    """Parse raw bytes as text, Markdown or HTML (sniffed when `kind` is None)."""
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(
            f"{origin}: more than {MAX_INPUT_BYTES // (1024 * 1024)} MB, too large for an article."
        )
    if not data.strip():
        raise InputError(f"{origin}: is empty; give a file with the article's text.")
    text = decode_text(data, origin)
    if not text.strip():
        raise InputError(f"{origin}: is empty; give a file with the article's text.")
    if kind is None:
        kind = "html" if _HTML_SNIFF.match(data[:512]) else "text"
    if kind == "html":
        article = parse_html(text, origin, url=url)
    elif kind == "markdown":
        article = parse_markdown(text, origin)
    else:
        article = parse_plain_text(text, origin)
    return check_article(article, html=kind == "html")


def check_article(article: Article, html: bool = False, language: bool = True) -> Article:
    """The last step of every way in (file, stdin, page, feed item): make the text safe to
    speak, settle its language (the declared `locale`, unless the text says otherwise), and
    refuse with a clear message what cannot make a story. `language=False` when the whole
    letter it came from was judged already (a headline alone is too short to)."""
    origin = article.origin or "the article"
    locale = article.locale
    if language:  # the headline too: a short page's body alone may be too few words to judge
        text = f"{article.title or ''}\n{article.text}"
        locale = screen_language(text, article.locale, origin)  # before taming
    text = tame_text(article.text)
    words = len(text.split())
    if words < _MIN_WORDS and html:
        raise InputError(
            f"{origin}: no article text found in this HTML page (only scripts, menus or "
            f"{words} words); save the article itself, or its text, and try again."
        )
    if words < _MIN_WORDS:
        raise InputError(f"{origin}: has too little text to summarise ({words} words).")
    return replace(article, text=text, title=clean_title(article.title), locale=locale)


def kind_from_suffix(suffix: str) -> str | None:
    """An article file's kind by its suffix: markdown, html, text, or None to sniff."""
    suffix = suffix.lower()
    if suffix in _MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in _HTML_SUFFIXES:
        return "html"
    if suffix in {".txt", ".text"}:
        return "text"
    return None
