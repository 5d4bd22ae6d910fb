"""What the case explainers share: a case's ``artifacts.jsonl`` records, and the notes for
records that are missing or failed."""

from __future__ import annotations

from typing import Any

from jaxparity import results
from jaxparity.document import Block, Note
from jaxparity.report.texts import Texts
from jaxparity.results import Results
from jaxparity.summary import FRAMEWORKS
from shared.cases import Case

FRAMEWORK_NAMES = {"torch": "torch", "jax": "JAX"}


def of_case(res: Results, case: Case, kind: str) -> list[dict[str, Any]]:
    """A case's ``artifacts.jsonl`` records of one ``kind``, torch first."""
    found = [r for r in res.artifacts if r["case"] == case.id and r["kind"] == kind]
    order = {f: i for i, f in enumerate(FRAMEWORKS)}
    return sorted(found, key=lambda r: (order.get(r["framework"], len(order)), r["framework"]))


def not_collected(res: Results, case: Case, what: str, t: Texts) -> Note:
    """Why a case's explainer has nothing to show: cut short (a warning) or never asked for.
    ``what``: the message id of what is missing (``artifacts.graphs``)."""
    planned = case.id in res.plan.get("check", {}).get("cases", [])
    return Note(
        t(
            "artifacts.cut_short" if planned else "artifacts.not_asked",
            what=t(f"{what}.none"),
            file=results.ARTIFACTS,
            case=case.id,
        ),
        warn=planned,
    )


def failures(recs: list[dict[str, Any]], what: str, t: Texts) -> list[Block]:
    """One note per record that did not pass, with its reason (a failure warns). ``what``:
    the message id of what the record was to make (``artifacts.graphs``)."""
    return [
        Note(
            t(
                f"{what}.failed",
                framework=FRAMEWORK_NAMES.get(r["framework"], r["framework"]),
                device=r["device"],
                size=r.get("size"),
                reason=t.reason(r["reason"], failed=r["status"] == "fail"),
            ),
            warn=r["status"] == "fail",
        )
        for r in recs
        if r["status"] != "pass"
    ]
