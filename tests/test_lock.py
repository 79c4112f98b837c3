"""uv.lock pins every install; it must say the same as pyproject.toml, or installs drift."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def _uv() -> str:
    found = shutil.which("uv", path=str(Path(sys.executable).parent)) or shutil.which("uv")
    if found is None:
        pytest.fail("uv is not installed; run ./install.sh --dev (it is a dev dependency)")
    return found


def _check(project: Path) -> subprocess.CompletedProcess[str]:
    """`uv lock --check` offline: compares the lock with pyproject.toml, asks no registry."""
    return subprocess.run(
        [_uv(), "lock", "--check", "--offline", "--directory", str(project)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def _copy_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    for name in ("pyproject.toml", "uv.lock", "README.md"):
        shutil.copy(REPO / name, project / name)
    (project / "briefing").mkdir()
    return project


def test_the_lock_agrees_with_pyproject(tmp_path: Path) -> None:
    result = _check(_copy_project(tmp_path))
    assert result.returncode == 0, result.stderr


def test_a_dependency_added_without_relocking_is_caught(tmp_path: Path) -> None:
    project = _copy_project(tmp_path)
    pyproject = project / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    pyproject.write_text(
        text.replace('dependencies = [\n', 'dependencies = [\n    "six>=1.16",\n', 1),
        encoding="utf-8",
    )
    result = _check(project)
    assert result.returncode != 0, result.stdout + result.stderr


def test_every_install_in_install_sh_comes_from_the_lock() -> None:
    """The README's two commands run install.sh; it may install packages only by `uv sync
    --frozen` (uv itself, pinned, is the one exception: it is what reads the lock)."""
    script = (REPO / "install.sh").read_text(encoding="utf-8")
    syncs = [line for line in script.splitlines() if '"$uv" sync' in line]
    assert syncs and all("--frozen" in line for line in syncs)
    pip_installs = [line for line in script.splitlines() if "pip install" in line]
    assert pip_installs and all('"uv==$UV_VERSION"' in line for line in pip_installs)
