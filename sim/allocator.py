"""Keep freed heap memory in the process between blocks of trials (glibc only).

Each block of 1,000 trials allocates and frees tens of megabytes of short-lived arrays. With glibc's defaults the
top of the heap is handed back to the system after every block and faulted back in by the next one; measured here
(benchmarks/README.md) that costs 20-40 % of a run. Raising the trim threshold keeps that memory for reuse; the
peak is unchanged because the next block reuses the same memory. Called once by the command line and by the
benchmark's engine process; a library user may call it too. Elsewhere than glibc it does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util

M_TRIM_THRESHOLD = -1  # mallopt parameter numbers from glibc's malloc.h
M_MMAP_THRESHOLD = -3
TRIM_THRESHOLD = 1 << 30  # keep up to 1 GiB of freed heap in the process
MMAP_THRESHOLD = 32 << 20  # glibc's largest allowed value on 64-bit: larger arrays still come from mmap


def keep_freed_memory() -> bool:
    """Set the glibc thresholds; True if it worked."""
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    return bool(mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD)) and bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD))
