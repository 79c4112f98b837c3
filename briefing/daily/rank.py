"""Order stories by what the listener most wants first: their topics, source order, recency."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence

from briefing.daily.collect import Candidate

FAVOUR_WEIGHT = 3.0
"""One favoured keyword outweighs three places of source order."""
SOURCE_WEIGHT = 1.0
POSITION_WEIGHT = 0.5
AGE_WEIGHT_PER_DAY = 1.0


def _matcher(keywords: Sequence[str]) -> re.Pattern[str] | None:
    words = [re.escape(k.strip()) for k in keywords if k.strip()]
    if not words:
        return None
    return re.compile(r"\b(" + "|".join(words) + r")\b", re.IGNORECASE)


def is_muted(candidate: Candidate, mute: Sequence[str]) -> str | None:
    """The muted keyword this story mentions in its headline or opening, if any."""
    pattern = _matcher(mute)
    if pattern is None:
        return None
    found = pattern.search(_subject(candidate))
    return found.group(0) if found else None


def score(
    candidate: Candidate,
    favour: Sequence[str],
    now: dt.datetime,
    first_seen: Mapping[str, dt.datetime] | None = None,
) -> float:
    """Higher is better. Age counts from the story's date or, undated, from when first seen;
    a story dated after `now` (an episode remade for an earlier day) counts as brand new."""
    pattern = _matcher(favour)
    hits = len({m.lower() for m in pattern.findall(_subject(candidate))}) if pattern else 0
    since = candidate.article.published or (first_seen or {}).get(candidate.key, now)
    age_days = max(0.0, (now - since).total_seconds() / 86400)
    return (
        FAVOUR_WEIGHT * hits
        - SOURCE_WEIGHT * candidate.source_index
        - POSITION_WEIGHT * candidate.position
        - AGE_WEIGHT_PER_DAY * min(age_days, 7.0)
    )


def rank(
    candidates: Sequence[Candidate],
    favour: Sequence[str],
    now: dt.datetime,
    first_seen: Mapping[str, dt.datetime] | None = None,
) -> list[Candidate]:
    """Best first at `now` (the briefing's moment, not the wall clock); ties keep source order."""
    return sorted(candidates, key=lambda c: -score(c, favour, now, first_seen))


def _subject(candidate: Candidate) -> str:
    article = candidate.article
    return f"{article.title or ''} " + " ".join(article.text.split()[:120])
