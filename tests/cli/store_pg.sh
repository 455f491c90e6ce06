#!/bin/sh
# store_pg.sh: the store on a real PostgreSQL server started here (see
# tests/store/pg_server.sh; skipped with a message when none can be started):
# the same loads, queries and exports as on SQLite give the same output;
# kill -9 of a load; malformed JSONL; a full disk (a tablespace on a small
# tmpfs, when mounting is allowed).
set -eu
case "$DYAD" in /*) ;; *) DYAD="$(pwd)/$DYAD" ;; esac
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
pgdir=$(mktemp -d)
mnt=""
cleanup() {
    sh tests/store/pg_server.sh stop "$pgdir" || true
    [ -z "$mnt" ] || umount "$mnt" 2>/dev/null || true
    rm -rf "$tmp" "$pgdir"
}
trap cleanup EXIT
. tests/store/lib.sh

rc=0
url=$(sh tests/store/pg_server.sh start "$pgdir") || rc=$?
if [ "$rc" -eq 77 ]; then
    echo "skip: no PostgreSQL server could be started; PostgreSQL CLI tests not run"
    exit 0
fi
[ "$rc" -eq 0 ] || fail "pg_server.sh start failed ($rc)"
bindir=$(cat "$pgdir/bindir")
psql="$bindir/psql"
[ -x "$psql" ] || psql=$(command -v psql) || fail "no psql next to the server nor on the PATH"
# psql against database $1 of the server.
psql_db() { "$psql" -X -q -v ON_ERROR_STOP=1 "postgresql:///$1?host=$pgdir&port=5432&user=dyad" -c "$2"; }
pgdb() { psql_db postgres "CREATE DATABASE $1" >/dev/null; echo "postgresql:///$1?host=$pgdir&port=5432&user=dyad"; }
sq="sqlite:$tmp/ref.db"
pg=$(pgdb ref)

echo "check: the example article and a JSONL file into both backends"
gen_jsonl 300 2 >"$tmp/some.jsonl"
for db in "$sq" "$pg"; do
    run load --db "$db" data/examples/article.xml "$tmp/some.jsonl"
    expect_rc 0
    grep -q "301 articles, 610 sentences, 610 events stored in" "$err" || fail "load into $db"
    run load -q --db "$db" data/examples/article.xml
    expect_rc 0
done

echo "check: every query gives the same output on both"
for q in "--dyad JPN-CHN --both" "--dyad PRK-* --by year" "--dyad FRA --by day --from 2024-03 --to 2024-06" \
         "--top actors" "--top actors --actor US --limit 3" "--top dyads --limit 20" \
         "--top dyads --from 2024-02-01 --to 20240430" "--events --dyad USA-IRN --both" \
         "--events --dyad IRN --limit 5"; do
    for f in table csv json; do
        # shellcheck disable=SC2086 # $q is split on purpose
        "$DYAD" query --db "$sq" $q --format $f >"$tmp/a" 2>&1 || fail "sqlite: query $q"
        # shellcheck disable=SC2086
        "$DYAD" query --db "$pg" $q --format $f >"$tmp/b" 2>&1 || fail "postgresql: query $q"
        cmp -s "$tmp/a" "$tmp/b" || { diff "$tmp/a" "$tmp/b" | head; fail "query $q --format $f differs"; }
    done
done
"$DYAD" query --db "$sq" --summary --format csv | grep -v '^database\|^last_coded_at' >"$tmp/a"
"$DYAD" query --db "$pg" --summary --format csv | grep -v '^database\|^last_coded_at' >"$tmp/b"
cmp -s "$tmp/a" "$tmp/b" || { diff "$tmp/a" "$tmp/b"; fail "summaries differ"; }

echo "check: every export gives the same output on both (GDELT's DATEADDED aside)"
for f in jsonl phoenix graphml; do
    "$DYAD" export --db "$sq" --format $f >"$tmp/a" || fail "sqlite: export $f"
    "$DYAD" export --db "$pg" --format $f >"$tmp/b" || fail "postgresql: export $f"
    cmp -s "$tmp/a" "$tmp/b" || { diff "$tmp/a" "$tmp/b" | head; fail "export $f differs"; }
done
"$DYAD" export --db "$sq" --format gdelt | cut -f1-59,61 >"$tmp/a"
"$DYAD" export --db "$pg" --format gdelt | cut -f1-59,61 >"$tmp/b"
cmp -s "$tmp/a" "$tmp/b" || { diff "$tmp/a" "$tmp/b" | head; fail "export gdelt differs"; }

echo "check: malformed JSONL: the same lines skipped on PostgreSQL"
{ head -n 3 "$tmp/some.jsonl"; echo '{"type":"event",'; sed -n 4,6p "$tmp/some.jsonl"; } >"$tmp/bad.jsonl"
run load --db "$(pgdb bad)" "$tmp/bad.jsonl"
expect_rc 1
grep -q "^$tmp/bad.jsonl:4: error: " "$err" || fail "no error at bad.jsonl:4"
grep -q "3 articles, 6 sentences, 6 events stored" "$err" || fail "the good lines were not stored"

echo "check: kill -9 during a load into PostgreSQL, then load again"
kill_test "$(pgdb killed)"

echo "check: a full disk under PostgreSQL: exit 4, a clear message, only whole articles kept"
owner=$(cat "$pgdir/owner")
mkdir "$tmp/tiny"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=1m tmpfs "$tmp/tiny" 2>/dev/null; then
    mnt="$tmp/tiny"
    mkdir "$tmp/tiny/ts"
    [ -z "$owner" ] || chown "$owner" "$tmp/tiny/ts"
    chmod 711 "$tmp"
    full=$(pgdb fulldisk)
    head -n 1 "$tmp/some.jsonl" >"$tmp/one.jsonl"
    "$DYAD" load -q --db "$full" "$tmp/one.jsonl" || fail "cannot create the schema"
    psql_db postgres "CREATE TABLESPACE tiny LOCATION '$tmp/tiny/ts'" ||
        fail "cannot create the tablespace"
    psql_db fulldisk "ALTER TABLE ALL IN TABLESPACE pg_default SET TABLESPACE tiny" >/dev/null
    psql_db fulldisk "ALTER INDEX ALL IN TABLESPACE pg_default SET TABLESPACE tiny" >/dev/null
    gen_jsonl 4000 2 >"$tmp/big.jsonl"
    run load --db "$full" --batch 100 "$tmp/big.jsonl"
    expect_rc 4
    grep -q "postgresql:///fulldisk.*No space left on device" "$err" || fail "the message does not say the disk is full"
    grep -q "not stored; [0-9]* articles were committed before" "$err" || fail "the message does not say what was lost"
    run export --db "$full" --format jsonl
    expect_rc 0
    n=$(whole_articles 2 <"$out") || fail "half-written articles: $n"
    [ "$n" -lt 4000 ] || fail "$n articles stored"
    echo "  $n whole articles kept"
else
    echo "skip: cannot mount a tmpfs here; the full-disk check runs on SQLite only (store_sqlite.sh)"
fi
echo "ok"
