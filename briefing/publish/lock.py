"""One writer at a time per output folder: `daily` and a `publish` by hand may overlap."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from briefing.errors import InputError

LOCK_NAME = ".briefing-daily.lock"


@contextmanager
def exclusive(output: Path) -> Iterator[None]:
    """Hold the folder's lock, or fail at once naming the folder (cron and a manual run)."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks; runs are rare enough
        yield
        return
    try:
        handle = (output / LOCK_NAME).open("a")
    except OSError:  # missing or read-only: nothing can be writing there; the caller says why
        yield
        return
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise InputError(
                f"{output}: another `briefing daily` is writing here; wait for it to finish."
            ) from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
