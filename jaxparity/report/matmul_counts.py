"""The matrix products each framework computes per variant, counted on torch's tape and in
JAX's compiled program, and what the counts say about the timings beside them."""

from __future__ import annotations

from collections import defaultdict

from jaxparity.document import Block, Heading, Para, Table
from jaxparity.fmt import fmt_s, fmt_x
from jaxparity.report.artifact_notes import FRAMEWORK_NAMES, failures, not_collected, of_case
from jaxparity.report.comparisons import is_jit, is_torch_eager
from jaxparity.report.texts import Texts
from jaxparity.results import Results
from jaxparity.summary import FRAMEWORKS, Summary
from shared.cases import Case

Counts = dict[str, int]


def matmul_counts(res: Results, summ: Summary, case: Case, t: Texts) -> list[Block]:
    """Rows forward and each variant, columns torch / JAX per size (and device), then what
    the counts say about this run's timings."""
    recs = of_case(res, case, "matmul_counts")
    blocks: list[Block] = [Heading(4, t("count.heading"))]
    if not recs:
        return [*blocks, not_collected(res, case, "count", t)]
    done = [r for r in recs if r["status"] == "pass"]
    if not done:
        return blocks + failures(recs, "count", t)
    sizes = list(case.bench.sizes) if case.bench else []
    columns = sorted(
        {(r["size"], r["device"]) for r in done},
        key=lambda k: (sizes.index(k[0]) if k[0] in sizes else len(sizes), k),
    )
    counts = {(r["size"], r["device"], r["framework"]): r.get("counts", {}) for r in done}
    rows = list(dict.fromkeys(k for c in counts.values() for k in c))
    variants = defaultdict(str, case.bench.variants if case.bench else {})
    several = len({d for _, d in columns}) > 1
    header = [t("count.column")] + [
        f"{FRAMEWORK_NAMES[f]} · `{s}`" + (f" · {d}" if several else "")
        for s, d in columns
        for f in FRAMEWORKS
    ]
    table = [
        [f"`{row}`: " + (t("count.forward_row") if row == "forward" else t.quote(variants[row]))]
        + [str(counts.get((s, d, f), {}).get(row, "—")) for s, d in columns for f in FRAMEWORKS]
        for row in rows
    ]
    blocks += [Para(t("count.method")), Table(header, table, tuple(range(1, len(header))))]
    text = _counts_text(counts, columns, summ, case, t)
    if text:
        blocks.append(Para(text))
    return blocks + failures(recs, "count", t)


def _counts_text(
    counts: dict[tuple[str, str, str], Counts],
    columns: list[tuple[str, str]],
    summ: Summary,
    case: Case,
    t: Texts,
) -> str:
    """The counts next to the timings, at each size and device timed in this run (else at
    the largest size counted), generated from the numbers."""
    timed = {
        (r["size"], r["device"], r["variant"], r["framework"]): r["median_s"]
        for r in summ.of(case=case.id, kind="bench", status="pass")
        if r["median_s"] and (is_torch_eager(r) or is_jit(r))
    }
    both = [(s, d) for s, d in columns if all(counts.get((s, d, f)) for f in FRAMEWORKS)]
    sentences = []
    for s, d in both:
        pairs = {
            v: (timed[s, d, v, "torch"], timed[s, d, v, "jax"])
            for v in counts[s, d, "torch"]
            if (s, d, v, "torch") in timed and (s, d, v, "jax") in timed
        }
        if pairs:
            sentences.append(
                _counts_sentence(counts[s, d, "torch"], counts[s, d, "jax"], s, d, pairs, t)
            )
    if not sentences and both:
        s, d = both[-1]
        sentences.append(_counts_sentence(counts[s, d, "torch"], counts[s, d, "jax"], s, d, {}, t))
    return " ".join(sentences)


def _join(names: list[str], t: Texts) -> str:
    quoted = [f"`{n}`" for n in names]
    if len(quoted) == 1:
        return quoted[0]
    return t("count.and", first=", ".join(quoted[:-1]), last=quoted[-1])


def _counts_sentence(
    c: Counts,
    j: Counts,
    size: str,
    device: str,
    times: dict[str, tuple[float, float]],
    t: Texts,
) -> str:
    """What the counts explain: the forward XLA shares, the gradients that need no product
    (their JAX time is overhead), and the gradients both compute alike (similar times)."""
    text = t(
        "count.forward", size=size, device=device, torch=c.get("forward"), jax=j.get("forward")
    )
    if j.get("forward") == 1 < (c.get("forward") or 0):
        text += t("count.shared")
    variants = [v for v in c if v != "forward" and v in j]
    free = [v for v in variants if j[v] == 0]
    free_timed = [v for v in free if v in times]
    if free_timed:
        v = max(free_timed, key=lambda v: times[v][0] / times[v][1])
        torch_s, jax_s = times[v]
        text += t(
            "count.free_timed",
            variant=v,
            jax_s=fmt_s(jax_s),
            torch_counts=t("count.none_either") if c[v] == 0 else c[v],
            torch_s=fmt_s(torch_s),
            ratio=fmt_x(torch_s / jax_s),
        )
    elif free:
        text += t("count.free_one" if len(free) == 1 else "count.free_many", which=_join(free, t))
    same = {v: times[v] for v in variants if c[v] == j[v] > 0 and v in times}
    if same:
        close = all(0.5 <= a / b <= 2 for a, b in same.values())
        text += t(
            "count.same_close" if close else "count.same_differ",
            which=", ".join(f"`{v}` {c[v]}" for v in same),
            times=", ".join(
                t("count.versus", variant=v, torch=fmt_s(a), jax=fmt_s(b))
                for v, (a, b) in same.items()
            ),
        )
    return text + "."
