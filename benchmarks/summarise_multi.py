"""Score briefing's summariser on other languages against Lead-N and sumy, side by side.

The data are `../shared/eval/multi/` (French: OrangeSum, whose reference is the article's
standfirst; Portuguese: TeMário, long human abstracts, 50 articles: indicative only). Every
system gets the same sentences of each article, split by briefing's own splitter with that
language's rules (`briefing.summarise.sentences`), and returns some of them, joined with
newlines. ROUGE-1, -2, -L and -Lsum F1 are computed with `rouge-score` and one Unicode-aware
tokenizer for every system (lower-cased letter and digit runs of any script; rouge-score's own
drops every accented letter), with no stemming unless `--stem` (then that language's Snowball
stemmer, for every system alike). sumy's LexRank, TextRank and LSA get that language's
stemmer and stop words and the same Unicode words. Speed is articles per CPU second of
summarising only, as in `summarise.py`.

    python benchmarks/summarise_multi.py                         # fr and pt dev, 1 and 3 sentences
    python benchmarks/summarise_multi.py --data FILE.jsonl --sentences 3 --json
"""

from __future__ import annotations

import os

# One core for every system: keep NumPy's BLAS (used by sumy and by briefing) single-threaded.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable, Sequence  # noqa: E402
from functools import lru_cache  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))  # for `summarise` when loaded by path

from corpora import EVAL, require  # noqa: E402
from summarise import Record  # noqa: E402

from briefing.summarise.language import get_language  # noqa: E402
from briefing.summarise.sentences import split_sentences  # noqa: E402

MULTI = EVAL / "multi"
DEFAULT_DATA = [MULTI / "fr_dev.jsonl", MULTI / "pt_dev.jsonl"]
TRAIN_DATA = {"fr": [MULTI / "train" / "fr_train.jsonl"]}
"""Each language's training files, where there are any (`fit_summariser.py --lang`)."""
SCORES = ("rouge1", "rouge2", "rougeL", "rougeLsum")
_WORD = re.compile(r"[^\W_]+")


class UnicodeTokenizer:
    """rouge-score's tokenizer interface: lower-cased letter and digit runs of any script
    (so "été" stays one word), optionally stemmed with one language's Snowball stemmer."""

    def __init__(self, language: str | None = None) -> None:
        self._stem: Callable[[str], str] | None = None
        if language is not None:
            stemmer = get_language(language).stem_function()
            self._stem = lru_cache(maxsize=None)(stemmer)

    def tokenize(self, text: str) -> list[str]:
        tokens = _WORD.findall(text.lower())
        if self._stem is None:
            return tokens
        return [self._stem(t) for t in tokens]


def load_multi(path: Path) -> list[Record]:
    """Read a multi file (JSON Lines with `lang` and `title`) and split each article into
    sentences, paragraph by paragraph, with its language's rules."""
    records: list[Record] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            language = get_language(row["lang"])
            sentences = [
                sentence
                for paragraph in row["article"].split("\n\n")
                for sentence in split_sentences(paragraph, language)
            ]
            title = row.get("title") or None
            records.append(
                Record(row["id"], title, tuple(sentences), row["reference"], row["lang"])
            )
    return records


System = Callable[[Record, int], list[str]]


def briefing_system() -> System:
    from briefing.models import Length
    from briefing.summarise.news import summarize_sentences

    def run(record: Record, count: int) -> list[str]:
        language = get_language(record.language)
        chosen = summarize_sentences(
            record.sentences, record.title, Length(sentences=count), language=language
        )
        return [record.sentences[i] for i in chosen]

    return run


def lead_system(record: Record, count: int) -> list[str]:
    return list(record.sentences[:count])


class SumyWords:
    """sumy's tokenizer interface over the shared split: the same Unicode words as ROUGE's."""

    def to_sentences(self, paragraph: str) -> list[str]:
        return [paragraph]

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(sentence))


def sumy_system(name: str, language: str) -> System:
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    classes = {"LexRank": LexRankSummarizer, "TextRank": TextRankSummarizer, "LSA": LsaSummarizer}
    sumy_language = str(get_language(language).stemmer)  # "french": sumy's name for it too
    summarizer = classes[name](Stemmer(sumy_language))
    summarizer.stop_words = get_stop_words(sumy_language)
    words = SumyWords()

    def run(record: Record, count: int) -> list[str]:
        sentences = [Sentence(text, words) for text in record.sentences]
        document = ObjectDocumentModel([Paragraph(sentences)])
        return [str(sentence) for sentence in summarizer(document, count)]

    return run


def systems(language: str) -> dict[str, System]:
    return {
        "briefing (news)": briefing_system(),
        "Lead-N": lead_system,
        **{f"sumy {name}": sumy_system(name, language) for name in ("LexRank", "TextRank", "LSA")},
    }


def evaluate(
    records: Sequence[Record], system: System, count: int, tokenizer: UnicodeTokenizer
) -> tuple[dict[str, float], float]:
    """Mean F1 × 100 for each ROUGE score, and articles per CPU second of summarising."""
    from rouge_score import rouge_scorer

    system(records[0], count)  # warm caches and lazy imports outside the timing
    started = time.process_time()
    predictions = [system(record, count) for record in records]
    elapsed = time.process_time() - started
    scorer = rouge_scorer.RougeScorer(list(SCORES), tokenizer=tokenizer)
    totals = dict.fromkeys(SCORES, 0.0)
    for record, prediction in zip(records, predictions, strict=True):
        result = scorer.score(record.reference, "\n".join(prediction))
        for key in SCORES:
            totals[key] += result[key].fmeasure
    means = {key: 100.0 * total / len(records) for key, total in totals.items()}
    return means, len(records) / max(elapsed, 1e-9)


def run(paths: Sequence[Path], counts: Sequence[int], stem: bool) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for path in paths:
        records = load_multi(path)
        language = records[0].language
        tokenizer = UnicodeTokenizer(language if stem else None)
        for count in counts:
            for name, system in systems(language).items():
                means, speed = evaluate(records, system, count, tokenizer)
                rows.append(
                    {
                        "data": path.name,
                        "sentences": count,
                        "system": name.replace("-N", f"-{count}"),
                        **{key: round(means[key], 2) for key in SCORES},
                        "articles_per_s": round(speed, 1),
                    }
                )
    return rows


def markdown_table(rows: Sequence[dict[str, object]]) -> str:
    lines = [
        "| data | sentences | system | R-1 | R-2 | R-L | R-Lsum | articles/s |",
        "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        lines.append(
            f"| {row['data']} | {row['sentences']} | {row['system']} | {row['rouge1']:.2f}"
            f" | {row['rouge2']:.2f} | {row['rougeL']:.2f} | {row['rougeLsum']:.2f}"
            f" | {row['articles_per_s']:.0f} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, action="append", help="a multi .jsonl (repeatable)")
    parser.add_argument(
        "--sentences", type=int, action="append", help="summary length (repeatable; 1 and 3)"
    )
    parser.add_argument("--stem", action="store_true", help="stem every system's words alike")
    parser.add_argument("--json", action="store_true", help="print a JSON list instead")
    args = parser.parse_args(argv)
    paths: list[Path] = [p.resolve() for p in (args.data or DEFAULT_DATA)]
    require(*paths, option="--data FILE")
    rows = run(paths, args.sentences or [1, 3], args.stem)
    print(json.dumps(rows, indent=2) if args.json else markdown_table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
