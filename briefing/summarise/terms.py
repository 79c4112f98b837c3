"""Content terms of a sentence: lower-cased, stop words dropped, lightly stemmed.

A cheap suffix stripper (with a cache) rather than Porter: the summariser only needs
"tax" and "taxes" to meet, and it must stay fast enough for a thousand articles a second.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

_WORD = re.compile(r"[a-z0-9]+")
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

STOP_WORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself
    yourselves said says say saying told tell one two new year years mr mrs ms may might must
    shall us get got like make made many much even still well back way since around last first
    lrb rrb cnn
    """.split()  # noqa: SIM905 (a word list reads better as text)
)

_SUFFIXES = (
    "ational", "ization", "fulness", "ousness", "iveness", "ments", "ingly", "ement", "ation",
    "ness", "ment", "ings", "ies", "ied", "ing", "ers", "est", "ed", "er", "ly", "es", "s",
)  # fmt: skip
_STEM_IDS: dict[str, int] = {}
_STEM_BITS = 24
"""A word's packed id keeps its stem id in the low 24 bits (the caches are cleared long before
2**24 stems) and its CRC-32 above them."""
STEM_MASK = (1 << _STEM_BITS) - 1


class _WordIds(dict[bytes, int]):
    """Word → packed id: the id of its stem (0 for a stop word) and the word's CRC-32 (for
    `lexical.py`'s hashed word columns), shared by all articles so each word is stemmed and
    hashed once per process, on first sight, inside the look-up."""

    def __missing__(self, token: bytes) -> int:
        word = token.decode("ascii")
        value = _STEM_IDS.setdefault(stem(word), len(_STEM_IDS) + 1) if is_content_word(word) else 0
        value |= zlib.crc32(token) << _STEM_BITS
        self[token] = value
        return value


_IDS = _WordIds()
_CACHE_LIMIT = 200_000


def stem(word: str) -> str:
    """Strip one common English suffix, keeping a stem of at least three letters."""
    if not word.endswith(_SUFFIXES) or word.isdigit():
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix in ("ies", "ied"):
                return word[: -len(suffix)] + "y"
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                return word
            return word[: -len(suffix)]
    return word


def words(sentence: str) -> list[str]:
    """Lower-cased alphanumeric runs, the unit ROUGE counts (so "U.S." is two, "don't" two)."""
    return _WORD.findall(sentence.lower())


def is_content_word(word: str) -> bool:
    return len(word) > 1 and word not in STOP_WORDS


def content_terms(tokens: list[str]) -> list[str]:
    """Stems of the tokens that carry meaning (no stop words, no single characters)."""
    return [stem(t) for t in tokens if is_content_word(t)]


def term_ids(sentences: Sequence[str]) -> tuple[Ints, Ints, Ints]:
    """For every content word of the sentences, its sentence index and stem id; and the number
    of words (alphanumeric runs) in each sentence."""
    rows, ids, lengths = word_ids(sentences)
    stems = ids & STEM_MASK
    content = stems > 0
    return rows[content], stems[content], lengths


def word_ids(sentences: Sequence[str]) -> tuple[Ints, Ints, Ints]:
    """For every word of the sentences, its sentence index and packed id (stem id under
    `STEM_MASK`, CRC-32 above it); and the number of words in each sentence.

    The whole article is lower-cased and tokenised in one call (ASCII bytes translated so that
    only letters and digits remain, then split: three times as fast as a regular expression),
    and the dictionary look-ups run inside `map` and `np.fromiter` (unseen words are stemmed by
    `_WordIds.__missing__`), with no Python loop per word: this is the summariser's inner loop.
    """
    if len(_IDS) > _CACHE_LIMIT:
        _IDS.clear()
        _STEM_IDS.clear()
    _IDS[_SEPARATOR_TOKEN] = -1
    text = _JOINER.join(sentences)
    if text.count(_SEPARATOR) != len(sentences) - 1:  # a separator inside a sentence
        text = _JOINER.join(s.replace(_SEPARATOR, " ") for s in sentences)
    tokens = text.encode("ascii", "replace").translate(_LOWER_ALPHANUMERIC_BYTES).split()
    ids = np.fromiter(map(_IDS.__getitem__, tokens), dtype=np.int64, count=len(tokens))
    word = ids >= 0
    rows = np.cumsum(~word, dtype=np.int64)[word]
    lengths = np.bincount(rows, minlength=len(sentences)).astype(np.int64)
    return rows, ids[word], lengths


def headline_ids(title: str) -> tuple[set[int], int]:
    """Stem ids of the headline's content words that some article has used (only those can
    match a sentence, if called after `term_ids`), and how many distinct stems it has."""
    stems = {stem(w) for w in words(title) if is_content_word(w)}
    return {_STEM_IDS[s] for s in stems if s in _STEM_IDS}, len(stems)
