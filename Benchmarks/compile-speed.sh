#!/usr/bin/env bash
# How fast the generated client compiles, next to Apple's swift-openapi-generator (Benchmarks/compile_speed.py);
# --help for the options. Apple's big documents take many minutes each: --only and --no-apple keep it short.
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 Benchmarks/compile_speed.py "$@"
