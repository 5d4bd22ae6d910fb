"""The matrix products each framework computes per variant, counted on torch's tape and in
JAX's compiled program, and what the counts say about the timings beside them."""

from __future__ import annotations

from jaxparity.document import Block, Heading, Para, Table
from jaxparity.fmt import fmt_s, fmt_x
from jaxparity.report.artifact_notes import FRAMEWORK_NAMES, failures, not_collected, of_case
from jaxparity.report.comparisons import is_jit, is_torch_eager
from jaxparity.results import Results
from jaxparity.summary import FRAMEWORKS, Summary
from shared.cases import Case

COUNT_METHOD = (
    "Counted by each backend's `matmul_counts`: torch on its tape (a hook on every "
    "`MmBackward0` node; a variant counts its backward only, the forward having run before it, "
    "as in the benchmark), JAX in the optimised HLO of the jitted program (a variant counts the "
    "whole compiled gradient, forward included). Either way: what the variant's timed call "
    "computes."
)


Counts = dict[str, int]


def matmul_counts(res: Results, summ: Summary, case: Case) -> list[Block]:
    """Rows forward and each variant, columns torch / JAX per size (and device), then what
    the counts say about this run's timings."""
    recs = of_case(res, case, "matmul_counts")
    blocks: list[Block] = [Heading(4, "Matrix products computed")]
    if not recs:
        return [*blocks, not_collected(res, case, "matmul counts")]
    done = [r for r in recs if r["status"] == "pass"]
    if not done:
        return blocks + failures(recs, "count")
    sizes = list(case.bench.sizes) if case.bench else []
    columns = sorted(
        {(r["size"], r["device"]) for r in done},
        key=lambda k: (sizes.index(k[0]) if k[0] in sizes else len(sizes), k),
    )
    counts = {(r["size"], r["device"], r["framework"]): r.get("counts", {}) for r in done}
    rows = list(dict.fromkeys(k for c in counts.values() for k in c))
    variants = case.bench.variants if case.bench else {}
    several = len({d for _, d in columns}) > 1
    header = ["matrix products"] + [
        f"{FRAMEWORK_NAMES[f]} · `{s}`" + (f" · {d}" if several else "")
        for s, d in columns
        for f in FRAMEWORKS
    ]
    table = [
        [f"`{row}`: {'the loss alone' if row == 'forward' else variants.get(row, '')}"]
        + [str(counts.get((s, d, f), {}).get(row, "—")) for s, d in columns for f in FRAMEWORKS]
        for row in rows
    ]
    blocks += [Para(COUNT_METHOD), Table(header, table, tuple(range(1, len(header))))]
    text = _counts_text(counts, columns, summ, case)
    if text:
        blocks.append(Para(text))
    return blocks + failures(recs, "count")


def _counts_text(
    counts: dict[tuple[str, str, str], Counts],
    columns: list[tuple[str, str]],
    summ: Summary,
    case: Case,
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
                _counts_sentence(counts[s, d, "torch"], counts[s, d, "jax"], s, d, pairs)
            )
    if not sentences and both:
        s, d = both[-1]
        sentences.append(_counts_sentence(counts[s, d, "torch"], counts[s, d, "jax"], s, d, {}))
    return " ".join(sentences)


def _join(names: list[str]) -> str:
    quoted = [f"`{n}`" for n in names]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} and {quoted[-1]}"


def _counts_sentence(
    t: Counts, j: Counts, size: str, device: str, times: dict[str, tuple[float, float]]
) -> str:
    """What the counts explain: the forward XLA shares, the gradients that need no product
    (their JAX time is overhead), and the gradients both compute alike (similar times)."""
    text = (
        f"At size `{size}` on {device}, eager torch's forward computes {t.get('forward')} matrix "
        f"products (one per `A @ B` of the loop), the compiled JAX loss {j.get('forward')}"
    )
    if j.get("forward") == 1 < (t.get("forward") or 0):
        text += ": XLA sees one product repeated and computes it once"
    variants = [v for v in t if v != "forward" and v in j]
    free = [v for v in variants if j[v] == 0]
    free_timed = [v for v in free if v in times]
    if free_timed:
        v = max(free_timed, key=lambda v: times[v][0] / times[v][1])
        torch_s, jax_s = times[v]
        text += (
            f". `{v}` needs no matrix product at all in the compiled program, so JAX's "
            f"{fmt_s(jax_s)} is pure call overhead; torch's backward computes "
            f"{'none either' if t[v] == 0 else t[v]}, yet takes {fmt_s(torch_s)} "
            f"({fmt_x(torch_s / jax_s)} longer) going back through the tape its forward built"
        )
    elif free:
        verb = "needs" if len(free) == 1 else "need"
        text += f". {_join(free)} {verb} no matrix product at all in the compiled program"
    same = {v: times[v] for v in variants if t[v] == j[v] > 0 and v in times}
    if same:
        close = all(0.5 <= a / b <= 2 for a, b in same.values())
        text += (
            ". Where both compute the same products ("
            + ", ".join(f"`{v}` {t[v]}" for v in same)
            + ("), the times are close" if close else "), the times differ")
            + " (torch vs JAX: "
            + ", ".join(f"`{v}` {fmt_s(a)} vs {fmt_s(b)}" for v, (a, b) in same.items())
            + ("): the products dominate" if close else "): at this size, something else decides")
        )
    return text + "."
