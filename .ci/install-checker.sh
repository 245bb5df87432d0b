# Installs the real daemons that the checker's end-to-end tests start themselves: nsd
# (authoritative DNS), nginx (policy host) and postfix (MX). Sourced by .ci/run as root on
# Debian 12. The packages' own services are kept stopped, so nothing listens on ports 25, 53,
# 80 or 443: the tests run each daemon from a temporary folder on a free loopback port.

install_checker_daemons() {
    local packages=(nsd nginx postfix)
    local missing=()
    local binary
    for binary in nsd nginx postfix; do
        if ! command -v "$binary" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$binary" ]; then
            missing+=("$binary")
        fi
    done

    if [ "${#missing[@]}" -eq 0 ]; then
        echo "checker: nsd, nginx and postfix are already installed"
        return 0
    fi

    echo "checker: installing ${packages[*]}"

    # A policy-rc.d that denies every start keeps the post-install scripts from starting the
    # services. It is removed again only if this script created it.
    local created_policy=false
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
        chmod 755 /usr/sbin/policy-rc.d
        created_policy=true
    fi

    echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections

    # Another apt run may hold the lock for a while; wait and retry instead of failing.
    local attempt
    local installed=false
    for attempt in 1 2 3 4 5 6 7 8 9 10; do
        if apt-get update -qq \
            && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}"; then
            installed=true
            break
        fi

        echo "checker: apt-get failed (attempt $attempt), retrying in 15 s"
        sleep 15
    done

    if [ "$created_policy" = true ]; then
        rm -f /usr/sbin/policy-rc.d
    fi

    if [ "$installed" != true ]; then
        echo "checker: could not install ${packages[*]}" >&2
        return 1
    fi

    stop_checker_services
}

# Stops and disables the packaged services in case a post-install script started them anyway.
stop_checker_services() {
    local service
    for service in nsd nginx postfix; do
        if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
            systemctl stop "$service" >/dev/null 2>&1 || true
            systemctl disable "$service" >/dev/null 2>&1 || true
        elif command -v service >/dev/null 2>&1; then
            service "$service" stop >/dev/null 2>&1 || true
        fi
    done
}

install_checker_daemons
