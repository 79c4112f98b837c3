"""Which words a sentence uses, as hashed columns: what the hand features cannot see.

Position, length and centrality say where a sentence sits and how it relates to the rest; they
cannot tell that "police said" or "according to" mark a summary-worthy sentence in a news story
and "click here" or "pictured" do not. Every lower-cased word of a sentence (stop words kept:
they carry much of that signal) is hashed with CRC-32 (the same on every machine and Python;
computed once per word by `terms.word_ids`) into one of 2**bits columns with a sign, so no
vocabulary ships, only one weight per column, learned jointly with the hand features by
`benchmarks/fit_summariser.py`. A word counts as often as it occurs, divided by the square
root of the sentence's length, so long and short sentences weigh alike (counting each word
once instead scored the same in cross-validation and costs a sort per article).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from briefing.summarise.terms import Ints

Array = NDArray[np.float64]
_HASH_SHIFT = 24
"""Where the CRC-32 starts in a packed word id (see `terms._STEM_BITS`)."""


def word_columns(rows: Ints, ids: Ints, lengths: Array, bits: int) -> tuple[Ints, Array]:
    """Each word's column (0 to 2**bits - 1) and value: ±1 by the hash's top bit, over the
    square root of its sentence's length (`rows` and `ids` as `terms.word_ids` gives them)."""
    hashes = ids >> _HASH_SHIFT
    signs = np.where(hashes >> 31, 1.0, -1.0)
    values: Array = signs / np.sqrt(np.maximum(lengths, 1.0))[rows]
    columns: Ints = hashes & ((1 << bits) - 1)
    return columns, values


def word_logits(rows: Ints, ids: Ints, lengths: Array, weights: Array) -> Array:
    """Each sentence's summed word weight, its lexical part of the logit; `weights` has one
    entry per column, a power of two of them."""
    return signed_logits(rows, ids, lengths, signed_weights(weights))


def signed_weights(weights: Array) -> Array:
    """The column weights negated, then as they are: one look-up gives a word its signed weight
    (`signed_logits`); made once per profile."""
    table = np.concatenate([-weights, weights])
    table.flags.writeable = False
    return table


def signed_logits(rows: Ints, ids: Ints, lengths: Array, table: Array) -> Array:
    """`word_logits` from `signed_weights`: the hash's top bit and its low bits index the table
    at once, and the square root of the sentence's length divides each sentence's sum (rather
    than each word), the fewest operations per word of the summariser's inner loop."""
    bits = int(table.size).bit_length() - 2
    hashes = ids >> _HASH_SHIFT
    index = (hashes >> (31 - bits)) & (1 << bits) | hashes & ((1 << bits) - 1)
    sums = np.bincount(rows, weights=table[index], minlength=len(lengths))
    logits: Array = sums / np.sqrt(np.maximum(lengths, 1.0))
    return logits
