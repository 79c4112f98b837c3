"""Voicing a script: fallback along the chain, the cache, parallel workers, the CLI around them."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest
from conftest import EXAMPLE_ARTICLE, FakeEngine
from typer.testing import CliRunner

from briefing import make_briefing
from briefing.cli import app
from briefing.errors import EngineError
from briefing.models import ScriptSegment, SegmentKind
from briefing.tts import (
    EngineSet,
    EngineVoice,
    PartVoice,
    SegmentCache,
    VoiceSettings,
    get_engine,
    load_preset,
    register_engine,
    voice_script,
    voice_segment,
)
from briefing.tts.report import preset_lines


class MuteEngine:
    """Says it worked and writes nothing: the failure the verifier exists for."""

    name = "mute"
    calls = 0

    def synthesize(self, text: str, out_path: Path, settings: VoiceSettings) -> None:
        MuteEngine.calls += 1

    def list_voices(self) -> list[EngineVoice]:
        return []

    def close(self) -> None:
        pass


register_engine("mute", MuteEngine)

SEGMENTS = [
    ScriptSegment(SegmentKind.INTRO, "Good morning. Here is the news."),
    ScriptSegment(SegmentKind.HEADLINE, "Turbines beat their target.", story=0),
    ScriptSegment(SegmentKind.BODY, "The harbour turbines made more power than planned, "
                  "and the co-operative will add five more machines.", story=0),
    ScriptSegment(SegmentKind.OUTRO, "That is all for today."),
]


def preset_file(tmp_path: Path, text: str) -> str:
    path = tmp_path / "voice.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_mute_engine_falls_back_to_espeak_and_is_reported(tmp_path: Path) -> None:
    preset = load_preset(preset_file(tmp_path, 'engine = "mute"\nfallback = ["espeak-ng"]\n'))
    MuteEngine.calls = 0
    result = voice_script(SEGMENTS[:2], preset, tmp_path, workers=1)
    assert [v.engine for v in result.voiced] == ["espeak-ng", "espeak-ng"]
    assert MuteEngine.calls == 4  # two attempts for each segment
    assert [(f.index, f.wanted, f.used) for f in result.fallbacks] == [
        (0, "mute", "espeak-ng"), (1, "mute", "espeak-ng")]
    assert "wrote no file" in result.fallbacks[0].reason
    for voiced in result.voiced:
        with wave.open(str(voiced.wav_path)) as wav:
            assert wav.getnframes() > 22050 * 0.5


def test_every_engine_failing_is_one_clear_error(tmp_path: Path) -> None:
    chain = [PartVoice("mute", VoiceSettings()),
             PartVoice("piper", VoiceSettings(voice=str(tmp_path / "none.onnx")))]
    engines = EngineSet()
    with pytest.raises(EngineError) as caught:
        voice_segment("Nothing works today.", tmp_path / "x.wav", chain, engines)
    engines.close()
    message = caught.value.message
    assert message.startswith("no engine could voice segment “Nothing works today.”: mute: ")
    assert "piper: no Piper voice model at" in message
    assert "briefing voices" in message


def test_a_cached_briefing_voices_nothing(tmp_path: Path, fake_voice: str) -> None:
    # conftest is imported twice (as a plugin and as a module), so ask the registry which
    # FakeEngine class actually voices
    calls: list[str] = type(get_engine("fake")).calls  # type: ignore[attr-defined]
    calls.clear()
    first = make_briefing([str(EXAMPLE_ARTICLE)], tmp_path / "a.wav", voice=fake_voice)
    voiced_first = len(calls)
    assert voiced_first == len(first.script.segments)
    calls.clear()
    second = make_briefing([str(EXAMPLE_ARTICLE)], tmp_path / "b.wav", voice=fake_voice)
    assert calls == []
    assert abs(second.duration_s - first.duration_s) < 0.05
    make_briefing([str(EXAMPLE_ARTICLE)], tmp_path / "c.wav", voice=fake_voice, cache=False)
    assert len(calls) == voiced_first


def test_cached_fallback_audio_is_reused_and_still_reported(tmp_path: Path) -> None:
    preset = load_preset(preset_file(tmp_path, 'engine = "mute"\nfallback = ["espeak-ng"]\n'))
    cache = SegmentCache(tmp_path / "cache")
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    voice_script(SEGMENTS[:1], preset, tmp_path / "one", workers=1, cache=cache)
    MuteEngine.calls = 0
    again = voice_script(SEGMENTS[:1], preset, tmp_path / "two", workers=1, cache=cache)
    assert MuteEngine.calls == 0 and again.cached == 1 and again.synthesized == 0
    assert [(f.wanted, f.used) for f in again.fallbacks] == [("mute", "espeak-ng")]


def test_two_workers_give_the_same_segments_in_order(tmp_path: Path) -> None:
    preset = load_preset("duo")
    (tmp_path / "w1").mkdir()
    (tmp_path / "w2").mkdir()
    progress: list[tuple[int, int]] = []
    one = voice_script(SEGMENTS, preset, tmp_path / "w1", workers=1)
    two = voice_script(SEGMENTS, preset, tmp_path / "w2", workers=2,
                       on_progress=lambda done, total: progress.append((done, total)))
    assert [v.segment for v in two.voiced] == SEGMENTS
    assert [v.wav_path.read_bytes() for v in two.voiced] == [
        v.wav_path.read_bytes() for v in one.voiced]  # espeak-ng is deterministic
    assert progress == [(n, 4) for n in range(1, 5)]
    # presenter and reader are different voices
    assert one.voiced[1].wav_path.read_bytes() != two.voiced[2].wav_path.read_bytes()


def test_cli_make_reports_fallbacks_and_cache_commands(tmp_path: Path) -> None:
    runner = CliRunner()
    voice = preset_file(tmp_path, 'engine = "mute"\nfallback = ["espeak-ng"]\n')
    out = tmp_path / "o.mp3"
    result = runner.invoke(app, ["make", str(EXAMPLE_ARTICLE), "-o", str(out), "--voice", voice,
                                 "--workers", "2"])
    assert result.exit_code == 0, result.output
    assert "voiced by espeak-ng because mute failed" in result.stderr
    info = runner.invoke(app, ["cache", "info"])
    assert info.exit_code == 0 and " 0 segments" not in info.stdout
    cleared = runner.invoke(app, ["cache", "clear"])
    assert cleared.exit_code == 0 and cleared.stdout.startswith("Cleared ")
    assert runner.invoke(app, ["cache", "info"]).stdout.split(": ")[1].startswith("0 segments")


def test_cli_voices_says_which_presets_work_here() -> None:
    result = CliRunner().invoke(app, ["voices"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    neural = next(line for line in lines if line.strip().startswith("neural"))
    assert "piper → espeak-ng → pyttsx3" in neural and "usable here: yes" in neural
    assert any(line.startswith("Voices of espeak-ng (") for line in lines)
    assert any(line.startswith("Voices of piper (1;") for line in lines)
    assert any("gmw/en-GB-x-rp" in line for line in lines)


def test_a_preset_whose_engine_cannot_run_here_says_why(tmp_path: Path) -> None:
    path = preset_file(tmp_path, f'name = "far"\nengine = "piper"\nvoice = "{tmp_path}/x.onnx"\n'
                                 'fallback = ["espeak-ng"]\n')
    [line, _] = preset_lines([Path(path)])
    assert "usable here: no (no Piper voice model at" in line
    assert line.endswith("; falls back to espeak-ng)")


class ThreadedFakeEngine(FakeEngine):
    """The fake engine, plus the thread setting a multi-threaded engine (piper) is given."""

    name = "threaded-fake"
    threads: list[int] = []

    def set_threads(self, threads: int) -> None:
        ThreadedFakeEngine.threads.append(threads)


register_engine("threaded-fake", ThreadedFakeEngine)


@pytest.mark.parametrize(
    ("workers", "segments", "expected"),
    [(1, 4, [1]), (2, 4, [1, 1]), (2, 1, [2]), (4, 2, [2, 2])],
)
def test_workers_is_a_core_budget_shared_by_engine_threads(
    tmp_path: Path, workers: int, segments: int, expected: list[int]
) -> None:
    """`--workers 1` keeps a multi-threaded engine to one core; spare cores become threads."""
    preset = load_preset(preset_file(tmp_path, 'name = "t"\nengine = "threaded-fake"\n'))
    ThreadedFakeEngine.threads.clear()
    voice_script(SEGMENTS[:segments], preset, tmp_path, workers=workers)
    assert sorted(ThreadedFakeEngine.threads) == expected


def test_the_cache_is_trimmed_only_after_a_run_that_added_to_it(
    tmp_path: Path, fake_voice: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Trimming lists every entry of the cache: a run voiced wholly from it has no need."""
    evictions: list[int] = []
    evict = SegmentCache.evict
    monkeypatch.setattr(SegmentCache, "evict", lambda self: evictions.append(1) or evict(self))
    preset = load_preset(fake_voice)
    cache = SegmentCache(tmp_path / "cache")
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    voice_script(SEGMENTS, preset, tmp_path / "one", workers=1, cache=cache)
    assert evictions == [1]
    again = voice_script(SEGMENTS, preset, tmp_path / "two", workers=1, cache=cache)
    assert again.cached == len(SEGMENTS) and evictions == [1]
