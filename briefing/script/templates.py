"""The programme's wording: every phrase the presenter says around the stories.

Defaults are British radio style; `ScriptTemplates.from_mapping` takes the same names from a
config file's table, so a user can change any of them without touching code.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from briefing.errors import ConfigError

DEFAULT_TRANSITIONS = (
    "Next.",
    "In other news.",
    "Also today.",
    "Turning now to another story.",
    "Meanwhile.",
    "Elsewhere.",
)


@dataclass(frozen=True)
class ScriptTemplates:
    """Phrases with {placeholders}; each field's docstring names the placeholders it may use."""

    good_morning: str = "Good morning."
    good_afternoon: str = "Good afternoon."
    good_evening: str = "Good evening."
    date: str = "It's {date}."
    """{date}: "Wednesday, the twenty-fifth of November"; {weekday}: "Wednesday"."""
    one_story: str = "Here is your one story."
    stories: str = "Here are your {count} stories."
    """{count}: the number of stories in words ("five")."""
    no_stories: str = "There are no stories today."
    headline: str = "{headline}."
    headline_with_source: str = "From {source}: {headline}."
    """{source}: the publisher, with "the" where it needs one ("the BBC")."""
    transitions: tuple[str, ...] = DEFAULT_TRANSITIONS
    """Said between stories, varied so no two in a row are the same."""
    last_transition: str = "And finally."
    """Said before the last of three or more stories; empty to use a transition instead."""
    outro: str = "That's your briefing for {weekday}. Thanks for listening."
    afternoon_from_hour: int = 12
    evening_from_hour: int = 18

    @classmethod
    def from_mapping(cls, mapping: Mapping[str, Any]) -> ScriptTemplates:
        """Defaults overridden by `mapping` (a config table); unknown names are an error."""
        known = {f.name: f for f in fields(cls)}
        values: dict[str, Any] = {}
        for key, value in mapping.items():
            if key not in known:
                names = ", ".join(sorted(known))
                raise ConfigError(f"unknown script template {key!r}; known ones are: {names}.")
            values[key] = _checked(key, value, getattr(cls(), key))
        templates = cls(**values)
        if not templates.transitions:
            raise ConfigError("script template 'transitions' needs at least one phrase.")
        return templates

    def greeting(self, hour: int) -> str:
        if hour < self.afternoon_from_hour:
            return self.good_morning
        if hour < self.evening_from_hour:
            return self.good_afternoon
        return self.good_evening


def _checked(key: str, value: Any, default: Any) -> Any:
    if isinstance(default, tuple):
        if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
            return tuple(value)
        raise ConfigError(f"script template {key!r} must be a list of phrases.")
    if isinstance(default, int):
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 24:
            return value
        raise ConfigError(f"script template {key!r} must be an hour from 0 to 24.")
    if isinstance(value, str):
        return value
    raise ConfigError(f"script template {key!r} must be a string.")
