"""The Dask worker plugin of ``kg build --dask`` (imported only when a cluster is used)."""

from __future__ import annotations

from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from .workers import pipeline_for


class LoadPipeline(WorkerPlugin):
    """Load the spaCy pipeline once, when the worker starts, before its first task."""

    name = "kg-pipeline"

    def __init__(self, model: str) -> None:
        self.model = model

    def setup(self, worker: Any) -> None:
        pipeline_for(self.model)
