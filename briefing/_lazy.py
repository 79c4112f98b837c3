"""Package names imported on first use (PEP 562), so importing a package stays cheap.

`briefing --version` stays fast, the CLI can start engine workers before numpy and the audio
stack load, and a spawned engine worker (which imports its engine's package) loads only that.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, MutableMapping
from typing import Any


def lazy_attributes(
    package: str, table: dict[str, str], namespace: MutableMapping[str, Any]
) -> Callable[[str], Any]:
    """A module `__getattr__` for `package`: `table` maps each public name to the submodule
    that defines it; a name found once becomes an ordinary attribute in `namespace`."""

    def __getattr__(name: str) -> Any:
        module = table.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        namespace[name] = value
        return value

    return __getattr__
