"""Render a briefing for listeners: mastered audio in the chosen format, tagged, with chapters,
transcripts (WebVTT, SRT), a Podcasting 2.0 chapters file and HTML show notes beside it.

Every file is written to a temporary file in its folder and renamed into place only when all
of them are complete, so a failure or Ctrl-C leaves yesterday's files as they were.
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from briefing.audio.assembly import FRAME_RATE, Programme, assemble
from briefing.audio.chapters import Chapter, build_chapters, ffmetadata, podcast_chapters_json
from briefing.audio.chime import make_chime
from briefing.audio.encode import (
    AudioFormat,
    bitrate_for,
    codec_arguments,
    ffmpeg_binary,
    format_for,
)
from briefing.audio.export import atomic_path
from briefing.audio.language import show_notes_words
from briefing.audio.master import MasterJob, MasterResult, master_to_file
from briefing.audio.pauses import PausePlan
from briefing.audio.shownotes import show_notes_html
from briefing.audio.tags import Cover, Tags, default_cover, default_title, load_cover, write_tags
from briefing.audio.transcripts import cues_for, to_srt, to_webvtt
from briefing.errors import InputError
from briefing.models import Script, VoicedSegment

LOUDNESS_RANGE = (-30.0, -10.0)
"""Integrated loudness a listener may ask for: from quieter than broadcast to louder than any
streaming norm (past −10 the limiter would flatten speech)."""


@dataclass(frozen=True)
class AudioOptions:
    """How the episode sounds and what is written with it; the defaults suit phones."""

    format: AudioFormat | str | None = None
    """None: from the output's extension (a name such as "m4a" is checked when rendering)."""
    bitrate: str | None = None
    """e.g. "64k"; None: the format's default (mp3/m4a 64k mono, opus 32k)."""
    channels: int = 1
    """1 (mastered to −21 LUFS) or 2 (−18 LUFS)."""
    loudness: float | None = None
    """Integrated loudness in LUFS, −30 to −10; None: the norm for `channels` above."""
    pauses: PausePlan | None = field(default_factory=PausePlan)
    """Silences by segment type; None keeps each script segment's own `pause_after_ms`."""
    chime: bool = False
    """A short chime between stories."""
    music: Path | None = None
    """A music bed, looped under the whole episode, ducked under speech, faded in and out."""
    cover: Path | None = None
    """PNG or JPEG cover art; None: a cover generated for the date."""
    title: str | None = None
    """None: "Briefing — Wednesday 25 November 2026"."""
    artist: str = "Briefing"
    album: str = "Briefing"
    genre: str = "Podcast"
    comment: str | None = None
    """None: a list of the stories' headlines."""
    side_files: bool = True
    """Write chapters JSON, WebVTT, SRT and HTML show notes beside the audio."""


@dataclass(frozen=True)
class RenderedFiles:
    """Everything one render wrote."""

    audio: Path
    duration_s: float
    chapters: tuple[Chapter, ...]
    chapters_json: Path | None = None
    vtt: Path | None = None
    srt: Path | None = None
    show_notes: Path | None = None
    mastering: MasterResult | None = None

    @property
    def side_files(self) -> tuple[Path, ...]:
        found = (self.chapters_json, self.vtt, self.srt, self.show_notes)
        return tuple(path for path in found if path is not None)


def side_file_paths(output: Path) -> dict[str, Path]:
    """Where the side files of `output` go: out.mp3 → out.chapters.json, out.vtt, …"""
    stem = output.with_suffix("")
    return {
        "chapters_json": stem.with_name(stem.name + ".chapters.json"),
        "vtt": stem.with_name(stem.name + ".vtt"),
        "srt": stem.with_name(stem.name + ".srt"),
        "show_notes": stem.with_name(stem.name + ".html"),
    }


def output_suffix(options: AudioOptions) -> str:
    """The extension for a default output name: the chosen format's, else ".mp3"."""
    if options.format is None:
        return ".mp3"
    return "." + format_for(Path("briefing"), options.format).value


def check_options(output: Path, options: AudioOptions) -> AudioFormat:
    """Fail early (before any voicing) on a bad format, bitrate, cover or music file, or a
    missing ffmpeg: minutes of voicing should not end in "ffmpeg is not installed"."""
    audio_format = format_for(output, options.format)
    ffmpeg_binary()
    if options.channels not in (1, 2):
        raise InputError(f"channels must be 1 or 2, not {options.channels}.")
    low, high = LOUDNESS_RANGE
    if options.loudness is not None and not low <= options.loudness <= high:
        raise InputError(
            f"loudness {options.loudness:g} LUFS is outside {low:g} to {high:g}; podcasts are "
            "mastered to about -21 (mono) or -18 (stereo), e.g. --loudness -19."
        )
    bitrate_for(audio_format, options.bitrate, options.channels)
    if options.cover is not None:
        load_cover(options.cover)
    if options.music is not None:
        check_music(options.music)
    return audio_format


def check_music(path: Path) -> None:
    """The music bed must exist and hold audio ffmpeg can decode."""
    if not path.is_file():
        raise InputError(f"{path}: music file not found; check the path given to --music.")
    result = subprocess.run(
        [ffmpeg_binary(), "-v", "error", "-i", str(path), "-map", "0:a:0", "-t", "0.5",
         "-f", "null", "-"],
        capture_output=True, text=True, errors="replace", check=False,
    )
    if result.returncode != 0:
        detail = (result.stderr.strip().splitlines() or ["no detail"])[-1]
        raise InputError(
            f"{path}: ffmpeg cannot read it as audio ({detail}); give --music an MP3, WAV, "
            "FLAC or Ogg file."
        )


def assemble_for(voiced: Sequence[VoicedSegment], options: AudioOptions) -> Programme:
    """Assemble voiced segments with the options' pauses and chime."""
    chime = make_chime(FRAME_RATE) if options.chime else None
    return assemble(voiced, pauses=options.pauses, chime=chime)


def render_briefing(
    programme: Programme,
    script: Script,
    output: Path,
    options: AudioOptions | None = None,
) -> RenderedFiles:
    """Master, encode, tag and chapter `programme` into `output`, with its side files."""
    options = options or AudioOptions()
    audio_format = check_options(output, options)
    bitrate = bitrate_for(audio_format, options.bitrate, options.channels)
    ffmpeg = ffmpeg_binary()
    chapters = build_chapters(programme.timeline, script, programme.duration_ms)
    tags = _tags(script, chapters, options)
    side = side_file_paths(output) if options.side_files else {}
    texts = _side_texts(programme, script, chapters, tags.title, side) if side else {}
    with ExitStack() as stack:
        audio_tmp = stack.enter_context(atomic_path(output))
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="briefing-")))
        mastering = _encode(
            programme, audio_format, bitrate, options, tags, chapters, ffmpeg, audio_tmp, workdir
        )
        write_tags(audio_tmp, audio_format, tags, chapters)
        for key, path in side.items():
            tmp = stack.enter_context(atomic_path(path))
            tmp.write_text(texts[key], encoding="utf-8")
    return RenderedFiles(
        audio=output,
        duration_s=programme.duration_s,
        chapters=tuple(chapters),
        mastering=mastering,
        **side,
    )


def _encode(
    programme: Programme,
    audio_format: AudioFormat,
    bitrate: str | None,
    options: AudioOptions,
    tags: Tags,
    chapters: Sequence[Chapter],
    ffmpeg: str,
    out_path: Path,
    workdir: Path,
) -> MasterResult:
    """One ffmpeg job: master, encode, and (MP3, M4A) write tags, chapters and cover."""
    first_extra = 2 if options.music is not None else 1
    metadata = workdir / "metadata.txt"
    with_chapters = audio_format in (AudioFormat.MP3, AudioFormat.M4A)
    metadata.write_text(
        ffmetadata(tags.as_ffmetadata(), chapters if with_chapters else ()), encoding="utf-8"
    )
    inputs = ["-f", "ffmetadata", "-i", str(metadata)]
    maps = ["-map_metadata", str(first_extra), "-map_chapters",
            str(first_extra) if with_chapters else "-1", *tags.stream_metadata()]
    if audio_format is AudioFormat.MP3 and tags.cover is not None:
        cover = workdir / ("cover.png" if tags.cover.mime == "image/png" else "cover.jpg")
        cover.write_bytes(tags.cover.data)
        inputs += ["-i", str(cover)]
        maps += [
            "-map", f"{first_extra + 1}:v", "-c:v", "copy", "-disposition:v", "attached_pic",
            "-metadata:s:v", "title=Cover", "-metadata:s:v", "comment=Cover (front)",
        ]
    job = MasterJob(
        pcm=programme.pcm_path,
        frame_rate=programme.rate,
        channels=options.channels,
        codec_arguments=codec_arguments(
            audio_format, bitrate, options.channels, programme.rate
        ),
        maps=maps,
        extra_inputs=inputs,
        music=options.music,
        loudness_lufs=options.loudness,
    )
    return master_to_file(job, ffmpeg, out_path)


def _tags(script: Script, chapters: Sequence[Chapter], options: AudioOptions) -> Tags:
    cover: Cover = load_cover(options.cover) if options.cover else default_cover(script.date)
    headlines = [summary.headline for summary in script.stories]
    words = show_notes_words(script.language)
    comment = options.comment
    if comment is None:
        comment = words["comment"].format("; ".join(headlines)) if headlines else words[
            "no_stories"]
    return Tags(
        title=options.title or default_title(script.date, script.language),
        artist=options.artist,
        album=options.album,
        date=script.date,
        genre=options.genre,
        comment=comment,
        cover=cover,
        language=script.language,
    )


def _side_texts(
    programme: Programme,
    script: Script,
    chapters: Sequence[Chapter],
    title: str,
    side: dict[str, Path],
) -> dict[str, str]:
    cues = cues_for(programme.timeline)
    transcripts = {"vtt": side["vtt"].name, "srt": side["srt"].name}
    return {
        "chapters_json": podcast_chapters_json(chapters, title),
        "vtt": to_webvtt(cues, script.language),
        "srt": to_srt(cues),
        "show_notes": show_notes_html(
            title, script.date, chapters, script.language, transcripts
        ),
    }
