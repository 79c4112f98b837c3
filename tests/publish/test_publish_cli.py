"""`briefing publish`: the folder and the target come from the config unless given."""

from __future__ import annotations

from pathlib import Path

from fixtures.podcast_folder import write_output
from typer.testing import CliRunner

from briefing.cli import app

runner = CliRunner()


def _config(folder: Path, publish: str = "") -> Path:
    path = folder / "config.toml"
    path.write_text(
        f'output = "out"\n{publish}\n[[sources]]\nurl = "https://example.org/feed.xml"\n',
        encoding="utf-8",
    )
    return path


def test_folder_and_target_from_the_config(tmp_path: Path) -> None:
    remote = tmp_path / "www"
    config = _config(tmp_path, f'[publish]\nto = "{remote.as_uri()}"\n')
    write_output(tmp_path / "out", ["2026-11-24"])

    result = runner.invoke(app, ["publish", "--config", str(config)])

    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Published to {remote.as_uri()}: 5 files sent (")
    assert (remote / "feed.xml").read_bytes() == (tmp_path / "out" / "feed.xml").read_bytes()


def test_to_overrides_the_config_and_nowhere_is_one_line(tmp_path: Path) -> None:
    config = _config(tmp_path)
    write_output(tmp_path / "out", ["2026-11-24"])
    other = tmp_path / "other"

    nowhere = runner.invoke(app, ["publish", "--config", str(config)])
    given = runner.invoke(app, ["publish", "--config", str(config), "--to", other.as_uri()])
    empty = runner.invoke(app, ["publish", str(tmp_path), "--to", other.as_uri()])

    assert nowhere.exit_code == 2
    assert nowhere.stderr == (
        "briefing: error: nowhere to publish; give --to URL, or set [publish] to in the "
        "config.\n"
    )
    assert given.exit_code == 0 and (other / "feed.xml").is_file()
    assert empty.exit_code == 2
    assert empty.stderr == (
        f"briefing: error: {tmp_path}: holds no feed.xml; run `briefing daily` first.\n"
    )


def test_publish_waits_for_no_daily_run_writing_the_folder(tmp_path: Path) -> None:
    import fcntl

    from briefing.publish.lock import LOCK_NAME

    out = tmp_path / "out"
    write_output(out, ["2026-11-24"])
    remote = tmp_path / "www"
    with (out / LOCK_NAME).open("a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # a `briefing daily` writing this folder
        result = runner.invoke(app, ["publish", str(out), "--to", remote.as_uri()])
    assert result.exit_code == 2
    assert "another `briefing daily` is writing here; wait for it to finish." in result.output
    assert not remote.exists()
    result = runner.invoke(app, ["publish", str(out), "--to", remote.as_uri()])
    assert result.exit_code == 0, result.output
