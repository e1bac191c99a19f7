"""The engine's per-model look-ups (``engine.tables``, the parameter-draw columns) are kept on the model object
(``Model.derived``): built once per model and process, shared by its chunks and threads, kept apart between
models, never pickled to the workers, and the results are the same whichever way they were built."""

from __future__ import annotations

import dataclasses
import pickle
import threading
import time

import numpy as np
import pytest

from sim import engine
from sim.backend import worker_model
from sim.population import build_model
from sim.scenario import load_scenario

CHUNK = engine.chunks(2000, 1000)[0]


@pytest.fixture()
def built(monkeypatch):
    """Count ``engine.tables`` builds, per model object (slowed a little, so that threads asking at once overlap)."""
    counts: dict[int, int] = {}
    lock = threading.Lock()
    real = engine.tables

    def counting(model):
        with lock:
            counts[id(model)] = counts.get(id(model), 0) + 1
        time.sleep(0.05)
        return real(model)

    monkeypatch.setattr(engine, "tables", counting)
    return counts


def _same(a, b) -> bool:
    return all(np.array_equal(x.amounts, y.amounts) and np.array_equal(x.counts, y.counts)
               and x.simulated_events == y.simulated_events for x, y in zip(a, b, strict=True))


def test_tables_are_built_once_per_model_even_when_runs_alternate(built):
    a, b = build_model(load_scenario("madiun-2025")), build_model(load_scenario("jambi-2025"))
    first = engine.simulate_chunk(a, CHUNK)
    for model in (b, a, b, a):  # a single "last model" cache would rebuild at every switch
        engine.simulate_chunk(model, CHUNK)
    assert built == {id(a): 1, id(b): 1}
    assert engine._tables_of(a) is engine._tables_of(a) is not engine._tables_of(b)
    assert a.derived(engine.draw_columns) is a.derived(engine.draw_columns)  # madiun-2025 has parameter draws
    assert _same(engine.simulate_chunk(a, CHUNK), first)


def test_two_models_in_two_threads_get_their_own_tables_built_once_each(built):
    models = [build_model(load_scenario(name)) for name in ("madiun-2025", "jambi-2025")]
    alone = [engine.simulate_blocks(m, CHUNK, engine.tables(m)) for m in models]  # uncached: a fresh build each
    built.clear()
    start = threading.Barrier(8)
    results: dict[int, list] = {}

    def work(k: int) -> None:
        start.wait()  # eight threads, four per model, ask for the tables at once
        results[k] = engine.simulate_chunk(models[k % 2], CHUNK)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert built == {id(models[0]): 1, id(models[1]): 1}
    assert all(_same(results[k], alone[k % 2]) for k in range(8))


def test_a_copy_starts_without_the_tables_and_a_pickled_model_does_not_carry_them(built):
    model = worker_model(build_model(load_scenario("madiun-2025")))
    before = pickle.dumps(model)
    expected = engine.simulate_chunk(model, CHUNK)
    assert pickle.dumps(model) == before  # the tables stay in this process: nothing more is sent to a worker
    sent = pickle.loads(before)
    changed = dataclasses.replace(model, segments=model.segments[:1])
    assert _same(engine.simulate_chunk(sent, CHUNK), expected)  # the worker's copy builds its own
    engine.simulate_chunk(changed, CHUNK)
    assert built == {id(model): 1, id(sent): 1, id(changed): 1}
    assert engine._tables_of(changed) is not engine._tables_of(model) and len(engine._tables_of(changed)) == 1


def test_the_tables_index_with_32_bits_and_place_events_as_a_search_would():
    """The placement tables are held for the whole run (national-2025's took 760 MB with 64-bit indices, 505 MB with
    32-bit ones); the narrower indices must place every draw where ``searchsorted`` over the full cdf does."""
    model = build_model(load_scenario("madiun-2025", ["scenario.trials=10"]))
    for tab in engine.tables(model):
        for pl in (tab.jkm, tab.jkk):
            for name in ("first", "position", "month", "cell", "period", "regime"):
                assert getattr(pl, name).dtype == np.int32, name
            x = np.random.default_rng(7).random(20_000) * pl.total
            x[:3] = (0.0, pl.cdf[0], pl.cdf[len(pl.cdf) // 2])  # on a cdf point too
            expected = np.minimum(np.searchsorted(pl.cdf, x, side="right"), pl.cdf.size - 1)
            assert np.array_equal(pl.place(x), expected)
        assert tab.jkm_death[0].code.dtype == np.int32
    assert engine._index_type(2**31) == np.intp  # a model too large for 32 bits keeps 64
