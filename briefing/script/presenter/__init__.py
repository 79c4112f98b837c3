"""The presenter's wording per language, as data: one TOML file per language in this folder
(`de.toml`, `fr.toml`, …) with the names of `ScriptTemplates`' fields; English is the
dataclass's own defaults. A new episode language is a new file, and nothing else changes.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

from briefing.errors import UnsupportedLanguageError
from briefing.languages import ENGLISH, language_code, language_name


@cache
def presenter_languages() -> tuple[str, ...]:
    """The codes an episode may be in: English, then every language with a wording file."""
    files = resources.files(__package__).iterdir()
    codes = sorted(f.name.removesuffix(".toml") for f in files if f.name.endswith(".toml"))
    return (ENGLISH, *codes)


def require_presenter_language(language: str) -> str:
    """`language`'s code when the presenter can speak it ("fr-FR" → "fr"); otherwise an
    `UnsupportedLanguageError` naming it and the languages there are."""
    code = language_code(language)
    if code in presenter_languages():
        return code
    name = language_name(code)
    said = f"{name} ({code})" if name else repr(language)
    known = ", ".join(f"{language_name(c)} ({c})" for c in presenter_languages())
    raise UnsupportedLanguageError(
        f"no presenter lines in {said}: an episode can be in {known}; give --lang one of those."
    )


@cache
def wording(language: str) -> Mapping[str, Any]:
    """The presenter's lines in `language` (a code other than English), as its file says them."""
    code = require_presenter_language(language)
    text = resources.files(__package__).joinpath(f"{code}.toml").read_text(encoding="utf-8")
    return MappingProxyType(tomllib.loads(text))


def episode_language(story_languages: Iterable[str], requested: str | None = None) -> str:
    """The episode's language: `requested` when given (refused in one line when the presenter
    cannot speak it), else the language most stories are in among those the presenter
    speaks (the earlier story's on a tie), else English: a Dutch story is read in Dutch
    inside an English programme rather than left without a presenter."""
    if requested:
        return require_presenter_language(requested)
    counts = Counter(
        code for code in map(language_code, story_languages) if code in presenter_languages()
    )
    if not counts:
        return ENGLISH
    return counts.most_common(1)[0][0]  # most_common keeps first-seen order among ties
