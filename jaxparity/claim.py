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
from collections.abc import Callable
from typing import Any

from jaxparity import paired
from jaxparity.document import Block, Bullets, Heading, Para, Table
from jaxparity.fmt import fmt_bytes, fmt_ci, fmt_s, fmt_x, link, mode_name
from jaxparity.summary import DISPATCH_CASE, PEAK_CASE, Summary
from shared import cases

CLAIM = "JAX trains faster thanks to compilation, but needs stricter code and more compute."


def primary_jax_mode(case_id: str) -> str | None:
    """The compiled JAX mode a case is judged by: ``jit`` where declared, else its first
    compiled mode (e.g. ``jit_grad``); the others (``nnx_jit``) are JAX as a student writes it."""
    case = cases.CASES.get(case_id)
    modes = case.bench.modes.get("jax", ()) if case is not None and case.bench else ()
    compiled = [m for m in modes if m != "eager"]
    return "jit" if "jit" in compiled else next(iter(compiled), None)


def is_jit(r: dict[str, Any]) -> bool:
    return r["framework"] == "jax" and r["mode"] == primary_jax_mode(r["case"])


def is_op_by_op(r: dict[str, Any]) -> bool:
    return (r["framework"], r["mode"]) == ("jax", "eager")


def is_student_jax(r: dict[str, Any]) -> bool:
    return r["framework"] == "jax" and r["mode"] not in ("eager", primary_jax_mode(r["case"]))


def is_torch_compile(r: dict[str, Any]) -> bool:
    return (r["framework"], r["mode"]) == ("torch", "compile")


def comparisons(
    summ: Summary, select: Callable[[dict[str, Any]], bool], compute: bool | None = True
) -> list[dict[str, Any]]:
    """Each selected timing with its paired speed-up over eager torch. ``compute``: only the
    compute comparisons (``True``), only the set-apart ones (``False``) or all (``None``)."""
    out = []
    for r in summ.of(kind="bench", status="pass"):
        if r["speedup_vs_torch_eager"] is None or not select(r):
            continue
        if compute is not None and (r["unequal_work"] is None) != compute:
            continue
        out.append(r)
    return out


def _same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return all(a[k] == b[k] for k in ("case", "variant", "size", "device"))


def _split_rows(summ: Summary) -> list[dict[str, Any]]:
    """Per compute comparison: jit's speed-up, the op-by-op (kernel-and-dispatch) factor, the
    compilation factor, torch.compile's factor and jit against torch.compile."""
    rows = []
    op = comparisons(summ, is_op_by_op)
    compiled = comparisons(summ, is_torch_compile)
    for r in comparisons(summ, is_jit):
        rows.append(
            {
                "jit": r,
                "op": next((o for o in op if _same(o, r)), None),
                "compile": next((c for c in compiled if _same(c, r)), None),
            }
        )
    return rows


def _x(r: dict[str, Any] | None, key: str = "speedup_vs_torch_eager") -> str:
    if r is None or r[key] is None:
        return "—"
    low, high = (
        (r["speedup_low"], r["speedup_high"])
        if key == "speedup_vs_torch_eager"
        else (r[f"{key}_low"], r[f"{key}_high"])
    )
    return f"{fmt_x(r[key])} {fmt_ci(low, high)}".strip()


def _where(r: dict[str, Any]) -> str:
    device = "" if r["device"] == "cpu" else f", {r['device']}"
    return f"{link(r['case'])} · {r['variant']} ({r['size']}{device})"


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
            "timed in alternating blocks, seconds apart) with its 95 % bootstrap interval in "
            f"brackets. A win means at least {paired.TIE - 1:.0%} faster with 95 % confidence "
            f"(the whole interval at or above {paired.TIE:g}×), a loss at least "
            f"{paired.TIE - 1:.0%} slower; anything else is a tie."
        ),
    ]
    rows = _split_rows(summ)
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
        f", from {fmt_x(lo['speedup_vs_torch_eager'])} ({_where(lo)}) to "
        f"{fmt_x(hi['speedup_vs_torch_eager'])} ({_where(hi)})"
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
                    f"{fmt_s(r['median_s'])} ({mode_name(r['framework'], r['mode'])})"
                    for r in floor
                )
                + ": a case timed near these is dispatch overhead, not arithmetic."
            )
        ceiling = summ.of(kind="bench", case=PEAK_CASE, device=device, status="pass")
        rated = [r for r in ceiling if r["gflops"]]
        if rated:
            best = max(rated, key=lambda r: r["gflops"])
            n = round((best["flops"] / 2) ** (1 / 3))
            out.append(
                f"**Ceiling** ({device}, float32 {n}×{n} matmul): "
                + ", ".join(
                    f"{mode_name(r['framework'], r['mode'])} {r['gflops']:.3g} GFLOP/s"
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
        skipped = [r for r in summ.of(kind="bench", mode="compile") if r["status"] == "skip"]
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
    small = [r for r in by["loss"] if r["median_s"] and r["median_s"] < 1e-4]
    if small:
        why.append(f"{len(small)} of the losses take under 100 µs, where per-call dispatch decides")
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
                _where(r),
                fmt_s(base),
                _x(row["op"]),
                _x(r, "compile_factor"),
                _x(r),
                _x(row["compile"]),
                _x(r, "vs_torch_compile"),
                r["verdict"] or "—",
            ]
        )
    return [
        Heading(3, "The split, case by case"),
        Para(
            "Speed-ups over eager torch (> 1×: faster), each with its 95 % interval. JAX op by "
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
            f"{_where(r)} {mode_name(r['framework'], r['mode'])} "
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


def details(summ: Summary) -> list[Block]:
    """What the claim's second half is about: stricter code, memory, JAX as a student writes
    it."""
    items = _training(summ) + _strictness(summ) + [_memory(summ)]
    return [Heading(3, "Stricter code and more memory"), Bullets(items)]


def _training(summ: Summary) -> list[str]:
    out = []
    for r in comparisons(summ, is_jit):
        if r["case"] != "modules.train_step":
            continue
        student = next((x for x in comparisons(summ, is_student_jax) if _same(x, r)), None)
        out.append(
            f"**Training** ({_where(r)}): one SGD step with jitted JAX runs at "
            f"{_x(r)} eager PyTorch's speed"
            + (
                f"; written as a student would ({mode_name('jax', student['mode'])}), "
                f"{_x(student)}: its Python object graph is walked on every call"
                if student
                else ""
            )
            + "."
        )
    return out


def _short(value: object, limit: int = 24) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _strictness(summ: Summary, shown: int = 8) -> list[str]:
    differ = []
    for case in cases.CASES.values():
        if not case.implemented:
            continue
        t, j = case.expectations("torch", "cpu"), case.expectations("jax", "cpu")
        keys = [k for k in t if k in j and t[k] != j[k]]
        checks = summ.of(case=case.id, kind="check", device="cpu")
        if keys and checks and all(r["status"] == "pass" for r in checks):
            k = keys[0]
            differ.append(f"{link(case.id)} (`{k}`: torch {_short(t[k])}, JAX {_short(j[k])})")
    if not differ:
        return []
    implemented = sum(c.implemented for c in cases.CASES.values())
    more = f"; and {len(differ) - shown} more" if len(differ) > shown else ""
    return [
        f"**Stricter code**: in {len(differ)} of the {implemented} implemented cases the two "
        "frameworks behave differently on purpose, each asserted and confirmed in this run — "
        + "; ".join(differ[:shown])
        + more
        + "."
    ]


def _memory(summ: Summary) -> str:
    """One number per memory measurement: its peak, else the first byte count it recorded."""
    parts = []
    for r in summ.of(kind="bench", status="pass"):
        extra = {k: v for k, v in (r["extra"] or {}).items() if k.endswith("bytes")}
        name, value = (
            ("peak", r["peak_bytes"]) if r["peak_bytes"] else next(iter(extra.items()), ("", None))
        )
        if value is not None:
            parts.append(
                f"{_where(r)} {mode_name(r['framework'], r['mode'])}: "
                f"{name.replace('_', ' ')} {fmt_bytes(value)}"
            )
    if not parts:
        return "**Memory**: no benchmark measured memory in this run."
    return "**Memory**, where a benchmark measured it: " + "; ".join(parts) + "."
