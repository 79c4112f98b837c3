"""Voice presets: TOML files in `voices/` naming an engine and the settings of its voice."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing.errors import ConfigError
from briefing.tts.base import VoiceSettings

DEFAULT_PRESET = "default"


@dataclass(frozen=True)
class VoicePreset:
    name: str
    description: str
    engine: str
    settings: VoiceSettings
    path: Path | None = None


def presets_dir() -> Path:
    """Where the shipped presets live: inside the wheel, or `voices/` in a source checkout."""
    packaged = Path(__file__).resolve().parent.parent / "_voices"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent.parent / "voices"


def preset_paths() -> list[Path]:
    return sorted(presets_dir().glob("*.toml"))


def load_preset(name_or_path: str) -> VoicePreset:
    """Load a preset by name (a file in `voices/`) or by path to a TOML file."""
    candidate = Path(name_or_path)
    if candidate.suffix == ".toml" or candidate.exists():
        path = candidate
    else:
        path = presets_dir() / f"{name_or_path}.toml"
    if not path.is_file():
        names = ", ".join(p.stem for p in preset_paths()) or "none"
        raise ConfigError(f"unknown voice {name_or_path!r}; choose one of: {names}, or a .toml path.")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: not a valid voice preset ({error}).") from None
    return _preset_from_dict(data, path)


def _preset_from_dict(data: dict[str, Any], path: Path) -> VoicePreset:
    def get(key: str, kind: type, default: Any) -> Any:
        value = data.get(key, default)
        if value is not None and not isinstance(value, kind):
            raise ConfigError(f"{path}: {key!r} should be a {kind.__name__}.")
        return value

    settings = VoiceSettings(
        voice=get("voice", str, None),
        rate_wpm=int(get("rate", int, 175)),
        volume=float(get("volume", (int, float), 1.0)),  # type: ignore[arg-type]
        pitch=get("pitch", int, None),
        language=get("language", str, "en"),
    )
    return VoicePreset(
        name=get("name", str, path.stem),
        description=get("description", str, ""),
        engine=get("engine", str, "pyttsx3"),
        settings=settings,
        path=path,
    )
