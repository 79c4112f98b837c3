"""Plain text and Markdown articles."""

from __future__ import annotations

import re

from briefing.models import Article

_MAX_TITLE_WORDS = 25
_SENTENCE_END = re.compile(r"[.!?…:;,]$")


def parse_plain_text(text: str, origin: str) -> Article:
    """The first line is the title when it looks like a headline (short, no closing full stop)."""
    paragraphs = _paragraphs(text)
    title: str | None = None
    if len(paragraphs) > 1 and _looks_like_title(paragraphs[0]):
        title, paragraphs = paragraphs[0], paragraphs[1:]
    elif paragraphs:
        first_line, _, rest = paragraphs[0].partition("\n")
        if rest.strip() and _looks_like_title(first_line):
            title, paragraphs = first_line.strip(), [rest.strip(), *paragraphs[1:]]
    return Article(text="\n\n".join(paragraphs), title=title, origin=origin)


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_MD_REF_DEF = re.compile(r"^\s*\[[^\]]+\]:\s+\S+.*$", re.MULTILINE)
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", re.MULTILINE)
_MD_SETEXT = re.compile(r"^(.+)\n[=-]{3,}\s*$", re.MULTILINE)
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~)(?=\S)(.+?)(?<=\S)\1")
_MD_CODE = re.compile(r"`+([^`]*)`+")
_MD_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+", re.MULTILINE)
_MD_QUOTE = re.compile(r"^\s*>\s?", re.MULTILINE)
_MD_RULE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$", re.MULTILINE)
_MD_FENCE = re.compile(r"^```.*?^```\s*$", re.MULTILINE | re.DOTALL)
_HTML_TAG = re.compile(r"<[^>]+>")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def parse_markdown(text: str, origin: str) -> Article:
    """Strip Markdown markup; the first heading becomes the title."""
    front_title = None
    front = _FRONT_MATTER.match(text)
    if front:
        match = re.search(r"^title:\s*['\"]?(.*?)['\"]?\s*$", front.group(0), re.MULTILINE)
        front_title = match.group(1) if match else None
        text = text[front.end() :]
    text = _MD_FENCE.sub("", text)
    text = _MD_SETEXT.sub(lambda m: "# " + m.group(1), text)
    title = front_title
    heading = _MD_HEADING.search(text)
    if title is None and heading and not text[: heading.start()].strip():
        title = _strip_inline(heading.group(1))
        text = text[heading.end() :]
    text = _MD_HEADING.sub(lambda m: m.group(1), text)
    text = _MD_REF_DEF.sub("", text)
    text = _MD_RULE.sub("", text)
    text = _MD_QUOTE.sub("", text)
    text = _MD_LIST.sub("", text)
    text = _strip_inline(text)
    article = parse_plain_text(text, origin)
    if title:
        return Article(text=article.text, title=title, origin=origin)
    return article


def _strip_inline(text: str) -> str:
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_REF_LINK.sub(r"\1", text)
    text = _MD_CODE.sub(r"\1", text)
    for _ in range(2):
        text = _MD_EMPHASIS.sub(r"\2", text)
    return _HTML_TAG.sub("", text)


def _paragraphs(text: str) -> list[str]:
    blocks = re.split(r"\n\s*\n", text.strip())
    return [re.sub(r"[ \t]+", " ", block).strip() for block in blocks if block.strip()]


def _looks_like_title(line: str) -> bool:
    line = line.strip()
    words = line.split()
    return (
        0 < len(words) <= _MAX_TITLE_WORDS
        and "\n" not in line
        and not _SENTENCE_END.search(line)
    )
