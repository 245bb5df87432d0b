#!/usr/bin/env bash
# Shared steps of the mtasts serve benchmarks: build the command in Release, make a test CA and a
# certificate for localhost on loopback, and start or stop the server. Sourced, not run.

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d /tmp/mtasts-serve-bench.XXXXXX)"
mtasts=(dotnet "$repo/src/MtaSts.Cli/bin/Release/net10.0/MtaSts.Cli.dll")
server_pid=""

build_release() {
    dotnet build -c Release "$repo/src/MtaSts.Cli" -v quiet -nologo >/dev/null
}

# A CA and one certificate for the SNI name "localhost": wrk sends the URL's host as SNI, and
# the policy is then chosen by the Host header, as for any name.
make_certificates() {
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 \
        -subj "/CN=mtasts bench CA" -keyout "$work/ca.key" -out "$work/ca.pem" 2>/dev/null
    openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
        -subj "/CN=localhost" -keyout "$work/localhost.key" -out "$work/localhost.csr" 2>/dev/null
    printf 'subjectAltName=DNS:localhost\n' > "$work/san.ext"
    openssl x509 -req -in "$work/localhost.csr" -CA "$work/ca.pem" -CAkey "$work/ca.key" -CAcreateserial \
        -days 2 -extfile "$work/san.ext" -out "$work/localhost.pem" 2>/dev/null
}

# start_server URLS HEALTH_URL: runs mtasts serve on the bench store with the localhost
# certificate and waits until HEALTH_URL/healthz returns 200. localhost resolves to 127.0.0.1 here.
start_server() {
    local urls="$1" health="$2"
    "${mtasts[@]}" serve --store "$work/mtasts.db" --urls "$urls" \
        --Server:Tls:Certificates:0:Name=localhost \
        --Server:Tls:Certificates:0:CertificateFile="$work/localhost.pem" \
        --Server:Tls:Certificates:0:KeyFile="$work/localhost.key" \
        --Logging:LogLevel:Default=Warning >"$work/serve.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 1 100); do
        if curl -sf --cacert "$work/ca.pem" --max-time 1 "$health/healthz" >/dev/null 2>&1; then
            return 0
        fi
        sleep 0.2
    done
    echo "mtasts serve did not become ready; see $work/serve.log" >&2
    return 1
}

stop_server() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid"
        wait "$server_pid" 2>/dev/null || true
    fi
    server_pid=""
}
