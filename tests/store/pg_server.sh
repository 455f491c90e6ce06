#!/bin/sh
# pg_server.sh: a throw-away PostgreSQL server for the store tests and the
# benchmark.
#
#   sh tests/store/pg_server.sh start DIR [durable]   prints the server's URL
#   sh tests/store/pg_server.sh stop DIR
#
# start creates a cluster in DIR/data (DIR must exist and be empty) and runs it
# on a Unix socket in DIR only (no TCP port), so tests running side by side do
# not meet. Without "durable" it runs with fsync off (fast, for tests); with it,
# with PostgreSQL's default durability (for the benchmark). The URL is
# postgresql:///postgres?host=DIR&port=5432&user=dyad.
#
# The server binaries come from $PG_BINDIR, the PATH (initdb, pg_ctl), or
# /usr/lib/postgresql/*/bin; when there are none and we are root on Debian,
# the postgresql package is installed with apt-get. PostgreSQL refuses to run
# as root: as root the cluster belongs to the "postgres" user (created with
# the package) or, failing that, to a user "dyadpg" created here.
#
# Exit status: 0 started / stopped; 77 no server could be started (the
# caller skips its PostgreSQL tests and says why on stderr); 2 usage.
set -u
cmd=${1:-}
dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: pg_server.sh start|stop DIR [durable]" >&2; exit 2; }

find_bindir() {
    if [ -n "${PG_BINDIR:-}" ] && [ -x "$PG_BINDIR/initdb" ]; then echo "$PG_BINDIR"; return 0; fi
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        # The real folder (also holds psql), not a folder of symbolic links.
        dirname "$(readlink -f "$(command -v pg_ctl)" 2>/dev/null || command -v pg_ctl)"; return 0
    fi
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -n -r); do
        [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
    done
    return 1
}

install_pg() {
    [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1 || return 1
    echo "pg_server: installing postgresql with apt-get" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q postgresql >/dev/null 2>&1 ||
        { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q postgresql >/dev/null 2>&1; }
}

# Runs "$@" as the cluster's owner.
as_owner() {
    if [ -z "$owner" ]; then "$@"; return; fi
    if command -v runuser >/dev/null 2>&1; then runuser -u "$owner" -- "$@"
    else su "$owner" -s /bin/sh -c "$(printf "'%s' " "$@")"; fi
}

pick_owner() {
    owner=""
    [ "$(id -u)" -eq 0 ] || return 0
    if id postgres >/dev/null 2>&1; then owner=postgres; return 0; fi
    if ! id dyadpg >/dev/null 2>&1; then
        useradd -r -M -s /bin/sh dyadpg 2>/dev/null || adduser --system --no-create-home dyadpg >/dev/null 2>&1 || return 1
    fi
    owner=dyadpg
}

skip() { echo "pg_server: cannot start PostgreSQL: $*" >&2; exit 77; }

case "$cmd" in
start)
    bindir=$(find_bindir) || { install_pg && bindir=$(find_bindir); } ||
        skip "no initdb/pg_ctl found (install the Debian package postgresql)"
    pick_owner || skip "running as root and cannot create a user to own the cluster"
    [ -d "$dir" ] || skip "$dir is not a directory"
    if [ -n "$owner" ]; then chown "$owner" "$dir" && chmod 700 "$dir" || skip "cannot give $dir to $owner"; fi
    as_owner "$bindir/initdb" -D "$dir/data" -U dyad -A trust -E UTF8 --locale=C --no-sync \
        >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; skip "initdb failed"; }
    opts="-c listen_addresses='' -k $dir -p 5432"
    [ "${3:-}" = durable ] || opts="$opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "$opts" start \
        >"$dir/pg_ctl.log" 2>&1 || { cat "$dir/server.log" >&2; skip "pg_ctl start failed"; }
    echo "$bindir" >"$dir/bindir"
    echo "${owner}" >"$dir/owner"
    echo "postgresql:///postgres?host=$dir&port=5432&user=dyad"
    ;;
stop)
    [ -f "$dir/bindir" ] || exit 0
    bindir=$(cat "$dir/bindir")
    owner=$(cat "$dir/owner" 2>/dev/null || true)
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    ;;
*)
    echo "usage: pg_server.sh start|stop DIR [durable]" >&2; exit 2 ;;
esac
