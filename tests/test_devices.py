"""Device behaviour that depends on the machine, so it is checked here, not by expectations."""

from __future__ import annotations

from shared import parity


def test_select_picks_the_gpu_exactly_when_one_is_present(target) -> None:
    backend, _ = target
    result, _ = parity.run(backend, "devices.select")
    assert result.observations["selected"] == ("gpu" if "gpu" in backend.devices() else "cpu")


def test_inspect_reports_gpu_availability(target) -> None:
    backend, device = target
    result, _ = parity.run(backend, "devices.inspect", device)
    assert result.observations["gpu_available"] == ("gpu" in backend.devices())
    assert result.observations["dtype"] == "float32"


def test_cross_device_error_names_the_devices(target) -> None:
    """The message is the student's clue: both frameworks say it is about devices."""
    backend, device = target
    result, _ = parity.run(backend, "devices.cross_device_error", device)
    assert result.observations["other"] != device
    assert "device" in str(result.observations["message"]).lower()
