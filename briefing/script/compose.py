"""Compose the programme: intro with the date, each story's headline and summary, an outro."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from briefing.models import Script, ScriptSegment, SegmentKind, Summary
from briefing.script.normalize import normalize
from briefing.script.spoken_dates import spoken_date

PAUSE_AFTER_INTRO_MS = 700
PAUSE_AFTER_HEADLINE_MS = 500
PAUSE_BETWEEN_SENTENCES_MS = 350
PAUSE_BETWEEN_STORIES_MS = 1000
PAUSE_AFTER_TRANSITION_MS = 300

_TRANSITIONS = ("Next.", "In other news.", "Also today.", "Turning now to another story.")
_NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def compose_script(summaries: Sequence[Summary], date: dt.date) -> Script:
    """Turn summaries into typed segments a presenter would read, in order."""
    count = len(summaries)
    stories_phrase = _count_phrase(count)
    segments: list[ScriptSegment] = [
        ScriptSegment(
            SegmentKind.INTRO,
            f"Good morning. It's {spoken_date(date)}. Here {'is' if count == 1 else 'are'} "
            f"{stories_phrase}.",
            PAUSE_AFTER_INTRO_MS,
        )
    ]
    for index, summary in enumerate(summaries):
        if index > 0:
            transition = _TRANSITIONS[(index - 1) % len(_TRANSITIONS)]
            segments.append(
                ScriptSegment(SegmentKind.TRANSITION, transition, PAUSE_AFTER_TRANSITION_MS, index)
            )
        segments.append(
            ScriptSegment(
                SegmentKind.HEADLINE,
                normalize(_headline_sentence(summary)),
                PAUSE_AFTER_HEADLINE_MS,
                index,
            )
        )
        for position, sentence in enumerate(summary.sentences):
            last = position == len(summary.sentences) - 1
            segments.append(
                ScriptSegment(
                    SegmentKind.BODY,
                    normalize(sentence),
                    PAUSE_BETWEEN_STORIES_MS if last else PAUSE_BETWEEN_SENTENCES_MS,
                    index,
                )
            )
    segments.append(
        ScriptSegment(
            SegmentKind.OUTRO, "That's your briefing for today. Thanks for listening.", 0
        )
    )
    return Script(date=date, segments=tuple(segments), stories=tuple(summaries))


def _headline_sentence(summary: Summary) -> str:
    headline = summary.headline.strip().rstrip(".")
    source = summary.article.source_name
    sentence = f"From {source}: {headline}." if source else f"{headline}."
    return sentence


def _count_phrase(count: int) -> str:
    word = _NUMBER_WORDS[count] if count < len(_NUMBER_WORDS) else str(count)
    if count == 1:
        return "your one story"
    return f"your {word} stories"
