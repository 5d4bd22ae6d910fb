from __future__ import annotations

from shared.cases.devices._machine import MACHINE
from shared.cases.model import Case, Text

CASE = Case(
    "devices.select",
    "cuda:0 if available, else cpu",
    (334, 341),
    "torch picks a torch.device and passes it around; JAX's default device is the first "
    "accelerator when one exists, and jax.devices('gpu') raises when none does.",
    differs="torch builds a torch.device to pass to every .to(); JAX's default device already "
    "is the first GPU, if any.",
    unchecked={"selected": MACHINE},
    returns='The lesson\'s ``cuda:0 if available else cpu``: returns ``selected`` ("gpu"/"cpu").',
    ru=Text(
        title="cuda:0, если GPU доступна, иначе cpu",
        explanation="В torch выбирают torch.device и передают его дальше; устройство по умолчанию "
        "в JAX — первый ускоритель, если он есть, а jax.devices('gpu') выбрасывает исключение, "
        "если его нет.",
        differs="torch создаёт torch.device и передаёт его в каждый .to(); в JAX по умолчанию уже "
        "выбрана первая GPU, если она есть.",
    ),
)
