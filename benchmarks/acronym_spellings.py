"""Acronyms and abbreviations for the ear, per engine: the script stage's spelling or the original?

The script stage (briefing/script/acronyms.py, abbreviations.py) writes acronyms for espeak-ng:
"US" → "U S", "AI" → "A-I", "IAEA" → "I A-EA", "NATO" → "Nato", "Mr" → "Mister". A neural
voice may read the original better. Each sentence below holds one acronym or abbreviation and
is voiced twice by every engine:

- spelled: the sentence as the script stage gives it now (`normalize`);
- original: the same, with that one acronym or abbreviation as written in the article ("US",
  "U.S.", "NATO", "Mr"), everything else normalised alike.

Whisper tiny.en (faster-whisper, CPU int8, offline) transcribes each; the word errors are
counted against the spelled sentence's words, in the normal form of benchmarks/listening.py
(acronym letters joined, numbers as words), so "U S", "U.S." and "US" heard are all right. The
two forms of a sentence differ in one place, so a difference in errors is that acronym's.

    .venv/bin/python benchmarks/acronym_spellings.py                 # every engine that runs
    .venv/bin/python benchmarks/acronym_spellings.py --voices espeak-ng kokoro-us --json

Kokoro is used when its model is installed in BRIEFING_HOME, else installed into a temporary
one (`briefing voices install`).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # `listening` when run from anywhere

import listening  # noqa: E402

from briefing.errors import BriefingError  # noqa: E402
from briefing.script.normalize import normalize  # noqa: E402
from briefing.tts import VoiceSettings, get_engine, unavailable_reason, voice_one  # noqa: E402

VOICES: dict[str, tuple[str, VoiceSettings]] = {
    "espeak-ng": ("espeak-ng", VoiceSettings(rate_wpm=165, language="en-GB")),
    "piper": ("piper", VoiceSettings(rate_wpm=165, language="en-US")),
    "kokoro-us": ("kokoro", VoiceSettings(voice="af_heart", rate_wpm=165, language="en-US")),
    "kokoro-uk": ("kokoro", VoiceSettings(voice="bf_emma", rate_wpm=165, language="en-GB")),
}
"""The voices compared: espeak-ng as the classic preset speaks, Piper's joe (neural), Kokoro's
default American voice and its British one (Kokoro phonemises in the voice's accent)."""

PLACEHOLDER = "Qzx"

SENTENCES: tuple[tuple[str, str, str], ...] = (
    # (kind, written, sentence): one acronym or abbreviation each
    ("letters", "US", "The US economy grew faster than expected in the last quarter."),
    ("letters", "U.S.", "The U.S. economy grew faster than expected in the last quarter."),
    ("letters", "UK", "Ministers in the UK have promised new money for schools."),
    ("letters", "EU", "The EU has agreed a new trade deal with Japan."),
    ("letters", "UN", "The UN says more than a million people need food aid."),
    ("letters", "BBC", "The BBC will broadcast the debate live on Thursday evening."),
    ("letters", "FBI", "The FBI has opened an investigation into the attack."),
    ("letters", "CIA", "A former CIA officer has written a book about the war."),
    ("letters", "NHS", "Waiting times in the NHS have risen again this winter."),
    ("letters", "IMF", "The IMF has cut its forecast for global growth."),
    ("letters", "WHO", "The WHO says the outbreak is now under control."),
    ("letters", "UAE", "Officials in the UAE said the talks would resume next week."),
    ("letters", "CEO", "The company's CEO will step down at the end of the year."),
    ("letters", "GDP", "The country's GDP fell for the second quarter in a row."),
    ("letters", "IAEA", "The IAEA will send inspectors to the plant next month."),
    ("letters", "OECD", "Figures from the OECD show that unemployment is falling."),
    ("letters", "IBM", "Shares in IBM rose sharply after the results were published."),
    ("letters", "AI", "The latest AI models can write computer code."),
    ("letters", "RSPB", "The RSPB says bird numbers are falling across the country."),
    ("letters", "DVLA", "The DVLA has warned drivers about fake websites."),
    ("word", "NATO", "NATO leaders will meet in Brussels next month."),
    ("word", "NASA", "NASA has delayed the launch of its new rocket."),
    ("word", "OPEC", "OPEC has agreed to cut oil production next year."),
    ("word", "UNESCO", "UNESCO has added the old town to its list of world heritage sites."),
    ("word", "FIFA", "FIFA has fined the club for the behaviour of its fans."),
    ("word", "COVID", "COVID cases have fallen for the third week in a row."),
    ("abbreviation", "Mr", "Mr Johnson said the plan would be published in the spring."),
    ("abbreviation", "Dr", "Dr Patel said the results were very encouraging."),
    ("abbreviation", "Prof", "Prof Smith said the findings were clear."),
    ("abbreviation", "Gen.", "Gen. Petraeus told the committee the strategy was working."),
    ("abbreviation", "St", "The service was held at St Paul's Cathedral in London."),
)


@dataclass(frozen=True)
class Item:
    kind: str
    written: str
    spelled: str
    """The sentence as the script stage says it."""
    original: str
    """The same with the acronym as written."""


@dataclass(frozen=True)
class Heard:
    voice: str
    written: str
    form: str
    errors: int
    words: int
    transcript: str


def items() -> list[Item]:
    made = []
    for kind, written, sentence in SENTENCES:
        spelled = normalize(sentence)
        marked = normalize(sentence.replace(written, PLACEHOLDER, 1))
        if PLACEHOLDER not in marked:
            raise SystemExit(f"acronym_spellings.py: cannot place {written!r} in {sentence!r}")
        made.append(Item(kind, written, spelled, marked.replace(PLACEHOLDER, written, 1)))
    return made


def run_voice(label: str, engine_name: str, settings: VoiceSettings, chosen: list[Item],
              folder: Path) -> list[Heard]:
    engine = get_engine(engine_name)
    heard = []
    try:
        for index, item in enumerate(chosen):
            for form, text in (("spelled", item.spelled), ("original", item.original)):
                wav = folder / f"{label}-{index}-{form}.wav"
                voice_one(text, wav, engine, settings)
                transcript = listening.transcribe(wav)
                errors = listening.word_errors(item.spelled, transcript)
                heard.append(Heard(label, item.written, form, errors.errors,
                                   errors.reference_words, transcript))
    finally:
        engine.close()
    return heard


def why_not(engine_name: str, settings: VoiceSettings) -> str | None:
    try:
        engine = get_engine(engine_name)
    except BriefingError as error:
        return error.message
    try:
        return unavailable_reason(engine, settings)
    finally:
        engine.close()


def summary_table(results: Sequence[Heard], chosen: Sequence[Item], voices: Sequence[str]) -> str:
    kinds = ("letters", "word", "abbreviation")
    kind_of = {item.written: item.kind for item in chosen}
    lines = ["| voice | form | WER all | WER letters | WER words | WER abbreviations "
             "| sentences better | worse |",
             "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for voice in voices:
        mine = [h for h in results if h.voice == voice]
        by = {(h.written, h.form): h for h in mine}
        for form, other in (("spelled", "original"), ("original", "spelled")):
            cells = [_wer([h for h in mine if h.form == form])]
            for kind in kinds:
                cells.append(_wer([h for h in mine if h.form == form
                                   and kind_of[h.written] == kind]))
            better = sum(by[(i.written, form)].errors < by[(i.written, other)].errors
                         for i in chosen)
            worse = sum(by[(i.written, form)].errors > by[(i.written, other)].errors
                        for i in chosen)
            lines.append(f"| {voice} | {form} | " + " | ".join(cells)
                         + f" | {better} | {worse} |")
    return "\n".join(lines)


def item_table(results: Sequence[Heard], chosen: Sequence[Item], voices: Sequence[str]) -> str:
    by = {(h.voice, h.written, h.form): h for h in results}
    head = ["written", "script says", *voices]
    lines = ["| " + " | ".join(head) + " |", "| --- | --- |" + " :---: |" * len(voices)]
    for item in chosen:
        said = _difference(item.spelled, item.original)
        cells = [f"`{item.written}`", said]
        for voice in voices:
            spelled, original = by[(voice, item.written, "spelled")], by[(voice, item.written,
                                                                           "original")]
            mark = ("spelled" if spelled.errors < original.errors else "original"
                    if original.errors < spelled.errors else "=")
            cells.append(f"{spelled.errors} / {original.errors} {mark}")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _difference(spelled: str, original: str) -> str:
    """The words of the spelled sentence that differ from the original's."""
    said, written = spelled.split(), original.split()
    start = 0
    while start < min(len(said), len(written)) and said[start] == written[start]:
        start += 1
    end = 0
    while end < min(len(said), len(written)) - start and said[-1 - end] == written[-1 - end]:
        end += 1
    return f"“{' '.join(said[start : len(said) - end])}”"


def _wer(heard: Sequence[Heard]) -> str:
    words = sum(h.words for h in heard)
    return f"{100 * sum(h.errors for h in heard) / words:.1f}%" if words else ""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--voices", nargs="+", choices=list(VOICES), default=list(VOICES))
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    chosen = items()
    results: list[Heard] = []
    skipped: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="briefing-acronyms-") as tmp:
        folder = Path(tmp)
        for label in args.voices:
            engine_name, settings = VOICES[label]
            reason = why_not(engine_name, settings)
            if reason and engine_name == "kokoro":
                home = folder / "home"
                failed = listening.install_natural_voice(home)
                if not failed:
                    os.environ["BRIEFING_HOME"] = str(home)
                reason = failed or why_not(engine_name, settings)
            if reason:
                skipped[label] = reason
                print(f"… {label}: skipped ({reason})", file=sys.stderr)
                continue
            results += run_voice(label, engine_name, settings, chosen, folder)
            print(f"… {label}: done", file=sys.stderr)
    voices = [v for v in args.voices if v not in skipped]
    took = time.perf_counter() - started
    if args.json:
        print(json.dumps({"seconds": round(took, 1), "skipped": skipped,
                          "items": [asdict(i) for i in chosen],
                          "results": [asdict(r) for r in results]}, indent=2, ensure_ascii=False))
        return 0
    print(f"{len(chosen)} sentences, each voiced in two forms by {len(voices)} voices and "
          "transcribed by Whisper tiny.en; word errors against the spelled sentence (numbers "
          f"as words, acronym letters joined, case and punctuation dropped). {took:.0f} s.\n")
    print(summary_table(results, chosen, voices))
    print("\nWord errors per sentence, spelled / original, and which form was heard better:\n")
    print(item_table(results, chosen, voices))
    for label, reason in skipped.items():
        print(f"\nSkipped {label}: {reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
