"""The short report that ends every `briefing daily` run: used, skipped, failed, and why."""

from __future__ import annotations

from briefing.daily.run import DailyReport


def report_lines(report: DailyReport) -> list[str]:
    lines: list[str] = []
    episode = report.episode
    if episode is not None and report.episode_path is not None:
        minutes, seconds = divmod(round(episode.duration_s), 60)
        state = "Wrote" if report.rendered else "Up to date:"
        voiced = (
            f"; {report.synthesized} segments voiced, {report.cached} from the cache"
            if report.rendered
            else ""
        )
        lines.append(
            f"{state} {report.episode_path} ({minutes}:{seconds:02d}, "
            f"{len(report.used)} {'story' if len(report.used) == 1 else 'stories'}{voiced})."
        )
    lines.append(f"Used: {len(report.used)}")
    for candidate in report.used:
        sources = " and ".join(dict.fromkeys(c.source for c in candidate.credits))
        lines.append(f"  + {candidate.title} ({sources})")
    if report.duplicates:
        lines.append(f"Skipped as duplicate: {len(report.duplicates)}")
        for duplicate in report.duplicates:
            source = duplicate.dropped.credits[0].source if duplicate.dropped.credits else ""
            lines.append(
                f"  = {duplicate.dropped.title} ({source}): same story as “{duplicate.kept.title}”"
            )
    if report.heard:
        lines.append(f"Already heard: {len(report.heard)}")
        for candidate in report.heard:
            lines.append(f"  - {candidate.title}")
    if report.muted:
        lines.append(f"Muted: {len(report.muted)}")
        for candidate, word in report.muted:
            lines.append(f"  - {candidate.title} (mentions “{word}”)")
    if report.unused:
        lines.append(f"Left for lack of time: {len(report.unused)}")
    if report.failures:
        lines.append(f"Failed: {len(report.failures)}")
        for failure in report.failures:
            said = failure.reason.startswith(failure.origin)
            lines.append(f"  ! {failure.reason if said else f'{failure.origin}: {failure.reason}'}")
    if report.fallbacks:
        from briefing.tts.report import fallback_lines

        lines.extend(f"Voice: {line}" for line in fallback_lines(report.fallbacks))
    for note in report.notes:
        lines.append(f"Note: {note}.")
    if report.feed_path is not None:
        lines.append(f"Feed: {report.feed_path}")
    if report.published is not None:
        from briefing.publish.remote import publish_summary

        lines.append(publish_summary(report.published))
    return lines
