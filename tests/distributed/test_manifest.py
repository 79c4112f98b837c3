"""Manifests: TOML and JSON Lines become jobs; mistakes are one line naming the job."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from briefing.distributed import Job, jobs_from_dicts, load_manifest
from briefing.errors import InputError

runner = CliRunner()


def test_toml_defaults_apply_and_paths_are_taken_from_the_manifest_folder(tmp_path: Path) -> None:
    manifest = tmp_path / "jobs.toml"
    manifest.write_text(
        'cache = "shared-cache"\n'
        '[defaults]\nvoice = "default"\nsentences = 2\ndate = "2026-11-25"\n'
        '[[job]]\ninputs = ["a.txt", "/abs/b.md"]\noutput = "out/alice.mp3"\n'
        '[[job]]\nid = "bob"\ninputs = "c.html"\noutput = "bob.wav"\nsentences = 4\n'
        "seconds = 90\n",
        encoding="utf-8",
    )
    result = load_manifest(manifest)
    assert result.cache == tmp_path / "shared-cache"
    assert result.jobs == (
        Job(
            id="alice",
            inputs=(str(tmp_path / "a.txt"), "/abs/b.md"),
            output=tmp_path / "out" / "alice.mp3",
            voice="default",
            sentences=2,
            date=dt.date(2026, 11, 25),
        ),
        Job(
            id="bob",
            inputs=(str(tmp_path / "c.html"),),
            output=tmp_path / "bob.wav",
            sentences=4,
            seconds=90.0,
            date=dt.date(2026, 11, 25),
        ),
    )


def test_a_cache_and_outputs_may_be_storage_urls(tmp_path: Path) -> None:
    manifest = tmp_path / "jobs.toml"
    manifest.write_text(
        'cache = "s3://bucket/briefing-cache"\n'
        '[[job]]\ninputs = ["a.txt"]\noutput = "s3://bucket/out/alice.mp3"\n'
        '[[job]]\ninputs = ["a.txt"]\noutput = "sftp://me@host/srv/alice.mp3"\n'
        'id = "alice-vps"\n',
        encoding="utf-8",
    )
    result = load_manifest(manifest)
    assert result.cache == "s3://bucket/briefing-cache"
    first, second = result.jobs
    assert (first.id, first.output, first.output_url) == (
        "alice",
        Path("alice.mp3"),
        "s3://bucket/out/alice.mp3",
    )
    assert first.destination == "s3://bucket/out/alice.mp3"
    assert second.destination == "sftp://me@host/srv/alice.mp3"


def test_json_lines_one_job_a_line(tmp_path: Path) -> None:
    manifest = tmp_path / "jobs.jsonl"
    rows = [
        {"inputs": ["a.txt"], "output": "a.mp3", "words": 60},
        {"id": "second", "inputs": ["b.txt"], "output": "b.mp3", "voice": "preset.toml"},
    ]
    manifest.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    jobs = load_manifest(manifest).jobs
    assert [job.id for job in jobs] == ["a", "second"]
    assert jobs[0].words == 60 and jobs[0].sentences == 3
    assert jobs[1].voice == str(tmp_path / "preset.toml")


def test_jobs_from_dicts_is_the_same_check_for_services(tmp_path: Path) -> None:
    jobs = jobs_from_dicts([{"inputs": ["x.txt"], "output": "x.mp3"}], base=tmp_path)
    assert jobs == [Job(id="x", inputs=(str(tmp_path / "x.txt"),), output=tmp_path / "x.mp3")]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"inputs": ["a.txt"], "output": "a.mp3", "speed": 2}', "line 1: unknown key 'speed'"),
        ('{"inputs": ["a.txt"]}', "line 1: 'output' should name the briefing"),
        ('{"inputs": [], "output": "a.mp3"}', "line 1: 'inputs' should list one or more"),
        ('{"inputs": ["a.txt"], "output": "a.ogg"}', "line 1: output 'a.ogg' should end in"),
        ('{"inputs": ["a.txt"], "output": "a.mp3", "sentences": 0}', "'sentences' should be a"),
        ('{"inputs": ["a.txt"], "output": "a.mp3", "date": "soon"}', "'date' should be YYYY"),
        ('\n{"inputs": ["a.txt"], "output": "a.mp3"\n', "line 2: not valid JSON"),
        ("", "lists no jobs"),
        (
            '{"inputs": ["a.txt"], "output": "a.mp3"}\n{"inputs": ["b.txt"], "output": "a.mp3"}',
            "two jobs write",
        ),
    ],
)
def test_mistakes_name_the_manifest_and_the_line(
    tmp_path: Path, content: str, message: str
) -> None:
    manifest = tmp_path / "jobs.jsonl"
    manifest.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_manifest(manifest)
    assert str(raised.value).startswith(str(manifest))
    assert message in str(raised.value)


def test_cli_bad_manifest_is_one_line_and_exit_2(tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    result = runner.invoke(app, ["batch", str(missing)])
    assert result.exit_code == 2
    assert result.output == (
        f"briefing: error: {missing}: no such manifest; give a .toml or .jsonl file listing jobs.\n"
    )
    other = tmp_path / "jobs.yaml"
    other.write_text("jobs: []\n", encoding="utf-8")
    result = runner.invoke(app, ["batch", str(other)])
    assert result.exit_code == 2
    assert "unknown manifest type '.yaml'; use .toml or .jsonl." in result.output


def test_the_tool_never_imports_dask_unless_a_batch_runs() -> None:
    code = (
        "import sys, briefing, briefing.cli, briefing.pipeline, briefing.distributed\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed'))\n"
        "print(loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_cli_without_dask_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    manifest = tmp_path / "jobs.jsonl"
    manifest.write_text('{"inputs": ["a.txt"], "output": "a.mp3"}\n', encoding="utf-8")
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed → ImportError
    result = runner.invoke(app, ["batch", str(manifest)])
    assert result.exit_code == 2
    assert result.output == (
        "briefing: error: briefing batch needs Dask distributed; install it with "
        "pip install 'briefing[distributed]' (or ./install.sh --dev).\n"
    )
