"""Beyond speed: where the two frameworks differ on purpose, JAX as a student writes it, and
memory, measured.

The first screen answers the claim's second half in one sentence each (``answers``); this
section holds what those sentences count and point to: every behaviour that differs between the
frameworks, each with who refuses it (:func:`differing`: JAX is not always the stricter one),
JAX compiled as a student writes it (``nnx.jit``) in the paired harness, and each memory
measurement of the run.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from jaxparity.document import Block, Bullets, Heading
from jaxparity.fmt import fmt_bytes, link
from jaxparity.report import training
from jaxparity.report.comparisons import (
    comparisons,
    is_jit,
    is_student_jax,
    same,
    speedup_text,
    where,
)
from jaxparity.report.texts import Texts
from jaxparity.summary import Summary
from shared import cases

ANCHOR = "differences"
SHOWN = 8
"""How many differing behaviours the section names; the rest it counts."""


@dataclass(frozen=True)
class Differs:
    """One case whose frameworks behave differently on purpose, as its expectations say."""

    case: str
    key: str
    """The observation shown: the first ``*_error`` one where either refuses, else the first."""
    torch: object
    jax: object
    refuses: str
    """``torch``, ``jax``, ``both`` or empty (neither raises: they differ otherwise)."""


def _refuses(torch_value: object, jax_value: object) -> str:
    """Which framework refuses (raises) where an ``*_error`` observation differs."""
    torch_raises, jax_raises = bool(torch_value), bool(jax_value)
    return {(True, False): "torch", (False, True): "jax", (True, True): "both"}.get(
        (torch_raises, jax_raises), ""
    )


def differing(summ: Summary) -> list[Differs]:
    """The cases whose expectations differ between the frameworks on the CPU, each confirmed in
    this run (every check of the case passed)."""
    found = []
    for case in cases.CASES.values():
        c, j = case.expectations("torch", "cpu"), case.expectations("jax", "cpu")
        keys = [k for k in c if k in j and c[k] != j[k]]
        checks = summ.of(case=case.id, kind="check", device="cpu")
        if keys and checks and all(r["status"] == "pass" for r in checks):
            errors = [k for k in keys if k.endswith("error")]
            k = (errors or keys)[0]
            found.append(Differs(case.id, k, c[k], j[k], _refuses(c[k], j[k]) if errors else ""))
    return found


def refusing(found: list[Differs]) -> Counter[str]:
    """How many of ``found`` each framework refuses where the other runs it."""
    return Counter(d.refuses for d in found if d.refuses in ("torch", "jax"))


def section(summ: Summary, t: Texts) -> list[Block]:
    """The section: JAX as a student writes it, the behaviours that differ, memory."""
    items = [*_student(summ, t), *_behaviour(summ, t), _memory(summ, t)]
    return [Heading(2, t("differences.heading"), ANCHOR, t("nav.differences")), Bullets(items)]


def _student(summ: Summary, t: Texts) -> list[str]:
    """The paired training step, jitted and as a student writes it (``nnx.jit``)."""
    out = []
    for r in comparisons(summ, is_jit):
        if r["case"] != "modules.train_step":
            continue
        student = next((x for x in comparisons(summ, is_student_jax) if same(x, r)), None)
        out.append(
            t(
                "differences.training",
                where=where(r),
                speedup=speedup_text(r),
                student=t(
                    "differences.training.student",
                    mode=t.mode("jax", student["mode"]),
                    speedup=speedup_text(student),
                )
                if student
                else "",
            )
        )
    return out


def _short(value: object, limit: int = 24) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _behaviour(summ: Summary, t: Texts) -> list[str]:
    """The behaviours that differ on purpose, each with the framework that refuses, if one
    does (the first screen counts them)."""
    found = differing(summ)
    if not found:
        return []
    which = []
    for d in found[:SHOWN]:
        said = f"{t(f'differences.refuses.{d.refuses}')}: " if d.refuses else ""
        which.append(
            f"{link(d.case)} ({said}`{d.key}`: torch {_short(d.torch)}, JAX {_short(d.jax)})"
        )
    more = len(found) - SHOWN
    return [
        t(
            "differences.behaviour",
            n=len(found),
            of=len(cases.CASES),
            which="; ".join(which),
            more=t("differences.more", n=more) if more > 0 else "",
        )
    ]


def _memory(summ: Summary, t: Texts) -> str:
    """One number per memory measurement: its peak, else the first byte count it recorded."""
    parts = []
    apart = [r for r in summ.of(kind="bench", status="pass") if training.shown_apart(r)]
    if apart:  # training to accuracy: its own section weighs memory, resource by resource
        parts.append(t("training.memory_pointer", anchor=training.COMPUTE))
    for r in summ.of(kind="bench", status="pass"):
        if training.shown_apart(r):
            continue
        extra = {k: v for k, v in (r["extra"] or {}).items() if k.endswith("bytes")}
        name, value = (
            (t("differences.memory.peak"), r["peak_bytes"])
            if r["peak_bytes"]
            else next(iter(extra.items()), ("", None))
        )
        if value is not None:
            parts.append(
                f"{where(r)} {t.mode(r['framework'], r['mode'])}: "
                f"{name.replace('_', ' ')} {fmt_bytes(value)}"
            )
    if not parts:
        return t("differences.memory.none")
    return t("differences.memory", parts="; ".join(parts))
