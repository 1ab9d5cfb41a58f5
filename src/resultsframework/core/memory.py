"""The cyclic garbage collector paused while much is built and nothing is thrown away."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["collector_paused"]


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """
    The cyclic garbage collector paused, and left as it was found afterwards.

    Loading, assessing and rolling up allocate many objects and free almost none; the collector,
    left running, would walk them again and again for nothing, and, with a portfolio held in
    memory, walk every programme already read each time it runs in full (rolling up 400
    programmes held in memory took twice as long with it running).  Whatever cycles are made
    meanwhile are collected once it runs again.
    """
    running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if running:
            gc.enable()
