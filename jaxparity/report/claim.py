"""The lesson's closing claim, answered from the numbers: the report's first section.

*JAX trains faster thanks to compilation, but needs stricter code and more compute.* Every
speed-up here is paired (``jaxparity.paired``) and split into what a teacher can name:

* the **kernel-and-dispatch factor** — JAX op by op (no ``jax.jit``) against eager torch: the
  libraries' own kernels (XLA's against MKL/oneDNN) and the cost of dispatching each op;
* the **compilation factor** — jitted JAX against the same function op by op: fusion,
  dead-code elimination, one dispatch per call instead of one per op;
* ``torch.compile``'s own factor against eager torch.

Cases where one side does less or other work (XLA removing work, a copy against a shared
buffer) are set apart from the compute comparisons, with the reason.
"""

from __future__ import annotations

import statistics
from typing import Any

from jaxparity import paired
from jaxparity.document import Block, Bullets, Heading, Para, Table
from jaxparity.fmt import fmt_s, fmt_x
from jaxparity.report.comparisons import (
    CONFIDENCE,
    comparisons,
    is_torch_compile,
    speedup_text,
    split_rows,
    where,
)
from jaxparity.summary import DISPATCH_CASE, PEAK_CASE, Summary
from shared import run_modes

CLAIM = "JAX trains faster thanks to compilation, but needs stricter code and more compute."
DISPATCH_BOUND_S = 1e-4
"""A loss faster than this is put down to per-call dispatch, not to the arithmetic."""


def _geo(values: list[float | None]) -> float | None:
    return paired.geomean(v for v in values if v is not None)


def _verdicts(found: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    return {v: [r for r in found if r["verdict"] == v] for v in ("win", "tie", "loss")}


def _count(by: dict[str, list]) -> str:
    return ", ".join(_n(len(by[v]), v) for v in ("win", "tie", "loss"))


def _n(count: int, word: str) -> str:
    """``1 win``, ``2 wins``, ``1 loss``, ``2 losses``."""
    plural = word + ("es" if word.endswith("s") else "s")
    return f"{count} {word if count == 1 else plural}"


def answer(summ: Summary) -> list[Block]:
    """The short verdict a teacher reads first, then the split case by case."""
    blocks: list[Block] = [
        Heading(2, "The lesson's claim, from the numbers", "claim"),
        Para(
            f"The lesson closes: *{CLAIM}* Every sentence below is generated from this run's "
            "results. A speed-up is the median of paired ratios (eager torch and the other "
            f"timed in alternating blocks, seconds apart) with its {CONFIDENCE} bootstrap interval "
            f"in brackets. A win means at least {paired.TIE - 1:.0%} faster with {CONFIDENCE} "
            f"confidence (the whole interval at or above {paired.TIE:g}×), a loss at least "
            f"{paired.TIE - 1:.0%} slower; anything else is a tie."
        ),
    ]
    rows = split_rows(summ)
    if not rows:
        blocks.append(Para("No compute case finished on both eager torch and jitted JAX."))
        return blocks
    blocks.append(Bullets(_headline(summ, rows)))
    blocks.append(Para(_verdict(summ, rows)))
    blocks += _split_table(rows)
    blocks += _set_apart(summ)
    return blocks


def _headline(summ: Summary, rows: list[dict[str, Any]]) -> list[str]:
    jit = [row["jit"] for row in rows]
    by = _verdicts(jit)
    items = [
        f"**Jitted JAX against eager PyTorch** ({_n(len(jit), 'compute comparison')}): "
        f"{_count(by)}; "
        f"geometric mean {fmt_x(_geo([r['speedup_vs_torch_eager'] for r in jit]))}"
        + _extremes(jit)
        + "."
    ]
    versus = [r for r in jit if r["vs_torch_compile"] is not None]
    if versus:
        by_c = {
            v: [r for r in versus if _verdict_of(r, "vs_torch_compile") == v]
            for v in ("win", "tie", "loss")
        }
        tc = [row["compile"] for row in rows if row["compile"] is not None]
        items.append(
            f"**Jitted JAX against `torch.compile`** ({_n(len(versus), 'comparison')}): "
            f"{_count(by_c)}; geometric mean "
            f"{fmt_x(_geo([r['vs_torch_compile'] for r in versus]))}. `torch.compile` itself "
            f"against eager torch: {fmt_x(_geo([r['speedup_vs_torch_eager'] for r in tc]))} "
            "(geometric mean)."
        )
    items.append(_lead(rows))
    items += _floor_and_ceiling(summ)
    items.append(_compile_cost(summ))
    return items


def _verdict_of(r: dict[str, Any], key: str) -> str:
    found = paired.Ratio(r[key], r[f"{key}_low"], r[f"{key}_high"], r["pairs"] or 0)
    return found.verdict


def _extremes(found: list[dict[str, Any]]) -> str:
    ranked = sorted(found, key=lambda r: r["speedup_vs_torch_eager"])
    if len(ranked) < 2:
        return ""
    lo, hi = ranked[0], ranked[-1]
    return (
        f", from {fmt_x(lo['speedup_vs_torch_eager'])} ({where(lo)}) to "
        f"{fmt_x(hi['speedup_vs_torch_eager'])} ({where(hi)})"
    )


def _lead(rows: list[dict[str, Any]]) -> str:
    """How much of JAX's lead is compilation, from the cases timed all three ways."""
    full = [row for row in rows if row["op"] is not None and row["jit"]["compile_factor"]]
    if not full:
        return "**Where the lead comes from**: no case was timed op by op in this run."
    total = _geo([row["jit"]["speedup_vs_torch_eager"] for row in full])
    kernel = _geo([row["op"]["speedup_vs_torch_eager"] for row in full])
    compiled = _geo([row["jit"]["compile_factor"] for row in full])
    assert total is not None and kernel is not None and compiled is not None
    text = (
        f"**Where the lead comes from** ({len(full)} cases timed eager torch, JAX op by op and "
        f"jitted JAX): JAX op by op runs at {fmt_x(kernel)} eager torch's speed (its kernels "
        f"and dispatch, no compilation); `jax.jit` then multiplies that by {fmt_x(compiled)} "
        f"(compilation), for {fmt_x(total)} overall (geometric means)."
    )
    share = paired.share_of_lead(total, compiled)
    if share is None:
        text += " There is no overall lead to explain."
    elif kernel < 1:
        text += (
            " All of JAX's lead is compilation: op by op, JAX is slower than eager torch, and "
            "compilation more than makes up for it."
        )
    elif compiled < 1:
        text += (
            " All of JAX's lead is its kernels and dispatch: compilation makes it slower, not "
            "faster."
        )
    else:
        text += (
            f" Compilation accounts for {share:.0%} of JAX's lead on a log scale, its kernels "
            f"and dispatch for {1 - share:.0%}."
        )
    return text


def _floor_and_ceiling(summ: Summary) -> list[str]:
    out = []
    for device in summ.devices:
        floor = summ.of(kind="bench", case=DISPATCH_CASE, device=device, status="pass")
        if floor:
            out.append(
                f"**Floor** ({device}): one dispatched call that does almost nothing costs "
                + ", ".join(
                    f"{fmt_s(r['median_s'])} ({run_modes.label(r['framework'], r['mode'])})"
                    for r in floor
                )
                + ": a case timed near these is dispatch overhead, not arithmetic."
            )
        ceiling = summ.of(kind="bench", case=PEAK_CASE, device=device, status="pass")
        rated = [r for r in ceiling if r["gflops"]]
        if rated and device in summ.peaks:
            n = summ.peaks[device]["n"]
            out.append(
                f"**Ceiling** ({device}, float32 {n}×{n} matmul): "
                + ", ".join(
                    f"{run_modes.label(r['framework'], r['mode'])} {r['gflops']:.3g} GFLOP/s"
                    for r in sorted(rated, key=lambda r: -r["gflops"])
                )
                + ". Each is the library's kernel (BLAS or XLA), not compilation: a "
                "matmul-bound case's ratio is the ratio of these."
            )
    return out


def _compile_cost(summ: Summary) -> str:
    timed = summ.of(kind="bench", status="pass")
    jax_c = [
        r["compile_s"]
        for r in timed
        if r["framework"] == "jax" and r["compile_s"] and not r["case"].startswith("machine.")
    ]
    torch_c = [r["compile_s"] for r in timed if is_torch_compile(r) and r["compile_s"]]
    text = "**What compilation costs**: "
    if jax_c:
        text += (
            f"`jax.jit` {sum(jax_c):.1f} s in all ({len(jax_c)} functions, median "
            f"{fmt_s(statistics.median(jax_c))})"
        )
    else:
        text += "no JAX compile time"
    if torch_c:
        text += (
            f"; `torch.compile` {sum(torch_c):.1f} s ({len(torch_c)} functions, median "
            f"{fmt_s(statistics.median(torch_c))})"
        )
    else:
        skipped = [
            r
            for r in summ.of(kind="bench", mode=run_modes.TORCH_COMPILE.name)
            if r["status"] == "skip"
        ]
        text += "; `torch.compile` was not timed in this run" + (
            f" ({skipped[0]['reason']})" if skipped else ""
        )
    return text + ". Compile seconds are measured apart, never inside a timing."


def _verdict(summ: Summary, rows: list[dict[str, Any]]) -> str:
    jit = [row["jit"] for row in rows]
    by = _verdicts(jit)
    wins, losses = len(by["win"]), len(by["loss"])
    if wins > len(jit) / 2:
        head = "the claim's first half holds for most compute cases"
    elif wins > losses:
        head = "the claim's first half holds more often than not"
    elif wins == 0:
        head = "the claim's first half does not show: jitted JAX never won clearly"
    else:
        head = "the claim's first half holds only in places"
    full = [row for row in rows if row["op"] is not None and row["jit"]["compile_factor"]]
    why = []
    fused = [row for row in full if row["jit"]["compile_factor"] >= paired.TIE]
    kernels = [row for row in full if row["op"]["speedup_vs_torch_eager"] >= paired.TIE]
    slow_ops = [row for row in full if row["op"]["speedup_vs_torch_eager"] <= 1 / paired.TIE]
    if fused:
        why.append(
            f"compilation (fusion, dead code removed, one dispatch per call) speeds JAX up in "
            f"{len(fused)} of {len(full)} cases"
        )
    if kernels:
        why.append(
            f"JAX's kernels and dispatch alone beat eager torch in {len(kernels)} (op by op, "
            "before any compilation: a library's kernel, not the compiler)"
        )
    if slow_ops:
        why.append(f"op by op JAX is slower than eager torch in {len(slow_ops)}")
    small = [r for r in by["loss"] if r["median_s"] and r["median_s"] < DISPATCH_BOUND_S]
    if small:
        why.append(
            f"{len(small)} of the losses take under {fmt_s(DISPATCH_BOUND_S)}, where per-call "
            "dispatch decides"
        )
    price = _price(summ)
    return (
        f"**Verdict**: on this machine {head} ({_count(by)} of {len(jit)})"
        + (f". Why: {'; '.join(why)}" if why else "")
        + f". {price}"
    )


def _price(summ: Summary) -> str:
    timed = summ.of(kind="bench", status="pass")
    jit_s = sum(r["compile_s"] or 0 for r in timed if r["framework"] == "jax")
    tc_s = sum(r["compile_s"] or 0 for r in timed if is_torch_compile(r))
    return (
        f"The price: {jit_s:.1f} s of JAX compilation in this run"
        + (f" ({tc_s:.1f} s for torch.compile)" if tc_s else "")
        + ", and code written as pure functions of arrays."
    )


def _split_table(rows: list[dict[str, Any]]) -> list[Block]:
    header = [
        "case · variant (size)",
        "eager torch",
        "JAX op by op ×",
        "compilation ×",
        "JAX jit ×",
        "torch.compile ×",
        "JAX jit vs torch.compile",
        "verdict",
    ]
    table = []
    for row in rows:
        r = row["jit"]
        base = r["median_s"] * r["speedup_vs_torch_eager"]
        table.append(
            [
                where(r),
                fmt_s(base),
                speedup_text(row["op"]),
                speedup_text(r, "compile_factor"),
                speedup_text(r),
                speedup_text(row["compile"]),
                speedup_text(r, "vs_torch_compile"),
                r["verdict"] or "—",
            ]
        )
    return [
        Heading(3, "The split, case by case"),
        Para(
            f"Speed-ups over eager torch (> 1×: faster), each with its {CONFIDENCE} interval. "
            "JAX op by "
            "op × compilation ≈ JAX jit (each is its own paired median). Eager torch's time is "
            "its median per call."
        ),
        Table(header, table, tuple(range(1, len(header) - 1))),
    ]


def _set_apart(summ: Summary) -> list[Block]:
    other = comparisons(summ, lambda r: r["framework"] == "jax", compute=False)
    if not other:
        return []
    reasons: dict[str, list[dict[str, Any]]] = {}
    for r in other:
        reasons.setdefault(r["unequal_work"], []).append(r)
    items = [
        f"{reason}: "
        + ", ".join(
            f"{where(r)} {run_modes.label(r['framework'], r['mode'])} "
            f"{fmt_x(r['speedup_vs_torch_eager'])}"
            for r in found
        )
        for reason, found in reasons.items()
    ]
    return [
        Heading(3, "Set apart: not compute comparisons"),
        Para("Timed and shown in their cases, left out of the verdict and the geometric means:"),
        Bullets(items),
    ]
