"""Score briefing's summariser against Lead-3 and sumy's peers with ROUGE, side by side.

Every system gets the same sentence split of each article and returns some of those
sentences; the prediction is the chosen sentences joined with newlines, scored with
`rouge-score` (ROUGE-1, ROUGE-2, ROUGE-Lsum F1, Porter stemmer). Speed is articles per
second of summarising only (from the split sentences to the chosen ones), counted in CPU
seconds of this process (`time.process_time`), so other work on a shared machine does not
distort it; every system here runs on one core.

    python benchmarks/summarise.py                      # both dev files, markdown table
    python benchmarks/summarise.py --data FILE.jsonl --sentences 3 --json
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
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))  # for `corpora` when loaded by path

from corpora import EVAL, require  # noqa: E402

DEFAULT_DATA = [EVAL / name for name in ("cnndm_dev.jsonl", "bbc_dev.jsonl")]
SCORES = ("rouge1", "rouge2", "rougeLsum")


@dataclass(frozen=True)
class Record:
    """One article, already split into sentences, with its reference summary."""

    id: str
    title: str | None
    sentences: tuple[str, ...]
    reference: str
    language: str = "en"
    """The article's language (ISO 639-1): `summarise_multi.py` reads other languages."""


def split_ptb(text: str) -> list[str]:
    """CNN/DM is PTB-tokenised: a standalone `.`, `!` or `?` token ends a sentence."""
    sentences: list[str] = []
    current: list[str] = []
    for token in text.split():
        current.append(token)
        if token in (".", "!", "?"):
            sentences.append(" ".join(current))
            current = []
    if current:
        sentences.append(" ".join(current))
    return sentences


_BBC_BOUNDARY = re.compile(r"(?<=[.!?])\s+")


def split_bbc(text: str) -> tuple[str, list[str]]:
    """BBC: the first line is the headline; the body splits at line breaks, then after . ! ?."""
    headline, _, body = text.partition("\n")
    sentences = [
        piece
        for line in body.split("\n")
        if line.strip()
        for piece in _BBC_BOUNDARY.split(line.strip())
        if piece
    ]
    return headline.strip(), sentences


def load_records(path: Path) -> list[Record]:
    """Read a dev file (JSON Lines) and split each article the way its source needs."""
    records: list[Record] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            title: str | None
            if row["source"].startswith("cnndm"):
                title, sentences = None, split_ptb(row["article"])
            else:
                title, sentences = split_bbc(row["article"])
            records.append(Record(row["id"], title, tuple(sentences), row["reference"]))
    return records


System = Callable[[Record, int], list[str]]


def briefing_system() -> System:
    from briefing.models import Length
    from briefing.summarise.news import summarize_sentences

    def run(record: Record, count: int) -> list[str]:
        chosen = summarize_sentences(record.sentences, record.title, Length(sentences=count))
        return [record.sentences[i] for i in chosen]

    return run


def lead_system(record: Record, count: int) -> list[str]:
    return list(record.sentences[:count])


class WordTokenizer:
    """sumy's own English tokenizer minus NLTK's punkt data (which cannot be downloaded here).

    Sentences are given by the shared split; words are NLTK's Treebank word tokens kept by
    sumy's own word filter, as `nltk.word_tokenize` would give within one sentence.
    """

    def __init__(self) -> None:
        from nltk.tokenize import NLTKWordTokenizer
        from sumy.nlp.tokenizers import Tokenizer

        self._words = NLTKWordTokenizer()
        self._is_word = Tokenizer._is_word

    def to_sentences(self, paragraph: str) -> list[str]:
        return [paragraph]

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(w for w in self._words.tokenize(sentence) if self._is_word(w))


def sumy_system(name: str) -> System:
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    classes = {
        "LexRank": LexRankSummarizer,
        "TextRank": TextRankSummarizer,
        "Luhn": LuhnSummarizer,
        "LSA": LsaSummarizer,
    }
    summarizer = classes[name](Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    tokenizer = WordTokenizer()

    def run(record: Record, count: int) -> list[str]:
        sentences = [Sentence(text, tokenizer) for text in record.sentences]
        document = ObjectDocumentModel([Paragraph(sentences)])
        return [str(sentence) for sentence in summarizer(document, count)]

    return run


def systems() -> dict[str, System]:
    return {
        "briefing (news)": briefing_system(),
        "Lead-3": lead_system,
        **{f"sumy {name}": sumy_system(name) for name in ("LexRank", "TextRank", "Luhn", "LSA")},
    }


def evaluate(
    records: Sequence[Record], system: System, count: int
) -> tuple[dict[str, float], float]:
    """Mean F1 × 100 for each ROUGE score, and articles per CPU second of summarising."""
    from rouge_score import rouge_scorer

    system(records[0], count)  # warm caches and lazy imports outside the timing
    started = time.process_time()
    predictions = [system(record, count) for record in records]
    elapsed = time.process_time() - started
    scorer = rouge_scorer.RougeScorer(list(SCORES), use_stemmer=True)
    totals = dict.fromkeys(SCORES, 0.0)
    for record, prediction in zip(records, predictions, strict=True):
        result = scorer.score(record.reference, "\n".join(prediction))
        for key in SCORES:
            totals[key] += result[key].fmeasure
    means = {key: 100.0 * total / len(records) for key, total in totals.items()}
    return means, len(records) / elapsed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, action="append", help="a dev .jsonl (repeatable)")
    parser.add_argument("--sentences", type=int, default=3, help="summary length (default 3)")
    parser.add_argument("--json", action="store_true", help="print a JSON list instead")
    args = parser.parse_args(argv)
    paths: list[Path] = [p.resolve() for p in (args.data or DEFAULT_DATA)]
    require(*paths, option="--data FILE")
    rows: list[dict[str, object]] = []
    for path in paths:
        records = load_records(path)
        for name, system in systems().items():
            means, speed = evaluate(records, system, args.sentences)
            rows.append(
                {
                    "data": path.name,
                    "system": name,
                    **{key: round(means[key], 2) for key in SCORES},
                    "articles_per_s": round(speed, 1),
                }
            )
    if args.json:
        print(json.dumps(rows, indent=2))
    else:
        print(markdown_table(rows, args.sentences))
    return 0


def markdown_table(rows: Sequence[dict[str, object]], count: int) -> str:
    """One row per data file and system; the heading says the summary length."""
    lines = [
        f"| data | system ({count} sentences) | R-1 | R-2 | R-Lsum | articles/s |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        lines.append(
            f"| {row['data']} | {row['system']} | {row['rouge1']:.2f} | {row['rouge2']:.2f}"
            f" | {row['rougeLsum']:.2f} | {row['articles_per_s']:.0f} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
