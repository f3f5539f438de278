"""Python's cyclic garbage collector, held off while the derived graphs are recomputed.

A write reads back and makes hundreds of thousands of claims and verdicts, none of them in a
reference cycle, and each full pass of the collector walks every one of them again: at 10,000
documents a quarter of a write's time went to the collector, in pauses of up to 1.5 s that hold
up every other thread of the process (a service's lookups, meanwhile). Reference counting still
frees everything as usual; only cycles wait for the collector, which runs again, if it ran
before, once no recomputation is in progress.

>>> import gc
>>> with paused():
...     gc.isenabled()
False
>>> gc.isenabled()
True
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class _Pauses:
    """How many recomputations are in progress in this process, and whether the collector ran
    before the first began."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.count = 0
        self.resume = False


_PAUSES = _Pauses()


@contextmanager
def paused() -> Iterator[None]:
    """The collector held off for the duration (those in several threads at once overlap)."""
    with _PAUSES.lock:
        if _PAUSES.count == 0:
            _PAUSES.resume = gc.isenabled()
            gc.disable()
        _PAUSES.count += 1
    try:
        yield
    finally:
        with _PAUSES.lock:
            _PAUSES.count -= 1
            if _PAUSES.count == 0 and _PAUSES.resume:
                gc.enable()
