#!/usr/bin/env bash
# Policy requests per second over HTTPS keep-alive: mtasts serve against Debian's nginx serving
# the same policy file with the same certificate, both on loopback, measured with wrk.
# Usage: bench/serve-policy.sh [ROUNDS] [SECONDS]   (defaults: 3 rounds of 10 s per server)
set -euo pipefail
source "$(dirname "$0")/serve-common.sh"

rounds="${1:-3}"
seconds="${2:-10}"
serve_port=18443
nginx_port=18444
trap 'stop_server; [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null; rm -rf "$work"' EXIT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
command -v nginx >/dev/null || { echo "nginx is missing: apt-get install nginx" >&2; exit 1; }

build_release
make_certificates
"${mtasts[@]}" domains add example.com --mx mx1.example.com --mx '*.mail.example.com' --mode testing --max-age 604800 --store "$work/mtasts.db" >/dev/null

# nginx serves the byte-identical policy that mtasts serves.
mkdir -p "$work/www/.well-known"
start_server "https://127.0.0.1:$serve_port" "https://localhost:$serve_port"
curl -sf --cacert "$work/ca.pem" -H "Host: mta-sts.example.com" \
    "https://localhost:$serve_port/.well-known/mta-sts.txt" > "$work/www/.well-known/mta-sts.txt"
cat > "$work/nginx.conf" <<NGINX
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    server {
        listen 127.0.0.1:$nginx_port ssl;
        ssl_certificate $work/localhost.pem;
        ssl_certificate_key $work/localhost.key;
        ssl_protocols TLSv1.2 TLSv1.3;
        root $work/www;
        location = /.well-known/mta-sts.txt { default_type text/plain; }
    }
}
NGINX
nginx -c "$work/nginx.conf"

run_wrk() {
    wrk -t2 -c32 -d"${seconds}s" -H "Host: mta-sts.example.com" "https://localhost:$1/.well-known/mta-sts.txt" \
        | awk '/Requests\/sec/ { print $2 }'
}

echo "round mtasts_rps nginx_rps"
for round in $(seq 1 "$rounds"); do
    mtasts_rps=$(run_wrk "$serve_port")
    nginx_rps=$(run_wrk "$nginx_port")
    echo "$round $mtasts_rps $nginx_rps"
done | tee "$work/results.txt"

median() {
    tail -n +2 "$work/results.txt" | cut -d' ' -f"$1" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
mtasts_median=$(median 2)
nginx_median=$(median 3)
awk -v m="$mtasts_median" -v n="$nginx_median" \
    'BEGIN { printf "median mtasts %.0f req/s, nginx %.0f req/s, ratio %.2f\n", m, n, m / n }'
