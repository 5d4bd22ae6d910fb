"""What the case explainers share: a case's ``artifacts.jsonl`` records, and the notes for
records that are missing or failed."""

from __future__ import annotations

from typing import Any

from jaxparity import results
from jaxparity.document import Block, Note
from jaxparity.results import Results
from jaxparity.summary import FRAMEWORKS
from shared.cases import Case

FRAMEWORK_NAMES = {"torch": "torch", "jax": "JAX"}


def of_case(res: Results, case: Case, kind: str) -> list[dict[str, Any]]:
    """A case's ``artifacts.jsonl`` records of one ``kind``, torch first."""
    found = [r for r in res.artifacts if r["case"] == case.id and r["kind"] == kind]
    order = {f: i for i, f in enumerate(FRAMEWORKS)}
    return sorted(found, key=lambda r: (order.get(r["framework"], len(order)), r["framework"]))


def not_collected(res: Results, case: Case, what: str) -> Note:
    """Why a case's explainer has nothing to show: cut short (a warning) or never asked for."""
    planned = case.id in res.plan.get("check", {}).get("cases", [])
    return Note(
        f"No {what} in this run: `{results.ARTIFACTS}` holds none for this case"
        + (
            " although it was checked: the run was cut short, or predates artifacts."
            if planned
            else f" (`jaxparity check --case {case.id}` writes them)."
        ),
        warn=planned,
    )


def failures(recs: list[dict[str, Any]], what: str) -> list[Block]:
    """One note per record that did not pass, with its reason (a failure warns)."""
    return [
        Note(
            f"{FRAMEWORK_NAMES.get(r['framework'], r['framework'])}"
            + (f" ({r['device']}, size `{r['size']}`)" if what == "count" else "")
            + f": no {what} — {r['reason']}",
            warn=r["status"] == "fail",
        )
        for r in recs
        if r["status"] != "pass"
    ]
