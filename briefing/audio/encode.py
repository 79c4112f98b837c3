"""Output formats for phones: which codec, container, sample rate and bitrate each one uses."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from briefing.errors import AudioError, InputError


class AudioFormat(str, Enum):
    """A container and codec a briefing can be written in (chosen by extension or `--format`)."""

    MP3 = "mp3"
    M4A = "m4a"
    OPUS = "opus"
    WAV = "wav"
    FLAC = "flac"


@dataclass(frozen=True)
class FormatSpec:
    """How ffmpeg writes one format."""

    codec: str
    muxer: str
    """ffmpeg's muxer name; pydub's `format="m4a"` fails, while `ipod` writes a proper .m4a."""
    sample_rate: int
    """Always set explicitly: a filter such as loudnorm would otherwise leave 192 kHz."""
    mono_bitrate: str | None
    """Default bitrate for mono, None where bitrate does not apply (lossless)."""
    stereo_bitrate: str | None
    bitrate_range_kbps: tuple[int, int] = (8, 320)


SPECS: dict[AudioFormat, FormatSpec] = {
    AudioFormat.MP3: FormatSpec("libmp3lame", "mp3", 44100, "64k", "128k", (32, 320)),
    AudioFormat.M4A: FormatSpec("aac", "ipod", 44100, "64k", "96k", (16, 320)),
    AudioFormat.OPUS: FormatSpec("libopus", "opus", 48000, "32k", "32k", (6, 256)),
    AudioFormat.WAV: FormatSpec("pcm_s16le", "wav", 44100, None, None),
    AudioFormat.FLAC: FormatSpec("flac", "flac", 44100, None, None),
}


def format_for(path: Path, requested: AudioFormat | str | None = None) -> AudioFormat:
    """The output format: `requested` if given (it must agree with a known extension)."""
    suffix = path.suffix.lower().lstrip(".")
    known = ", ".join(f".{f.value}" for f in AudioFormat)
    by_extension = AudioFormat(suffix) if suffix in {f.value for f in AudioFormat} else None
    if requested is None:
        if by_extension is None:
            raise InputError(f"{path}: unknown audio format {path.suffix!r}; use {known}.")
        return by_extension
    try:
        chosen = AudioFormat(requested)
    except ValueError:
        raise InputError(f"unknown audio format {requested!r}; use one of {known}.") from None
    if by_extension is not None and by_extension is not chosen:
        raise InputError(
            f"{path}: the extension says {by_extension.value} but --format says "
            f"{chosen.value}; make them agree (e.g. -o {path.with_suffix('.' + chosen.value)})."
        )
    return chosen


def bitrate_for(audio_format: AudioFormat, requested: str | None, channels: int) -> str | None:
    """The bitrate to encode with, as ffmpeg wants it ("64k"), or None for lossless formats."""
    spec = SPECS[audio_format]
    default = spec.mono_bitrate if channels == 1 else spec.stereo_bitrate
    if requested is None:
        return default
    if default is None:
        raise InputError(
            f"--bitrate does not apply to {audio_format.value} (it is lossless); "
            "drop --bitrate or choose mp3, m4a or opus."
        )
    match = re.fullmatch(r"\s*(\d+)\s*(k|kbps|kb/s)?\s*", requested.lower())
    low, high = spec.bitrate_range_kbps
    if not match or not low <= int(match.group(1)) <= high:
        raise InputError(
            f"bad bitrate {requested!r} for {audio_format.value}; give kilobits per second "
            f"from {low} to {high}, e.g. --bitrate {default}."
        )
    return f"{int(match.group(1))}k"


def output_rate(spec: FormatSpec, input_rate: int) -> int:
    """The format's rate, of the programme's family: 48 kHz for speech at 24 kHz (Kokoro), so
    an MP3 is still made of whole multiples of its input (`briefing.audio.parallel_mp3`)."""
    if spec.sample_rate == 44100 and input_rate % 8000 == 0:
        return 48000
    return spec.sample_rate


def codec_arguments(
    audio_format: AudioFormat, bitrate: str | None, channels: int, input_rate: int = 22050
) -> list[str]:
    """ffmpeg output options for the audio stream: codec, rate, channels, bitrate, muxer."""
    spec = SPECS[audio_format]
    rate = output_rate(spec, input_rate)
    args = ["-c:a", spec.codec, "-ar", str(rate), "-ac", str(channels)]
    if bitrate is not None:
        args += ["-b:a", bitrate]
    if audio_format is AudioFormat.MP3:
        args += ["-id3v2_version", "3", "-write_xing", "1"]
    if audio_format is AudioFormat.OPUS:
        args += ["-vbr", "constrained"]  # stays near the asked bitrate, whatever the content
    if audio_format in (AudioFormat.FLAC, AudioFormat.WAV):
        args += ["-sample_fmt", "s16"]  # 16-bit: the mastering chain works in float
    return args + ["-f", spec.muxer]


def ffmpeg_binary() -> str:
    """The ffmpeg executable, or an error that says how to install it."""
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        raise AudioError(
            "ffmpeg is not installed or not on PATH; install it "
            "(apt install ffmpeg, or brew install ffmpeg) and try again."
        )
    return ffmpeg
