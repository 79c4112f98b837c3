"""The whole path, article → summary → script → voiced segments → briefing, as plain functions.

Importing this module is cheap: each stage's modules (numpy for the summariser and the audio)
are imported where they are first used, so `make_briefing` (or the CLI, through
`start_engines`) can start the voice engines' worker processes before that import work.
"""

from __future__ import annotations

import datetime as dt
import glob
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.clock import Clock, fixed_clock, resolve
from briefing.errors import BriefingError, InputError
from briefing.models import Article, Briefing, Length, Script, StoryFailure, Summary
from briefing.summarise import DEFAULT_SUMMARIZER, get_summarizer
from briefing.tts import DEFAULT_PRESET, EnginePool, SegmentCache, VoicePreset, load_preset
from briefing.tts.lexicon import Lexicon

if TYPE_CHECKING:
    from briefing.audio import AudioOptions
    from briefing.audio.render_cache import EpisodeCache
    from briefing.ingest.stories import LinkOptions
    from briefing.script import ScriptTemplates
    from briefing.tts.synthesize import ProgressCallback
    from briefing.tts.usable import UsablePreset


def load_articles(
    inputs: Sequence[str | Path], *, links: LinkOptions | None = None
) -> tuple[list[Article], list[StoryFailure]]:
    """Read every input, each giving one story or many (a newsletter, a mailbox, a feed); one
    that fails is recorded, not fatal, while any other succeeds. `links` says whether a
    newsletter item that is only a headline and a link is read from its page."""
    articles: list[Article] = []
    failures: list[StoryFailure] = []
    for source in inputs:
        try:
            if isinstance(source, str) and source.lower().startswith(("http://", "https://")):
                loaded, item_failures = _load_url(source)  # a feed gives several stories
            else:
                loaded, item_failures = _load_stories(source, links)
            articles.extend(loaded)
            failures.extend(item_failures)
        except BriefingError as error:
            failures.append(StoryFailure(str(source), error.message, error.exit_code))
    if not articles:
        if not failures:
            raise InputError("no input given; name an article file, or - for stdin.")
        first = failures[0]
        more = f" (and {len(failures) - 1} more inputs failed)" if len(failures) > 1 else ""
        all_failed = InputError(first.reason + more)
        all_failed.exit_code = first.exit_code
        raise all_failed
    return articles, failures


URL_FEED_LIMIT = 5
"""Stories taken from a feed URL given to `make` or `script`."""


def _load_stories(
    source: str | Path, links: LinkOptions | None
) -> tuple[list[Article], list[StoryFailure]]:
    from briefing.ingest import load_stories

    return load_stories(source, links=links)


def _load_url(url: str) -> tuple[list[Article], list[StoryFailure]]:
    """A page URL gives one article, a feed URL its first items (httpx imported only here)."""
    from briefing.fetch import Fetcher, default_settings, stories_from_url

    with Fetcher(default_settings()) as fetcher:
        return stories_from_url(url, fetcher, limit=URL_FEED_LIMIT)


def summarise_articles(
    articles: Sequence[Article], length: Length, summarizer: str = DEFAULT_SUMMARIZER
) -> list[Summary]:
    engine = get_summarizer(summarizer)
    return [engine.summarize(article, length) for article in articles]


def build_script(
    inputs: Sequence[str | Path],
    *,
    length: Length | None = None,
    date: dt.date | None = None,
    summarizer: str = DEFAULT_SUMMARIZER,
    templates: ScriptTemplates | None = None,
    clock: Clock | None = None,
    links: LinkOptions | None = None,
    language: str | None = None,
    can_voice: Callable[[str], bool] | None = None,
) -> tuple[Script, list[StoryFailure]]:
    """Ingest, summarise and compose: everything up to, not including, audio.

    `date` defaults to today by `clock`, which also picks the greeting (default: the real clock).
    Every story of every input is in the script (a newsletter's every item); `links` says
    whether newsletter items that are only a headline are read from their pages.
    `language` is the episode's (its presenter's lines, `--lang`); None: the language most
    stories are in (`episode_language`). Each story is read in its own language; one whose
    language `can_voice` refuses is left out and recorded as a failure.
    """
    from briefing.script import compose_script
    from briefing.script.presenter import episode_language

    if language is not None:
        episode_language((), language)  # a language with no presenter fails before any work
    now = resolve(clock)()
    articles, failures = load_articles(inputs, links=links)
    if can_voice is not None:
        articles, unvoiced = _voiceable(articles, can_voice)
        failures.extend(unvoiced)
    summaries = summarise_articles(articles, length or Length(), summarizer)
    script = compose_script(
        summaries,
        date or now.date(),
        language=episode_language((a.language for a in articles), language),
        templates=templates,
        clock=fixed_clock(now),
    )
    return script, failures


def _voiceable(
    articles: list[Article], can_voice: Callable[[str], bool]
) -> tuple[list[Article], list[StoryFailure]]:
    """The articles a voice here can read, and a failure for each of the others."""
    from briefing.tts.languages import left_out

    kept = [a for a in articles if can_voice(a.language)]
    failures = [left_out(a) for a in articles if not can_voice(a.language)]
    if not kept and failures:
        raise InputError(failures[0].reason)
    return kept, failures


def default_output_path(date: dt.date, folder: Path | None = None) -> Path:
    return (folder or Path.cwd()) / f"briefing-{date.isoformat()}.mp3"


def start_engines(
    preset: VoicePreset,
    *,
    workers: int | None = None,
    output: Path | None = None,
    date: dt.date | None = None,
    cache: bool = True,
    cache_dir: Path | None = None,
    clock: Clock | None = None,
    languages: Sequence[str] = (),
) -> EnginePool:
    """The engines `make_briefing` will voice with, their worker processes already starting.

    A worker takes a fraction of a second to start (a new interpreter imports the engine);
    started now, that overlaps reading, summarising and composing. Nothing is started when
    the episode cache seems to hold this episode already (an unchanged re-run voices nothing),
    and none for a voice that cannot run here (`usable_here`). Pass the pool to
    `make_briefing`, which closes it; the CLI calls this before its own heavy imports. The
    arguments mean what they mean to `make_briefing`; `languages` are those the episode is
    known to need already (`--lang`), whose voices start too.
    """
    from briefing.tts.languages import engines_for
    from briefing.tts.usable import usable_here

    pool = EnginePool(workers)
    if not (cache and _may_restore(cache_dir, output, date or resolve(clock)().date())):
        usable = usable_here(preset, languages).preset
        pool.start(engines_for(usable, languages))
    return pool


def make_briefing(
    inputs: Sequence[str | Path],
    output: Path | None = None,
    *,
    length: Length | None = None,
    date: dt.date | None = None,
    voice: str = DEFAULT_PRESET,
    summarizer: str = DEFAULT_SUMMARIZER,
    on_progress: ProgressCallback | None = None,
    workers: int | None = None,
    cache: bool = True,
    cache_dir: Path | None = None,
    audio: AudioOptions | None = None,
    templates: ScriptTemplates | None = None,
    engines: EnginePool | None = None,
    clock: Clock | None = None,
    lexicon: Lexicon | None = None,
    links: LinkOptions | None = None,
    language: str | None = None,
) -> Briefing:
    """Make one spoken briefing from `inputs` and write it to `output` (MP3 or WAV).

    `workers` engine processes voice segments at once (default: the CPU count); voiced
    segments are reused from the cache (`cache_dir`, default the user's cache folder) unless
    `cache` is False, and so is the whole finished episode when nothing that shapes it changed
    (`briefing.audio.render_cache`). `audio` sets the format, mastering, tags and side files
    (chapters JSON, WebVTT, SRT, HTML show notes), listed in the result's `side_files`.
    The engines' workers start before the script is composed (`start_engines`); `engines`
    is a pool the caller started earlier still (its core budget replaces `workers`), which
    this closes as it would its own. `clock` gives today's date when `date` is None and the
    greeting's hour (default: the real clock, read once). `lexicon` is the user's
    pronunciations (`briefing.config.load_lexicon`), for every voice. `links` and
    `language` (the episode's; None: its stories') are as for `build_script`; each story is
    voiced in its own language, by the preset where it speaks that language and by the voice
    shipped for the language where it does not (`briefing.tts.languages`).
    """
    now = resolve(clock)()
    clock = fixed_clock(now)
    date = date or now.date()
    from briefing.tts.usable import usable_here

    chosen = load_preset(voice).with_lexicon(lexicon or Lexicon())
    wanted = (language,) if language else ()
    usable = usable_here(chosen, wanted)
    preset = usable.preset  # a voice that cannot run here gives way to its fallback, once
    if engines is None:
        engines = start_engines(
            preset, workers=workers, output=output, date=date, cache=cache, cache_dir=cache_dir,
            languages=wanted,
        )
    with engines:  # closed on every path: an error, Ctrl-C, a restored episode
        from briefing.audio import (  # numpy and all: while the engines start
            AudioOptions,
            assemble_for,
            check_options,
            output_suffix,
            render_briefing,
        )
        from briefing.audio.render_cache import episode_key
        from briefing.tts import voice_script

        audio = audio or AudioOptions()
        if output is None:
            output = default_output_path(date).with_suffix(output_suffix(audio))
        check_options(output, audio)  # fail on a bad format, bitrate, cover or music first
        if length is None:
            length = Length(words_per_minute=preset.settings.rate_wpm)
        from briefing.tts.languages import can_voice

        script, failures = build_script(
            inputs, length=length, date=date, summarizer=summarizer, templates=templates,
            clock=clock, links=links, language=language,
            can_voice=lambda code: can_voice(code, preset),
        )
        usable = _voices_for(chosen, script)  # the voices of every language the script has
        preset = usable.preset
        segment_cache = SegmentCache(cache_dir) if cache else None
        episodes = _episode_cache(segment_cache)
        key = episode_key(script, preset, audio, output, _version()) if episodes else ""
        restored = episodes.restore(key, output, script) if episodes else None
        if restored is not None:  # nothing changed since the last run: its files, not new work
            if on_progress:
                on_progress(len(script.segments), len(script.segments))
            return Briefing(
                path=output,
                duration_s=restored.duration_s,
                script=script,
                timeline=restored.timeline,
                failures=tuple(failures),
                side_files=restored.side_files,
                notes=usable.notes,
            )
        with tempfile.TemporaryDirectory(prefix="briefing-") as workdir:
            voicing = voice_script(
                script.segments, preset, Path(workdir),
                cache=segment_cache, on_progress=on_progress, engines=engines,
            )  # closes the engines: none is left running through the audio stage
            programme = assemble_for(voicing.voiced, audio)
            rendered = render_briefing(programme, script, output, audio)
    if episodes is not None and not voicing.fallbacks:
        episodes.store(
            key, output, rendered.side_files, programme.duration_s, programme.timeline, script
        )
    return Briefing(
        path=output,
        duration_s=programme.duration_s,
        script=script,
        timeline=programme.timeline,
        failures=tuple(failures),
        fallbacks=voicing.fallbacks,
        side_files=rendered.side_files,
        notes=usable.notes,
    )


def _voices_for(preset: VoicePreset, script: Script) -> UsablePreset:
    """`preset` made usable here for every language `script` is said in, with a note for each
    language only a basic voice (espeak-ng) speaks."""
    from briefing.languages import described_language
    from briefing.tts.languages import is_basic
    from briefing.tts.usable import UsablePreset, usable_here

    languages = tuple(dict.fromkeys(segment.language for segment in script.segments))
    usable = usable_here(preset, languages)
    basic = [
        f"{described_language(code)} is read by espeak-ng, a basic voice: understandable, "
        "not natural"
        for code in languages
        if is_basic(code, usable.preset)
    ]
    return UsablePreset(usable.preset, (*usable.notes, *basic)) if basic else usable


def _episode_cache(segments: SegmentCache | None) -> EpisodeCache | None:
    """No segment cache (`--no-cache`), no episode cache either."""
    from briefing.audio.render_cache import EpisodeCache

    return EpisodeCache.beside(segments.root) if segments is not None else None


def _may_restore(cache_dir: Path | None, output: Path | None, date: dt.date) -> bool:
    """Whether the episode cache holds a finished file of this output's name (no key yet: that
    needs the script). A wrong guess costs time only (workers started for nothing, or started
    late), never a different result."""
    from briefing.audio.render_cache import EpisodeCache

    name = glob.escape(output.name) if output else f"{default_output_path(date).stem}.*"
    return EpisodeCache.beside(SegmentCache(cache_dir).root).may_hold(name)


def _version() -> str:
    from briefing import __version__

    return __version__
