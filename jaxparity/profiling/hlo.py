"""A compiled XLA program read from its text (``compiled.as_text()``): which kernel each
profiler event ran, what class of work that is, and which library did it.

XLA:CPU runs a jitted program as a list of *thunks*, one per instruction of its entry
computation (mostly fusions: XLA merges element-wise ops, and often a reduction, into one
loop, or into the kernel of a product). ``jax.profiler`` records one event per thunk, named
after the instruction (``ynn_fusion.3``, ``broadcast_maximum_fusion``): this module looks the
name up in the program's text and classifies it by the opcodes its body runs
(``classes.fusion_class``). Plain text parsing, no jax import: the text format is stable
enough (``%name = type opcode(operands), attribute=…``), and a line it cannot read is no
instruction.

The library doing a contraction shows in the program too: a fusion whose backend config says
``"kind":"__ynn_fusion"`` is handed to YNNPACK (jaxlib ≥ 0.8 on x86 sends dots and
convolutions there), a ``custom-call`` names its target (``__onednn$matmul``: oneDNN), and a
plain ``dot`` or ``convolution`` is XLA:CPU's own thunk, which calls Eigen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jaxparity.profiling.classes import CONTRACTION, ELEMENTWISE, HLO, NORMALISATION, fusion_class

_MODULE = re.compile(r"^HloModule ([^\s,]+)")
_COMPUTATION = re.compile(r"^(ENTRY\s+)?%?([\w.\-]+)\s.*\{\s*$")
_INSTRUCTION = re.compile(
    r"^\s+(?:ROOT\s+)?%?([\w.\-]+)\s*=\s*(?:\([^=]*?\)|\S+)\s+([a-z][\w\-]*)\((.*)$"
)
_CALLS = re.compile(r"\bcalls=%?([\w.\-]+)")
_TARGET = re.compile(r'custom_call_target="([^"]+)"')
_BACKEND_KIND = re.compile(r'"kind":"([^"]+)"')

LIBRARIES = {"ynn": "YNNPACK", "onednn": "oneDNN", "xnn": "XNNPACK"}
"""A fusion's backend kind or a custom call's target (by substring) → the library it calls."""
XLA_OWN = "Eigen (XLA:CPU)"


@dataclass(frozen=True)
class Instruction:
    """One line of the program: ``%name = type opcode(operands), attributes``."""

    name: str
    opcode: str
    calls: tuple[str, ...]
    """Computations it runs as its body (a fusion's, a call's); not a reduction's combiner."""
    target: str
    """A custom call's target, or a fusion's backend kind (``__ynn_fusion``); else ``""``."""


def _custom_call_opcode(target: str) -> str:
    """The opcode a custom call stands for, from its target's name (``__onednn$matmul``)."""
    lowered = target.lower()
    if any(word in lowered for word in ("matmul", "dot", "gemm", "conv")):
        return "dot"
    if any(word in lowered for word in ("softmax", "norm", "reduce")):
        return "reduce"
    return f"custom-call:{target}"


class Program:
    """The instructions of a compiled program's text, by name (unique in a module)."""

    def __init__(self, text: str) -> None:
        module = _MODULE.match(text)
        # What profiler events call the program (``hlo_module``): ``jit_forward``.
        self.module = module.group(1) if module else ""
        self.computations: dict[str, list[Instruction]] = {}
        self.instructions: dict[str, Instruction] = {}
        self.entry = ""
        body: list[Instruction] = []
        for line in text.splitlines():
            if (head := _COMPUTATION.match(line)) is not None:
                body = self.computations.setdefault(head.group(2), [])
                self.entry = head.group(2) if head.group(1) else self.entry
            elif (found := _INSTRUCTION.match(line)) is not None:
                name, opcode, rest = found.groups()
                target = _TARGET.search(rest) or _BACKEND_KIND.search(rest)
                inst = Instruction(
                    name,
                    opcode,
                    tuple(_CALLS.findall(rest)),
                    target.group(1) if target else "",
                )
                body.append(inst)
                self.instructions[name] = inst

    def opcodes(self, name: str) -> list[str]:
        """What instruction ``name`` computes: its opcode, or its body's (recursively) for a
        fusion or call; a custom call as the opcode its target stands for."""
        inst = self.instructions[name]
        if inst.calls:
            return [
                op
                for comp in inst.calls
                for sub in self.computations.get(comp, [])
                for op in self.opcodes(sub.name)
            ]
        if inst.opcode == "custom-call":
            return [_custom_call_opcode(inst.target)]
        return [inst.opcode]

    def classify(self, name: str) -> str | None:
        """The class of the kernel instruction ``name`` runs; ``None`` when unknown."""
        return fusion_class(self.opcodes(name))

    def folded(self) -> tuple[int, int]:
        """How many of the entry's contraction kernels also do element-wise or normalisation
        work (XLA fused it into the product's kernel), and how many there are."""
        kernels = [
            i.name
            for i in self.computations.get(self.entry, [])
            if self.classify(i.name) == CONTRACTION
        ]
        more = [
            k
            for k in kernels
            if {HLO.get(op) for op in self.opcodes(k)} & {ELEMENTWISE, NORMALISATION}
        ]
        return len(more), len(kernels)

    def kernel(self, name: str) -> tuple[str, str]:
        """What contraction ``name`` runs (``dot`` or ``convolution``) and who runs it:
        YNNPACK, oneDNN, … or XLA:CPU's own thunk."""
        op = next(op for op in self.opcodes(name) if HLO.get(op) == CONTRACTION)
        target = self.instructions[name].target
        for key, library in LIBRARIES.items():
            if key in target:
                return op, library
        return op, (f"{target} (custom call)" if target else XLA_OWN)
