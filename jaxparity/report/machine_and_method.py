"""The report's last two sections: the machine the numbers come from, and how they were made.

The method text reads its numbers from the constants it describes (``jaxparity.bench``,
``jaxparity.paired``, ``jaxparity.selection``) and from the run's plan, so it cannot drift from
the code; where a number is a measurement kept in a docstring, it names where to read it.
"""

from __future__ import annotations

from typing import Any

from jaxparity import bench, paired, regimes, results, selection
from jaxparity.document import Block, Bullets, Heading, Note, Para, Table
from jaxparity.machine import naming
from jaxparity.report import regimes as labels
from jaxparity.report.texts import Texts
from jaxparity.results import Results
from jaxparity.summary import PEAK_CASE, Summary
from shared import run_modes

MACHINE_KEYS = (
    "cpu_model",
    "cpu_count",
    "torch_gpu",
    "jax_devices",
    "torch",
    "torch_cuda",
    "torch_threads",
    "torch_interop_threads",
    "jax",
    "jaxlib",
    "flax",
    "numpy",
    "jax_backend",
    "xla_flags",
    "torch_float32_matmul",
    "jax_default_matmul_precision",
    "python",
    "platform",
    "git_commit",
    "missing_backends",
    "load_1m_at_start",
)
"""The machine record's entries, in the table's order; ``machine.key.<key>`` names each."""


def machine(res: Results, summ: Summary, t: Texts) -> list[Block]:
    """The machine record, its identity, load and the matmul peak measured in this run."""
    m = res.machine
    ident = m.get("identity")
    rows = [
        [t(f"machine.key.{key}"), t.value(m[key])]
        for key in MACHINE_KEYS
        if m.get(key) not in (None, "")
    ]
    if ident:
        rows.insert(0, [t("machine.machine"), t.machine(ident)])
        rows += _identity_rows(ident, t)
    known = {*MACHINE_KEYS, "tool", "date", "identity"}
    rows += [[f"`{k}`", t.value(v)] for k, v in sorted(m.items()) if k not in known]
    blocks: list[Block] = [Heading(2, t("machine.heading"), "machine", t("nav.machine"))]
    if not ident and m:
        blocks.append(Note(t("machine.no_identity"), warn=True))
    blocks.append(
        Table([t("machine.what"), t("machine.value")], rows) if rows else Para(t("machine.none"))
    )
    blocks += load_note(res, summ, t)
    for device, peak in summ.peaks.items():
        blocks.append(
            Para(
                t(
                    "machine.peak",
                    device=device,
                    gflops=f"{peak['gflops']:.3g}",
                    n=peak["n"],
                    mode=t.mode(peak["framework"], peak["mode"]),
                )
                + _peak_per_pass(res, device, t)
            )
        )
    return blocks


def _peak_per_pass(res: Results, device: str, t: Texts) -> str:
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
    return t("machine.peak.passes", values=", ".join(f"{best[n]:.3g}" for n in sorted(best)))


def load_note(res: Results, summ: Summary, t: Texts) -> list[Block]:
    """Was the machine busy with other work? Timings taken under load are inflated."""
    loads = [r["load_1m"] for r in summ.of(kind="bench") if r["load_1m"] is not None]
    cores = res.machine.get("cpu_count")
    if not loads or not cores:
        return []
    busy = sum(load > cores for load in loads)
    text = t("machine.load", low=f"{min(loads):.1f}", high=f"{max(loads):.1f}", cores=cores)
    if busy:
        text += t("machine.load.busy", n=busy, of=len(loads))
    return [Note(text, warn=bool(busy))]


CPU_IDENTITY = ("vendor", "family", "model", "stepping", "microarchitecture", "microcode")


def _identity_rows(ident: dict[str, Any], t: Texts) -> list[list[str]]:
    """What decides which kernels run: the CPU's ISA and caches, each library's BLAS, and the
    environment variables that steer them."""
    cpu = ident.get("cpu") or {}
    hypervisor = cpu.get("hypervisor")
    named = "; ".join(f"{t(f'machine.cpu.{k}')}: {t.value(cpu.get(k))}" for k in CPU_IDENTITY)
    caches = "; ".join(f"{k}: {naming.size(v)}" for k, v in (cpu.get("caches") or {}).items())
    rows = [
        [t("machine.cpu_identity"), named],
        [t("machine.isa"), t.value(cpu.get("isa") or [])],
        [t("machine.caches"), caches or "—"],
        [
            t("machine.hypervisor"),
            t.value(hypervisor) if hypervisor else t("machine.no_hypervisor"),
        ],
    ]
    for name, info in (ident.get("libraries") or {}).items():
        what = (
            t("machine.other_pools")
            if name == "other_threadpools"
            else t("machine.kernels", name=name)
        )
        rows.append([what, t.value(info)])
    rows.append([t("machine.kernel_env"), t.value(ident.get("kernel_env") or {})])
    return rows


def method(res: Results, t: Texts) -> list[Block]:
    """How parity is judged and timings are taken, with the numbers from the code."""
    plan_b = res.plan.get("bench", {})
    blocks, block_s = plan_b.get("blocks"), plan_b.get("block_s")
    passes = plan_b.get("passes", 1)
    design = "; ".join(
        f"{t.quote(k)}: {v}"
        for k, v in bench.BLOCK_DESIGN.items()
        if k not in ("measured", "conclusion")
    )
    return [
        Heading(2, t("method.heading"), "method", t("nav.method")),
        Bullets(
            [
                t("method.parity"),
                t("method.timing"),
                _modes_explained(res, t),
                t(
                    "method.blocks",
                    rounds=t("method.blocks.rounds", blocks=blocks, block_s=block_s, passes=passes)
                    if blocks
                    else t("method.blocks.several"),
                    warmup_calls=bench.WARMUP_CALLS,
                    warmup_ms=f"{bench.WARMUP_S * 1e3:.0f}",
                    measured=t.quote(bench.BLOCK_DESIGN["measured"]),
                    design=design,
                    conclusion=t.quote(bench.BLOCK_DESIGN["conclusion"]),
                ),
                t(
                    "method.speedup",
                    confidence=f"{paired.CONFIDENCE:.0%}",
                    prior_from=paired.PRIOR_FROM,
                    tie=f"{paired.TIE:g}",
                    loss=f"{1 / paired.TIE:.2f}",
                ),
                t(
                    "method.regimes",
                    k=f"{regimes.DISPATCH_FLOORS:g}",
                    near=f"{regimes.NEAR_FLOOR:g}",
                    mark=labels.NEAR_FLOOR_MARK,
                    size=labels.LESSON_SIZE,
                ),
                t("method.selfcheck"),
                t("method.compile", cost=t.quote(selection.COMPILE_COST)),
                t(
                    "method.malloc",
                    names=", ".join(f"`{name}`" for name in bench.MALLOC_PINNED),
                ),
                t(
                    "method.files",
                    folder=res.folder,
                    files=", ".join(
                        f"`{name}`"
                        for name in (
                            results.CHECK,
                            results.ARTIFACTS,
                            results.BENCH,
                            results.OUTCOMES,
                            results.BENCHMARK_JSON,
                            results.SUMMARY,
                        )
                    ),
                    graphs=results.GRAPHS,
                ),
            ]
        ),
    ]


def _modes_explained(res: Results, t: Texts) -> str:
    """What each mode timed in this run means, in the table's order."""
    timed = {(r["framework"], r["mode"]) for r in res.bench}
    found = [m for key, m in run_modes.TABLE.items() if key in timed]
    if not found:
        return t("method.modes.none")
    return t(
        "method.modes",
        modes="; ".join(f"**{t.quote(m.label)}** — {t.quote(m.description)}" for m in found),
    )
