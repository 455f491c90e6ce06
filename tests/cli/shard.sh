#!/bin/sh
# shard.sh: dyad code --shard K/N and dyad load --shard K/N. The four shards of
# a folder of 36 small text articles (in subfolders) plus a JSON Lines file of
# 12 articles together give exactly the unsharded output (byte for byte after
# sorting), each article in one shard only; the shard of an article is
# FNV-1a-64(id) mod N, checked against published FNV-1a test vectors and
# against a few lines of Python; bad --shard values are usage errors (exit
# 2); dyad load --shard over dyad code's JSONL keeps each article's events
# together, and the shards' loads make the same store as one load.
# (The built-in parser keeps it quick: sharding happens before parsing.)
set -eu
case "$DYAD" in /*) ;; *) DYAD="$(pwd)/$DYAD" ;; esac
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# 36 text articles in three subfolders, and 12 JSON Lines articles: a
# sentence each that dyad's dictionaries code (country, verb, country).
mkdir -p "$tmp/arc/north" "$tmp/arc/south/deep" "$tmp/arc/west"
awk -v dir="$tmp/arc" 'BEGIN {
    split("France Russia Germany Japan China Egypt Israel Turkey Iran India Pakistan Brazil", c, " ")
    split("condemned praised criticized accused met", v, " ")
    split("north south/deep west", dirs, " ")
    for (i = 0; i < 36; i++) {
        f = sprintf("%s/%s/art%02d.txt", dir, dirs[i % 3 + 1], i)
        printf "date 2024-05-%02d\n%s %s %s on Monday.\n", i % 28 + 1, c[i % 12 + 1], v[i % 5 + 1], c[(i * 5 + 3) % 12 + 1] >f
        close(f)
    }
    f = dir "/feed.jsonl"
    for (i = 0; i < 12; i++)
        printf "{\"id\":\"feed-%d\",\"date\":\"2024-06-%02d\",\"title\":\"\",\"text\":\"%s %s %s.\"}\n", i, i + 1, c[(i + 4) % 12 + 1], v[i % 5 + 1], c[(i * 7 + 1) % 12 + 1] >f
}'

echo "check: the union of --shard 0/4 .. 3/4 is the unsharded output"
"$DYAD" code --parser builtin "$tmp/arc" >"$tmp/all.jsonl" 2>"$tmp/err" || fail "unsharded run: exit $? ($(cat "$tmp/err"))"
n_all=$(grep -c . "$tmp/all.jsonl")
articles=$(grep -o '"article":"[^"]*"' "$tmp/all.jsonl" | sort -u | wc -l)
[ "$articles" -ge 40 ] || fail "only $articles of the 48 articles gave events: the test data do not code"
: >"$tmp/union.jsonl"
for k in 0 1 2 3; do
    "$DYAD" code --parser builtin --shard "$k/4" "$tmp/arc" >"$tmp/s$k.jsonl" 2>"$tmp/err" || fail "--shard $k/4: exit $? ($(cat "$tmp/err"))"
    [ -s "$tmp/s$k.jsonl" ] || fail "shard $k/4 is empty (48 articles should spread over 4 shards)"
    cat "$tmp/s$k.jsonl" >>"$tmp/union.jsonl"
done
sort "$tmp/all.jsonl" >"$tmp/a"
sort "$tmp/union.jsonl" >"$tmp/b"
cmp -s "$tmp/a" "$tmp/b" || { diff "$tmp/a" "$tmp/b" | head; fail "the shards' union differs from the unsharded output"; }
echo "  $n_all events of $articles articles, shards of $(wc -l <"$tmp/s0.jsonl"), $(wc -l <"$tmp/s1.jsonl"), $(wc -l <"$tmp/s2.jsonl"), $(wc -l <"$tmp/s3.jsonl") events"

echo "check: each article is in exactly one shard"
for k in 0 1 2 3; do grep -o '"article":"[^"]*"' "$tmp/s$k.jsonl" | sort -u | sed "s/^/$k /"; done >"$tmp/where"
dup=$(awk '{print $2}' "$tmp/where" | sort | uniq -d | head -1)
[ -z "$dup" ] || fail "article $dup is in two shards"

echo "check: the shard is FNV-1a-64(id) mod N"
# Published FNV-1a 64-bit test vectors: "a" -> 0xaf63dc4c8601ec8c
# (12638187200555641996), "foobar" -> 0x85944171f73967e8 (9625390261332436968);
# mod 1000000 they are 641996 and 436968. A text file a.txt is article "a".
printf 'date 2024-05-10\nFrance condemned Russia on Monday.\n' >"$tmp/a.txt"
cp "$tmp/a.txt" "$tmp/foobar.txt"
for t in "a 641996" "foobar 436968"; do
    set -- $t
    n=$("$DYAD" code --parser builtin --shard "$2/1000000" "$tmp/$1.txt" 2>/dev/null | grep -c "\"article\":\"$1\"" || true)
    [ "$n" -ge 1 ] || fail "article $1 is not in shard $2/1000000"
    n=$("$DYAD" code --parser builtin --shard "$(($2 + 1))/1000000" "$tmp/$1.txt" 2>/dev/null | grep -c . || true)
    [ "$n" -eq 0 ] || fail "article $1 is also in shard $(($2 + 1))/1000000"
done
py=/usr/bin/python3
[ -x "$py" ] || py=$(command -v python3 || true)
if [ -n "$py" ]; then
    awk '{print $2}' "$tmp/where" | sed 's/"article":"//; s/"$//' >"$tmp/ids"
    "$py" - "$tmp/ids" >"$tmp/expect" <<'EOF'
import sys
def fnv1a64(s):
    h = 14695981039346656037
    for b in s.encode("utf-8"):
        h = ((h ^ b) * 1099511628211) % 2**64
    return h
for line in open(sys.argv[1]):
    i = line.strip()
    print(fnv1a64(i) % 4, '"article":"%s"' % i)
EOF
    sort "$tmp/expect" >"$tmp/e1"
    sort "$tmp/where" >"$tmp/e2"
    cmp -s "$tmp/e1" "$tmp/e2" || { diff "$tmp/e1" "$tmp/e2" | head; fail "shards differ from Python's FNV-1a-64 mod 4"; }
else
    echo "  (no python3: the Python cross-check is skipped; the test vectors above still ran)"
fi

echo "check: --shard 0/1 is everything; bad values are usage errors (exit 2)"
"$DYAD" code --parser builtin --shard 0/1 "$tmp/arc" 2>/dev/null | sort | cmp -s - "$tmp/a" || fail "--shard 0/1 is not the whole output"
for bad in 4/4 -1/4 1/0 0/0 x 1/ /4 1/4x " 1/4" 1/+4 1.0/4 0/1000001 ""; do
    rc=0
    "$DYAD" code --parser builtin --shard "$bad" "$tmp/a.txt" >/dev/null 2>"$tmp/err" || rc=$?
    [ "$rc" -eq 2 ] || fail "dyad code --shard '$bad': exit $rc, expected 2"
    grep -q -- "--shard takes K/N" "$tmp/err" || fail "--shard '$bad': no message ($(cat "$tmp/err"))"
    rc=0
    "$DYAD" load --db "sqlite:$tmp/bad.db" --shard "$bad" "$tmp/all.jsonl" >/dev/null 2>&1 || rc=$?
    [ "$rc" -eq 2 ] || fail "dyad load --shard '$bad': exit $rc, expected 2"
done
[ ! -e "$tmp/bad.db" ] || fail "a usage error created the database"

echo "check: dyad load --shard: the four shards' loads make the unsharded store"
"$DYAD" load -q --db "sqlite:$tmp/one.db" --input jsonl - <"$tmp/all.jsonl" || fail "unsharded load"
for k in 0 1 2 3; do
    "$DYAD" load -q --db "sqlite:$tmp/four.db" --shard "$k/4" --input jsonl - <"$tmp/all.jsonl" || fail "load --shard $k/4"
    "$DYAD" load -q --db "sqlite:$tmp/s$k.db" --shard "$k/4" --input jsonl "$tmp/all.jsonl" || fail "load --shard $k/4 alone"
    # the shard's store holds exactly the articles dyad code put in shard k
    "$DYAD" export --db "sqlite:$tmp/s$k.db" --format jsonl 2>/dev/null | grep -o '"article":"[^"]*"' | sort -u >"$tmp/got"
    grep "^$k " "$tmp/where" | awk '{print $2}' | sort -u >"$tmp/want"
    cmp -s "$tmp/got" "$tmp/want" || { diff "$tmp/want" "$tmp/got" | head; fail "load --shard $k/4 stored other articles"; }
done
"$DYAD" export --db "sqlite:$tmp/one.db" --format jsonl 2>/dev/null | sort >"$tmp/e1"
"$DYAD" export --db "sqlite:$tmp/four.db" --format jsonl 2>/dev/null | sort >"$tmp/e2"
[ -s "$tmp/e1" ] || fail "nothing exported"
cmp -s "$tmp/e1" "$tmp/e2" || { diff "$tmp/e1" "$tmp/e2" | head; fail "four shard loads differ from one load"; }
echo "ok"
