"""Each format, rendered for real with ffmpeg, then measured independently."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from audio_probe import ffprobe
from conftest import write_tone

from briefing.audio import AudioOptions, PausePlan, RenderedFiles, assemble_for, render_briefing
from briefing.models import Script

FORMATS = {
    # format: (codec, sample rate, expected bitrate in bit/s or None)
    "mp3": ("mp3", 44100, 64000),
    "m4a": ("aac", 44100, 64000),
    "opus": ("opus", 48000, 32000),
    "wav": ("pcm_s16le", 44100, 705600),
    "flac": ("flac", 44100, None),
}
PLAN = PausePlan()


@dataclass(frozen=True)
class Rendered:
    files: RenderedFiles
    script: Script
    timeline_s: list[tuple[float, float]]


@pytest.fixture(scope="module", params=list(FORMATS))
def rendered(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, probe: Any
) -> Rendered:
    folder = tmp_path_factory.mktemp(f"render-{request.param}")
    script = probe.short_script()
    options = AudioOptions(pauses=PLAN)
    programme = assemble_for(probe.tone_voices(folder, script), options)
    files = render_briefing(programme, script, folder / f"episode.{request.param}", options)
    timeline = [(t.start_ms / 1000, t.end_ms / 1000) for t in programme.timeline]
    return Rendered(files, script, timeline)


def _stream(path: Path) -> dict[str, Any]:
    streams = [s for s in ffprobe(path)["streams"] if s["codec_type"] == "audio"]
    assert len(streams) == 1
    return streams[0]


def _packet_bitrate(path: Path) -> float:
    import subprocess

    result = subprocess.run(
        ["ffprobe", "-v", "error", "-select_streams", "a", "-show_entries", "packet=size",
         "-of", "csv=p=0", str(path)],
        capture_output=True, text=True, check=True,
    )
    total = sum(int(line.strip(",")) for line in result.stdout.split())
    return total * 8 / float(ffprobe(path)["format"]["duration"])


def test_loudness_is_on_target_and_true_peak_below_the_ceiling(rendered: Rendered, probe) -> None:
    measured = probe.loudness(rendered.files.audio)
    assert abs(measured.integrated_lufs - (-21.0)) <= 1.0, measured
    assert measured.true_peak_dbtp <= -1.5, measured
    assert rendered.files.mastering is not None
    assert rendered.files.mastering.normalization == "linear"


def test_codec_channels_rate_and_bitrate(rendered: Rendered) -> None:
    path = rendered.files.audio
    codec, rate, bitrate = FORMATS[path.suffix[1:]]
    stream = _stream(path)
    assert stream["codec_name"] == codec
    assert stream["channels"] == 1
    assert int(stream["sample_rate"]) == rate
    if path.suffix == ".opus":  # Ogg states no stream bitrate: sum the audio packets
        assert 0.8 * bitrate <= _packet_bitrate(path) <= 1.15 * bitrate
    elif path.suffix == ".m4a":  # AAC is never constant: the target is an upper bound
        assert 0.5 * bitrate <= int(stream["bit_rate"]) <= 1.1 * bitrate
    elif bitrate is not None:
        assert abs(int(stream["bit_rate"]) - bitrate) <= 0.1 * bitrate


def test_tags_and_cover_read_back_with_mutagen(rendered: Rendered) -> None:
    import mutagen

    path = rendered.files.audio
    audio = mutagen.File(path)
    assert audio is not None and audio.tags is not None
    tags = audio.tags
    title = "Briefing — Wednesday 25 November 2026"
    suffix = path.suffix
    if suffix in (".mp3", ".wav"):
        values = {key: str(tags[key]) for key in ("TIT2", "TPE1", "TALB", "TDRC", "TCON")}
        assert values == {"TIT2": title, "TPE1": "Briefing", "TALB": "Briefing",
                          "TDRC": "2026-11-25", "TCON": "Podcast"}
        comments = [str(f) for f in tags.values() if f.FrameID in ("COMM", "TXXX")]
        assert any("Tidal turbines light the harbour" in c for c in comments)
        cover = tags.getall("APIC")[0]
        assert cover.type == 3 and cover.data.startswith(b"\x89PNG")
    elif suffix == ".m4a":
        assert tags["\xa9nam"] == [title]
        assert tags["\xa9ART"] == ["Briefing"] and tags["\xa9alb"] == ["Briefing"]
        assert tags["\xa9day"] == ["2026-11-25"] and tags["\xa9gen"] == ["Podcast"]
        assert "Library opens on Sundays" in tags["\xa9cmt"][0]
        assert bytes(tags["covr"][0]).startswith(b"\x89PNG")
    else:
        assert tags["title"] == [title]
        assert tags["artist"] == ["Briefing"] and tags["album"] == ["Briefing"]
        assert tags["date"] == ["2026-11-25"] and tags["genre"] == ["Podcast"]
        assert "Tidal turbines" in tags["comment"][0]
        pictures = audio.pictures if suffix == ".flac" else tags["metadata_block_picture"]
        assert len(pictures) == 1


def test_chapters_are_in_order_with_titles_and_real_start_times(
    rendered: Rendered, probe
) -> None:
    path = rendered.files.audio
    titles = ["Introduction", "Tidal turbines light the harbour", "Library opens on Sundays",
              "Close"]
    spans = probe.speech_spans(path)
    assert len(spans) == len(rendered.script.segments)
    # Chapter starts: 0, then the first segment of story 0 (#1), story 1 (#4), outro (#8).
    expected = [0.0, spans[1][0], spans[4][0], spans[8][0]]
    if path.suffix != ".wav":  # WAV has no chapters; the JSON beside it does
        chapters = ffprobe(path)["chapters"]
        assert [c["tags"]["title"] for c in chapters] == titles
        starts = [float(c["start_time"]) for c in chapters]
        assert probe.close(starts, expected, 0.1), (starts, expected)
    document = json.loads(rendered.files.chapters_json.read_text(encoding="utf-8"))
    assert [c["title"] for c in document["chapters"]] == titles
    assert probe.close([c["startTime"] for c in document["chapters"]], expected, 0.1)
    assert document["chapters"][1]["url"] == "https://example.org/tidal"


def test_transcript_cues_match_the_measured_speech(rendered: Rendered, probe) -> None:
    spans = probe.speech_spans(rendered.files.audio)
    vtt = rendered.files.vtt.read_text(encoding="utf-8")
    srt = rendered.files.srt.read_text(encoding="utf-8")
    assert vtt.startswith("WEBVTT\n")
    cues = probe.vtt_times(vtt)
    assert probe.vtt_times(srt) == cues
    assert len(cues) == len(spans) == len(rendered.script.segments)
    assert probe.close([c[0] for c in cues], [s[0] for s in spans], 0.1)
    assert probe.close([c[1] for c in cues[:-1]], [s[1] for s in spans[:-1]], 0.1)
    assert "Sentence 2 of story 1." in vtt and "Sentence 2 of story 1." in srt


def test_pauses_measured_in_the_audio_match_the_plan(rendered: Rendered, probe) -> None:
    spans = probe.speech_spans(rendered.files.audio)
    gaps = [after[0] - before[1] for before, after in zip(spans, spans[1:], strict=False)]
    plan = PLAN
    # Segment order: intro, h0, b, b, transition, h1, b, b, outro (9 segments, 8 gaps).
    expected = [
        plan.after_intro_ms, plan.after_headline_ms, plan.between_sentences_ms,
        plan.between_stories_ms, plan.after_transition_ms, plan.after_headline_ms,
        plan.between_sentences_ms, plan.between_stories_ms,
    ]
    assert probe.close(gaps, [ms / 1000 for ms in expected], 0.05), gaps


def test_show_notes_list_each_story_with_link_and_time(rendered: Rendered) -> None:
    html = rendered.files.show_notes.read_text(encoding="utf-8")
    assert "<h1>Briefing — Wednesday 25 November 2026</h1>" in html
    assert '<time datetime="2026-11-25">Wednesday 25 November 2026</time>' in html
    assert '<a href="https://example.org/tidal">Tidal turbines light the harbour</a>' in html
    assert "(Harbour News)" in html
    assert 'href="https://example.org/library?x=1&amp;y=2"' in html
    assert "0:00</time> Introduction" in html


def test_no_temporary_files_are_left(rendered: Rendered) -> None:
    folder = rendered.files.audio.parent
    assert [p.name for p in folder.iterdir() if p.name.endswith(".part")] == []
    assert set(rendered.files.side_files) <= set(folder.iterdir())


def test_stereo_is_mastered_to_minus_18(tmp_path: Path, programme_for, probe) -> None:
    options = AudioOptions(channels=2)
    programme, script = programme_for(options)
    files = render_briefing(programme, script, tmp_path / "stereo.m4a", options)
    measured = probe.loudness(files.audio)
    assert abs(measured.integrated_lufs - (-18.0)) <= 1.0, measured
    assert measured.true_peak_dbtp <= -1.5
    stream = _stream(files.audio)
    assert stream["channels"] == 2 and 48000 <= int(stream["bit_rate"]) <= 96000 * 1.1


def test_bitrate_option_is_used(tmp_path: Path, programme_for) -> None:
    options = AudioOptions(bitrate="96", side_files=False)
    programme, script = programme_for(options)
    files = render_briefing(programme, script, tmp_path / "hq.mp3", options)
    assert int(_stream(files.audio)["bit_rate"]) == 96000
    assert files.side_files == ()
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".wav")) == ["hq.mp3"]


def test_users_cover_and_title(tmp_path: Path, programme_for) -> None:
    from mutagen.mp4 import MP4
    from PIL import Image

    cover = tmp_path / "art.jpg"
    Image.new("RGB", (1400, 1400), (200, 30, 30)).save(cover, format="JPEG")
    options = AudioOptions(cover=cover, title="Morning news", artist="Me", album="Daily")
    programme, script = programme_for(options)
    files = render_briefing(programme, script, tmp_path / "mine.m4a", options)
    tags = MP4(files.audio).tags
    assert tags is not None
    assert tags["\xa9nam"] == ["Morning news"] and tags["\xa9ART"] == ["Me"]
    assert bytes(tags["covr"][0]) == cover.read_bytes()


def test_music_bed_is_heard_in_pauses_and_ducked_under_speech(
    tmp_path: Path, programme_for, probe
) -> None:
    import subprocess

    music = tmp_path / "bed.wav"
    write_tone(music, 4.0, rate=44100, lead_silence_s=0.0)
    # write_tone makes 220 Hz; make the bed 1 kHz so it can be told apart from the "speech".
    subprocess.run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=f=1000:d=4", "-y",
                    str(music)], check=True)
    options = AudioOptions(music=music)
    programme, script = programme_for(options)
    files = render_briefing(programme, script, tmp_path / "bed.wav", options)
    timeline = programme.timeline
    pause = (timeline[3].end_ms / 1000 + 0.3, timeline[4].start_ms / 1000 - 0.3)
    speech = (timeline[5].start_ms / 1000 + 0.3, timeline[5].end_ms / 1000 - 0.3)

    def bed_level(window: tuple[float, float]) -> float:
        result = subprocess.run(
            ["ffmpeg", "-hide_banner", "-nostats", "-ss", f"{window[0]:.3f}", "-to",
             f"{window[1]:.3f}", "-i", str(files.audio), "-af",
             "bandpass=f=1000:w=200,volumedetect", "-f", "null", "-"],
            capture_output=True, text=True, check=True,
        )
        return float(result.stderr.split("mean_volume: ")[1].split(" dB")[0])

    in_pause, under_speech = bed_level(pause), bed_level(speech)
    assert in_pause > -45.0, in_pause  # audible between stories
    assert under_speech < in_pause - 5.0, (in_pause, under_speech)  # ducked while speaking
    measured = probe.loudness(files.audio)
    assert abs(measured.integrated_lufs - (-21.0)) <= 1.0 and measured.true_peak_dbtp <= -1.5


def test_a_chosen_loudness_is_the_target(tmp_path: Path, programme_for, probe) -> None:
    options = AudioOptions(loudness=-16.0)
    programme, script = programme_for(options)
    files = render_briefing(programme, script, tmp_path / "loud.mp3", options)
    measured = probe.loudness(files.audio)
    assert abs(measured.integrated_lufs - (-16.0)) <= 1.0, measured
    assert measured.true_peak_dbtp <= -1.5, measured


def test_a_loudness_out_of_range_is_refused_before_any_work(tmp_path: Path, programme_for) -> None:
    from briefing.errors import InputError

    options = AudioOptions(loudness=-5.0)
    programme, script = programme_for(AudioOptions())
    with pytest.raises(InputError, match=r"loudness -5 LUFS is outside -30 to -10"):
        render_briefing(programme, script, tmp_path / "loud.mp3", options)
    assert not (tmp_path / "loud.mp3").exists()
