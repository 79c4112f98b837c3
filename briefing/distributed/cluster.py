"""Open a Dask client: on a given scheduler, or on a local cluster of spawned worker processes."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import Any

from briefing.errors import ConfigError

CONNECT_TIMEOUT_S = 10

WORKER_CONFIG = {
    # The speech engine runs in its own spawned child process (pyttsx3 hangs when forked), and
    # daemonic processes may not have children: Dask's nannies start daemonic workers by default.
    "distributed.worker.daemon": False,
    "distributed.worker.multiprocessing-method": "spawn",
}


@contextmanager
def open_client(scheduler: str | None = None, workers: int | None = None) -> Iterator[Any]:
    """Yield a `distributed.Client`; a local cluster it started is stopped on the way out."""
    import dask
    from distributed import Client, LocalCluster

    with ExitStack() as stack:
        if scheduler:
            try:
                client = Client(scheduler, timeout=CONNECT_TIMEOUT_S)  # type: ignore[no-untyped-call]
            except (OSError, TimeoutError) as error:
                raise ConfigError(
                    f"cannot reach the Dask scheduler at {scheduler} ({error}); "
                    "check the address, or leave out --scheduler to run on this machine."
                ) from None
            stack.callback(client.close)
            yield client
            return
        stack.enter_context(dask.config.set(WORKER_CONFIG))
        cluster = LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers or default_workers(),
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            # The scheduler's HTTP routes (health, metrics) bind even without a dashboard:
            # keep them on a free loopback port, not 8787 on every interface.
            scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"},
            silence_logs=logging.ERROR,
        )
        stack.callback(cluster.close)
        client = Client(cluster)  # type: ignore[no-untyped-call]
        stack.callback(client.close)
        yield client


def default_workers() -> int:
    """One worker per core: voicing is CPU-bound, one segment at a time per worker."""
    import os

    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)
