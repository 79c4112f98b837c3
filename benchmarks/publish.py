"""Publishing a 10-minute episode to S3: files, bytes and time, first and second run.

An S3-compatible server (moto's standalone server, in its own process on 127.0.0.1) is
reached only through the AWS environment variables, as an R2 or MinIO user would. The
episode is a real render (`render_briefing`: mastered MP3, chapters, transcripts, show
notes) of speech-like tones, so its size is a real episode's; then:

- briefing: `publish_folder` to the bucket, three times: first, again with nothing new,
  and after the next day's episode is added;
- baseline: the naive mirror, `fs.put(folder, url, recursive=True)` every time (what a
  cron job copying the folder does), in the same runs.

    python benchmarks/publish.py                 # 10 minutes
    python benchmarks/publish.py --minutes 30
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from assembly import make_tones, programme_inputs  # noqa: E402

DATE = "2026-11-25"
NEXT = "2026-11-26"
BASE_URL = "https://podcast.example.org/"


def make_folder(out: Path, minutes: float, tones_dir: Path) -> int:
    """An output folder as `briefing daily` leaves it; returns the episode's seconds."""
    from briefing.audio import AudioOptions, assemble_for, render_briefing

    voiced, script = programme_inputs(make_tones(tones_dir), minutes)
    options = AudioOptions()
    programme = assemble_for(voiced, options)
    (out / "episodes").mkdir(parents=True)
    render_briefing(programme, script, out / "episodes" / f"briefing-{DATE}-bench.mp3", options)
    write_list(out, [DATE], programme.duration_s)
    return round(programme.duration_s)


def write_list(out: Path, dates: list[str], duration_s: float) -> None:
    from briefing.config import PodcastSettings
    from briefing.publish.episodes import MANIFEST, Episode, episodes_json
    from briefing.publish.feed import write_feed

    episodes = []
    for date in sorted(dates, reverse=True):
        stem = f"episodes/briefing-{date}-bench"
        episodes.append(
            Episode(
                date=date,
                title=f"Briefing {date}",
                audio=f"{stem}.mp3",
                length=(out / f"{stem}.mp3").stat().st_size,
                duration_s=duration_s,
                published="Wed, 25 Nov 2026 06:00:00 +0000",
                fingerprint="bench",
                chapters=f"{stem}.chapters.json",
                transcript=f"{stem}.vtt",
                extra_files=(f"{stem}.srt", f"{stem}.html"),
            )
        )
    (out / MANIFEST).write_text(episodes_json(episodes), encoding="utf-8")
    write_feed(out, PodcastSettings(title="Bench"), episodes, BASE_URL)


def next_day(out: Path) -> None:
    """The next morning's episode beside the first (the same audio under its own names)."""
    for path in list((out / "episodes").iterdir()):
        shutil.copyfile(path, path.with_name(path.name.replace(DATE, NEXT)))


def start_s3(log: Path) -> tuple[subprocess.Popen[bytes], str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    endpoint = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process, endpoint
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def warm_up() -> None:
    """Load botocore's service models once, so neither side's first row pays for it."""
    from fsspec.core import url_to_fs

    fs, _ = url_to_fs("s3://podcast", skip_instance_cache=True)
    fs.ls("podcast")


def folder_size(out: Path) -> tuple[int, int]:
    files = [p for p in out.rglob("*") if p.is_file() and not p.name.startswith(".")]
    return len(files), sum(p.stat().st_size for p in files)


def baseline(out: Path, url: str) -> tuple[int, int, float]:
    """Copy the whole folder up, as a naive mirror does every time."""
    from fsspec.core import url_to_fs

    started = time.perf_counter()
    fs, path = url_to_fs(url, skip_instance_cache=True)
    fs.put(str(out) + "/", path, recursive=True)
    elapsed = time.perf_counter() - started
    files, size = folder_size(out)
    return files, size, elapsed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    args = parser.parse_args(argv)

    import boto3

    from briefing.publish.remote import publish_folder

    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as tmp:
        work = Path(tmp)
        server, endpoint = start_s3(work / "moto.log")
        try:
            os.environ.update(
                AWS_ACCESS_KEY_ID="bench",
                AWS_SECRET_ACCESS_KEY="bench",
                AWS_ENDPOINT_URL=endpoint,
                AWS_DEFAULT_REGION="us-east-1",
            )
            boto3.client("s3").create_bucket(Bucket="podcast")
            warm_up()
            out = work / "out"
            seconds = make_folder(out, args.minutes, work)
            files, size = folder_size(out)
            print(
                f"Episode: {seconds // 60}:{seconds % 60:02d}, {files} files, "
                f"{size / 1e6:.2f} MB in the folder; S3 server: moto on {endpoint}"
            )
            rows: list[tuple[str, str, int, int, float]] = []

            def ours(label: str) -> None:
                report = publish_folder(out, "s3://podcast/show")
                rows.append(
                    ("briefing publish", label, len(report.sent), report.bytes_sent,
                     report.elapsed_s)
                )  # fmt: skip

            def theirs(label: str) -> None:
                rows.append(("baseline: fs.put all", label, *baseline(out, "s3://podcast/copy")))

            for label in ("first", "second, nothing new"):
                ours(label)
                theirs(label)
            next_day(out)
            write_list(out, [DATE, NEXT], seconds)
            ours("next day's episode")
            theirs("next day's episode")
        finally:
            server.terminate()
            server.wait(10)
    print(f"{'':22} {'run':22} {'files':>6} {'bytes':>12} {'time s':>8}")
    for who, label, count, sent, elapsed in rows:
        print(f"{who:22} {label:22} {count:6d} {sent:12,d} {elapsed:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
