"""Numbers, names and links as the report, the console and the plots write them."""

from __future__ import annotations


def fmt_s(s: float | None) -> str:
    if s is None:
        return "—"
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if s >= scale:
            return f"{s / scale:.3g} {unit}"
    return f"{s / 1e-9:.3g} ns"


def fmt_err(x: float | None) -> str:
    return "—" if x is None else "0" if x == 0 else f"{x:.2g}"


def fmt_bytes(b: float | None) -> str:
    if b is None:
        return "—"
    for unit, scale in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if b >= scale:
            return f"{b / scale:.3g} {unit}"
    return f"{b:.0f} B"


def fmt_x(x: float | None) -> str:
    """A ratio: ``4.2×``, ``2 117×`` — thousands apart by a narrow space, as SI writes them,
    since a comma there reads as a decimal comma in Russian."""
    if x is None:
        return "—"
    return f"{x:,.0f}×".replace(",", "\u202f") if x >= 100 else f"{x:.2g}×"


def anchor(case_id: str) -> str:
    return case_id.replace(".", "-")


def link(case_id: str) -> str:
    return f"[{case_id}](#{anchor(case_id)})"


def fmt_ci(low: float | None, high: float | None) -> str:
    """A speed-up's 95 % interval, as ``[low–high]``."""
    if low is None or high is None:
        return ""
    return f"[{fmt_x(low).rstrip('×')}–{fmt_x(high)}]"
