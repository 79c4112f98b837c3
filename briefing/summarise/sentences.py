"""Sentence splitting for news prose: ends at . ! ? … except after abbreviations and initials.

Which words are abbreviations is the language's (`language.py`: "Mr." in English, "M." and
"Mme" in French, "z. B." in German, "Sra." and "EE. UU." in Spanish); in German a number before
a full stop is an ordinal ("am 3. Oktober"). The rest is the same for every language: a
sentence ends at terminal punctuation and any closing quotes or brackets (French « … »
included), followed by a space and an upper-case letter or a digit (after any opening quote,
bracket or Spanish ¿ ¡).
"""

from __future__ import annotations

import re

from briefing.summarise.language import Language, get_language

ABBREVIATIONS = get_language("en").abbreviations
"""English's abbreviations (`languages/en.toml`)."""

# A candidate boundary: terminal punctuation, optional closing quotes/brackets (French puts a
# space before »), then space, then what opens the next sentence (checked in `_opens`).
_BOUNDARY = re.compile(r"""([.!?…]+)((?:\s?[»"'”’“)\]])*)\s+(?=[«"'“‘„(\[¿¡]?\s?[^\W_])""")
_OPENERS = "«\"'“‘„([¿¡ "
_LETTER = r"[^\W\d_]"
_WORD_BEFORE = re.compile(rf"({_LETTER}(?:{_LETTER}|\.)*)$")
_INITIALS = re.compile(rf"(?:{_LETTER}\.)+{_LETTER}")
_ORDINAL_BEFORE = re.compile(r"(?:^|[\s(])(?:\d{1,3}|[IVXLC]+)$")


def split_sentences(text: str, language: Language | None = None) -> list[str]:
    """Split a paragraph (or text of paragraphs) into sentences, keeping their punctuation.

    `language` says which words are abbreviations; English when not given.
    """
    table = language or _ENGLISH
    sentences: list[str] = []
    for paragraph in re.split(r"\n\s*\n|\n", text):
        paragraph = " ".join(paragraph.split())
        if paragraph:
            sentences.extend(_split_paragraph(paragraph, table))
    return sentences


_ENGLISH = get_language("en")


def _split_paragraph(paragraph: str, language: Language) -> list[str]:
    pieces: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        if not _opens(paragraph, match.end()):
            continue
        if match.group(1) == "." and _is_abbreviation(paragraph[start : match.start()], language):
            continue
        end = match.end(2)
        pieces.append(paragraph[start:end].strip())
        start = match.end()
    tail = paragraph[start:].strip()
    if tail:
        pieces.append(tail)
    return [p for p in pieces if p]


def _opens(paragraph: str, at: int) -> bool:
    """Whether the text at `at` can open a sentence: an upper-case letter or a digit, after any
    opening quotes or brackets."""
    rest = paragraph[at : at + 6].lstrip(_OPENERS)
    return bool(rest) and (rest[0].isupper() or rest[0].isdigit())


def _is_abbreviation(before: str, language: Language) -> bool:
    if language.ordinal_stop and _ORDINAL_BEFORE.search(before):
        return True
    match = _WORD_BEFORE.search(before)
    if not match:
        return False
    word = match.group(1).lower().rstrip(".")
    if word in language.abbreviations:
        return True
    # A single capital initial ("John F. Kennedy", "M. Macron") or dotted initials ("U.S.").
    return len(word) == 1 or bool(_INITIALS.fullmatch(word))
