from __future__ import annotations

import tempfile
from pathlib import Path

from conftest import write_tone
from pydub import AudioSegment
from pydub.silence import detect_nonsilent

from briefing.audio import PausePlan, assemble, trim_silence
from briefing.audio.assembly import KEEP_EDGE_MS
from briefing.audio.chime import CHIME_MS, make_chime
from briefing.models import ScriptSegment, SegmentKind, VoicedSegment


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
    assert 1000 <= len(trimmed) <= 1000 + 2 * KEEP_EDGE_MS + 2


def test_without_a_plan_the_scripts_own_pauses_are_used(tmp_path: Path) -> None:
    programme = assemble(_voiced(tmp_path, [1.0, 2.0, 0.5], [300, 1000, 0]), pauses=None)
    timeline = programme.timeline
    assert [t.segment.text for t in timeline] == ["segment 0", "segment 1", "segment 2"]
    for before, after, pause in zip(timeline, timeline[1:], [300, 1000], strict=False):
        assert abs((after.start_ms - before.end_ms) - pause) <= 2
    speech = [t.end_ms - t.start_ms for t in timeline]
    for measured, expected in zip(speech, [1000, 2000, 500], strict=True):
        assert abs(measured - expected) <= 2  # the timeline is the speech, not the kept edges
    assert abs(len(programme.audio) - (timeline[-1].end_ms + KEEP_EDGE_MS)) <= 2
    assert programme.audio.frame_rate == 22050 and programme.audio.channels == 1


def test_the_timeline_matches_the_sound_in_the_audio(tmp_path: Path) -> None:
    programme = assemble(_voiced(tmp_path, [1.0, 0.7, 1.2], [450, 800, 0]), pauses=None)
    sound = detect_nonsilent(programme.audio, min_silence_len=100, silence_thresh=-50, seek_step=1)
    assert len(sound) == 3  # (the 30 ms kept at each end of the programme is too short to count)
    timeline = programme.timeline
    for index in (1, 2):
        assert abs(sound[index][0] - timeline[index].start_ms) <= 3
        assert abs(sound[index - 1][1] - timeline[index - 1].end_ms) <= 3


def test_a_pause_plan_sets_pauses_by_segment_type(tmp_path: Path) -> None:
    kinds = [
        (SegmentKind.INTRO, None), (SegmentKind.HEADLINE, 0), (SegmentKind.BODY, 0),
        (SegmentKind.BODY, 0), (SegmentKind.TRANSITION, 1), (SegmentKind.HEADLINE, 1),
        (SegmentKind.BODY, 1), (SegmentKind.OUTRO, None),
    ]
    voiced = []
    for index, (kind, story) in enumerate(kinds):
        path = tmp_path / f"k{index}.wav"
        write_tone(path, 0.5)
        voiced.append(VoicedSegment(ScriptSegment(kind, f"t{index}", 9999, story), path))
    plan = PausePlan(after_intro_ms=111, after_headline_ms=222, between_sentences_ms=333,
                     between_stories_ms=1444, after_transition_ms=155)
    timeline = assemble(voiced, pauses=plan).timeline
    gaps = [b.start_ms - a.end_ms for a, b in zip(timeline, timeline[1:], strict=False)]
    assert gaps == [111, 222, 333, 1444, 155, 222, 1444]


def test_a_chime_sits_between_stories_only(tmp_path: Path) -> None:
    kinds = [(SegmentKind.INTRO, None), (SegmentKind.BODY, 0), (SegmentKind.BODY, 1),
             (SegmentKind.OUTRO, None)]
    voiced = []
    for index, (kind, story) in enumerate(kinds):
        path = tmp_path / f"c{index}.wav"
        write_tone(path, 0.5)
        voiced.append(VoicedSegment(ScriptSegment(kind, f"t{index}", 0, story), path))
    plan = PausePlan(after_intro_ms=400, between_stories_ms=1000)
    programme = assemble(voiced, pauses=plan, chime=make_chime())
    timeline = programme.timeline
    gaps = [b.start_ms - a.end_ms for a, b in zip(timeline, timeline[1:], strict=False)]
    assert gaps == [400, 1000 + CHIME_MS, 1000]
    sound = detect_nonsilent(programme.audio, min_silence_len=100, silence_thresh=-50)
    assert len(sound) == 5  # four segments and one chime
    chime_start, chime_end = sound[2]
    assert timeline[1].end_ms + 400 <= chime_start and chime_end <= timeline[2].start_ms - 400


def test_segments_at_other_rates_are_converted(tmp_path: Path) -> None:
    path = tmp_path / "hi.wav"
    write_tone(path, 1.0, rate=44100)
    segment = ScriptSegment(SegmentKind.INTRO, "hello", 0)
    programme = assemble([VoicedSegment(segment, path, "fake")])
    assert programme.audio.frame_rate == 22050
    assert 1000 <= len(programme.audio) <= 1000 + 2 * KEEP_EDGE_MS + 2


def test_the_programme_lives_in_a_file_that_goes_with_it(tmp_path: Path) -> None:
    import gc
    import os
    import time

    from briefing.audio.assembly import STALE_AFTER_S

    stale = Path(tempfile.gettempdir()) / "briefing-programme-left-by-a-killed-run.s16"
    stale.write_bytes(b"\0\0")
    old = time.time() - STALE_AFTER_S - 60
    os.utime(stale, (old, old))
    programme = assemble(_voiced(tmp_path, [1.0], [0]), pauses=None)
    path = programme.pcm_path
    assert path.stat().st_size == programme.frames * 2
    assert not stale.exists()  # a killed run's file is cleared by the next one
    del programme
    gc.collect()
    assert not path.exists()
