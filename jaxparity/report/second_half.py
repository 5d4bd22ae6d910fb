"""The claim's second half — *needs stricter code and more compute* — from the numbers:
training as a student writes it, the behaviours that differ on purpose, memory."""

from __future__ import annotations

from jaxparity.document import Block, Bullets, Heading
from jaxparity.fmt import fmt_bytes, link
from jaxparity.report.comparisons import (
    comparisons,
    is_jit,
    is_student_jax,
    same,
    speedup_text,
    where,
)
from jaxparity.summary import Summary
from shared import cases, run_modes


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
        student = next((x for x in comparisons(summ, is_student_jax) if same(x, r)), None)
        out.append(
            f"**Training** ({where(r)}): one SGD step with jitted JAX runs at "
            f"{speedup_text(r)} eager PyTorch's speed"
            + (
                f"; written as a student would ({run_modes.label('jax', student['mode'])}), "
                f"{speedup_text(student)}: its Python object graph is walked on every call"
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
        t, j = case.expectations("torch", "cpu"), case.expectations("jax", "cpu")
        keys = [k for k in t if k in j and t[k] != j[k]]
        checks = summ.of(case=case.id, kind="check", device="cpu")
        if keys and checks and all(r["status"] == "pass" for r in checks):
            k = keys[0]
            differ.append(f"{link(case.id)} (`{k}`: torch {_short(t[k])}, JAX {_short(j[k])})")
    if not differ:
        return []
    more = f"; and {len(differ) - shown} more" if len(differ) > shown else ""
    return [
        f"**Stricter code**: in {len(differ)} of the {len(cases.CASES)} cases the two "
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
                f"{where(r)} {run_modes.label(r['framework'], r['mode'])}: "
                f"{name.replace('_', ' ')} {fmt_bytes(value)}"
            )
    if not parts:
        return "**Memory**: no benchmark measured memory in this run."
    return "**Memory**, where a benchmark measured it: " + "; ".join(parts) + "."
