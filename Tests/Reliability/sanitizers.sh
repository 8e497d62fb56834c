#!/usr/bin/env bash
# The Swift test suite under AddressSanitizer and ThreadSanitizer, each in a build folder of its
# own (.build-asan, .build-tsan). Prints each run's result line and the sanitizer reports it
# found (none when clean); the logs stay in .build-asan/tests.log and .build-tsan/tests.log.
#   Tests/Reliability/sanitizers.sh [address|thread ...]      (default: both)
# Each is a whole build with instrumentation: about 10 minutes on 2 cores, then the tests.
set -uo pipefail
cd "$(dirname "$0")/../.."
status=0
for sanitizer in "${@:-address thread}"; do
    for one in $sanitizer; do
        case "$one" in address) folder=.build-asan ;; thread) folder=.build-tsan ;; *) echo "unknown sanitizer: $one" >&2; exit 64 ;; esac
        mkdir -p "$folder"
        log="$folder/tests.log"
        start=$(date +%s)
        # halt_on_error=0: report every finding of a run, not only the first.
        ASAN_OPTIONS=detect_leaks=0:halt_on_error=0 TSAN_OPTIONS=halt_on_error=0:second_deadlock_stack=1 \
            swift test --sanitize="$one" --scratch-path "$folder" > "$log" 2>&1
        code=$?
        reports=$(grep -c "^WARNING: ThreadSanitizer\|^==[0-9]*==ERROR: AddressSanitizer" "$log")
        result=$(grep -E "^(✔|✘) Test run with" "$log" | tail -n 1)
        echo "$one: exit $code in $(( $(date +%s) - start )) s; ${result:-no test result line (see $log)}; $reports sanitizer reports"
        if [ "$reports" != 0 ]; then
            grep -A 12 "^WARNING: ThreadSanitizer\|^==[0-9]*==ERROR: AddressSanitizer" "$log" | head -n 80
        fi
        [ "$code" = 0 ] && [ "$reports" = 0 ] || status=1
    done
done
exit $status
