"""Random numbers for items (events, accident cases, children) that belong to consecutive blocks of trials.

The engine gives every block of trials its own random stream (``sim.engine.stream``), so a block's numbers do not
depend on which other blocks run with it. To save the fixed cost of a NumPy call, it still simulates several
blocks in one vectorised pass: their events sit in one array, block after block. :class:`Draws` hands out the
random numbers of such an array: each item's numbers come from its own block's stream, and each stream receives
exactly the calls, with exactly the sizes, it would receive if its block ran alone (but for calls of size 0, which
draw nothing and are skipped). So a block's numbers are the same, bit for bit, whether it runs alone or batched
with others; only the Python overhead is shared.

A :class:`Draws` describes a list of items grouped by block: ``bounds[b]:bounds[b + 1]`` are the items of block
``b``. Selecting items (:meth:`Draws.of`) or repeating them (:meth:`Draws.repeat`) keeps that grouping, because
selections keep the order of the items.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Draws:
    rngs: tuple  # one numpy Generator per block
    bounds: np.ndarray  # (blocks + 1,) first item of each block, then the number of items

    @classmethod
    def one(cls, rng: np.random.Generator, n: int) -> "Draws":
        """``n`` items of a single stream: the calls are the plain ``rng`` calls."""
        return cls((rng,), np.array([0, n]))

    @classmethod
    def by_block(cls, rngs, sizes) -> "Draws":
        """``sizes[b]`` items for each block's stream ``rngs[b]``."""
        bounds = np.zeros(len(rngs) + 1, dtype=np.intp)
        np.cumsum(sizes, dtype=np.intp, out=bounds[1:])
        return cls(tuple(rngs), bounds)

    @property
    def size(self) -> int:
        return int(self.bounds[-1])

    @property
    def sizes(self) -> np.ndarray:
        """Items per block."""
        return np.diff(self.bounds)

    def of(self, index) -> "Draws":
        """The items at ``index``: increasing integer indices (a selection), or a slice."""
        if isinstance(index, slice):
            if index == slice(None):
                return self
            index = np.arange(self.size)[index]
        return Draws(self.rngs, np.searchsorted(index, self.bounds))

    def repeat(self, counts: np.ndarray) -> "Draws":
        """``counts[i]`` new items for item ``i``, in item order (e.g. the children of each claim)."""
        ends = np.zeros(counts.size + 1, dtype=np.intp)
        np.cumsum(counts, dtype=np.intp, out=ends[1:])
        return Draws(self.rngs, ends[self.bounds])

    def _each(self, method: str, *args, per_item=None) -> np.ndarray:
        """``rng.<method>(*args, [per_item slice], size=n)`` for each block's stream and its ``n`` items, joined.

        A block with no items is not called: a call with size 0 draws nothing and leaves its stream as it is, and
        skipping it saves a microsecond or more per block (for ``integers`` almost ten) when most blocks of a small
        population have no items. When no block has any, one stream is called with size 0, so the joined array has
        the dtype the method gives."""
        if len(self.rngs) == 1:
            extra = () if per_item is None else (per_item,)
            return getattr(self.rngs[0], method)(*args, *extra, size=self.size)
        bounds = self.bounds.tolist()
        calls = [(rng, lo, hi) for rng, lo, hi in zip(self.rngs, bounds, bounds[1:]) if hi > lo]
        calls = calls or [(self.rngs[0], 0, 0)]
        parts = [getattr(rng, method)(*args, *(() if per_item is None else (per_item[lo:hi],)), size=hi - lo)
                 for rng, lo, hi in calls]
        return parts[0] if len(parts) == 1 else np.concatenate(parts)

    def random(self) -> np.ndarray:
        """One uniform on [0, 1) per item: each block's straight into its slice of the result (``out=``: the same
        numbers as ``random(n)``), rather than drawn into parts and joined, the most common call and the largest."""
        if len(self.rngs) == 1:
            return self.rngs[0].random(self.size)
        out = np.empty(self.size)
        bounds = self.bounds.tolist()
        for rng, lo, hi in zip(self.rngs, bounds, bounds[1:]):
            if hi > lo:  # (a block with no items is not called, as in _each)
                rng.random(out=out[lo:hi])
        return out

    def integers(self, low: int, high: int) -> np.ndarray:
        return self._each("integers", low, high)

    def integers_between(self, low: np.ndarray, high: np.ndarray) -> np.ndarray:
        """One integer per item on [low[i], high[i]): bounds of its own for every item, each block's stream called
        with its items' bounds (``rng.integers(low, high)``, an array call of the block's size)."""
        if len(self.rngs) == 1:
            return self.rngs[0].integers(low, high, size=self.size)
        bounds = self.bounds.tolist()
        parts = [rng.integers(low[lo:hi], high[lo:hi], size=hi - lo)
                 for rng, lo, hi in zip(self.rngs, bounds, bounds[1:]) if hi > lo]
        return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)

    def lognormal(self, mean: float, sigma: float) -> np.ndarray:
        return self._each("lognormal", mean, sigma)

    def exponential(self, scale: float) -> np.ndarray:
        return self._each("exponential", scale)

    def poisson(self, lam) -> np.ndarray:
        """One Poisson count per item, with mean ``lam``: a number, or one mean per item."""
        if np.ndim(lam) == 0:
            return self._each("poisson", lam)
        return self._each("poisson", per_item=np.asarray(lam))

    def skip_uniforms(self) -> None:
        """Move every stream past the uniforms its items would draw, without drawing them (see
        :func:`skip_uniforms`)."""
        for rng, n in zip(self.rngs, self.sizes):
            skip_uniforms(rng, int(n))


def skip_uniforms(rng: np.random.Generator, n: int) -> None:
    """Move ``rng`` past ``n`` uniforms without making them: afterwards it is in the state ``rng.random(n)`` leaves.

    PCG64 makes each double from one 64-bit output, so advancing it by n outputs is the same, in a few steps
    instead of n. ``advance`` also drops a buffered 32-bit half-output (left by some integer draws), which
    ``random`` would keep: then the uniforms are drawn."""
    bits = rng.bit_generator
    if isinstance(bits, np.random.PCG64) and not bits.state["has_uint32"]:
        bits.advance(n)
    else:
        rng.random(n)
