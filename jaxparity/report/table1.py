"""The lesson's Table 1 beside the same split measured in this run (``profile.json``): flops
and runtime per operator class for each network × framework × mode, the libraries that ran
the contractions, and per network what the numbers say, generated from them.

A results folder of an older version (or of ``--profile none``) has no ``profile.json``: the
section then says so and shows the lesson's numbers alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from jaxparity import results
from jaxparity.document import Block, Bullets, Heading, Note, Para, Table
from jaxparity.fmt import fmt_s
from jaxparity.profiling.classes import (
    CLASSES,
    CONTRACTION,
    ELEMENTWISE,
    LESSON_PAPER,
    LESSON_TABLE,
    NORMALISATION,
    OTHER,
)
from jaxparity.profiling.collect import MODES
from jaxparity.profiling.networks import NETWORKS
from jaxparity.profiling.record import shares
from jaxparity.report.texts import Texts
from jaxparity.results import Results
from shared.run_modes import EAGER, JIT

Record = dict[str, Any]
UNSTEADY = 2.0
"""A call under the profiler and one without it this many times apart: one of them waited."""
FUSED, UNFUSED = 2 / 3, 3 / 2
"""JAX jit's seconds per call in element-wise and normalisation work against op by op's:
below ``FUSED`` compilation clearly cut them, above ``UNFUSED`` they clearly grew."""


def section(res: Results, t: Texts) -> list[Block]:
    """The heading, what is measured, the table, what it says, and how it was made."""
    blocks: list[Block] = [
        Heading(2, t("profile.heading"), "profile", t("nav.profile")),
        Para(t("profile.intro", source=t("profile.source", paper=LESSON_PAPER))),
    ]
    profile = res.profile
    if profile is None:
        return [*blocks, _table([], t), Note(t("profile.none", file=results.PROFILE))]
    records = profile["records"]
    done = [r for r in records if r["status"] == "pass"]
    blocks += [Para(t("profile.cells", device=profile["device"].upper())), _table(done, t)]
    blocks += [Note(_status(r, t), warn=r["status"] == "fail") for r in records if r not in done]
    sayings = [_says(network, done, t) for network in profile["networks"]]
    blocks.append(Bullets([s for s in sayings if s]))
    blocks += _notes(res, done, t)
    return [*blocks, Bullets(_method(done, t))]


def _pair(flops: float, runtime: float) -> str:
    """``99.80 / 61.0``: % of flops (two decimals, as the lesson's) / % of runtime."""
    return f"{flops:.2f} / {runtime:.1f}"


def _label(network_id: str) -> str:
    network = NETWORKS.get(network_id)
    if network is None:
        return f"`{network_id}`"
    return f"`{network.code}` · {'×'.join(map(str, network.input_shape))}"


def _order(records: Iterable[Record]) -> list[Record]:
    """Network by network as profiled, each framework × mode in :data:`MODES`' order."""
    keys = [(f, m) for f, modes in MODES.items() for m in modes]
    networks = list(NETWORKS)

    def key(r: Record) -> tuple[int, int]:
        where = (r["framework"], r["mode"])
        return (
            networks.index(r["network"]) if r["network"] in networks else len(networks),
            keys.index(where) if where in keys else len(keys),
        )

    return sorted(records, key=key)


def _table(done: list[Record], t: Texts) -> Table:
    header = [
        t("profile.col.network"),
        t("profile.col.mode"),
        *(t(f"profile.class.{c}") for c in CLASSES),
        t("profile.col.call"),
        t("profile.col.kernels"),
    ]
    lesson = [
        t("profile.lesson.row"),
        t("profile.lesson.mode"),
        *(_pair(*LESSON_TABLE[c]) if c in LESSON_TABLE else "—" for c in CLASSES),
        "—",
        "—",
    ]
    rows = [lesson]
    for i, r in enumerate(ordered := _order(done)):
        flops, runtime = shares(r["flops"]), shares(r["runtime_s"])
        first = i == 0 or ordered[i - 1]["network"] != r["network"]  # a network's rows: once
        rows.append(
            [
                _label(r["network"]) if first else "",
                t.mode(r["framework"], r["mode"]),
                *(_pair(flops[c], runtime[c]) for c in CLASSES),
                t("profile.call", profiled=fmt_s(r["profiled_s"]), wall=fmt_s(r["wall_s"])),
                ", ".join(f"`{k['op']}` {k['library']}" for k in r["kernels"]) or "—",
            ]
        )
    return Table(header, rows, tuple(range(2, 2 + len(CLASSES) + 1)))


def _status(r: Record, t: Texts) -> str:
    return t(
        "profile.not_measured",
        network=_label(r["network"]),
        mode=t.mode(r["framework"], r["mode"]),
        status=t.status(r["status"]),
        reason=t.reason(r["reason"], failed=r["status"] == "fail"),
    )


def _pct(x: float) -> str:
    return f"{x:.1f} %" if x >= 10 else f"{x:.2g} %"


def _says(network_id: str, done: list[Record], t: Texts) -> str:
    """What one network's rows say: the contractions' flops against their runtime in each
    mode, where a mode's time goes when not to them, and what compilation changed."""
    rows = {(r["framework"], r["mode"]): r for r in done if r["network"] == network_id}
    if not rows:
        return ""
    first = next(iter(rows.values()))
    text = t(
        "profile.says.flops",
        network=_label(network_id),
        flops=_pct(shares(first["flops"])[CONTRACTION]),
        times=", ".join(
            t("profile.says.in", share=_pct(shares(r["runtime_s"])[CONTRACTION]), mode=t.mode(*k))
            for k, r in rows.items()
        ),
    )
    for (framework, mode), r in rows.items():
        runtime = shares(r["runtime_s"])
        top = max(CLASSES, key=runtime.__getitem__)
        if top != CONTRACTION:
            outside = 100 * r["outside_s"] / sum(r["runtime_s"].values())
            text += t(
                "profile.says.top",
                mode=t.mode(framework, mode),
                what=t(f"profile.name.{top}"),
                share=_pct(runtime[top]),
                outside=t("profile.says.outside", share=_pct(outside)) if top == OTHER else "",
            )
    jit, eager = rows.get(("jax", JIT)), rows.get(("jax", EAGER))
    if jit and eager:
        text += _compiled(jit, eager, t)
    return text


def _compiled(jit: Record, eager: Record, t: Texts) -> str:
    """What ``jax.jit`` changed against op by op: the time in element-wise and normalisation
    work per call, and whether XLA put any of it into the contractions' kernels."""
    rest = [r["runtime_s"][ELEMENTWISE] + r["runtime_s"][NORMALISATION] for r in (jit, eager)]
    ratio = rest[0] / rest[1] if rest[1] else 1.0
    which = "fused" if ratio < FUSED else "unfused" if ratio > UNFUSED else "same"
    text = t(
        f"profile.says.{which}",
        jit=fmt_s(rest[0]),
        eager=fmt_s(rest[1]),
        jit_c=fmt_s(jit["runtime_s"][CONTRACTION]),
        eager_c=fmt_s(eager["runtime_s"][CONTRACTION]),
    )
    if jit.get("contraction_kernels"):
        text += t("profile.says.folded", n=jit["with_other_work"], of=jit["contraction_kernels"])
    return text


def _notes(res: Results, done: list[Record], t: Texts) -> list[Block]:
    """Ops no table classified (counted as other), and measurements taken on a busy machine."""
    notes: list[Block] = []
    for r in _order(done):
        if r["unknown"]:
            notes.append(
                Note(
                    t(
                        "profile.unknown",
                        network=_label(r["network"]),
                        mode=t.mode(r["framework"], r["mode"]),
                        names=", ".join(f"`{name}`" for name in r["unknown"]),
                    )
                )
            )
    cores = (res.profile or {}).get("cpu_count") or res.machine.get("cpu_count")
    loads = [r["load_1m"] for r in done if r.get("load_1m") is not None]
    if cores and loads and max(loads) > cores:
        notes.append(Note(t("profile.busy", high=f"{max(loads):.1f}", cores=cores), warn=True))
    unsteady = [
        t(
            "profile.unsteady.row",
            network=_label(r["network"]),
            mode=t.mode(r["framework"], r["mode"]),
            profiled=fmt_s(r["profiled_s"]),
            wall=fmt_s(r["wall_s"]),
        )
        for r in _order(done)
        if max(r["profiled_s"] / r["wall_s"], r["wall_s"] / r["profiled_s"]) > UNSTEADY
    ]
    if unsteady:
        notes.append(
            Note(t("profile.unsteady", rows="; ".join(unsteady), factor=f"{UNSTEADY:g}"), warn=True)
        )
    return notes


def _method(done: list[Record], t: Texts) -> list[str]:
    """How the numbers were made, with this run's compile times."""
    compiled = [r for r in _order(done) if r.get("compile_s") is not None]
    compile_text = "; ".join(
        t(
            "profile.method.compile_one",
            network=_label(r["network"]),
            compile=fmt_s(r["compile_s"]),
            trace=fmt_s(r["trace_s"]),
        )
        for r in compiled
    )
    backends = next((r["backends"] for r in done if r.get("backends")), {})
    diffs = {
        _label(r["network"]): 100 * (r["xla_flops"] / sum(r["flops"].values()) - 1)
        for r in compiled
        if r.get("xla_flops")
    }
    xla = t(
        "profile.method.xla",
        networks="; ".join(
            t("profile.method.xla_one", network=label, diff=f"{d:+.1f} %".replace("-", "−"))
            for label, d in diffs.items()
        ),
        why=t("profile.method.xla_padding") if any(d <= -0.05 for d in diffs.values()) else "",
    )
    return [
        t(
            "profile.method.runtime",
            backends=t.value(backends),
        ),
        t("profile.method.flops") + (xla if diffs else ""),
        t("profile.method.calls"),
        t("profile.method.compile", compiled=compile_text or "—"),
    ]
