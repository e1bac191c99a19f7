"""Every trial's claims per period, kept on disk, and the exact statistics the summary reads from them.

Exact quantiles, their distribution-free intervals and the risk measures are order statistics of all the trials'
claims, so every trial's claims must be kept until the summary. In memory that is 8 bytes per trial and period,
plus a sorted copy: memory that grows with the number of trials. Here :class:`TrialClaims` writes them, block by
block as the blocks arrive in trial order, to anonymous temporary files (one per period column), and every
statistic is made in passes that read ``READ_VALUES`` values at a time through a :class:`Sample`, so the memory
of a forecast does not depend on the number of trials:

- order statistics (:func:`order_statistics`): exactly ``np.sort(x)[ranks]``, found by narrowing histograms;
- quantiles (:meth:`Sample.quantiles`): NumPy's default ("linear") method, the same arithmetic on those order
  statistics, so bit for bit ``np.quantile``;
- sums (:class:`ExactSum`): the exact sum of the values rounded once, which is ``math.fsum``'s value. It does not
  depend on the order or the grouping of the values, so nor on how the run was chunked; a mean made from it may
  differ from ``np.mean`` (a pairwise sum, rounded at every step) in the last bit or two.

Assumptions, checked: the values are finite (claims are; NaN or an infinity is an error); blocks arrive in trial
order. The files are read with ordinary reads into small arrays, never memory-mapped:
mapped pages would count in the process's resident memory. They take 8 bytes per trial and period of disk in the
temporary directory (``TMPDIR``; were it a tmpfs, that would be RAM, though not the process's) and disappear when
the store is closed (or the process ends: the files have no name).
"""

from __future__ import annotations

import math
import tempfile
from typing import Callable, Iterator, Sequence

import numpy as np

# Sizes (only time and memory depend on them, never a result). A pass holds a few temporary arrays of READ_VALUES;
# measured at a million trials, reads of 65,536 values added 3 MB to the peak, 16,384 half a megabyte.
READ_VALUES = 16_384  # values per read (128 KB); a constant, so no result depends on how the run was chunked
SORT_VALUES = 65_536  # at most this many values are held and sorted in memory at once (512 KB, and the sorted copy)
BIN_BITS = 16  # 2**16 = 65,536 histogram bins (512 KB of counts) per narrowing step of the order-statistic search
_BYTES = 8  # float64
_WRITE_BUFFER = 1 << 16  # bytes buffered per column before a write reaches the file (blocks are 8 KB a column)


class TrialClaims:
    """Each trial's claims, one column per period (the last the whole horizon), in anonymous temporary files.

    Use as a context manager, or call :meth:`close`: the files are closed even when a run fails.
    """

    def __init__(self, columns: int):
        self.columns = columns
        self.trials = 0  # trials written so far
        self._files = []
        self._moved = False  # a read has moved the files' positions since the last write
        try:
            for _ in range(columns):
                self._files.append(tempfile.TemporaryFile(prefix="trial-claims-", buffering=_WRITE_BUFFER))
        except BaseException:
            self.close()
            raise

    def add(self, first_trial: int, claims: np.ndarray) -> None:
        """Append a block's claims, shape (trials, columns); blocks must come in trial order."""
        claims = np.asarray(claims, dtype=np.float64)
        if first_trial != self.trials:
            raise ValueError(f"blocks must arrive in trial order: expected trial {self.trials}, got {first_trial}")
        if claims.ndim != 2 or claims.shape[1] != self.columns:
            raise ValueError(f"claims must have shape (trials, {self.columns}), not {claims.shape}")
        for file, column in zip(self._files, claims.T):
            if self._moved:  # back to the end (a seek flushes the write buffer, so only after a read)
                file.seek(self.trials * _BYTES)
            file.write(np.ascontiguousarray(column).data.cast("B"))
        self._moved = False
        self.trials += len(claims)

    def sample(self, column: int, n: int | None = None) -> "Sample":
        """The first ``n`` (default: all) trials' claims of a column; read into memory if at most SORT_VALUES."""
        n = self.trials if n is None else n
        if not 0 <= n <= self.trials:
            raise ValueError(f"{n} trials asked for, {self.trials} written")
        file = self._files[column]

        def read(start: int, count: int) -> np.ndarray:
            out = np.empty(count)
            self._moved = True
            file.seek(start * _BYTES)
            if file.readinto(out.data.cast("B")) != count * _BYTES:
                raise OSError("the trial claims file is shorter than what was written to it")
            return out

        return Sample(read, n).loaded()

    def read_all(self, n: int | None = None) -> np.ndarray:
        """The first ``n`` (default: all) trials' claims, shape (n, columns), in memory.

        This holds every trial in memory, 8 bytes per trial and column: only for a caller that asks for it (e.g.
        ``forecast(return_trials=True)`` for charts of the distribution)."""
        n = self.trials if n is None else n
        out = np.empty((n, self.columns))
        for c in range(self.columns):
            for i, chunk in enumerate(self.sample(c, n).chunks()):
                out[i * READ_VALUES : i * READ_VALUES + len(chunk), c] = chunk
        return out

    def close(self) -> None:
        for file in self._files:
            file.close()

    def __enter__(self) -> "TrialClaims":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class Sample:
    """``n`` values read ``READ_VALUES`` at a time from ``read(start, count)``, and the statistics of them.

    A sample remembers the few order statistics it has found and its mean and standard deviation, so asking
    twice costs no second pass. Functions given to :meth:`sums` or :meth:`monotone` must not modify the array
    they get (an in-memory sample hands out views of its values).
    """

    def __init__(self, read: Callable[[int, int], np.ndarray], n: int, parent: "Sample | None" = None,
                 transform: Callable[[np.ndarray], np.ndarray] | None = None):
        self._read, self.n = read, n
        self._parent, self._transform = parent, transform  # set by monotone()
        self._in_memory = False
        self._found: dict[int, float] = {}  # rank -> order statistic
        self._mean: float | None = None
        self._sd: float | None = None

    @classmethod
    def of(cls, values) -> "Sample":
        """A sample of an array already in memory (sorted or not)."""
        x = np.ascontiguousarray(values, dtype=np.float64)
        if x.ndim != 1:
            raise ValueError("a sample is one-dimensional")
        sample = cls(lambda start, count: x[start : start + count], len(x))
        sample._in_memory = True
        return sample

    def loaded(self) -> "Sample":
        """This sample, read into memory if it has at most SORT_VALUES values (later passes then read no file)."""
        return self if self._in_memory or self.n > SORT_VALUES else Sample.of(self.values())

    def prefix(self, n: int) -> "Sample":
        """The first ``n`` values (this very sample, with what it remembers, when ``n`` is all of them)."""
        if n == self.n:
            return self
        if not 0 < n < self.n:
            raise ValueError(f"prefix of {n} values of a sample of {self.n}")
        if self._parent is not None:
            return self._parent.prefix(n).monotone(self._transform)
        return Sample(self._read, n).loaded()

    def monotone(self, fn: Callable[[np.ndarray], np.ndarray]) -> "Sample":
        """The sample of ``fn(x)``, for ``fn`` elementwise and non-decreasing, e.g. ``x / premium`` (premium > 0)
        or ``max(x - premium, 0)``.

        Its order statistics are ``fn`` of this sample's, with no search of their own: sorting ``fn(x)`` gives
        ``fn(sorted x)`` exactly, as long as ``fn`` gives each element the same bits whatever array it is in
        (true of IEEE arithmetic: +, -, *, /, max)."""
        read = self._read
        return Sample(lambda start, count: fn(read(start, count)), self.n, parent=self, transform=fn)

    def chunks(self) -> Iterator[np.ndarray]:
        for start in range(0, self.n, READ_VALUES):
            yield self._read(start, min(READ_VALUES, self.n - start))

    def values(self) -> np.ndarray:
        """All ``n`` values in one array: for small samples, or a caller that asks to hold them all."""
        out = np.empty(self.n)
        for i, chunk in enumerate(self.chunks()):
            out[i * READ_VALUES : i * READ_VALUES + len(chunk)] = chunk
        return out

    def sums(self, *terms: Callable[[np.ndarray], np.ndarray]) -> list[float]:
        """In one pass, for each term: the exact sum (rounded once) of ``term(chunk)`` over all chunks; for a
        boolean term, the number of True values."""
        totals = [ExactSum() for _ in terms]
        for chunk in self.chunks():
            for total, term in zip(totals, terms):
                total.add(term(chunk))
        return [total.value() for total in totals]

    def mean(self) -> float:
        """The exact mean rounded: the correctly rounded sum divided by n."""
        if self._mean is None:
            self._mean = self.sums(lambda x: x)[0] / self.n
        return self._mean

    def sd(self) -> float:
        """Standard deviation, n - 1 in the denominator (n >= 2): a second pass over the squared deviations from
        the mean (numerically sound, unlike a sum of squares), each pass an exact sum."""
        if self._sd is None:
            if self.n < 2:
                raise ValueError("a standard deviation needs at least 2 values")
            mean = self.mean()
            self._sd = math.sqrt(self.sums(lambda x: np.square(x - mean))[0] / (self.n - 1))
        return self._sd

    def order_statistics(self, ranks: Sequence[int]) -> np.ndarray:
        """``np.sort(values)[ranks]``, exactly (0-based ranks); remembered for later calls."""
        ranks = [int(r) for r in ranks]
        if any(not 0 <= r < self.n for r in ranks):
            raise IndexError(f"ranks {ranks} outside a sample of {self.n}")
        missing = sorted(set(ranks) - self._found.keys())
        if missing:
            if self._parent is not None:
                found = self._transform(self._parent.order_statistics(missing))
            else:
                found = order_statistics(self, missing)
            self._found.update(zip(missing, found.tolist()))
        return np.array([self._found[r] for r in ranks], dtype=np.float64)

    def quantiles(self, qs: Sequence[float]) -> np.ndarray:
        """``np.quantile(values, qs)`` (method "linear"), bit for bit."""
        points = [quantile_point(self.n, q) for q in qs]
        stats = self.order_statistics(quantile_ranks(self.n, qs)).tolist()
        return np.array([_lerp(stats[2 * i], stats[2 * i + 1], gamma) for i, (_, _, gamma) in enumerate(points)])

    def quantile(self, q: float) -> float:
        return float(self.quantiles([q])[0])


def quantile_point(n: int, q: float) -> tuple[int, int, float]:
    """(below, above, gamma): NumPy's "linear" quantile of n values interpolates between the order statistics of
    ranks below and above with weight gamma.

    The same arithmetic as numpy/lib/_function_base_impl.py (NumPy 2.x: ``_quantile``, ``_get_indexes``,
    ``_get_gamma``): virtual index (n - 1) q; at or past the last value both neighbours are the last one and NumPy
    computes gamma against its index -1."""
    if not 0 <= q <= 1:
        raise ValueError(f"quantile level {q} outside [0, 1]")
    virtual = (n - 1) * q
    if virtual >= n - 1:
        return n - 1, n - 1, virtual - (-1)
    below = math.floor(virtual)
    return below, below + 1, virtual - below


def quantile_ranks(n: int, qs: Sequence[float]) -> list[int]:
    """The ranks whose order statistics the quantiles ``qs`` of n values need (two per level, below and above)."""
    return [r for q in qs for r in quantile_point(n, q)[:2]]


def _lerp(a: float, b: float, t: float) -> float:
    """NumPy's ``_lerp``: a + (b - a) t, computed from b's side when t >= 0.5 (the same operations in float64)."""
    diff = b - a
    return b - diff * (1 - t) if t >= 0.5 else a + diff * t


def order_statistics(sample: Sample, ranks: Sequence[int]) -> np.ndarray:
    """The values of 0-based ``ranks`` among the sample's values: exactly ``np.sort(values)[ranks]``.

    A small sample (at most SORT_VALUES values) is read and sorted. A larger one: a pass for its smallest and
    largest value, then :func:`_select` narrows each rank down by histograms until its values fit in memory or are
    all equal. Memory: a few arrays of READ_VALUES, 2**BIN_BITS counts and at most SORT_VALUES collected values."""
    ranks = np.asarray(ranks, dtype=np.int64)
    if sample.n <= SORT_VALUES:
        return np.sort(sample.values())[ranks]
    lo, hi = np.inf, -np.inf
    for chunk in sample.chunks():
        lo, hi = np.minimum(lo, chunk.min()), np.maximum(hi, chunk.max())  # NaN propagates
    if not (np.isfinite(lo) and np.isfinite(hi)):
        raise ValueError("order statistics need finite values (NaN or infinity found)")
    return _select(sample, int(_keys(np.array([lo]))[0]), int(_keys(np.array([hi]))[0]), ranks, everything=True)


def _select(sample: Sample, lo: int, hi: int, ranks: np.ndarray, everything: bool = False) -> np.ndarray:
    """The values of ``ranks`` (0-based) among the sample's values whose keys (:func:`_keys`) are in [lo, hi];
    lo and hi are keys of values in the sample.

    A histogram of those keys finds each rank's bin and its rank inside the bin; one more pass collects the wanted
    bins that fit in memory together (sorted, each bin is a run: a bin holds a range of values) and the smallest
    and largest key of each crowded bin, which is then searched the same way.

    Termination: if lo == hi every value is the same (ties, e.g. many trials without claims). Otherwise lo falls
    in bin 0 and hi in a later one, so every bin holds fewer values than [lo, hi] and each step strictly shrinks
    the count. Each step also shortens the key range by BIN_BITS - 1 bits or more (a bin spans 2**shift keys, the
    range at least 2**(BIN_BITS - 1 + shift)), so a 64-bit range needs at most 64 / 15 + 1 = 5 steps and a last
    one that finds ties.
    """
    if lo == hi:
        return np.full(len(ranks), _value(lo))
    bins = 1 << BIN_BITS
    shift = max(0, (hi - lo).bit_length() - BIN_BITS)  # so (hi - lo) >> shift < bins
    counts = np.zeros(bins, dtype=np.int64)
    for _, keys in _in_range(sample, lo, hi, everything):
        counts += np.bincount(_bins(keys, lo, shift), minlength=bins)
    ends = np.cumsum(counts)  # values in this bin and all below it
    where = np.searchsorted(ends, ranks, side="right")  # the bin holding each rank
    within = ranks - (ends[where] - counts[where])  # the rank inside that bin
    wanted = np.unique(where)
    # The smallest wanted bins while their values fit in memory together; the rest are searched further.
    by_size = wanted[np.argsort(counts[wanted], kind="stable")]
    fits = np.sort(by_size[np.cumsum(counts[by_size]) <= SORT_VALUES])
    crowded = np.setdiff1d(wanted, fits)
    kept, low, high = _collect(sample, lo, hi, shift, everything, fits, int(counts[fits].sum()), crowded)
    out = np.empty(len(ranks))
    offset = dict(zip(fits.tolist(), (np.cumsum(counts[fits]) - counts[fits]).tolist()))
    for i, b in enumerate(where.tolist()):
        if b in offset:
            out[i] = kept[offset[b] + within[i]]
    for b in crowded.tolist():
        mine = where == b
        out[mine] = _select(sample, low[b], high[b], within[mine])
    return out


def _collect(sample: Sample, lo: int, hi: int, shift: int, everything: bool, fits: np.ndarray, size: int,
             crowded: np.ndarray) -> tuple[np.ndarray, dict, dict]:
    """One pass: the sorted values of the bins ``fits`` (``size`` of them), and the smallest and largest key of
    each crowded bin."""
    kept, filled, low, high = np.empty(size), 0, {}, {}
    take = np.zeros(1 << BIN_BITS, dtype=bool)
    take[fits] = True
    for values, keys in _in_range(sample, lo, hi, everything):
        bins = _bins(keys, lo, shift)
        taken = values[take[bins]]
        kept[filled : filled + taken.size] = taken
        filled += taken.size
        for b in crowded.tolist():
            mine = keys[bins == b]
            if mine.size:
                low[b] = min(low.get(b, mine.min()), mine.min())
                high[b] = max(high.get(b, mine.max()), mine.max())
    low, high = ({b: int(k) for b, k in d.items()} for d in (low, high))
    kept.sort()
    return kept, low, high


def _in_range(sample: Sample, lo: int, hi: int, everything: bool) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """The sample's values with keys in [lo, hi], and their keys, a chunk at a time (``everything``: lo and hi are
    the keys of its extremes, so no value is left out)."""
    for chunk in sample.chunks():
        keys = _keys(chunk)
        if everything:
            yield chunk, keys
        else:
            inside = (keys >= lo) & (keys <= hi)
            yield chunk[inside], keys[inside]


_ALL_BUT_SIGN = np.int64(0x7FFF_FFFF_FFFF_FFFF)


def _keys(values: np.ndarray) -> np.ndarray:
    """64-bit integers in the order of the values (the radix-sort view of a double).

    A finite double's bits read as a signed integer grow with the value when it is >= 0 and shrink when it is
    < 0; flipping all but the sign bit of the negative ones makes the order the values' order (-0.0 gets the key
    just below 0.0; claims are never -0.0). The same operation maps keys back to bits."""
    bits = np.ascontiguousarray(values, dtype=np.float64).view(np.int64)
    return bits ^ ((bits >> 63) & _ALL_BUT_SIGN)


def _value(key: int) -> float:
    """The value whose key (:func:`_keys`) this is."""
    bits = np.array([key], dtype=np.int64)
    return float((bits ^ ((bits >> 63) & _ALL_BUT_SIGN)).view(np.float64)[0])


def _bins(keys: np.ndarray, lo: int, shift: int) -> np.ndarray:
    """The bin of each key in [lo, hi]: (key - lo) >> shift, in exact integer arithmetic, so non-decreasing in the
    key and hence in the value (each bin holds a range of values). Unsigned, because key - lo can pass 2**63."""
    offset = keys.view(np.uint64) - np.uint64(lo % 2**64)  # wraps modulo 2**64 onto the true difference
    offset >>= np.uint64(shift)
    return offset.astype(np.intp)


_SUM_VALUES = 1 << 16  # values per np.bincount in ExactSum: sums of 27-bit integers stay below 2**43, exact
_EXPONENT_OFFSET = 1074  # np.frexp exponents of finite doubles lie in [-1073, 1024]: shifted to bins from 1
_EXPONENT_BINS = 2099
_FOLD_EVERY = 1 << 9  # bincounts added up in float64 between folds into a Python integer: still below 2**53


class ExactSum:
    """The exact sum of float64 values rounded once to the nearest double, ties to even: ``math.fsum``'s value,
    about six times faster here because the work is vectorised (a million values: 10 ms against 63 ms).

    Each value is m * 2**(e - 53) with m an integer, |m| < 2**53 (np.frexp, scaled). m is split as whole * 2**26 +
    fraction * 2**26, whole an integer and fraction a multiple of 2**-26, both below 2**27 in size, and each is
    summed per exponent with np.bincount: sums of at most _SUM_VALUES of them stay below 2**43, and up to
    _FOLD_EVERY such sums below 2**52, all exact in float64. Then they are folded into one Python integer, which
    is divided by 2**(1074 + 53) with Python's correctly rounded integer division. A boolean array adds its number
    of True values (a count). A NaN or an infinity makes the sum an error.
    """

    def __init__(self):
        self._whole = np.zeros(_EXPONENT_BINS)
        self._fraction = np.zeros(_EXPONENT_BINS)
        self._adds = 0
        self._exact = 0  # folded sums, in units of 2**-(1074 + 53)

    def add(self, values: np.ndarray) -> None:
        values = np.asarray(values)
        if values.dtype == bool:
            self._exact += int(np.count_nonzero(values)) << (_EXPONENT_OFFSET + 53)
            return
        values = values.ravel().astype(np.float64, copy=False)
        for start in range(0, values.size, _SUM_VALUES):
            self._add(values[start : start + _SUM_VALUES])

    def _add(self, values: np.ndarray) -> None:
        mantissa, exponent = np.frexp(values)  # values = mantissa * 2**exponent, 0.5 <= |mantissa| < 1
        mantissa *= 2.0**27  # exact: the top 27 bits before the point, the other 26 after it
        fraction, whole = np.modf(mantissa, out=(np.empty_like(mantissa), mantissa))
        exponent += _EXPONENT_OFFSET
        self._whole += np.bincount(exponent, weights=whole, minlength=_EXPONENT_BINS)
        self._fraction += np.bincount(exponent, weights=fraction, minlength=_EXPONENT_BINS)
        self._adds += 1
        if self._adds == _FOLD_EVERY:
            self._fold()

    def _fold(self) -> None:
        if not (np.isfinite(self._whole).all() and np.isfinite(self._fraction).all()):
            raise ValueError("sums need finite values (NaN or infinity found)")
        whole = self._whole.astype(np.int64)
        fraction = (self._fraction * 2.0**26).astype(np.int64)  # integers, exactly
        for b in np.flatnonzero(whole | fraction).tolist():
            self._exact += (int(whole[b]) << 26) + int(fraction[b]) << b
        self._whole[:] = 0
        self._fraction[:] = 0
        self._adds = 0

    def value(self) -> float:
        self._fold()
        return self._exact / 2 ** (_EXPONENT_OFFSET + 53)
