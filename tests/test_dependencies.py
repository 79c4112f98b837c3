"""A missing engine or test tool fails its test, naming the install step; it is never skipped."""

from __future__ import annotations

import pytest
from dependencies import missing_dependency


def test_a_missing_dependency_fails_and_names_the_install_step() -> None:
    with pytest.raises(pytest.fail.Exception, match=r"^no kokoro; \./install\.sh --dev installs"):
        missing_dependency("no kokoro")
