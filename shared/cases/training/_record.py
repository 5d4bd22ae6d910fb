"""What the training cases' records share (moved from shared/cases/training.py)."""

from __future__ import annotations

from shared.run_modes import COMPILE, EAGER, JIT, NNX_JIT, SCAN

TARGET_ACCURACY = 0.94
"""The test accuracy training runs to: both widths cross it clearly within their epoch bound
(several images above it, the epoch before well below: ``shared.cases.training._answers``
says when), so one image that rounding flips does not change the epoch a run stops at."""


LEARNING_RATE = 0.02


MOMENTUM = 0.9
"""``torch.optim.SGD(lr, momentum=0.9)`` and ``optax.sgd(lr, momentum=0.9)``: the same update,
``v ← 0.9·v + g; p ← p − lr·v`` (no dampening, no Nesterov, no weight decay; ``v`` starts at 0
in optax and at the first gradient in torch, the same thing). Plain SGD with momentum rather
than Adam: Adam divides by √v, so a gradient component that rounding decides (a sum that
nearly cancels) becomes a whole step of ±lr. And lr 0.02, where this training is stable: from
0.04 up (0.03 at the edge), float32 and float64 runs of the very same training part within a
few epochs (their losses differ by 0.1–0.7, measured with the NumPy oracle), and no
framework's float32 run could be judged against float64 at all."""


TO_ACCURACY = "to_accuracy"
"""The variant name of the runs timed as a user trains, one fresh process each: their rows
(``bench.jsonl``, ``summary.json``) carry it beside the harness's ``step`` and ``epoch``."""


TO_ACCURACY_MODES = {"torch": (EAGER, COMPILE), "jax": (JIT, NNX_JIT, SCAN)}
"""How each framework trains to accuracy (``bench/to_accuracy.py``): eager torch and
``torch.compile`` of the step; JAX's pure step under ``jax.jit``, the ``nnx.jit`` step over
module and ``nnx.Optimizer`` as a student writes it, and each epoch one compiled ``lax.scan``
(which torch on a CPU has no counterpart for)."""
