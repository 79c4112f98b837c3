"""What the news summariser knows about each sentence, as one row of numbers per sentence.

Each feature is scaled to about [0, 1] within its article so that one set of weights
fits long and short articles alike. The names are the keys of the shipped weights file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from briefing.summarise.centrality import (
    Array,
    average_frequency,
    centroid_similarity,
    directed_centrality,
    headline_similarity,
    index_terms,
    overlap_degree,
    pairwise,
    textrank,
)
from briefing.summarise.language import Language
from briefing.summarise.terms import ENGLISH, Ints, vocabulary

FEATURE_NAMES: tuple[str, ...] = (
    "bias",
    "first",
    "second",
    "third",
    "inverse_position",
    "relative_position",
    "log_position",
    "length",
    "short",
    "long",
    "relative_length",
    "forward_centrality",
    "backward_centrality",
    "centroid",
    "degree",
    "word_frequency",
    "headline",
    "lead_similarity",
    "quote",
    "number",
    "question",
    "textrank",
    # Added with the fit on 12,000 articles, which can afford a finer view of the lead:
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "article_size",
    "echo",
    *(f"over_{words}" for words in (8, 12, 16, 20, 25, 30, 40, 50)),
)

_POSITIONS = 10
"""Sentences 1 to 10 each have a one-hot column: the opening paragraphs are where news differs."""
_LENGTH_STEPS = np.array([8.0, 12.0, 16.0, 20.0, 25.0, 30.0, 40.0, 50.0])
"""Word counts at which a step column turns on, so the model learns any shape of length
preference rather than one slope."""
_NUMBER = re.compile(r"\d")
_CLOSERS = " '\"”’)"
_SCALED = [
    FEATURE_NAMES.index(name)
    for name in (
        "forward_centrality",
        "backward_centrality",
        "centroid",
        "degree",
        "word_frequency",
        "textrank",
    )
]
"""The columns scaled to the article's strongest sentence, in `_scaled_columns`' order."""
_FOURTH, _ECHO = FEATURE_NAMES.index("fourth"), FEATURE_NAMES.index("echo")


@dataclass(frozen=True)
class Analysis:
    """An article's sentences as the summariser sees them."""

    features: Array
    """Sentences × `FEATURE_NAMES`."""
    similarity: Array
    """Cosine similarity of the sentences' tf-idf vectors (zero diagonal), for MMR."""
    lengths: Array
    """Words (alphanumeric runs) per sentence."""
    word_rows: Ints
    """The sentence of every word (stop words included), for the hashed word columns."""
    word_ids: Ints
    """Every word's packed id (`terms.word_ids`)."""


def analyse(sentences: list[str], title: str | None, language: Language | None = None) -> Analysis:
    """Features for each sentence, with the similarity matrix MMR reuses; words are read as
    `language`'s (English when not given)."""
    size = len(sentences)
    words = ENGLISH if language is None else vocabulary(language)
    terms = index_terms(sentences, words)
    similarity, shared = pairwise(terms)
    forward, backward = directed_centrality(similarity)
    distinct = np.bincount(terms.rows, minlength=size).astype(np.float64)
    headline, headline_size = words.headline_ids(title) if title else (set(), 0)
    lengths = terms.lengths.astype(np.float64)
    features = np.empty((size, len(FEATURE_NAMES)))
    block = _position_block(size)
    features[:, :7] = block[:, :7]
    features[:, 7] = np.minimum(lengths, 60.0) / 60.0
    features[:, 8] = lengths < 10
    features[:, 9] = lengths > 35
    features[:, 10] = np.minimum(lengths / max(float(lengths.mean()), 1.0), 3.0) / 3.0
    features[:, _SCALED] = _scaled_columns(
        forward,
        backward,
        centroid_similarity(terms),
        overlap_degree(shared, distinct),
        average_frequency(terms),
        textrank(similarity),
    )
    features[:, 16] = headline_similarity(terms, headline, headline_size)
    features[:, 17] = similarity[0]
    features[0, 17] = 1.0
    features[:, 18] = [_has_quote(s) for s in sentences]
    features[:, 19] = [_NUMBER.search(s) is not None for s in sentences]
    features[:, 20] = [s.rstrip(_CLOSERS).endswith("?") for s in sentences]
    features[:, _FOURTH:_ECHO] = block[:, 7:]  # fourth … tenth, article_size
    features[:, _ECHO] = (similarity * _lower_triangle(size)).max(axis=1, initial=0.0)
    features[:, _ECHO + 1 :] = lengths[:, None] > _LENGTH_STEPS
    return Analysis(features, similarity, lengths, terms.word_rows, terms.word_ids)


@lru_cache(maxsize=256)
def _position_block(size: int) -> Array:
    """The bias, position and article-size columns, the same for every article of `size`
    sentences: the first seven features, then `fourth` … `tenth` and `article_size`."""
    position = np.arange(size, dtype=np.float64)
    last = max(size - 1, 1)
    block = np.zeros((size, 7 + _POSITIONS - 3 + 1))
    block[:, 0] = 1.0
    block[:, 1] = position == 0
    block[:, 2] = position == 1
    block[:, 3] = position == 2
    block[:, 4] = 1.0 / (position + 1.0)
    block[:, 5] = position / last
    block[:, 6] = np.log1p(position) / np.log1p(last)
    early = np.arange(3, min(size, _POSITIONS))
    block[early, 7 + early - 3] = 1.0
    block[:, -1] = min(np.log1p(size) / np.log1p(100.0), 1.5)
    block.flags.writeable = False
    return block


@lru_cache(maxsize=256)
def _lower_triangle(size: int) -> Array:
    """1 where j < i: multiplies the similarity matrix to leave each sentence's earlier ones."""
    mask = np.tril(np.ones((size, size)), -1)
    mask.flags.writeable = False
    return mask


def _has_quote(sentence: str) -> bool:
    """Plain and curly double quotes, PTB's `` and '', and guillemets and low quotes (« » „)."""
    return (
        '"' in sentence
        or "“" in sentence
        or "”" in sentence
        or "``" in sentence
        or "''" in sentence
        or "«" in sentence
        or "»" in sentence
        or "„" in sentence
    )


def _scaled_columns(*columns: Array) -> Array:
    """Divide each column by the article's largest value in it, so the strongest sentence
    scores 1 (one NumPy call for all the columns rather than several per column)."""
    values = np.column_stack(columns)
    top = values.max(axis=0) if values.size else np.zeros(len(columns))
    return values / np.where(top > 0, top, np.inf)
