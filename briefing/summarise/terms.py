"""Content terms of a sentence: lower-cased, stop words dropped, stemmed; one vocabulary per
language.

English keeps a cheap suffix stripper (with a cache) rather than Porter, and ASCII words: the
summariser only needs "tax" and "taxes" to meet, and it must stay fast enough for a thousand
articles a second. Other languages (`Vocabulary` for a `Language`) take Unicode words
("été", "über"), their own stop words and their Snowball stemmer; each language has its own
caches, so the same spelling in two languages never shares an id.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Sequence

import numpy as np
from numpy.typing import NDArray

from briefing.summarise.language import Language, get_language

_WORD = re.compile(r"[a-z0-9]+")
_UNICODE_WORD = re.compile(r"[^\W_]+|\x00")
"""Lower-cased letter and digit runs in any script, and the separator between sentences."""
Ints = NDArray[np.int64]
_SEPARATOR = "\x00"
_SEPARATOR_TOKEN = b"\x00"
_JOINER = f" {_SEPARATOR} "
_LOWER_ALPHANUMERIC_BYTES = bytes(
    ord(chr(byte).lower()) if (chr(byte).isascii() and chr(byte).isalnum()) or byte == 0 else 32
    for byte in range(256)
)
"""A `bytes.translate` table: ASCII letters (lower-cased), digits and the separator stay; every
other byte (and "?", which stands for any non-ASCII character) becomes a space."""

STOP_WORDS = get_language("en").stop_words
"""English's stop words (`languages/en.toml`), news's own among them (said, told, cnn)."""

_SUFFIXES = (
    "ational", "ization", "fulness", "ousness", "iveness", "ments", "ingly", "ement", "ation",
    "ness", "ment", "ings", "ies", "ied", "ing", "ers", "est", "ed", "er", "ly", "es", "s",
)  # fmt: skip
_SUFFIXES_BY_LAST_LETTER = {
    last: tuple(s for s in _SUFFIXES if s[-1] == last) for last in {s[-1] for s in _SUFFIXES}
}
"""The suffixes a word's last letter allows, in `_SUFFIXES`' order: the first that fits is the
same, with a fraction of the tries (stemming is most of the cost of a word seen first)."""
_STEM_BITS = 24
"""A word's packed id keeps its stem id in the low 24 bits (the caches are cleared long before
2**24 stems) and its CRC-32 above them."""
STEM_MASK = (1 << _STEM_BITS) - 1
_CACHE_LIMIT = 200_000


def stem(word: str) -> str:
    """Strip one common English suffix, keeping a stem of at least three letters."""
    suffixes = _SUFFIXES_BY_LAST_LETTER.get(word[-1:])
    if suffixes is None or not word.endswith(suffixes) or word.isdigit():
        return word
    for suffix in suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix in ("ies", "ied"):
                return word[: -len(suffix)] + "y"
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                return word
            return word[: -len(suffix)]
    return word


class _WordIds(dict[bytes | str, int]):
    """Word → packed id: the id of its stem (0 for a stop word) and the word's CRC-32 (for
    `lexical.py`'s hashed word columns), shared by all articles of a language so each word is
    stemmed and hashed once per process, on first sight, inside the look-up (English words come
    as ASCII bytes, others as text)."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        super().__init__()
        self._stop_words = vocabulary.language.stop_words
        self._stem = vocabulary.stem
        self._stem_ids = vocabulary.stem_ids

    def __missing__(self, token: bytes | str) -> int:
        if isinstance(token, bytes):
            word, encoded = token.decode("ascii"), token
        else:
            word, encoded = token, token.encode("utf-8")
        value = zlib.crc32(encoded) << _STEM_BITS
        if len(word) > 1 and word not in self._stop_words:  # `Vocabulary.is_content_word`
            stem_ids = self._stem_ids
            value |= stem_ids.setdefault(self._stem(word), len(stem_ids) + 1)
        self[token] = value
        return value


class Vocabulary:
    """One language's words as packed ids (stem id and CRC-32), with its stop words and stemmer."""

    def __init__(self, language: Language, stem: Callable[[str], str] | None = None) -> None:
        self.language = language
        self.stem = stem or language.stem_function()
        self.stem_ids: dict[str, int] = {}
        """Stem → its id (from 1), made on first sight."""
        self._ids = _WordIds(self)
        self._ascii = language.is_english

    def is_content_word(self, word: str) -> bool:
        return len(word) > 1 and word not in self.language.stop_words

    def words(self, sentence: str) -> list[str]:
        """Lower-cased alphanumeric runs, the unit ROUGE counts (so "U.S." is two)."""
        if self._ascii:
            return _WORD.findall(sentence.lower())
        return _UNICODE_WORD.findall(sentence.lower().replace(_SEPARATOR, " "))

    def word_ids(self, sentences: Sequence[str]) -> tuple[Ints, Ints, Ints]:
        """For every word of the sentences, its sentence index and packed id (stem id under
        `STEM_MASK`, CRC-32 above it); and the number of words in each sentence.

        The whole article is lower-cased and tokenised in one call (for English, ASCII bytes
        translated so that only letters and digits remain, then split: three times as fast as
        a regular expression), and the dictionary look-ups run inside `map` and `np.fromiter`
        (unseen words are stemmed by `_WordIds.__missing__`), with no Python loop per word:
        this is the summariser's inner loop.
        """
        ids_of = self._ids
        if len(ids_of) > _CACHE_LIMIT:
            ids_of.clear()
            self.stem_ids.clear()
        text = _JOINER.join(sentences)
        if text.count(_SEPARATOR) != len(sentences) - 1:  # a separator inside a sentence
            text = _JOINER.join(s.replace(_SEPARATOR, " ") for s in sentences)
        tokens: list[bytes] | list[str]
        if self._ascii:
            ids_of[_SEPARATOR_TOKEN] = -1
            tokens = text.encode("ascii", "replace").translate(_LOWER_ALPHANUMERIC_BYTES).split()
        else:
            ids_of[_SEPARATOR] = -1
            tokens = _UNICODE_WORD.findall(text.lower())
        ids = np.fromiter(map(ids_of.__getitem__, tokens), dtype=np.int64, count=len(tokens))
        word = ids >= 0
        rows = np.cumsum(~word, dtype=np.int64)[word]
        lengths = np.bincount(rows, minlength=len(sentences)).astype(np.int64)
        return rows, ids[word], lengths

    def headline_ids(self, title: str) -> tuple[set[int], int]:
        """Stem ids of the headline's content words that some article has used (only those can
        match a sentence, if called after `word_ids`), and how many distinct stems it has."""
        stems = {self.stem(w) for w in self.words(title) if self.is_content_word(w)}
        return {self.stem_ids[s] for s in stems if s in self.stem_ids}, len(stems)


def vocabulary(language: Language) -> Vocabulary:
    """The one vocabulary of a language in this process (its caches are shared by articles)."""
    found = _VOCABULARIES.get(language.code)
    if found is None:
        found = _VOCABULARIES[language.code] = Vocabulary(language)
    return found


ENGLISH = Vocabulary(get_language("en"), stem)
_VOCABULARIES: dict[str, Vocabulary] = {ENGLISH.language.code: ENGLISH}


def words(sentence: str) -> list[str]:
    """English: lower-cased ASCII alphanumeric runs, the unit ROUGE counts ("don't" is two)."""
    return ENGLISH.words(sentence)


def is_content_word(word: str) -> bool:
    return ENGLISH.is_content_word(word)


def content_terms(tokens: list[str]) -> list[str]:
    """English stems of the tokens that carry meaning (no stop words, no single characters)."""
    return [stem(t) for t in tokens if is_content_word(t)]


def word_ids(sentences: Sequence[str]) -> tuple[Ints, Ints, Ints]:
    """`Vocabulary.word_ids` for English."""
    return ENGLISH.word_ids(sentences)


def term_ids(sentences: Sequence[str]) -> tuple[Ints, Ints, Ints]:
    """For every English content word of the sentences, its sentence index and stem id; and the
    number of words (alphanumeric runs) in each sentence."""
    rows, ids, lengths = word_ids(sentences)
    stems = ids & STEM_MASK
    content = stems > 0
    return rows[content], stems[content], lengths


def headline_ids(title: str) -> tuple[set[int], int]:
    """`Vocabulary.headline_ids` for English."""
    return ENGLISH.headline_ids(title)
