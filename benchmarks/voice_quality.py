"""How natural and how intelligible each voice preset is, on whole episodes of real news.

For every preset in `voices/` (those that cannot run here are listed with the reason and
skipped), one episode is made from the same `--stories` articles of ../shared/eval (BBC dev
file by default, a fixed sample), `--sentences` sentences each:

1. the script is voiced with `voice_script` into an empty segment cache, timed: synthesis ×
   real time is that wall time (engine start-up included, `--workers` cores) ÷ the seconds of
   speech voiced;
2. `make_briefing` then makes the episode (MP3, mastered, as `briefing make` does) from that
   cache, so the audio scored is exactly what a listener gets;
3. naturalness: DNSMOS P.835 (speechmos) OVRL and SIG, on the episode at 16 kHz mono,
   peak-normalised, scored as `speechmos.dnsmos.run` scores a whole clip (9.01-second
   windows every second, averaged);
4. intelligibility: Whisper tiny.en (faster-whisper, CPU int8, offline) transcribes the
   episode, one segment at a time (cut in the middle of the pauses between them, from the
   episode's timeline); WER against the script the engines were given, both sides in one
   normal form (numbers as words, acronym letters joined, case and punctuation dropped:
   benchmarks/listening.py).

    .venv/bin/python benchmarks/voice_quality.py                  # table
    .venv/bin/python benchmarks/voice_quality.py --json
    .venv/bin/python benchmarks/voice_quality.py --stories 5 --presets default neural

The first preset measured, `classic` (espeak-ng through pyttsx3, the voice before the natural
one), is the baseline: the table gives each preset's DNSMOS and WER beside it. DNSMOS was
trained on people's recordings: it rates synthetic speech by how much it sounds like clean
human speech, which is the question here.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sys
import tempfile
import time
import wave
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # `listening` when run from anywhere

import listening  # noqa: E402

from briefing.clock import fixed_clock  # noqa: E402
from briefing.errors import BriefingError  # noqa: E402
from briefing.models import Length, SegmentKind  # noqa: E402
from briefing.tts import (  # noqa: E402
    SegmentCache,
    VoicePreset,
    get_engine,
    load_preset,
    preset_paths,
    unavailable_reason,
    voice_script,
)

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEFAULT_DATA = SHARED / "eval" / "bbc_dev.jsonl"
MOMENT = dt.datetime(2026, 11, 25, 7, 0, tzinfo=dt.UTC)
SEED = 20261125
BASELINES = ("classic", "default")
"""The baseline is the first of these presets there is: espeak-ng through pyttsx3, the voice
briefing had before the natural one ("default" before Kokoro became the default)."""


@dataclass(frozen=True)
class Row:
    preset: str
    engine: str
    dnsmos_ovrl: float
    dnsmos_sig: float
    dnsmos_bak: float
    wer: float
    synthesis_rtf: float
    speech_s: float
    words: int
    errors: int
    fallbacks: int
    windows: int
    script: str
    transcript: str


def pick_stories(data: Path, count: int, folder: Path) -> list[tuple[str, Path]]:
    """`count` articles of `data`, a fixed random sample, each written to a .txt file."""
    records = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines()
               if line.strip()]
    chosen = sorted(random.Random(SEED).sample(records, count), key=lambda r: r["id"])
    paths = []
    for record in chosen:
        path = folder / f"{record['id']}.txt"
        path.write_text(record["article"], encoding="utf-8")
        paths.append((record["id"], path))
    return paths


def why_not(preset: VoicePreset) -> str | None:
    """Why `preset`'s own engines cannot voice it here (a run would be its fallback's), or None."""
    for kind in SegmentKind:
        part = preset.voice_for(kind)
        try:
            engine = get_engine(part.engine)
        except BriefingError as error:
            return error.message
        try:
            reason = unavailable_reason(engine, part.settings)
        finally:
            engine.close()
        if reason:
            return f"{part.engine}: {reason}"
    return None


def wav_seconds(path: Path) -> float:
    with wave.open(str(path), "rb") as wav:
        return wav.getnframes() / wav.getframerate()


def measure(preset: VoicePreset, stories: Sequence[Path], sentences: int, workers: int,
            folder: Path) -> Row:
    from briefing import build_script, make_briefing

    clock = fixed_clock(MOMENT)
    length = Length(sentences=sentences, words_per_minute=preset.settings.rate_wpm)
    script, _failures = build_script(stories, length=length, date=MOMENT.date(), clock=clock)
    cache_dir = folder / "cache"
    (folder / "segments").mkdir()
    started = time.perf_counter()
    voicing = voice_script(script.segments, preset, folder / "segments", workers=workers,
                           cache=SegmentCache(cache_dir))
    took = time.perf_counter() - started
    speech = sum(wav_seconds(v.wav_path) for v in voicing.voiced)
    result = make_briefing(
        stories, folder / f"{preset.name}.mp3", length=length, date=MOMENT.date(),
        voice=str(preset.path), workers=workers, cache_dir=cache_dir, clock=clock,
    )
    if result.script.text != script.text:
        print(f"voice_quality.py: {preset.name}: make's script differs from build_script's; "
              "the synthesis time is for build_script's", file=sys.stderr)
    samples = listening.load_audio(result.path)
    quality = listening.dnsmos(samples)
    heard = listening.transcribe_spans(
        samples, [(t.start_ms / 1000, t.end_ms / 1000) for t in result.timeline])
    errors = listening.word_errors(result.script.text, heard)
    engines = " + ".join(preset.first_engines)
    return Row(preset.name, engines, quality.ovrl, quality.sig, quality.bak, errors.wer,
               took / speech, listening.seconds(samples), errors.reference_words, errors.errors,
               len(result.fallbacks) + len(voicing.fallbacks), quality.windows,
               result.script.text, heard)


def table(rows: Sequence[Row], baseline: str) -> str:
    base = next((row for row in rows if row.preset == baseline), rows[0] if rows else None)
    name = base.preset if base else baseline
    lines = ["| preset | engine | DNSMOS OVRL | SIG | WER | synthesis × real time "
             f"| OVRL − {name} | WER ÷ {name} | speech | fell back |",
             "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for row in rows:
        assert base is not None
        d_ovrl = f"{row.dnsmos_ovrl - base.dnsmos_ovrl:+.2f}"
        d_wer = f"{row.wer / base.wer:.2f}×" if base.wer else ""
        lines.append(
            f"| {row.preset} | {row.engine} | {row.dnsmos_ovrl:.2f} | {row.dnsmos_sig:.2f} | "
            f"{100 * row.wer:.1f}% | {row.synthesis_rtf:.3f} | {d_ovrl} | {d_wer} | "
            f"{row.speech_s / 60:.1f} min | {row.fallbacks} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=3, help="articles in each episode")
    parser.add_argument("--sentences", type=int, default=3, help="sentences of each story")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="a JSON Lines eval file")
    parser.add_argument("--presets", nargs="+", help="preset names (default: every preset)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="cores for voicing (default: every core)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        raise SystemExit(f"voice_quality.py: needs {args.data} (../shared/eval beside the "
                         "repository), or pass --data FILE.")
    every = [path.stem for path in preset_paths()]
    names = args.presets or every
    baseline = next((name for name in BASELINES if name in every), names[0])
    names.sort(key=lambda name: name != baseline)
    rows: list[Row] = []
    skipped: dict[str, str] = {}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="briefing-voice-quality-") as tmp:
        root = Path(tmp)
        home = root / "home"
        os.environ["BRIEFING_HOME"] = str(home)  # no user config or cache; engines inherit it
        if any("kokoro" in load_preset(name).engines for name in names):
            failed = listening.install_natural_voice(home)
            if failed:
                print(f"… the natural voice could not be installed: {failed}", file=sys.stderr)
        (root / "stories").mkdir()
        stories = pick_stories(args.data, args.stories, root / "stories")
        for name in names:
            preset = load_preset(name)
            reason = why_not(preset)
            if reason:
                skipped[name] = reason
                print(f"… {name}: skipped ({reason})", file=sys.stderr)
                continue
            folder = root / name
            folder.mkdir()
            row = measure(preset, [p for _, p in stories], args.sentences, args.workers, folder)
            rows.append(row)
            print(f"… {name}: OVRL {row.dnsmos_ovrl:.2f}, WER {100 * row.wer:.1f}%, "
                  f"× real time {row.synthesis_rtf:.3f}", file=sys.stderr)
    setup = {
        "data": str(args.data), "stories": [story_id for story_id, _ in stories],
        "sentences": args.sentences, "workers": args.workers, "cpus": os.cpu_count(),
        "whisper": f"tiny.en int8 ({listening.whisper_model_path()})",
        "seconds": round(time.perf_counter() - started, 1),
    }
    if args.json:
        print(json.dumps({"setup": setup, "rows": [asdict(row) for row in rows],
                          "skipped": skipped}, indent=2, ensure_ascii=False))
        return 0
    print(f"One episode per preset from {len(stories)} stories of {args.data.name} "
          f"({', '.join(setup['stories'])}), {args.sentences} sentences each, made by "
          f"make_briefing (MP3). DNSMOS P.835 on 16 kHz mono, peak-normalised, 9.01 s windows "
          f"every second averaged (speechmos.dnsmos.run); WER of Whisper tiny.en (int8, CPU; "
          f"segment by segment) against the script voiced; synthesis "
          f"× real time: voice_script on {args.workers} cores, engine start-up included, "
          f"÷ seconds of speech. {os.cpu_count()} CPUs; {setup['seconds']} s in all.\n")
    print(table(rows, baseline))
    for name, reason in skipped.items():
        print(f"\nSkipped {name}: {reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
