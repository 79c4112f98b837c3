"""Make hostile or broken text safe to summarise and speak, whatever the input looked like.

The open web sends pages with a 100,000-character "word" (a base64 blob, a minified script), a
run-on "sentence" of thousands of words (a table flattened to text), or a headline stuffed with
path separators. None of it is speakable, and left alone it makes later stages slow (regexes
over one giant token) or a segment an hour long. Everything here is linear in the input.
"""

from __future__ import annotations

import re

MAX_TOKEN_CHARS = 64
"""Longer runs without a space are not words (English words stay under 35 letters)."""
MAX_SENTENCE_WORDS = 80
"""Longer sentences are cut at clause marks: a listener loses the thread past this anyway."""
MIN_PIECE_WORDS = 12
"""A run-on sentence is not cut into pieces shorter than this at a comma."""
MAX_TITLE_CHARS = 200

_TOKEN = re.compile(r"\S{" + str(MAX_TOKEN_CHARS + 1) + ",}")
_URL_HOST = re.compile(
    r"^(?:[a-z][a-z0-9+.-]{0,15}://)?(?:[^@/\s]{0,64}@)?((?:[\w-]{1,63}\.){1,8}[a-z]{2,24})(?:[:/?#]|$)",
    re.IGNORECASE,
)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])\s+")
_CLAUSE_END = re.compile(r"[,;:]$")
_DASHES = frozenset({"-", "–", "—", "--"})
_SPACES = re.compile(r"[ \t]+")
_TITLE_JUNK = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")


def tame_text(text: str) -> str:
    """Drop unspeakable giant tokens (a long URL keeps its host) and cut run-on sentences."""
    text = _TOKEN.sub(_shorten_token, text)
    paragraphs = []
    for paragraph in text.split("\n\n"):
        sentences = _SENTENCE_BREAK.split(paragraph)
        if any(len(s.split()) > MAX_SENTENCE_WORDS for s in sentences):
            paragraph = " ".join(piece for s in sentences for piece in _cut_sentence(s))
        paragraphs.append(_SPACES.sub(" ", paragraph).strip())
    return "\n\n".join(p for p in paragraphs if p)


def clean_title(title: str | None) -> str | None:
    """One line of at most `MAX_TITLE_CHARS`, no control or direction-override characters."""
    if title is None:
        return None
    title = " ".join(_TITLE_JUNK.sub(" ", title).split())
    if len(title) > MAX_TITLE_CHARS:
        cut = title[:MAX_TITLE_CHARS].rsplit(" ", 1)[0]
        title = (cut or title[:MAX_TITLE_CHARS]).rstrip(" ,;:-") + "…"
    return title or None


def _shorten_token(match: re.Match[str]) -> str:
    host = _URL_HOST.match(match.group(0)[:300])
    return f" {host.group(1)} " if host else " "


def _cut_sentence(sentence: str) -> list[str]:
    """Pieces of at most `MAX_SENTENCE_WORDS` words, ended at a clause mark when there is one."""
    words = sentence.split()
    if len(words) <= MAX_SENTENCE_WORDS:
        return [sentence.strip()] if words else []
    pieces: list[str] = []
    current: list[str] = []
    for position, word in enumerate(words):
        if word in _DASHES and len(current) >= MIN_PIECE_WORDS:
            pieces.append(_end(current))
            current = []
            continue
        current.append(word)
        at_clause = _CLAUSE_END.search(word) and len(current) >= MIN_PIECE_WORDS
        at_limit = len(current) >= MAX_SENTENCE_WORDS
        if (at_clause or at_limit) and position < len(words) - 1:
            pieces.append(_end(current))
            current = []
    if current:
        pieces.append(" ".join(current))
    return [pieces[0], *(piece[:1].upper() + piece[1:] for piece in pieces[1:])]


def _end(words: list[str]) -> str:
    """Close a piece as a sentence: its trailing comma or colon becomes a full stop."""
    text = " ".join(words).rstrip(",;:")
    return text if text.endswith((".", "!", "?", "…")) else text + "."
