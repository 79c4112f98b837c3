"""Mailboxes on disk: every message of an mbox file or a Maildir folder, oldest first.

One message that cannot be read (no text, too large, not a message) is one failure line;
the rest are read.
"""

from __future__ import annotations

import mailbox
from collections.abc import Iterator
from pathlib import Path

from briefing.errors import BriefingError, InputError
from briefing.ingest.stories import MAX_DOCUMENT_BYTES, LinkOptions, Stories, failure_of

MAX_MESSAGES = 500
"""Messages read from one mailbox: a briefing is a morning's reading, not an archive."""


def read_mbox(path: Path, origin: str, links: LinkOptions) -> Stories:
    """Every message of an mbox file."""
    try:
        box = mailbox.mbox(path, create=False)
        return _read_box(_messages(box), origin, links)
    except (OSError, mailbox.Error) as error:
        raise InputError(f"{origin}: cannot be read as an mbox ({error}).") from None


def read_mbox_bytes(data: bytes, origin: str, links: LinkOptions) -> Stories:
    """An mbox given as bytes (on stdin): written to a temporary file for `mailbox`."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="briefing-mbox-") as folder:
        path = Path(folder) / "stdin.mbox"
        path.write_bytes(data)
        return read_mbox(path, origin, links)


def read_maildir(path: Path, origin: str, links: LinkOptions) -> Stories:
    """Every message of a Maildir folder (its new and cur messages)."""
    try:
        box = mailbox.Maildir(path, factory=None, create=False)
        return _read_box(_messages(box), origin, links)
    except (OSError, mailbox.Error) as error:
        raise InputError(f"{origin}: cannot be read as a Maildir ({error}).") from None


def _messages(box: mailbox.Mailbox[mailbox.Message]) -> Iterator[tuple[str, bytes | None]]:
    """(key, raw bytes) of each message, in delivery order; None for one too large to read."""
    keys = list(box.iterkeys())
    if isinstance(box, mailbox.Maildir):
        keys.sort(key=lambda key: _delivery_time(str(key)))  # names start with the Unix time
    for key in keys[:MAX_MESSAGES]:
        handle = box.get_file(key)
        try:
            handle.seek(0, 2)
            size = handle.tell()  # the message's length, without reading it
        finally:
            handle.close()
        yield str(key), (box.get_bytes(key) if size <= MAX_DOCUMENT_BYTES else None)


def _delivery_time(key: str) -> tuple[float, str]:
    head = key.split(".", 1)[0]
    return (float(head) if head.isdigit() else float("inf"), key)


def _read_box(
    messages: Iterator[tuple[str, bytes | None]], origin: str, links: LinkOptions
) -> Stories:
    from briefing.ingest.newsletter import stories_from_message

    stories = Stories()
    count = 0
    for number, (_key, data) in enumerate(messages, start=1):
        count = number
        where = f"{origin} (message {number})"
        if data is None:
            stories.failures.append(
                failure_of(
                    where,
                    InputError(
                        f"{where}: larger than {MAX_DOCUMENT_BYTES // (1024 * 1024)} MB; skipped."
                    ),
                )
            )
            continue
        try:
            stories.extend(stories_from_message(data, where, links))
        except BriefingError as error:
            stories.failures.append(failure_of(where, error))
    if count == 0:
        raise InputError(f"{origin}: the mailbox has no messages.")
    return stories
