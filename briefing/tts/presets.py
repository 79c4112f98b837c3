"""Voice presets: TOML files in `voices/` naming engines, voices and a fallback chain.

A preset has a main voice (top-level keys) and may give the programme's two roles their own
voice: `[presenter]` speaks the intro, headlines, transitions and outro; `[reader]` speaks the
story text. Each role inherits every key it does not set from the top level.

    name = "duo"
    engine = "pyttsx3"
    rate = 165
    fallback = ["espeak-ng"]          # or {engine = "espeak-ng", voice = "gmw/en-GB-x-rp"}
    [presenter]
    voice = "gmw/en-GB-x-rp"
    [reader]
    voice = "gmw/en-US"
    rate = 175
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from briefing.errors import ConfigError
from briefing.models import SegmentKind
from briefing.tts.base import VoiceSettings
from briefing.tts.lexicon import Lexicon

DEFAULT_PRESET = "default"

VOICE_KEYS: dict[str, tuple[type, ...]] = {
    "engine": (str,),
    "voice": (str,),
    "rate": (int,),
    "volume": (int, float),
    "pitch": (int,),
    "language": (str,),
}
"""Keys that make a voice, allowed at the top level and in `[presenter]` / `[reader]`."""
TOP_KEYS: dict[str, tuple[type, ...]] = {
    "name": (str,),
    "description": (str,),
    "licence": (str,),
    "fallback": (list,),
    "presenter": (dict,),
    "reader": (dict,),
    **VOICE_KEYS,
}
PRESENTER_KINDS = frozenset(
    {SegmentKind.INTRO, SegmentKind.HEADLINE, SegmentKind.TRANSITION, SegmentKind.OUTRO}
)
"""The parts the presenter speaks; every other kind (the story text) goes to the reader."""


@dataclass(frozen=True)
class PartVoice:
    """One engine and the settings of its voice: what voices one segment."""

    engine: str
    settings: VoiceSettings
    lexicon: Lexicon = Lexicon()
    """The user's pronunciations, applied to the text this voice is given."""


@dataclass(frozen=True)
class VoicePreset:
    name: str
    description: str
    engine: str
    """The main engine (the presenter's and reader's unless they set their own)."""
    settings: VoiceSettings
    path: Path | None = None
    fallback: tuple[PartVoice, ...] = ()
    """Engines to try, in order, when a segment's own engine fails twice."""
    presenter: PartVoice | None = None
    reader: PartVoice | None = None
    licence: str = ""
    """The licences of the engine, model and voices, as `briefing voices` lists them."""
    lexicon: Lexicon = Lexicon()
    """The user's pronunciations ([pronunciations] in the config), for every voice."""
    language_voices: tuple[tuple[str, VoicePreset], ...] = ()
    """(language code, preset) for segments in other languages than this preset's, as this
    machine can voice them (`usable_here` fills it); a language not here gets its shipped
    preset (`briefing.tts.languages`)."""

    def with_lexicon(self, lexicon: Lexicon) -> VoicePreset:
        return replace(self, lexicon=lexicon)

    @property
    def main(self) -> PartVoice:
        return PartVoice(self.engine, self.settings)

    def voice_for(self, kind: SegmentKind) -> PartVoice:
        """The voice for a segment of this kind: presenter or reader, else the main voice."""
        part = self.presenter if kind in PRESENTER_KINDS else self.reader
        return part or self.main

    def chain_for(self, kind: SegmentKind) -> tuple[PartVoice, ...]:
        """The voice for `kind`, then each fallback, with its rate, volume and pitch kept.

        A fallback entry that names only an engine drops the voice id (ids are engine-specific)
        and picks a voice by language; an entry that names a voice uses that voice.
        """
        first = self.voice_for(kind)
        chain = [first]
        for entry in self.fallback:
            settings = replace(first.settings, voice=entry.settings.voice)
            candidate = PartVoice(entry.engine, settings)
            if candidate not in chain:
                chain.append(candidate)
        return tuple(replace(part, lexicon=self.lexicon) for part in chain)

    @property
    def first_engines(self) -> tuple[str, ...]:
        """The engines that voice the segments when none fails: the ones worth starting early."""
        return tuple(dict.fromkeys(self.voice_for(kind).engine for kind in SegmentKind))

    @property
    def engines(self) -> tuple[str, ...]:
        """Every engine the preset may use, main voices first, without repeats."""
        names = [self.engine]
        for part in (self.presenter, self.reader, *self.fallback):
            if part is not None:
                names.append(part.engine)
        return tuple(dict.fromkeys(names))


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
        raise ConfigError(
            f"unknown voice {name_or_path!r}; choose one of: {names}, or a .toml path."
        )
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: not a valid voice preset ({error}).") from None
    return preset_from_dict(data, path)


def preset_from_dict(data: dict[str, Any], path: Path) -> VoicePreset:
    """Build a preset from parsed TOML; an unknown key or a wrong type names the key."""
    _check(data, TOP_KEYS, path, "")
    main = _part(data, PartVoice("pyttsx3", VoiceSettings()), path, "")
    roles: dict[str, PartVoice | None] = {}
    for role in ("presenter", "reader"):
        table = data.get(role)
        if table is None:
            roles[role] = None
            continue
        _check(table, VOICE_KEYS, path, f"{role}.")
        roles[role] = _part(table, main, path, f"{role}.")
    fallback = tuple(
        _fallback_entry(entry, path, f"fallback[{index}]")
        for index, entry in enumerate(data.get("fallback", []))
    )
    return VoicePreset(
        name=data.get("name", path.stem),
        description=data.get("description", ""),
        engine=main.engine,
        settings=main.settings,
        path=path,
        fallback=fallback,
        presenter=roles["presenter"],
        reader=roles["reader"],
        licence=data.get("licence", ""),
    )


def _check(
    table: dict[str, Any], allowed: dict[str, tuple[type, ...]], path: Path, prefix: str
) -> None:
    for key, value in table.items():
        if key not in allowed:
            known = ", ".join(allowed)
            raise ConfigError(f"{path}: unknown key '{prefix}{key}'; the keys are: {known}.")
        kinds = allowed[key]
        if isinstance(value, bool) or not isinstance(value, kinds):
            wanted = " or ".join(_TYPE_NAMES.get(k, k.__name__) for k in kinds)
            raise ConfigError(f"{path}: '{prefix}{key}' should be {wanted}, not {value!r}.")


_TYPE_NAMES = {str: "a string", int: "a whole number", float: "a number", list: "a list",
               dict: "a table"}


def _part(table: dict[str, Any], base: PartVoice, path: Path, prefix: str) -> PartVoice:
    settings = base.settings
    values: dict[str, Any] = {}
    if "voice" in table:
        values["voice"] = table["voice"]
    if "rate" in table:
        values["rate_wpm"] = table["rate"]
    if "volume" in table:
        values["volume"] = float(table["volume"])
    if "pitch" in table:
        values["pitch"] = table["pitch"]
    if "language" in table:
        values["language"] = table["language"]
    settings = replace(settings, **values)
    if not 40 <= settings.rate_wpm <= 500:
        raise ConfigError(f"{path}: '{prefix}rate' should be 40 to 500 words per minute.")
    if not 0.0 <= settings.volume <= 2.0:
        raise ConfigError(f"{path}: '{prefix}volume' should be 0.0 to 2.0.")
    if settings.pitch is not None and not 0 <= settings.pitch <= 99:
        raise ConfigError(f"{path}: '{prefix}pitch' should be 0 to 99.")
    return PartVoice(table.get("engine", base.engine), settings)


def _fallback_entry(entry: Any, path: Path, label: str) -> PartVoice:
    if isinstance(entry, str):
        return PartVoice(entry, VoiceSettings())
    if isinstance(entry, dict):
        _check(entry, {"engine": (str,), "voice": (str,)}, path, f"{label}.")
        if "engine" not in entry:
            raise ConfigError(f"{path}: {label} needs an 'engine'.")
        return PartVoice(entry["engine"], VoiceSettings(voice=entry.get("voice")))
    raise ConfigError(f"{path}: {label} should be an engine name or a table, not {entry!r}.")

