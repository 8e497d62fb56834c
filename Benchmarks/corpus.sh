#!/usr/bin/env bash
# apigen on the public OpenAPI corpus in ../shared/corpus (Benchmarks/corpus.py): generates each
# document, measures it, compiles what it generated; --help for the options. `--ci` is the quick one.
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 Benchmarks/corpus.py "$@"
