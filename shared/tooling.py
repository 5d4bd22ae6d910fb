"""``@tooling``: a backend helper that is not the lesson's idea.

Input plumbing (loading shared weights into a model), introspection (walking torch's tape,
drawing a jaxpr), measurement (bytes kept alive) and naming (a device as ``"gpu"``) help a case
return comparable outputs, but a student learns nothing from them. The code a student reads —
the notebooks, the report's side-by-side view, ``jaxparity show`` — is the case function with
the helpers it uses, minus those marked here (``jaxparity.sources``). The mark changes nothing
at run time. A long topic's timing setups and artifacts live beside it, in modules of their own
(``<topic>_timing.py``, ``<topic>_artifacts.py``): ``timed_apart`` keeps its ``TIMED`` found
where the harness looks.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


def tooling(helper: T) -> T:
    """Mark ``helper`` as plumbing, introspection or measurement: left out of the code shown."""
    return helper


def timed_apart(topic_module: str) -> Callable[[str], Any]:
    """A topic module's ``__getattr__`` (PEP 562): its ``TIMED`` lives in ``<topic>_timing``.

    Benchmark setups are not what a student reads, so a long topic keeps them in a module of
    their own, ``torch_impl/<topic>_timing.py`` beside ``torch_impl/<topic>.py`` (and likewise
    in ``jax_impl``). That module imports the topic module (the functions it times), so the
    topic module cannot import it back at its top; ``__getattr__ = timed_apart(__name__)``
    lets the harness find ``backend.topic(topic).TIMED`` all the same, imported on first use.
    """

    def __getattr__(name: str) -> Any:
        if name == "TIMED":
            return importlib.import_module(f"{topic_module}_timing").TIMED
        raise AttributeError(f"module {topic_module!r} has no attribute {name!r}")

    return __getattr__
