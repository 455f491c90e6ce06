#!/bin/sh
# options_store.sh: option values are checked whole (a bad number or date is a
# usage error, exit 2, and names the option); a store that the user cannot
# write is still queried and exported; NUL bytes in text and JSON Lines are
# read as spaces and counted apart from invalid UTF-8.
. "$(dirname "$0")/lib.sh"

# usage ARGS...: dyad ARGS must exit 2 and name the bad value on stderr
usage_error() {
    _bad=$1; shift
    bounded usage 10 100 "$DYAD" "$@"
    [ "$rc" -eq 2 ] || fail "dyad $*: exit $rc, expected 2 (usage error)"
    grep -qF -- "'$_bad'" "$tmp/usage.err" || fail "dyad $*: the message does not name '$_bad'"
}

printf 'date 2024-05-10 France condemned Russia on Monday.\n' >"$tmp/a.txt"
bounded code 30 200 "$DYAD" code "$tmp/a.txt"
[ "$rc" -eq 0 ] || fail "coding a small article: exit $rc"
cp "$tmp/code.out" "$tmp/a.jsonl"
bounded load 30 200 "$DYAD" load --db "sqlite:$tmp/s.db" "$tmp/a.jsonl"
[ "$rc" -eq 0 ] || fail "load: exit $rc"

echo "numbers and dates are checked whole"
usage_error abc query --db "sqlite:$tmp/s.db" --top actors --limit abc
usage_error -5 query --db "sqlite:$tmp/s.db" --top actors --limit -5
usage_error 10x query --db "sqlite:$tmp/s.db" --top actors --limit 10x
usage_error "2004-08-01' OR 1=1 --" query --db "sqlite:$tmp/s.db" --top actors --from "2004-08-01' OR 1=1 --"
usage_error "2004-13" export --db "sqlite:$tmp/s.db" --format jsonl --to 2004-13
usage_error "2023-02-29" code --date 2023-02-29 "$tmp/a.txt"
usage_error "2024-05-10x" quotes --date 2024-05-10x "$tmp/a.txt"
usage_error "0" code --threads 0 "$tmp/a.txt"
usage_error "2.5" code --threads 2.5 "$tmp/a.txt"
usage_error " 4" load --db "sqlite:$tmp/t.db" --batch " 4" "$tmp/a.jsonl"
usage_error "2024/05/10" load --db "sqlite:$tmp/t.db" --date 2024/05/10 "$tmp/a.jsonl"
# good values still pass: a leap day, a month as an upper bound
bounded good 10 100 "$DYAD" query --db "sqlite:$tmp/s.db" --top actors --limit 1 --from 2024-02-29 --to 2024-05
[ "$rc" -eq 0 ] || fail "good option values refused (exit $rc)"
[ "$(grep -c . "$tmp/good.out")" -eq 2 ] || fail "--limit 1 should give a header and one row"

echo "a store the user cannot write is read"
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1; then
    ro=$tmp/ro
    mkdir "$ro"
    cp "$tmp/s.db" "$ro/s.db"
    chmod 755 "$tmp" "$ro"
    chmod 644 "$ro/s.db"
    bounded roq 30 200 setpriv --reuid=65534 --regid=65534 --clear-groups "$DYAD" query --db "sqlite:$ro/s.db" --top actors
    [ "$rc" -eq 0 ] || fail "query of a read-only store: exit $rc"
    grep -q '^FRA ' "$tmp/roq.out" || fail "query of a read-only store: FRA missing"
    bounded roe 30 200 setpriv --reuid=65534 --regid=65534 --clear-groups "$DYAD" export --db "sqlite:$ro/s.db" --format jsonl
    [ "$rc" -eq 0 ] || fail "export of a read-only store: exit $rc"
    grep -q '"source":"FRA","target":"RUS"' "$tmp/roe.out" || fail "export of a read-only store: event missing"
    [ ! -e "$ro/s.db-shm" ] || fail "reading created a -shm file"
else
    echo "  skip: needs root and setpriv to run as another user"
fi

echo "NUL bytes are spaces, counted apart"
printf 'date 2024-05-10 France condemned\000Russia on Monday. Egypt\000\000 urged Israel to halt the offensive.\n' >"$tmp/nul.txt"
bounded nul 30 200 "$DYAD" code "$tmp/nul.txt"
[ "$rc" -eq 0 ] || fail "NUL text: exit $rc"
grep -q '"source":"FRA","target":"RUS"' "$tmp/nul.out" || fail "NUL text: France-Russia event lost"
grep -q '"source":"EGY","target":"ISR"' "$tmp/nul.out" || fail "NUL text: Egypt-Israel event lost"
grep -q "nul.txt: warning: 3 NUL bytes read as spaces" "$tmp/nul.err" || fail "NUL text: no count of 3 NUL bytes"
! grep -q "invalid UTF-8" "$tmp/nul.err" || fail "NUL text: NUL reported as invalid UTF-8"
printf '{"id":"a","date":"2024-05-10","text":"France condemned\\u0000Russia on Monday."}\n' >"$tmp/nul.jsonl"
printf '{"id":"b","date":"2024-05-10","text":"Egypt urged\000Israel to halt the offensive."}\n' >>"$tmp/nul.jsonl"
bounded nulj 30 200 "$DYAD" code "$tmp/nul.jsonl"
[ "$rc" -eq 0 ] || fail "NUL JSON Lines: exit $rc"
grep -q '"article":"a".*"source":"FRA","target":"RUS"' "$tmp/nulj.out" || fail "JSON \\u0000: event lost"
grep -q '"article":"b".*"source":"EGY","target":"ISR"' "$tmp/nulj.out" || fail "JSON raw NUL: event lost"
grep -q "nul.jsonl:1: warning: 1 NUL character" "$tmp/nulj.err" || fail "JSON \\u0000 not counted"
grep -q "nul.jsonl:2: warning: 1 NUL byte read as spaces" "$tmp/nulj.err" || fail "JSON raw NUL not counted"
echo "options_store: ok"
