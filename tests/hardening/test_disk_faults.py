"""The disk fills while writing (a real, tiny tmpfs), and ffmpeg fails or is missing.

Whatever write hits ENOSPC (the MP3, a side file, the feed), the run ends with one line, no
partial file sits at a final path, yesterday's episode and `feed.xml` are byte-for-byte intact,
and once space is freed the next run succeeds.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from pathlib import Path

from conftest import EXAMPLE_ARTICLE
from hardening.daily_setup import check_feed, leftovers, write_daily_config
from hardening.mounts import can_mount, small_disk
from typer.testing import CliRunner

from briefing.cli import app


def _hashes(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != "filler"
    }


def _fill(folder: Path, leave_bytes: int) -> Path:
    """Write a filler file so that about `leave_bytes` stay free on the disk."""
    info = os.statvfs(folder)
    filler = folder / "filler"
    with filler.open("wb") as handle:
        handle.write(b"\0" * max(0, info.f_bavail * info.f_frsize - leave_bytes))
    return filler


def _daily(config: Path, date: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["daily", "--config", str(config), "--date", date])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_the_sandbox_can_mount_a_small_disk() -> None:
    assert can_mount(), "the disk-full tests need root for a tmpfs (CI containers run as root)"


def test_disk_full_keeps_yesterday_and_the_feed(tmp_path: Path, fake_voice: str) -> None:
    with small_disk(tmp_path / "disk", size_kb=1600) as out:
        config = write_daily_config(tmp_path, out, fake_voice, minutes=0.5)
        code, _, stderr = _daily(config, "2026-11-20")
        assert code == 0, stderr
        before = _hashes(out)
        [yesterday] = check_feed(out)

        # no room for the audio (ffmpeg fails); then room for this episode's 290 KB of audio but
        # (with these inputs and ffmpeg 5-7) not for its side files
        side = r"ffmpeg could not finish|\.(srt|vtt|json|html)"
        for leave_kb, culprit in ((0, "ffmpeg could not finish"), (296, side)):
            filler = _fill(out, leave_kb * 1024)
            code, stdout, stderr = _daily(config, "2026-11-21")
            assert code == 1, stdout
            [line] = stderr.splitlines()
            assert line.startswith("briefing: error: ")
            assert "No space left on device" in line and re.search(culprit, line), line
            assert _hashes(out) == before  # nothing new at a final path, nothing old changed
            assert leftovers(out) == []
            assert check_feed(out) == [yesterday]
            filler.unlink()

        code, _, stderr = _daily(config, "2026-11-21")
        assert code == 0, stderr
        assert len(check_feed(out)) == 2
        assert leftovers(out) == []


def test_make_on_a_full_disk_leaves_the_old_file(tmp_path: Path, fake_voice: str) -> None:
    with small_disk(tmp_path / "disk", size_kb=256) as disk:
        target = disk / "today.mp3"
        target.write_bytes(b"yesterday's briefing")
        _fill(disk, 0)
        result = CliRunner().invoke(
            app, ["make", str(EXAMPLE_ARTICLE), "--voice", fake_voice, "-o", str(target)]
        )
        assert result.exit_code == 1, result.output
        [line] = result.stderr.splitlines()
        assert "ffmpeg could not finish writing the audio (No space left on device)" in line
        assert target.read_bytes() == b"yesterday's briefing"
        assert sorted(p.name for p in disk.iterdir()) == ["filler", "today.mp3"]


def test_published_files_are_readable_by_a_web_server(tmp_path: Path, fake_voice: str) -> None:
    """Atomic writes go through mkstemp (mode 0600); episodes must still be world-readable."""
    out = tmp_path / "out"
    config = write_daily_config(tmp_path, out, fake_voice, minutes=0.5)
    old = os.umask(0o022)
    try:
        code, _, stderr = _daily(config, "2026-11-20")
    finally:
        os.umask(old)
    assert code == 0, stderr
    for path in [out / "feed.xml", *check_feed(out)]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path


def test_a_failing_ffmpeg_names_itself_and_writes_nothing(
    tmp_path: Path, fake_voice: str
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    ffmpeg = bin_dir / "ffmpeg"
    ffmpeg.write_text('#!/bin/sh\necho "Conversion failed: broken codec" >&2\nexit 1\n')
    ffmpeg.chmod(0o755)
    target = tmp_path / "today.mp3"
    target.write_bytes(b"yesterday's briefing")
    result = CliRunner().invoke(
        app,
        ["make", str(EXAMPLE_ARTICLE), "--voice", fake_voice, "-o", str(target)],
        env={"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"},
    )
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert line.startswith("briefing: error: ffmpeg failed")
    assert "broken codec" in line
    assert target.read_bytes() == b"yesterday's briefing"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bin", "fake-voice.toml", "today.mp3"]
