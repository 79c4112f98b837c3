"""Libraries' warnings and log records go to the log, never around the user's one-line error."""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
import warnings
from pathlib import Path

from fixtures.podcast_folder import write_output

from briefing.log import LOG_NAME, route_library_output


def _closed_port() -> int:
    """A loopback port nobody listens on: bound, then released."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _publish(folder: Path, home: Path, *options: str) -> subprocess.CompletedProcess[str]:
    url = f"sftp://nobody@127.0.0.1:{_closed_port()}/x"
    return subprocess.run(
        [sys.executable, "-m", "briefing", *options, "publish", str(folder), "--to", url],
        capture_output=True,
        text=True,
        env={**os.environ, "BRIEFING_HOME": str(home), "PYTHONWARNINGS": ""},
        timeout=120,
    )


def test_a_library_that_warns_at_import_leaves_one_line_on_stderr(tmp_path: Path) -> None:
    """asyncssh under the locked cryptography warns five times as it imports (DSA deprecated)."""
    write_output(tmp_path / "out", ["2026-11-23"])
    home = tmp_path / "home"

    result = _publish(tmp_path / "out", home)

    assert result.returncode == 1
    assert result.stderr.startswith("briefing: error: publish to sftp://nobody@127.0.0.1:")
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stdout == ""
    log = (home / "state" / LOG_NAME).read_text(encoding="utf-8")
    assert "CryptographyDeprecationWarning" in log  # the noise happened, and went here


def test_verbose_shows_the_log_on_stderr(tmp_path: Path) -> None:
    write_output(tmp_path / "out", ["2026-11-23"])

    result = _publish(tmp_path / "out", tmp_path / "home", "--verbose")

    assert result.returncode == 1
    assert "briefing: log: py.warnings:" in result.stderr
    assert "CryptographyDeprecationWarning" in result.stderr
    assert result.stderr.splitlines()[-1].startswith("briefing: error: publish to ")


def test_warnings_and_records_go_to_the_file_and_not_to_stderr(
    tmp_path: Path, capfd: object
) -> None:
    log_path = tmp_path / "state" / LOG_NAME
    root = logging.getLogger()
    before = (list(root.handlers), root.level)
    try:
        route_library_output(log_path=log_path)
        warnings.warn("a library's deprecation", UserWarning, stacklevel=1)
        logging.getLogger("some.library").warning("a library's complaint")
        for handler in root.handlers:
            handler.flush()
        text = log_path.read_text(encoding="utf-8")
    finally:
        logging.captureWarnings(False)
        for handler in root.handlers[:]:
            if handler not in before[0]:
                root.removeHandler(handler)
                handler.close()
        root.setLevel(before[1])
    assert "a library's deprecation" in text
    assert "some.library: a library's complaint" in text
    captured = capfd.readouterr()  # type: ignore[attr-defined]
    assert "a library's" not in captured.err
