#!/bin/sh
# store_kill.sh: `kill -9` of a `dyad load` into SQLite in the middle of a
# transaction, then a second load: no committed article is lost, none is
# half there or there twice (tests/store/lib.sh: kill_test).
set -eu
case "$DYAD" in /*) ;; *) DYAD="$(pwd)/$DYAD" ;; esac
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. tests/store/lib.sh

echo "check: kill -9 during a load into SQLite, then load again"
kill_test "sqlite:$tmp/kill.db"
echo "ok"
