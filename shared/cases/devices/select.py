from __future__ import annotations

from shared.cases.devices._machine import MACHINE
from shared.cases.model import Case, Text

CASE = Case(
    "devices.select",
    "cuda:0 if available, else cpu",
    (334, 341),
    "The lesson's idiom exists because torch needs it: nothing goes to a GPU unless the code says "
    "so (devices.inspect). JAX makes the same choice once, at start-up, when it picks its default "
    "device, so JAX code rarely writes it.",
    differs="torch builds a torch.device to pass to every .to(); JAX's default device already "
    "is the first GPU, if any.",
    unchecked={"selected": MACHINE},
    returns='The lesson\'s ``cuda:0 if available else cpu``: returns ``selected`` ("gpu"/"cpu").',
    ru=Text(
        title="cuda:0, если GPU доступна, иначе cpu",
        explanation="Эта идиома урока нужна потому, что без неё не обойтись в torch: на GPU "
        "ничего не попадает, пока код этого не скажет (devices.inspect). JAX делает тот же выбор "
        "один раз, при запуске, когда выбирает устройство по умолчанию, поэтому в коде на JAX её "
        "пишут редко.",
        differs="torch создаёт torch.device и передаёт его в каждый .to(); в JAX по умолчанию уже "
        "выбрана первая GPU, если она есть.",
    ),
)
