#!/usr/bin/env bash
# The one prepared script for a lent GPU machine (torch, JAX, Flax, pytest, pytest-benchmark
# preinstalled; no network): GPU tests, then the main job on the GPU, results under $OUT.
#   device tool: run(command="bash bench/gpu-session.sh", timeout_s=420)  (≤ 6.5 min)
# Then copy $OUT into bench/results/<gpu-name>/ and commit it with the date.
# The image lacks torchviz and graphviz (autograd.graph_view): before the call, here,
#   echo /.whl/ >> .git/info/exclude
#   python3 -m pip download --no-deps -d .whl torchviz==0.0.3 graphviz==0.21
# and pass carry=[".whl"]; without them only that case fails there.
# Budgets (seconds) keep it well inside one 10-minute call, leaving time for a rerun.
set -uo pipefail
out="${OUT:-out/gpu}"
mkdir -p "$out"
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}" PYTHONUNBUFFERED=1
py="${PYTHON:-python3}"
if compgen -G ".whl/*.whl" >/dev/null; then
  "$py" -m pip install -q --no-index --no-deps --no-compile --target /tmp/site .whl/*.whl \
    && export PYTHONPATH="$PYTHONPATH:/tmp/site"
fi

{
  date -u +"date: %Y-%m-%dT%H:%MZ"
  nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader \
    | sed 's/^/gpu: /'
  "$py" - <<'PY'
import sys, numpy, torch, jax, flax, optax
print("python:", sys.version.split()[0], "numpy:", numpy.__version__)
print("torch:", torch.__version__, "cuda:", torch.version.cuda, "jax:", jax.__version__,
      "flax:", flax.__version__, "optax:", optax.__version__)
print("jax devices:", jax.devices())
PY
} > "$out/machine.txt" 2>&1
cat "$out/machine.txt"

# 1. The tests on the GPU targets (CI runs the CPU ones).
JAXPARITY_DEVICES=gpu timeout 120 "$py" -m pytest tests -q -p no:cacheprovider \
  > "$out/tests.log" 2>&1
echo "tests: exit $? ($(tail -n 1 "$out/tests.log"))"

# 2. The main job on the GPU at the CPU-sized default (the lesson's sizes where a case has no
#    cpu size), without torch.compile (Triton compiles take 10–40 s each: a second call with
#    `--modes compile` can add them), in 2 passes rather than 3 (a dedicated GPU machine is
#    quieter than the shared CPU one, and the call must leave time for a rerun); the report is
#    written from what finished even if the timeout stops it (a cut second pass leaves the
#    first pass's numbers, marked as one pass).
timeout 240 "$py" -m jaxparity.cli run --device gpu --modes eager,jit,jit_grad,nnx_jit \
  --passes 2 --out "$out/report" > "$out/run.log" 2>&1
echo "jaxparity run: exit $?"
tail -n 5 "$out/run.log"

# At most 8 files come back from $OUT: the report folder travels as one archive.
tar -czf "$out/report.tgz" -C "$out" report && rm -rf "$out/report"
ls -la "$out"
