"""Fetch: feeds and pages over HTTP, safely, into `Article`s."""

from __future__ import annotations

import os

from briefing.config import FetchSettings
from briefing.fetch.client import FetchError, Response, Validators, check_url, fetch, is_url
from briefing.fetch.feeds import Feed, FeedItem, parse_feed
from briefing.fetch.stories import Fetcher, load_url_article, stories_from_url

__all__ = [
    "ALLOW_PRIVATE_ENV",
    "Feed",
    "FeedItem",
    "FetchError",
    "Fetcher",
    "Response",
    "Validators",
    "check_url",
    "default_settings",
    "fetch",
    "is_url",
    "load_url_article",
    "parse_feed",
    "stories_from_url",
]

ALLOW_PRIVATE_ENV = "BRIEFING_ALLOW_PRIVATE"
"""Set to 1 to let `make URL` read sources on your own network (the config file's option wins)."""


def default_settings() -> FetchSettings:
    """Settings for `make URL`: the [fetch] table of the user's config when there is one."""
    from dataclasses import replace

    from briefing.config import load_config
    from briefing.paths import config_file

    settings = FetchSettings()
    if config_file().is_file():
        settings = load_config().fetch
    if os.environ.get(ALLOW_PRIVATE_ENV, "").strip().lower() in {"1", "true", "yes"}:
        settings = replace(settings, allow_private=True)
    return settings
