"""Small SVG charts drawn by hand: inline in report.html, no matplotlib, nothing fetched.

Three kinds, all on log axes since timings (and losses) span orders of magnitude:

* :func:`hbars` — horizontal bars, one group per label (speed-ups around 1×, compile seconds);
* :func:`lines` — a value per size, one line per series (scaling with size);
* :func:`curves` — a value per step, one line per series (a training's loss curve).
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable
from html import escape

from jaxparity.fmt import fmt_x

FONT = 'font-family="system-ui,sans-serif" font-size="12"'
SMALL = 'font-family="system-ui,sans-serif" font-size="10"'

Bar = tuple[str, float, str, tuple[float | None, float | None] | None]
"""(series name, value, colour, (low, high) interval drawn as a whisker, or ``None``)."""


def _ticks(lo: float, hi: float) -> list[float]:
    """1-2-5 steps between ``lo`` and ``hi`` (both > 0), at most about eight of them."""
    out = []
    for exp in range(math.floor(math.log10(lo)), math.ceil(math.log10(hi)) + 1):
        for m in (1, 2, 5):
            v = m * 10.0**exp
            if lo <= v <= hi:
                out.append(v)
    while len(out) > 8:  # powers of ten only, then every other one: each step drops some
        decades = [v for v in out if round(v / 10 ** math.floor(math.log10(v)), 6) == 1]
        out = decades if 0 < len(decades) < len(out) else out[::2]
    return out


def _fmt(v: float) -> str:
    return f"{v:.3g}"


def _legend(series: list[tuple[str, str]], x: float, y: float) -> list[str]:
    parts = []
    for name, col in series:
        parts.append(f'<rect x="{x:.0f}" y="{y - 9:.0f}" width="10" height="10" fill="{col}"/>')
        parts.append(f'<text x="{x + 14:.0f}" y="{y:.0f}" {FONT}>{escape(name)}</text>')
        x += 24 + 7 * len(name)
    return parts


TITLE_CHAR_PX = 7.5
"""The width of a character of the bold title, generously (Cyrillic letters are wider)."""
TITLE_LINE_PX = 16


def _open(width: int, height: float, title: str, legend: list[str]) -> list[str]:
    """The start of a chart: the ``<svg>`` element, its title and its legend. A title wider
    than the chart (a long one, or the same in a longer language) wraps, and everything below
    it moves down by its extra lines (closed by :data:`CLOSE`)."""
    lines = textwrap.wrap(title, int(width / TITLE_CHAR_PX)) or [""]
    extra = TITLE_LINE_PX * (len(lines) - 1)
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height + extra}" '
        f'width="{width}" height="{height + extra}" role="img"><title>{escape(title)}</title>',
        *(
            f'<text x="0" y="{14 + TITLE_LINE_PX * i}" {FONT} font-weight="bold">'
            f"{escape(line)}</text>"
            for i, line in enumerate(lines)
        ),
        f'<g transform="translate(0 {extra})">',
        *legend,
    ]


CLOSE = "</g></svg>"


def hbars(
    groups: list[tuple[str, list[Bar]]],
    title: str,
    *,
    ref: float | None = 1.0,
    value_text: Callable[[float], str] = fmt_x,
    width: int = 920,
) -> str:
    """Bars on a log axis; with ``ref`` they grow from that line (left below it, right above)."""
    values = [v for _, bars in groups for _, v, _, _ in bars if v > 0]
    values += [e for _, bars in groups for *_, ci in bars if ci for e in ci if e and e > 0]
    if not values:
        return ""
    lo, hi = min(values), max(values)
    if ref is not None:
        lo, hi = min(lo, ref), max(hi, ref)
    lo, hi = lo / 4, hi * 2.5  # room for the value written beside each bar
    longest = max(len(label) for label, _ in groups)
    left, right, top, bar_h, gap = min(480, 16 + 7 * longest), 60, 48, 13, 9
    plot_w = width - left - right
    height = top + sum(len(b) * bar_h + gap for _, b in groups) + 10

    def x(v: float) -> float:
        return left + plot_w * (math.log10(v) - math.log10(lo)) / (math.log10(hi) - math.log10(lo))

    series = list(dict.fromkeys((name, col) for _, bars in groups for name, _, col, _ in bars))
    parts = _open(width, height, title, _legend(series, left, 30))
    for t in _ticks(lo, hi):
        parts.append(
            f'<line x1="{x(t):.1f}" x2="{x(t):.1f}" y1="{top - 6}" y2="{height - 8}" '
            f'stroke="#ddd"/><text x="{x(t):.1f}" y="{height}" {FONT} text-anchor="middle" '
            f'fill="#555">{value_text(t)}</text>'
        )
    if ref is not None:
        parts.append(
            f'<line x1="{x(ref):.1f}" x2="{x(ref):.1f}" y1="{top - 6}" y2="{height - 8}" '
            'stroke="#333" stroke-width="1.5"/>'
        )
    y = top
    base = x(ref) if ref is not None else left
    for label, bars in groups:
        mid = y + len(bars) * bar_h / 2 + 4
        parts.append(
            f'<text x="{left - 8}" y="{mid:.0f}" {FONT} text-anchor="end">{escape(label)}</text>'
        )
        for name, v, col, ci in bars:
            if v <= 0:
                continue
            x0, x1 = sorted((base, x(v)))
            parts.append(
                f'<rect x="{x0:.1f}" y="{y + 1}" width="{max(x1 - x0, 1):.1f}" '
                f'height="{bar_h - 2}" fill="{col}"><title>{escape(label)} · {escape(name)}: '
                f"{value_text(v)}</title></rect>"
            )
            if ci and ci[0] and ci[1] and ci[0] > 0:
                lo_x, hi_x, mid_y = x(ci[0]), x(ci[1]), y + bar_h / 2
                parts.append(
                    f'<path d="M{lo_x:.1f} {mid_y - 3:.1f}v6M{lo_x:.1f} {mid_y:.1f}H{hi_x:.1f}'
                    f'M{hi_x:.1f} {mid_y - 3:.1f}v6" stroke="#222" stroke-width="1" fill="none"/>'
                )
                x0, x1 = min(x0, lo_x), max(x1, hi_x)
            anchor, tx = ("start", x1 + 4) if x(v) >= base else ("end", x0 - 4)
            parts.append(
                f'<text x="{tx:.1f}" y="{y + bar_h - 3}" {SMALL} '
                f'text-anchor="{anchor}" fill="#333">{value_text(v)}</text>'
            )
            y += bar_h
        y += gap
    parts.append(CLOSE)
    return "\n".join(parts)


def lines(
    x_labels: list[str],
    series: list[tuple[str, str, list[float | None]]],
    title: str,
    y_text: Callable[[float], str] = _fmt,
    width: int = 620,
    height: int = 300,
) -> str:
    """One polyline per (name, colour, values) over categorical ``x_labels``, log y axis."""
    values = [v for _, _, vs in series for v in vs if v]
    if not values or len(x_labels) < 2:
        return ""
    lo, hi = min(values) / 1.5, max(values) * 1.5
    left, right, top, bottom = 70, 20, 50, 40
    plot_w, plot_h = width - left - right, height - top - bottom

    def px(i: int) -> float:
        return left + plot_w * i / (len(x_labels) - 1)

    def py(v: float) -> float:
        frac = (math.log10(v) - math.log10(lo)) / (math.log10(hi) - math.log10(lo))
        return top + plot_h * (1 - frac)

    parts = _open(width, height, title, _legend([(n, c) for n, c, _ in series], left, 32))
    for t in _ticks(lo, hi):
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{py(t):.1f}" y2="{py(t):.1f}" '
            f'stroke="#ddd"/><text x="{left - 6}" y="{py(t) + 4:.1f}" {FONT} '
            f'text-anchor="end" fill="#555">{y_text(t)}</text>'
        )
    for i, label in enumerate(x_labels):
        parts.append(
            f'<text x="{px(i):.1f}" y="{height - bottom + 18}" {FONT} '
            f'text-anchor="middle">{escape(label)}</text>'
        )
    for name, col, vs in series:
        pts = [(px(i), py(v)) for i, v in enumerate(vs) if v]
        if len(pts) > 1:
            path = " ".join(f"{a:.1f},{b:.1f}" for a, b in pts)
            parts.append(f'<polyline points="{path}" fill="none" stroke="{col}" stroke-width="2"/>')
        for a, b in pts:
            parts.append(
                f'<circle cx="{a:.1f}" cy="{b:.1f}" r="3.5" fill="{col}"><title>'
                f"{escape(name)}</title></circle>"
            )
    parts.append(CLOSE)
    return "\n".join(parts)


def curves(
    series: list[tuple[str, str, list[float]]],
    title: str,
    x_label: str,
    width: int = 620,
    height: int = 300,
) -> str:
    """One polyline per (name, colour, values), ``values[i]`` at x = i + 1 on a linear axis,
    log y; later series are drawn over earlier ones, thinner, so that curves on top of each
    other stay visible."""
    values = [v for _, _, vs in series for v in vs if v and v > 0]
    longest = max((len(vs) for _, _, vs in series), default=0)
    if not values or longest < 2:
        return ""
    lo, hi = min(values) / 1.5, max(values) * 1.5
    left, right, top, bottom = 70, 20, 50, 44
    plot_w, plot_h = width - left - right, height - top - bottom

    def px(i: float) -> float:
        return left + plot_w * (i - 1) / (longest - 1)

    def py(v: float) -> float:
        frac = (math.log10(v) - math.log10(lo)) / (math.log10(hi) - math.log10(lo))
        return top + plot_h * (1 - frac)

    parts = _open(width, height, title, _legend([(n, c) for n, c, _ in series], left, 32))
    for t in _ticks(lo, hi):
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{py(t):.1f}" y2="{py(t):.1f}" '
            f'stroke="#ddd"/><text x="{left - 6}" y="{py(t) + 4:.1f}" {FONT} '
            f'text-anchor="end" fill="#555">{_fmt(t)}</text>'
        )
    step = 10 ** max(0, math.floor(math.log10(longest)))
    step *= next((m for m in (1, 2, 5, 10) if longest / (m * step) <= 8), 10)
    for tick in range(step, longest + 1, step):
        parts.append(
            f'<text x="{px(tick):.1f}" y="{height - bottom + 18}" {FONT} '
            f'text-anchor="middle">{tick}</text>'
        )
    parts.append(
        f'<text x="{left + plot_w / 2:.0f}" y="{height - 6}" {FONT} text-anchor="middle" '
        f'fill="#555">{escape(x_label)}</text>'
    )
    for n, (name, col, vs) in enumerate(series):
        pts = " ".join(f"{px(i + 1):.1f},{py(v):.1f}" for i, v in enumerate(vs) if v and v > 0)
        parts.append(
            f'<polyline points="{pts}" fill="none" stroke="{col}" '
            f'stroke-width="{max(0.8, 2.2 - 0.5 * n):.1f}"><title>{escape(name)}</title>'
            "</polyline>"
        )
    parts.append(CLOSE)
    return "\n".join(parts)
