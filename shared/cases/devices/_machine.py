"""Why the devices cases compare some outputs with nothing."""

MACHINE = "depends on the machine, not on the device the case runs on (tests/test_devices.py)"
