#!/bin/sh
# load_concurrent_pg.sh: many `dyad load` processes into one PostgreSQL
# database at once (a throw-away server, tests/store/pg_server.sh; skipped
# with a message when none can be started). Four loaders run together over
# overlapping inputs: shard 0/2 and shard 1/2 of a JSONL file of 3,000
# articles, the whole file with its articles in reverse order (so that, batch
# against batch, articles are met in opposite orders), and the whole file in
# batches of 37 articles. Then the same four again (every article loaded again
# replaces itself). Each time: every loader exits 0, the server logs no
# deadlock, and articles, sentences, events (no duplicates) and the actors'
# first/last-seen dates equal those of one loader alone.
set -eu
case "$DYAD" in /*) ;; *) DYAD="$(pwd)/$DYAD" ;; esac
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
pgdir=$(mktemp -d)
cleanup() {
    sh tests/store/pg_server.sh stop "$pgdir" || true
    rm -rf "$tmp" "$pgdir"
}
trap cleanup EXIT
. tests/store/lib.sh

rc=0
url=$(sh tests/store/pg_server.sh start "$pgdir") || rc=$?
if [ "$rc" -eq 77 ]; then
    echo "skip: no PostgreSQL server could be started; concurrent-load test not run"
    exit 0
fi
[ "$rc" -eq 0 ] || fail "pg_server.sh start failed ($rc)"
bindir=$(cat "$pgdir/bindir")
psql="$bindir/psql"
[ -x "$psql" ] || psql=$(command -v psql) || fail "no psql next to the server nor on the PATH"
psql_db() { "$psql" -X -q -A -t -v ON_ERROR_STOP=1 "postgresql:///$1?host=$pgdir&port=5432&user=dyad" -c "$2"; }
pgdb() { psql_db postgres "CREATE DATABASE $1" >/dev/null; echo "postgresql:///$1?host=$pgdir&port=5432&user=dyad"; }

# What a store holds, one file per table (no ids or timestamps; nor the
# source file, which is "-" for the loader that reads standard input).
dump() {
    psql_db "$1" "SELECT id, date, dict_version, nsentences, nevents FROM articles ORDER BY id" >"$tmp/$1.articles"
    psql_db "$1" "SELECT article, id, seq, text FROM sentences ORDER BY article, id" >"$tmp/$1.sentences"
    psql_db "$1" "SELECT article, sentence, date, source, target, cameo, plover, quad_class, goldstein,
                         mentions FROM events ORDER BY 1, 2, 3, 4, 5, 6" >"$tmp/$1.events"
    psql_db "$1" "SELECT code, first_seen, last_seen FROM actors ORDER BY code" >"$tmp/$1.actors"
}
same_store() {
    for t in articles sentences events actors; do
        [ -s "$tmp/$1.$t" ] || fail "$1: table $t is empty"
        cmp -s "$tmp/$1.$t" "$tmp/$2.$t" || { diff "$tmp/$1.$t" "$tmp/$2.$t" | head -10; fail "$2: table $t differs from $1's"; }
    done
}

gen_jsonl 3000 3 >"$tmp/all.jsonl"
# the same articles, last first (each article's 3 lines kept in order)
awk '{ l[NR] = $0 } END { for (i = NR - 2; i >= 1; i -= 3) print l[i] "\n" l[i + 1] "\n" l[i + 2] }' \
    "$tmp/all.jsonl" >"$tmp/reverse.jsonl"
[ "$(sort "$tmp/all.jsonl" | md5sum)" = "$(sort "$tmp/reverse.jsonl" | md5sum)" ] || fail "reverse.jsonl lost lines"
mkdir -p "$tmp/a" "$tmp/b"
cp "$tmp/all.jsonl" "$tmp/a/in.jsonl"
cp "$tmp/reverse.jsonl" "$tmp/b/in.jsonl"

echo "check: one loader alone (the reference)"
ref=$(pgdb ref)
(cd "$tmp/a" && "$DYAD" load -q --db "$ref" in.jsonl) || fail "the single load failed"
dump ref
[ "$(wc -l <"$tmp/ref.articles")" -eq 3000 ] || fail "the reference holds $(wc -l <"$tmp/ref.articles") articles"
[ "$(wc -l <"$tmp/ref.events")" -eq 9000 ] || fail "the reference holds $(wc -l <"$tmp/ref.events") events"

conc=$(pgdb conc)
for round in 1 2; do
    echo "check: four loaders at once, round $round"
    (cd "$tmp/a" && exec "$DYAD" load -q --db "$conc" --shard 0/2 in.jsonl 2>"$tmp/l1.err") & p1=$!
    (cd "$tmp/a" && exec "$DYAD" load -q --db "$conc" --shard 1/2 --input jsonl - <in.jsonl 2>"$tmp/l2.err") & p2=$!
    (cd "$tmp/b" && exec "$DYAD" load -q --db "$conc" in.jsonl 2>"$tmp/l3.err") & p3=$!
    (cd "$tmp/a" && exec "$DYAD" load -q --db "$conc" --batch 37 in.jsonl 2>"$tmp/l4.err") & p4=$!
    n=1
    for p in $p1 $p2 $p3 $p4; do
        rc=0
        wait "$p" || rc=$?
        [ "$rc" -eq 0 ] || fail "loader $n of round $round: exit $rc ($(cat "$tmp/l$n.err"))"
        n=$((n + 1))
    done
    if grep -q "deadlock detected" "$pgdir/server.log"; then
        grep "deadlock detected" "$pgdir/server.log" | head -3
        fail "the server detected a deadlock (the loaders retried it, but lock order should prevent it)"
    fi
    dump conc
    same_store ref conc
    dups=$(psql_db conc "SELECT count(*) FROM (SELECT sentence, source, target, cameo FROM events
                         GROUP BY 1, 2, 3, 4 HAVING count(*) > 1) d")
    [ "$dups" -eq 0 ] || fail "$dups events stored twice"
done
echo "ok"
