"""Many briefings at once on Dask distributed (`pip install briefing[distributed]`).

    from briefing.distributed import load_manifest, run_batch
    report = run_batch(load_manifest(Path("jobs.toml")).jobs, client=my_client)

Only this package imports Dask, and only when a batch runs: reading a manifest needs no Dask.
"""

from briefing.distributed.batch import BatchProgress, BatchReport, default_cache_dir, run_batch
from briefing.distributed.manifest import Job, Manifest, jobs_from_dicts, load_manifest
from briefing.distributed.tasks import JobOutcome

__all__ = [
    "BatchProgress",
    "BatchReport",
    "Job",
    "JobOutcome",
    "Manifest",
    "default_cache_dir",
    "jobs_from_dicts",
    "load_manifest",
    "run_batch",
]
