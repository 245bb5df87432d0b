#!/usr/bin/env bash
# Installs the Debian tools that the mtasts serve tests and benchmarks drive, on a fresh Debian 12
# machine, as root: curl and swaks as real clients, dovecot for the IMAP polling test, wrk and
# nginx for bench/serve-*.sh.
# .ci/run sources this file, so it returns instead of exiting.

server_packages=(curl swaks wrk nginx dovecot-imapd)
server_missing=()
for package in "${server_packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        server_missing+=("$package")
    fi
done

if [ "${#server_missing[@]}" -gt 0 ]; then
    echo "installing ${server_missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${server_missing[@]}" >/dev/null
fi

# The nginx package starts a server on port 80 where systemd runs; the benchmark starts its own on loopback.
if command -v systemctl >/dev/null && systemctl is-active --quiet nginx 2>/dev/null; then
    systemctl stop nginx || true
fi
