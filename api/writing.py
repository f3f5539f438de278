"""One write at a time, with the interpreter shared more finely while it runs.

A write (an upload, a removal) keeps one thread busy in Python for seconds at a large store, and
every lookup answered meanwhile waits for the interpreter at each step it takes: by default a
busy thread gives the interpreter up only every 5 ms, so a lookup of a few hundred steps waited up
to 2 s at 10,000 documents. While a write runs, the service asks for a switch every millisecond
instead: its lookups then took at most 0.5 s, and the write about as long as before.
"""

from __future__ import annotations

import sys
import threading
from types import TracebackType

#: Seconds between the interpreter's switches from one busy thread to another while a write runs.
SWITCH_INTERVAL = 0.001


class WriteLock:
    """The lock every write of the service holds (uploads, removals, reviews, SPARQL Update,
    compaction)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._before = sys.getswitchinterval()

    def __enter__(self) -> None:
        self._lock.acquire()
        self._before = sys.getswitchinterval()
        sys.setswitchinterval(min(self._before, SWITCH_INTERVAL))

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        sys.setswitchinterval(self._before)
        self._lock.release()
