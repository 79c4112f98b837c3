"""EPUB books and news compilations: one story per chapter or article, in spine order.

An EPUB is a zip of XHTML files; its package file lists them in reading order (the spine) and
its table of contents (EPUB 3 nav, or EPUB 2 NCX) names the chapters. A story starts at each
entry of the table of contents (a file of its own, or an anchor inside a file holding several
chapters), so a chapter that a converter split over several files stays one story. Pages that
are not read: the cover and title page, tables of contents, section indexes (a news
compilation's list of articles), copyright and licence pages, dedications and the like, found
by their EPUB type, their heading or their text. The book's title is said as the source of
each story ("From A Walker's Guide …: The Quays."); a compilation's date is left off it.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any
from urllib.parse import unquote, urldefrag

from briefing.errors import InputError
from briefing.ingest.documents import (
    check_size,
    cut_after_end_mark,
    drop_addresses,
    drop_release_furniture,
    finish,
    without_site_name,
)
from briefing.ingest.furniture import strip_furniture
from briefing.models import Article

MAX_MEMBER_BYTES = 16 * 1024 * 1024
"""One chapter's XHTML unpacked; a larger member is a zip bomb, not a chapter."""
MAX_TOTAL_BYTES = 128 * 1024 * 1024
"""Everything read from one EPUB, unpacked."""
MAX_CHAPTERS = 2000

_BLOCKS = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "blockquote",
        "pre",
        "dd",
        "dt",
        "section",
        "article",
        "header",
        "footer",
        "main",
        "aside",
        "figure",
        "figcaption",
        "br",
        "hr",
        "tr",
        "ul",
        "ol",
        "dl",
        "address",
        "center",
    ]
)
_SKIP_TAGS = frozenset(
    [
        "head",
        "script",
        "style",
        "nav",
        "svg",
        "math",
        "table",
        "figure",
        "figcaption",
        "img",
        "audio",
        "video",
        "object",
        "iframe",
        "form",
        "button",
        "select",
        "textarea",
        "noscript",
        "template",
    ]
)
_SKIP_TYPES = frozenset(
    [
        "cover",
        "titlepage",
        "halftitlepage",
        "toc",
        "landmarks",
        "loi",
        "lot",
        "page-list",
        "copyright-page",
        "colophon",
        "imprint",
        "dedication",
        "epigraph",
        "acknowledgments",
        "acknowledgements",
        "foreword?",
        "index",
        "glossary",
        "bibliography",
        "footnote",
        "footnotes",
        "endnote",
        "endnotes",
        "rearnote",
        "rearnotes",
        "noteref",
        "frontmatter-toc",
        "errata",
        "contributors",
        "other-credits",
        "seriespage",
        "navigation",
        "banner",
        "contentinfo",
    ]
)
"""EPUB structural types (epub:type) of parts that are not read aloud."""
_SKIP_HEADINGS = re.compile(
    r"^(?:(?:table of )?contents|copyright(?: page| notice)?|dedication|acknowledge?ments?|"
    r"about (?:the|this) (?:authors?|book|edition|publisher)|also by .*|colophon|licen[cs]e|"
    r"title page|cover|index|imprint|credits|notes|endnotes|footnotes|bibliography|"
    r"the full project gutenberg licen[cs]e|section menu|main menu|front matter|praise for .*|"
    r"by the same author|books by .*|other books by .*|epigraph)$",
    re.IGNORECASE,
)
_LICENCE_WORDS = re.compile(
    r"copyright|©|all rights reserved|licen[cs]e[ds]?\b|creative commons|isbn|project gutenberg|"
    r"first published|published by|printed in|no part of this (?:book|publication)|"
    r"cataloguing|catalog(?:u|)ing-in-publication|trademark",
    re.IGNORECASE,
)
_GUTENBERG_MARK = re.compile(
    r"\*\*\*\s*(?:START|END) OF (?:THE|THIS) PROJECT GUTENBERG", re.IGNORECASE
)
_CALIBRE_CREDIT = re.compile(r"^This article was downloaded by calibre from\b", re.IGNORECASE)
_COMPILATION_DATE = re.compile(r"\s*\[[^\[\]]{4,40}\]\s*$")
"""calibre's news downloads name the book "Title [Mon, 15 Mar 2026]"."""
_NUMBER_ONLY = re.compile(r"^[\[(]?(?:\d{1,5}|[ivxlcdm]{1,7})[\])]?\.?$", re.IGNORECASE)
"""A block that is only a number: a printed page's number, a paragraph's reference number."""
_NAVBAR_TEXT = re.compile(
    r"^[|\s]*(?:(?:next|previous|section menu|main menu|next section|"
    r"previous section)[|\s]*)+$",
    re.IGNORECASE,
)
_CONTAINER_NS = "{urn:oasis:names:tc:opendocument:xmlns:container}"
_OPF_NS = "{http://www.idpf.org/2007/opf}"
_DC_NS = "{http://purl.org/dc/elements/1.1/}"
_NCX_NS = "{http://www.daisy.org/z3986/2005/ncx/}"
_EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"


@dataclass
class _TocEntry:
    label: str
    path: str
    anchor: str | None
    depth: int
    parent_path: str | None


@dataclass
class _Chunk:
    """Text of one story as read, before it becomes an `Article`."""

    label: str | None
    paragraphs: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    skipped: bool = False
    link_blocks: int = 0
    link_words: int = 0
    text_blocks: int = 0
    words: int = 0
    url: str | None = None


def parse_epub(data: bytes, origin: str) -> list[Article]:
    """Every chapter or article of an EPUB that is worth hearing, in reading order.

    Raises `InputError` (one line naming `origin`) for a file that is too large, not a zip,
    damaged, locked by DRM, or without any readable chapter.
    """
    check_size(len(data), origin, "EPUB")
    book = _Book.open(data, origin)
    title = book.title()
    spine = book.spine()
    if not spine:
        raise InputError(f"{origin}: this EPUB lists no chapters (an empty spine); check the file.")
    toc = book.toc()
    toc_paths = {entry.path for entry in toc}
    if len(toc_paths & {path for path, _ in spine}) * 2 < len(toc_paths):
        toc = []  # a contents whose links mostly miss the book's files: each file a story
    starts = _story_starts(toc)
    chunks: list[_Chunk] = []
    current: _Chunk | None = None
    missing = 0
    first_entry = {
        path: min((e for e in toc if e.path == path), key=lambda e: e.depth)
        for path in {e.path for e in toc}
    }
    for path, skipped_by_type in spine:
        anchors = starts.get(path, {})
        entry = first_entry.get(path)
        if current is None or path in starts or not toc or current.skipped:
            current = _Chunk(label=entry.label if entry else None)
            chunks.append(current)
        if skipped_by_type:
            current.skipped = True
        tree = book.xhtml(path)
        if tree is None:
            missing += 1
            continue
        for anchor_label, block, kind in _blocks(tree, anchors):
            if anchor_label is not None:
                current = _Chunk(label=anchor_label or None)
                chunks.append(current)
                continue
            if kind == "skip-type":
                current.skipped = True
            elif kind == "heading":
                current.headings.append(block)
                current.paragraphs.append(block)
            elif kind == "link":
                current.link_blocks += 1
                current.link_words += len(block.split())
                current.words += len(block.split())
                current.paragraphs.append(block)
            elif kind == "credit":
                current.url = block or current.url
            else:
                current.text_blocks += 1
                current.words += len(block.split())
                current.paragraphs.append(block)
    if missing == len(spine):
        raise InputError(
            f"{origin}: is a damaged EPUB (the chapters it lists are not in the file); "
            "download or export it again."
        )
    source = _COMPILATION_DATE.sub("", title) if title else None
    articles = [
        article
        for chunk in chunks
        if not _not_read(chunk)
        for article in [_article(chunk, origin, source)]
        if article is not None
    ]
    if not articles:
        raise InputError(
            f"{origin}: no chapter with text to read in this EPUB (only covers, contents or "
            "notices); check the file."
        )
    return finish(articles, origin, "EPUB")


def _story_starts(toc: Sequence[_TocEntry]) -> dict[str, dict[str, str]]:
    """Per file, the anchors where a story starts ("" for the file's top) and their labels: an
    entry starts one unless its parent entry is in the same file (a section of a chapter)."""
    starts: dict[str, dict[str, str]] = {}
    for entry in toc:
        if entry.parent_path == entry.path:
            continue
        starts.setdefault(entry.path, {}).setdefault(entry.anchor or "", entry.label)
    return starts


def _not_read(chunk: _Chunk) -> bool:
    if chunk.skipped:
        return True
    label = (chunk.label or (chunk.headings[0] if chunk.headings else "")).strip()
    if label and _SKIP_HEADINGS.match(label.rstrip(".:")):
        return True
    if chunk.headings and _SKIP_HEADINGS.match(chunk.headings[0].strip().rstrip(".:")):
        return True
    text = " ".join(chunk.paragraphs)
    if chunk.link_blocks >= 2 and (
        chunk.link_words >= chunk.words * 0.5 or chunk.link_blocks >= chunk.text_blocks
    ):
        return True  # a table of contents or a section's list of articles
    if _GUTENBERG_MARK.search(text) and chunk.words < 6000:
        return True
    licence_hits = len(_LICENCE_WORDS.findall(text))
    return licence_hits >= 2 and chunk.words < 400 or licence_hits >= 8 and chunk.words < 3000


def _article(chunk: _Chunk, origin: str, source: str | None) -> Article | None:
    paragraphs = [
        p for p in chunk.paragraphs if not (_NAVBAR_TEXT.match(p) or _NUMBER_ONLY.match(p))
    ]
    title = chunk.label or (chunk.headings[0] if chunk.headings else None)
    if chunk.headings and title and _same(chunk.headings[0], title):
        paragraphs.remove(chunk.headings[0])
    elif chunk.headings and paragraphs and paragraphs[0] == chunk.headings[0]:
        title = title or paragraphs[0]
        paragraphs = paragraphs[1:]
    paragraphs = [p for p in paragraphs if p not in chunk.headings]  # crossheads
    paragraphs = drop_addresses(cut_after_end_mark(drop_release_furniture(paragraphs)))
    titles = [t for t in (title, source) if t]
    paragraphs = strip_furniture(paragraphs, titles=titles)
    if not paragraphs:
        return None
    if title and chunk.url:  # an article saved from the web: "Headline - Site"
        title = without_site_name(title)
    if title and source and _same(title, source):
        source = None
    return Article(
        text="\n\n".join(paragraphs),
        title=title,
        origin=origin,
        source_name=source,
        url=chunk.url if chunk.url and chunk.url.startswith(("http://", "https://")) else None,
    )


def _same(a: str, b: str) -> bool:
    def key(text: str) -> str:
        return re.sub(r"\W+", " ", text).strip().lower()

    return key(a) == key(b)


def _blocks(tree: Any, anchors: dict[str, str]) -> Iterator[tuple[str | None, str, str]]:
    """(anchor label or None, text, kind) for each block of an XHTML document in order; kind
    is "text", "heading", "link" (a block that is all links), "credit" (calibre's
    downloaded-from line, its URL as text) or "skip-type". An anchor that starts a story
    yields (label, "", "") before the blocks that follow it."""
    body = tree.find(".//body")
    if body is None:
        body = tree
    if _skipped_type(body):
        yield None, "", "skip-type"
        return
    pending: list[str] = []
    link_chars = 0

    def flush(kind: str = "text") -> Iterator[tuple[str | None, str, str]]:
        nonlocal link_chars
        text = " ".join("".join(pending).split())
        total = len(text)
        pending.clear()
        links, link_chars = link_chars, 0
        if not text:
            return
        if _CALIBRE_CREDIT.match(text):
            yield None, "", "credit"
            return
        if kind == "text" and links >= total * 0.5:
            kind = "link"
        yield None, text, kind

    def walk(element: Any, in_link: bool) -> Iterator[tuple[str | None, str, str]]:
        nonlocal link_chars
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if not tag:
            return
        element_id = element.get("id")
        if element_id and element_id in anchors:
            yield from flush()
            yield anchors[element_id], "", ""
        if _is_navbar(element):
            for link in element.iter("a"):
                if link.get("rel") == "calibre-downloaded-from":
                    yield None, link.get("href") or "", "credit"
            return
        if tag in _SKIP_TAGS or _skipped_type(element):
            return
        block = tag in _BLOCKS
        heading = tag in {"h1", "h2", "h3", "h4", "h5", "h6"}
        if block:
            yield from flush()
        if tag == "a" and element.get("rel") == "calibre-downloaded-from":
            yield None, element.get("href") or "", "credit"
        if element.text:
            pending.append(element.text)
            if in_link or tag == "a":
                link_chars += len(element.text.strip())
        for child in element:
            yield from walk(child, in_link or tag == "a")
            if child.tail:
                pending.append(child.tail)
                if in_link or tag == "a":
                    link_chars += len(child.tail.strip())
        if block:
            yield from flush("heading" if heading else "text")

    yield from walk(body, False)
    yield from flush()


def _skipped_type(element: Any) -> bool:
    types = (element.get("epub:type") or element.get(_EPUB_TYPE) or "").split()
    role = (element.get("role") or "").removeprefix("doc-")
    return any(t.split(":")[-1] in _SKIP_TYPES for t in (*types, role) if t)


def _is_navbar(element: Any) -> bool:
    classes = (element.get("class") or "").split()
    return "calibre_navbar" in classes


class _Book:
    """The zip, read with limits: members by name, the package file, spine and contents."""

    def __init__(self, archive: zipfile.ZipFile, origin: str) -> None:
        self.archive = archive
        self.origin = origin
        self.read_bytes = 0
        self.package_path = self._package_path()
        self.package = self._xml(self.package_path)
        if self.package is None:
            raise self._damaged()
        self.base = posixpath.dirname(self.package_path)
        self.manifest: dict[str, tuple[str, str, str]] = {}
        for item in self.package.iter(f"{_OPF_NS}item"):
            href = item.get("href")
            if item.get("id") and href:
                self.manifest[item.get("id")] = (
                    self._resolve(self.base, href),
                    item.get("media-type") or "",
                    item.get("properties") or "",
                )

    @classmethod
    def open(cls, data: bytes, origin: str) -> _Book:
        try:
            archive = zipfile.ZipFile(BytesIO(data))
        except (zipfile.BadZipFile, OSError, ValueError):
            raise InputError(
                f"{origin}: is a damaged EPUB that cannot be opened (not a complete zip file); "
                "download or export it again."
            ) from None
        names = set(archive.namelist())
        if "META-INF/encryption.xml" in names and cls._has_drm(archive):
            raise InputError(
                f"{origin}: is locked by DRM (its chapters are encrypted); open it in the "
                "reading app it was bought for, or use a DRM-free copy."
            )
        return cls(archive, origin)

    @staticmethod
    def _has_drm(archive: zipfile.ZipFile) -> bool:
        """Font obfuscation also lives in encryption.xml; DRM encrypts the chapters."""
        try:
            text = archive.read("META-INF/encryption.xml")[:200_000].decode("utf-8", "replace")
        except Exception:
            return True
        return bool(re.search(r"URI=\"[^\"]+\.(?:x?html?|xml)\"", text))

    def _damaged(self) -> InputError:
        return InputError(
            f"{self.origin}: is a damaged EPUB (its package file is missing or broken); "
            "download or export it again."
        )

    def read(self, name: str) -> bytes | None:
        try:
            info = self.archive.getinfo(name)
        except KeyError:
            return None
        if info.file_size > MAX_MEMBER_BYTES or self.read_bytes + info.file_size > MAX_TOTAL_BYTES:
            raise InputError(
                f"{self.origin}: holds a part too large to be a chapter ({name}); check the file."
            )
        try:
            with self.archive.open(info) as member:
                data = member.read(MAX_MEMBER_BYTES + 1)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
            raise self._damaged() from None
        except RuntimeError:  # an encrypted zip member
            raise InputError(
                f"{self.origin}: is password-protected; use an unprotected copy."
            ) from None
        self.read_bytes += len(data)
        return data

    def _xml(self, name: str) -> Any:
        import defusedxml.ElementTree as safe_xml

        data = self.read(name)
        if data is None:
            return None
        try:
            return safe_xml.fromstring(data)
        except Exception:  # malformed XML, or entities defusedxml refuses
            return None

    def _package_path(self) -> str:
        container = self._xml("META-INF/container.xml")
        if container is not None:
            for rootfile in container.iter(f"{_CONTAINER_NS}rootfile"):
                path = rootfile.get("full-path")
                if path and (rootfile.get("media-type") or "").endswith("oebps-package+xml"):
                    return str(path)
        opf = [n for n in self.archive.namelist() if n.lower().endswith(".opf")]
        if opf:
            return opf[0]
        raise InputError(
            f"{self.origin}: is not an EPUB (a zip without a package file); check the file."
        )

    @staticmethod
    def _resolve(base: str, href: str) -> str:
        return posixpath.normpath(posixpath.join(base, unquote(urldefrag(href)[0])))

    def title(self) -> str | None:
        for element in self.package.iter(f"{_DC_NS}title"):
            text = " ".join("".join(element.itertext()).split())
            if text:
                return text
        return None

    def spine(self) -> list[tuple[str, bool]]:
        """(path, skipped for its type) of each linear XHTML document in reading order."""
        spine = self.package.find(f"{_OPF_NS}spine")
        if spine is None:
            return []
        guide_skip = {
            self._resolve(self.base, ref.get("href") or "")
            for ref in self.package.iter(f"{_OPF_NS}reference")
            if (ref.get("type") or "").lower()
            in {"cover", "toc", "title-page", "copyright-page", "dedication", "colophon", "index"}
        }
        items: list[tuple[str, bool]] = []
        seen: set[str] = set()
        for itemref in spine.iter(f"{_OPF_NS}itemref"):
            if (itemref.get("linear") or "yes").lower() == "no":
                continue
            found = self.manifest.get(itemref.get("idref") or "")
            if not found:
                continue
            path, media, properties = found
            if "html" not in media and not path.lower().endswith((".html", ".htm", ".xhtml")):
                continue
            if path in seen:  # items that differ only by a fragment name one file
                continue
            seen.add(path)
            skipped = "nav" in properties.split() or path in guide_skip
            items.append((path, skipped))
            if len(items) >= MAX_CHAPTERS:
                break
        return items

    def toc(self) -> list[_TocEntry]:
        """The table of contents in order: EPUB 3's nav document, else EPUB 2's NCX."""
        for path, _media, properties in self.manifest.values():
            if "nav" in properties.split():
                entries = self._nav_entries(path)
                if entries:
                    return entries
        spine = self.package.find(f"{_OPF_NS}spine")
        ncx_id = spine.get("toc") if spine is not None else None
        for item_id, (path, media, _properties) in self.manifest.items():
            if item_id == ncx_id or media == "application/x-dtbncx+xml":
                return self._ncx_entries(path)
        return []

    def _nav_entries(self, path: str) -> list[_TocEntry]:
        tree = self.xhtml(path)
        if tree is None:
            return []
        base = posixpath.dirname(path)
        for nav in tree.iter("nav"):
            types = (nav.get("epub:type") or nav.get(_EPUB_TYPE) or "").split()
            if "toc" not in types and len(list(tree.iter("nav"))) > 1:
                continue
            entries: list[_TocEntry] = []

            def walk(ol: Any, depth: int, parent: str | None, entries: list[_TocEntry]) -> None:
                for li in ol.findall("li"):
                    link = li.find("a")
                    here = parent
                    if link is not None and link.get("href"):
                        target, anchor = urldefrag(link.get("href"))
                        here = self._resolve(base, target)
                        label = " ".join("".join(link.itertext()).split())
                        entries.append(_TocEntry(label, here, anchor or None, depth, parent))
                    for sub in li.findall("ol"):
                        walk(sub, depth + 1, here, entries)

            for ol in nav.findall("ol"):
                walk(ol, 1, None, entries)
            return entries
        return []

    def _ncx_entries(self, path: str) -> list[_TocEntry]:
        ncx = self._xml(path)
        if ncx is None:
            return []
        base = posixpath.dirname(path)
        entries: list[_TocEntry] = []

        def walk(parent_element: Any, depth: int, parent: str | None) -> None:
            for point in parent_element.findall(f"{_NCX_NS}navPoint"):
                content = point.find(f"{_NCX_NS}content")
                label_element = point.find(f"{_NCX_NS}navLabel/{_NCX_NS}text")
                here = parent
                if content is not None and content.get("src"):
                    target, anchor = urldefrag(content.get("src"))
                    here = self._resolve(base, target)
                    label = (
                        " ".join("".join(label_element.itertext()).split())
                        if (label_element is not None)
                        else ""
                    )
                    entries.append(_TocEntry(label, here, anchor or None, depth, parent))
                walk(point, depth + 1, here)

        nav_map = ncx.find(f"{_NCX_NS}navMap")
        if nav_map is not None:
            walk(nav_map, 1, None)
        return entries

    def xhtml(self, path: str) -> Any:
        """A chapter parsed as HTML (forgiving; no entities or network), or None if absent."""
        from lxml import etree, html

        data = self.read(path)
        if not data or not data.strip():
            return None
        parser = html.HTMLParser(
            no_network=True,
            remove_comments=True,
            remove_pis=True,
            encoding=_declared_encoding(data),
        )
        try:
            return html.document_fromstring(data, parser=parser)
        except (etree.ParserError, ValueError):
            return None


def _declared_encoding(data: bytes) -> str:
    head = data[:400]
    match = re.search(rb"encoding=[\"']([A-Za-z0-9_-]{2,20})[\"']", head) or re.search(
        rb"charset=[\"']?([A-Za-z0-9_-]{2,20})", data[:2000]
    )
    return str(match.group(1).decode("ascii").lower()) if match else "utf-8"
