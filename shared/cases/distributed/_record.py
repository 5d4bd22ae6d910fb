"""What the distributed cases' records share (moved from shared/cases/distributed.py)."""

from __future__ import annotations

from shared.cases.model import INTEGERS, Arg

SEED_LINES = (159, 167)
"""«Распределённые вычисления»: torch.distributed, fsdp, DDP Communication Hooks, …"""


BATCH = {"x": Arg(("n", None)), "labels": Arg(("n",), INTEGERS)}


OWN_PROCESSES = "each worker process loads its own data: NumPy arrays cross the process boundary"


XLA_CHOICE = (
    "the collectives XLA put in the compiled step, shown to the student: the compiler's "
    "choice, and its version's (a boolean observation judges that there is one)"
)
