#!/usr/bin/env bash
# Installs and starts what the report store tests need on a fresh Debian 12 machine, as root:
# a private PostgreSQL cluster on 127.0.0.1 only, and the dovecot binary that the IMAP tests
# start themselves on loopback. .ci/run sources it, so MTASTS_TEST_POSTGRES reaches the tests;
# the same export line is written to $MTASTS_STORAGE_ENV (default /tmp/mtasts-storage.env) for
# a developer's shell.
set -euo pipefail

cluster_name=mtasts
cluster_port="${MTASTS_TEST_POSTGRES_PORT:-55432}"
role=mtasts_test
database=mtasts_test
# A throwaway credential for a cluster that listens on loopback only.
password=mtasts_test
env_file="${MTASTS_STORAGE_ENV:-/tmp/mtasts-storage.env}"

if ! command -v pg_createcluster >/dev/null || ! [ -x /usr/sbin/dovecot ]; then
    for attempt in 1 2 3 4 5 6; do
        if apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql dovecot-imapd >/dev/null; then
            break
        fi
        echo "install-storage: apt-get failed (attempt $attempt), retrying in 10 s" >&2
        sleep 10
    done
fi

version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version $cluster_name"; then
    pg_createcluster "$version" "$cluster_name" -p "$cluster_port" -- --auth-local=peer --auth-host=scram-sha-256 >/dev/null
fi

conf_dir="/etc/postgresql/$version/$cluster_name"
sed -i "s/^#\?listen_addresses.*/listen_addresses = '127.0.0.1'/" "$conf_dir/postgresql.conf"
sed -i "s/^#\?fsync.*/fsync = on/" "$conf_dir/postgresql.conf"

if ! pg_lsclusters -h | awk -v v="$version" -v n="$cluster_name" '$1 == v && $2 == n {print $4}' | grep -qx online; then
    pg_ctlcluster "$version" "$cluster_name" start
fi

psql_admin() {
    runuser -u postgres -- psql -p "$cluster_port" -v ON_ERROR_STOP=1 -qtA "$@"
}

if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$role'")" != "1" ]; then
    psql_admin -c "CREATE ROLE $role LOGIN PASSWORD '$password'"
fi
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$database'")" != "1" ]; then
    psql_admin -c "CREATE DATABASE $database OWNER $role"
fi

MTASTS_TEST_POSTGRES="Host=127.0.0.1;Port=$cluster_port;Username=$role;Password=$password;Database=$database"
export MTASTS_TEST_POSTGRES
echo "export MTASTS_TEST_POSTGRES='$MTASTS_TEST_POSTGRES'" > "$env_file"
echo "install-storage: PostgreSQL $version cluster '$cluster_name' on 127.0.0.1:$cluster_port; details in $env_file"
