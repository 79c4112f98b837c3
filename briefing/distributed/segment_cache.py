"""A content-addressed cache of voiced segments on a folder every worker can reach.

Interim: issue 6 adds the project's segment cache in `briefing.tts.cache`; this module is the
smallest thing the batch needs until then (same idea: the key is the engine, its settings and
the text). Files are written beside their final name and renamed into place, so a worker killed
mid-write leaves no half file under a key.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from briefing.distributed.keys import digest
from briefing.tts import TTSEngine, VoicePreset, voice_one


def segment_path(root: Path, preset: VoicePreset, text: str) -> Path:
    """Where the WAV for `text` in `preset`'s voice lives under `root`."""
    key = digest(preset.engine, preset.settings, text)
    return root / key[:2] / f"{key}.wav"


def voice_cached(
    text: str, preset: VoicePreset, engine: TTSEngine, root: Path
) -> tuple[Path, bool]:
    """Return the cached WAV for `text`, voicing it first on a miss; and whether it was a hit."""
    path = segment_path(root, preset, text)
    if path.is_file():
        return path, True
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".wav", dir=path.parent)
    os.close(handle)
    tmp = Path(name)
    try:
        voice_one(text, tmp, engine, preset.settings)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path, False
