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


# Every pattern is bounded or anchored so that hostile input (200,000 "<" or "_x ") is parsed
# in linear time: unbounded `[^\]]*` or `(.+?)\1` retried from each start is quadratic.
_MD_LINK = re.compile(r"!?\[([^\[\]]{0,1000})\]\([^()]{0,2000}\)")
_MD_REF_LINK = re.compile(r"\[([^\[\]]{1,1000})\]\[[^\[\]]{0,200}\]")
_MD_REF_DEF = re.compile(r"^[ \t]{0,3}\[[^\[\]\n]{1,200}\]:[ \t]+\S.*$", re.MULTILINE)
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*)$", re.MULTILINE)
_MD_SETEXT = re.compile(r"^([^\n]+)\n[=-]{3,}[ \t]*$", re.MULTILINE)
_MD_EMPHASIS = re.compile(
    r"(\*\*|__|~~)(?=\S)([^*_~\n]{1,300}?)(?<=\S)\1|([*_])(?=\S)([^*_\n]{1,300}?)(?<=\S)\3"
)
_MD_CODE = re.compile(r"(`{1,3})([^`]{0,1000})\1")
_MD_LIST = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+", re.MULTILINE)
_MD_QUOTE = re.compile(r"^[ \t]*(?:>[ \t]?)+", re.MULTILINE)
_MD_RULE = re.compile(r"^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$", re.MULTILINE)
_LINE_MARKERS = re.compile(
    r"^(?:[ \t]*(?:#{1,6}[ \t]|>|(?:[-*+]|\d{1,9}[.)])[ \t]))+[ \t]*", re.MULTILINE
)
_STRAY_MARKS = re.compile(r"\*{2,}|~{2,}|(?<!\w)_{2,}|_{2,}(?!\w)")
"""Emphasis marks left unpaired ("**The"): never part of what is said."""
_HTML_TAG = re.compile(r"<[^<>]{1,1000}>")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_FRONT_TITLE = re.compile(r"^title:[ \t]*(.*)$", re.MULTILINE)


def parse_markdown(text: str, origin: str) -> Article:
    """Strip Markdown markup; the first heading becomes the title."""
    front_title = None
    front = _FRONT_MATTER.match(text)
    if front:
        match = _FRONT_TITLE.search(front.group(0))
        front_title = match.group(1).strip().strip("'\"").strip() or None if match else None
        text = text[front.end() :]
    text = _drop_fenced_code(text)
    text = _MD_SETEXT.sub(lambda m: "# " + m.group(1), text)
    title = front_title
    heading = _MD_HEADING.search(text)
    if title is None and heading and not text[: heading.start()].strip():
        title = _strip_inline(_heading_text(heading.group(1)))
        text = text[heading.end() :]
    text = _MD_HEADING.sub(lambda m: _heading_text(m.group(1)), text)
    text = _MD_REF_DEF.sub("", text)
    text = _MD_RULE.sub("", text)
    text = _MD_QUOTE.sub("", text)
    text = _MD_LIST.sub("", text)
    text = _LINE_MARKERS.sub("", _strip_inline(text))  # "> ## x", "**## x**": markers left over
    title = _LINE_MARKERS.sub("", title).strip() or None if title else None
    article = parse_plain_text(text, origin)
    if title:
        return Article(text=article.text, title=title, origin=origin)
    return article


def _heading_text(text: str) -> str:
    """A heading's text without its optional closing run of `#`."""
    text = text.rstrip()
    stripped = text.rstrip("#")
    if stripped != text and (not stripped or stripped[-1] in " \t"):
        text = stripped.rstrip()
    return text


def _drop_fenced_code(text: str) -> str:
    """Remove ``` fenced blocks, line by line (an unclosed fence is kept as text)."""
    if "```" not in text:
        return text
    kept: list[str] = []
    fence: list[str] | None = None
    for line in text.split("\n"):
        if fence is None:
            if line.startswith("```"):
                fence = [line]
            else:
                kept.append(line)
        elif line.rstrip() == "```":
            fence = None
        else:
            fence.append(line)
    if fence is not None:
        kept.extend(fence)
    return "\n".join(kept)


def _strip_inline(text: str) -> str:
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_REF_LINK.sub(r"\1", text)
    text = _MD_CODE.sub(r"\2", text)
    for _ in range(2):
        text = _MD_EMPHASIS.sub(lambda m: m.group(2) or m.group(4), text)
    for _ in range(8):  # nested markup ("<!DOCTYPE [<!ENTITY …>]>") peels one layer a pass
        text, count = _HTML_TAG.subn("", text)
        if not count:
            break
    else:
        text = text.replace("<", " ").replace(">", " ")
    return _STRAY_MARKS.sub("", text)


def _paragraphs(text: str) -> list[str]:
    blocks = re.split(r"\n\s*\n", text.strip())
    return [re.sub(r"[ \t]+", " ", block).strip() for block in blocks if block.strip()]


def _looks_like_title(line: str) -> bool:
    line = line.strip()
    words = line.split()
    return (
        0 < len(words) <= _MAX_TITLE_WORDS and "\n" not in line and not _SENTENCE_END.search(line)
    )
