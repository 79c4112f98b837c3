"""The episode's language around the audio: the codes tags want, dates and fixed words.

Tags name a language by ISO 639-2 (ID3's TLAN and COMM, an MP4 track's `mdhd`), HTML and
feeds by BCP 47 ("fr", "pt-BR"). The episode's language is a code (`Script.language`); this
module turns it into each form, and gives the few fixed words of the show notes in it.
English is the default wherever a language has no entry.
"""

from __future__ import annotations

import datetime as dt

from briefing.languages import ENGLISH, language_code

ISO_639_2 = {
    "en": "eng", "de": "deu", "fr": "fra", "es": "spa", "it": "ita", "pt": "por",
    "nl": "nld", "pl": "pol", "cs": "ces", "sk": "slk", "sl": "slv", "hr": "hrv", "sr": "srp",
    "bg": "bul", "ru": "rus", "uk": "ukr", "ro": "ron", "hu": "hun", "el": "ell", "tr": "tur",
    "sv": "swe", "da": "dan", "no": "nor", "nb": "nob", "nn": "nno", "fi": "fin", "et": "est",
    "lv": "lav", "lt": "lit", "is": "isl", "ga": "gle", "cy": "cym", "ca": "cat", "eu": "eus",
    "gl": "glg", "ar": "ara", "he": "heb", "fa": "fas", "hi": "hin", "bn": "ben", "id": "ind",
    "ms": "msa", "vi": "vie", "th": "tha", "zh": "zho", "ja": "jpn", "ko": "kor", "sw": "swa",
}
"""Two-letter code → ISO 639-2/T (the terminology codes: "deu", not the bibliographic "ger")."""

UNDETERMINED = "und"
"""ISO 639-2 for "language not known": better in a tag than a wrong language."""

SHOW_NOTES_WORDS: dict[str, dict[str, str]] = {
    "en": {"stories": "Stories", "transcript": "Transcript", "subtitles": "Subtitles",
           "comment": "Stories: {}", "no_stories": "A spoken news briefing.",
           "intro": "Introduction", "outro": "Close"},
    "de": {"stories": "Die Meldungen", "transcript": "Transkript", "subtitles": "Untertitel",
           "comment": "Die Meldungen: {}", "no_stories": "Nachrichten zum Hören.",
           "intro": "Begrüßung", "outro": "Zum Schluss"},
    "fr": {"stories": "Au sommaire", "transcript": "Transcription", "subtitles": "Sous-titres",
           "comment": "Au sommaire\u00a0: {}", "no_stories": "Un journal d'information parlé.",
           "intro": "Introduction", "outro": "Fin"},
    "es": {"stories": "Las noticias", "transcript": "Transcripción", "subtitles": "Subtítulos",
           "comment": "Las noticias: {}", "no_stories": "Un informativo hablado.",
           "intro": "Introducción", "outro": "Despedida"},
    "it": {"stories": "Le notizie", "transcript": "Trascrizione", "subtitles": "Sottotitoli",
           "comment": "Le notizie: {}", "no_stories": "Un notiziario parlato.",
           "intro": "Introduzione", "outro": "Chiusura"},
    "pt": {"stories": "As notícias", "transcript": "Transcrição", "subtitles": "Legendas",
           "comment": "As notícias: {}", "no_stories": "Um noticiário falado.",
           "intro": "Introdução", "outro": "Encerramento"},
}
"""The fixed words of the show notes, the tags' comment and the chapters (intro, outro), by
language; English where a language has none."""


def iso639_2(language: str | None) -> str:
    """ "fr" or "fr-FR" → "fra"; a language without an entry → "und"."""
    return ISO_639_2.get(language_code(language), UNDETERMINED)


def bcp47(language: str | None) -> str:
    """The tag for HTML's `lang` and a feed's `<language>`: "pt_BR" → "pt-BR", None → "en"."""
    parts = [part for part in (language or "").replace("_", "-").split("-") if part]
    if not parts:
        return ENGLISH
    head, *rest = parts
    return "-".join([head.lower(), *(part.upper() if len(part) == 2 else part for part in rest)])


def show_notes_words(language: str | None) -> dict[str, str]:
    return SHOW_NOTES_WORDS.get(language_code(language), SHOW_NOTES_WORDS[ENGLISH])


def long_date(date: dt.date, language: str | None = ENGLISH) -> str:
    """The date as a listener of the language writes it in full.

    English keeps the form briefing always had ("Wednesday 25 November 2026"); every other
    language takes CLDR's full form from babel ("Mittwoch, 25. November 2026",
    "mercredi 25 novembre 2026"), and a language babel does not know falls back to English.
    """
    code = language_code(language)
    if code != ENGLISH:
        from babel.core import UnknownLocaleError
        from babel.dates import format_date

        try:
            return str(format_date(date, "full", locale=code))
        except (UnknownLocaleError, ValueError):
            pass
    return f"{date:%A} {date.day} {date:%B %Y}"
