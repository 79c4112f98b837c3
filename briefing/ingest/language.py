"""What language is a story in? The page's declaration, checked against the text itself.

Pages declare a language (`<html lang>`, og:locale, JSON-LD inLanguage, a feed's
`<language>`), but often a template's: a German story under `lang="en"`. So the text is
judged too, by its script (kana is Japanese, Hangul Korean, `briefing.ingest.scripts`) and by
the share of common function words ("the", "and", "der", "und") from jusText's stop-word
lists (a trafilatura dependency): a language's own news has 30% or more of its list's words,
another language's well under 15%. The declaration wins unless the text is clearly in
another language.
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from briefing.ingest.scripts import SCRIPT_LANGUAGES, dominant_script, usual_script
from briefing.languages import ENGLISH, language_code

MIN_WORDS = 20
"""Shorter texts are too small to judge: the declaration stands, or English."""
MIN_LETTERS = 40
"""A text in another script needs this many letters to be judged by its script."""
ENGLISH_FLOOR = 0.15
"""At or above this share of English function words a text is English (English news: ≥ 0.30;
other languages well under)."""
LIST_FLOOR = 0.2
"""A language's list must cover this share of the words, and twice English's, to name it."""
_SAMPLE_WORDS = 2000
_WORD = re.compile(
    r"(?:[^\W\d_]|[\u0300-\u036f\u0591-\u05c7\u064b-\u065f\u0670\u0900-\u0dff\u0e00-\u0eff])+"
)
"""Letters, and the vowel signs and points Indic, Thai, Arabic and Hebrew words carry within."""
_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
LISTS: dict[str, dict[str, str]] = {
    "Latn": {
        "English": "en", "German": "de", "French": "fr", "Spanish": "es", "Italian": "it",
        "Portuguese": "pt", "Dutch": "nl", "Polish": "pl", "Swedish": "sv", "Danish": "da",
        "Norwegian_Bokmal": "nb", "Finnish": "fi", "Czech": "cs", "Hungarian": "hu",
        "Romanian": "ro", "Turkish": "tr", "Indonesian": "id", "Croatian": "hr", "Slovak": "sk",
        "Catalan": "ca", "Welsh": "cy", "Estonian": "et", "Latvian": "lv", "Lithuanian": "lt",
        "Slovenian": "sl", "Icelandic": "is", "Afrikaans": "af", "Vietnamese": "vi",
        "Tagalog": "tl", "Swahili": "sw", "Albanian": "sq", "Basque": "eu",
    },
    "Cyrl": {
        "Russian": "ru", "Ukrainian": "uk", "Bulgarian": "bg", "Serbian": "sr",
        "Macedonian": "mk", "Belarusian": "be", "Kazakh": "kk", "Kyrgyz": "ky",
    },
    "Arab": {"Arabic": "ar", "Persian": "fa", "Urdu": "ur"},
    "Deva": {"Hindi": "hi", "Marathi": "mr", "Nepali": "ne"},
}  # fmt: skip
"""jusText's lists by script, each with its language's ISO 639-1 code. Lists it has for
other languages share too many short words with these to tell them apart."""
_LIST_OF = {code: name for lists in LISTS.values() for name, code in lists.items()}


def normalise_locale(value: str | None) -> str | None:
    """A declared locale as a BCP 47 tag ("fr_FR" → "fr-FR", "EN-us" → "en-US"); None for
    an empty or malformed one ("{{lang}}", "x-default")."""
    tag = (value or "").strip().replace("_", "-")
    if not _TAG.fullmatch(tag):
        return None
    language, *rest = tag.split("-")
    parts = [language.lower()]
    parts += [p.upper() if len(p) == 2 else p.title() if len(p) == 4 else p for p in rest]
    return "-".join(parts)


def detect_language(text: str) -> str | None:
    """The code of the language `text` is clearly in ("en", "de", "ja"), or None when it is
    too short or unclear."""
    return _Sample(text).language


def story_locale(text: str, declared: str | None) -> str | None:
    """The story's locale: `declared` (normalised), unless the text is clearly in another
    language, then that language's code; None (English) when neither says."""
    return _choose(_Sample(text), declared)


def screen_language(text: str, declared: str | None, origin: str) -> str | None:
    """`story_locale`, refusing in one line naming `origin` and the language a story
    briefing cannot read (`briefing.ingest.supported`)."""
    from briefing.ingest.supported import refuse_unsupported

    sample = _Sample(text)
    locale = _choose(sample, declared)
    refuse_unsupported(locale, origin, detected=sample.language == language_code(locale))
    return locale


def _choose(sample: _Sample, declared: str | None) -> str | None:
    declared = normalise_locale(declared)
    if declared and not _known(language_code(declared)):
        declared = None  # "xx", "zz-ZZ": a template's placeholder, not a language
    detected = sample.language
    if declared is None or detected is None:
        return declared if declared else None if detected in (None, ENGLISH) else detected
    code = language_code(declared)
    if detected == code or not sample.contradicts(code):
        return declared
    return None if detected == ENGLISH else detected


def _known(code: str) -> bool:
    from briefing.languages import language_name

    return code == ENGLISH or language_name(code) is not None


@dataclass
class _Sample:
    """The first words of a text, judged lazily: English news needs one list read."""

    text: str
    script: str | None = field(init=False)

    def __post_init__(self) -> None:
        self.text = self.text[: _SAMPLE_WORDS * 12]
        self.script = dominant_script(self.text, MIN_LETTERS)

    @cached_property
    def words(self) -> list[str]:
        return [w.lower() for w in _WORD.findall(self.text)][:_SAMPLE_WORDS]

    @cached_property
    def language(self) -> str | None:
        if self.script is None:
            return None
        if self.script != "Latn":
            return self._best_listed(self.script) or SCRIPT_LANGUAGES.get(self.script)
        if len(self.words) < MIN_WORDS:
            return None
        if self.share(ENGLISH) >= ENGLISH_FLOOR:  # nearly every article: one list read
            return ENGLISH
        return self._best_listed("Latn")

    def _best_listed(self, script: str) -> str | None:
        codes = [c for c in LISTS.get(script, {}).values() if c != ENGLISH]
        if not codes or len(self.words) < MIN_WORDS // 2:
            return None
        best = max(codes, key=self.share)
        floor = max(LIST_FLOOR, 2 * self.share(ENGLISH)) if script == "Latn" else LIST_FLOOR / 2
        return best if self.share(best) >= floor else None

    def share(self, code: str) -> float:
        """The share of the words in the function-word list of language `code` (0 without one)."""
        name = _LIST_OF.get(code)
        if name is None or not self.words:
            return 0.0
        listed = _stoplist(name)
        return sum(word in listed for word in self.words) / len(self.words)

    def contradicts(self, code: str) -> bool:
        """Is the text clearly not in language `code`? Another script says so; in the same
        script, a list that covers less than half what the detected language's covers."""
        if usual_script(code) not in (self.script, None):
            return True
        detected = self.language
        if detected is None or _LIST_OF.get(code) is None:
            return False  # a language without a list is given the benefit of the doubt
        return self.share(code) * 2 < self.share(detected)


@cache
def _stoplist(name: str) -> frozenset[str]:
    """jusText's list for `name`, read from its package folder without importing jusText.

    Importing it loads lxml (20 to 40 ms), which a plain-text article never needs; the lists
    are plain files of one word a line, which `justext.get_stoplist` reads the same way.
    """
    spec = importlib.util.find_spec("justext")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / "stoplists" / f"{name}.txt"
        if path.is_file():
            return frozenset(line.lower() for line in path.read_text("utf-8").splitlines())
    import justext  # an unusual install (a zip, say): let jusText find its own files

    return frozenset(justext.get_stoplist(name))
