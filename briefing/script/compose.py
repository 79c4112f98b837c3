"""Compose the programme: a greeting with the date, each story's headline, source and summary,
varied transitions, an outro. Wording comes from `ScriptTemplates` in the episode's language;
every segment is normalised in the language it is said in: the presenter's lines in the
episode's, a story's headline and sentences in the story's own. A story in another language
is introduced by the presenter, who names its language ("From Le Monde, in French.").
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import re
from collections.abc import Callable, Sequence

from briefing.clock import Clock, resolve
from briefing.languages import ENGLISH, language_code, language_name
from briefing.models import Script, ScriptSegment, SegmentKind, Summary
from briefing.script.normalize import normalize
from briefing.script.presenter import require_presenter_language
from briefing.script.spoken_dates import day_and_month, presenter_date, weekday_name
from briefing.script.templates import ScriptTemplates

PAUSE_AFTER_INTRO_MS = 700
PAUSE_AFTER_HEADLINE_MS = 500
PAUSE_BETWEEN_SENTENCES_MS = 350
PAUSE_BETWEEN_STORIES_MS = 1000
PAUSE_AFTER_TRANSITION_MS = 300


def compose_script(
    summaries: Sequence[Summary],
    date: dt.date,
    *,
    language: str = ENGLISH,
    templates: ScriptTemplates | None = None,
    clock: Clock | None = None,
) -> Script:
    """Turn summaries into typed segments a presenter would read, in order.

    `language` is the episode's (a code with presenter wording, see `presenter_languages`;
    another raises `UnsupportedLanguageError`); `templates` a user's wording, whose lines for
    that language are used.
    """
    language = require_presenter_language(language)
    templates = (templates or ScriptTemplates()).for_episode(language)
    now = resolve(clock)()  # the local time picks the greeting
    segments = [_intro(len(summaries), date, now.hour, templates)]
    transitions = _transitions(summaries, templates)
    for index, summary in enumerate(summaries):
        said_before = [transitions[index - 1]] if index > 0 else []
        headline = headline_of(summary)
        own = summary.article.language
        if own != language:  # the presenter names the language, then the story is read in it
            said_before.append(_introduction(summary, own, templates))
            headline_line = templates.headline.format(headline=headline.rstrip(" ."))
        else:
            headline_line = _headline_sentence(summary, headline, templates)
        if said_before:
            text = " ".join(said_before)
            segments.append(
                _segment(SegmentKind.TRANSITION, text, PAUSE_AFTER_TRANSITION_MS, index, language)
            )
        locale = summary.article.locale
        segments.append(
            _segment(SegmentKind.HEADLINE, headline_line, PAUSE_AFTER_HEADLINE_MS, index, locale)
        )
        body = [s for s in summary.sentences if _words_of(s) != _words_of(headline)]
        # the headline is said once: a lead sentence that was the headline, or the only
        # text of an item that is just a headline (a newsletter's link)
        for position, sentence in enumerate(body):
            last = position == len(body) - 1
            pause = PAUSE_BETWEEN_STORIES_MS if last else PAUSE_BETWEEN_SENTENCES_MS
            segments.append(_segment(SegmentKind.BODY, sentence, pause, index, locale))
    outro = templates.outro.format(**_dates(date, language))
    segments.append(_segment(SegmentKind.OUTRO, outro, 0, None, language))
    spoken = tuple(s for s in segments if s.text)
    return Script(date=date, segments=spoken, stories=tuple(summaries), language=language)


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

_SOURCE_PHRASES: dict[str, Callable[[str], str]] = {ENGLISH: source_phrase}
"""How a language says an outlet's name in the presenter's line; as it is where none is set."""


def _source(name: str, language: str) -> str:
    name = " ".join(name.split())
    return _SOURCE_PHRASES.get(language, str)(name)


def _dates(date: dt.date, language: str) -> dict[str, str]:
    """The date placeholders every line may use."""
    return {
        "date": presenter_date(date, language),
        "weekday": weekday_name(date, language),
        "day_month": day_and_month(date, language),
    }


def _intro(count: int, date: dt.date, hour: int, templates: ScriptTemplates) -> ScriptSegment:
    if count == 0:
        stories = templates.no_stories
    elif count == 1:
        stories = templates.one_story
    else:
        stories = templates.stories.format(count=count)
    day = templates.date.format(**_dates(date, templates.language))
    text = " ".join(p for p in (templates.greeting(hour), day, stories) if p)
    return _segment(SegmentKind.INTRO, text, PAUSE_AFTER_INTRO_MS, None, templates.language)


def _headline_sentence(summary: Summary, headline: str, templates: ScriptTemplates) -> str:
    headline = headline.rstrip(" .")
    source = summary.article.source_name
    if source and source.strip():
        return templates.headline_with_source.format(
            source=_source(source, templates.language), headline=headline
        )
    return templates.headline.format(headline=headline)


def _introduction(summary: Summary, story_language: str, templates: ScriptTemplates) -> str:
    """The presenter's line before a story in another language: its outlet and language."""
    named = language_name(story_language, templates.language) or story_language
    source = summary.article.source_name
    if source and source.strip():
        return templates.in_language_with_source.format(
            source=_source(source, templates.language), language=named
        )
    return templates.in_language.format(language=named)


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
    kind: SegmentKind, text: str, pause_ms: int, story: int | None, locale: str | None
) -> ScriptSegment:
    """A segment said in `locale`'s language, with that language's normaliser."""
    said = normalize(text, locale)
    return ScriptSegment(kind, said, pause_ms, story, language_code(locale))
