"""Any storage fsspec reaches (S3, R2, B2, MinIO, GCS, SFTP, a folder), by URL, the same way.

`open_store(url)` gives `(filesystem, path)` through `fsspec.core.url_to_fs`, and the callers
make the same calls (`find`, `put_file`, `get_file`, `mv`, `rm_file`) on every store.
Credentials stay in each store's own chain (s3fs: the AWS environment variables, profiles
and files; SFTP: the user's SSH keys and agent). `store_errors` turns what a store's
library raises into one line naming the store and the cause.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from briefing.errors import BriefingError, ConfigError, StorageError

_EXTRAS = {"s3": "s3", "s3a": "s3", "gs": "gcs", "gcs": "gcs", "sftp": "sftp", "ssh": "sftp"}


def is_url(location: object) -> bool:
    """True for a store URL such as s3://bucket/cache; False for a local path or file:// URL."""
    text = str(location)
    return "://" in text and not text.startswith("file://")


def open_store(url: str, options: Mapping[str, Any] | None = None) -> tuple[Any, str]:
    """`(filesystem, path)` for an fsspec URL; a store whose extra is missing is named."""
    from fsspec.core import url_to_fs

    _quiet_lost_connection_writes()
    # A fresh instance each time: credentials are read from the environment at every
    # publish, so a long-lived process sees rotated keys.
    settings = {"skip_instance_cache": True, **dict(options or {})}
    try:
        fs, path = url_to_fs(url, **settings)
    except ImportError as error:
        scheme = url.split("://", 1)[0]
        hint = f"pip install 'briefing[{_EXTRAS[scheme]}]'" if scheme in _EXTRAS else str(error)
        raise ConfigError(
            f"{url}: this store needs a package that is not installed; {hint}."
        ) from None
    except ValueError as error:
        raise ConfigError(f"{url}: not a storage URL fsspec knows ({error}).") from None
    return fs, str(path)


class _LostConnectionWrites(logging.Filter):
    """asyncio warns "socket.send() raised exception." for every write after a connection
    drops (asyncssh keeps writing until it notices): dozens of lines, while the one line
    that says what happened comes from `store_errors`."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() != "socket.send() raised exception."


_QUIET = _LostConnectionWrites()


def _quiet_lost_connection_writes() -> None:
    asyncio_log = logging.getLogger("asyncio")
    if _QUIET not in asyncio_log.filters:
        asyncio_log.addFilter(_QUIET)


_STORE_LIBRARIES = frozenset(
    ("botocore", "aiobotocore", "s3fs", "asyncssh", "sshfs", "paramiko", "aiohttp", "gcsfs",
     "google", "fsspec", "urllib3")
)  # fmt: skip
"""Packages whose exceptions are the store talking (refusals, network), not bugs of ours."""
_CREDENTIAL_WORDS = (
    "credential", "permissiondenied", "accessdenied", "access denied", "invalidaccesskeyid",
    "signaturedoesnotmatch", "forbidden", "auth",
)  # fmt: skip
_NETWORK_WORDS = (
    "connect", "timeout", "timed out", "disconnect", "network", "resolve", "unreachable",
    "reset", "broken pipe",
)  # fmt: skip


@contextmanager
def store_errors(what: str, kind: type[StorageError] = StorageError) -> Iterator[None]:
    """Turn what a store's library raises into one line: `what` (e.g. "publish to s3://…"),
    then the cause and what to do."""
    try:
        yield
    except BriefingError:
        raise
    except Exception as error:
        library = type(error).__module__.split(".", 1)[0]
        if not isinstance(error, OSError) and library not in _STORE_LIBRARIES:
            raise  # a bug, not the store: keep the traceback
        raise kind(f"{what}: {describe_store_error(error)}") from None


def describe_store_error(error: BaseException) -> str:
    """Cause and next step in a few words: credentials, a missing bucket or folder, network."""
    detail = " ".join(str(error).split()) or type(error).__name__
    detail = detail if len(detail) <= 160 else detail[:157] + "..."
    name = type(error).__name__
    text = f"{name} {detail}".lower()
    if isinstance(error, PermissionError) or any(word in text for word in _CREDENTIAL_WORDS):
        return (
            f"access refused, wrong or missing credentials ({detail}); check the store's "
            "credentials (S3: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY or AWS_PROFILE; "
            "SFTP: your SSH key and agent)."
        )
    if "hostkey" in text or "host key" in text:
        return f"the server's host key is not trusted ({detail}); add it to ~/.ssh/known_hosts."
    if isinstance(error, FileNotFoundError) or "nosuchbucket" in text or "does not exist" in text:
        return f"the bucket or folder does not exist ({detail}); create it, or fix the URL."
    if isinstance(error, ConnectionError | TimeoutError) or any(
        word in text for word in _NETWORK_WORDS
    ):
        return f"network error, the store could not be reached ({detail}); run again later."
    return f"{detail}."
