"""A preset as this machine can voice it: a voice that cannot run here gives way before voicing.

An engine that is not installed (the natural voice before `briefing voices install`, piper
without its extra) will fail every segment the same way. Rather than try it for each segment
and report each as a fallback, the run swaps that voice for the first of the preset's
fallbacks that can run here, once, and says so in one line. Failures at run time still go
through the fallback chain segment by segment. The presets shipped for the other languages a
script is said in (`briefing.tts.languages`) are checked the same way, with the same notes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from briefing.errors import BriefingError
from briefing.languages import language_code
from briefing.tts.base import get_engine, unavailable_reason
from briefing.tts.presets import PartVoice, VoicePreset


@dataclass(frozen=True)
class UsablePreset:
    preset: VoicePreset
    """The preset with every voice that cannot run here replaced by a fallback that can."""
    notes: tuple[str, ...] = ()
    """One line per voice replaced: which engine speaks instead, and why."""


def problem(part: PartVoice) -> str | None:
    """Why this voice cannot run on this machine, or None when it can.

    The engine made to ask is never started, so there is nothing to close.
    """
    try:
        engine = get_engine(part.engine)
    except BriefingError as error:
        return error.message
    return unavailable_reason(engine, part.settings)


def usable_here(preset: VoicePreset, languages: Iterable[str] = ()) -> UsablePreset:
    """`preset` with each first voice (main, presenter, reader) that cannot run here replaced
    by the first fallback that can, keeping its rate, volume, pitch and language.

    A voice with no fallback that can run is kept: voicing then reports every engine's error.
    For each of `languages` (codes or locales) the preset does not speak, the preset shipped
    for it is made usable too and kept in `language_voices`, its notes added to these.
    """
    usable = _usable_voices(preset)
    voices: dict[str, VoicePreset] = {}
    notes = dict.fromkeys(usable.notes)
    from briefing.tts.languages import preset_language, shipped_preset

    for code in dict.fromkeys(language_code(language) for language in languages):
        shipped = shipped_preset(code) if code != preset_language(preset) else None
        if shipped is None:
            continue
        made = _usable_voices(shipped)
        voices[code] = made.preset.with_lexicon(preset.lexicon)
        notes.update(dict.fromkeys(made.notes))
    if voices:
        usable = UsablePreset(replace(usable.preset, language_voices=tuple(sorted(voices.items()))),
                              tuple(notes))
    return usable


def _usable_voices(preset: VoicePreset) -> UsablePreset:
    """`usable_here` for the preset's own voices."""
    notes: dict[str, None] = {}
    checked: dict[PartVoice, str | None] = {}

    def swap(part: PartVoice | None) -> PartVoice | None:
        if part is None:
            return None
        if part not in checked:
            checked[part] = problem(part)
        why = checked[part]
        if why is None:
            return part
        for entry in preset.fallback:
            candidate = replace(part, engine=entry.engine,
                                settings=replace(part.settings, voice=entry.settings.voice))
            if candidate not in checked:
                checked[candidate] = problem(candidate)
            if checked[candidate] is None:
                notes[f"{candidate.engine} spoke instead of {part.engine}: {why}"] = None
                return candidate
        return part

    speaks = preset.presenter is None or preset.reader is None  # else the roles say it all
    main = swap(preset.main) if speaks else preset.main
    assert main is not None
    usable = replace(
        preset,
        engine=main.engine,
        settings=main.settings,
        presenter=swap(preset.presenter),
        reader=swap(preset.reader),
    )
    return UsablePreset(usable, tuple(notes))
