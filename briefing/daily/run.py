"""`briefing daily`: sources in, one episode out, the feed updated; idempotent per date.

Order of writes, so the feed never points at a missing or partial file: the new audio and
its chapters and transcript (each renamed into place), then the episode list, then
`feed.xml`, and only then are files no episode refers to deleted.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import json
import os
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.audio.pauses import PausePlan
from briefing.clock import Clock, briefing_moment, file_clock, fixed_clock, resolve
from briefing.config import DailyConfig
from briefing.daily.budget import estimate_seconds, fit, pause_seconds
from briefing.daily.collect import Candidate, collect
from briefing.daily.dedupe import Duplicate, drop_duplicates
from briefing.daily.history import History
from briefing.daily.rank import is_muted, rank
from briefing.daily.sightings import Sightings
from briefing.daily.state_file import read_mapping, write_mapping
from briefing.errors import InputError
from briefing.models import Script, SegmentFallback, StoryFailure
from briefing.paths import state_dir
from briefing.publish.episodes import (
    EPISODES_DIR,
    MANIFEST,
    Episode,
    EpisodeStory,
    StoryLink,
    episodes_json,
    load_episodes,
)
from briefing.publish.lock import exclusive
from briefing.tts.synthesize import ProgressCallback

if TYPE_CHECKING:
    from briefing.audio.render import AudioOptions
    from briefing.daily.render import Voiced
    from briefing.publish.remote import PublishReport
    from briefing.tts import VoicePreset

TOLERANCE = 0.10
"""The episode must land within ±10% of the target length."""
REPLAN_AT = 0.06
"""Past this error after voicing, the plan is redone with the measured pace (cheap: cached)."""
STALE_PART_S = 3600


@dataclass(frozen=True)
class DailyReport:
    """What went into the episode and what did not, and why."""

    date: dt.date
    episode: Episode | None
    episode_path: Path | None
    used: tuple[Candidate, ...] = ()
    duplicates: tuple[Duplicate, ...] = ()
    heard: tuple[Candidate, ...] = ()
    muted: tuple[tuple[Candidate, str], ...] = ()
    unused: tuple[Candidate, ...] = ()
    """Stories left for lack of time."""
    failures: tuple[StoryFailure, ...] = ()
    rendered: bool = False
    """False when the episode for this date was already up to date."""
    synthesized: int = 0
    cached: int = 0
    target_s: float = 0.0
    feed_path: Path | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)
    fallbacks: tuple[SegmentFallback, ...] = ()
    """Segments voiced by a fallback engine (the report says which and why)."""
    published: PublishReport | None = None
    """What the upload to [publish] `to` sent, when it is set and worked."""
    publish_error: str | None = None
    """Why that upload failed (the local episode and feed are complete regardless)."""


def run_daily(
    config: DailyConfig,
    date: dt.date | None = None,
    minutes: float | None = None,
    on_progress: ProgressCallback | None = None,
    clock: Clock | None = None,
) -> DailyReport:
    """Make (or confirm) the episode for `date` and publish it; never stopped by one bad source.

    Stories are chosen as a run on the morning of `date` would choose them: ages count from
    the briefing's moment (`briefing_moment`), never from when this happens to run. `clock`
    is today's date and time (default: the real clock).
    """
    from briefing.tts import load_preset
    from briefing.tts.usable import usable_here

    # a bad voice fails before anything is fetched or made
    usable = usable_here(load_preset(config.voice).with_lexicon(config.lexicon))
    preset = usable.preset  # a voice that cannot run here gives way to its fallback, once
    _prepare_output(config.output)
    now = resolve(clock)()
    moment = briefing_moment(date or now.date(), now)
    with exclusive(config.output):
        report = _run(config, preset, moment, minutes, on_progress)
        report = replace(report, notes=(*usable.notes, *report.notes))
        return _publish_remote(config, report)


def _publish_remote(config: DailyConfig, report: DailyReport) -> DailyReport:
    """Mirror the folder to [publish] `to`; a failed upload is reported, the episode stays.

    It runs whenever there is an episode, new or up to date, so the next run finishes an
    upload that failed.
    """
    if config.publish is None or report.episode is None:
        return report
    from briefing.errors import PublishError
    from briefing.publish.remote import publish_folder

    try:
        published = publish_folder(config.output, config.publish.to, config.publish.options)
    except PublishError as error:
        return replace(report, publish_error=error.message)
    return replace(report, published=published)


def _run(
    config: DailyConfig,
    preset: VoicePreset,
    moment: dt.datetime,
    minutes: float | None,
    on_progress: ProgressCallback | None,
) -> DailyReport:
    from briefing.script.presenter import episode_language
    from briefing.summarise import DEFAULT_SUMMARIZER, get_summarizer
    from briefing.tts import SegmentCache
    from briefing.tts.usable import usable_here

    target_s = (minutes if minutes is not None else config.minutes) * 60.0
    output = config.output

    date = moment.date()
    candidates, failures = collect(config)
    sightings = Sightings()
    first_seen = sightings.see((c.key for c in candidates), moment)
    sightings.save(moment)
    ranked = rank(candidates, config.favour, moment, first_seen)
    unique, duplicates = drop_duplicates(ranked)
    history = History()
    heard = [c for c in unique if history.heard_before((c.key, *c.also_keys), date)]
    fresh = [c for c in unique if c not in heard]
    muted = [(c, word) for c in fresh if (word := is_muted(c, config.mute))]
    muted_set = {id(c) for c, _ in muted}
    unvoiced = _unvoiced(fresh, preset)
    failures = [*failures, *(failure for _, failure in unvoiced)]
    left_out = {id(c) for c, _ in unvoiced} | muted_set
    eligible = [c for c in fresh if id(c) not in left_out][: config.max_stories]
    language = episode_language((c.article.language for c in eligible), config.language)
    preset = usable_here(preset, {c.article.language for c in eligible} | {language}).preset
    report = DailyReport(
        date=date,
        episode=None,
        episode_path=None,
        duplicates=tuple(duplicates),
        heard=tuple(heard),
        muted=tuple(muted),
        failures=tuple(failures),
        target_s=target_s,
    )
    if not eligible:
        return report

    summariser = get_summarizer(DEFAULT_SUMMARIZER)
    wpm = float(preset.settings.rate_wpm)
    pace_store = _PaceStore()
    pace = pace_store.get(preset)
    articles = [c.article for c in eligible]
    pauses = PausePlan()  # as AudioOptions() has it: the pauses `make` uses
    clock = fixed_clock(moment)
    plan = fit(
        articles, target_s, wpm, summariser.summarize, date, pace, pauses, config.templates,
        clock, language,
    )
    used = list(eligible[: len(plan.script.stories)])
    episodes = load_episodes(output)
    fingerprint = _fingerprint(eligible, target_s, preset, language, config.loudness)
    existing = next((e for e in episodes if e.date == date.isoformat()), None)
    notes: list[str] = []
    if plan.estimate_s < target_s * (1 - TOLERANCE):
        notes.append(
            f"the sources held about {plan.estimate_s / 60:.1f} of the "
            f"{target_s / 60:g} minutes asked for"
        )
    if existing and existing.fingerprint == fingerprint and (output / existing.audio).is_file():
        feed = _publish(config, output, episodes)
        history.record(_keys(used), date)
        return _finish(report, existing, output, used, eligible, feed, notes, False, 0, 0)

    cache = SegmentCache()
    from briefing.daily.render import voice_and_assemble

    options = _audio_options(config, date, plan.script.language)
    voiced = voice_and_assemble(plan.script, preset, options, cache=cache, on_progress=on_progress)
    synthesized, cached = voiced.synthesized, voiced.cached
    error = abs(voiced.programme.duration_s - target_s) / target_s
    measured = _measured_pace(plan.script, voiced.speech_s, wpm, options.pauses)
    if measured is not None:
        pace_store.put(preset, measured)
    if measured is not None and error > REPLAN_AT and plan.estimate_s >= target_s * 0.9:
        plan = fit(
            articles, target_s, wpm, summariser.summarize, date, measured, options.pauses,
            config.templates, clock, language,
        )
        used = list(eligible[: len(plan.script.stories)])
        voiced = voice_and_assemble(
            plan.script, preset, options, cache=cache, on_progress=on_progress
        )
        synthesized += voiced.synthesized

    episode = _write_episode(config, moment, plan.script, voiced, used, fingerprint, options)
    episodes = [e for e in episodes if e.date != episode.date] + [episode]
    episodes.sort(key=lambda e: e.date, reverse=True)
    episodes = episodes[: config.podcast.keep]
    feed = _publish(config, output, episodes)
    history.record(_keys(used), date)
    report = replace(report, fallbacks=voiced.fallbacks)
    return _finish(report, episode, output, used, eligible, feed, notes, True, synthesized, cached)


def _unvoiced(
    candidates: list[Candidate], preset: VoicePreset
) -> list[tuple[Candidate, StoryFailure]]:
    """The candidates in a language no voice here speaks, each with its one-line failure."""
    from briefing.tts.languages import can_voice, left_out

    speakable = [can_voice(c.article.language, preset) for c in candidates]
    return [(c, left_out(c.article)) for c, ok in zip(candidates, speakable, strict=True) if not ok]


def _finish(
    report: DailyReport,
    episode: Episode,
    output: Path,
    used: list[Candidate],
    eligible: list[Candidate],
    feed: Path,
    notes: list[str],
    rendered: bool,
    synthesized: int,
    cached: int,
) -> DailyReport:
    return replace(
        report,
        episode=episode,
        episode_path=output / episode.audio,
        used=tuple(used),
        unused=tuple(eligible[len(used) :]),
        rendered=rendered,
        synthesized=synthesized,
        cached=cached,
        feed_path=feed,
        notes=tuple(notes),
    )


def _prepare_output(output: Path) -> None:
    try:
        (output / EPISODES_DIR).mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(
            f"{output}: cannot create the output folder ({error.strerror}); "
            "fix `output` in the config."
        ) from None
    if not os.access(output, os.W_OK):
        raise InputError(
            f"{output}: the output folder is not writable; fix `output` in the config."
        )


def _write_episode(
    config: DailyConfig,
    moment: dt.datetime,
    script: Script,
    voiced: Voiced,
    used: list[Candidate],
    fingerprint: str,
    options: AudioOptions,
) -> Episode:
    """Master, tag and chapter the audio with its side files, through the same renderer as make."""
    from briefing.audio.render import render_briefing

    output = config.output
    date = moment.date()
    stem = f"{EPISODES_DIR}/briefing-{date.isoformat()}-{fingerprint[:10]}"
    audio = f"{stem}.mp3"
    rendered = render_briefing(voiced.programme, script, output / audio, options)

    def relative(path: Path | None) -> str | None:
        return f"{EPISODES_DIR}/{path.name}" if path is not None else None

    extra = tuple(name for name in (relative(rendered.srt), relative(rendered.show_notes)) if name)
    return Episode(
        date=date.isoformat(),
        title=options.title or date.isoformat(),
        audio=audio,
        length=(output / audio).stat().st_size,
        duration_s=rendered.duration_s,
        published=email.utils.format_datetime(moment),
        fingerprint=fingerprint,
        stories=tuple(
            EpisodeStory(
                title=summary.headline,
                links=tuple(StoryLink(c.source, c.url) for c in candidate.credits),
            )
            for summary, candidate in zip(script.stories, used, strict=True)
        ),
        chapters=relative(rendered.chapters_json),
        transcript=relative(rendered.vtt),
        extra_files=extra,
        language=script.language,
    )


def _audio_options(config: DailyConfig, date: dt.date, language: str) -> AudioOptions:
    from briefing.audio.render import AudioOptions
    from briefing.audio.tags import default_title

    return AudioOptions(
        title=default_title(date, language),
        artist=config.podcast.author,
        album=config.podcast.title,
        loudness=config.loudness,
    )


def _publish(config: DailyConfig, output: Path, episodes: list[Episode]) -> Path:
    """Episode list, then the web player, then feed, then delete files nothing refers to."""
    from briefing.audio import atomic_path
    from briefing.publish.feed import write_feed
    from briefing.publish.network import default_base_url
    from briefing.publish.web import write_player

    with atomic_path(output / MANIFEST) as tmp:
        tmp.write_text(episodes_json(episodes), encoding="utf-8")
    base_url = config.podcast.base_url or default_base_url()
    podcast = write_player(output, config.podcast, episodes)  # and the show art, if none is set
    feed = write_feed(output, podcast, episodes, base_url)
    keep = {name for e in episodes for name in e.files}
    now = file_clock(output / EPISODES_DIR)
    for path in (output / EPISODES_DIR).iterdir():
        name = f"{EPISODES_DIR}/{path.name}"
        if not path.is_file() or name in keep:
            continue
        if path.name.startswith(".") and now - path.stat().st_mtime < STALE_PART_S:
            continue  # another run's file in progress
        path.unlink(missing_ok=True)
    return feed


def _keys(used: list[Candidate]) -> list[str]:
    return [key for c in used for key in (c.key, *c.also_keys)]


def _fingerprint(
    eligible: list[Candidate],
    target_s: float,
    preset: object,
    language: str,
    loudness: float | None,
) -> str:
    """Same stories, length, voice, language and loudness as last time: the episode is already
    right. An unset loudness adds nothing, so episodes made before the setting stay valid."""
    from briefing.tts import VoicePreset

    assert isinstance(preset, VoicePreset)
    payload = {
        "stories": [
            [c.key, c.article.title, c.article.source_name, c.article.text] for c in eligible
        ],
        "target_s": target_s,
        "preset": preset.name,
        "engine": preset.engine,
        "settings": asdict(preset.settings),
        "language": language,
    }
    if loudness is not None:
        payload["loudness"] = float(loudness)
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def _measured_pace(
    script: Script, speech_s: float, wpm: float, pauses: PausePlan | None
) -> float | None:
    """Actual speech ÷ the word-count estimate of it (pauses excluded)."""
    estimated = estimate_seconds(script, wpm, 1.0, pauses) - pause_seconds(script, pauses)
    if estimated <= 0 or speech_s <= 0:
        return None
    return max(0.5, min(2.0, speech_s / estimated))


class _PaceStore:
    """How fast each voice really speaks compared with its rate, learnt from earlier episodes."""

    def __init__(self) -> None:
        self.path = state_dir() / "pace.json"
        self.values = read_mapping(self.path)

    @staticmethod
    def _key(preset: object) -> str:
        from briefing.tts import VoicePreset

        assert isinstance(preset, VoicePreset)
        return f"{preset.engine}:{preset.name}:{preset.settings.rate_wpm}"

    def get(self, preset: object) -> float:
        value = self.values.get(self._key(preset), 1.0)
        return value if isinstance(value, int | float) and 0.5 <= value <= 2.0 else 1.0

    def put(self, preset: object, value: float) -> None:
        self.values[self._key(preset)] = round(value, 4)
        write_mapping(self.path, self.values)
