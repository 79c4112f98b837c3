"""A bare language picks its home voice: "fr" is France's French, not Belgium's, which espeak-ng
lists first, and never a voice that needs MBROLA's own data."""

from __future__ import annotations

import pytest

from briefing.tts.base import VoiceSettings
from briefing.tts.pyttsx3_engine import choose_voice

VOICES = [  # as espeak-ng lists them: by language code
    ("gmw/en-029", "English (Caribbean)", ["en-029", "en"]),
    ("gmw/en", "English (Great Britain)", ["en-gb", "en"]),
    ("gmw/en-US", "English (America)", ["en-us", "en"]),
    ("mb/mb-fr7", "french-mbrola-7", ["fr"]),
    ("roa/fr-BE", "French (Belgium)", ["fr-be", "fr"]),
    ("roa/fr", "French (France)", ["fr-fr", "fr"]),
    ("roa/pt", "Portuguese (Portugal)", ["pt", "pt-pt"]),
    ("roa/pt-BR", "Portuguese (Brazil)", ["pt-br", "pt"]),
]


@pytest.mark.parametrize(
    ("language", "voice"),
    [("fr", "roa/fr"), ("fr-BE", "roa/fr-BE"), ("en", "gmw/en"), ("en-US", "gmw/en-US"),
     ("pt", "roa/pt"), ("pt-BR", "roa/pt-BR"), ("nl", None)],
)
def test_a_language_gets_its_home_voice(language: str, voice: str | None) -> None:
    assert choose_voice(VOICES, VoiceSettings(language=language)) == voice
