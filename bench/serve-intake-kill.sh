#!/usr/bin/env bash
# Report intake at a sustained rate across a kill -9 and restart of mtasts serve, on loopback:
# every report a client got 2xx for must be in the store afterwards.
# Usage: bench/serve-intake-kill.sh [REPORTS] [RATE] [KILL_AFTER_SECONDS]   (defaults: 10000 500 8,
# so about 20 s of sending at 500 reports/s with the kill in the middle)
set -euo pipefail
source "$(dirname "$0")/serve-common.sh"

reports="${1:-10000}"
rate="${2:-500}"
kill_after="${3:-8}"
threads=8
port=18480
url="http://127.0.0.1:$port"
trap 'stop_server; rm -rf "$work"' EXIT

build_release
make_certificates
"${mtasts[@]}" domains add example.com --mx mx1.example.com --store "$work/mtasts.db" >/dev/null
start_server "$url" "$url"

python3 "$(dirname "$0")/serve-intake-client.py" send "$url/tlsrpt" "$reports" "$threads" "$rate" "$work/acked.txt" &
client_pid=$!

sleep "$kill_after"
kill -9 "$server_pid"
wait "$server_pid" 2>/dev/null || true
echo "killed mtasts serve with SIGKILL after ${kill_after} s; restarting"
start_server "$url" "$url"

wait "$client_pid"
stored=$(curl -s "$url/api/reports/summary" | python3 -c 'import json, sys; print(json.load(sys.stdin)["reports"])')
echo "store holds $stored reports"
python3 "$(dirname "$0")/serve-intake-client.py" verify "$url/tlsrpt" "$work/acked.txt"
