"""The report's last two sections: the machine the numbers come from, and how they were made.

The method text reads its numbers from the constants it describes (``jaxparity.bench``,
``jaxparity.paired``, ``jaxparity.selection``) and from the run's plan, so it cannot drift from
the code; where a number is a measurement kept in a docstring, it names where to read it.
"""

from __future__ import annotations

from typing import Any

from jaxparity import bench, paired, results, selection
from jaxparity import machine as machine_id
from jaxparity.document import Block, Bullets, Heading, Note, Para, Table
from jaxparity.results import Results
from jaxparity.summary import PEAK_CASE, Summary
from shared import run_modes

MACHINE_KEYS = (
    ("cpu_model", "CPU"),
    ("cpu_count", "CPU cores (os.cpu_count)"),
    ("torch_gpu", "GPU (torch)"),
    ("jax_devices", "JAX devices"),
    ("torch", "torch"),
    ("torch_cuda", "torch CUDA"),
    ("torch_threads", "torch threads"),
    ("torch_interop_threads", "torch inter-op threads"),
    ("jax", "jax"),
    ("jaxlib", "jaxlib"),
    ("flax", "flax"),
    ("numpy", "numpy"),
    ("jax_backend", "JAX default backend"),
    ("xla_flags", "XLA_FLAGS"),
    ("torch_float32_matmul", "torch float32 matmul"),
    ("jax_default_matmul_precision", "JAX matmul precision"),
    ("python", "Python"),
    ("platform", "platform"),
    ("git_commit", "git commit"),
    ("missing_backends", "missing frameworks"),
    ("load_1m_at_start", "load average (1 min) at the start"),
)


def machine(res: Results, summ: Summary) -> list[Block]:
    """The machine record, its identity, load and the matmul peak measured in this run."""
    m = res.machine
    ident = m.get("identity")
    rows = [[label, _plain(m[key])] for key, label in MACHINE_KEYS if m.get(key) not in (None, "")]
    if ident:
        rows.insert(0, ["machine", machine_id.label(ident)])
        rows += _identity_rows(ident)
    known = {k for k, _ in MACHINE_KEYS} | {"tool", "date", "identity"}
    rows += [[k, _plain(v)] for k, v in sorted(m.items()) if k not in known]
    blocks: list[Block] = [Heading(2, "The machine", "machine")]
    if not ident and m:
        blocks.append(
            Note(
                "This run's machine record predates the CPU and kernel identity: it cannot "
                "tell two machines with the same model name apart.",
                warn=True,
            )
        )
    blocks.append(Table(["what", "value"], rows) if rows else Para("No machine record saved."))
    blocks += load_note(res, summ)
    for device, peak in summ.peaks.items():
        blocks.append(
            Para(
                f"Matmul peak on {device}, measured in this run: **{peak['gflops']:.3g} GFLOP/s** "
                f"(float32 {peak['n']}×{peak['n']} matmul, best of NumPy, torch, jitted JAX and "
                f"JAX op by op: {run_modes.label(peak['framework'], peak['mode'])}). Matmul-bound "
                "cases are stated as a share of it." + _peak_per_pass(res, device)
            )
        )
    return blocks


def _peak_per_pass(res: Results, device: str) -> str:
    """The same matmul, timed at the end of every pass: a drop in one pass is the machine
    (other tenants), not the frameworks, and tells how far to trust that pass's neighbours."""
    best: dict[int, float] = {}
    for r in res.bench:
        s = r["stats"]
        if (
            r["case_id"] != PEAK_CASE
            or r["device"] != device
            or not (r.get("flops") and s.get("median"))
        ):
            continue
        number = r.get("pass", 1)
        best[number] = max(best.get(number, 0.0), r["flops"] / s["median"] / 1e9)
    if len(best) < 2:
        return ""
    values = ", ".join(f"{best[n]:.3g}" for n in sorted(best))
    return (
        f" Per pass: {values} GFLOP/s; a pass well below the others ran while other tenants "
        "held the machine."
    )


def load_note(res: Results, summ: Summary) -> list[Block]:
    """Was the machine busy with other work? Timings taken under load are inflated."""
    loads = [r["load_1m"] for r in summ.of(kind="bench") if r["load_1m"] is not None]
    cores = res.machine.get("cpu_count")
    if not loads or not cores:
        return []
    busy = sum(load > cores for load in loads)
    text = (
        f"Load average (1 min) as each benchmark ended: {min(loads):.1f}–{max(loads):.1f} on "
        f"{cores} cores."
    )
    if busy:
        text += (
            f" {busy} of {len(loads)} benchmarks ended with the load above the core count: other "
            "processes competed for the CPU, so those timings are inflated (a thread pool "
            "waiting for a descheduled thread suffers most)."
        )
    return [Note(text, warn=bool(busy))]


def _plain(v: Any) -> str:
    if isinstance(v, dict):
        return "; ".join(f"{k}: {x}" for k, x in v.items()) or "—"
    if isinstance(v, list):
        return ", ".join(map(str, v)) or "—"
    return str(v)


def _identity_rows(ident: dict[str, Any]) -> list[list[str]]:
    """What decides which kernels run: the CPU's ISA and caches, each library's BLAS, and the
    environment variables that steer them."""
    cpu = ident.get("cpu") or {}
    rows = [
        [
            "CPU identity",
            _plain(
                {
                    k: cpu.get(k)
                    for k in (
                        "vendor",
                        "family",
                        "model",
                        "stepping",
                        "microarchitecture",
                        "microcode",
                    )
                }
            ),
        ],
        ["ISA that changes kernels", _plain(cpu.get("isa") or [])],
        ["caches (per instance)", _plain(cpu.get("caches") or {})],
        ["hypervisor", str(cpu.get("hypervisor") or "none")],
    ]
    for name, info in (ident.get("libraries") or {}).items():
        what = "other thread pools" if name == "other_threadpools" else f"{name} kernels"
        rows.append([what, _plain(info)])
    rows.append(["kernel environment", _plain(ident.get("kernel_env") or {}) or "—"])
    return rows


def method(res: Results) -> list[Block]:
    """How parity is judged and timings are taken, with the numbers from the code."""
    plan_b = res.plan.get("bench", {})
    blocks, block_s = plan_b.get("blocks"), plan_b.get("block_s")
    passes = plan_b.get("passes", 1)
    design = "; ".join(
        f"{k}: {v}" for k, v in bench.BLOCK_DESIGN.items() if k not in ("measured", "conclusion")
    )
    return [
        Heading(2, "How these numbers were made", "method"),
        Bullets(
            [
                "Parity: `shared.parity`, the helper the tests use — every output against a NumPy "
                "oracle (see `shared/tolerances.py` for each tolerance and its reason), torch "
                "against JAX, observed behaviour against the case's expectations.",
                "Timing: pytest-benchmark through `bench/harness.py`. Inputs are placed on the "
                "device before timing; compilation (`torch.compile`, `jax.jit(...).lower()"
                ".compile()`) happens before it and its seconds are reported apart (from the "
                "first pass, with cold caches); each timed call waits for the result "
                "(`block_until_ready`, `torch.cuda.synchronize`). JAX op by op is the same "
                "function called without `jax.jit`.",
                _modes_explained(res),
                "**Paired blocks.** The timings compared with each other (one case, variant, "
                "size and device: eager torch, `torch.compile`, jitted JAX, JAX op by op) are "
                "taken in alternating blocks within one process: "
                + (
                    f"{blocks} rounds per pass, each member timed for about {block_s} s per "
                    f"round (at least one call), in {passes} pass(es) — fresh processes, one "
                    "after another"
                    if blocks
                    else "several rounds per pass"
                )
                + f". Before each block, up to {bench.WARMUP_CALLS} warm-up calls (none that "
                f"would run past {bench.WARMUP_S * 1e3:.0f} ms): a switch of framework leaves "
                "one thread pool cold and the other's spinning. The members' order reverses "
                "every round. Why this design, measured (`python -m bench.block_design`, "
                f"{bench.BLOCK_DESIGN['measured']}): {design} — "
                f"{bench.BLOCK_DESIGN['conclusion']}. Frameworks never alternate call by call.",
                "A speed-up is the median over rounds of the ratio of the two blocks' medians, "
                f"with a {paired.CONFIDENCE:.0%} percentile-bootstrap interval "
                f"({paired.RESAMPLES} resamples, seeded): a drift of the shared machine lands "
                f"on both sides of a ratio. A win needs the whole interval at or above "
                f"{paired.TIE:g}× (a loss: at or below {1 / paired.TIE:.2f}×); anything else is "
                "a tie, so a verdict near the threshold does not flip with the next run's "
                "noise. A benchmark's "
                "median is the median of its blocks' medians; the IQR shown is that of the "
                "blocks (how much the machine moved).",
                f"{selection.COMPILE_COST}, so the "
                "default run compiles at one size per case and `--size test` leaves it out "
                "(`--modes` decides). It starts from an empty inductor cache in every run, as "
                "`jax.jit` keeps none on disk: compile seconds are what a first run pays.",
                "The benchmark process runs with glibc's allocator thresholds fixed ("
                + ", ".join(f"`{name}`" for name in bench.MALLOC_PINNED)
                + "; see `jaxparity/bench.py`): otherwise an eager call's time depends on which "
                "benchmarks freed memory before it (the measurement, on torch's per-sample "
                "gradients, is in `MALLOC_PINNED` there).",
                f"Rebuild this report from the saved files with `jaxparity report --out "
                f"{res.folder}`; raw results: `{results.CHECK}`, `{results.ARTIFACTS}`, "
                f"`{results.BENCH}`, `{results.OUTCOMES}`, `{results.BENCHMARK_JSON}`, "
                f"`{results.SUMMARY}`; graph files in `{results.GRAPHS}/`.",
            ]
        ),
    ]


def _modes_explained(res: Results) -> str:
    """What each mode timed in this run means, in the table's order."""
    timed = {(r["framework"], r["mode"]) for r in res.bench}
    found = [m for key, m in run_modes.TABLE.items() if key in timed]
    if not found:
        return "Modes: nothing was timed in this run."
    return (
        "Modes, as the tables and charts name them: "
        + "; ".join(f"**{m.label}** — {m.description}" for m in found)
        + "."
    )
