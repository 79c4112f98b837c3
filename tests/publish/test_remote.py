"""`publish_folder` on three real stores: a folder (file://), moto's S3 server, and sshd (SFTP).

Each check reads the remote back independently of fsspec: boto3 for S3, the disk for the
folder and for SFTP (sshd runs on this machine).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import feedparser
import pytest
from fixtures.podcast_folder import write_output
from fixtures.stores import S3Server, SSHServer

from briefing.publish.remote import (
    PUBLISH_MANIFEST,
    PublishReport,
    publish_folder,
)

DATES = ["2026-11-23", "2026-11-24"]


@dataclass
class Remote:
    url: str
    files: Callable[[], dict[str, bytes]]
    """Every remote file by its name relative to the URL."""


def _disk_files(root: Path) -> dict[str, bytes]:
    if not root.is_dir():
        return {}
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _s3_files(server: S3Server, bucket: str, prefix: str) -> Callable[[], dict[str, bytes]]:
    def read() -> dict[str, bytes]:
        client = server.client()
        listed = client.list_objects_v2(Bucket=bucket, Prefix=prefix + "/")  # type: ignore[attr-defined]
        return {
            item["Key"].removeprefix(prefix + "/"): client.get_object(  # type: ignore[attr-defined]
                Bucket=bucket, Key=item["Key"]
            )["Body"].read()
            for item in listed.get("Contents", [])
        }

    return read


@pytest.fixture(params=["file", "s3", "sftp"])
def remote(request: pytest.FixtureRequest, tmp_path: Path) -> Remote:
    if request.param == "file":
        root = tmp_path / "www" / "podcast"  # not there yet: made as needed
        return Remote(root.as_uri(), lambda: _disk_files(root))
    if request.param == "s3":
        bucket = request.getfixturevalue("bucket")
        server = request.getfixturevalue("s3_env")
        return Remote(f"s3://{bucket}/show", _s3_files(server, bucket, "show"))
    sshd: SSHServer = request.getfixturevalue("ssh_home")
    root = tmp_path / "sftp-root" / "podcast"
    return Remote(sshd.url(root), lambda: _disk_files(root))


def _local_files(folder: Path) -> dict[str, bytes]:
    return {
        name: data
        for name, data in _disk_files(folder).items()
        if not any(part.startswith(".") for part in name.split("/"))
    }


def test_first_publish_sends_everything_in_order_and_the_second_nothing(
    remote: Remote, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    write_output(out, DATES)
    (out / ".briefing-daily.lock").write_text("")
    (out / "episodes" / ".briefing-2026-11-25.mp3.x1.part").write_bytes(b"half")

    first = publish_folder(out, remote.url)

    assert set(first.sent) == set(_local_files(out))
    assert first.sent[-2:] == ("episodes.json", "feed.xml")
    assert all(name.startswith("episodes/") for name in first.sent[:-2])
    assert first.bytes_sent == sum(len(d) for d in _local_files(out).values())
    files = remote.files()
    manifest = files.pop(PUBLISH_MANIFEST)
    assert files == _local_files(out)  # no lock, no part file, every byte right
    assert b"sha256" in manifest

    second = publish_folder(out, remote.url)
    assert second.sent == () and second.bytes_sent == 0 and second.deleted == ()
    assert second.unchanged == len(first.sent)


def test_a_new_episode_sends_only_its_files_and_drops_the_old_one_after_the_feed(
    remote: Remote, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    write_output(out, DATES)
    publish_folder(out, remote.url)
    write_output(out, DATES[1:] + ["2026-11-25"])  # keep = 2: the 23rd goes

    report = publish_folder(out, remote.url)

    stem = "episodes/briefing-2026-11-25-0123456789"
    assert report.sent == (
        f"{stem}.chapters.json",
        f"{stem}.mp3",
        f"{stem}.vtt",
        "episodes.json",
        "feed.xml",
    )
    assert sorted(report.deleted) == sorted(
        f"episodes/briefing-2026-11-23-0123456789.{ext}" for ext in ("chapters.json", "mp3", "vtt")
    )
    files = remote.files()
    files.pop(PUBLISH_MANIFEST)
    assert files == _local_files(out)
    assert publish_folder(out, remote.url).sent == ()


def test_files_outside_the_mirror_stay_and_a_damaged_file_is_sent_again(
    remote: Remote, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    write_output(out, DATES)
    publish_folder(out, remote.url)
    (out / "index.html").write_text("<!doctype html><title>Player</title>")
    (out / "player").mkdir()
    (out / "player" / "app.js").write_text("export {};")

    report = publish_folder(out, remote.url)

    assert report.sent == ("player/app.js", "index.html")  # assets before the page
    assert report.deleted == ()


def test_the_feed_lists_only_files_that_are_there(remote: Remote, tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_output(out, DATES)
    publish_folder(out, remote.url)
    files = remote.files()
    feed = feedparser.parse(files["feed.xml"])
    for entry in feed.entries:
        name = entry.enclosures[0].href.removeprefix("https://podcast.example.org/")
        assert len(files[name]) == int(entry.enclosures[0].length)


def _report(report: PublishReport) -> str:
    return f"{report.sent} {report.deleted}"
