"""What a case is: the record behind each row of the lesson map (``LESSON_MAP.md``).

Each case lives in one module, ``shared/cases/<topic>/<name>.py``: its record ``CASE`` (a
:class:`Case`, English and Russian texts included), ``inputs(size, rng)`` (seeded NumPy inputs,
``shared.data``) and ``oracle(**inputs)`` (the answer in NumPy, ``shared.oracles``). A case
module imports only leaf modules (``shared.names``, ``shared.answers``, ``shared.cases.model``,
its topic's helpers): ``shared.data`` and ``shared.oracles`` reach the case modules through the
registry, so the imports run one way. The backends' Protocols in ``shared/interface/`` are
generated from these records (``python -m jaxparity.interface_stubs``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from shared.cases.lesson import Section, section_at
from shared.names import UnknownNameError as UnknownNameError  # re-exported
from shared.run_modes import COMPILE, EAGER, JIT

Framework = Literal["torch", "jax"]


REAL_FLOATS: tuple[str, ...] = ("float32", "float64")
"""Dtypes a real-valued case accepts (JAX without x64 only ever has float32)."""

INTEGERS: tuple[str, ...] = ("int32", "int64")
"""Index dtypes (JAX without x64 turns int64 into int32)."""

COMPLEX: tuple[str, ...] = ("complex64", "complex128")

OWN_ERROR_TEXT = "the framework's own error text, shown to the student; the error type is judged"
"""Why an error message is in ``Case.unchecked``: its wording is each framework's own."""


@dataclass(frozen=True)
class Text:
    """A case's texts in one language: the English ones are the :class:`Case`'s own fields
    (``title``, ``explanation``, ``differs``), the Russian ones its ``ru``.

    The Russian texts are written by hand, never machine-translated at run time, in the
    lesson's own terms ("Введение в PyTorch"); which Russian word stands for which English one
    is written once, in ``docs/glossary.ru.md``. Code identifiers (``requires_grad``,
    ``jax.grad``, ``x.grad``), numbers and facts stay exactly as in the English texts; quotes
    are «ёлочки», dashes — (``tests/test_texts.py`` checks both languages of every case).
    """

    title: str
    explanation: str
    differs: str


@dataclass(frozen=True)
class Arg:
    """An array input's contract: a shape of named dimensions and the dtypes accepted.

    ``shape`` entries are ints (that length), names (``"n"``: the same length wherever the
    name recurs among the case's inputs) or ``None`` (any length); ``shape=None`` accepts any
    shape. Both frameworks broadcast silently, so a wrong shape would otherwise answer a
    different question than the one asked.
    """

    shape: tuple[int | str | None, ...] | None
    dtypes: tuple[str, ...] = REAL_FLOATS


@dataclass(frozen=True)
class Bench:
    """How a timed case is benchmarked.

    ``variants`` maps a variant name (one way of computing the case, e.g. ``on_device`` vs
    ``with_transfer``) to its description; each backend implements it in its topic module's
    ``TIMED[case_id][variant]``. ``modes`` says how each framework runs it: torch ``eager`` and
    ``compile`` (``torch.compile``), JAX ``jit`` and ``eager`` (the same function op by op,
    no ``jax.jit``: what JAX's kernels and dispatch give without compilation). ``sizes`` are
    the data sizes the benchmark runs at (``shared.data``); ``sweep`` lists extra sizes for
    scaling plots, run only when asked for (``--bench-size sweep``).
    """

    variants: Mapping[str, str]
    sizes: tuple[str, ...] = ("test", "lesson")
    sweep: tuple[str, ...] = ()
    modes: Mapping[str, tuple[str, ...]] = field(
        default_factory=lambda: {"torch": (EAGER, COMPILE), "jax": (JIT, EAGER)}
    )
    flops: Callable[[Mapping[str, Any]], float] | None = None
    """The case's FLOP count from its inputs (a function of its module): matmul-bound cases
    are reported as GFLOP/s and as a share of the machine's measured matmul peak."""
    rounds: int | None = None
    """Paired rounds per pass when fewer than the run's will do: for a case whose calls take
    seconds (the run would otherwise spend minutes on it)."""
    left_out: Mapping[str, str] = field(default_factory=dict)
    """``"framework/mode"`` → why that usual mode is not timed for this case (e.g. JAX op by
    op where it would run for minutes); the plan and the report say so."""
    unequal_work: Mapping[str, str] = field(default_factory=dict)
    """Variant (or ``"*"`` for all) → why its timings are not a compute comparison: one side
    does less work (XLA removes it) or different work (a copy against a shared buffer). The
    verdict sets these apart from the speed comparisons."""
    idioms: Mapping[str, str] = field(default_factory=dict)
    """Idiom variant → the lesson's variant it respells: the same computation in a framework's
    faster idiomatic spelling (its description in ``variants`` says what differs). It is timed
    in the lesson variant's paired blocks, and the verdict's "fastest" column compares each
    framework's fastest of the two; the lesson's spelling stays what the case function and
    the parity tests run."""

    def not_compute(self, variant: str) -> str | None:
        """Why ``variant``'s frameworks do unequal work, or ``None`` when they compute alike."""
        return self.unequal_work.get(variant) or self.unequal_work.get("*")

    def lesson_variant(self, variant: str) -> str:
        """The lesson's variant ``variant`` respells (itself, when it is the lesson's own)."""
        return self.idioms.get(variant, variant)


@dataclass(frozen=True)
class Case:
    """One thing the lesson shows, done in both frameworks.

    A case function returns a dict. Every entry is judged (``shared.parity.judge``):

    - an array is compared with the NumPy oracle where the oracle names it, and with the other
      framework's array of the same name; its dtype with ``dtypes`` (or, undeclared, with the
      other framework's);
    - a plain Python value (bool, int, str) is an *observation* of behaviour, compared with
      ``expected[framework]``: the frameworks may differ on purpose there, and
      ``explanation`` tells a student why;
    - an entry that is deliberately compared with nothing names its reason in ``unchecked``.
    """

    id: str
    title: str
    seed_lines: tuple[int, int]
    explanation: str = ""
    expected: Mapping[str, Mapping[str, object]] = field(default_factory=dict)
    inputs: Literal["native", "numpy"] = "native"  # how the case receives its data
    bench: Bench | None = None
    differs: str = ""
    """One line above the two code columns: what a student sees differ between them."""
    takes: Mapping[str, Arg] = field(default_factory=dict)
    """The case's array inputs: shape and dtype, checked before either framework sees them."""
    dtypes: Mapping[str, str | Mapping[str, str]] = field(default_factory=dict)
    """Output → its dtype in both frameworks, or ``{framework: dtype}`` where they differ on
    purpose (JAX without x64 has no 64-bit types). Undeclared: the frameworks must agree."""
    only: Mapping[str, str] = field(default_factory=dict)
    """Output → the one framework that returns it (the other has no such API)."""
    unchecked: Mapping[str, str] = field(default_factory=dict)
    """Output → why its value is compared with nothing (error message text, a drawing)."""
    run_size: str = "test"
    """The size ``jaxparity run`` checks the case at: the tests' tiny inputs, or ``lesson``
    where the lesson's own input is the point and affordable (ResNet-101 at 224×224)."""
    takes_device: bool = False
    """The case function takes ``device: str`` (``"cpu"``, ``"gpu"``) besides its inputs: it
    places something itself (a network's weights, a transfer) or reports where things are."""
    returns: str = field(kw_only=True)
    """What the case function does and returns, for whoever implements it: the docstring of
    its Protocol method (paragraphs separated by a blank line)."""
    ru: Text = field(kw_only=True)
    """The title, explanation and ``differs`` line in Russian."""

    def expectations(self, framework: str, device: str) -> dict[str, object]:
        """Expected observations; ``expected["torch/cpu"]`` refines ``expected["torch"]``."""
        return {
            **self.expected.get(framework, {}),
            **self.expected.get(f"{framework}/{device}", {}),
        }

    @property
    def section(self) -> Section:
        """The lesson's section the case comes from (its heading, in Russian and English)."""
        return section_at(self.seed_lines[0])

    @property
    def topic(self) -> str:
        return self.id.split(".", 1)[0]

    @property
    def name(self) -> str:
        """The function name in each backend's topic module."""
        return self.id.split(".", 1)[1]

    @property
    def timed(self) -> bool:
        return self.bench is not None

    def declared_dtype(self, key: str, framework: str) -> str | None:
        """The dtype ``key`` must have in ``framework``, or ``None`` where undeclared."""
        want = self.dtypes.get(key)
        return want.get(framework) if isinstance(want, Mapping) else want
