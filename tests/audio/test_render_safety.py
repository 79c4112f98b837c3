"""Writing safely and failing clearly: nothing partial at a final path, one-line errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from briefing.audio import AudioOptions, check_options, render_briefing, side_file_paths
from briefing.errors import AudioError, InputError


def _yesterday(output: Path) -> dict[Path, bytes]:
    files = {output: b"yesterday's episode"}
    for index, path in enumerate(side_file_paths(output).values()):
        files[path] = f"yesterday {index}".encode()
    for path, data in files.items():
        path.write_bytes(data)
    return files


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".part")]


@pytest.mark.parametrize("interruption", [KeyboardInterrupt, OSError])
def test_interrupted_render_leaves_every_existing_file_untouched(
    tmp_path: Path, programme_for: Any, monkeypatch: pytest.MonkeyPatch, interruption: type
) -> None:
    output = tmp_path / "out" / "episode.opus"
    output.parent.mkdir()
    before = _yesterday(output)

    def interrupt(*args: object) -> None:
        raise interruption()

    monkeypatch.setattr("briefing.audio.render.write_tags", interrupt)
    programme, script = programme_for(AudioOptions())
    with pytest.raises(interruption):
        render_briefing(programme, script, output, AudioOptions())
    assert {p: p.read_bytes() for p in before} == before
    assert _leftovers(output.parent) == []


def test_failing_ffmpeg_leaves_no_partial_file(
    tmp_path: Path, programme_for: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    ffmpeg = fake_bin / "ffmpeg"
    ffmpeg.write_text("#!/bin/sh\nfor last; do :; done\necho partial > \"$last\"\n"
                      "echo 'Conversion failed!' >&2\nexit 1\n")
    ffmpeg.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake_bin}:/usr/bin:/bin")
    monkeypatch.chdir(tmp_path)  # its first pass writes to "-": keep that out of the repo
    output = tmp_path / "episode.mp3"
    programme, script = programme_for(AudioOptions())
    with pytest.raises(AudioError, match="ffmpeg failed while mastering the audio: Conversion"):
        render_briefing(programme, script, output, AudioOptions())
    assert not output.exists()
    assert not any(p.exists() for p in side_file_paths(output).values())
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("name", "options", "message"),
    [
        ("x.mp3", AudioOptions(format="opus"), "the extension says mp3 but --format says opus"),
        ("x.ogg", AudioOptions(), "unknown audio format '.ogg'"),
        ("x.m4a", AudioOptions(format="aiff"), "unknown audio format 'aiff'"),
        ("x.flac", AudioOptions(bitrate="64k"), "--bitrate does not apply to flac"),
        ("x.mp3", AudioOptions(bitrate="fast"), "bad bitrate 'fast' for mp3"),
        ("x.opus", AudioOptions(bitrate="900k"), "from 6 to 256"),
        ("x.mp3", AudioOptions(music=Path("nowhere.mp3")), "nowhere.mp3: music file not found"),
        ("x.mp3", AudioOptions(cover=Path("none.png")), "none.png: cover image not found"),
    ],
)
def test_bad_options_give_one_line_errors(
    tmp_path: Path, name: str, options: AudioOptions, message: str
) -> None:
    with pytest.raises(InputError) as caught:
        check_options(tmp_path / name, options)
    assert message in caught.value.message
    assert "\n" not in caught.value.message


def test_cover_that_is_not_an_image(tmp_path: Path) -> None:
    cover = tmp_path / "cover.png"
    cover.write_text("not a picture")
    with pytest.raises(InputError, match="not a readable image; give --cover a PNG or JPEG"):
        check_options(tmp_path / "x.mp3", AudioOptions(cover=cover))


def test_music_that_ffmpeg_cannot_read(tmp_path: Path, programme_for: Any) -> None:
    music = tmp_path / "bed.mp3"
    music.write_text("not audio")
    options = AudioOptions(music=music)
    programme, script = programme_for(options)
    with pytest.raises(InputError, match="bed.mp3: ffmpeg cannot read it as audio"):
        render_briefing(programme, script, tmp_path / "x.mp3", options)
    assert not (tmp_path / "x.mp3").exists()
