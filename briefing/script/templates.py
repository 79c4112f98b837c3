"""The programme's wording: every phrase the presenter says around the stories.

Defaults are British radio style English; `ScriptTemplates.for_language("fr")` is the wording
of another episode language, from its file in `briefing/script/presenter/`.
`ScriptTemplates.from_mapping` takes the same names from a config file's [script] table (for
English) and its per-language tables ([script.fr]), so a user can change any of them without
touching code.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

from briefing.errors import ConfigError, UnsupportedLanguageError
from briefing.languages import ENGLISH
from briefing.script.presenter import require_presenter_language, wording

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
    """Phrases with {placeholders}; each field's docstring names the placeholders it may use.

    Digits may be written: every line is said through the normaliser of its language.
    """

    good_morning: str = "Good morning."
    good_afternoon: str = "Good afternoon."
    good_evening: str = "Good evening."
    date: str = "It's {date}."
    """{date}: "Wednesday, the twenty-fifth of November" (in another language its own written
    form without the year, "lundi 7 décembre"); {weekday}: "Wednesday"; {day_month}: the day
    and month as the language writes them ("7. Dezember")."""
    one_story: str = "Here is your one story."
    stories: str = "Here are your {count} stories."
    """{count}: the number of stories ("5"), said in words with the noun's gender."""
    no_stories: str = "There are no stories today."
    headline: str = "{headline}."
    headline_with_source: str = "From {source}: {headline}."
    """{source}: the publisher, with "the" where it needs one in English ("the BBC")."""
    in_language: str = "In {language}."
    """Before a story in another language than the episode's: {language} is its name in the
    episode's language ("French", "Französisch"); the headline follows, in the story's own."""
    in_language_with_source: str = "From {source}, in {language}."
    """The same for a story with a publisher: {source} as in `headline_with_source`."""
    transitions: tuple[str, ...] = DEFAULT_TRANSITIONS
    """Said between stories, varied so no two in a row are the same."""
    last_transition: str = "And finally."
    """Said before the last of three or more stories; empty to use a transition instead."""
    outro: str = "That's your briefing for {weekday}. Thanks for listening."
    afternoon_from_hour: int = 12
    evening_from_hour: int = 18
    language: str = field(default=ENGLISH, metadata={"wording": False})
    """The language these lines are in (a code); set by `for_language`, not by a config."""
    other_languages: tuple[ScriptTemplates, ...] = field(default=(), metadata={"wording": False})
    """A user's wording for other episode languages ([script.fr]), picked by `for_episode`."""

    @classmethod
    def for_language(cls, language: str) -> ScriptTemplates:
        """The presenter's wording in `language` ("de", "fr-FR"); an
        `UnsupportedLanguageError` names a language with no wording file."""
        code = require_presenter_language(language)
        if code == ENGLISH:
            return cls()
        return _overridden(cls(language=code), wording(code), f"the {code} presenter file")

    @classmethod
    def from_mapping(cls, mapping: Mapping[str, Any]) -> ScriptTemplates:
        """English defaults overridden by `mapping` (a config's [script] table); a table under
        a language's code ([script.fr]) overrides that language's wording. Unknown names are
        an error."""
        lines = {k: v for k, v in mapping.items() if not isinstance(v, Mapping)}
        tables = {k: v for k, v in mapping.items() if isinstance(v, Mapping)}
        others: list[ScriptTemplates] = []
        for key, table in tables.items():
            try:
                code = require_presenter_language(key)
            except UnsupportedLanguageError as error:
                raise ConfigError(f"script table {key!r}: {error.message}") from None
            if code == ENGLISH and key == code:
                lines.update(table)
            elif code != key:
                raise ConfigError(f"script table {key!r}: name it by its language code, {code!r}.")
            else:
                base = cls.for_language(code)
                others.append(_overridden(base, table, f"the [script.{code}] table"))
        templates = _overridden(cls(), lines, "")
        return replace(templates, other_languages=tuple(others))

    def for_episode(self, language: str) -> ScriptTemplates:
        """The wording for an episode in `language`: these lines when they are in it, else the
        user's table for it, else the language's own file."""
        code = require_presenter_language(language)
        if code == self.language:
            return self
        for other in self.other_languages:
            if other.language == code:
                return other
        return ScriptTemplates.for_language(code)

    def greeting(self, hour: int) -> str:
        if hour < self.afternoon_from_hour:
            return self.good_morning
        if hour < self.evening_from_hour:
            return self.good_afternoon
        return self.good_evening


def wording_names() -> tuple[str, ...]:
    """The fields a config or a language's file may set."""
    return tuple(f.name for f in fields(ScriptTemplates) if f.metadata.get("wording", True))


def _overridden(base: ScriptTemplates, mapping: Mapping[str, Any], where: str) -> ScriptTemplates:
    known = wording_names()
    values: dict[str, Any] = {}
    within = f" in {where}" if where else ""
    for key, value in mapping.items():
        if key not in known:
            names = ", ".join(sorted(known))
            raise ConfigError(f"unknown script template {key!r}{within}; known ones are: {names}.")
        values[key] = _checked(key, value, getattr(base, key))
    templates = replace(base, **values)
    if not templates.transitions:
        raise ConfigError(f"script template 'transitions'{within} needs at least one phrase.")
    return templates


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
