"""The guard on ../shared: a clone without the corpora collects every test and skips the ones
that need them, naming the missing folder; CI (CI=true) fails them instead, so it can never pass
by skipping. Benchmarks stop with one line rather than a traceback."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from shared_corpus import REPO, shared_path

CORPUS_TESTS = [
    "tests/ingest/test_real_pages.py",  # real_pages, read by a module-scoped fixture
    "tests/summarise/test_seed_article.py",  # seeds, through `seed_article`
    "tests/hardening/test_ingest_guard.py::test_english_news_is_always_english",  # eval
]


@pytest.fixture()
def nowhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the tests at a ../shared that does not exist, outside CI."""
    missing = tmp_path / "shared"
    monkeypatch.setenv("BRIEFING_TEST_SHARED", str(missing))
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("BRIEFING_REQUIRE_SHARED", raising=False)
    return missing


def test_a_missing_corpus_skips_the_test_and_names_the_folder(nowhere: Path) -> None:
    with pytest.raises(pytest.skip.Exception) as skipped:
        shared_path("real_pages/index.json")
    assert str(skipped.value) == (
        f"needs ../shared/real_pages/index.json: ../shared is missing ({nowhere}); "
        "the shared corpora sit beside the repository"
    )


def test_a_missing_folder_inside_shared_is_the_one_named(nowhere: Path) -> None:
    (nowhere / "eval").mkdir(parents=True)
    with pytest.raises(pytest.skip.Exception, match=r"\.\./shared/eval/train is missing"):
        shared_path("eval/train/bbc_train.jsonl")


@pytest.mark.parametrize(
    ("variable", "value"), [("CI", "true"), ("CI", "1"), ("BRIEFING_REQUIRE_SHARED", "1")]
)
def test_in_ci_a_missing_corpus_fails_the_test(
    nowhere: Path, monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(pytest.fail.Exception) as failed:
        shared_path("seeds")
    assert str(failed.value) == (
        f"needs ../shared/seeds: ../shared is missing ({nowhere}); the shared corpora sit "
        "beside the repository; CI runs every corpus test: put ../shared in place"
    )


def test_ci_false_still_skips(nowhere: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "false")
    with pytest.raises(pytest.skip.Exception):
        shared_path("seeds")


def test_a_present_corpus_is_its_path(nowhere: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    (nowhere / "real_pages").mkdir(parents=True)
    assert shared_path("real_pages") == nowhere / "real_pages"


def run_pytest(*arguments: str, **environment: str) -> subprocess.CompletedProcess[str]:
    """pytest in a fresh process from the repository's root, with ../shared elsewhere."""
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "BRIEFING_REQUIRE_SHARED")}
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", *arguments]
    return subprocess.run(
        command, cwd=REPO, env={**env, **environment}, capture_output=True, text=True, timeout=300
    )


def test_a_clone_without_shared_collects_every_test(tmp_path: Path) -> None:
    """Nothing reads ../shared at import time: that broke collection on a clone."""
    done = run_pytest("--collect-only", BRIEFING_TEST_SHARED=str(tmp_path / "shared"))
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert re.search(r"^\d+ tests collected", done.stdout, re.MULTILINE), done.stdout[-3000:]


def test_corpus_tests_skip_on_a_clone_and_fail_in_ci(tmp_path: Path) -> None:
    missing = str(tmp_path / "shared")
    clone = run_pytest("-rs", *CORPUS_TESTS, BRIEFING_TEST_SHARED=missing)
    assert clone.returncode == 0, clone.stdout[-3000:]
    summary = clone.stdout.strip().splitlines()[-1]
    assert re.fullmatch(r"=* ?\d+ skipped in .*", summary), summary
    for folder in ("real_pages", "seeds", "eval"):
        assert f"needs ../shared/{folder}" in clone.stdout
    ci = run_pytest(*CORPUS_TESTS, BRIEFING_TEST_SHARED=missing, CI="true")
    assert ci.returncode == 1, ci.stdout[-3000:]
    summary = ci.stdout.strip().splitlines()[-1]
    assert "skipped" not in summary and "passed" not in summary, summary
    assert "CI runs every corpus test: put ../shared in place" in ci.stdout


@pytest.mark.parametrize(
    ("script", "option"),
    [("summarise.py", "--data"), ("real_pages.py", "--pages")],
)
def test_a_benchmark_given_a_missing_file_says_so_in_one_line(
    tmp_path: Path, script: str, option: str
) -> None:
    missing = tmp_path / "missing"
    command = [sys.executable, str(REPO / "benchmarks" / script), option, str(missing)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert done.stderr == f"benchmarks/{script}: {missing} is missing; check the path.\n"
