"""Plain-text reports on voices for the CLI: preset usability, engine voices, fallbacks."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefing.errors import BriefingError
from briefing.models import SegmentFallback, SegmentKind
from briefing.tts.base import engine_names, get_engine, unavailable_reason
from briefing.tts.presets import PartVoice, VoicePreset, load_preset
from briefing.tts.usable import problem


@dataclass(frozen=True)
class PresetStatus:
    preset: VoicePreset
    usable: bool
    """Every voice the preset asks for first can run on this machine."""
    why_not: str = ""
    fallback: str = ""
    """The first engine of the chain that can run here, when the preset's own cannot."""


def part_problem(part: PartVoice) -> str | None:
    """Why this voice cannot run here, or None."""
    return problem(part)


def preset_status(preset: VoicePreset) -> PresetStatus:
    """Whether `preset` can run as written on this machine, and why not."""
    firsts = [p for p in (preset.presenter, preset.reader) if p is not None] or [preset.main]
    problems = [problem for part in dict.fromkeys(firsts) if (problem := part_problem(part))]
    problems = list(dict.fromkeys(problems))  # two voices of one missing engine: said once
    if not problems:
        return PresetStatus(preset, usable=True)
    working = next((p.engine for p in preset.fallback if part_problem(p) is None), "")
    return PresetStatus(preset, usable=False, why_not="; ".join(problems), fallback=working)


def preset_lines(paths: Iterable[Path]) -> list[str]:
    """Per preset: name, engines, usable or why not; its description; its licences if given."""
    lines: list[str] = []
    for path in paths:
        status = preset_status(load_preset(str(path)))
        preset = status.preset
        engines = " → ".join(preset.engines)
        if status.usable:
            usable = "usable here: yes"
        else:
            then = f"; falls back to {status.fallback}" if status.fallback else ""
            usable = f"usable here: no ({status.why_not}{then})"
        lines.append(f"  {preset.name:<10} {engines:<30} {usable}")
        lines.append(f"  {'':<10} {preset.description}")
        if preset.licence:
            lines.append(f"  {'':<10} licence: {preset.licence}")
    return lines


def engine_voice_lines(names: Sequence[str] | None = None) -> list[str]:
    """For each engine: a heading and its voices, or why it cannot run here."""
    lines: list[str] = []
    for name in names or engine_names():
        engine = get_engine(name)
        try:
            reason = unavailable_reason(engine)
            if reason:
                lines.append(f"\nVoices of {name}: none here ({reason}).")
                continue
            voices = engine.list_voices()
        except BriefingError as error:
            lines.append(f"\nVoices of {name}: none here ({error.message}).")
            continue
        finally:
            engine.close()
        lines.append(f"\nVoices of {name} ({len(voices)}; set `voice` in a preset):")
        for voice in voices:
            languages = ", ".join(voice.languages)
            lines.append(f"  {voice.id:<28} {voice.name} [{languages}]")
    return lines


def fallback_lines(fallbacks: Sequence[SegmentFallback]) -> list[str]:
    """One line per wanted → used pair, with how many segments and the first reason."""
    groups: dict[tuple[str, str], list[SegmentFallback]] = {}
    for fallback in fallbacks:
        groups.setdefault((fallback.wanted, fallback.used), []).append(fallback)
    lines = []
    for (wanted, used), items in groups.items():
        numbers = ", ".join(str(f.index + 1) for f in items[:10])
        numbers += " …" if len(items) > 10 else ""
        noun = "segment" if len(items) == 1 else "segments"
        lines.append(
            f"{len(items)} {noun} ({numbers}) voiced by {used} because {wanted} failed: "
            f"{items[0].reason}"
        )
    return lines


def language_lines() -> list[str]:
    """Per language briefing ships a voice for: its code and name, the preset, the voices it
    tries in order, and what speaks here if its own cannot; then the basic voice for the rest.
    """
    from briefing.languages import language_name
    from briefing.tts.languages import SHIPPED, espeak_languages, shipped_preset

    lines: list[str] = []
    for code in sorted(SHIPPED):
        preset = shipped_preset(code)
        assert preset is not None
        chain = " → ".join(_voice_name(part) for part in preset.chain_for(SegmentKind.BODY))
        status = preset_status(preset)
        here = "" if status.usable else f" (here: {status.fallback or 'none'}; {status.why_not})"
        name = language_name(code) or code
        lines.append(f"  {code:<3} {name:<11} {preset.name:<8} {preset.settings.language:<6} "
                     f"{chain}{here}")
    others = len(espeak_languages() - set(SHIPPED))
    lines.append(f"  and {others} more languages in espeak-ng's basic voice (see below)."
                 if others else "  and no other language: espeak-ng is not installed here.")
    return lines


def _voice_name(part: PartVoice) -> str:
    return f"{part.engine} {part.settings.voice}" if part.settings.voice else part.engine
