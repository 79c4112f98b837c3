"""Near-duplicates across sources: one event from two outlets becomes one story crediting both.

Two stories are the same when the content words of their headline and opening overlap
strongly (Jaccard similarity), which survives light rewording and different headlines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from briefing.daily.collect import Candidate

SIMILARITY = 0.45
"""Jaccard overlap of content words (headline + opening) above which two stories are one."""
TITLE_SIMILARITY = 0.7
OPENING_WORDS = 80

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_STOPWORDS = frozenset(
    [
        "a",
        "about",
        "after",
        "all",
        "also",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "but",
        "by",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "in",
        "into",
        "is",
        "it",
        "its",
        "new",
        "not",
        "of",
        "on",
        "or",
        "our",
        "over",
        "said",
        "says",
        "she",
        "that",
        "the",
        "their",
        "them",
        "they",
        "this",
        "to",
        "up",
        "was",
        "we",
        "were",
        "which",
        "while",
        "who",
        "will",
        "with",
        "would",
        "you",
    ]
)


@dataclass(frozen=True)
class Duplicate:
    """A story left out because another source carried it too."""

    dropped: Candidate
    kept: Candidate


def fingerprint(candidate: Candidate) -> frozenset[str]:
    article = candidate.article
    opening = " ".join(article.text.split()[:OPENING_WORDS])
    words = _WORD.findall(f"{article.title or ''} {opening}".lower())
    return frozenset(w for w in words if w not in _STOPWORDS and len(w) > 2)


def title_words(candidate: Candidate) -> frozenset[str]:
    words = _WORD.findall((candidate.article.title or "").lower())
    return frozenset(w for w in words if w not in _STOPWORDS)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def is_duplicate(a: Candidate, b: Candidate) -> bool:
    if a.key == b.key:
        return True
    if jaccard(title_words(a), title_words(b)) >= TITLE_SIMILARITY:
        return True
    return jaccard(fingerprint(a), fingerprint(b)) >= SIMILARITY


def drop_duplicates(
    candidates: Sequence[Candidate],
) -> tuple[list[Candidate], list[Duplicate]]:
    """Keep the first of each group (callers pass them best first); credit every outlet."""
    kept: list[Candidate] = []
    duplicates: list[Duplicate] = []
    for candidate in candidates:
        match = next((i for i, k in enumerate(kept) if is_duplicate(k, candidate)), None)
        if match is None:
            kept.append(candidate)
            continue
        original = kept[match]
        duplicates.append(Duplicate(dropped=candidate, kept=original))
        kept[match] = merge(original, candidate)
    return kept, duplicates


def merge(kept: Candidate, other: Candidate) -> Candidate:
    """The kept story, now credited to both outlets (said aloud: "From A and B: …")."""
    credits = kept.credits + tuple(c for c in other.credits if c not in kept.credits)
    names = list(dict.fromkeys(c.spoken for c in credits if c.spoken))
    spoken = (
        None if not names
        else names[0] if len(names) == 1
        else ", ".join(names[:-1]) + " and " + names[-1]
    )  # fmt: skip
    return replace(
        kept,
        article=replace(kept.article, source_name=spoken),
        credits=credits,
        also_keys=kept.also_keys + (other.key,) + other.also_keys,
    )
