"""The corpora the benchmarks read by default: `../shared`, beside the repository.

A clone on its own has none; a benchmark given a missing file or folder stops with one line
saying which and what to do, rather than a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seeds" / "000_e9c351cb9562af5e.txt"
EVAL = SHARED / "eval"
REAL_PAGES = SHARED / "real_pages"


def require(*paths: Path, option: str = "") -> None:
    """Exit with one line (status 1) naming the first of `paths` that does not exist.

    `option` is the command-line option that gives the benchmark other files, if it has one.
    """
    for path in paths:
        if path.exists():
            continue
        script = f"benchmarks/{Path(sys.argv[0]).name}"
        if not path.resolve().is_relative_to(SHARED.resolve()):
            raise SystemExit(f"{script}: {path} is missing; check the path.")
        relative = path.resolve().relative_to(SHARED.resolve())
        instead = f", or pass {option}" if option else ""
        raise SystemExit(
            f"{script}: needs ../shared/{relative}, the corpora beside the repository, and "
            f"{path.resolve()} is missing; put ../shared in place{instead}."
        )
