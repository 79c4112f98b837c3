"""Centrality on hand-made similarity graphs: who is central is known in advance."""

from __future__ import annotations

import numpy as np

from briefing.summarise.centrality import textrank


def test_textrank_is_a_distribution_that_ranks_the_hub_first() -> None:
    # Sentence 0 is like every other sentence; the others are alike only to sentence 0.
    similarity = np.array(
        [
            [0.0, 0.5, 0.5, 0.5],
            [0.5, 0.0, 0.0, 0.0],
            [0.5, 0.0, 0.0, 0.0],
            [0.5, 0.0, 0.0, 0.0],
        ]
    )
    rank = textrank(similarity)
    assert abs(rank.sum() - 1.0) < 1e-12
    assert rank[0] > rank[1]
    assert np.allclose(rank[1:], rank[1])


def test_textrank_matches_the_power_iteration() -> None:
    rng = np.random.default_rng(7)
    similarity = rng.random((6, 6))
    similarity = (similarity + similarity.T) / 2
    np.fill_diagonal(similarity, 0.0)
    transition = similarity / similarity.sum(axis=1, keepdims=True)
    rank = np.full(6, 1 / 6)
    for _ in range(200):
        rank = 0.15 / 6 + 0.85 * transition.T @ rank
    assert np.allclose(textrank(similarity), rank)


def test_textrank_of_tiny_and_unlinked_articles() -> None:
    assert textrank(np.zeros((1, 1))).tolist() == [1.0]
    assert np.allclose(textrank(np.zeros((3, 3))), 0.05)  # no links: only the random jump
