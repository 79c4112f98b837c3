"""What the news summariser knows about each sentence, as one row of numbers per sentence.

Each feature is scaled to about [0, 1] within its article so that one set of weights
fits long and short articles alike. The names are the keys of the shipped weights file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
    "needs_context",
)

_NUMBER = re.compile(r"\d")
_CLOSERS = " '\"”’)"


@dataclass(frozen=True)
class Analysis:
    """An article's sentences as the summariser sees them."""

    features: Array
    """Sentences × `FEATURE_NAMES`."""
    similarity: Array
    """Cosine similarity of the sentences' tf-idf vectors (zero diagonal), for MMR."""
    lengths: Array
    """Words (alphanumeric runs) per sentence."""


def analyse(sentences: list[str], title: str | None, context_flags: list[bool]) -> Analysis:
    """Features for each sentence, with the similarity matrix MMR reuses."""
    size = len(sentences)
    terms = index_terms(sentences)
    similarity, shared = pairwise(terms)
    forward, backward = directed_centrality(similarity)
    distinct = np.bincount(terms.rows, minlength=size).astype(np.float64)
    headline, headline_size = headline_ids(title) if title else (set(), 0)
    lengths = terms.lengths.astype(np.float64)
    position = np.arange(size, dtype=np.float64)
    last = max(size - 1, 1)
    features = np.empty((size, len(FEATURE_NAMES)))
    features[:, 0] = 1.0
    features[:, 1] = position == 0
    features[:, 2] = position == 1
    features[:, 3] = position == 2
    features[:, 4] = 1.0 / (position + 1.0)
    features[:, 5] = position / last
    features[:, 6] = np.log1p(position) / np.log1p(last)
    features[:, 7] = np.minimum(lengths, 60.0) / 60.0
    features[:, 8] = lengths < 10
    features[:, 9] = lengths > 35
    features[:, 10] = np.minimum(lengths / max(float(lengths.mean()), 1.0), 3.0) / 3.0
    features[:, 11] = _scaled(forward)
    features[:, 12] = _scaled(backward)
    features[:, 13] = _scaled(centroid_similarity(terms))
    features[:, 14] = _scaled(overlap_degree(shared, distinct))
    features[:, 15] = _scaled(average_frequency(terms))
    features[:, 16] = headline_similarity(terms, headline, headline_size)
    features[:, 17] = similarity[0]
    features[0, 17] = 1.0
    features[:, 18] = [_has_quote(s) for s in sentences]
    features[:, 19] = [_NUMBER.search(s) is not None for s in sentences]
    features[:, 20] = [s.rstrip(_CLOSERS).endswith("?") for s in sentences]
    features[:, 21] = context_flags
    return Analysis(features=features, similarity=similarity, lengths=lengths)


def _has_quote(sentence: str) -> bool:
    """Plain and curly double quotes, and PTB's `` and ''."""
    return (
        '"' in sentence
        or "“" in sentence
        or "”" in sentence
        or "``" in sentence
        or "''" in sentence
    )


def _scaled(values: Array) -> Array:
    """Divide by the article's largest value, so the strongest sentence scores 1."""
    top = float(values.max()) if values.size else 0.0
    return values / top if top > 0 else np.zeros_like(values)
