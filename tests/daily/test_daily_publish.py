"""`briefing daily` with [publish]: the episode goes to S3 after it is written; a failed
upload keeps the local episode, says why in one line, exits 1, and the next run completes it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import feedparser
import pytest
from fixtures.daily_config import write_config
from fixtures.server import FixtureServer, fixture_server
from fixtures.stores import S3Server, moto_server
from typer.testing import CliRunner

from briefing.cli import app

DATE = "2026-11-25"


@pytest.fixture(scope="module")
def server() -> Iterator[FixtureServer]:
    with fixture_server() as state:
        yield state


@pytest.fixture(scope="module")
def s3(tmp_path_factory: pytest.TempPathFactory) -> Iterator[S3Server]:
    with moto_server(tmp_path_factory.mktemp("moto") / "moto.log") as s3:
        yield s3


def test_daily_publishes_and_a_failed_upload_is_finished_by_the_next_run(
    server: FixtureServer,
    s3: S3Server,
    tmp_path: Path,
    fake_voice: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name, value in s3.env().items():
        monkeypatch.setenv(name, value)
    config = write_config(
        tmp_path, server, fake_voice, minutes=1, extra='[publish]\nto = "s3://morning/show"\n'
    )
    runner = CliRunner()
    args = ["daily", "--config", str(config), "--date", DATE]

    failed = runner.invoke(app, args)  # the bucket is not there yet

    out = tmp_path / "out"
    assert failed.exit_code == 1, failed.output
    assert failed.stderr == (
        "briefing: error: publish to s3://morning/show: the bucket or folder does not exist "
        "(The specified bucket does not exist); create it, or fix the URL.\n"
    )
    assert "Wrote " in failed.stdout and (out / "feed.xml").is_file()
    [episode] = feedparser.parse((out / "feed.xml").read_bytes()).entries
    local_audio = out / episode.enclosures[0].href.removeprefix("http://phone.test:8000/")
    assert local_audio.is_file()

    s3.client().create_bucket(Bucket="morning")  # type: ignore[attr-defined]
    done = runner.invoke(app, args)

    assert done.exit_code == 0, done.output
    assert "Up to date: " in done.stdout
    assert "Published to s3://morning/show: " in done.stdout and " files sent (" in done.stdout
    remote = s3.client().get_object(Bucket="morning", Key="show/feed.xml")  # type: ignore[attr-defined]
    assert remote["Body"].read() == (out / "feed.xml").read_bytes()
    key = f"show/{local_audio.relative_to(out).as_posix()}"
    head = s3.client().head_object(Bucket="morning", Key=key)  # type: ignore[attr-defined]
    assert head["ContentLength"] == local_audio.stat().st_size

    again = runner.invoke(app, args)
    assert again.exit_code == 0 and "Published to s3://morning/show: up to date (" in again.stdout
