"""Voices per language: every segment is spoken by a voice of the language it is said in.

A segment in the preset's own language gets the preset's voice. One in another language gets
the preset shipped for that language (`voices/de.toml`, `fr.toml`, …, English: `default`),
with the user's pronunciations kept; one in a language only espeak-ng knows gets espeak-ng in
that language (basic); any other cannot be voiced (`can_voice` says so before, and
`NoVoiceError`, naming the language, if it is asked anyway).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from briefing.errors import BriefingError, UnsupportedLanguageError
from briefing.languages import described_language, language_code
from briefing.models import Article, ScriptSegment, StoryFailure
from briefing.tts.base import VoiceSettings
from briefing.tts.presets import PartVoice, VoicePreset, load_preset
from briefing.tts.verify import segment_label

SHIPPED = {"en": "default", "de": "de", "fr": "fr", "es": "es", "it": "it", "pt": "pt"}
"""Language code → the shipped preset that speaks it when the user's preset does not."""
BASIC_ENGINE = "espeak-ng"
"""The engine for any other language it knows: understandable, robotic."""


class NoVoiceError(UnsupportedLanguageError):
    """A segment is in a language no voice here speaks."""


def preset_language(preset: VoicePreset) -> str:
    """The language code the preset speaks ("en-US" → "en")."""
    return language_code(preset.settings.language)


def language_preset(preset: VoicePreset, language: str) -> VoicePreset | None:
    """The preset that voices `language` for a user of `preset`, or None when none is shipped.

    The shipped one is taken as this machine can voice it (`usable_here`, without its note:
    the run's own `usable_here(preset, languages)` gives the notes and fills
    `preset.language_voices`, which wins here).
    """
    code = language_code(language)
    if code == preset_language(preset):
        return preset
    for known, voice in preset.language_voices:
        if known == code:
            return voice
    shipped = shipped_preset(code)
    if shipped is None:
        return None
    from briefing.tts.usable import usable_here

    return usable_here(shipped).preset.with_lexicon(preset.lexicon)


def shipped_preset(language: str) -> VoicePreset | None:
    """The preset shipped for `language` (a code), or None."""
    name = SHIPPED.get(language_code(language))
    return load_preset(name) if name else None


def chain_for_segment(preset: VoicePreset, segment: ScriptSegment) -> tuple[PartVoice, ...]:
    """The voices to try, in order, for `segment`: a voice of the language it is said in.

    Raises `NoVoiceError`, naming the language, when no voice here speaks it.
    """
    voice = language_preset(preset, segment.language)
    if voice is not None:
        return voice.chain_for(segment.kind)
    code = language_code(segment.language)
    if code in espeak_languages():
        return (basic_voice(preset, code),)
    raise NoVoiceError(
        f"no voice speaks {described_language(code)}, the language of {segment_label(segment.text)}"
        "; leave that story out (`can_voice` says which), or choose a language briefing "
        "speaks: `briefing voices` lists them."
    )


def basic_voice(preset: VoicePreset, code: str) -> PartVoice:
    """espeak-ng in `code`, at the preset's rate and volume."""
    settings = VoiceSettings(rate_wpm=preset.settings.rate_wpm, volume=preset.settings.volume,
                             language=code)
    return PartVoice(BASIC_ENGINE, settings, preset.lexicon)


def can_voice(language: str, preset: VoicePreset | None = None) -> bool:
    """Whether a segment in `language` can be voiced here (by `preset`, shipped presets or
    espeak-ng); False: leave its story out."""
    code = language_code(language)
    if preset is not None and code == preset_language(preset):
        return True
    return code in SHIPPED or code in espeak_languages()


def left_out(article: Article) -> StoryFailure:
    """The one-line failure of a story whose language no voice here speaks (`can_voice`)."""
    origin = article.origin or article.title or "a story"
    return StoryFailure(
        origin,
        f"{origin}: written in {described_language(article.language)}, which no voice here "
        "speaks; it was left out (`briefing voices` lists the languages there are voices for).",
    )


def is_basic(language: str, preset: VoicePreset | None = None) -> bool:
    """Whether `language` is voiced only by espeak-ng (understandable, robotic): worth a note."""
    code = language_code(language)
    if (preset is not None and code == preset_language(preset)) or code in SHIPPED:
        return False
    return code in espeak_languages()


def engines_for(preset: VoicePreset, languages: Iterable[str]) -> tuple[str, ...]:
    """The engines that voice segments in `languages` when none fails: worth starting early.

    The preset's own first engines always come first; a language no voice speaks adds none.
    """
    names = list(preset.first_engines)
    for code in dict.fromkeys(language_code(language) for language in languages):
        voice = language_preset(preset, code)
        if voice is not None:
            names.extend(voice.first_engines)
        elif code in espeak_languages():
            names.append(BASIC_ENGINE)
    return tuple(dict.fromkeys(names))


@cache
def espeak_languages() -> frozenset[str]:
    """The language codes espeak-ng speaks here (`espeak-ng --voices`); none without it."""
    from briefing.tts.base import get_engine

    try:
        voices = get_engine(BASIC_ENGINE).list_voices()
    except BriefingError:
        return frozenset()
    return frozenset(language_code(lang) for voice in voices for lang in voice.languages)


