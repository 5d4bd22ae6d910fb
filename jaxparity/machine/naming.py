"""A machine identity said in one line (``label``) or as a folder name (``slug``)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from jaxparity.fmt import fmt_bytes


def _cpu_of(ident: Mapping[str, Any]) -> dict[str, Any]:
    """The CPU part of an identity, of a machine record holding one, or of an old record."""
    if isinstance(ident.get("identity"), Mapping):
        ident = ident["identity"]
    cpu = ident.get("cpu")
    if isinstance(cpu, Mapping):
        return dict(cpu)
    return {"model_name": ident.get("cpu_model"), "logical_cpus": ident.get("cpu_count")}


WORDS: dict[str, str] = {
    "no_simd": "no listed SIMD extensions",
    "unknown_cpu": "Unknown CPU",
    "family": "family {family}",
    "model": "model {model}",
    "stepping": "stepping {stepping}",
    "implementer": "implementer {implementer}",
    "part": "part {part}",
    "one_cpu": "{n} logical CPU",
    "cpus": "{n} logical CPUs",
    "usable": "{text} ({usable} usable)",
    "unknown_hypervisor": "virtual machine (hypervisor unknown)",
    "guest": "{hypervisor} guest",
}
"""The label's words, as templates: a report in another language passes its own (its
``FOREIGN`` translates these)."""


def _isa_summary(isa: Iterable[str], words: Mapping[str, str]) -> str:
    flags = set(isa)
    if "avx512f" in flags:
        base = "AVX-512"
    elif "avx2" in flags:
        base = "AVX2"
    elif "avx" in flags:
        base = "AVX"
    elif "sve2" in flags:
        base = "SVE2"
    elif "sve" in flags:
        base = "SVE"
    elif "asimd" in flags:
        base = "NEON"
    elif "sse4_2" in flags:
        base = "SSE4.2"
    else:
        return words["no_simd"]
    extras = []
    if "amx_tile" in flags:
        extras.append("AMX")
    if flags & {"avx512_bf16", "amx_bf16", "bf16"}:
        extras.append("BF16")
    if "avx512_fp16" in flags:
        extras.append("FP16")
    return " + ".join([base, *extras])


def label(ident: dict, words: Mapping[str, str] = WORDS) -> str:
    """One line for a report heading, e.g. "AMD EPYC — Zen 4 (family 25, model 17,
    stepping 1), 2 logical CPUs, AVX-512 + BF16, L3 32 MiB, KVM guest"; ``words``: the
    :data:`WORDS` of the language it is written in."""
    cpu = _cpu_of(ident)
    name = cpu.get("model_name") or cpu.get("vendor") or words["unknown_cpu"]
    ids = []
    if cpu.get("family") is not None:
        ids += [
            words["family"].format(family=cpu["family"]),
            words["model"].format(model=cpu.get("model")),
        ]
        if cpu.get("stepping") is not None:
            ids.append(words["stepping"].format(stepping=cpu["stepping"]))
    elif cpu.get("arm_part"):
        ids += [
            words["implementer"].format(implementer=cpu.get("arm_implementer")),
            words["part"].format(part=cpu["arm_part"]),
        ]
    head = name
    if cpu.get("microarchitecture"):
        head += f" — {cpu['microarchitecture']}"
    if ids:
        head += f" ({', '.join(ids)})"
    parts = [head]
    logical, usable = cpu.get("logical_cpus"), cpu.get("usable_cpus")
    if logical is not None:
        text = words["one_cpu" if logical == 1 else "cpus"].format(n=logical)
        if usable is not None and usable != logical:
            text = words["usable"].format(text=text, usable=usable)
        parts.append(text)
    if cpu.get("isa") is not None:
        parts.append(_isa_summary(cpu["isa"], words))
    caches = cpu.get("caches") or {}
    if caches.get("L3"):
        parts.append(f"L3 {size(caches['L3'])}")
    hypervisor = cpu.get("hypervisor")
    if hypervisor == "unknown":
        parts.append(words["unknown_hypervisor"])
    elif hypervisor:
        parts.append(words["guest"].format(hypervisor=hypervisor))
    return ", ".join(parts)


BINARY = {"B": 1, "KiB": 2**10, "MiB": 2**20, "GiB": 2**30}
"""The units ``jaxparity.machine.cpu`` records a cache's size in."""


def size(recorded: str) -> str:
    """A size the record holds in words (``32 MiB``) in the units being written
    (``jaxparity.fmt``); a text it cannot read, as it is."""
    match = re.fullmatch(r"(\d+(?:\.\d+)?) (\w+)", recorded)
    if not match or match[2] not in BINARY:
        return recorded
    return fmt_bytes(float(match[1]) * BINARY[match[2]])


def _slugify(text: str) -> str:
    text = re.sub(r"\((?:R|TM|C)\)", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\s+(?=\d)", "", text)  # "Zen 4" -> "zen4", as people write it
    text = text.replace("+", "plus")
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40].strip("-")


def slug(ident: dict) -> str:
    """A folder-name fragment such as "zen4-2core", so result folders from different machines
    do not overwrite each other and say at a glance where they came from."""
    cpu = _cpu_of(ident)
    base = ""
    for candidate in (cpu.get("microarchitecture"), cpu.get("model_name")):
        if candidate:
            base = _slugify(str(candidate))
            if base:
                break
    base = base or "unknown-cpu"
    logical = cpu.get("logical_cpus")
    return f"{base}-{logical}core" if isinstance(logical, int) else base
