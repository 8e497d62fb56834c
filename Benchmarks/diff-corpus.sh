#!/usr/bin/env bash
# apigen diff on the public corpus (Benchmarks/diff_corpus.py): each document against its JSON
# rewrite (no change) and against an edited copy (every edit found), timed.
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 Benchmarks/diff_corpus.py "$@"
