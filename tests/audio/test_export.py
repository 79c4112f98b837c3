from __future__ import annotations

from pathlib import Path

import pytest
from audio_probe import duration_s, ffprobe
from conftest import write_tone
from pydub import AudioSegment

from briefing.audio import export_audio
from briefing.errors import AudioError, InputError


@pytest.fixture()
def tone(tmp_path: Path) -> AudioSegment:
    path = tmp_path / "tone.wav"
    write_tone(path, 3.0)
    return AudioSegment.from_wav(str(path))


def test_mp3_is_mono_64k_44khz(tone: AudioSegment, tmp_path: Path) -> None:
    out = tmp_path / "out.mp3"
    export_audio(tone, out)
    stream = ffprobe(out)["streams"][0]
    assert stream["codec_name"] == "mp3"
    assert stream["channels"] == 1
    assert stream["sample_rate"] == "44100"
    assert int(stream["bit_rate"]) == 64000
    assert abs(duration_s(out) - len(tone) / 1000) < 0.1
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_wav_by_extension(tone: AudioSegment, tmp_path: Path) -> None:
    out = tmp_path / "out.wav"
    export_audio(tone, out)
    assert ffprobe(out)["streams"][0]["codec_name"] == "pcm_s16le"


def test_missing_ffmpeg_leaves_existing_file_untouched(
    tone: AudioSegment, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out.mp3"
    out.write_bytes(b"yesterday's episode")
    monkeypatch.setattr("briefing.audio.encode.shutil.which", lambda name: None)
    with pytest.raises(AudioError, match="ffmpeg is not installed"):
        export_audio(tone, out)
    assert out.read_bytes() == b"yesterday's episode"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.mp3", "tone.wav"]


def test_failing_ffmpeg_leaves_no_partial_file(
    tone: AudioSegment, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # an ffmpeg told to write to "-" must not litter the repo
    out = tmp_path / "out.mp3"
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    ffmpeg = fake_bin / "ffmpeg"
    ffmpeg.write_text(
        "#!/bin/sh\necho 'partial' > \"$(eval echo \\${$#})\"\necho boom >&2\nexit 1\n"
    )
    ffmpeg.chmod(0o755)
    monkeypatch.setattr("pydub.AudioSegment.converter", str(ffmpeg))
    with pytest.raises(AudioError, match="ffmpeg failed to encode out.mp3"):
        export_audio(tone, out)
    assert not out.exists()
    assert [p for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_unknown_extension_and_missing_folder(tone: AudioSegment, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unknown audio format '.xyz'"):
        export_audio(tone, tmp_path / "out.xyz")
    with pytest.raises(InputError, match="does not exist"):
        export_audio(tone, tmp_path / "no" / "out.mp3")
