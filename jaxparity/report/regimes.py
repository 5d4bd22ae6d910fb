"""The regimes as the report and the notebooks write them: a comparison's label, its marks and
caveats, and the comparisons grouped by regime for the headline (``jaxparity.regimes`` places
them)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jaxparity import regimes
from jaxparity.fmt import fmt_x
from jaxparity.report import texts
from jaxparity.report.texts import Texts

ORDER: tuple[str | None, ...] = (*regimes.REGIMES, None)
"""The headline's order: dispatch-bound, kernel-bound, then what this run could not place."""
NEAR_FLOOR_MARK = "‡"
"""Beside a speed-up whose faster side runs within ``regimes.NEAR_FLOOR`` of its floor."""
LESSON_SIZE = "lesson"
"""The size name of the lesson's own inputs (``shared.data``: ``lesson``, the seed's sizes)."""


def at_lesson_size(r: dict[str, Any]) -> bool:
    """Whether a timing is at the lesson's own sizes."""
    return r["size"] == LESSON_SIZE


def grouped(
    rows: list[dict[str, Any]], of: Callable[[dict[str, Any]], dict[str, Any]]
) -> dict[str | None, list[dict[str, Any]]]:
    """``rows`` by the regime of ``of(row)``, in :data:`ORDER`, empty regimes left out."""
    found: dict[str | None, list[dict[str, Any]]] = {}
    for regime in ORDER:
        mine = [row for row in rows if of(row)["regime"] == regime]
        if mine:
            found[regime] = mine
    return found


def name(regime: str | None, t: Texts) -> str:
    """``dispatch-bound``, ``kernel-bound`` or ``not placed``, in ``t``'s language."""
    return t(f"regime.{regime or 'none'}")


def cell(r: dict[str, Any], t: Texts) -> str:
    """A comparison's regime with eager torch's floors per operation: ``dispatch-bound (2.2)``."""
    if r["regime"] is None:
        return "—"
    floors = fmt_x(r["floors_per_op"]).removesuffix("×")  # 0.79, 9.8, 67, 1 030
    return t("regime.cell", regime=name(r["regime"], t), floors=floors)


def mark(r: dict[str, Any] | None) -> str:
    """`` ‡`` beside a speed-up near the floor, else nothing."""
    return f" {NEAR_FLOOR_MARK}" if r is not None and r["near_floor"] else ""


def caveat(r: dict[str, Any], t: Texts) -> str:
    """Why a speed-up is not read as one of compute: set apart (with the reason) or near the
    floor; empty otherwise."""
    if r["unequal_work"]:
        return t("regime.set_apart", reason=t.quote(r["unequal_work"]))
    if r["near_floor"]:
        return t("regime.near_floor", mark=NEAR_FLOOR_MARK, near=f"{regimes.NEAR_FLOOR:g}")
    return ""


def note(record: dict[str, Any], lang: str) -> tuple[str, str]:
    """For a notebook's timing table: a ``summary.json`` record's regime label (``—`` when the
    run could not place it) and its caveat (empty when none), in ``lang`` (``en``, ``ru``)."""
    t = texts.of(lang)
    full = {"regime": None, "floors_per_op": None, "near_floor": None, "unequal_work": None}
    full |= record
    return cell(full, t), caveat(full, t)
