"""The daily run's small JSON files in the state folder: read forgivingly, written atomically."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any


def read_mapping(path: Path) -> dict[str, Any]:
    """The JSON object in `path`, or {} when it is missing, damaged or not an object."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(key): value for key, value in data.items()} if isinstance(data, dict) else {}


def write_mapping(path: Path, mapping: dict[str, Any]) -> None:
    """Write `mapping` as JSON through a temporary file renamed over `path` (never half-written)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    tmp.write_text(json.dumps(mapping, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)
