#!/usr/bin/env bash
# The one prepared script for a lent GPU machine (torch, JAX, Flax, pytest, pytest-benchmark,
# rich, threadpoolctl preinstalled; no network): GPU tests, then the main job on the GPU —
# eager torch, jitted JAX and JAX op by op in paired blocks — results under $OUT.
#   device tool: run(command="bash bench/gpu-session.sh", timeout_s=480)  (≤ 8 min)
# Then copy $OUT into bench/results/<gpu-name>/ and commit it with the date (machine.txt holds
# the GPU, the driver and the versions; report/machine.json the CPU and kernel identity).
# Nothing needs carrying: without torchviz, autograd.graph_view draws torch's tape itself.
# Rehearse it on a CPU machine first (≈ 4 min here):
#   PYTHON=.venv/bin/python JAXPARITY_SESSION_DEVICE=cpu bash bench/gpu-session.sh
# (the same steps on the CPU at --size test; it must end with both steps at exit 0).
# Budgets (seconds) keep one call well inside 10 minutes, leaving the rest of the 15-minute
# device budget for one rerun.
set -uo pipefail
device="${JAXPARITY_SESSION_DEVICE:-gpu}"
size="${JAXPARITY_SESSION_SIZE:-$([ "$device" = gpu ] && echo cpu || echo test)}"
out="${OUT:-out/$device-session}"
mkdir -p "$out"
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}" PYTHONUNBUFFERED=1
py="${PYTHON:-python3}"

{
  date -u +"date: %Y-%m-%dT%H:%MZ"
  if command -v nvidia-smi >/dev/null; then
    nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader \
      | sed 's/^/gpu: /'
  else
    echo "gpu: none (nvidia-smi not found)"
  fi
  "$py" - <<'PY'
import sys, numpy, torch, jax, flax, optax
print("python:", sys.version.split()[0], "numpy:", numpy.__version__)
print("torch:", torch.__version__, "cuda:", torch.version.cuda, "jax:", jax.__version__,
      "flax:", flax.__version__, "optax:", optax.__version__)
print("jax devices:", jax.devices())
PY
} > "$out/machine.txt" 2>&1
cat "$out/machine.txt"

# 1. The tests on this device's targets (CI runs the CPU ones).
JAXPARITY_DEVICES="$device" timeout 150 "$py" -m pytest tests -q -p no:cacheprovider \
  > "$out/tests.log" 2>&1
echo "tests: exit $? ($(tail -n 1 "$out/tests.log"))"

# 2. The main job on the device at the CPU-sized default (the lesson's sizes where a case has
#    no cpu size), without torch.compile (Triton compiles take 10–40 s each: a second call
#    with `--modes compile` can add them), in 2 passes of paired blocks; the report is written
#    from what finished even if the timeout stops it (a cut second pass leaves the first
#    pass's pairs). Precision is pinned to true float32 on both sides (TF32 off).
timeout 270 "$py" -m jaxparity.cli run --device "$device" --size "$size" \
  --modes eager,jit,jit_grad,nnx_jit --passes 2 --out "$out/report" > "$out/run.log" 2>&1
echo "jaxparity run: exit $?"
tail -n 5 "$out/run.log"

# At most 8 files come back from $OUT: the report folder travels as one archive.
tar -czf "$out/report.tgz" -C "$out" report && rm -rf "$out/report"
ls -la "$out"
