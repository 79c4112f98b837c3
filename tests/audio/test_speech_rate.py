"""The programme keeps the rate most of its speech was voiced at: Kokoro's 24 kHz goes in
untouched (resampled to 22,050 Hz it lost DNSMOS), and its MP3 is 48 kHz, still made in parts."""

from __future__ import annotations

import datetime as dt
import wave
from pathlib import Path

import numpy as np
import pytest
from audio_probe import ffprobe
from conftest import write_tone

from briefing.audio import AudioOptions, assemble, assemble_for, render_briefing
from briefing.audio.assembly import speech_rate
from briefing.models import Script, ScriptSegment, SegmentKind, VoicedSegment


def _voiced(folder: Path, rates_and_seconds: list[tuple[int, float]]) -> list[VoicedSegment]:
    voiced = []
    for index, (rate, seconds) in enumerate(rates_and_seconds):
        path = folder / f"s{index}.wav"
        write_tone(path, seconds, rate=rate)
        kind = SegmentKind.INTRO if index == 0 else SegmentKind.BODY
        voiced.append(VoicedSegment(ScriptSegment(kind, f"s{index}", story=index or None), path))
    return voiced


def test_the_rate_most_of_the_speech_is_in_wins(tmp_path: Path) -> None:
    assert speech_rate(_voiced(tmp_path, [(24000, 1.0), (24000, 1.0), (22050, 1.5)])) == 24000
    assert speech_rate(_voiced(tmp_path, [(22050, 2.0), (16000, 1.0)])) == 22050
    assert speech_rate(_voiced(tmp_path, [(16000, 1.0), (24000, 0.5), (44100, 1.0)])) == 24000
    assert speech_rate([]) == 22050


def test_kokoro_speech_goes_in_untouched(tmp_path: Path) -> None:
    voiced = _voiced(tmp_path, [(24000, 1.0), (24000, 0.6)])
    programme = assemble(voiced, pauses=None)
    assert programme.rate == 24000 == programme.audio.frame_rate
    with wave.open(str(voiced[0].wav_path)) as wav:
        original = np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2")
    tone = original[int(np.argmax(np.abs(original) > 0)) :]
    assembled = np.frombuffer(programme.pcm_path.read_bytes(), dtype="<i2")
    start = int(np.argmax(np.abs(assembled) > 0))
    assert np.array_equal(assembled[start : start + 2000], tone[:2000])  # sample for sample
    assert abs(programme.timeline[0].end_ms - programme.timeline[0].start_ms - 1000) <= 2


@pytest.mark.real
def test_a_24khz_programme_becomes_a_48khz_mp3_made_in_parts(tmp_path: Path, monkeypatch) -> None:
    voiced = _voiced(tmp_path, [(24000, 4.0 + 0.1 * i) for i in range(10)])
    script = Script(dt.date(2026, 12, 7), tuple(v.segment for v in voiced), ())
    options = AudioOptions(title="Rates")
    monkeypatch.setattr("briefing.audio.master.part_count", lambda _seconds: 3)
    rendered = render_briefing(assemble_for(voiced, options), script, tmp_path / "a.mp3", options)
    assert rendered.mastering is not None and rendered.mastering.parts == 3
    stream = ffprobe(rendered.audio)["streams"][0]
    assert int(stream["sample_rate"]) == 48000
    assert abs(float(stream["duration"]) - rendered.duration_s) < 0.1
