"""Read a batch manifest (TOML or JSON Lines) into `Job`s: what to make, from what, where.

TOML::

    cache = "/shared/briefing-cache"     # optional: segment cache all workers can reach,
                                         # a folder or a URL such as s3://bucket/cache
    [defaults]                           # optional: applied to every job
    voice = "default"
    sentences = 3
    [[job]]
    id = "alice"                         # optional: default the output's file name
    inputs = ["stories/a.txt", "stories/b.md"]
    output = "out/alice.mp3"             # or a URL: s3://bucket/briefings/alice.mp3

JSON Lines: one job object per line with the same keys. Relative paths are taken from the
manifest's folder, so a manifest and its stories travel together.
"""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing.errors import InputError
from briefing.storage import is_url

_JOB_KEYS = {"id", "inputs", "output", "voice", "sentences", "words", "seconds", "date"}


@dataclass(frozen=True)
class Job:
    """One briefing of a batch."""

    id: str
    """A name for messages and the report (unique in the batch)."""
    inputs: tuple[str, ...]
    """Article files, as paths every worker can read."""
    output: Path
    """Where the finished briefing is written (.mp3 or .wav), atomically; for a job with an
    `output_url`, only its file name (it is made in a temporary folder, then uploaded)."""
    voice: str = "default"
    """A voice preset name or .toml path."""
    sentences: int | None = 3
    words: int | None = None
    seconds: float | None = None
    date: dt.date | None = None
    """The date the briefing is for (default: the day the batch starts)."""
    output_url: str | None = None
    """Where the briefing and its side files are uploaded (s3://…, sftp://…), if not a path."""

    @property
    def destination(self) -> str:
        """Where the briefing ends up: its URL or its path."""
        return self.output_url or str(self.output)


@dataclass(frozen=True)
class Manifest:
    jobs: tuple[Job, ...]
    cache: Path | str | None = None
    """The segment cache the manifest asks for, if any: a folder, or a URL (s3://…)."""


def load_manifest(path: Path) -> Manifest:
    """Read a `.toml`, `.jsonl` or `.json` manifest; raise `InputError` naming what is wrong."""
    if not path.is_file():
        raise InputError(f"{path}: no such manifest; give a .toml or .jsonl file listing jobs.")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot be read as a manifest ({error}).") from None
    base = path.resolve().parent
    if path.suffix.lower() == ".toml":
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise InputError(f"{path}: not valid TOML ({error}).") from None
        defaults = data.get("defaults", {})
        rows = data.get("job", [])
        if not isinstance(defaults, dict) or not isinstance(rows, list):
            raise InputError(f"{path}: expected a [defaults] table and [[job]] entries.")
        where = [f"{path} job {i + 1}" for i in range(len(rows))]
        cache = data.get("cache")
    elif path.suffix.lower() in {".jsonl", ".json", ".ndjson"}:
        defaults, rows, where, cache = {}, [], [], None
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise InputError(f"{path} line {number}: not valid JSON ({error.msg}).") from None
            where.append(f"{path} line {number}")
    else:
        raise InputError(f"{path}: unknown manifest type {path.suffix!r}; use .toml or .jsonl.")
    if not rows:
        raise InputError(f"{path}: lists no jobs; add [[job]] entries (TOML) or lines (JSONL).")
    jobs = tuple(_job(row, defaults, base, label) for row, label in zip(rows, where, strict=True))
    _check_unique(jobs, path)
    cache_at: Path | str | None = None
    if isinstance(cache, str) and cache:
        cache_at = cache if is_url(cache) else _resolve(cache, base)
    return Manifest(jobs=jobs, cache=cache_at)


def jobs_from_dicts(rows: Sequence[Mapping[str, Any]], base: Path | None = None) -> list[Job]:
    """Build jobs from plain dicts (a service's own job list), checked as a manifest is."""
    folder = base or Path.cwd()
    jobs = [_job(row, {}, folder, f"job {i + 1}") for i, row in enumerate(rows)]
    _check_unique(jobs, "jobs")
    return jobs


def _job(row: Any, defaults: Mapping[str, Any], base: Path, where: str) -> Job:
    if not isinstance(row, dict):
        raise InputError(f"{where}: expected a table of job settings.")
    merged = {**defaults, **row}
    unknown = sorted(set(merged) - _JOB_KEYS)
    if unknown:
        known = ", ".join(sorted(_JOB_KEYS))
        raise InputError(f"{where}: unknown key {unknown[0]!r}; use: {known}.")
    inputs = merged.get("inputs")
    if isinstance(inputs, str):
        inputs = [inputs]
    if not inputs or not all(isinstance(item, str) and item for item in inputs):
        raise InputError(f"{where}: 'inputs' should list one or more article files.")
    output = merged.get("output")
    if not isinstance(output, str) or not output:
        raise InputError(f"{where}: 'output' should name the briefing to write (.mp3 or .wav).")
    output_url = output if is_url(output) else None
    out_path = Path(output.rsplit("/", 1)[-1]) if output_url else _resolve(output, base)
    if out_path.suffix.lower() not in {".mp3", ".wav"}:
        raise InputError(f"{where}: output {output!r} should end in .mp3 or .wav.")
    voice = merged.get("voice", "default")
    if not isinstance(voice, str):
        raise InputError(f"{where}: 'voice' should be a preset name or .toml path.")
    if voice.endswith(".toml"):
        voice = str(_resolve(voice, base))
    return Job(
        id=str(merged.get("id") or out_path.stem),
        inputs=tuple(str(_resolve(item, base)) for item in inputs),
        output=out_path,
        voice=voice,
        sentences=_number(merged, "sentences", int, where, 3),
        words=_number(merged, "words", int, where, None),
        seconds=_number(merged, "seconds", float, where, None),
        date=_date(merged.get("date"), where),
        output_url=output_url,
    )


def _number(data: Mapping[str, Any], key: str, kind: type, where: str, default: Any) -> Any:
    value = data.get(key, default)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise InputError(f"{where}: {key!r} should be a positive number, not {value!r}.")
    if kind is int and not isinstance(value, int):
        raise InputError(f"{where}: {key!r} should be a whole number, not {value!r}.")
    return kind(value)


def _date(value: Any, where: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise InputError(f"{where}: 'date' should be YYYY-MM-DD, not {value!r}.") from None


def _resolve(value: str, base: Path) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() else base / path


def _check_unique(jobs: Sequence[Job], where: object) -> None:
    seen_ids: set[str] = set()
    seen_outputs: set[str] = set()
    for job in jobs:
        if job.destination in seen_outputs:
            raise InputError(
                f"{where}: two jobs write {job.destination}; give each its own 'output'."
            )
        if job.id in seen_ids:
            raise InputError(f"{where}: two jobs are named {job.id!r}; give each a unique 'id'.")
        seen_ids.add(job.id)
        seen_outputs.add(job.destination)
