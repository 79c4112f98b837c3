"""Retry and verification logic, with engines that misbehave on purpose."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import write_tone

from briefing.errors import EngineError
from briefing.models import ScriptSegment, SegmentKind
from briefing.tts import EngineVoice, VoiceSettings, voice_one, voice_segments
from briefing.tts.verify import verify_wav

SETTINGS = VoiceSettings(rate_wpm=180)


class FlakyEngine:
    """Writes nothing, then a 44-byte empty WAV, then real audio: the failures seen with pyttsx3."""

    name = "flaky"

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.calls = 0
        self.closed = 0

    def synthesize(self, text: str, out_path: Path, settings: VoiceSettings) -> None:
        self.calls += 1
        if self.calls <= self.failures:
            if self.calls % 2 == 0:
                write_tone(out_path, 0.0, lead_silence_s=0.0)  # header only
            return
        write_tone(out_path, len(text.split()) * 60 / settings.rate_wpm)

    def list_voices(self) -> list[EngineVoice]:
        return []

    def close(self) -> None:
        self.closed += 1


def test_one_failure_is_retried_in_a_fresh_worker(tmp_path: Path) -> None:
    engine = FlakyEngine(failures=1)
    duration = voice_one("Five words are spoken here.", tmp_path / "a.wav", engine, SETTINGS)
    assert engine.calls == 2
    assert engine.closed == 1
    assert duration > 1.0


def test_two_failures_raise_naming_the_segment(tmp_path: Path) -> None:
    engine = FlakyEngine(failures=2)
    with pytest.raises(EngineError, match=r"flaky failed twice: .*“Five words are spoken here\.”"):
        voice_one("Five words are spoken here.", tmp_path / "a.wav", engine, SETTINGS)


def test_verify_rejects_missing_empty_and_implausible_files(tmp_path: Path) -> None:
    with pytest.raises(EngineError, match="wrote no file"):
        verify_wav(tmp_path / "none.wav", "Hello there.", 180)
    empty = tmp_path / "empty.wav"
    write_tone(empty, 0.0, lead_silence_s=0.0)
    assert empty.stat().st_size == 44
    with pytest.raises(EngineError, match="empty WAV"):
        verify_wav(empty, "Hello there.", 180)
    short = tmp_path / "short.wav"
    write_tone(short, 0.3, lead_silence_s=0.0)
    with pytest.raises(EngineError, match="expected about"):
        verify_wav(short, " ".join(["word"] * 60), 180)
    garbage = tmp_path / "garbage.wav"
    garbage.write_bytes(b"RIFF....not a wav")
    with pytest.raises(EngineError, match="unreadable WAV"):
        verify_wav(garbage, "Hello there.", 180)


def test_voice_segments_reports_progress_and_keeps_order(tmp_path: Path) -> None:
    segments = [
        ScriptSegment(SegmentKind.INTRO, "Good morning to you all."),
        ScriptSegment(SegmentKind.BODY, "A story with a few more words in it.", story=0),
    ]
    seen: list[tuple[int, int]] = []
    voiced = voice_segments(segments, FlakyEngine(0), SETTINGS, tmp_path,
                            lambda done, total: seen.append((done, total)))
    assert [v.segment for v in voiced] == segments
    assert all(v.wav_path.exists() for v in voiced)
    assert seen == [(1, 2), (2, 2)]
