"""Publishing when things go wrong: a connection cut mid-upload, wrong keys, a missing bucket.

A cut upload leaves the remote feed pointing only at complete files and the next run
finishes; each refusal is one line naming the store and the cause, with no traceback.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser
import fsspec
import pytest
from fixtures.podcast_folder import BASE_URL, write_output
from fixtures.stores import CuttingProxy, S3Server, SSHServer

from briefing.errors import PublishError
from briefing.publish.remote import publish_folder

DATES = ["2026-11-23", "2026-11-24"]


@pytest.fixture()
def proxied(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, CuttingProxy]]:
    """A publish URL whose connections pass through a proxy that can cut them."""
    if request.param == "s3":
        server: S3Server = request.getfixturevalue("s3_env")
        bucket: str = request.getfixturevalue("bucket")
        proxy = CuttingProxy(int(server.endpoint.rsplit(":", 1)[1]))
        monkeypatch: pytest.MonkeyPatch = request.getfixturevalue("monkeypatch")
        monkeypatch.setenv("AWS_ENDPOINT_URL", proxy.endpoint)
        url = f"s3://{bucket}/show"
    else:
        sshd: SSHServer = request.getfixturevalue("ssh_home")
        proxy = CuttingProxy(sshd.port)
        sshd.trust(proxy.port)
        url = sshd.url(tmp_path / "sftp-root", port=proxy.port)
    yield url, proxy
    proxy.close()


def _remote_feed_is_whole(url: str) -> list[str]:
    """The remote feed's enclosures, each checked to be there in full; their names."""
    fs, root = fsspec.core.url_to_fs(url, skip_instance_cache=True)
    feed = feedparser.parse(fs.cat_file(f"{root}/feed.xml"))
    assert feed.bozo == 0
    names = []
    for entry in feed.entries:
        enclosure = entry.enclosures[0]
        name = enclosure.href.removeprefix(BASE_URL)
        assert fs.size(f"{root}/{name}") == int(enclosure.length), name
        names.append(name)
    return names


@pytest.mark.parametrize("proxied", ["s3", "sftp"], indirect=True)
def test_an_upload_cut_short_keeps_the_remote_feed_whole_and_the_next_run_finishes(
    proxied: tuple[str, CuttingProxy], tmp_path: Path
) -> None:
    url, proxy = proxied
    out = tmp_path / "out"
    old = write_output(out, DATES)
    publish_folder(out, url)
    new = write_output(out, [*DATES[1:], "2026-11-25"], audio_bytes=3_000_000)
    proxy.cut_after = 1_000_000  # past the small files, in the middle of the new episode

    with pytest.raises(PublishError) as cut:
        publish_folder(out, url, _fast_retries(url))

    assert proxy.cuts >= 1, (cut.value.message, proxy.events)
    assert cut.value.message.startswith(f"publish to {url}: network error")
    assert "\n" not in cut.value.message
    assert _remote_feed_is_whole(url) == [e.audio for e in old]  # yesterday's feed, whole

    proxy.cut_after = None
    report = publish_folder(out, url)

    assert new[0].audio in report.sent and report.sent[-1] == "feed.xml"
    assert _remote_feed_is_whole(url) == [e.audio for e in new]
    assert publish_folder(out, url).sent == ()


def _fast_retries(url: str) -> dict[str, Any]:
    """Fewer retries of a cut connection, so the test does not wait through backoff."""
    if url.startswith("s3://"):
        return {"config_kwargs": {"retries": {"max_attempts": 1}}}
    return {}


def _publish_cli(folder: Path, url: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "briefing", "publish", str(folder), "--to", url],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=120,
    )


def test_cli_publishes_then_finds_nothing_to_send(
    s3_env: S3Server, bucket: str, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    write_output(out, DATES)
    url = f"s3://{bucket}/show"

    first = _publish_cli(out, url, {})
    second = _publish_cli(out, url, {})

    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith(f"Published to {url}: 8 files sent (")
    assert ", 0 deleted, 0 unchanged, in " in first.stdout
    assert second.stdout.startswith(f"Published to {url}: up to date (8 files), in ")


def test_wrong_credentials_and_a_missing_bucket_are_one_line_each(
    s3_env: S3Server, bucket: str, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    write_output(out, DATES)

    wrong = _publish_cli(out, f"s3://{bucket}/show", {"AWS_SECRET_ACCESS_KEY": "not-the-key"})
    missing = _publish_cli(out, "s3://no-such-bucket/show", {})

    assert wrong.returncode == 1 and missing.returncode == 1
    assert wrong.stdout == missing.stdout == ""
    assert wrong.stderr.startswith(
        f"briefing: error: publish to s3://{bucket}/show: access refused, wrong or missing "
        "credentials (The request signature we calculated does not match"
    )
    assert "AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY or AWS_PROFILE" in wrong.stderr
    assert missing.stderr.startswith(
        "briefing: error: publish to s3://no-such-bucket/show: the bucket or folder does not "
        "exist (The specified bucket does not exist); create it, or fix the URL."
    )
    for result in (wrong, missing):
        assert result.stderr.count("\n") == 1, result.stderr


def test_an_ssh_key_the_server_does_not_know_is_one_line(
    sshd: SSHServer, tmp_path: Path
) -> None:
    home = tmp_path / "stranger"
    (home / ".ssh").mkdir(parents=True)
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(home / ".ssh" / "id_ed25519")],
        check=True,
    )
    (home / ".ssh" / "known_hosts").write_text(f"[127.0.0.1]:{sshd.port} {sshd.host_key}\n")
    out = tmp_path / "out"
    write_output(out, DATES)
    url = sshd.url(tmp_path / "remote")

    result = _publish_cli(out, url, {"HOME": str(home), "SSH_AUTH_SOCK": ""})

    assert result.returncode == 1
    assert result.stderr.startswith(
        f"briefing: error: publish to {url}: access refused, wrong or missing credentials ("
    )
    assert result.stderr.count("\n") == 1, result.stderr


def test_a_connection_cut_in_the_cli_is_one_line(sshd: SSHServer, tmp_path: Path) -> None:
    """asyncio's warning for each write after the drop stays out of the user's terminal."""
    proxy = CuttingProxy(sshd.port)
    sshd.trust(proxy.port)
    out = tmp_path / "out"
    write_output(out, DATES, audio_bytes=3_000_000)
    url = sshd.url(tmp_path / "remote", port=proxy.port)
    proxy.cut_after = 1_000_000
    try:
        result = _publish_cli(out, url, {"HOME": str(sshd.home), "SSH_AUTH_SOCK": ""})
    finally:
        proxy.close()
    assert result.returncode == 1
    assert result.stderr.startswith(f"briefing: error: publish to {url}: network error, ")
    assert result.stderr.count("\n") == 1, result.stderr
