"""A case's median times by size, one line per framework × mode: one chart per variant,
device and axis of the sweep (batch, width, depth)."""

from __future__ import annotations

import re
from collections import defaultdict

from jaxparity import plots
from jaxparity.document import Block, Figure, Figures, Heading
from jaxparity.fmt import anchor, fmt_s
from jaxparity.report.texts import Texts
from jaxparity.summary import FRAMEWORKS, Summary
from shared import run_modes
from shared.cases import Case


def scaling_axes(sizes: list[str]) -> list[tuple[str, list[str], list[str]]]:
    """Lines to draw through the sizes: ``(axis, sizes in order, x labels)``.

    Sweep points named like ``b64_w256_d4`` vary one number at a time around a centre: one
    line per letter (batch ``b``, width ``w``, depth ``d``) through the points that share the
    others. Other names (``small``, ``large``) make one line in the case's own order.
    """
    parsed = [re.fullmatch(r"(?:[a-z]+\d+_)*[a-z]+\d+", s) and _parts(s) for s in sizes]
    keys = {tuple(p) for p in parsed if p}
    if None in parsed or len(keys) != 1:
        return [("size", sizes, sizes)]
    axes = []
    for key in next(iter(keys)):
        groups: dict[tuple, list[str]] = defaultdict(list)
        for size, parts in zip(sizes, parsed, strict=True):
            assert parts is not None
            groups[tuple(v for k, v in parts.items() if k != key)].append(size)
        line = max(groups.values(), key=len)
        if len(line) >= 2:
            line.sort(key=lambda s: _parts(s)[key])
            axes.append((key, line, [str(_parts(s)[key]) for s in line]))
    return axes


def _parts(size: str) -> dict[str, int]:
    return {m[1]: int(m[2]) for m in re.finditer(r"([a-z]+)(\d+)", size)}


def scaling(summ: Summary, case: Case, figures: dict[str, str], t: Texts) -> list[Block]:
    """Median time by size for each variant and device timed at two sizes or more."""
    if case.bench is None:
        return []
    order = list(dict.fromkeys([*case.bench.sizes, *case.bench.sweep]))
    found: list[Figure] = []
    for device in summ.devices:
        for variant in case.bench.variants:
            recs = summ.of(
                case=case.id, kind="bench", variant=variant, device=device, status="pass"
            )
            sizes = [s for s in order if any(r["size"] == s for r in recs)]
            if len(sizes) < 2:
                continue
            for axis, line, labels in scaling_axes(sizes):
                series = []
                for framework in FRAMEWORKS:
                    for mode in case.bench.modes.get(framework, ()):
                        by_size = {
                            r["size"]: r["median_s"]
                            for r in recs
                            if r["framework"] == framework and r["mode"] == mode
                        }
                        values = [by_size.get(s) for s in line]
                        if sum(v is not None for v in values) >= 2:
                            series.append(
                                (
                                    t.mode(framework, mode),
                                    run_modes.colour(framework, mode),
                                    values,
                                )
                            )
                fixed = "" if axis == "size" else f" ({', '.join(_others(line[0], axis))})"
                words = {"case": case.id, "variant": variant, "device": device}
                words["axis"] = t(f"scaling.axis.{axis}" if axis != "size" else "scaling.size")
                title = t("scaling.title", **words, fixed=fixed)
                svg = plots.lines(labels, series, title, fmt_s)
                if svg:
                    name = f"scaling-{anchor(case.id)}-{variant}-{device}-{axis}"
                    figures[name] = svg
                    found.append(Figure(name, svg, t("scaling.alt", **words)))
    return [Heading(4, t("scaling.heading")), Figures(found)] if found else []


def _others(size: str, axis: str) -> list[str]:
    return [f"{k}={v}" for k, v in _parts(size).items() if k != axis]
