"""Numbers, names and links as the report, the console and the plots write them.

A unit is a word of a language: 2 ms in English, 2 мс in Russian. Each formatter writes in the
``units`` it is given; without them, in those of the page being written (:func:`writing`, which
``jaxparity.report`` sets around its whole page, so every part of the report, the charts
included, speaks one language), and in English anywhere else — the console, ``compare`` and
the notebooks keep their English unless they ask (``fmt_s(x, texts.of("ru").units)``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class Units:
    """One language's unit symbols, largest first."""

    seconds: tuple[str, str, str, str]
    """Seconds, milliseconds, microseconds, nanoseconds."""
    bytes: tuple[str, str, str, str]
    """Gibibytes, mebibytes, kibibytes, bytes."""


ENGLISH = Units(("s", "ms", "µs", "ns"), ("GiB", "MiB", "KiB", "B"))
"""SI's symbols and IEC's binary prefixes: what every formatter writes unless told otherwise."""

_CURRENT: ContextVar[Units] = ContextVar("units", default=ENGLISH)


@contextmanager
def writing(units: Units) -> Iterator[None]:
    """Within this block, formatters not given their units write ``units``."""
    token = _CURRENT.set(units)
    try:
        yield
    finally:
        _CURRENT.reset(token)


def _scaled(x: float, symbols: tuple[str, ...], scales: tuple[float, ...], last: str) -> str:
    for symbol, scale in zip(symbols, scales, strict=False):
        if x >= scale:
            return f"{x / scale:.3g} {symbol}"
    return last


def fmt_s(s: float | None, units: Units | None = None) -> str:
    """Seconds in the largest unit that keeps the number at 1 or more: ``14.6 ms``."""
    if s is None:
        return "—"
    u = (units or _CURRENT.get()).seconds
    return _scaled(s, u, (1.0, 1e-3, 1e-6), f"{s / 1e-9:.3g} {u[3]}")


def fmt_whole_s(s: float, units: Units | None = None) -> str:
    """Seconds always as seconds, two digits (a chart whose bars share one scale): ``0.11 s``."""
    return f"{s:.2g} {(units or _CURRENT.get()).seconds[0]}"


def fmt_err(x: float | None) -> str:
    return "—" if x is None else "0" if x == 0 else f"{x:.2g}"


def fmt_bytes(b: float | None, units: Units | None = None) -> str:
    """Bytes in binary units: ``1.49 GiB``."""
    if b is None:
        return "—"
    u = (units or _CURRENT.get()).bytes
    return _scaled(b, u, (2**30, 2**20, 2**10), f"{b:.0f} {u[3]}")


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
