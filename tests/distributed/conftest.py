"""Fixtures for batch tests: story files, presets, manifests, and real Dask clusters.

Workers never import tests/conftest.py, so each cluster preloads `batch_fake_engines`, which
registers the fake engines there. Ports are free ones on 127.0.0.1.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from shared_corpus import Shared

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent

PRELOAD = f"import sys\nsys.path[:0] = [{str(TESTS)!r}, {str(HERE)!r}]\nimport batch_fake_engines\n"
"""Source text for Dask's `preload` (text with spaces is run as a module)."""

ManifestWriter = Callable[[Path, list[dict[str, Any]]], Path]


@pytest.fixture(scope="session")
def stories(tmp_path_factory: pytest.TempPathFactory, shared: Shared) -> list[Path]:
    """Eight real BBC articles (../shared/eval/bbc_dev.jsonl) as text files."""
    bbc = shared("eval/bbc_dev.jsonl")
    folder = tmp_path_factory.mktemp("stories")
    paths: list[Path] = []
    with bbc.open(encoding="utf-8") as handle:
        for index, line in enumerate(handle):
            if index == 8:
                break
            path = folder / f"story-{index}.txt"
            path.write_text(json.loads(line)["article"], encoding="utf-8")
            paths.append(path)
    return paths


@pytest.fixture()
def slow_voice(tmp_path: Path) -> str:
    """A preset using `slowfake`, which takes a while per segment."""
    preset = tmp_path / "slow-voice.toml"
    preset.write_text('name = "slow"\nengine = "slowfake"\nrate = 180\n', encoding="utf-8")
    return str(preset)


@pytest.fixture()
def write_manifest() -> ManifestWriter:
    """Write jobs as a TOML manifest of [[job]] tables (JSON values are valid TOML here)."""

    def write(path: Path, jobs: list[dict[str, Any]]) -> Path:
        lines: list[str] = []
        for job in jobs:
            lines.append("[[job]]")
            lines.extend(f"{key} = {json.dumps(_plain(value))}" for key, value in job.items())
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    return write


def _plain(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return str(value) if isinstance(value, Path) else value


@pytest.fixture(scope="session")
def voiced_log(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The file every fake engine in every worker appends its texts to."""
    log = tmp_path_factory.mktemp("voiced") / "voiced.log"
    previous = os.environ.get("BATCH_FAKE_LOG")
    os.environ["BATCH_FAKE_LOG"] = str(log)
    yield log
    if previous is None:
        os.environ.pop("BATCH_FAKE_LOG", None)
    else:
        os.environ["BATCH_FAKE_LOG"] = previous


@pytest.fixture(scope="module")
def local_client(voiced_log: Path) -> Iterator[Any]:
    """A `LocalCluster` of two spawned worker processes, as `briefing batch` starts one."""
    import dask
    from distributed import Client, LocalCluster

    from briefing.distributed.cluster import WORKER_CONFIG

    with dask.config.set(WORKER_CONFIG):
        cluster = LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"},
            silence_logs=logging.ERROR,
            preload=[PRELOAD],
        )
        client = Client(cluster)
        try:
            yield client
        finally:
            client.close()
            cluster.close()


@dataclass
class DaskProcesses:
    """A `dask scheduler` and `dask worker` processes started as a user would."""

    address: str
    scheduler: subprocess.Popen[bytes]
    workers: list[subprocess.Popen[bytes]]


@pytest.fixture()
def dask_processes(voiced_log: Path, tmp_path: Path) -> Iterator[DaskProcesses]:
    """`dask scheduler` and two `dask worker` processes on 127.0.0.1, stopped afterwards."""
    from distributed import Client

    dask_cli = str(Path(sys.executable).parent / "dask")
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    logs = (tmp_path / "dask-logs").open("wb")
    scheduler = subprocess.Popen(
        [
            dask_cli,
            "scheduler",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--no-dashboard",
            "--dashboard-address",
            f"127.0.0.1:{_free_port()}",
        ],
        env=env,
        stdout=logs,
        stderr=subprocess.STDOUT,
    )
    workers = [
        subprocess.Popen(
            [
                dask_cli,
                "worker",
                address,
                "--host",
                "127.0.0.1",
                "--nthreads",
                "1",
                "--no-nanny",
                "--no-dashboard",
                "--preload",
                PRELOAD,
                "--local-directory",
                str(tmp_path / f"worker-{index}"),
            ],
            env=env,
            stdout=logs,
            stderr=subprocess.STDOUT,
        )
        for index in range(2)
    ]
    processes = DaskProcesses(address, scheduler, workers)
    try:
        _wait_for_workers(address, 2, Client)
        yield processes
    finally:
        for process in [*workers, scheduler]:
            process.terminate()
        for process in [*workers, scheduler]:
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        logs.close()


def _wait_for_workers(address: str, count: int, client_class: Any) -> None:
    deadline = time.monotonic() + 30
    while True:
        try:
            with client_class(address, timeout=5) as client:
                client.wait_for_workers(count, timeout=30)
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
