"""A voice that cannot run here gives way to the preset's first fallback that can, once."""

from __future__ import annotations

from pathlib import Path

from conftest import FakeEngine

from briefing.models import SegmentKind
from briefing.tts import VoiceSettings, load_preset, register_engine
from briefing.tts.usable import usable_here


class AbsentEngine(FakeEngine):
    """An engine that is not installed here."""

    name = "absent"

    def unavailable_reason(self, settings: VoiceSettings | None = None) -> str:
        return "absent is not installed; install it with: magic"


register_engine("absent", AbsentEngine)


def preset(tmp_path: Path, text: str) -> str:
    path = tmp_path / "p.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_the_missing_voice_gives_way_keeping_its_rate_and_language(tmp_path: Path) -> None:
    loaded = load_preset(preset(tmp_path, 'engine = "absent"\nvoice = "v1"\nrate = 150\n'
                                          'language = "en-GB"\nfallback = ["nobody", "fake"]\n'))
    usable = usable_here(loaded)
    assert usable.preset.main.engine == "fake"
    assert usable.preset.main.settings == VoiceSettings(rate_wpm=150, language="en-GB")
    assert usable.notes == ("fake spoke instead of absent: absent is not installed; "
                            "install it with: magic",)
    assert usable.preset.fallback == loaded.fallback  # failures at run time still fall back


def test_two_roles_of_one_missing_engine_make_one_note(tmp_path: Path) -> None:
    usable = usable_here(load_preset(preset(tmp_path, """
engine = "absent"
fallback = ["fake"]
[presenter]
voice = "a"
[reader]
voice = "b"
rate = 140
""")))
    assert len(usable.notes) == 1
    assert usable.preset.voice_for(SegmentKind.HEADLINE).engine == "fake"
    reader = usable.preset.voice_for(SegmentKind.BODY)
    assert (reader.engine, reader.settings.voice, reader.settings.rate_wpm) == ("fake", None, 140)


def test_a_preset_that_runs_here_is_left_alone(tmp_path: Path) -> None:
    loaded = load_preset(preset(tmp_path, 'engine = "fake"\nfallback = ["absent"]\n'))
    assert usable_here(loaded).preset == loaded and usable_here(loaded).notes == ()


def test_with_no_fallback_that_runs_the_voice_stays_for_voicing_to_report(tmp_path: Path) -> None:
    loaded = load_preset(preset(tmp_path, 'engine = "absent"\nfallback = ["nobody"]\n'))
    assert usable_here(loaded).preset == loaded and usable_here(loaded).notes == ()


def test_the_default_preset_is_the_natural_voice_and_espeak_ng_where_it_is_absent() -> None:
    default = load_preset("default")
    assert (default.engine, default.settings.voice) == ("kokoro", "af_heart")
    usable = usable_here(default)  # tests run without it installed (their own BRIEFING_HOME)
    assert usable.preset.engine == "espeak-ng"
    assert usable.notes == ("espeak-ng spoke instead of kokoro: the natural voice is not "
                            "installed; install it with: briefing voices install",)
