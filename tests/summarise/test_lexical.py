"""Hashed word columns: stable across runs and machines, every word counted, stop words kept."""

from __future__ import annotations

import zlib

import numpy as np

from briefing.summarise.lexical import word_columns, word_logits
from briefing.summarise.terms import word_ids


def test_each_word_gets_its_crc32_column_and_sign_scaled_by_the_sentence_length() -> None:
    rows, ids, lengths = word_ids(["Police said police", "It rained."])
    columns, values = word_columns(rows, ids, lengths.astype(float), bits=16)
    assert rows.tolist() == [0, 0, 0, 1, 1]
    for i, word in enumerate(["police", "said", "police", "it", "rained"]):
        code = zlib.crc32(word.encode())
        assert columns[i] == code % 2**16
        sign = 1.0 if code >= 2**31 else -1.0
        assert values[i] == sign / np.sqrt(lengths[rows[i]])


def test_words_are_lower_cased_alphanumeric_runs_as_rouge_counts_them() -> None:
    upper = word_ids(["The U.S. Senate, today!"])
    lower = word_ids(["the u s senate today"])
    for a, b in zip(upper, lower, strict=True):
        assert np.array_equal(a, b)


def test_a_sentence_without_words_has_no_lexical_logit() -> None:
    rows, ids, lengths = word_ids(["—", "Storm hits", "..."])
    weights = np.arange(2**8, dtype=np.float64) + 1.0
    logits = word_logits(rows, ids, lengths.astype(float), weights)
    assert logits.shape == (3,)
    assert logits[0] == logits[2] == 0.0
    assert logits[1] != 0.0
