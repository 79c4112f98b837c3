"""Compose the programme: a greeting with the date, each story's headline, source and summary,
varied transitions, an outro. Wording comes from `ScriptTemplates`; every segment is normalised.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import re
from collections.abc import Sequence

from briefing.clock import Clock, resolve
from briefing.models import Script, ScriptSegment, SegmentKind, Summary
from briefing.script.normalize import normalize
from briefing.script.spoken_dates import spoken_date
from briefing.script.templates import ScriptTemplates
from briefing.script.words import cardinal

PAUSE_AFTER_INTRO_MS = 700
PAUSE_AFTER_HEADLINE_MS = 500
PAUSE_BETWEEN_SENTENCES_MS = 350
PAUSE_BETWEEN_STORIES_MS = 1000
PAUSE_AFTER_TRANSITION_MS = 300


def compose_script(
    summaries: Sequence[Summary],
    date: dt.date,
    *,
    templates: ScriptTemplates | None = None,
    clock: Clock | None = None,
) -> Script:
    """Turn summaries into typed segments a presenter would read, in order."""
    templates = templates or ScriptTemplates()
    now = resolve(clock)()  # the local time picks the greeting
    segments = [_intro(len(summaries), date, now.hour, templates)]
    transitions = _transitions(summaries, templates)
    for index, summary in enumerate(summaries):
        if index > 0:
            segments.append(
                _segment(
                    SegmentKind.TRANSITION, transitions[index - 1], PAUSE_AFTER_TRANSITION_MS, index
                )
            )
        headline = headline_of(summary)
        locale = summary.article.locale
        segments.append(
            _segment(
                SegmentKind.HEADLINE,
                _headline_sentence(summary, headline, templates),
                PAUSE_AFTER_HEADLINE_MS,
                index,
                locale,
            )
        )
        body = [s for s in summary.sentences if _words_of(s) != _words_of(headline)]
        # the headline is said once: a lead sentence that was the headline, or the only
        # text of an item that is just a headline (a newsletter's link)
        for position, sentence in enumerate(body):
            last = position == len(body) - 1
            pause = PAUSE_BETWEEN_STORIES_MS if last else PAUSE_BETWEEN_SENTENCES_MS
            segments.append(_segment(SegmentKind.BODY, sentence, pause, index, locale))
    outro = templates.outro.format(weekday=f"{date:%A}", date=spoken_date(date))
    segments.append(_segment(SegmentKind.OUTRO, outro, 0, None))
    spoken = tuple(s for s in segments if s.text)
    return Script(date=date, segments=spoken, stories=tuple(summaries))


def _words_of(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", text.casefold()))


def headline_of(summary: Summary) -> str:
    """The article's title, or its lead sentence when it has none."""
    return " ".join(summary.headline.split())


def source_phrase(source_name: str) -> str:
    """The outlet as said after "From": "the" only before names that take it.

    "The Guardian" → "the Guardian", "Los Angeles Times" → "the Los Angeles Times" (a
    newspaper's name), "BBC" → "the BBC"; "CNN", "CBS News", "Reuters" → as they are.
    """
    name = " ".join(source_name.split())
    if re.match(r"(?i)the\s", name):
        return "the " + name[4:]
    words = name.split()
    if not words:
        return name
    paper = words[-1].split("-")[-1].casefold() in _NEWSPAPER_NOUNS and len(words) > 1
    paper_of = len(words) > 2 and words[0].casefold() in _NEWSPAPER_NOUNS and words[1] == "of"
    if paper or paper_of or name in _NAMES_WITH_THE:  # "the Times of India"
        return "the " + name
    return name


_NEWSPAPER_NOUNS = frozenset(
    (  # noqa: SIM905 (a word list reads better as text)
        "times post journal guardian telegraph independent standard herald tribune mirror sun "
        "express observer chronicle gazette examiner globe star inquirer register economist "
        "atlantic courier argus mail bulletin dispatch enquirer sentinel advertiser"
    ).split()
)
"""A name ending in one of these is a newspaper's, said with "the" ("the Miami Herald")."""
_NAMES_WITH_THE = frozenset({"BBC", "FT", "AP", "Associated Press", "Financial Times"})


def _intro(count: int, date: dt.date, hour: int, templates: ScriptTemplates) -> ScriptSegment:
    if count == 0:
        stories = templates.no_stories
    elif count == 1:
        stories = templates.one_story
    else:
        stories = templates.stories.format(count=cardinal(count))
    day = templates.date.format(date=spoken_date(date), weekday=f"{date:%A}")
    text = " ".join(p for p in (templates.greeting(hour), day, stories) if p)
    return _segment(SegmentKind.INTRO, text, PAUSE_AFTER_INTRO_MS, None)


def _headline_sentence(summary: Summary, headline: str, templates: ScriptTemplates) -> str:
    headline = headline.rstrip(" .")
    source = summary.article.source_name
    if source and source.strip():
        return templates.headline_with_source.format(
            source=source_phrase(source), headline=headline
        )
    return templates.headline.format(headline=headline)


def _transitions(summaries: Sequence[Summary], templates: ScriptTemplates) -> list[str]:
    """One phrase before each story after the first: shuffled by the stories themselves, so
    the same briefing always reads the same, never the same phrase twice in a row."""
    needed = max(0, len(summaries) - 1)
    seed = hashlib.sha256("\n".join(headline_of(s) for s in summaries).encode()).digest()
    rng = random.Random(seed)
    chosen: list[str] = []
    pool: list[str] = []
    while len(chosen) < needed:
        if not pool:
            pool = list(templates.transitions)
            rng.shuffle(pool)
            if chosen and len(pool) > 1 and pool[0] == chosen[-1]:
                pool.append(pool.pop(0))
        chosen.append(pool.pop(0))
    if needed >= 2 and templates.last_transition:
        chosen[-1] = templates.last_transition
    return chosen


def _segment(
    kind: SegmentKind, text: str, pause_ms: int, story: int | None, locale: str | None = None
) -> ScriptSegment:
    return ScriptSegment(kind, normalize(text, locale), pause_ms, story)
