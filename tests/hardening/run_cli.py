"""`briefing` with the tests' fake engine registered: the CLI as a real process for kill tests.

Usage: python tests/hardening/run_cli.py daily --config FILE ...
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/, for conftest

import conftest  # noqa: E402,F401 - registers the `fake` engine, as in the in-process tests

from briefing.cli import main  # noqa: E402

if __name__ == "__main__":
    main()
