"""Synthesis speed of each language's voices on this machine: the shipped one and the others.

    .venv/bin/python benchmarks/language_voices.py [--json]

For each language (de, fr, es, it, pt) and each engine that speaks it (Kokoro where it has a
voice, needing `briefing voices install`; SVOX Pico through nanotts; espeak-ng), a worker is
started and warmed with one sentence, then voices the same four news sentences one by one.
Prints the seconds of speech, the wall time per second of speech (warm) and the CPU time per
second of speech of the engine's processes (start-up included), which is the figure to trust
on a busy machine.
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
import wave
from pathlib import Path

from briefing.tts import VoiceSettings, get_engine
from briefing.tts.kokoro_files import missing_reason
from briefing.tts.synthesize import voice_one

SENTENCES = {
    "de": ["Die Bundesregierung hat am Montag neue Maßnahmen für die Wirtschaft angekündigt.",
           "Der Bahnverkehr zwischen Berlin und München war wegen eines Unwetters unterbrochen.",
           "Die Stadt will bis zum Ende des Jahres zweihundert neue Wohnungen bauen.",
           "Nach Angaben der Polizei wurde bei dem Unfall niemand schwer verletzt."],
    "fr": ["Le gouvernement a annoncé lundi de nouvelles mesures pour l'économie.",
           "La circulation des trains entre Paris et Lyon a été interrompue par un orage.",
           "La ville veut construire deux cents nouveaux logements d'ici la fin de l'année.",
           "Selon la police, personne n'a été grièvement blessé dans l'accident."],
    "es": ["El gobierno anunció el lunes nuevas medidas para la economía.",
           "El tráfico de trenes entre Madrid y Barcelona se interrumpió por una tormenta.",
           "La ciudad quiere construir doscientas viviendas nuevas antes de fin de año.",
           "Según la policía, nadie resultó herido de gravedad en el accidente."],
    "it": ["Il governo ha annunciato lunedì nuove misure per l'economia.",
           "Il traffico ferroviario tra Roma e Milano è stato interrotto da un temporale.",
           "La città vuole costruire duecento nuovi alloggi entro la fine dell'anno.",
           "Secondo la polizia, nessuno è rimasto ferito gravemente nell'incidente."],
    "pt": ["O governo anunciou na segunda-feira novas medidas para a economia.",
           "O tráfego de trens entre São Paulo e Rio foi interrompido por uma tempestade.",
           "A cidade quer construir duzentas novas moradias até o fim do ano.",
           "Segundo a polícia, ninguém ficou gravemente ferido no acidente."],
}
VOICES = {
    "de": [("nanotts", "de-DE"), ("espeak-ng", None)],
    "fr": [("kokoro", "ff_siwis"), ("nanotts", "fr-FR"), ("espeak-ng", None)],
    "es": [("kokoro", "ef_dora"), ("nanotts", "es-ES"), ("espeak-ng", None)],
    "it": [("kokoro", "if_sara"), ("nanotts", "it-IT"), ("espeak-ng", None)],
    "pt": [("kokoro", "pf_dora"), ("espeak-ng", None)],
}
"""(engine, voice) per language, the shipped preset's first."""
LOCALES = {"de": "de-DE", "fr": "fr-FR", "es": "es-ES", "it": "it-IT", "pt": "pt-BR"}


def children_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def seconds_of(path: Path) -> float:
    with wave.open(str(path), "rb") as wav:
        return wav.getnframes() / wav.getframerate()


def measure(language: str, engine_name: str, voice: str | None, folder: Path) -> dict[str, object]:
    """One engine's run over the language's sentences, its worker started and warmed first."""
    settings = VoiceSettings(voice=voice, rate_wpm=170 if engine_name != "nanotts" else 130,
                             language=LOCALES[language])
    cpu_before = children_cpu_s()
    engine = get_engine(engine_name)
    try:
        voice_one("Guten Morgen." if language == "de" else SENTENCES[language][0][:40],
                  folder / "warm.wav", engine, settings)
        spoken = 0.0
        started = time.perf_counter()
        for index, sentence in enumerate(SENTENCES[language]):
            spoken += voice_one(sentence, folder / f"{index}.wav", engine, settings)
        wall = time.perf_counter() - started
    finally:
        engine.close()  # its worker is reaped, so its CPU time is counted
    cpu = children_cpu_s() - cpu_before
    return {"language": language, "engine": engine_name, "voice": voice or LOCALES[language],
            "speech_s": round(spoken, 1), "wall_per_speech_s": round(wall / spoken, 3),
            "cpu_per_speech_s": round(cpu / spoken, 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print JSON lines instead")
    args = parser.parse_args()
    kokoro_missing = missing_reason()
    rows = []
    with tempfile.TemporaryDirectory(prefix="briefing-voices-") as folder:
        for language, voices in VOICES.items():
            for engine_name, voice in voices:
                if engine_name == "kokoro" and kokoro_missing:
                    continue
                rows.append(measure(language, engine_name, voice, Path(folder)))
    if args.json:
        for row in rows:
            print(json.dumps(row))
        return
    if kokoro_missing:
        print(f"(kokoro left out: {kokoro_missing})")
    print("| language | engine | voice | speech s | wall s / speech s (warm) | "
          "CPU s / speech s (with start-up) |")
    print("| --- | --- | --- | ---: | ---: | ---: |")
    for row in rows:
        print(f"| {row['language']} | {row['engine']} | {row['voice']} | {row['speech_s']} | "
              f"{row['wall_per_speech_s']} | {row['cpu_per_speech_s']} |")


if __name__ == "__main__":
    main()
