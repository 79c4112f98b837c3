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

from briefing.publish.remote import LONG_CACHE, PUBLISH_MANIFEST, SHORT_CACHE, publish_folder

DATES = ["2026-11-23", "2026-11-24"]


@dataclass
class Remote:
    url: str
    files: Callable[[], dict[str, bytes]]
    """Every remote file by its name relative to the URL."""
    put: Callable[[str, bytes], None]
    """Write a remote file behind the publisher's back."""


def _disk_put(root: Path) -> Callable[[str, bytes], None]:
    def put(name: str, data: bytes) -> None:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)

    return put


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
        return Remote(root.as_uri(), lambda: _disk_files(root), _disk_put(root))
    if request.param == "s3":
        bucket = request.getfixturevalue("bucket")
        server = request.getfixturevalue("s3_env")

        def put(name: str, data: bytes) -> None:
            server.client().put_object(Bucket=bucket, Key=f"show/{name}", Body=data)  # type: ignore[attr-defined]

        return Remote(f"s3://{bucket}/show", _s3_files(server, bucket, "show"), put)
    sshd: SSHServer = request.getfixturevalue("ssh_home")
    root = tmp_path / "sftp-root" / "podcast"
    return Remote(sshd.url(root), lambda: _disk_files(root), _disk_put(root))


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


def test_the_players_assets_go_before_its_page(remote: Remote, tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_output(out, DATES)
    publish_folder(out, remote.url)
    (out / "index.html").write_text("<!doctype html><title>Player</title>")
    (out / "sw.js").write_text("self.addEventListener('fetch', () => {});")
    (out / "player").mkdir()
    (out / "player" / "app.js").write_text("export {};")

    report = publish_folder(out, remote.url)

    assert report.sent == ("player/app.js", "index.html", "sw.js")
    assert report.deleted == ()


def test_files_it_did_not_put_stay_and_a_damaged_one_is_sent_again(
    remote: Remote, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    episodes = write_output(out, DATES)
    publish_folder(out, remote.url)
    remote.put("CNAME", b"podcast.example.org\n")
    remote.put(episodes[0].audio, b"ID3 cut short")  # an upload cut off by hand

    report = publish_folder(out, remote.url)

    assert report.sent == (episodes[0].audio,)
    assert remote.files()["CNAME"] == b"podcast.example.org\n"
    assert remote.files()[episodes[0].audio] == (out / episodes[0].audio).read_bytes()


def test_the_feed_lists_only_files_that_are_there(remote: Remote, tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_output(out, DATES)
    publish_folder(out, remote.url)
    files = remote.files()
    feed = feedparser.parse(files["feed.xml"])
    for entry in feed.entries:
        name = entry.enclosures[0].href.removeprefix("https://podcast.example.org/")
        assert len(files[name]) == int(entry.enclosures[0].length)


def test_s3_objects_carry_their_content_type_and_cache_header(
    s3_env: S3Server, bucket: str, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    episodes = write_output(out, DATES)
    publish_folder(out, f"s3://{bucket}/show")
    client = s3_env.client()
    expected = {
        "feed.xml": ("application/rss+xml; charset=utf-8", SHORT_CACHE),
        "episodes.json": ("application/json", SHORT_CACHE),
        episodes[0].audio: ("audio/mpeg", LONG_CACHE),
        str(episodes[0].transcript): ("text/vtt; charset=utf-8", LONG_CACHE),
    }
    for name, (kind, cache) in expected.items():
        head = client.head_object(Bucket=bucket, Key=f"show/{name}")  # type: ignore[attr-defined]
        assert (head["ContentType"], head["CacheControl"]) == (kind, cache), name


def test_a_local_file_removed_while_publishing_is_named_not_blamed_on_the_store(
    tmp_path: Path,
) -> None:
    from briefing.errors import InputError
    from briefing.publish.remote import _put
    from briefing.storage import open_store

    fs, root = open_store((tmp_path / "www").as_uri())
    gone = tmp_path / "out" / "episodes" / "gone.mp3"  # deleted by a daily run just now
    with pytest.raises(InputError) as error:
        _put(fs, gone, root, "episodes/gone.mp3", exists=False, made=set())
    assert error.value.message == (
        f"{gone}: removed while publishing (a `briefing daily` finishing?); run again."
    )
