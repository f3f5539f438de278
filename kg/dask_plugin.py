"""The Dask worker plugin of ``kg build --dask`` (imported only when a cluster is used)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin


class LoadPipeline(WorkerPlugin):
    """Load the spaCy pipeline once, when the worker starts, before its first task: ``load`` is
    called with the model's name (a module-level function, so the plugin pickles by reference)."""

    name = "kg-pipeline"

    def __init__(self, model: str, load: Callable[[str], Any]) -> None:
        self.model = model
        self.load = load

    def setup(self, worker: Any) -> None:
        self.load(self.model)
