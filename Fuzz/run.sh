#!/usr/bin/env bash
# Fuzzes apigen's reader, parser, lowering and emitters with libFuzzer (Fuzz/Sources: one input
# is a first byte choosing JSON or YAML, then the document). Seeds: every fixture of
# Tests/APIGenTests/Fixtures; dictionary: Fuzz/openapi.dict. A crash, a hang over 1 s or a
# memory blow-up over 512 MB stops the run and leaves the input in Fuzz/.work/findings/.
#   Fuzz/run.sh [SECONDS] [-- LIBFUZZER-OPTIONS...]      (default 120 s; the corpus grows in Fuzz/.work/corpus)
#   Fuzz/run.sh 1800                                     # 30 minutes
#   Fuzz/.build-fuzz/release/apigen-fuzz FILE            # replay one input
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-120}
shift || true
[ "${1:-}" = "--" ] && shift
swift build -c release --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library > .work-build.log 2>&1 \
    || { tail -n 30 .work-build.log; exit 1; }
rm -f .work-build.log
mkdir -p .work/corpus .work/findings
rm -rf .work/seeds && mkdir -p .work/seeds
for file in ../Tests/APIGenTests/Fixtures/*/*.yaml ../Tests/APIGenTests/Fixtures/*/*.json ../Tests/APIGenTests/Fixtures/*/*/*.yaml; do
    [ -f "$file" ] || continue
    name=$(echo "$file" | tr '/' '_')
    case "$file" in
        *.json) { printf 'j'; cat "$file"; } > ".work/seeds/$name" ;;
        *) { printf 'y'; cat "$file"; } > ".work/seeds/$name" ;;
    esac
done
# ASan's quarantine of freed memory (256 MB by default) would count against the 512 MB limit.
export ASAN_OPTIONS="${ASAN_OPTIONS:-quarantine_size_mb=64}"
exec .build-fuzz/release/apigen-fuzz -max_total_time="$seconds" -timeout=1 -rss_limit_mb=512 -max_len=16384 \
    -dict=openapi.dict -artifact_prefix=.work/findings/ -print_final_stats=1 "$@" .work/corpus .work/seeds
