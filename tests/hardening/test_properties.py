"""Property tests: ingest, the normaliser, config and preset loading never raise anything but the
project's own errors, and what they produce carries no markup (targets in `fuzz_targets.py`;
`tests/hardening/fuzz_long.py` runs the same targets for as long as you like)."""

from __future__ import annotations

from typing import Any

import pytest
from hardening.fuzz_targets import TARGETS
from hypothesis import HealthCheck, given, settings

SETTINGS = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_target_keeps_its_promises(name: str) -> None:
    target, strategy = TARGETS[name]

    @SETTINGS
    @given(strategy)
    def run(arguments: tuple[Any, ...]) -> None:
        target(*arguments)

    run()
