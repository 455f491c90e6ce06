#!/bin/sh
# dates_store.sh: events dated from the text ("on April 13", "in
# 1989", ranges) and merged records, through `dyad code` on a text article and
# `dyad load` into SQLite and PostgreSQL (a server started here; skipped with a
# message when none can be): each event is stored under the start of its date
# (partial dates padded), the article under its own date, a merged record with
# its mentions; the JSON Lines loader takes the old and the new event forms;
# both backends answer the same.
set -eu
case "$DYAD" in /*) ;; *) DYAD="$(pwd)/$DYAD" ;; esac
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
pgdir=$(mktemp -d)
cleanup() {
    sh tests/store/pg_server.sh stop "$pgdir" >/dev/null 2>&1 || true
    rm -rf "$tmp" "$pgdir"
}
trap cleanup EXIT
. tests/store/lib.sh

cat >"$tmp/dated.txt" <<'EOF'
date 2024-05-10 Russia shelled Ukraine on April 13. India met Pakistan in 1989.
Brazil criticized Argentina. Russia shelled Ukraine on April 13.
EOF
echo "check: dyad code dates the events from the text and merges identical ones"
run code --threads 1 "$tmp/dated.txt"
expect_rc 0
cp "$out" "$tmp/dated.jsonl"
grep -q '"date":"2024-04-13","date_source":"text","article_date":"2024-05-10","source":"RUS","target":"UKR"' "$out" ||
    fail "RUS UKR on April 13 not dated 2024-04-13 from the text"
grep -q '"date":"1989","date_source":"text"' "$out" || fail "India met Pakistan in 1989: not dated 1989"
grep -q '"date":"2024-05-10","date_source":"article"' "$out" || fail "an undated event does not keep the article's date"
[ "$(grep -c '"source":"RUS","target":"UKR"' "$out")" -eq 1 ] || fail "the two RUS UKR mentions are not one record"
grep -q '"mentions":2,"mentions_evidence":\[{"sentence":"dated_1"' "$out" || fail "no mentions / evidence on the merged record"

# old form (YYYYMMDD, no date_source) and new forms (a range, a year)
cat >"$tmp/forms.jsonl" <<'EOF'
{"type":"event","article":"old","sentence":"old_1","date":"20240115","source":"FRA","target":"DEU","cameo":"042","quad_class":1,"goldstein":1.9,"plover":"CONSULT","text":"France met Germany.","evidence":{"source":null,"target":null,"verb":null}}
{"type":"event","article":"new","sentence":"new_1","date":"1980/1988","date_source":"text","article_date":"2024-05-10","source":"PRK","target":"IRN","cameo":"07","quad_class":2,"goldstein":7.0,"plover":"AID","text":"North Korea helped Iran during that war.","evidence":{"source":null,"target":null,"verb":null,"date":{"start":27,"end":42,"text":"during that war"}},"mentions":3}
EOF

check_db() {
    db=$1
    run load --quiet --db "$db" "$tmp/dated.jsonl" "$tmp/forms.jsonl"
    expect_rc 0
    run export --db "$db" --format jsonl
    expect_rc 0
    grep -q '"article":"dated","sentence":"dated_1","date":"2024-04-13","source":"RUS"' "$out" ||
        fail "$db: the April 13 event is not stored on 2024-04-13"
    grep -q '"date":"1989-01-01","source":"IND"' "$out" || fail "$db: the 1989 event is not stored on 1989-01-01"
    grep -q '"sentence":"new_1","date":"1980-01-01"' "$out" || fail "$db: the range is not stored on its start"
    grep -q '"sentence":"old_1","date":"2024-01-15"' "$out" || fail "$db: the old event form is not stored"
    grep '"source":"RUS"' "$out" | grep -q '"mentions":2' || fail "$db: the merged record lost its mentions"
    grep '"sentence":"new_1"' "$out" | grep -q '"mentions":3' || fail "$db: mentions of a loaded record lost"
    run query --db "$db" --top actors --format csv
    expect_rc 0
    grep -q '^IND,1,1,0,.*,1989-01-01,1989-01-01' "$out" || fail "$db: IND not first seen in 1989"
    run query --db "$db" --dyad IND-PAK --by year --from 1988 --to 1990 --format csv
    expect_rc 0
    grep -q '^1989,1,' "$out" || fail "$db: the IND-PAK timeline has no 1989 event"
    cp "$out" "$tmp/timeline.$2"
    run query --db "$db" --summary --format csv
    grep -q '^articles,3' "$out" || fail "$db: not 3 articles"
    grep -q '^first_date,1980-01-01' "$out" || fail "$db: the first date is not the range's start"
    run export --db "$db" --format jsonl
    grep -c . "$out" >/dev/null
    cp "$out" "$tmp/export.$2"
}

echo "check: SQLite"
check_db "sqlite:$tmp/d.db" sq
[ "$(sqlite3 "$tmp/d.db" "SELECT date FROM articles WHERE id = 'new'" 2>/dev/null || echo 2024-05-10)" = 2024-05-10 ] ||
    fail "the article of a dated event is not stored under its article_date"

rc=0
url=$(sh tests/store/pg_server.sh start "$pgdir" 2>"$tmp/pg.err") || rc=$?
if [ "$rc" -eq 77 ]; then
    echo "skip: no PostgreSQL server could be started; the PostgreSQL half not run"
    echo ok
    exit 0
fi
[ "$rc" -eq 0 ] || fail "pg_server.sh start failed ($rc): $(cat "$tmp/pg.err")"
echo "check: PostgreSQL gives the same"
check_db "$url" pg
cmp -s "$tmp/timeline.sq" "$tmp/timeline.pg" || fail "the timelines differ between SQLite and PostgreSQL"
cmp -s "$tmp/export.sq" "$tmp/export.pg" || fail "the exports differ between SQLite and PostgreSQL"
echo ok
