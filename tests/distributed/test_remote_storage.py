"""A batch whose workers share an S3 segment cache (moto's server, reached only through the
AWS environment variables as an R2 or MinIO user would) and whose outputs may be URLs."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fixtures.stores import S3Server, moto_server

from briefing import Length, build_script
from briefing.distributed import load_manifest, run_batch
from briefing.models import SegmentKind

DATE = dt.date(2026, 11, 25)
BUCKET = "briefings"


@pytest.fixture(scope="module", autouse=True)
def s3(tmp_path_factory: pytest.TempPathFactory) -> Iterator[S3Server]:
    """Started, and its variables exported, before the module's cluster spawns its workers."""
    log = tmp_path_factory.mktemp("moto") / "moto.log"
    with moto_server(log) as server, pytest.MonkeyPatch.context() as env:
        for name, value in server.env().items():
            env.setenv(name, value)
        env.delenv("AWS_PROFILE", raising=False)
        server.client().create_bucket(Bucket=BUCKET)  # type: ignore[attr-defined]
        yield server


def story_texts(story: Path, sentences: int) -> list[str]:
    """The headline and sentences a story voices in any briefing."""
    script, _ = build_script([story], length=Length(sentences=sentences, words_per_minute=180))
    kinds = (SegmentKind.HEADLINE, SegmentKind.BODY)
    return [s.text for s in script.segments if s.kind in kinds]


def _keys(s3: S3Server, prefix: str) -> dict[str, int]:
    listed = s3.client().list_objects_v2(Bucket=BUCKET, Prefix=prefix)  # type: ignore[attr-defined]
    return {item["Key"]: item["Size"] for item in listed.get("Contents", [])}


def test_workers_share_an_s3_cache_and_outputs_go_to_urls_or_new_folders(
    local_client: Any,
    s3: S3Server,
    stories: list[Path],
    fake_voice: str,
    voiced_log: Path,
    write_manifest: Any,
    tmp_path: Path,
    isolated_home: Path,
) -> None:
    voiced_log.write_text("")
    shared = stories[1]
    jobs = [
        {
            "inputs": [stories[0], shared],
            "output": f"s3://{BUCKET}/out/alice.mp3",
            "voice": fake_voice,
            "sentences": 2,
        },
        {
            "inputs": [shared, stories[2]],
            "output": "not-there-yet/bob.mp3",  # the README's example: out/ does not exist
            "voice": fake_voice,
            "sentences": 2,
        },
    ]
    manifest = load_manifest(write_manifest(tmp_path / "jobs.toml", jobs))
    cache = f"s3://{BUCKET}/cache"

    report = run_batch(manifest.jobs, client=local_client, cache_dir=cache, date=DATE)

    assert report.exit_code == 0, [o.error for o in report.outcomes]
    voiced = Counter(voiced_log.read_text(encoding="utf-8").splitlines())
    for text in story_texts(shared, 2):
        assert voiced[text] == 1, text  # the shared story: voiced once for both jobs
    entries = _keys(s3, "cache/")
    assert len(entries) == len(voiced)  # every text voiced is in S3 (two jobs' common intro
    # may be voiced by both workers at once: an entry is written twice, never two entries)
    assert not list(isolated_home.rglob("*.wav"))  # and nothing in a local cache
    uploaded = _keys(s3, "out/")
    assert set(uploaded) == {
        f"out/alice.{ext}" for ext in ("mp3", "chapters.json", "vtt", "srt", "html")
    }
    head = s3.client().head_object(Bucket=BUCKET, Key="out/alice.mp3")  # type: ignore[attr-defined]
    assert head["ContentType"] == "audio/mpeg" and head["ContentLength"] > 10_000
    assert (tmp_path / "not-there-yet" / "bob.mp3").stat().st_size > 10_000

    voiced_log.write_text("")
    again = run_batch(manifest.jobs, client=local_client, cache_dir=cache, date=DATE)

    assert again.exit_code == 0
    assert again.progress.segments_voiced == 0 and voiced_log.read_text() == ""
    assert again.progress.cache_hits == report.progress.segments_voiced + report.progress.cache_hits
