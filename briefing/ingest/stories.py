"""One input, any number of stories: a file, a folder, stdin or a URL, read by its kind.

An article file is one story; an e-mail newsletter is one story per item; an mbox or a Maildir
is every message's stories; a PDF or an EPUB is what its reader finds. The kind is told by the
file's suffix, else by its first bytes, so a message piped on stdin is read as a message.
Readers of documents are imported only when such a document is read.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from briefing.errors import BriefingError, InputError
from briefing.models import Article, StoryFailure

MAX_DOCUMENT_BYTES = 100 * 1024 * 1024
"""A message with attachments, a PDF or an EPUB may be larger than an article; past this it
is almost surely not something to read aloud."""
_SNIFF_BYTES = 4096

_MESSAGE_SUFFIXES = {".eml"}
_MBOX_SUFFIXES = {".mbox", ".mbx"}
_PDF_MAGIC = b"%PDF-"
_ZIP_MAGIC = b"PK\x03\x04"
_EPUB_MIMETYPE = b"mimetypeapplication/epub+zip"
_MBOX_FROM_LINE = re.compile(rb"^From \S+[^\n]*\n")


@dataclass
class Stories:
    """What one input gave: its stories, in order, and the parts of it that failed."""

    articles: list[Article] = field(default_factory=list)
    failures: list[StoryFailure] = field(default_factory=list)

    def extend(self, other: Stories) -> None:
        self.articles.extend(other.articles)
        self.failures.extend(other.failures)


@dataclass(frozen=True)
class LinkOptions:
    """Whether a newsletter item that is only a headline and a link is read from its page."""

    fetch_links: bool = False


def load_stories(
    source: str | Path, *, links: LinkOptions | None = None
) -> tuple[list[Article], list[StoryFailure]]:
    """Every story in `source` (a path, "-" for stdin, or an http(s) URL), and what failed.

    Raises `InputError` when the input itself cannot be read or gives no story at all; a part
    that fails (one message of a mailbox, one item of a feed) is a `StoryFailure` instead.
    """
    links = links or LinkOptions()
    stories = _read(source, links)
    if not stories.articles:
        if stories.failures:
            first = stories.failures[0]
            error = InputError(first.reason)
            error.exit_code = first.exit_code
            raise error
        raise InputError(f"{source}: no stories found in it.")
    return stories.articles, stories.failures


def _read(source: str | Path, links: LinkOptions) -> Stories:
    if isinstance(source, str) and source.lower().startswith(("http://", "https://")):
        from briefing.fetch import Fetcher, default_settings, stories_from_url

        with Fetcher(default_settings()) as fetcher:
            articles, failures = stories_from_url(source, fetcher)
        return Stories(articles, failures)
    if str(source) == "-":
        data = sys.stdin.buffer.read(MAX_DOCUMENT_BYTES + 1)
        if len(data) > MAX_DOCUMENT_BYTES:
            raise InputError(f"stdin: more than {_megabytes(MAX_DOCUMENT_BYTES)} MB; too large.")
        return parse_stories(data, "stdin", links=links)
    path = Path(source)
    origin = str(source)
    if path.is_dir() and _is_maildir(path):
        from briefing.ingest.mailboxes import read_maildir

        return read_maildir(path, origin, links)
    suffix = path.suffix.lower()
    if path.is_file() and suffix in _MBOX_SUFFIXES:
        from briefing.ingest.mailboxes import read_mbox

        return read_mbox(path, origin, links)
    kind = _document_kind(path, suffix)
    if kind is None:  # an article file, read as before; an HTML one may be a newsletter
        from briefing.ingest import kind_from_suffix, parse_article, read_article_file

        data = read_article_file(path, origin)
        article_kind = kind_from_suffix(suffix)
        if article_kind in (None, "html") and _looks_like_newsletter(data):
            return parse_stories(data, origin, kind="html-newsletter", links=links)
        return Stories([parse_article(data, origin=origin, kind=article_kind)])
    size = path.stat().st_size
    if size > MAX_DOCUMENT_BYTES:
        raise InputError(
            f"{origin}: is {_megabytes(size)} MB, too large to read "
            f"(limit {_megabytes(MAX_DOCUMENT_BYTES)} MB)."
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"{origin}: cannot be read ({error.strerror}).") from None
    return parse_stories(data, origin, kind=kind, links=links)


def parse_stories(
    data: bytes, origin: str, kind: str | None = None, links: LinkOptions | None = None
) -> Stories:
    """The stories in `data`: kind is "message", "mbox", "pdf", "epub", or sniffed when None
    (anything else is read as one article, as `parse_article` reads it)."""
    from briefing.ingest import parse_article

    kind = kind or sniff_kind(data)
    links = links or LinkOptions()
    if kind == "message":
        from briefing.ingest.newsletter import stories_from_message

        return stories_from_message(data, origin, links)
    if kind == "mbox":
        from briefing.ingest.mailboxes import read_mbox_bytes

        return read_mbox_bytes(data, origin, links)
    if kind == "html-newsletter":
        from briefing.ingest.newsletter import stories_from_html

        return stories_from_html(data, origin, links)
    if kind in _DOCUMENT_READERS:
        return Stories(_DOCUMENT_READERS[kind](data, origin))
    return Stories([parse_article(data, origin=origin)])


def sniff_kind(data: bytes) -> str | None:
    """What `data` is by its first bytes: a PDF, an EPUB, an mbox, an RFC 822 message, an
    HTML e-mail newsletter; None for an article (text, Markdown or a web page)."""
    head = data[:_SNIFF_BYTES]
    if head.startswith(_PDF_MAGIC):
        return "pdf"
    if head.startswith(_ZIP_MAGIC) and _EPUB_MIMETYPE in head[:200]:
        return "epub"
    from briefing.ingest.message import looks_like_message

    if _MBOX_FROM_LINE.match(head) and looks_like_message(head[head.index(b"\n") + 1 :]):
        return "mbox"
    if looks_like_message(head):
        return "message"
    if _looks_like_newsletter(data):
        return "html-newsletter"
    return None


def _document_kind(path: Path, suffix: str) -> str | None:
    """A file's kind by suffix, else by its first bytes; None for an article file."""
    if suffix in _MESSAGE_SUFFIXES:
        return "message"
    if suffix in (".pdf", ".epub"):
        return suffix[1:]
    if not path.is_file():
        return None  # the article path says what is wrong with it
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError:
        return None
    kind = sniff_kind(head)
    return None if kind == "html-newsletter" else kind


def _looks_like_newsletter(data: bytes) -> bool:
    from briefing.ingest.newsletter import looks_like_newsletter

    return looks_like_newsletter(data)


def _is_maildir(path: Path) -> bool:
    return all((path / name).is_dir() for name in ("cur", "new"))


def _document_reader(kind: str, label: str) -> Callable[[bytes, str], list[Article]]:
    """`briefing.ingest.<kind>.parse_<kind>`, imported when first used."""

    def read(data: bytes, origin: str) -> list[Article]:
        try:
            module = importlib.import_module(f"briefing.ingest.{kind}")
        except ModuleNotFoundError as error:
            if error.name != f"briefing.ingest.{kind}":
                raise InputError(
                    f"{origin}: {label} input needs {error.name}, which is not installed; "
                    "install briefing again (./install.sh)."
                ) from None
            raise InputError(f"{origin}: {label} input is not available in this build.") from None
        parse: Callable[[bytes, str], list[Article]] = getattr(module, f"parse_{kind}")
        return parse(data, origin)

    return read


_DOCUMENT_READERS: dict[str, Callable[[bytes, str], list[Article]]] = {
    "pdf": _document_reader("pdf", "PDF"),
    "epub": _document_reader("epub", "EPUB"),
}


def _megabytes(size: int) -> int:
    return size // (1024 * 1024)


def failure_of(origin: str, error: BriefingError) -> StoryFailure:
    """A part of an input that failed, as the report names it."""
    return StoryFailure(origin, error.message, error.exit_code)
