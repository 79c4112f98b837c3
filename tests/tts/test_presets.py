"""Voice presets: the shipped files, per-part voices, fallback chains, strict keys and types."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.errors import ConfigError
from briefing.models import SegmentKind
from briefing.tts import PartVoice, VoiceSettings, load_preset, preset_paths


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "p.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_shipped_presets_cover_the_four_kinds_of_voice() -> None:
    presets = {p.stem: load_preset(p.stem) for p in preset_paths()}
    assert {"default", "classic", "bright", "duo", "neural"} <= set(presets)
    assert {"us-female", "us-male", "uk-female", "uk-male", "us-duo"} <= set(presets)
    assert presets["default"].engine == "kokoro"
    assert [p.engine for p in presets["default"].fallback] == ["espeak-ng"]
    assert presets["classic"].engine == "pyttsx3"
    assert all(preset.licence for preset in presets.values())
    assert presets["bright"].engine == "espeak-ng"
    assert presets["bright"].settings.pitch == 62
    assert presets["neural"].engine == "piper"
    assert [p.engine for p in presets["neural"].fallback] == ["espeak-ng", "pyttsx3"]
    duo = presets["duo"]
    assert duo.voice_for(SegmentKind.HEADLINE).settings.voice == "gmw/en-GB-x-rp"
    assert duo.voice_for(SegmentKind.BODY).settings.voice == "gmw/en+m3"


def test_presenter_speaks_the_frame_and_reader_the_stories(tmp_path: Path) -> None:
    preset = load_preset(write(tmp_path, """
name = "two"
engine = "espeak-ng"
rate = 170
language = "en-GB"
[presenter]
voice = "gmw/en-GB-x-rp"
[reader]
engine = "pyttsx3"
rate = 150
"""))
    for kind in (SegmentKind.INTRO, SegmentKind.HEADLINE, SegmentKind.TRANSITION,
                 SegmentKind.OUTRO):
        assert preset.voice_for(kind) == PartVoice(
            "espeak-ng", VoiceSettings(voice="gmw/en-GB-x-rp", rate_wpm=170, language="en-GB"))
    assert preset.voice_for(SegmentKind.BODY) == PartVoice(
        "pyttsx3", VoiceSettings(rate_wpm=150, language="en-GB"))


def test_fallback_keeps_rate_and_pitch_but_not_the_engine_specific_voice(tmp_path: Path) -> None:
    preset = load_preset(write(tmp_path, """
engine = "piper"
voice = "/voices/x.onnx"
rate = 150
pitch = 40
fallback = ["espeak-ng", {engine = "pyttsx3", voice = "gmw/en"}]
"""))
    chain = preset.chain_for(SegmentKind.BODY)
    assert [(p.engine, p.settings.voice) for p in chain] == [
        ("piper", "/voices/x.onnx"), ("espeak-ng", None), ("pyttsx3", "gmw/en")]
    assert all(p.settings.rate_wpm == 150 and p.settings.pitch == 40 for p in chain)
    assert preset.engines == ("piper", "espeak-ng", "pyttsx3")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('engine = "pyttsx3"\nspeed = 3\n', r"unknown key 'speed'"),
        ('rate = "fast"\n', r"'rate' should be a whole number, not 'fast'"),
        ("rate = true\n", r"'rate' should be a whole number"),
        ('[reader]\ncolour = "blue"\n', r"unknown key 'reader.colour'"),
        ("[presenter]\npitch = 1.5\n", r"'presenter.pitch' should be a whole number"),
        ('fallback = "espeak-ng"\n', r"'fallback' should be a list"),
        ("fallback = [3]\n", r"fallback\[0\] should be an engine name or a table"),
        ('fallback = [{voice = "x"}]\n', r"fallback\[0\] needs an 'engine'"),
        ("rate = 5\n", r"'rate' should be 40 to 500"),
        ("pitch = 120\n", r"'pitch' should be 0 to 99"),
        ("volume = 3\n", r"'volume' should be 0.0 to 2.0"),
    ],
)
def test_bad_presets_name_the_key(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_preset(write(tmp_path, text))


def test_unknown_name_lists_the_presets() -> None:
    with pytest.raises(ConfigError, match=r"unknown voice 'nope'; choose one of: .*duo.*neural"):
        load_preset("nope")
