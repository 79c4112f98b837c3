"""How long text takes to say: words and pauses → seconds at a voice's rate.

The summariser uses it to fit a story into a time budget. Constants fitted against espeak-ng
(en-gb) with benchmarks/calibrate_speech_time.py; see the numbers below.
"""

from __future__ import annotations

import re

from briefing.script.normalize import normalize

# Fitted with espeak-ng 1.51 (voice en-gb) by
#   .venv/bin/python benchmarks/calibrate_speech_time.py --sentences 160 --rates 120,165,220
# on 80 BBC sentences at three rates; on the 80 held-out sentences the error was 0.28 s mean
# absolute (4.1% of a sentence's duration, worst 1.20 s) and +0.5% over their total duration.
PER_WORD = 0.1057
PER_LETTER = 0.1606
PER_PAUSE = 0.6739
PER_STOP = 0.6678
FIXED_SECONDS = 0.0740
"""Seconds at one word a second per word, letter, pause (, ; :) and stop (. ! ?), plus a
fixed lead-in; the first four scale with 60 / rate."""

_WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")
_PAUSE = re.compile(r"[,;:]")
_STOP = re.compile(r"[.!?]+")


def features(spoken: str) -> tuple[int, int, int, int]:
    """(words, letters in them, short pauses, full stops) in already-normalised text.

    Letters stand in for word length: fitting on words alone left twice the error.
    """
    words = _WORD.findall(spoken)
    letters = sum(len(w) for w in words)
    return len(words), letters, len(_PAUSE.findall(spoken)), len(_STOP.findall(spoken))


def estimate_seconds(text: str, words_per_minute: float) -> float:
    """Seconds to say `text` (any text: it is normalised first, so "$1.64" counts as spoken)."""
    spoken = normalize(text)
    if not spoken:
        return 0.0
    words, letters, pauses, stops = features(spoken)
    minute = 60.0 / max(words_per_minute, 1.0)
    seconds = minute * (
        PER_WORD * words + PER_LETTER * letters + PER_PAUSE * pauses + PER_STOP * stops
    )
    return max(0.0, seconds + FIXED_SECONDS)
