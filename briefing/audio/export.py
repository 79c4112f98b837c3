"""Write audio atomically: to a temporary file beside the target, renamed into place at the end.

`export_audio` encodes a programme as it is (no mastering, tags or side files); a finished
episode goes through `briefing.audio.render.render_briefing`.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pydub import AudioSegment

from briefing.audio.encode import SPECS, AudioFormat, bitrate_for, ffmpeg_binary, format_for
from briefing.errors import AudioError, BriefingError, InputError

OUTPUT_RATE = 44100
MP3_BITRATE = "64k"

__all__ = ["AudioFormat", "atomic_path", "export_audio", "format_for"]


def export_audio(audio: AudioSegment, path: Path) -> None:
    """Write `audio` to `path` atomically: a failure never leaves a partial file there."""
    audio_format = format_for(path)
    spec = SPECS[audio_format]
    with atomic_path(path) as tmp:
        if audio_format is AudioFormat.WAV:
            audio.export(str(tmp), format="wav")
            return
        ffmpeg_binary()
        bitrate = bitrate_for(audio_format, None, audio.channels)
        try:
            audio.export(
                str(tmp),
                format=spec.muxer,
                codec=spec.codec,
                bitrate=bitrate,
                parameters=["-ar", str(spec.sample_rate), "-ac", str(audio.channels)],
            )
        except Exception as error:  # pydub's CouldntEncodeError carries ffmpeg's stderr
            detail = str(error).strip().splitlines()[-1] if str(error).strip() else "no detail"
            raise AudioError(f"ffmpeg failed to encode {path.name}: {detail}") from None


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside `path`; rename it over `path` only if the block succeeds."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(
            f"{path}: the folder {folder} does not exist; create it or choose another."
        )
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as error:
        raise InputError(f"{path}: cannot write in {folder} ({error.strerror}).") from None
    os.close(handle)
    tmp = Path(name)
    os.chmod(tmp, 0o666 & ~_umask())  # not mkstemp's 0o600: web servers must read episodes
    try:
        yield tmp
        os.replace(tmp, path)
    except OSError as error:
        if error.errno not in _DISK_ERRORS:
            raise
        hint = "free some space there" if error.errno in _FULL else "check that disk"
        raise BriefingError(
            f"{path}: cannot be written ({error.strerror}); {hint} and run again. "
            "Nothing was replaced."
        ) from None
    finally:
        tmp.unlink(missing_ok=True)


_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_DISK_ERRORS = _FULL | {errno.EROFS, errno.EIO}
"""Errors of the disk being written to, as opposed to bugs: these become one-line messages."""


def _umask() -> int:
    """The process's umask, read without changing it where the system allows (Linux)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
