"""The benchmark design: how every timing is taken, in one place.

Both sides read these numbers: ``jaxparity`` plans with them (``bench_plan.py``: blocks, block
seconds and passes per ``--size``), launches with them (``bench_run.py``: the pinned allocator,
garbage collection while timing)
and quotes them (the report's method section); the pytest harness in ``bench/`` times with them
(the warm-up before each block). This module imports nothing of the project, so every module
may import it; ``python -m bench.block_design`` is the measurement behind the block design.
"""

from __future__ import annotations

WARMUP_CALLS = 3
"""Untimed calls before each block: caches, allocator pools, thread pools settle ..."""
WARMUP_S = 0.05
"""... but no call that would take the warm-up past this: a 50 ms call does not notice a cold
thread pool, and every block of every pass pays for the warm-up."""
BLOCK_DESIGN = {
    "measured": "(A @ A) ** 2, 500×500 float32, median ms per call, torch eager / JAX jit, "
    "range of two runs of python -m bench.block_design on the 2-core AMD EPYC Zen 4, "
    "2026-12-03, while other tenants loaded the machine",
    "each alone": "1.90–2.72 / 1.65–1.73",
    "call by call": "2.30–2.34 / 2.51–2.97",
    "blocks of 20, no warm-up": "1.65–2.13 / 1.54–2.26",
    "blocks of 20, 3 warm-up calls": "1.62–1.89 / 1.54–1.80",
    "blocks of 20 after a 20 ms pause": "1.72–1.73 / 1.51–1.57",
    "blocks of 20 after a 20 ms pause, 3 warm-up calls": "1.65 / 1.50–1.55",
    "conclusion": "interleaving call by call slows JAX 1.5–1.8×; blocks with their own warm-up "
    "run as fast as each framework alone",
}
"""What ``python -m bench.block_design`` measured when the block design was chosen; quoted by
the report's method section."""
BLOCKS = {"test": 2, "cpu": 4, "lesson": 4, "sweep": 3}
"""Paired rounds per comparison group and pass (``bench/harness.py``): each member of the
group — eager torch, torch.compile, jitted JAX, JAX op by op — is timed once per round, the
members' order reversed every round. Each round gives one ratio per comparison."""
BLOCK_S = {"test": 0.02, "cpu": 0.1, "lesson": 0.1, "sweep": 0.08}
"""Seconds of timed calls per block (at least one call, however long it takes)."""
PASSES = {"test": 1, "cpu": 2, "lesson": 2, "sweep": 2}
"""Fresh processes the whole plan runs in, one after another (``--passes`` overrides); the
pairs of all passes are pooled. Some timings are bimodal per process (JAX's large-MLP
vmap(grad) ran at 19 or 34 ms, a state kept for the process's life): two processes keep one
such state from deciding a verdict.

Chosen by measurement, two back-to-back default runs per design on the 2-core Zen 4
(2026-12-03), counting speed-ups of benchmarks above 1 ms within 10 % and verdicts alike:
2 passes × 4 blocks of 0.1 s (this design; 8–9 min a run): 39 of 57 and 94 of 95;
2 passes × 8 blocks of 0.04 s, GC off while timing (8.5 min): 40 of 59 and 92 of 95;
4 passes × 2 blocks of 0.08 s (13 min): 36 of 58 and 91 of 95. One round's ratio scatters
by ≈ 14 % (log scale) between blocks, and the passes of one run differ as much as two runs
do: on this shared machine neither more blocks nor more processes buy steadier speed-ups
within the run's 10 minutes. The report shows each speed-up's interval for that reason."""


MALLOC_PINNED = {"MALLOC_MMAP_THRESHOLD_": str(256 << 20), "MALLOC_TRIM_THRESHOLD_": str(512 << 20)}
"""glibc's allocator for the benchmark process, fixed. By default glibc raises its mmap
threshold each time it frees a large mapped block, so whether an eager torch call gets fresh,
page-faulting memory or reuses its heap depends on what ran before it: measured here, the
same per-sample-gradient benchmark took 23 ms alone and 5.9 ms after other benchmarks. Setting
the thresholds switches that adjustment off, so every benchmark, in both frameworks, sees the
same warm-heap regime whatever the order."""


GC_OFF_WHILE_TIMING = False
"""Whether the benchmark passes run with pytest-benchmark's ``--benchmark-disable-gc`` (no
garbage collection inside a timed call, as under ``timeit``, which torch's ``Timer`` uses),
the harness then collecting before each block's warm-up, outside the timed calls. A suspect
of issue 26's inflation; measured (:data:`INFLATION`), it changes nothing beyond the scatter
between processes, so it stays off.

Counted too (``python -m bench.inflation --counts``, 2026-12-05, the shared 2-core machine:
counts do not depend on its load), the five calls set up in one process holding both
frameworks (408 143 objects tracked), with the pinned allocator: per call, the per-sample
loop triggers 0.92 young collections (generation 0) and 0.08 of generation 1, ``vmap_grad``
0.10 and 0.01, the 1-D idiom 0.08 and 0.01, both Hessians none, and no call a full collection;
collecting took 0–2 % of the calls' time, and each call took 0–2 minor page faults (up to 25
in the first calls after another member's block)."""

INFLATION = {
    "measured": "python -m bench.inflation, twice, on the 2-core AMD EPYC Zen 4 (family 25, "
    "model 17), 2026-12-05, quiet (1-minute load 0.13 and 0.01 at the start, 1.2 at the end: "
    "its own passes); issue 26's calls: torch double backward and jax.jit(jax.hessian) of "
    "w @ XᵀX @ w (X 500×200), per-sample gradients 256×1000 by torch's loop, vmap(grad) as "
    "the case writes it and over 1-D samples; harness ÷ second timer, run 1 / run 2",
    "second timer, ms": "1.80/1.31, 0.75/0.56, 15.5/15.9, 0.62/0.63, 0.22/0.22",
    "as the run times": "0.84/0.98, 1.01/1.03, 1.00/1.00, 1.00/1.00, 0.99/1.01",
    "GC off while timing": "0.72/1.02, 0.91/1.24, 1.01/1.01, 0.99/1.00, 0.99/0.99",
    "allocator not pinned": "0.71/0.99, 0.84/1.27, 0.99/0.97, 0.99/0.98, 1.00/1.00",
    "blocks of 0.5 s": "0.71/0.99, 0.77/1.04, 1.02/0.99, 1.01/0.99, 1.02/1.00",
    "no warm-up": "0.74/0.99, 0.79/1.03, 1.03/1.00, 1.20/0.99, 1.27/1.01",
    "warm-up up to 0.5 s": "0.72/0.99, 0.78/1.04, 1.03/0.96, 1.00/0.99, 0.99/0.99",
    "alone, no other member": "0.73/1.05, 0.99/1.02, 0.98/0.99, 0.99/1.09, 0.99/1.04",
    "OpenMP threads sleep at once": "1.06/1.51, 0.80/1.14, 1.00/1.02, 1.10/1.15, 1.31/1.31",
    "one timer per block": "0.77/1.02, 0.90/1.23, 1.03/0.97, 1.03/1.04, 1.06/1.05",
    "conclusion": "no inflation by the harness here: as the run times them, every call within "
    "3 % of the second timer in run 2, and 4 of 5 in run 1, where the second timer's own fresh "
    "process ran torch's double backward at 1.80 ms (1.31 in run 2); JAX's Hessian runs at "
    "0.56 or 0.75 ms by process in every row. Such states, kept for a process's life, are the "
    "whole scatter; no suspect toggled moves a call beyond it, except two that make things "
    "worse: no warm-up (vmap(grad) 1.20–1.27× in run 1) and OpenMP threads sleeping at once "
    "(OMP_WAIT_POLICY=PASSIVE, up to 1.5×). Issue 26's 1.3–1.85× came from a Zen 3: run the "
    "script there",
}
"""What ``python -m bench.inflation`` measured when issue 26 was looked into (numbers in the
order of its five calls). Nothing in the harness changed for it: the warm-up and the blocks
stay as :data:`BLOCK_DESIGN` chose them, :data:`GC_OFF_WHILE_TIMING` off, the allocator
pinned. What did change is the self-check (``jaxparity/selfcheck.py``): it times each call in
as many processes as the run has passes and tells a process's state from a timer that
inflates. Two back-to-back ``jaxparity bench --case advanced.hessian,advanced.per_sample_grads,
modules.train_step --size cpu --modes eager,jit,jit_donated`` runs on the same quiet machine
right after: all six checked calls within 15 % process for process; pooled medians within 5 %
but for one call a run (torch's double backward 1.16×, a harness pass at 1.72 against 1.35
ms; the jitted JAX step 0.78×, a second-timer process at 131 against 93 µs)."""


PYTEST_BLOCKS = 1
"""Paired rounds per comparison group when pytest runs ``bench/`` without a plan (the test
suite, untimed: every target once) ..."""
PYTEST_BLOCK_S = 0.2
"""... and seconds of timed calls in that block, under ``--benchmark-enable``."""

JAX_CACHE = "JAX_COMPILATION_CACHE_DIR"
JAX_CACHE_VARS = (
    JAX_CACHE,
    "JAX_PERSISTENT_CACHE_MIN_COMPILE_TIME_SECS",
    "JAX_PERSISTENT_CACHE_MIN_ENTRY_SIZE_BYTES",
)
"""JAX's persistent compilation cache, as environment variables: the folder, and the least
compile time and size of an entry it keeps (0: all)."""
