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
from briefing.summarise.terms import headline_ids

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
)

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


@dataclass(frozen=True)
class Analysis:
    """An article's sentences as the summariser sees them."""

    features: Array
    """Sentences × `FEATURE_NAMES`."""
    similarity: Array
    """Cosine similarity of the sentences' tf-idf vectors (zero diagonal), for MMR."""
    lengths: Array
    """Words (alphanumeric runs) per sentence."""


def analyse(sentences: list[str], title: str | None) -> Analysis:
    """Features for each sentence, with the similarity matrix MMR reuses."""
    size = len(sentences)
    terms = index_terms(sentences)
    similarity, shared = pairwise(terms)
    forward, backward = directed_centrality(similarity)
    distinct = np.bincount(terms.rows, minlength=size).astype(np.float64)
    headline, headline_size = headline_ids(title) if title else (set(), 0)
    lengths = terms.lengths.astype(np.float64)
    features = np.empty((size, len(FEATURE_NAMES)))
    features[:, :7] = _position_block(size)
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
    return Analysis(features=features, similarity=similarity, lengths=lengths)


@lru_cache(maxsize=256)
def _position_block(size: int) -> Array:
    """The bias and position columns, the same for every article of `size` sentences."""
    position = np.arange(size, dtype=np.float64)
    last = max(size - 1, 1)
    block = np.empty((size, 7))
    block[:, 0] = 1.0
    block[:, 1] = position == 0
    block[:, 2] = position == 1
    block[:, 3] = position == 2
    block[:, 4] = 1.0 / (position + 1.0)
    block[:, 5] = position / last
    block[:, 6] = np.log1p(position) / np.log1p(last)
    block.flags.writeable = False
    return block


def _has_quote(sentence: str) -> bool:
    """Plain and curly double quotes, and PTB's `` and ''."""
    return (
        '"' in sentence
        or "“" in sentence
        or "”" in sentence
        or "``" in sentence
        or "''" in sentence
    )


def _scaled_columns(*columns: Array) -> Array:
    """Divide each column by the article's largest value in it, so the strongest sentence
    scores 1 (one NumPy call for all the columns rather than several per column)."""
    values = np.column_stack(columns)
    top = values.max(axis=0) if values.size else np.zeros(len(columns))
    return values / np.where(top > 0, top, np.inf)
