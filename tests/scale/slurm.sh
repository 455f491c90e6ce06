#!/bin/sh
# slurm.sh: the body of scale/slurm/dyad_array.sbatch, run as Slurm would run
# array tasks 0..3 (SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT set; no Slurm
# needed), into one SQLite store: the union of the four shards equals the
# unsharded run, in the store and in `dyad code --shard K/4`'s output (sorted,
# byte for byte); a task run again changes nothing; wrong settings, an
# unwritable store and a malformed input line give the documented exit
# statuses and messages. 1,000 generated articles in a folder (one file
# gzipped when dyad reads .gz); 200 under ASan+UBSan (DYAD_ASAN=1).
# Skipped (exit 0, "skip: reason") when dyad has no `code --shard` or there
# is no bash.
set -eu
case "$DYAD" in /*) ;; *) DYAD="$(pwd)/$DYAD" ;; esac
cd "$(dirname "$0")/../.."
if ! "$DYAD" code --help 2>&1 | grep -q -- '--shard'; then
    echo "skip: $DYAD has no 'code --shard'; Slurm array test not run"
    exit 0
fi
command -v bash >/dev/null || { echo "skip: no bash to run the sbatch script"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. tests/scale/lib.sh
export DYAD_DICT_DIR="$PWD/data/dict"
sbatch=scale/slurm/dyad_array.sbatch
code_args="--parser builtin"

n=1000
[ "${DYAD_ASAN:-0}" = 1 ] && n=200
gen_articles "$n" 20 "$tmp/in"
if "$DYAD" code --help 2>&1 | grep -q '\.gz'; then
    gzip "$tmp/in/part-007.jsonl"
    echo "  (part-007.jsonl gzipped)"
fi
# dump URL FILE: the store's events as sorted JSON lines.
dump() { "$DYAD" export --db "$1" --format jsonl | LC_ALL=C sort >"$2" || fail "export of $1"; }
articles() { "$DYAD" query --db "$1" --summary --format csv | tr -d '\r' | sed -n 's/^articles,//p'; }
# task K N DB [INPUT...]: the sbatch script as array task K of N; sets $rc,
# stderr in $tmp/task.err.
task() {
    _k=$1; _n=$2; _db=$3; shift 3
    rc=0
    SLURM_ARRAY_TASK_ID=$_k SLURM_ARRAY_TASK_COUNT=$_n SLURM_CPUS_PER_TASK=1 DYAD="$DYAD" \
        DYAD_DB="$_db" DYAD_CODE_ARGS="$code_args" bash "$sbatch" "$@" >/dev/null 2>"$tmp/task.err" || rc=$?
}

echo "check: the union of dyad code --shard K/4 equals the unsharded output"
# shellcheck disable=SC2086 # $code_args is split on purpose
"$DYAD" code --threads 1 $code_args "$tmp/in" >"$tmp/all.jsonl" 2>"$tmp/all.err" || fail "unsharded code: $(cat "$tmp/all.err")"
: >"$tmp/union.jsonl"
for k in 0 1 2 3; do
    # shellcheck disable=SC2086
    "$DYAD" code --threads 1 --shard "$k/4" $code_args "$tmp/in" >"$tmp/s$k.jsonl" 2>"$tmp/s.err" ||
        fail "shard $k/4: $(cat "$tmp/s.err")"
    [ -s "$tmp/s$k.jsonl" ] || fail "shard $k/4 is empty"
    cat "$tmp/s$k.jsonl" >>"$tmp/union.jsonl"
done
LC_ALL=C sort "$tmp/all.jsonl" >"$tmp/all.sorted"
LC_ALL=C sort "$tmp/union.jsonl" >"$tmp/union.sorted"
cmp -s "$tmp/all.sorted" "$tmp/union.sorted" ||
    { diff "$tmp/all.sorted" "$tmp/union.sorted" | head -5; fail "union of the shards differs from the unsharded output"; }
nev=$(wc -l <"$tmp/all.jsonl")
[ "$nev" -ge $((n * 3)) ] || fail "only $nev events for $n articles"
# No article in two shards.
for k in 0 1 2 3; do sed 's/.*"article":"\([^"]*\)".*/\1/' "$tmp/s$k.jsonl" | sort -u; done | sort | uniq -d >"$tmp/dup"
[ ! -s "$tmp/dup" ] || fail "articles in two shards: $(head -3 "$tmp/dup")"
# Each article is in the shard the documented hash gives: FNV-1a 64 of the
# id's bytes, mod 4 (computed here in Python, when there is one).
if command -v python3 >/dev/null 2>&1; then
    for k in 0 1 2 3; do sed 's/.*"article":"\([^"]*\)".*/\1/' "$tmp/s$k.jsonl" | sort -u | sed "s/^/$k /"; done |
        python3 -c '
import sys
bad = 0
for line in sys.stdin:
    k, ident = line.split()
    h = 14695981039346656037
    for b in ident.encode():
        h = ((h ^ b) * 1099511628211) % 2**64
    if h % 4 != int(k):
        print("article %s in shard %s, FNV-1a-64 mod 4 = %d" % (ident, k, h % 4)); bad = 1
sys.exit(bad)' || fail "an article is not in the shard of its hash"
fi
echo "  $n articles, $nev events; shards of $(wc -l <"$tmp/s0.jsonl"), $(wc -l <"$tmp/s1.jsonl"), $(wc -l <"$tmp/s2.jsonl"), $(wc -l <"$tmp/s3.jsonl") events"

echo "check: the sbatch script as array tasks 0..3 stores what one process stores"
ref="sqlite:$tmp/ref.db"
"$DYAD" load -q --db "$ref" --input jsonl "$tmp/all.jsonl" || fail "reference load"
dump "$ref" "$tmp/ref.sorted"
db="sqlite:$tmp/shards.db"
for k in 0 1 2 3; do
    task "$k" 4 "$db" "$tmp/in"
    [ "$rc" -eq 0 ] || fail "array task $k exited $rc: $(cat "$tmp/task.err")"
    grep -q "^dyad_array: shard $k/4 on .* with 1 threads" "$tmp/task.err" || fail "task $k: no start line"
done
dump "$db" "$tmp/shards.sorted"
cmp -s "$tmp/ref.sorted" "$tmp/shards.sorted" ||
    { diff "$tmp/ref.sorted" "$tmp/shards.sorted" | head -5; fail "the array's store differs from one process's"; }
[ "$(articles "$db")" -eq "$n" ] || fail "$(articles "$db") articles stored, expected $n"

echo "check: a task run again (requeued) changes nothing"
task 2 4 "$db" "$tmp/in"
[ "$rc" -eq 0 ] || fail "task 2 again exited $rc"
dump "$db" "$tmp/again.sorted"
cmp -s "$tmp/ref.sorted" "$tmp/again.sorted" || fail "running task 2 again changed the store"

echo "check: DYAD_SHARDS reruns one task of a larger array"
db2="sqlite:$tmp/rerun.db"
rc=0
SLURM_ARRAY_TASK_ID=3 SLURM_ARRAY_TASK_COUNT=1 DYAD_SHARDS=4 DYAD="$DYAD" DYAD_DB="$db2" \
    DYAD_CODE_ARGS="$code_args" bash "$sbatch" "$tmp/in" >/dev/null 2>"$tmp/task.err" || rc=$?
[ "$rc" -eq 0 ] || fail "task 3 of DYAD_SHARDS=4 exited $rc: $(cat "$tmp/task.err")"
dump "$db2" "$tmp/rerun.sorted"
# The reference store's events of the articles of shard 3.
sed 's/.*"article":"\([^"]*\)".*/\1/' "$tmp/s3.jsonl" | sort -u >"$tmp/ids3"
awk 'NR == FNR { a[$0]; next }
     { match($0, /"article":"[^"]*"/); if (substr($0, RSTART + 11, RLENGTH - 12) in a) print }' \
    "$tmp/ids3" "$tmp/ref.sorted" >"$tmp/ref3.sorted"
[ -s "$tmp/ref3.sorted" ] || fail "no reference events for shard 3"
cmp -s "$tmp/ref3.sorted" "$tmp/rerun.sorted" || fail "task 3 of DYAD_SHARDS=4 did not store exactly shard 3's events"

echo "check: wrong settings exit 2 with a message"
rc=0; SLURM_ARRAY_TASK_ID=0 SLURM_ARRAY_TASK_COUNT=4 DYAD="$DYAD" bash "$sbatch" "$tmp/in" 2>"$tmp/task.err" || rc=$?
[ "$rc" -eq 2 ] && grep -q "set DYAD_DB" "$tmp/task.err" || fail "no DYAD_DB: exit $rc"
task 4 4 "$db" "$tmp/in"
[ "$rc" -eq 2 ] && grep -q "task 4 is not a shard of 4" "$tmp/task.err" || fail "task 4 of 4: exit $rc"
rc=0; DYAD="$DYAD" DYAD_DB="$db" bash "$sbatch" "$tmp/in" 2>"$tmp/task.err" || rc=$?
[ "$rc" -eq 2 ] && grep -q "SLURM_ARRAY_TASK_ID" "$tmp/task.err" || fail "no array task: exit $rc"
task 0 4 "$db"
[ "$rc" -eq 2 ] && grep -q "no input" "$tmp/task.err" || fail "no input: exit $rc"

echo "check: a store that cannot be opened fails the task"
task 1 4 "sqlite:$tmp/no/such/dir/x.db" "$tmp/in"
[ "$rc" -gt 1 ] || fail "unwritable store: exit $rc, expected > 1"
grep -q "dyad load exit [1-9]" "$tmp/task.err" || fail "unwritable store: the loader's status is not reported"

echo "check: a malformed line is reported with file:line, the rest stored, exit 1"
mkdir "$tmp/bad"
gen_articles 40 2 "$tmp/bad"
sed -i '5s/.*/{"id": "broken", "text": /' "$tmp/bad/part-001.jsonl"
db3="sqlite:$tmp/bad.db"
bad_seen=0
for k in 0 1 2 3; do
    task "$k" 4 "$db3" "$tmp/bad"
    [ "$rc" -le 1 ] || fail "malformed line: task $k exited $rc: $(cat "$tmp/task.err")"
    if [ "$rc" -eq 1 ]; then
        grep -q "part-001.jsonl:5" "$tmp/task.err" || fail "task $k exited 1 without naming part-001.jsonl:5: $(cat "$tmp/task.err")"
        bad_seen=$((bad_seen + 1))
    fi
done
[ "$bad_seen" -ge 1 ] || fail "no task reported the malformed line"
[ "$(articles "$db3")" -eq 39 ] || fail "malformed line: $(articles "$db3") articles stored, expected 39"
echo "ok"
