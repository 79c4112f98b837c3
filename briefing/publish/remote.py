"""Mirror the output folder to any fsspec store (S3, R2, B2, MinIO, GCS, SFTP, a folder).

The remote is consistent at every moment, because of the order of writes:

1. new and changed files other than the entry points (episodes and their side files first,
   then the web player's assets), each new name put directly (nothing refers to it yet) and
   each existing name replaced through a temporary name and a move;
2. the entry points, in order: ``episodes.json``, ``index.html``, ``sw.js``, ``feed.xml``;
3. only then, files the folder no longer holds are deleted (old episodes).

Only changed files are sent: a small manifest on the remote (``.briefing-publish.json``)
records each file's size and SHA-256 as sent; a file whose manifest entry and listed remote
size both match the local file is left alone. The manifest is written after the files it
lists are complete, so an upload cut short is simply sent again by the next run.

The same fsspec calls are made on every store (`fsspec.core.url_to_fs`); credentials come
from each store's own chain (s3fs: the AWS environment variables, profiles and files; SFTP:
the user's SSH keys and agent), `options` only adds what the environment cannot say.
"""

from __future__ import annotations

import hashlib
import json
import mimetypes
import posixpath
import tempfile
import time
import uuid
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing.errors import InputError, PublishError
from briefing.publish.episodes import EPISODES_DIR
from briefing.storage import open_store, store_errors

PUBLISH_MANIFEST = ".briefing-publish.json"
ENTRY_POINTS = ("episodes.json", "index.html", "sw.js", "feed.xml")
"""Uploaded last, in this order: each may refer to files sent before it, never after."""
TEMP_PREFIX = ".briefing-upload-"
UPLOADS_AT_ONCE = 4
"""Episode files and assets sent at once (the entry points go one by one, in order)."""

_TYPES = {
    ".mp3": "audio/mpeg",
    ".m4a": "audio/mp4",
    ".opus": "audio/ogg",
    ".ogg": "audio/ogg",
    ".wav": "audio/wav",
    ".flac": "audio/flac",
    ".vtt": "text/vtt; charset=utf-8",
    ".srt": "application/x-subrip; charset=utf-8",
    ".json": "application/json",
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".webmanifest": "application/manifest+json",
    ".xml": "application/xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".svg": "image/svg+xml",
    ".ico": "image/x-icon",
}
SHORT_CACHE = "public, max-age=300"
"""The feed, the episode list and the page: a podcast app sees a new episode within minutes."""
LONG_CACHE = "public, max-age=31536000, immutable"
"""Episode files: their names carry a hash of their content, so a name never changes meaning."""
ASSET_CACHE = "public, max-age=3600"

_HEADER_STYLES: dict[str, str] = {"s3": "s3", "s3a": "s3", "gs": "gcs", "gcs": "gcs"}
"""How a store takes a file's content type and cache header; stores not listed ignore them."""


@dataclass(frozen=True)
class PublishReport:
    """What one publish did: what was sent (in order), deleted, left alone, and how long it took."""

    target: str
    sent: tuple[str, ...]
    bytes_sent: int
    deleted: tuple[str, ...]
    unchanged: int
    elapsed_s: float


@dataclass(frozen=True)
class _LocalFile:
    path: Path
    size: int
    sha256: str


def publish_folder(
    folder: Path, to: str, options: Mapping[str, Any] | None = None
) -> PublishReport:
    """Mirror `folder` to the store at URL `to`; raise `PublishError` naming store and cause.

    A second run with nothing new sends nothing. A run cut short leaves the remote feed
    pointing only at complete files, and the next run finishes the job.
    """
    started = time.perf_counter()
    local = _scan(folder)
    with store_errors(f"publish to {to}", PublishError):
        fs, root = open_store(to, options)
        root = root.rstrip("/")
        listed = _listing(fs, root)
        recorded = _read_manifest(fs, root, listed)
        changed = [
            name
            for name, file in local.items()
            if not (listed.get(name) == file.size and recorded.get(name) == _entry(file))
        ]
        changed.sort(key=_upload_order)
        manifest = {name: entry for name, entry in recorded.items() if name in local}
        made: set[str] = {root}
        body = [name for name in changed if name not in ENTRY_POINTS]
        entry_points = [name for name in changed if name in ENTRY_POINTS]

        def send(name: str) -> None:
            _put(fs, local[name].path, root, name, exists=name in listed, made=made)

        if body:  # in any order among themselves, several at once: nothing refers to them yet
            for name in body[:1]:
                send(name)  # makes the folders once, before the others race to
            with ThreadPoolExecutor(UPLOADS_AT_ONCE) as pool:
                list(pool.map(send, body[1:]))
            manifest.update({name: _entry(local[name]) for name in body})
            _write_manifest(fs, root, manifest, made)  # a cut from here re-sends only the rest
        for name in entry_points:
            send(name)
            manifest[name] = _entry(local[name])
        sent = [*body, *entry_points]
        bytes_sent = sum(local[name].size for name in sent)
        stale = sorted(name for name in listed if _is_ours(name, recorded) and name not in local)
        if stale:
            fs.rm([f"{root}/{name}" for name in stale])
        if sent or stale or set(recorded) != set(manifest):
            _write_manifest(fs, root, manifest, made)
    return PublishReport(
        target=to,
        sent=tuple(sent),
        bytes_sent=bytes_sent,
        deleted=tuple(stale),
        unchanged=len(local) - len(sent),
        elapsed_s=time.perf_counter() - started,
    )


def publish_summary(report: PublishReport) -> str:
    """One line: what was sent, how much, how long; "up to date" when nothing was."""
    took = f"in {report.elapsed_s:.1f} s"
    if not report.sent and not report.deleted:
        return f"Published to {report.target}: up to date ({report.unchanged} files), {took}."
    files = "file" if len(report.sent) == 1 else "files"
    return (
        f"Published to {report.target}: {len(report.sent)} {files} sent "
        f"({_size(report.bytes_sent)}), {len(report.deleted)} deleted, "
        f"{report.unchanged} unchanged, {took}."
    )


def _size(count: int) -> str:
    if count < 1000:
        return f"{count} B"
    if count < 1_000_000:
        return f"{count / 1000:.1f} kB"
    return f"{count / 1_000_000:.1f} MB"


def content_type(name: str) -> str:
    """The Content-Type a phone or podcast app expects for `name`."""
    if name == "feed.xml":
        return "application/rss+xml; charset=utf-8"
    suffix = posixpath.splitext(name)[1].lower()
    return _TYPES.get(suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"


def cache_control(name: str) -> str:
    """Short for what changes daily under the same name, long for episode files."""
    if name == "sw.js":
        return "no-cache"  # browsers must see a new service worker at once
    if name in ENTRY_POINTS or name.endswith(".webmanifest"):
        return SHORT_CACHE
    if name.startswith(f"{EPISODES_DIR}/"):
        return LONG_CACHE
    return ASSET_CACHE


def header_options(fs: Any, name: str) -> dict[str, Any]:
    """The keyword arguments by which this store's `put_file` sets type and cache headers."""
    protocols = fs.protocol if isinstance(fs.protocol, tuple | list) else (fs.protocol,)
    style = next((_HEADER_STYLES[p] for p in protocols if p in _HEADER_STYLES), None)
    if style == "s3":
        return {"ContentType": content_type(name), "CacheControl": cache_control(name)}
    if style == "gcs":
        return {
            "content_type": content_type(name),
            "fixed_key_metadata": {"cache_control": cache_control(name)},
        }
    return {}


def _scan(folder: Path) -> dict[str, _LocalFile]:
    """Every file to mirror, by its name relative to `folder` (dotfiles and locks left out)."""
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder to publish; run `briefing daily` first.")
    files: dict[str, _LocalFile] = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts) or path.suffix == ".lock":
            continue  # runs in progress, locks, our own manifest
        if not path.is_file():
            continue
        try:
            with path.open("rb") as handle:
                digest = hashlib.file_digest(handle, "sha256").hexdigest()
            size = path.stat().st_size
        except FileNotFoundError:
            continue  # deleted by a run finishing just now; the next publish sees the result
        except OSError as error:
            raise InputError(f"{path}: cannot be read to publish ({error.strerror}).") from None
        files[relative.as_posix()] = _LocalFile(path, size, digest)
    if "feed.xml" not in files:
        raise InputError(f"{folder}: holds no feed.xml; run `briefing daily` first.")
    return files


def _upload_order(name: str) -> tuple[int, str]:
    if name in ENTRY_POINTS:
        return (2 + ENTRY_POINTS.index(name), name)
    return (0 if name.startswith(f"{EPISODES_DIR}/") else 1, name)


def _entry(file: _LocalFile) -> dict[str, Any]:
    return {"size": file.size, "sha256": file.sha256}


def _is_ours(name: str, recorded: Mapping[str, Any]) -> bool:
    """Files this publisher put there: others in the remote folder (a CNAME, say) stay."""
    base = posixpath.basename(name)
    return name in recorded or name.startswith(f"{EPISODES_DIR}/") or base.startswith(TEMP_PREFIX)


def _listing(fs: Any, root: str) -> dict[str, int]:
    """Remote files under `root` by relative name and size (a missing bucket raises here)."""
    found = fs.find(root, detail=True)
    sizes: dict[str, int] = {}
    prefix = root + "/"
    for path, info in found.items():
        if info.get("type") == "file" and path.startswith(prefix):
            sizes[path[len(prefix) :]] = int(info.get("size") or 0)
    return sizes


def _read_manifest(fs: Any, root: str, listed: Mapping[str, int]) -> dict[str, Any]:
    if PUBLISH_MANIFEST not in listed:
        return {}
    try:
        data = json.loads(fs.cat_file(f"{root}/{PUBLISH_MANIFEST}"))
        files = data["files"]
        return {str(k): v for k, v in files.items()} if isinstance(files, dict) else {}
    except (ValueError, KeyError, TypeError, FileNotFoundError):
        return {}  # unreadable: every file is checked by sending it again


def _write_manifest(fs: Any, root: str, manifest: Mapping[str, Any], made: set[str]) -> None:
    """Put directly: a manifest cut short does no harm (unreadable, every file is checked)."""
    text = json.dumps({"format": 1, "files": dict(sorted(manifest.items()))}, indent=1)
    with tempfile.TemporaryDirectory(prefix="briefing-publish-") as folder:
        path = Path(folder) / PUBLISH_MANIFEST
        path.write_text(text, encoding="utf-8")
        _put(fs, path, root, PUBLISH_MANIFEST, exists=False, made=made)


def _put(fs: Any, source: Path, root: str, name: str, *, exists: bool, made: set[str]) -> None:
    """Upload one file. A name already there is replaced through a temporary name and a move,
    so a reader never sees half a file; a new name is written directly (nothing refers to it
    until the entry points are sent)."""
    remote = f"{root}/{name}"
    parent = posixpath.dirname(remote)
    if parent not in made:
        fs.makedirs(parent, exist_ok=True)
        made.add(parent)
    headers = header_options(fs, name)
    temporary = f"{parent}/{TEMP_PREFIX}{uuid.uuid4().hex[:12]}-{posixpath.basename(name)}"
    try:
        fs.put_file(str(source), temporary if exists else remote, **headers)
    except FileNotFoundError:
        if source.exists():
            raise  # the store's folder or bucket
        raise InputError(
            f"{source}: removed while publishing (a `briefing daily` finishing?); run again."
        ) from None
    if not exists:
        return
    try:
        fs.mv(temporary, remote)
    except BaseException:
        with suppress(Exception):  # cleaning up after a failure already being reported
            fs.rm_file(temporary)
        raise


def upload_files(
    files: Sequence[Path], to: str, options: Mapping[str, Any] | None = None
) -> int:
    """Put `files`, in order, into the remote folder `to`; return the bytes sent.

    A name already there is replaced through a temporary name and a move, so a reader never
    sees half a file: put a main file after the side files that describe it.
    """
    sent = 0
    with store_errors(f"upload to {to}", PublishError):
        fs, root = open_store(to, options)
        root = root.rstrip("/")
        made: set[str] = set()
        for path in files:
            exists = bool(fs.exists(f"{root}/{path.name}"))
            _put(fs, path, root, path.name, exists=exists, made=made)
            sent += path.stat().st_size
    return sent
