"""The environment variables that steer kernels, as a shareable report may show them."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping

# Variables that change which kernels run or how many threads they get.
KERNEL_ENV_PREFIXES = (
    "OPENBLAS_",
    "GOTO",
    "MKL_",
    "OMP_",
    "KMP_",
    "DNNL_",
    "ONEDNN_",
    "ATEN_",
    "TORCH_",
    "XLA_",
    "JAX_",
    "TF_",
    "MALLOC_",
    "BLIS_",
)

# TF_ is TensorFlow's prefix but also Terraform's, whose TF_VAR_* and TF_TOKEN_* carry
# passwords and API tokens; these never change a kernel and must not land in a report.
TERRAFORM_PREFIXES = (
    "TF_VAR_",
    "TF_TOKEN_",
    "TF_CLI_",
    "TF_CLOUD_",
    "TF_LOG",
    "TF_DATA_DIR",
    "TF_WORKSPACE",
    "TF_IN_AUTOMATION",
    "TF_INPUT",
    "TF_REGISTRY_",
    "TF_PLUGIN_CACHE_",
    "TF_STATE_",
    "TF_APPEND_USER_AGENT",
    "TF_IGNORE",
)
# Reports are shared: a kernel variable that looks like a secret is listed without its value.
SECRET_NAME = re.compile(r"TOKEN|SECRET|PASSW|CREDENTIAL|API_?KEY|AUTH", re.IGNORECASE)
REDACTED = "<redacted>"


def kernel_environment(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment variables that change which kernels run or how many threads they use
    (OPENBLAS_CORETYPE, MKL_ENABLE_INSTRUCTIONS, OMP_NUM_THREADS, XLA_FLAGS, ...), sorted.

    Terraform's TF_ variables are left out and secret-looking names keep only their name."""
    env = os.environ if environ is None else environ
    return {
        k: REDACTED if SECRET_NAME.search(k) else env[k]
        for k in sorted(env)
        if k.startswith(KERNEL_ENV_PREFIXES) and not k.startswith(TERRAFORM_PREFIXES)
    }
