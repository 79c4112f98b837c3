"""Is this article English? The script, the summariser and the default voices speak English.

A German article read by an English voice is gibberish to the listener, so ingest refuses it
with a message naming the language rather than voicing it. The check counts common function
words ("the", "and", "der", "und") with jusText's stop-word lists (a trafilatura dependency,
100 languages): English news has 30% or more of them, other languages well under 15%.
"""

from __future__ import annotations

import importlib.util
import re
from functools import cache
from pathlib import Path

MIN_WORDS = 20
"""Shorter texts are too small to judge; they pass."""
ENGLISH_FLOOR = 0.15
"""Below this share of English function words a text is not English (English news: ≥ 0.30)."""
_SAMPLE_WORDS = 2000
_WORD = re.compile(r"[^\W\d_]+")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_LETTER = re.compile(r"[^\W\d_]")
_NAMED = (
    "German", "French", "Spanish", "Italian", "Portuguese", "Dutch", "Polish", "Swedish",
    "Danish", "Norwegian_Bokmal", "Finnish", "Czech", "Hungarian", "Romanian", "Turkish",
    "Indonesian", "Croatian", "Slovak", "Catalan", "Welsh", "Estonian", "Latvian",
    "Lithuanian", "Slovenian", "Icelandic", "Afrikaans", "Vietnamese", "Tagalog", "Swahili",
)  # fmt: skip
"""Languages named in messages; jusText's other lists share too many short words to name."""


def non_english_language(text: str) -> str | None:
    """The language `text` seems to be in when it is clearly not English, else None."""
    sample = text[: _SAMPLE_WORDS * 12]
    letters = _LETTER.findall(sample)
    if len(letters) >= MIN_WORDS * 4 and len(_LATIN.findall(sample)) < len(letters) / 2:
        return "a language in another script"
    words = [w.lower() for w in _WORD.findall(sample)][:_SAMPLE_WORDS]
    if len(words) < MIN_WORDS:
        return None
    english = _share(words, _stoplist("English"))
    if english >= ENGLISH_FLOOR:  # nearly every article: one list read, not thirty
        return None
    best, best_share = "another language", 0.0
    for name in _NAMED:
        share = _share(words, _stoplist(name))
        if share > best_share:
            best, best_share = name.split("_")[0], share
    return best if best_share >= 2 * english and best_share >= 0.2 else "another language"


def _share(words: list[str], stoplist: frozenset[str]) -> float:
    return sum(word in stoplist for word in words) / len(words)


@cache
def _stoplist(name: str) -> frozenset[str]:
    """jusText's list for `name`, read from its package folder without importing jusText.

    Importing it loads lxml (20 to 40 ms), which a plain-text article never needs; the lists
    are plain files of one word a line, which `justext.get_stoplist` reads the same way.
    """
    spec = importlib.util.find_spec("justext")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / "stoplists" / f"{name}.txt"
        if path.is_file():
            return frozenset(line.lower() for line in path.read_text("utf-8").splitlines())
    import justext  # an unusual install (a zip, say): let jusText find its own files

    return frozenset(justext.get_stoplist(name))


def refuse_non_english(text: str, origin: str) -> None:
    """Raise the one-line refusal naming `origin` and the language when `text` is not English."""
    from briefing.errors import InputError

    language = non_english_language(text)
    if language is not None:
        raise InputError(
            f"{origin}: looks like {language}, not English; briefing reads English articles "
            "only, so give it an English version of the story."
        )
