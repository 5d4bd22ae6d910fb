"""The claim's second half — *needs stricter code and more compute* — from the numbers:
training as a student writes it, the behaviours that differ on purpose, memory."""

from __future__ import annotations

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


def details(summ: Summary, t: Texts) -> list[Block]:
    """What the claim's second half is about: stricter code, memory, JAX as a student writes
    it."""
    items = _training(summ, t) + _strictness(summ, t) + [_memory(summ, t)]
    return [Heading(3, t("second.heading")), Bullets(items)]


def _training(summ: Summary, t: Texts) -> list[str]:
    out = []
    for r in comparisons(summ, is_jit):
        if r["case"] != "modules.train_step":
            continue
        student = next((x for x in comparisons(summ, is_student_jax) if same(x, r)), None)
        out.append(
            t(
                "second.training",
                where=where(r),
                speedup=speedup_text(r),
                student=t(
                    "second.training.student",
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


def _refuses(torch_value: object, jax_value: object) -> str:
    """Which framework refuses (raises) where an ``*_error`` observation differs."""
    torch_raises, jax_raises = bool(torch_value), bool(jax_value)
    return {(True, False): "torch", (False, True): "jax", (True, True): "both"}.get(
        (torch_raises, jax_raises), ""
    )


def _strictness(summ: Summary, t: Texts, shown: int = 8) -> list[str]:
    """The behaviours that differ on purpose, each with the framework that refuses, if one
    does: some are torch's strictness, not JAX's."""
    differ, refusing = [], {"torch": 0, "jax": 0}
    for case in cases.CASES.values():
        c, j = case.expectations("torch", "cpu"), case.expectations("jax", "cpu")
        keys = [k for k in c if k in j and c[k] != j[k]]
        checks = summ.of(case=case.id, kind="check", device="cpu")
        if keys and checks and all(r["status"] == "pass" for r in checks):
            errors = [k for k in keys if k.endswith("error")]
            k = (errors or keys)[0]
            who = _refuses(c[k], j[k]) if errors else ""
            refusing[who] = refusing.get(who, 0) + 1
            said = f"{t(f'second.refuses.{who}')}: " if who else ""
            differ.append(
                f"{link(case.id)} ({said}`{k}`: torch {_short(c[k])}, JAX {_short(j[k])})"
            )
    if not differ:
        return []
    return [
        t(
            "second.strict",
            n=len(differ),
            of=len(cases.CASES),
            torch=refusing["torch"],
            jax=refusing["jax"],
            which="; ".join(differ[:shown]),
            more=t("second.strict.more", n=len(differ) - shown) if len(differ) > shown else "",
        )
    ]


def _memory(summ: Summary, t: Texts) -> str:
    """One number per memory measurement: its peak, else the first byte count it recorded."""
    parts = []
    apart = [r for r in summ.of(kind="bench", status="pass") if training.shown_apart(r)]
    if apart:  # training to accuracy: its own section weighs memory, resource by resource
        parts.append(t("training.memory_pointer"))
    for r in summ.of(kind="bench", status="pass"):
        if training.shown_apart(r):
            continue
        extra = {k: v for k, v in (r["extra"] or {}).items() if k.endswith("bytes")}
        name, value = (
            (t("second.memory.peak"), r["peak_bytes"])
            if r["peak_bytes"]
            else next(iter(extra.items()), ("", None))
        )
        if value is not None:
            parts.append(
                f"{where(r)} {t.mode(r['framework'], r['mode'])}: "
                f"{name.replace('_', ' ')} {fmt_bytes(value)}"
            )
    if not parts:
        return t("second.memory.none")
    return t("second.memory", parts="; ".join(parts))
