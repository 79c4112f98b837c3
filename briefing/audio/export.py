"""Export the programme for phones, writing to a temporary file and renaming it into place."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path

from pydub import AudioSegment

from briefing.errors import AudioError, InputError


class AudioFormat(str, Enum):
    MP3 = "mp3"
    WAV = "wav"


OUTPUT_RATE = 44100
MP3_BITRATE = "64k"


def format_for(path: Path) -> AudioFormat:
    """The output format implied by a file's extension."""
    suffix = path.suffix.lower().lstrip(".")
    try:
        return AudioFormat(suffix)
    except ValueError:
        known = ", ".join(f".{f.value}" for f in AudioFormat)
        raise InputError(f"{path}: unknown audio format {path.suffix!r}; use {known}.") from None


def export_audio(audio: AudioSegment, path: Path) -> None:
    """Write `audio` to `path` atomically: a failure never leaves a partial file there."""
    audio_format = format_for(path)
    with atomic_path(path) as tmp:
        if audio_format is AudioFormat.WAV:
            audio.export(str(tmp), format="wav")
            return
        ffmpeg = shutil.which("ffmpeg")
        if ffmpeg is None:
            raise AudioError(
                "ffmpeg is not installed or not on PATH; install it "
                "(apt install ffmpeg, or brew install ffmpeg) and try again."
            )
        try:
            audio.export(
                str(tmp),
                format="mp3",
                bitrate=MP3_BITRATE,
                parameters=["-ar", str(OUTPUT_RATE), "-ac", "1"],
            )
        except Exception as error:  # pydub's CouldntEncodeError carries ffmpeg's stderr
            detail = str(error).strip().splitlines()[-1] if str(error).strip() else "no detail"
            raise AudioError(f"ffmpeg failed to encode {path.name}: {detail}") from None


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside `path`; rename it over `path` only if the block succeeds."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"{path}: the folder {folder} does not exist; create it or choose another.")
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as error:
        raise InputError(f"{path}: cannot write in {folder} ({error.strerror}).") from None
    os.close(handle)
    tmp = Path(name)
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
