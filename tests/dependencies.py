"""What a test does when something `./install.sh --dev` installs is missing: it fails, naming it.

Never a skip: the suite always runs after that install (README, .ci/run), so a skipped test
would only hide an install step that stopped working. (Only ../shared, which no install makes,
is skipped on a clone without it: tests/shared_corpus.py.)
"""

from __future__ import annotations

from typing import NoReturn

import pytest

INSTALL = "./install.sh --dev"


def missing_dependency(reason: str) -> NoReturn:
    """Fail the test in one line: what is missing, and the command that installs it."""
    pytest.fail(f"{reason}; {INSTALL} installs it", pytrace=False)
