"""Content-hash task keys: equal work gets an equal key, so Dask computes it once per batch."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any


def content_key(prefix: str, *parts: Any) -> str:
    """A Dask key such as ``summary-3f2a…``: the prefix names the stage in dashboards."""
    return f"{prefix}-{digest(*parts)}"


def digest(*parts: Any) -> str:
    """A stable SHA-256 over JSON-able parts (dataclasses, paths and dates included)."""
    blob = json.dumps(parts, default=_plain, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:32]


def file_digest(path: str) -> str:
    """The hash of a file's bytes, or of its name when this machine cannot read it.

    Two jobs naming the same story in different files share its work; a file only the
    workers can see still gets a stable key (its worker-side error is reported per job).
    """
    try:
        return "bytes:" + hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return "path:" + str(Path(path).resolve())


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)
