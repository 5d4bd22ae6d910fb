"""Which core generation a CPU is, from the ids ``/proc/cpuinfo`` gives (family, model,
stepping; an ARM implementer and part): the name that says which kernels a library picks.
"""

from __future__ import annotations


def parse_id(text: str | None) -> int | None:
    """A cpuinfo id as a number: decimal, or hex with ``0x``; ``None`` when unreadable."""
    if text is None:
        return None
    # cpuinfo writes family/model/stepping in decimal and ARM ids in hex; base 0 would reject
    # a decimal with a leading zero.
    try:
        return int(text, 16) if text.lower().startswith("0x") else int(text)
    except ValueError:
        return None


_ARM_VENDORS = {
    0x41: "ARM",
    0x42: "Broadcom",
    0x43: "Cavium",
    0x48: "HiSilicon",
    0x4E: "NVIDIA",
    0x50: "APM",
    0x51: "Qualcomm",
    0x61: "Apple",
    0xC0: "Ampere",
}


def arm_vendor(implementer: str | None) -> str | None:
    """Who designed an ARM core, from its cpuinfo implementer id."""
    code = parse_id(implementer)
    if code is None:
        return None
    return _ARM_VENDORS.get(code, f"implementer {implementer}")


_AMD_FAMILY_23: tuple[tuple[int, int, str], ...] = (
    (0x08, 0x08, "Zen+"),  # Pinnacle Ridge
    (0x18, 0x18, "Zen+"),  # Picasso
    (0x00, 0x2F, "Zen"),
    (0x30, 0x4F, "Zen 2"),
    (0x60, 0x7F, "Zen 2"),
    (0x90, 0x91, "Zen 2"),
    (0xA0, 0xAF, "Zen 2"),
)
_AMD_FAMILY_25 = (
    (0x00, 0x0F, "Zen 3"),
    (0x20, 0x5F, "Zen 3"),
    (0x10, 0x1F, "Zen 4"),
    (0x60, 0xAF, "Zen 4"),
)
# Only the family-26 ranges Linux itself marks as Zen 5: the rest of the family may be Zen 6.
_AMD_FAMILY_26 = ((0x00, 0x2F, "Zen 5"), (0x40, 0x4F, "Zen 5"), (0x60, 0x7F, "Zen 5"))
_AMD = {23: _AMD_FAMILY_23, 25: _AMD_FAMILY_25, 26: _AMD_FAMILY_26}

_INTEL_FAMILY_6 = {
    0x3C: "Haswell",
    0x3F: "Haswell",
    0x45: "Haswell",
    0x46: "Haswell",
    0x3D: "Broadwell",
    0x47: "Broadwell",
    0x4F: "Broadwell",
    0x56: "Broadwell",
    0x4E: "Skylake",
    0x5E: "Skylake",
    0x8E: "Kaby Lake / Coffee Lake",
    0x9E: "Kaby Lake / Coffee Lake",
    0xA5: "Comet Lake",
    0xA6: "Comet Lake",
    0x7D: "Ice Lake",
    0x7E: "Ice Lake",
    0x6A: "Ice Lake-SP",
    0x6C: "Ice Lake-SP",
    0x8C: "Tiger Lake",
    0x8D: "Tiger Lake",
    0xA7: "Rocket Lake",
    0x97: "Alder Lake",
    0x9A: "Alder Lake",
    0xB7: "Raptor Lake",
    0xBA: "Raptor Lake",
    0xBF: "Raptor Lake",
    0xAA: "Meteor Lake",
    0xAC: "Meteor Lake",
    0x8F: "Sapphire Rapids",
    0xCF: "Emerald Rapids",
    0xAD: "Granite Rapids",
    0xAE: "Granite Rapids",
}

# Model 0x55 is three generations told apart by stepping; steppings 8-9 were never released,
# so they stay unnamed.
_INTEL_MODEL_55 = {**dict.fromkeys(range(5), "Skylake-SP"), 5: "Cascade Lake", 6: "Cascade Lake"}
_INTEL_MODEL_55 |= {7: "Cascade Lake", 10: "Cooper Lake", 11: "Cooper Lake"}

_ARM_PARTS = {
    (0x41, 0xD08): "Cortex-A72",
    (0x41, 0xD0C): "Neoverse N1",
    (0x41, 0xD40): "Neoverse V1",
    (0x41, 0xD49): "Neoverse N2",
    (0x41, 0xD4F): "Neoverse V2",
}


def microarchitecture(
    vendor: str | None,
    family: int | None,
    model: int | None,
    stepping: int | None,
    implementer: str | None,
    part: str | None,
) -> str | None:
    """The core generation from a table of known ids, or ``None``: a wrong name is worse than
    none, since it would send a reader looking for the wrong kernels."""
    if vendor == "AuthenticAMD" and family in _AMD and model is not None:
        for low, high, name in _AMD[family]:
            if low <= model <= high:
                return name
        return None
    if vendor == "GenuineIntel" and family == 6 and model is not None:
        if model == 0x55:
            return None if stepping is None else _INTEL_MODEL_55.get(stepping)
        return _INTEL_FAMILY_6.get(model)
    code, part_code = parse_id(implementer), parse_id(part)
    if code is not None and part_code is not None:
        return _ARM_PARTS.get((code, part_code))
    return None
