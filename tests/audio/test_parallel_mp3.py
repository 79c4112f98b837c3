"""An MP3 encoded in parts on several cores plays exactly like one encoded whole."""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from audio_probe import ffprobe
from conftest import write_tone
from mutagen.mp3 import MP3

from briefing.audio import AudioOptions, RenderedFiles, assemble_for, render_briefing
from briefing.audio.loudness import FRAMES_PER_SECOND, LoudnessProfile
from briefing.audio.parallel_mp3 import (
    CODEC_DELAY_SAMPLES,
    JOIN_PADDING_SAMPLES,
    MP3_FRAME_SAMPLES,
    part_count,
    plan_cuts,
    trims,
)
from briefing.models import Script, ScriptSegment, SegmentKind, VoicedSegment

RATE = 22050
FRAME = RATE // FRAMES_PER_SECOND


def long_script(folder: Path) -> tuple[Script, list[VoicedSegment]]:
    """An intro and ten stories of 4 s tones: about 60 s with the pauses."""
    segments = [ScriptSegment(SegmentKind.INTRO, "Good morning.")]
    for story in range(10):
        segments.append(ScriptSegment(SegmentKind.BODY, f"Story {story}.", story=story))
    segments.append(ScriptSegment(SegmentKind.OUTRO, "Goodbye."))
    voiced = []
    for index, segment in enumerate(segments):
        path = folder / f"tone-{index:02d}.wav"
        write_tone(path, 4.0 + 0.05 * index)
        voiced.append(VoicedSegment(segment, path, "fake"))
    return Script(dt.date(2026, 11, 25), tuple(segments), ()), voiced


@dataclass(frozen=True)
class Pair:
    whole: RenderedFiles
    parts: RenderedFiles


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> Pair:
    folder = tmp_path_factory.mktemp("parallel")
    script, voiced = long_script(folder)
    options = AudioOptions(title="Parallel test")
    rendered = {}
    for name, parts in (("whole", 1), ("parts", 3)):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr("briefing.audio.master.part_count", lambda _seconds, n=parts: n)
            programme = assemble_for(voiced, options)
            rendered[name] = render_briefing(programme, script, folder / f"{name}.mp3", options)
    return Pair(**rendered)


def decode(path: Path) -> np.ndarray:
    pcm = subprocess.run(["ffmpeg", "-v", "error", "-i", str(path), "-map", "0:a", "-f", "s16le",
                          "-ac", "1", "-"], capture_output=True, check=True).stdout
    return np.frombuffer(pcm, dtype="<i2").astype(np.float64) / 32768


def test_the_parallel_encode_really_used_parts(pair: Pair) -> None:
    assert pair.whole.mastering is not None and pair.whole.mastering.parts == 1
    assert pair.parts.mastering is not None and pair.parts.mastering.parts == 3


def test_every_sample_plays_when_it_would_in_one_encode(pair: Pair) -> None:
    whole, parts = decode(pair.whole.audio), decode(pair.parts.audio)
    assert abs(whole.size - parts.size) <= 2  # gapless delay and padding both right
    n = min(whole.size, parts.size)
    difference = whole[:n] - parts[:n]
    window = 441  # 10 ms at 44.1 kHz: no click, no shift anywhere, joins included
    worst = np.sqrt((difference[: n // window * window].reshape(-1, window) ** 2).mean(1)).max()
    signal = np.sqrt((whole**2).mean())
    assert 20 * np.log10(worst / signal) < -30, "the parts differ audibly from the whole"


def test_header_counts_every_frame_so_players_show_the_right_length(pair: Pair) -> None:
    decoded_s = decode(pair.parts.audio).size / 44100
    assert MP3(pair.parts.audio).info.length == pytest.approx(decoded_s, abs=0.06)
    assert float(ffprobe(pair.parts.audio)["format"]["duration"]) == pytest.approx(
        float(ffprobe(pair.whole.audio)["format"]["duration"]), abs=0.03)


def test_tags_chapters_and_cover_survive_the_join(pair: Pair, probe: Any) -> None:
    whole, parts = ffprobe(pair.whole.audio), ffprobe(pair.parts.audio)
    assert parts["format"]["tags"]["title"] == "Parallel test"
    assert [c["start_time"] for c in parts["chapters"]] == [
        c["start_time"] for c in whole["chapters"]]
    assert len(parts["chapters"]) >= 2
    assert [s["codec_name"] for s in parts["streams"]] == ["mp3", "png"]
    assert probe.loudness(pair.parts.audio).integrated_lufs == pytest.approx(
        probe.loudness(pair.whole.audio).integrated_lufs, abs=0.1)


def profile_with_pauses(seconds: float, pauses: list[tuple[float, float]]) -> LoudnessProfile:
    """Speech peaking at −6 dBFS, with pauses at −80 dBFS."""
    frames = int(seconds * FRAMES_PER_SECOND)
    peaks = np.full(frames, 0.5)
    for start, end in pauses:
        peaks[int(start * FRAMES_PER_SECOND) : int(end * FRAMES_PER_SECOND)] = 1e-4
    return LoudnessProfile(RATE, np.ones(frames), peaks)


def test_cuts_land_inside_pauses_on_frame_boundaries() -> None:
    pauses = [(9.0, 9.5), (19.2, 19.6), (31.0, 31.4)]
    profile = profile_with_pauses(40.0, pauses)
    cuts = plan_cuts(profile, 0.0, 4, 44100)
    assert len(cuts) == 3
    for cut, (start, end) in zip(cuts, pauses, strict=True):
        assert start * RATE <= cut.end < cut.resume <= end * RATE
        assert (2 * cut.resume) % MP3_FRAME_SAMPLES == 0
        padding = 2 * (cut.resume - cut.end) - CODEC_DELAY_SAMPLES
        assert JOIN_PADDING_SAMPLES <= padding < JOIN_PADDING_SAMPLES + 2


def test_no_pause_near_the_middle_means_no_cut() -> None:
    assert plan_cuts(profile_with_pauses(40.0, []), 0.0, 2, 44100) == []
    assert plan_cuts(profile_with_pauses(40.0, [(1.0, 2.0)]), 0.0, 2, 44100) == []
    loud_pause = profile_with_pauses(40.0, [(19.5, 20.5)])
    assert plan_cuts(loud_pause, 0.0, 2, 44100)
    assert plan_cuts(loud_pause, 30.0, 2, 44100) == []  # after the gain it is not silent
    assert plan_cuts(loud_pause, 0.0, 2, 32000) == []  # rates that do not divide


def test_parts_follow_the_cores_and_the_length() -> None:
    assert part_count(10.0, cores=8) == 1
    assert part_count(45.0, cores=2) == 2
    assert part_count(3600.0, cores=4) == 4
    assert part_count(3600.0, cores=1) == 1


def test_trims_cover_the_programme_without_the_dropped_silence() -> None:
    profile = profile_with_pauses(40.0, [(19.5, 20.5)])
    (cut,) = plan_cuts(profile, 0.0, 2, 44100)
    assert trims([cut]) == [
        f"atrim=start_sample=0:end_sample={cut.end},asetpts=PTS-STARTPTS",
        f"atrim=start_sample={cut.resume},asetpts=PTS-STARTPTS",
    ]


def test_a_failing_part_is_one_clear_error_and_leaves_no_parts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    from briefing.audio.master import MasterJob, _encode_in_parts
    from briefing.audio.parallel_mp3 import Cut
    from briefing.errors import AudioError

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    job = MasterJob(pcm=tmp_path / "missing.s16", frame_rate=RATE, channels=1,
                    codec_arguments=["-c:a", "libmp3lame", "-ar", "44100", "-f", "mp3"])
    with pytest.raises(AudioError, match="ffmpeg failed"):
        _encode_in_parts(job, "ffmpeg", "anull", [Cut(RATE * 10 - 841, RATE * 10)],
                         tmp_path / "out.mp3")
    assert not list(tmp_path.glob("briefing-parts-*"))
    assert not (tmp_path / "out.mp3").exists()


def test_ctrl_c_between_parts_and_join_leaves_yesterdays_episode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    script, voiced = long_script(tmp_path)
    output = tmp_path / "episode.mp3"
    output.write_bytes(b"yesterday's episode")

    def interrupt(*args: object) -> Path:
        raise KeyboardInterrupt

    monkeypatch.setattr("briefing.audio.master.part_count", lambda _seconds: 2)
    monkeypatch.setattr("briefing.audio.master.concat_list", interrupt)
    programme = assemble_for(voiced, AudioOptions())
    with pytest.raises(KeyboardInterrupt):
        render_briefing(programme, script, output, AudioOptions())
    assert output.read_bytes() == b"yesterday's episode"
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".part") == []
    assert not list((tmp_path / "tmp").glob("briefing-parts-*"))
