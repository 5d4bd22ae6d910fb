"""``jaxparity list``: the names the other commands accept, and the devices this machine has.

``jaxparity list`` prints every section; ``jaxparity list cases`` (or topics, sizes, modes,
devices) prints one, a name per line first, so that a script can read the first column.
"""

from __future__ import annotations

from collections.abc import Callable

from jaxparity import graphviz, selection
from shared import cases


def _cases() -> list[str]:
    width = max(len(c) for c in cases.CASES)
    rows = []
    for case in cases.CASES.values():
        marks = "timed" if case.timed else "untimed"
        rows.append(f"{case.id:<{width}}  {marks:<9}  {case.title}")
    return rows


def _topics() -> list[str]:
    counts = {t: sum(c.topic == t for c in cases.CASES.values()) for t in cases.TOPICS}
    return [f"{t:<9}  {n} cases" for t, n in counts.items()]


def _described(names: dict[str, str]) -> list[str]:
    width = max(map(len, names))
    return [f"{name:<{width}}  {what}" for name, what in names.items()]


def _sizes() -> list[str]:
    check = ", ".join(f"{k} ({v})" for k, v in selection.CHECK_SIZES.items())
    return [*_described(selection.SIZES), f"(check --size: {check})"]


def _modes() -> list[str]:
    return _described({**selection.described_modes(), "all": "every mode (default)"})


def _devices() -> list[str]:
    present, missing = selection.present_devices()
    rows = [f"{d:<4}  present" for d in present]
    rows += [] if "gpu" in present else ["gpu   absent: not visible to torch or JAX"]
    rows += [f"({name} not installed: {why})" for name, why in missing.items()]
    note = graphviz.missing_note([cases.get(graphviz.CASE)])
    return rows + ([f"({note})"] if note else [])


SECTIONS: dict[str, tuple[str, Callable[[], list[str]]]] = {
    "cases": ("cases (--case)", _cases),
    "topics": ("topics (--topic)", _topics),
    "sizes": ("benchmark sizes (--size of run and bench)", _sizes),
    "modes": ("benchmark modes (--modes, comma-separated)", _modes),
    "devices": ("devices (--device; all = both)", _devices),
}


def listing(section: str | None) -> str:
    """One section (names first), or every section under its heading."""
    if section is not None:
        return "\n".join(SECTIONS[section][1]())
    return "\n\n".join(
        f"{title}:\n" + "\n".join(f"  {row}" for row in rows()) for title, rows in SECTIONS.values()
    )
