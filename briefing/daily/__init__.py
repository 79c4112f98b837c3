"""The daily episode: collect stories from every source, choose and fit them, voice, publish."""

from briefing.daily.report import report_lines
from briefing.daily.run import DailyReport, run_daily

__all__ = ["DailyReport", "report_lines", "run_daily"]
