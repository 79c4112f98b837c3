"""The user's pronunciations: words every voice should say a given way.

A lexicon comes from the `[pronunciations]` table of the config file (for `make`, `script`
and `daily` alike):

    [pronunciations]
    Nguyen = "win"                              # a respelling, for every voice
    Kyiv = { ipa = "kˈiːv", say = "keev" }      # phonemes for voices that read them (Kokoro),
                                                # the respelling for the others

Entries apply to the text an engine is given, after the script stage has written it for the
ear, so a capitalised key also matches the spelled-out form that stage makes of it ("NHS"
matches "N H S"). A key with capitals matches that case only; an all-lower-case key matches
any case. Longer keys win over shorter ones that overlap them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from briefing.errors import ConfigError

IPA_MARKUP = "[{say}](/{ipa}/)"
"""How phonemes travel inside text to an engine that reads them (Kokoro's own convention):
the word as written, then its IPA between slashes."""
IPA_MARKUP_PATTERN = re.compile(r"\[([^\]]+)\]\(/([^/)]+)/\)")


@dataclass(frozen=True)
class Pronunciation:
    word: str
    say: str
    """The respelling any voice can read (the word itself when only IPA was given)."""
    ipa: str | None = None


@dataclass(frozen=True)
class Lexicon:
    """Pronunciations to apply to spoken text; the empty lexicon changes nothing."""

    entries: tuple[Pronunciation, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.entries)

    def apply(self, text: str, reads_ipa: bool = False) -> str:
        """`text` with every entry's word replaced: by IPA markup for an engine that reads it
        (`reads_ipa`), else by the respelling."""
        if not self.entries:
            return text

        def replace(match: re.Match[str]) -> str:
            entry = self._by_group[match.lastgroup or ""]
            if reads_ipa and entry.ipa:
                return IPA_MARKUP.format(say=match.group(0), ipa=entry.ipa)
            return entry.say

        return self._pattern.sub(replace, text)

    @cached_property
    def _by_group(self) -> dict[str, Pronunciation]:
        return {f"w{index}": entry for index, entry in enumerate(self.entries)}

    @cached_property
    def _pattern(self) -> re.Pattern[str]:
        ordered = sorted(enumerate(self.entries), key=lambda item: -len(item[1].word))
        alternatives = [f"(?P<w{index}>{_word_pattern(entry.word)})" for index, entry in ordered]
        return re.compile("|".join(alternatives))


def _word_pattern(word: str) -> str:
    """A pattern for `word` as a whole word; a capitalised acronym also as spelled letters."""
    forms = [re.escape(word)]
    if word.isalpha() and word.isupper() and 2 <= len(word) <= 6:
        forms.append(r"[ -]".join(re.escape(letter) for letter in word))
    body = "|".join(forms)
    flags = "" if any(char.isupper() for char in word) else "(?i:"
    inner = f"{flags}(?:{body}))" if flags else f"(?:{body})"
    return rf"(?<![\w'’]){inner}(?!\w)"  # a possessive ('s) still matches


def strip_ipa_markup(text: str) -> str:
    """The words of text that carries IPA markup, for engines (and people) that read words."""
    return IPA_MARKUP_PATTERN.sub(lambda match: match.group(1), text)


def parse_lexicon(table: Mapping[str, Any], where: str) -> Lexicon:
    """A lexicon from a `[pronunciations]` table; a bad entry names itself and `where`."""
    entries: list[Pronunciation] = []
    for word, value in table.items():
        if not isinstance(word, str) or not word.strip() or len(word) > 80:
            raise ConfigError(f"{where}: pronunciations key {word!r} is not a word or phrase.")
        if isinstance(value, str) and value.strip():
            entries.append(Pronunciation(word.strip(), value.strip()))
            continue
        if isinstance(value, Mapping):
            unknown = set(value) - {"say", "ipa"}
            say, ipa = value.get("say"), value.get("ipa")
            valid = (
                not unknown
                and (say is None or (isinstance(say, str) and say.strip()))
                and (ipa is None or (isinstance(ipa, str) and ipa.strip() and "/" not in ipa))
                and (say or ipa)
            )
            if valid:
                entries.append(
                    Pronunciation(word.strip(), (say or word).strip(), ipa.strip() if ipa else None)
                )
                continue
        raise ConfigError(
            f"{where}: pronunciations.{word} should be a respelling (\"win\") or a table "
            '{ ipa = "…", say = "…" } with phonemes and/or a respelling.'
        )
    return Lexicon(tuple(entries))
