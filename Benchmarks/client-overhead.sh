#!/usr/bin/env bash
# The generated client's overhead on a fast path (no faults): GET /api/v1/user/ against a release
# quay-mock on loopback, sent by the transport alone and through APIClient (without retries and
# time limits, with the defaults, with debug logging to a handler that drops the lines), over
# URLSession, AsyncHTTPClient and a transport in memory. Prints the median time per call of each,
# the overhead against the transport alone, and the client's own cost (measured in memory, where
# the network adds no noise) as a share of each loopback round trip.
#   Benchmarks/client-overhead.sh [ROUNDS] [CALLS]      (default 11 rounds of 1,500 calls)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-11}
calls=${2:-1500}
swift build -c release --product quay-mock > /dev/null
scratch=Benchmarks/.work/client-overhead-build
swift build -c release --package-path Benchmarks/client-overhead --scratch-path "$scratch" > /dev/null
port=18111
"$(swift build -c release --show-bin-path)/quay-mock" --port $port --quiet > /dev/null &
mock=$!
trap 'kill $mock 2>/dev/null || true' EXIT
sleep 2
result=$("$scratch/release/client-overhead" "http://127.0.0.1:$port" "$rounds" "$calls")
echo "$result"
python3 - "$result" <<'PY'
import json, sys
report = json.loads(sys.argv[1])
memory = report["memory"]
for transport, times in report.items():
    base = times["transport_us"]
    print(f"{transport}: the transport alone {base:.2f} µs per call")
    for name, value in times.items():
        if name == "transport_us":
            continue
        line = f"  {name[:-3]:>28}: {value:9.2f} µs ({(value - base) / base * 100:+.1f}% against the transport alone"
        if transport != "memory":
            # The client's own cost, measured without the network, against this round trip.
            own = memory[name] - memory["transport_us"]
            line += f"; its own cost in memory, {own:.2f} µs, is {own / base * 100:.2f}% of this round trip"
        print(line + ")")
PY
