"""The one way tests reach `../shared`, the corpora beside the repository (seeds, eval, pages).

A clone on its own has no `../shared`: a test that needs it is skipped, with a reason naming the
missing folder. Where the corpora must be there, in CI (`CI=true`) or with
`BRIEFING_REQUIRE_SHARED=1`, the same test fails instead, so CI never passes by skipping.

Tests take paths through the `shared` fixture (tests/conftest.py), never at import time, so a
clone collects every test. `BRIEFING_TEST_SHARED=FOLDER` points the tests at another copy of the
corpora (the guard's own tests point it at a folder that does not exist).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEED = "seeds/000_e9c351cb9562af5e.txt"
"""The news article this product was first made for, a real-world input."""

Shared = Callable[[str], Path]
"""The `shared` fixture's type: `shared("real_pages")` is `../shared/real_pages`, or a skip."""


def shared_root() -> Path:
    """Where the corpora are: `../shared` beside the repository unless BRIEFING_TEST_SHARED says."""
    return Path(os.environ.get("BRIEFING_TEST_SHARED") or REPO.parent / "shared")


def required() -> bool:
    """Whether a missing corpus is a failure: in CI, or when BRIEFING_REQUIRE_SHARED=1."""
    ci = os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}
    return ci or os.environ.get("BRIEFING_REQUIRE_SHARED", "").strip() == "1"


def shared_path(relative: str) -> Path:
    """`../shared/<relative>`; if it is absent, skip the test (fail it in CI) saying which."""
    __tracebackhide__ = True  # the skip is reported at the test's line, not at this one
    root = shared_root()
    path = root / relative
    if path.exists():
        return path
    missing, shown = root, "../shared"
    for part in Path(relative).parts:
        if not missing.exists():
            break
        missing, shown = missing / part, f"{shown}/{part}"
    reason = (
        f"needs ../shared/{relative}: {shown} is missing ({missing}); "
        "the shared corpora sit beside the repository"
    )
    if required():
        pytest.fail(f"{reason}; CI runs every corpus test: put ../shared in place", pytrace=False)
    pytest.skip(reason)
