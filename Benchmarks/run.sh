#!/usr/bin/env bash
# Runs every benchmark (Benchmarks/bench.py) and writes Benchmarks/results.md and the README's
# table. Not part of the tests: it builds Apple's generator and takes a while.
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 Benchmarks/bench.py "$@"
