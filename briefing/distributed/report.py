"""The words a batch is reported in: one progress line, one summary, one line per failure."""

from __future__ import annotations

from briefing.distributed.batch import BatchProgress, BatchReport


def progress_text(progress: BatchProgress) -> str:
    """E.g. ``12/50 briefings, 40/200 stories voiced, 310 cache hits``."""
    return (
        f"{progress.jobs_done}/{progress.jobs_total} briefings, "
        f"{progress.stories_voiced}/{progress.stories_total} stories voiced, "
        f"{progress.cache_hits} cache hits"
    )


def summary_line(report: BatchReport) -> str:
    """E.g. ``Made 49 of 50 briefings in 63.2 s on 2 workers: 200 stories voiced once, …``."""
    p = report.progress
    made = p.jobs_total - len(report.failed)
    return (
        f"Made {made} of {p.jobs_total} briefings in {report.elapsed_s:.1f} s on "
        f"{report.workers} workers: {p.stories_voiced} stories voiced once, "
        f"{p.segments_voiced} segments synthesised, {p.cache_hits} cache hits."
    )


def failure_lines(report: BatchReport) -> list[str]:
    """One stderr line per failed job and per story a job had to leave out, by job."""
    lines: list[str] = []
    for outcome in report.outcomes:
        if outcome.error is not None:
            lines.append(f"briefing: job {outcome.job_id} failed: {outcome.error}")
            continue
        for failure in outcome.failures:
            lines.append(
                f"briefing: job {outcome.job_id} skipped {failure.origin}: {failure.reason}"
            )
    return lines
