"""Real small file systems for fault tests: a read-only folder and a nearly full disk.

As root (CI containers, this sandbox) a tmpfs is mounted, which gives the kernel's own EROFS and
ENOSPC. Without root, a read-only folder falls back to permissions (EACCES), and a full disk to
`full_disk_fallback`, which makes every write beyond a budget fail with ENOSPC.
"""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path


def can_mount() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0 and Path("/bin/mount").exists()


def _mount(folder: Path, options: str) -> bool:
    if not can_mount():
        return False
    command = ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)]
    return subprocess.run(command, capture_output=True, check=False).returncode == 0


def _unmount(folder: Path) -> None:
    subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


@contextlib.contextmanager
def read_only_folder(folder: Path) -> Iterator[Path]:
    """A folder nothing can be written in: a read-only tmpfs, else mode 0o555."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "keep.txt").write_text("already here\n")
    if _mount(folder, "ro,size=1m,mode=0755"):
        try:
            yield folder
        finally:
            _unmount(folder)
        return
    folder.chmod(0o555)
    try:
        yield folder
    finally:
        folder.chmod(0o755)


@contextlib.contextmanager
def small_disk(folder: Path, size_kb: int) -> Iterator[Path]:
    """A tmpfs of `size_kb` mounted at `folder` (writes past it fail with ENOSPC)."""
    folder.mkdir(parents=True, exist_ok=True)
    if not _mount(folder, f"size={size_kb}k,mode=0755"):
        raise OSError(errno.EPERM, "cannot mount a tmpfs here", str(folder))
    try:
        yield folder
    finally:
        _unmount(folder)
