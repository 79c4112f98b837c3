"""Where the user's files live: one place, so every stage agrees.

`BRIEFING_HOME` moves everything to `$BRIEFING_HOME/{config.toml,cache,state}` (tests and
portable installs); otherwise the platform's folders from platformdirs are used.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "briefing"
HOME_ENV = "BRIEFING_HOME"


def _home() -> Path | None:
    value = os.environ.get(HOME_ENV, "").strip()
    return Path(value).expanduser() if value else None


def config_dir() -> Path:
    home = _home()
    if home is not None:
        return home
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME))


def config_file() -> Path:
    """The default configuration file read by `briefing daily` and written by `briefing init`."""
    return config_dir() / "config.toml"


def cache_dir() -> Path:
    """Disposable files (voiced segments, fetched pages): safe to delete at any time."""
    home = _home()
    if home is not None:
        return home / "cache"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME))


def state_dir() -> Path:
    """Files that must survive between runs: stories already voiced, HTTP validators."""
    home = _home()
    if home is not None:
        return home / "state"
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME))
