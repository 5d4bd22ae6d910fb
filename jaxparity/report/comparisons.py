"""Which timings the verdict compares: eager torch as the base, jitted JAX (each case's primary
compiled mode), JAX op by op, ``torch.compile``, and JAX as a student writes it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jaxparity import paired
from jaxparity.fastest import is_idiom
from jaxparity.fmt import fmt_ci, fmt_x, link
from jaxparity.summary import Summary
from shared import cases, run_modes
from shared.run_modes import JAX_JIT, JAX_OP_BY_OP, TORCH_COMPILE, TORCH_EAGER

CONFIDENCE = f"{100 * paired.CONFIDENCE:g} %"
"""The confidence of every speed-up's interval, as the report writes it."""


def primary_jax_mode(case_id: str) -> str | None:
    """The compiled JAX mode a case is judged by: ``jit`` where declared, else its first
    compiled mode (e.g. ``jit_grad``); the others (``nnx_jit``) are JAX as a student writes it."""
    case = cases.CASES.get(case_id)
    modes = case.bench.modes.get("jax", ()) if case is not None and case.bench else ()
    compiled = [m for m in modes if run_modes.compiles("jax", m)]
    return JAX_JIT.name if JAX_JIT.name in compiled else next(iter(compiled), None)


def run_mode(r: dict[str, Any]) -> tuple[str, str]:
    """A record's framework × mode, as ``RunMode.key`` names it."""
    return r["framework"], r["mode"]


def is_torch_eager(r: dict[str, Any]) -> bool:
    """The base every speed-up is taken over."""
    return run_mode(r) == TORCH_EAGER.key


def is_jit(r: dict[str, Any]) -> bool:
    """JAX compiled as each case is judged by (``primary_jax_mode``)."""
    return r["framework"] == JAX_JIT.framework and r["mode"] == primary_jax_mode(r["case"])


def is_op_by_op(r: dict[str, Any]) -> bool:
    """JAX without ``jax.jit``: its kernels and dispatch alone."""
    return run_mode(r) == JAX_OP_BY_OP.key


def is_student_jax(r: dict[str, Any]) -> bool:
    """JAX compiled another way than the case is judged by, as a student writes it."""
    return r["framework"] == JAX_JIT.framework and not (is_op_by_op(r) or is_jit(r))


def is_torch_compile(r: dict[str, Any]) -> bool:
    """``torch.compile``, compared with eager torch and with jitted JAX."""
    return run_mode(r) == TORCH_COMPILE.key


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


def same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether two timings belong to one comparison: case, variant, size and device."""
    return all(a[k] == b[k] for k in ("case", "variant", "size", "device"))


def split_rows(summ: Summary) -> list[dict[str, Any]]:
    """Per compute comparison: jit's speed-up, the op-by-op (kernel-and-dispatch) factor, the
    compilation factor, torch.compile's factor and jit against torch.compile, and the
    operations one eager torch call dispatches (``ops``)."""
    rows = []
    op = comparisons(summ, is_op_by_op)
    compiled = comparisons(summ, is_torch_compile)
    eager = [r for r in summ.of(kind="bench", status="pass") if is_torch_eager(r)]
    for r in comparisons(summ, is_jit):
        if is_idiom(r):  # the verdict compares the lesson's spelling; idioms: its "fastest"
            continue
        rows.append(
            {
                "jit": r,
                "op": next((o for o in op if same(o, r)), None),
                "compile": next((c for c in compiled if same(c, r)), None),
                "ops": next((e["ops_per_call"] for e in eager if same(e, r)), None),
            }
        )
    return rows


def speedup_text(r: dict[str, Any] | None, key: str = "speedup_vs_torch_eager") -> str:
    """A speed-up with its interval (``key``: over eager torch, or another factor), or ``—``."""
    if r is None or r[key] is None:
        return "—"
    low, high = (
        (r["speedup_low"], r["speedup_high"])
        if key == "speedup_vs_torch_eager"
        else (r[f"{key}_low"], r[f"{key}_high"])
    )
    return f"{fmt_x(r[key])} {fmt_ci(low, high)}".strip()


def where(r: dict[str, Any]) -> str:
    """A timing's case (linked), variant and size, and its device off the CPU."""
    device = "" if r["device"] == "cpu" else f", {r['device']}"
    return f"{link(r['case'])} · {r['variant']} ({r['size']}{device})"
