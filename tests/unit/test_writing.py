"""The service's writes: one at a time, the interpreter shared finely while one runs."""

from __future__ import annotations

import sys
import threading

from api.writing import SWITCH_INTERVAL, WriteLock


def test_a_write_holds_the_lock_and_shares_the_interpreter_finely_until_it_ends():
    lock, before = WriteLock(), sys.getswitchinterval()
    entered = threading.Event()

    def second() -> None:
        with lock:
            entered.set()

    with lock:
        assert sys.getswitchinterval() == SWITCH_INTERVAL < before
        other = threading.Thread(target=second)
        other.start()
        assert not entered.wait(0.2)  # one write at a time
    other.join(5)
    assert entered.is_set() and sys.getswitchinterval() == before
    try:
        with lock:
            raise RuntimeError("a write that fails")
    except RuntimeError:
        pass
    assert sys.getswitchinterval() == before and lock._lock.acquire(blocking=False)
