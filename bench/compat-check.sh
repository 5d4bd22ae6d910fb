#!/usr/bin/env bash
# Does the project pass with the GPU machine's library versions? Run it before spending device
# time: a lent GPU machine is lent for minutes, none of which should go to version skew.
#   bash bench/compat-check.sh          (≈ 10–20 min; downloads ≈ 3 GB the first time)
# It builds a throwaway environment (/tmp/jaxparity-compat, reused) with the GPU image's
# Python and versions — torch's 2.11.0 from PyPI is a CUDA build, which runs on a CPU — without
# torchviz or the graphviz package (the image has neither), then runs, as bench/gpu-session.sh
# does, the tests and `jaxparity run --size test` with JAXPARITY_DEVICES set. Its last line says
# in one line whether the versions pass; bench/compat-check.last holds the last result.
# Not part of CI (the download), and it never touches .venv.
set -uo pipefail
cd "$(dirname "$0")/.."
python="${COMPAT_PYTHON:-}"
if [ -z "$python" ]; then  # the first Python 3.12 that runs (a pyenv shim may not)
  for candidate in python3.12 "$HOME"/.pyenv/versions/3.12*/bin/python; do
    if "$candidate" -c 'import sys; assert sys.version_info[:2] == (3, 12)' 2>/dev/null; then
      python="$candidate"
      break
    fi
  done
fi
env_dir="${COMPAT_ENV:-/tmp/jaxparity-compat}"
# The GPU image's versions (device tool's KINDS.md, and the issue that asked for this check).
pins=(torch==2.11.0 jax==0.11.2 jaxlib==0.11.2 numpy==2.5.2 flax==0.12.12 optax==0.2.8)
tools=(pytest pytest-benchmark hypothesis rich threadpoolctl)
log="$env_dir/compat.log"

if [ ! -x "$env_dir/bin/python" ]; then
  "$python" -m venv "$env_dir" || { echo "compat: no Python 3.12 at $python"; exit 2; }
fi
mkdir -p "$env_dir"
: > "$log"
"$env_dir/bin/python" -m pip install -q --disable-pip-version-check "${pins[@]}" "${tools[@]}" \
  >> "$log" 2>&1 || { echo "compat: FAIL — could not install ${pins[*]} (see $log)"; exit 1; }
"$env_dir/bin/python" -m pip uninstall -y -q torchviz graphviz >> "$log" 2>&1
versions="$("$env_dir/bin/python" -c '
import sys, torch, jax, numpy, flax, optax
print(f"python {sys.version.split()[0]}, torch {torch.__version__}, jax {jax.__version__}, "
      f"numpy {numpy.__version__}, flax {flax.__version__}, optax {optax.__version__}")')"
echo "compat: $versions" | tee -a "$log"

export PYTHONPATH="$PWD" JAXPARITY_DEVICES=cpu
out="$(mktemp -d)"
"$env_dir/bin/python" -m pytest -q -p no:cacheprovider >> "$log" 2>&1
tests=$?
tests_line="$(grep -E '^[0-9]+ (passed|failed)|passed|failed' "$log" | tail -n 1)"
"$env_dir/bin/python" -m jaxparity.cli run --size test --device cpu --out "$out" >> "$log" 2>&1
run=$?
if [ "$tests" = 0 ] && [ "$run" = 0 ]; then verdict=PASS; else verdict=FAIL; fi
line="compat: $verdict — $versions; tests exit $tests ($tests_line); jaxparity run --size test exit $run"
echo "$line" | tee bench/compat-check.last
rm -rf "$out"
[ "$verdict" = PASS ]
