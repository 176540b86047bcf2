#!/bin/sh
# Start a throwaway PostgreSQL cluster on 127.0.0.1 for dyad's tests, and print its URL.
#
#   url=$(scripts/ci_postgres.sh)            # installs Debian's postgresql when it is missing
#   DYAD_TEST_PG_URL=$url .venv/bin/python -m pytest tests/store -q
#   scripts/ci_postgres.sh --stop DIR        # stops the cluster whose data folder is DIR
#
# The cluster runs as a non-root user (postgres, created by the Debian package, when this runs
# as root), trusts local connections, listens only on loopback and lives in a temporary folder
# whose path is printed on standard error. Nothing is written outside that folder.
set -eu

if [ "${1:-}" = "--stop" ]; then
    data=${2%;}
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    owner=$(stat -c %U "$data")
    if [ "$(id -u)" = 0 ]; then runuser -u "$owner" -- "$bin/pg_ctl" -D "$data" -m immediate stop >/dev/null
    else "$bin/pg_ctl" -D "$data" -m immediate stop >/dev/null; fi
    case "$data" in  # the throwaway folder this script made, and nothing else
        /tmp/dyad-pg.*/data) rm -rf "${data%/data}" ;;
    esac
    exit 0
fi

if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
    if [ "$(id -u)" != 0 ]; then
        echo "ci_postgres: PostgreSQL is not installed and installing needs root (apt-get install postgresql)" >&2
        exit 1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null
fi
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

dir=$(mktemp -d /tmp/dyad-pg.XXXXXX)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
if [ "$(id -u)" = 0 ]; then
    user=postgres
    id "$user" >/dev/null 2>&1 || useradd --system --no-create-home "$user"
    chown "$user" "$dir"
    run() { runuser -u "$user" -- "$@"; }
else
    run() { "$@"; }
fi
run "$bin/initdb" -D "$dir/data" -U dyad -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1
run "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" start >/dev/null
run "$bin/createdb" -h 127.0.0.1 -p "$port" -U dyad dyad
echo "ci_postgres: data in $dir/data; stop with: $0 --stop $dir/data" >&2
echo "postgresql://dyad@127.0.0.1:$port/dyad"
