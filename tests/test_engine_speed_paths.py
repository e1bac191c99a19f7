"""The engine's shortcuts for speed give the same numbers as the plain calls they replace, bit for bit."""

import numpy as np
import pytest

from sim.streams import Draws

# Every Generator method Draws hands out, with arguments as the engine passes them.
METHODS = [
    ("random", (), None),
    ("integers", (0, 19), None),
    ("lognormal", (16.5, 1.2), None),
    ("exponential", (3.0,), None),
    ("poisson", (), np.array([0.5, 2.0, 9.0, 40.0, 0.0, 3.0])),
]


@pytest.mark.parametrize("method, args, per_item", METHODS, ids=[m[0] for m in METHODS])
def test_blocks_without_items_are_skipped_with_the_same_numbers_and_streams(method, args, per_item):
    # Draws calls only the streams of blocks that have items; a call with size 0 would draw nothing, so every
    # stream must end where the plain calls (size 0 included) leave it, with the same numbers and dtype.
    sizes = [0, 2, 0, 0, 3, 1, 0]
    if per_item is not None:
        per_item = np.resize(per_item, sum(sizes))

    def streams():
        rngs = [np.random.Generator(np.random.PCG64(s)) for s in range(len(sizes))]
        rngs[1].integers(0, 7, size=1)  # a buffered half of a 64-bit output, which a size-0 call must not touch
        return rngs

    plain, bounds = streams(), np.cumsum([0, *sizes])
    want = np.concatenate([getattr(rng, method)(*args, *(() if per_item is None else (per_item[lo:hi],)), size=hi - lo)
                           for rng, lo, hi in zip(plain, bounds, bounds[1:])])
    skipping = streams()
    got = getattr(Draws.by_block(skipping, sizes), method)(*args, *(() if per_item is None else (per_item,)))
    assert got.dtype == want.dtype and np.array_equal(got, want)
    assert [r.bit_generator.state for r in skipping] == [r.bit_generator.state for r in plain]

    empty = getattr(Draws.by_block(streams()[:3], [0, 0, 0]), method)(*args, *(() if per_item is None else
                                                                          (per_item[:0],)))
    assert empty.size == 0 and empty.dtype == want.dtype


def test_one_bincount_over_a_segment_s_benefits_gives_each_benefit_s_own_sums():
    # _part_sums keys every payment by (benefit, bin) and sums them all in one bincount; each benefit's sums must be
    # those of its own bincount (the same amounts in the same order: amounts that are not whole make the order
    # matter), with several entries for a benefit (rule regimes), empty entries and scalar amounts.
    from sim.benefits import BENEFIT_NAMES
    from sim.engine import _part_sums

    rng = np.random.default_rng(4)
    bins_per_benefit = 300
    parts = {}
    for b in (2, 3, 6):
        entries = []
        for n in (400, 0, 250):
            bins = rng.integers(0, bins_per_benefit, n)
            amount = np.broadcast_to(1234.5678, bins.shape) if b == 6 else rng.lognormal(16, 1.5, n)
            entries.append((bins, amount))
        parts[b] = entries
    amounts, counts = _part_sums(parts, bins_per_benefit)
    assert amounts.dtype == float and counts.dtype == np.int64
    amounts = amounts.reshape(len(BENEFIT_NAMES), bins_per_benefit)
    counts = counts.reshape(len(BENEFIT_NAMES), bins_per_benefit)
    for b in range(len(BENEFIT_NAMES)):
        entries = parts.get(b, [(np.zeros(0, dtype=np.intp), np.zeros(0))])
        bins, weights = (np.concatenate(p) for p in zip(*entries))
        assert np.array_equal(amounts[b], np.bincount(bins, weights=weights, minlength=bins_per_benefit))
        assert np.array_equal(counts[b], np.bincount(bins, minlength=bins_per_benefit))

    nothing_paid = _part_sums({2: [(np.zeros(0, dtype=np.intp), np.zeros(0))]}, bins_per_benefit)
    assert nothing_paid[0].dtype == float and not nothing_paid[0].any() and not nothing_paid[1].any()
