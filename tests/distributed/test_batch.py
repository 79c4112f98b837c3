"""A batch on a real `LocalCluster` of spawned worker processes: shared stories done once."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

from audio_probe import duration_s, ffprobe, mean_volume_db
from typer.testing import CliRunner

from briefing import Length, build_script, make_briefing
from briefing.cli import app
from briefing.distributed import BatchProgress, load_manifest, run_batch
from briefing.models import SegmentKind

DATE = dt.date(2026, 11, 25)
runner = CliRunner()


def story_texts(story: Path, sentences: int) -> list[str]:
    """The headline and sentences a story contributes to any briefing (what it voices)."""
    script, _ = build_script([story], length=Length(sentences=sentences, words_per_minute=180))
    kinds = (SegmentKind.HEADLINE, SegmentKind.BODY)
    return [s.text for s in script.segments if s.kind in kinds]


def test_shared_stories_are_voiced_once_and_outputs_match_make(
    local_client: Any,
    stories: list[Path],
    fake_voice: str,
    voiced_log: Path,
    write_manifest: Any,
    tmp_path: Path,
) -> None:
    voiced_log.write_text("")
    s = stories
    missing = tmp_path / "missing.txt"
    plan = {
        "j0": [s[0], s[1], s[2]],
        "j1": [s[1], s[2], s[3]],
        "j2": [s[3], s[0]],
        "j3": [s[4], missing],
        "j4": [tmp_path / "also-missing.txt"],
    }
    out = tmp_path / "out"
    out.mkdir()
    jobs = [
        {"inputs": inputs, "output": out / f"{name}.wav", "voice": fake_voice, "sentences": 2}
        for name, inputs in plan.items()
    ]
    manifest = load_manifest(write_manifest(tmp_path / "jobs.toml", jobs))
    seen: list[BatchProgress] = []
    cache = tmp_path / "cache"

    report = run_batch(
        manifest.jobs, client=local_client, cache_dir=cache, date=DATE, on_progress=seen.append
    )

    outcomes = {o.job_id: o for o in report.outcomes}
    assert [o.job_id for o in report.outcomes] == list(plan)
    assert [o.job_id for o in report.failed] == ["j4"]
    assert "also-missing.txt: no such file" in (outcomes["j4"].error or "")
    assert not (out / "j4.wav").exists()
    assert [(f.origin, f.exit_code) for f in outcomes["j3"].failures] == [(str(missing), 2)]
    assert report.exit_code == 2
    for name in ("j1", "j3"):  # one with shared stories, one with a skipped input
        inputs = [p for p in plan[name] if p.exists()]
        alone = make_briefing(
            inputs,
            tmp_path / f"alone-{name}.wav",
            length=Length(sentences=2, words_per_minute=180),
            date=DATE,
            voice=fake_voice,
        )
        outcome = outcomes[name]
        assert outcome.story_count == len(inputs)
        assert outcome.duration_s == alone.duration_s
        assert abs(duration_s(out / f"{name}.wav") - alone.duration_s) < 0.01
    voiced = Counter(voiced_log.read_text(encoding="utf-8").splitlines())
    for story in s[:5]:
        for text in story_texts(story, 2):
            assert voiced[text] == 1, text
    assert report.progress == seen[-1]
    assert report.progress.jobs_done == 5 and report.progress.jobs_failed == 1
    assert report.progress.stories_total == 7 and report.progress.stories_voiced == 5
    assert report.progress.segments_voiced == sum(voiced.values())
    assert [p.jobs_done for p in seen] == sorted(p.jobs_done for p in seen)
    assert sorted(p.name for p in out.glob("*.wav")) == ["j0.wav", "j1.wav", "j2.wav", "j3.wav"]
    assert (out / "j0.chapters.json").is_file() and (out / "j3.vtt").is_file()
    assert not list(out.glob(".*")), "a temporary file was left beside the outputs"
    assert not list(cache.rglob(".*")), "a temporary file was left in the segment cache"


def test_a_second_batch_is_all_cache_hits(
    local_client: Any, stories: list[Path], fake_voice: str, voiced_log: Path, tmp_path: Path
) -> None:
    from briefing.distributed import jobs_from_dicts

    jobs = jobs_from_dicts(
        [{"inputs": [str(stories[6])], "output": "a.mp3", "voice": fake_voice, "sentences": 1}],
        base=tmp_path,
    )
    cache = tmp_path / "cache"
    first = run_batch(jobs, client=local_client, cache_dir=cache, date=DATE)
    (tmp_path / "a.mp3").unlink()
    voiced_log.write_text("")
    second = run_batch(jobs, client=local_client, cache_dir=cache, date=DATE)
    assert first.progress.segments_voiced > 0 and first.exit_code == 0
    assert second.progress.segments_voiced == 0
    assert second.progress.cache_hits == first.progress.segments_voiced + first.progress.cache_hits
    assert voiced_log.read_text() == ""
    assert ffprobe(tmp_path / "a.mp3")["format"]["format_name"] == "mp3"


def test_cli_batch_with_real_speech_on_its_own_local_cluster(
    stories: list[Path], write_manifest: Any, tmp_path: Path
) -> None:
    jobs = [
        {"inputs": [stories[7]], "output": tmp_path / "one.mp3", "sentences": 1},
        {"inputs": [stories[7], stories[5]], "output": tmp_path / "two.mp3", "sentences": 1},
    ]
    manifest = write_manifest(tmp_path / "jobs.toml", jobs)
    result = runner.invoke(
        app, ["batch", str(manifest), "--workers", "2", "--cache", str(tmp_path / "cache")]
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Made 2 of 2 briefings in ")
    assert "on 2 workers: 2 stories voiced once," in result.output
    for name, low, high in (("one.mp3", 5, 60), ("two.mp3", 10, 120)):
        path = tmp_path / name
        assert ffprobe(path)["streams"][0]["sample_rate"] == "44100"
        assert low <= duration_s(path) <= high
        assert mean_volume_db(path) > -35
    assert duration_s(tmp_path / "two.mp3") > duration_s(tmp_path / "one.mp3") + 3
