"""Term weights, sentence similarity and centrality for one article, as small NumPy arrays.

Terms are kept as (sentence, term) entries, so per-sentence sums are `bincount`s. Only the
terms that occur in two or more sentences can link sentences, so the pairwise products
use a dense matrix of just those columns. The products go to BLAS (`matmul`), four times
faster than `einsum` here; an article's matrices are far below the size at which OpenBLAS
starts more threads, so they stay on the calling core, as does `textrank`'s LAPACK solve.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from numpy.typing import NDArray

from briefing.summarise.terms import ENGLISH, STEM_MASK, Ints, Vocabulary

Array = NDArray[np.float64]


@dataclass(frozen=True)
class Terms:
    """An article's content terms as (sentence, term) entries with counts and tf-idf weights."""

    size: int
    """Number of sentences."""
    stems: Ints
    """The global stem id of each term column, sorted."""
    rows: Ints
    """Sentence of each entry."""
    columns: Ints
    """Term of each entry."""
    counts: Array
    """How often the term occurs in the sentence."""
    weights: Array
    """tf-idf, scaled so each sentence's vector has unit length."""
    frequency: Ints
    """In how many sentences each term occurs."""
    lengths: Ints
    """How many words (alphanumeric runs, stop words included) each sentence has."""
    word_rows: Ints
    """The sentence of every word, stop words included (for `lexical.py`)."""
    word_ids: Ints
    """Every word's packed id (`terms.word_ids`): its CRC-32 picks its hashed column."""

    def per_sentence(self, values: Array) -> Array:
        """Sum per-entry values for each sentence."""
        return np.bincount(self.rows, weights=values, minlength=self.size).astype(np.float64)

    def per_term(self, values: Array) -> Array:
        """Sum per-entry values for each term."""
        width = self.stems.size
        return np.bincount(self.columns, weights=values, minlength=width).astype(np.float64)


def index_terms(sentences: Sequence[str], vocabulary: Vocabulary = ENGLISH) -> Terms:
    """Count each sentence's content terms (in `vocabulary`'s language) and weight them by
    tf-idf (idf over this article's sentences)."""
    size = len(sentences)
    word_rows, packed, lengths = vocabulary.word_ids(sentences)
    ids = packed & STEM_MASK
    content = ids > 0
    rows, ids = word_rows[content], ids[content]
    stems, local = np.unique(ids, return_inverse=True)
    width = max(stems.size, 1)
    cells = np.bincount(rows * width + local, minlength=size * width)  # sentence × term
    unique = np.flatnonzero(cells)
    counts = cells[unique]
    rows, columns = np.divmod(unique, width)
    frequency = np.bincount(columns, minlength=width)
    idf = np.log((size + 1) / np.maximum(frequency, 1))
    raw = counts * idf[columns]
    norms = np.sqrt(np.bincount(rows, weights=raw * raw, minlength=size))
    weights = raw / np.where(norms > 0, norms, 1.0)[rows]
    return Terms(
        size,
        stems,
        rows,
        columns,
        counts.astype(np.float64),
        weights,
        frequency,
        lengths,
        word_rows,
        packed,
    )


def pairwise(terms: Terms) -> tuple[Array, Array]:
    """Cosine similarity of every pair of sentences, and how many distinct terms they share.

    Both are symmetric with a zero diagonal.
    """
    shared_terms = terms.frequency >= 2
    compact = np.cumsum(shared_terms) - 1  # each linking term's column in the dense matrix
    linking = shared_terms[terms.columns]
    rows, columns = terms.rows[linking], compact[terms.columns[linking]]
    width = int(compact[-1]) + 1 if compact.size else 0
    dense = np.zeros((2, terms.size, width))  # tf-idf weights, and 1 where a term is present
    dense[0, rows, columns] = terms.weights[linking]
    dense[1, rows, columns] = 1.0
    products = np.matmul(dense, dense.transpose(0, 2, 1))
    diagonal = np.arange(terms.size)
    products[:, diagonal, diagonal] = 0.0
    return products[0], products[1]


@lru_cache(maxsize=256)
def _upper_triangle(size: int) -> NDArray[np.bool_]:
    """The mask of pairs (i, j) with i < j, made once per article size."""
    mask: NDArray[np.bool_] = np.triu(np.ones((size, size), dtype=bool), 1)
    mask.flags.writeable = False
    return mask


def directed_centrality(similarity: Array, threshold: float = 0.3) -> tuple[Array, Array]:
    """PacSum's two halves: how much each sentence is echoed by later ones, and by earlier ones.

    Edges below `threshold` of the way from the article's weakest to its strongest
    similarity are dropped (Zheng & Lapata, 2019); each half is averaged over the article.
    """
    size = similarity.shape[0]
    if size < 2:
        return np.zeros(size), np.zeros(size)
    upper = _upper_triangle(size)
    values = similarity[upper]
    low, high = float(values.min()), float(values.max())
    edges = np.maximum(similarity - (low + threshold * (high - low)), 0.0) * upper
    return edges.sum(axis=1) / (size - 1), edges.sum(axis=0) / (size - 1)


def textrank(similarity: Array, damping: float = 0.85) -> Array:
    """PageRank over the similarity graph (TextRank/LexRank's stationary distribution), solved
    exactly rather than iterated: one small linear system per article."""
    size = similarity.shape[0]
    if size < 2:
        return np.ones(size)
    totals = similarity.sum(axis=1)
    transition = similarity / np.where(totals > 0, totals, 1.0)[:, None]
    system = np.eye(size) - damping * transition.T
    return _solve(system, np.full(size, (1.0 - damping) / size))


def _lapack_solve() -> Callable[[Array, Array], Array]:
    """`np.linalg.solve` for one system: the same LAPACK routine (gesv) through NumPy's own
    gufunc, without the checks and dispatch around it, a third of the call here; the public
    function where NumPy does not have it."""
    try:
        from numpy.linalg import _umath_linalg

        gufunc = _umath_linalg.solve1
    except (ImportError, AttributeError):  # pragma: no cover - another NumPy
        return np.linalg.solve  # type: ignore[return-value]

    def solve(system: Array, right: Array) -> Array:
        result: Array = gufunc(system, right, signature="dd->d")
        return result

    return solve


_solve = _lapack_solve()


def overlap_degree(shared: Array, distinct: Array) -> Array:
    """TextRank's edge weight summed per sentence: shared terms over the sum of log lengths."""
    logs = np.log(np.maximum(distinct, 1.0))
    denominator = logs[:, None] + logs[None, :]
    degree: Array = (shared / np.where(denominator > 0, denominator, 1.0)).sum(axis=1)
    return degree


def centroid_similarity(terms: Terms) -> Array:
    """Each sentence's cosine with the sum of all the article's sentence vectors."""
    centroid = terms.per_term(terms.weights)
    norm = float(np.sqrt(np.square(centroid).sum()))
    if not norm:
        return np.zeros(terms.size)
    return terms.per_sentence(terms.weights * centroid[terms.columns]) / norm


def average_frequency(terms: Terms) -> Array:
    """SumBasic's signal: how often, on average, a sentence's terms occur in the article."""
    in_article = terms.per_term(terms.counts)
    total = terms.per_sentence(terms.counts * in_article[terms.columns])
    return total / np.maximum(terms.per_sentence(terms.counts), 1.0)


def headline_similarity(terms: Terms, headline: set[int], headline_size: int) -> Array:
    """Cosine with the headline's content terms (stem ids), each counted once."""
    if not headline_size:
        return np.zeros(terms.size)
    target = np.zeros(terms.stems.size)
    wanted = np.fromiter(headline, dtype=np.int64, count=len(headline))
    found = np.searchsorted(terms.stems, wanted)
    hits = found < terms.stems.size
    found = found[hits]
    target[found[terms.stems[found] == wanted[hits]]] = 1.0
    return terms.per_sentence(terms.weights * target[terms.columns]) / float(np.sqrt(headline_size))
