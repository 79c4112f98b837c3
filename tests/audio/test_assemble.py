from __future__ import annotations

from pathlib import Path

from conftest import write_tone

from briefing.audio import assemble, trim_silence
from briefing.models import ScriptSegment, SegmentKind, VoicedSegment
from pydub import AudioSegment


def _voiced(tmp_path: Path, seconds: list[float], pauses: list[int]) -> list[VoicedSegment]:
    voiced = []
    for index, (length, pause) in enumerate(zip(seconds, pauses, strict=True)):
        path = tmp_path / f"s{index}.wav"
        write_tone(path, length, lead_silence_s=0.4)
        segment = ScriptSegment(SegmentKind.BODY, f"segment {index}", pause, story=0)
        voiced.append(VoicedSegment(segment, path, "fake"))
    return voiced


def test_trim_removes_edge_silence_but_keeps_speech(tmp_path: Path) -> None:
    path = tmp_path / "t.wav"
    write_tone(path, 1.0, lead_silence_s=0.5)
    trimmed = trim_silence(AudioSegment.from_wav(str(path)))
    assert 1000 <= len(trimmed) <= 1000 + 2 * 40


def test_segments_are_joined_in_order_with_their_pauses(tmp_path: Path) -> None:
    programme = assemble(_voiced(tmp_path, [1.0, 2.0, 0.5], [300, 1000, 0]))
    timeline = programme.timeline
    assert [t.segment.text for t in timeline] == ["segment 0", "segment 1", "segment 2"]
    for before, after, pause in zip(timeline, timeline[1:], [300, 1000], strict=False):
        assert abs((after.start_ms - before.end_ms) - pause) <= 2
    speech = [t.end_ms - t.start_ms for t in timeline]
    for measured, expected in zip(speech, [1000, 2000, 500], strict=True):
        assert expected <= measured <= expected + 80  # trimmed edges keep 30 ms each side
    assert abs(len(programme.audio) - timeline[-1].end_ms) <= 2
    assert programme.audio.frame_rate == 22050 and programme.audio.channels == 1


def test_segments_at_other_rates_are_converted(tmp_path: Path) -> None:
    path = tmp_path / "hi.wav"
    write_tone(path, 1.0, rate=44100)
    segment = ScriptSegment(SegmentKind.INTRO, "hello", 0)
    programme = assemble([VoicedSegment(segment, path, "fake")])
    assert programme.audio.frame_rate == 22050
    assert 1000 <= len(programme.audio) <= 1080
