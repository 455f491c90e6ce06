#!/bin/sh
# store_sqlite.sh: dyad load / query / export on SQLite, with the example
# article (expected values checked by hand against data/examples/article.xml),
# exports checked for their column counts and GraphML against its structure,
# and the errors: malformed JSONL, a missing database, a refused connection,
# a full disk.
set -eu
case "$DYAD" in /*) ;; *) DYAD="$(pwd)/$DYAD" ;; esac
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
mnt=""
cleanup() { [ -z "$mnt" ] || umount "$mnt" 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
. tests/store/lib.sh
db="sqlite:$tmp/dyad.db"

echo "check: --help of load, query and export; usage errors exit 2"
for sub in load query export; do
    run "$sub" --help
    expect_rc 0
    grep -q "^usage: dyad $sub" "$out" || fail "no usage line for $sub"
    grep -q "Exit status" "$out" || fail "$sub --help does not document the exit status"
    run "$sub" --no-such-option
    expect_rc 2
    grep -q -- "--no-such-option" "$err" || fail "$sub: the error does not name the option"
done
run load
expect_rc 2
run query --top nothing
expect_rc 2
run export --db "$db"
expect_rc 2

echo "check: load the example article, twice (idempotent)"
run load --db "$db" data/examples/article.xml
expect_rc 0
grep -q "1 articles, 10 sentences, 10 events stored in $db" "$err" || fail "no summary line"
run load --db "$db" data/examples/article.xml
expect_rc 0
run query --db "$db" --summary --format csv
expect_rc 0
grep -q '^articles,1' "$out" && grep -q '^sentences,10' "$out" && grep -q '^events,10' "$out" ||
    fail "summary after two loads"
ver=$(sed -n 's/^dict_version \([0-9a-f]*\),10.*/\1/p' "$out")
[ "${#ver}" -eq 16 ] || fail "no dictionary version of 16 hex digits"

echo "check: the default database is sqlite:dyad.db in the working directory"
(cd "$tmp" && "$DYAD" load -q --dict-dir "$OLDPWD/tests/data/dict_v1" "$OLDPWD/data/examples/article.xml") ||
    fail "load with the default database"
[ -f "$tmp/dyad.db" ] || fail "no dyad.db"
(cd "$tmp" && "$DYAD" query) >"$out" || fail "query with the default database"
grep -q 'sqlite:dyad.db' "$out" || fail "summary does not name sqlite:dyad.db"

echo "check: timeline JPN-CHN both ways (3 CONSULT events, mean (1.9+2.8+1.0)/3)"
run query --db "$db" --dyad JPN-CHN --both --format csv
expect_rc 0
tr -d '\r' <"$out" | sed -n 2p | grep -qx '2024-05,3,0,3,0,0,0,1.90,0,3,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0' ||
    fail "timeline row"
run query --db "$db" --dyad JPN-CHN --both
grep -q '^period  *events  *verbal_coop  *goldstein_mean  *consult$' "$out" || fail "table header"

echo "check: top actors and dyads"
run query --db "$db" --top actors --limit 3 --format csv
tr -d '\r' <"$out" >"$tmp/top"
cat >"$tmp/exp" <<'X'
actor,events,as_source,as_target,goldstein_mean,first_seen,last_seen
JPNGOV,3,1,2,1.90,2024-05-10,2024-05-10
CHN,2,1,1,2.35,2024-05-10,2024-05-10
UKR,2,0,2,-0.85,2024-05-10,2024-05-10
X
cmp -s "$tmp/top" "$tmp/exp" || fail "top actors"
run query --db "$db" --top dyads --dyad 'RUS-*' --format json
grep -q '"source":"RUSMIL","target":"UKR","events":1,"goldstein_mean":-10.00' "$out" || fail "top dyads"

echo "check: the events of a dyad with their evidence sentence"
run query --db "$db" --events --dyad USA-IRN --format json
grep -q '"sentence":"example-1_4","source":"USA","target":"IRN","cameo":"163"' "$out" || fail "event"
grep -q '"text":"The United States imposed new sanctions on Iran' "$out" || fail "evidence sentence"
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$out" 2>/dev/null || fail "not JSON"

echo "check: exports (Phoenix 26 columns, GDELT 61, JSONL, GraphML)"
run export --db "$db" --format phoenix
expect_rc 0
[ "$(awk -F'\t' '{print NF}' "$out" | sort -u)" = 26 ] || fail "Phoenix rows are not 26 columns"
[ "$(wc -l <"$out")" -eq 11 ] || fail "Phoenix: header and 10 rows expected"
grep -q "	RUSMIL	RUS	MIL		UKR	UKR			194	19	4	-10.0	" "$out" || fail "Phoenix row"
run export --db "$db" --format gdelt --no-header
[ "$(awk -F'\t' '{print NF}' "$out" | sort -u)" = 61 ] || fail "GDELT rows are not 61 columns"
[ "$(wc -l <"$out")" -eq 10 ] || fail "GDELT: 10 rows expected"
run export --db "$db" --format jsonl --output "$tmp/all.jsonl"
expect_rc 0
[ "$(wc -l <"$tmp/all.jsonl")" -eq 10 ] || fail "JSONL: 10 lines expected"
run export --db "$db" --format graphml --from 2024-05-10 --to 2024-05-10
expect_rc 0
cp "$out" "$tmp/g.graphml"
if command -v xmllint >/dev/null 2>&1; then
    xmllint --noout --dtdvalid tests/store/graphml.dtd "$tmp/g.graphml" 2>"$err" ||
        fail "GraphML is not valid against tests/store/graphml.dtd"
    for kind in node edge; do
        bad=$(xmllint --xpath "count(//*[local-name()='$kind']/*[local-name()='data'][not(@key = //*[local-name()='key'][@for='$kind']/@id)])" "$tmp/g.graphml")
        [ "$bad" = 0 ] || fail "$bad $kind data elements use a key not declared for $kind"
    done
    ends=$(xmllint --xpath "count(//*[local-name()='edge'][not(@source = //*[local-name()='node']/@id) or not(@target = //*[local-name()='node']/@id)])" "$tmp/g.graphml")
    [ "$ends" = 0 ] || fail "$ends edges end at undeclared nodes"
    [ "$(xmllint --xpath "count(//*[local-name()='edge'])" "$tmp/g.graphml")" = 10 ] || fail "10 edges expected"
else
    echo "skip: xmllint absent, GraphML not validated"
fi

echo "check: JSONL back in, into a new store: the same export"
run load --db "sqlite:$tmp/copy.db" "$tmp/all.jsonl"
expect_rc 0
run export --db "sqlite:$tmp/copy.db" --format jsonl
same "$tmp/all.jsonl"

echo "check: malformed JSONL: reported with file:line, skipped, exit 1"
{ head -n 2 "$tmp/all.jsonl"; echo '{"type":"event",'; echo 'not json'; sed -n 3p "$tmp/all.jsonl"; } >"$tmp/bad.jsonl"
run load --db "sqlite:$tmp/bad.db" "$tmp/bad.jsonl"
expect_rc 1
grep -q "^$tmp/bad.jsonl:3: error: " "$err" || fail "no error at bad.jsonl:3"
grep -q "^$tmp/bad.jsonl:4: error: " "$err" || fail "no error at bad.jsonl:4"
grep -q "3 events stored" "$err" || fail "the good lines were not stored"
printf '%s\n' "$(cat "$tmp/bad.jsonl")" | "$DYAD" load --db "sqlite:$tmp/bad2.db" - 2>"$err" && fail "stdin: exit 0"
grep -q "^<stdin>:3: error: " "$err" || fail "no error at <stdin>:3"

echo "check: a database that cannot be opened: exit 3, the error names it"
run query --db "sqlite:$tmp/none.db"
expect_rc 3
grep -q "sqlite:$tmp/none.db: no such database" "$err" || fail "missing database message"
run load --db "postgresql://dyad:pw@127.0.0.1:1/dyad?connect_timeout=5" "$tmp/all.jsonl"
expect_rc 3
grep -q "postgresql://dyad:\*\*\*@127.0.0.1:1/dyad.*cannot connect" "$err" || fail "refused connection message"
grep -q ":pw@" "$err" && fail "the password is shown"
run load --db "mysql://x/y" "$tmp/all.jsonl"
expect_rc 3

echo "check: a full disk: exit 4, a clear message, only whole articles kept"
gen_jsonl 4000 2 >"$tmp/big.jsonl"
mkdir "$tmp/tiny"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=512k tmpfs "$tmp/tiny" 2>/dev/null; then
    mnt="$tmp/tiny"
    full="sqlite:$tmp/tiny/full.db"
    echo "  (a 512 KiB tmpfs)"
else
    full="sqlite:$tmp/tiny/full.db?max_size=524288"
    echo "  (no tmpfs mount allowed: SQLite's size cap instead)"
fi
run load --db "$full" --batch 100 "$tmp/big.jsonl"
expect_rc 4
grep -q "sqlite:$tmp/tiny/full.db.*full" "$err" || fail "the message does not say the database is full"
grep -q "rolled back: its [0-9]* articles (art[0-9]* ... art[0-9]*) are not stored; [0-9]* articles were committed before" "$err" ||
    fail "the message does not say which articles were rolled back"
run export --db "$full" --format jsonl
expect_rc 0
n=$(whole_articles 2 <"$out") || fail "half-written articles: $n"
[ "$n" -gt 0 ] && [ "$n" -lt 4000 ] || fail "$n articles stored"
echo "  $n whole articles kept"

if command -v script >/dev/null 2>&1; then
    echo "check: a progress line on a terminal, none otherwise"
    script -qec "$DYAD load --db sqlite:$tmp/p.db --batch 500 $tmp/big.jsonl" /dev/null >"$out" 2>&1 || true
    grep -q "articles, [0-9]* events committed" "$out" || fail "no progress line on a terminal"
    run load --db "sqlite:$tmp/p2.db" "$tmp/big.jsonl"
    grep -q "committed (" "$err" && fail "a progress line without a terminal"
else
    echo "skip: script(1) absent, progress line not checked"
fi
echo "ok"
