"""Memory (issue 6): aggregation streams chunk by chunk, nothing of a block outlives its chunk, and neither the
aggregation nor the summary holds memory that grows with the number of trials (the claims are on disk)."""

import dataclasses
import tracemalloc
import weakref

from sim.closed_form import expected
from sim.engine import Block, simulate_chunk
from sim.forecast import forecast
from sim.population import build_model
from sim.results import Aggregator, block_totals
from sim.scenario import load_scenario


def _buffer(array):
    """The array that owns the memory of ``array`` (a block's arrays are views of its pass's)."""
    while array.base is not None:
        array = array.base
    return array


def test_no_block_s_arrays_outlive_its_chunk():
    """Every block's per-trial arrays (trial x period x segment x benefit) are freed once their chunk is aggregated:
    when a chunk's first block arrives, no earlier chunk's arrays are still held by the forecast or the aggregator."""
    chunk_trials, alive, checked = 2_000, [], []

    def check(result):
        chunk = result.block.first_trial // chunk_trials
        for earlier, ref in alive:
            if earlier < chunk:
                assert ref() is None, f"an array of chunk {earlier} is still held in chunk {chunk}"
                checked.append(earlier)
        alive.extend((chunk, weakref.ref(_buffer(a))) for a in (result.amounts, result.counts))

    forecast(load_scenario("jambi-2025", ["scenario.trials=6000"]), chunk_trials, on_block=check, exact_check=False)
    assert sorted(set(checked)) == [0, 1]  # chunks 0 and 1 checked in chunks 1 and 2


def test_aggregation_and_summary_memory_do_not_grow_with_the_trials():
    """A million trials (a real block of jambi-2025, copied 1,000 times): after the first 10 blocks, adding 990 more
    keeps no memory (kept in memory, their claims would take 990,000 x 4 columns x 8 bytes, 32 MB), and the summary's
    peak stays under one column of a million claims in memory (8 MB), let alone the sorted copy quantiles need."""
    model = build_model(load_scenario("jambi-2025"))
    one = block_totals(simulate_chunk(model, [Block(0, 0, 1_000)])[0])
    blocks, columns = 1_000, one.claims.shape[1]
    tracemalloc.start()
    try:
        with Aggregator(model, expected(model), blocks * 1_000) as agg:
            for i in range(blocks):
                agg.add(dataclasses.replace(one, block=Block(i, i * 1_000, 1_000), claims=one.claims.copy()))
                if i == 9:
                    after_ten = tracemalloc.get_traced_memory()[0]
            grown = tracemalloc.get_traced_memory()[0] - after_ten
            tracemalloc.reset_peak()
            before = tracemalloc.get_traced_memory()[0]
            agg.summary()
            summary_peak = tracemalloc.get_traced_memory()[1] - before
            assert agg.seen == blocks * 1_000
    finally:
        tracemalloc.stop()
    assert grown < 0.01 * (blocks - 10) * 1_000 * columns * 8
    assert summary_peak < blocks * 1_000 * 8
