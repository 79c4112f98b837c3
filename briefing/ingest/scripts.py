"""Which writing system a text is in, from its letters' Unicode blocks.

Word lists tell Latin-script languages apart; a script alone already names most of the
others: kana is Japanese, Hangul Korean, Han without kana Chinese, Greek Greek. Scripts shared
by several languages (Cyrillic, Arabic, Devanagari) are told apart by word lists after this.
Script names are ISO 15924 codes, as CLDR's likely subtags give them ("sr" → Cyrl).
"""

from __future__ import annotations

import re
from functools import cache

_LETTER = re.compile(r"[^\W\d_]")
_BLOCKS: dict[str, re.Pattern[str]] = {
    script: re.compile(f"[{ranges}]")
    for script, ranges in {
        "Latn": "A-Za-z\u00c0-\u024f\u1e00-\u1eff",
        "Cyrl": "\u0400-\u052f",
        "Grek": "\u0370-\u03ff\u1f00-\u1fff",
        "Arab": "\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff",
        "Hebr": "\u0590-\u05ff",
        "Deva": "\u0900-\u097f",
        "Beng": "\u0980-\u09ff",
        "Guru": "\u0a00-\u0a7f",
        "Gujr": "\u0a80-\u0aff",
        "Taml": "\u0b80-\u0bff",
        "Telu": "\u0c00-\u0c7f",
        "Knda": "\u0c80-\u0cff",
        "Mlym": "\u0d00-\u0d7f",
        "Sinh": "\u0d80-\u0dff",
        "Thai": "\u0e00-\u0e7f",
        "Laoo": "\u0e80-\u0eff",
        "Tibt": "\u0f00-\u0fff",
        "Mymr": "\u1000-\u109f",
        "Geor": "\u10a0-\u10ff",
        "Hang": "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af",
        "Ethi": "\u1200-\u139f",
        "Khmr": "\u1780-\u17ff",
        "Armn": "\u0530-\u058f",
        "Kana": "\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f",
        "Hani": "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff",
    }.items()
}
SCRIPT_LANGUAGES = {
    "Grek": "el", "Hebr": "he", "Beng": "bn", "Guru": "pa", "Gujr": "gu", "Taml": "ta",
    "Telu": "te", "Knda": "kn", "Mlym": "ml", "Sinh": "si", "Thai": "th", "Laoo": "lo",
    "Tibt": "bo", "Mymr": "my", "Geor": "ka", "Hang": "ko", "Ethi": "am", "Khmr": "km",
    "Armn": "hy", "Jpan": "ja", "Hani": "zh", "Cyrl": "ru", "Arab": "ar", "Deva": "hi",
}  # fmt: skip
"""The language a script names on its own; for Cyrillic, Arabic and Devanagari only the
likeliest, which word lists then refine."""
_KANA_SHARE = 0.05
"""Japanese mixes Han with kana (particles, endings: a third of the letters or more);
Chinese has none, bar the odd quoted name."""


def dominant_script(text: str, min_letters: int) -> str | None:
    """The script of most of `text`'s letters ("Latn", "Cyrl", "Jpan", …), or None when it
    has fewer than `min_letters` letters or no script holds most of them."""
    letters = len(_LETTER.findall(text))
    if letters < min_letters:
        return None
    if len(_BLOCKS["Latn"].findall(text)) * 2 > letters:  # nearly every article: one pass
        return "Latn"
    counts = {script: len(block.findall(text)) for script, block in _BLOCKS.items()}
    han, kana = counts.pop("Hani"), counts.pop("Kana")
    counts["Jpan" if kana > _KANA_SHARE * (han + kana) else "Hani"] = han + kana
    script, count = max(counts.items(), key=lambda item: item[1])
    return script if count * 2 > letters else None


@cache
def usual_script(code: str) -> str | None:
    """The script a language is usually written in ("sr" → "Cyrl", "ja" → "Jpan"), from
    CLDR's likely subtags; None for a code CLDR does not know."""
    from babel.core import get_global

    likely = get_global("likely_subtags").get(code.lower())
    if not likely:
        return None
    script = next((part for part in likely.split("_")[1:] if len(part) == 4), None)
    return {"Hans": "Hani", "Hant": "Hani", "Kore": "Hang"}.get(script or "", script)
