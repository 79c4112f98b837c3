"""A long fuzz session of the property tests' targets (outside the normal test run).

    .venv/bin/python tests/hardening/fuzz_long.py --minutes 10

Runs ingest, the normaliser, config loading and preset loading in turns of `--slice` seconds
each with hypothesis (generation only, no example database) until the time is up, and prints
a table: inputs tried, crashes (anything but the project's own errors, or a broken promise),
inputs slower than `--slow` seconds, and the slowest input. A crash is printed with its input
(repr, cut to 300 characters); the exit code is 1 when there were any.
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/, for `hardening`

import contextlib

from hardening.fuzz_targets import TARGETS  # noqa: E402
from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402

HANG_S = 30
"""An input that takes longer than this counts as a crash (a hang)."""


class _TimeUp(Exception):
    pass


class _Hang(Exception):
    pass


@dataclass
class Tally:
    inputs: int = 0
    slow: int = 0
    slowest_s: float = 0.0
    crashes: Counter[str] = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)


def _alarm(_signum: int, _frame: FrameType | None) -> None:
    raise _Hang(f"no answer within {HANG_S} s")


def run_slice(name: str, seconds: float, tally: Tally, slow_s: float) -> None:
    target, strategy = TARGETS[name]
    stop = time.monotonic() + seconds

    @settings(
        max_examples=10**9,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def fuzz(arguments: tuple[Any, ...]) -> None:
        if time.monotonic() > stop:
            raise _TimeUp
        tally.inputs += 1
        started = time.monotonic()
        signal.alarm(HANG_S)
        try:
            target(*arguments)
        except (_TimeUp, KeyboardInterrupt):
            raise
        except BaseException as error:  # noqa: BLE001 - every escape is a finding
            last = traceback.extract_tb(error.__traceback__)[-1]
            key = f"{type(error).__name__} at {Path(last.filename).name}:{last.lineno}"
            tally.crashes[key] += 1
            tally.examples.setdefault(key, f"{error!s:.200} ← {arguments!r:.300}")
        finally:
            signal.alarm(0)
        took = time.monotonic() - started
        tally.slowest_s = max(tally.slowest_s, took)
        if took > slow_s:
            tally.slow += 1

    with contextlib.suppress(_TimeUp):
        fuzz()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--slice", type=float, default=30.0, help="seconds per turn")
    parser.add_argument("--slow", type=float, default=1.0, help="report inputs slower than this")
    parser.add_argument("--targets", nargs="*", default=sorted(TARGETS), choices=sorted(TARGETS))
    options = parser.parse_args()
    signal.signal(signal.SIGALRM, _alarm)
    tallies = {name: Tally() for name in options.targets}
    started = time.monotonic()
    end = started + options.minutes * 60
    while time.monotonic() < end:
        for name in options.targets:
            left = end - time.monotonic()
            if left <= 0:
                break
            run_slice(name, min(options.slice, left), tallies[name], options.slow)
    minutes = (time.monotonic() - started) / 60
    print(f"fuzzed for {minutes:.1f} min")
    print(f"{'target':<12} {'inputs':>9} {'crashes':>8} {'slow':>6} {'slowest s':>10}")
    for name, tally in tallies.items():
        crashes = sum(tally.crashes.values())
        print(
            f"{name:<12} {tally.inputs:>9} {crashes:>8} {tally.slow:>6} {tally.slowest_s:>10.2f}"
        )
    total_inputs = sum(t.inputs for t in tallies.values())
    total_crashes = sum(sum(t.crashes.values()) for t in tallies.values())
    print(f"{'total':<12} {total_inputs:>9} {total_crashes:>8}")
    for name, tally in tallies.items():
        for key, count in tally.crashes.items():
            print(f"\n{name}: {key} ×{count}\n  {tally.examples[key]}")
    return 1 if total_crashes else 0


if __name__ == "__main__":
    raise SystemExit(main())
