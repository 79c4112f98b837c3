"""The CLI's log: where libraries' warnings and log records go instead of the terminal.

A library that warns (asyncssh under a newer cryptography prints five deprecation blocks as it
imports) or logs (asyncio, trafilatura) would otherwise put lines on stderr around our own
one-line error. Every warning is turned into a log record, and every record goes to the log
file; `--verbose` also shows them on stderr.
"""

from __future__ import annotations

import logging
import sys
import warnings
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_NAME = "briefing.log"
LOG_BYTES = 1_000_000
"""The log is rotated past this size, keeping one older file: it never grows without end."""
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_MARK = "_briefing_handler"
"""An attribute on our handlers, so that setting up twice (tests, workers) replaces them."""


def log_file() -> Path:
    from briefing.paths import state_dir

    return state_dir() / LOG_NAME


def route_library_output(verbose: bool = False, log_path: Path | None = None) -> None:
    """Send warnings and log records to the log file (and stderr when `verbose`), never to a
    bare terminal. Safe to call again: the second call replaces the first's handlers."""
    logging.raiseExceptions = False  # a log that cannot be written must not print a traceback
    logging.captureWarnings(False)  # re-routes even if something swapped showwarning since
    logging.captureWarnings(True)
    warnings.simplefilter("default")  # each distinct warning once, all of them to the log
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, _MARK, False)]:
        root.removeHandler(handler)
        handler.close()
    root.addHandler(_file_handler(log_path or log_file()))
    if verbose:
        shown = logging.StreamHandler(sys.stderr)
        shown.setFormatter(logging.Formatter("briefing: log: %(name)s: %(message)s"))
        shown.setLevel(logging.INFO)
        setattr(shown, _MARK, True)
        root.addHandler(shown)
    root.setLevel(logging.INFO if verbose else logging.WARNING)


def _file_handler(path: Path) -> logging.Handler:
    """The log file, opened only when the first record arrives; a null handler where the
    folder cannot be written (a read-only home must not stop a briefing)."""
    handler: logging.Handler
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            path, maxBytes=LOG_BYTES, backupCount=1, encoding="utf-8", delay=True
        )
        handler.setFormatter(logging.Formatter(_FORMAT))
    except OSError:
        handler = logging.NullHandler()
    setattr(handler, _MARK, True)
    return handler
