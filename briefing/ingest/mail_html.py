"""An e-mail's HTML as the reader sees it: a list of visible blocks, each knowing whether it
looks like a headline (a heading tag, bold or large type), which of its words are links, and
whether it is a list item.

E-mail HTML is laid out with nested tables and inline styles rather than semantic tags, so
a web-page extractor (which looks for an `<article>`) loses the digest's structure. Here
every block-level element (and every `<br>`) ends a block, and the inline styles that mark a
headline are read where they are. Hidden content (a pre-header, a tracking pixel, a block for
one mail program only) is never a block.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

BLOCK_TAGS = frozenset(
    (  # noqa: SIM905 (a word list reads better as text)
        "address article aside blockquote center dd div dl dt figcaption figure footer h1 h2 "
        "h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul"
    ).split()
)
_SKIPPED = frozenset(
    (  # noqa: SIM905
        "head script style noscript template title img svg video audio map object iframe "
        "button input select textarea form picture"
    ).split()
)
_HEADING = re.compile(r"^h([1-6])$")
_INVISIBLE = dict.fromkeys(
    [0x00AD, 0x034F, 0x180E, 0x200B, 0x200C, 0x200D, 0x2060, 0x2061, 0x2062, 0x2063, 0xFEFF]
)
"""Soft hyphens, zero-width joiners and the like: pre-headers pad themselves with hundreds."""
_HIDDEN_STYLE = re.compile(
    r"display:\s*none|visibility:\s*hidden|mso-hide:\s*all|max-height:\s*0(?:px)?\s*(?:;|!|$)|"
    r"(?<![-\w])opacity:\s*0(?:\.0+)?\s*(?:;|!|$)",
    re.IGNORECASE,
)
"""Not `font-size: 0`: layouts set it on every table to close the gaps, and reset it inside."""
_HIDDEN_NAME = re.compile(r"pre-?header|preview-?text|preheader", re.IGNORECASE)
_BOLD = re.compile(r"font-weight:\s*(?:bold(?:er)?|[6-9]00)\b", re.IGNORECASE)
_NOT_BOLD = re.compile(r"font-weight:\s*(?:normal|lighter|[1-4]00)\b", re.IGNORECASE)
_FONT_SIZE = re.compile(r"(?<![-\w])font-size:\s*([\d.]+)\s*(px|pt|%|em|rem)", re.IGNORECASE)
_BIG_SIZE = {"px": 19.0, "pt": 14.5, "%": 125.0, "em": 1.25, "rem": 1.25}
_SPACES = re.compile(r"\s+")
_ALNUM = re.compile(r"[^\W_]")
_MARKDOWN_LINK = re.compile(r"\[([^\[\]\n]{1,300})\]\((?:https?://|mailto:)[^()\s]{1,2000}\)")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]{0,200}\?>")


@dataclass
class Run:
    """A stretch of text in one style."""

    text: str
    bold: bool
    href: str | None


@dataclass
class Block:
    """One visible paragraph, heading, cell or list item of the message."""

    runs: list[Run]
    tag: str
    """The nearest block element: p, li, td, h2, div…"""
    level: int | None = None
    """1 to 6 inside an <h1>…<h6>."""
    list_item: bool = False
    text: str = field(init=False)

    def __post_init__(self) -> None:
        self.text = _SPACES.sub(" ", "".join(r.text for r in self.runs)).strip()

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def strong(self) -> bool:
        """Every letter bold or large: set as a headline is set."""
        letters = [r for r in self.runs if r.text.strip()]
        return bool(letters) and all(r.bold for r in letters)

    @property
    def link_share(self) -> float:
        """How much of the text is inside links (0 to 1)."""
        total = sum(len(r.text.strip()) for r in self.runs)
        linked = sum(len(r.text.strip()) for r in self.runs if r.href)
        return linked / total if total else 0.0

    @property
    def hrefs(self) -> list[str]:
        return list(dict.fromkeys(r.href for r in self.runs if r.href))

    def lead(self) -> tuple[str, str | None, str]:
        """The leading linked or bold words, their link, and the rest of the text:
        "Title — description" set as a link then plain text."""
        lead: list[str] = []
        href: str | None = None
        runs = list(self.runs)
        while runs and not _ALNUM.search(runs[0].text):  # "▶ ", "• ": a mark before the lead
            runs.pop(0)
        index = 0
        for index, run in enumerate(runs):  # noqa: B007 (the index is used after the loop)
            if not run.text.strip():
                lead.append(run.text)
                continue
            if not (run.href or run.bold):
                break
            if href is None and run.href:
                href = run.href
            lead.append(run.text)
        else:
            index = len(runs)
        rest = "".join(r.text for r in runs[index:])
        return _SPACES.sub(" ", "".join(lead)).strip(), href, _SPACES.sub(" ", rest).strip()


@dataclass(frozen=True)
class _Style:
    bold: bool = False
    href: str | None = None


def html_blocks(html: str) -> list[Block]:
    """The visible blocks of an e-mail's HTML, in reading order."""
    import lxml.html
    from lxml import etree

    html = _XML_DECLARATION.sub("", html, count=1)  # lxml refuses text that declares bytes
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return []
    builder = _Builder()
    body = root.find("body")
    builder.visit(body if body is not None else root, _Style(), "div", None, False)
    builder.flush()
    return [b for b in builder.blocks if b.text]


def page_title(html: str) -> str | None:
    """The <title> of the message's HTML, when it has a real one."""
    match = re.search(r"<title[^>]*>(.*?)</title>", html[:20000], re.IGNORECASE | re.DOTALL)
    if not match:
        return None
    import html as html_lib

    title = _SPACES.sub(" ", html_lib.unescape(match.group(1)).translate(_INVISIBLE)).strip()
    return title or None


class _Builder:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.runs: list[Run] = []
        self.tag = "div"
        self.level: int | None = None
        self.list_item = False

    def flush(self) -> None:
        if any(r.text.strip() for r in self.runs):
            self.blocks.append(Block(self.runs, self.tag, self.level, self.list_item))
        self.runs = []

    def add(self, text: str | None, style: _Style) -> None:
        if text:
            text = text.translate(_INVISIBLE).replace("\xa0", " ")
            if text:
                self.runs.append(Run(text, style.bold, style.href))

    def visit(
        self, element: Any, style: _Style, tag: str, level: int | None, list_item: bool
    ) -> None:
        name = element.tag if isinstance(element.tag, str) else ""
        if not name or name.lower() in _SKIPPED or _hidden(element):
            return
        name = name.lower()
        if name == "br":
            self.flush()
            return
        inner = _inner_style(element, name, style)
        block = name in BLOCK_TAGS
        if block:
            self.flush()
            heading = _HEADING.match(name)
            tag = name
            level = int(heading.group(1)) if heading else level
            list_item = list_item or name == "li"
        self.tag, self.level, self.list_item = tag, level, list_item
        self.add(element.text, inner)
        for child in element:
            self.visit(child, inner, tag, level, list_item)
            self.tag, self.level, self.list_item = tag, level, list_item
            if isinstance(child.tag, str) or child.tag is not None:
                self.add(child.tail, inner)
        if block:
            self.flush()


def _hidden(element: Any) -> bool:
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    style = element.get("style") or ""
    if style and _HIDDEN_STYLE.search(style):
        return True
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    return bool(names.strip()) and bool(_HIDDEN_NAME.search(names))


def _inner_style(element: Any, name: str, style: _Style) -> _Style:
    bold = style.bold
    href = style.href
    css = element.get("style") or ""
    if name in ("b", "strong") or _HEADING.match(name) or name == "th":
        bold = True
    if css:
        if _BOLD.search(css) or _big(css):
            bold = True
        elif _NOT_BOLD.search(css) and name not in ("b", "strong"):
            bold = False
    if name == "a":
        link = (element.get("href") or "").strip()
        href = link if link and not link.startswith("#") else None
    return _Style(bold, href)


def _big(css: str) -> bool:
    match = _FONT_SIZE.search(css)
    if not match:
        return False
    try:
        size = float(match.group(1))
    except ValueError:
        return False
    return size >= _BIG_SIZE[match.group(2).lower()]


def text_blocks(text: str) -> Iterator[Block]:
    """A plain-text body as blocks: one per paragraph, a short unpunctuated line before a
    paragraph set as a headline; Markdown links are their words."""
    text = _MARKDOWN_LINK.sub(r"\1", text)
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    for paragraph in paragraphs:
        lines = [line.strip() for line in paragraph.split("\n") if line.strip()]
        if len(lines) > 1 and _title_line(lines[0]):
            yield Block([Run(lines[0].strip("#*= "), True, None)], "p")
            lines = lines[1:]
        if len(lines) == 1 and _title_line(lines[0]):
            level = 2 if lines[0].startswith("#") else None
            yield Block([Run(lines[0].strip("#*= "), True, None)], "p", level)
            continue
        if all(re.match(r"^(?:[-*•]|\d{1,2}[.)])\s", line) for line in lines):
            for line in lines:
                yield Block(
                    [Run(re.sub(r"^(?:[-*•]|\d{1,2}[.)])\s+", "", line), False, None)],
                    "li",
                    list_item=True,
                )
            continue
        yield Block([Run(" ".join(lines), False, None)], "p")


def _title_line(line: str) -> bool:
    words = line.strip("#*= ").split()
    return (
        0 < len(words) <= 14
        and not re.search(r"[.,;]$", line)
        and not line.startswith(("-", "*", "•", ">"))
    )
