#!/bin/sh
# dask.sh: scale/dask/dyad_dask.py on a local Dask cluster (a scheduler and
# two workers over TCP on 127.0.0.1, random free ports) codes 2,000 generated
# articles (20 files) into a throw-away PostgreSQL server: the stored events
# equal those of one `dyad code | dyad load` process, sorted line by line;
# then again into an empty database with one worker killed (kill -9) while it
# runs a task: the run still completes, the killed worker's dyad processes
# die with it, and every article is stored once. Then, on two files: a
# loader that fails once (the attempt is reported, Dask retries it, the store
# is right), one that always fails (the tasks are named, exit 1), a malformed
# line (named with file:line, not retried, the rest stored, exit 1); with a
# dyad that has `code --shard`, --shards 4 of the two files.
# Skipped (exit 0, "skip: reason") without Debian's python3-distributed or
# PostgreSQL. Under ASan+UBSan (DYAD_ASAN=1) 400 articles in 10 files
# instead of 2,000 in 20.
set -eu
case "$DYAD" in /*) ;; *) DYAD="$(pwd)/$DYAD" ;; esac
cd "$(dirname "$0")/../.."
py=/usr/bin/python3
if ! [ -x "$py" ] || ! "$py" -c 'import distributed' 2>/dev/null; then
    echo "skip: $py cannot import distributed (Debian package python3-distributed); Dask test not run"
    exit 0
fi
tmp=$(mktemp -d)
pgdir=$(mktemp -d)
pids=""
cleanup() {
    for p in $pids; do kill -9 "$p" 2>/dev/null || true; done
    for p in $pids; do wait "$p" 2>/dev/null || true; done
    sh tests/store/pg_server.sh stop "$pgdir" || true
    rm -rf "$tmp" "$pgdir"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP
. tests/scale/lib.sh
export DYAD_DICT_DIR="$PWD/data/dict"

rc=0
url=$(sh tests/store/pg_server.sh start "$pgdir") || rc=$?
if [ "$rc" -eq 77 ]; then
    echo "skip: no PostgreSQL server could be started; Dask test not run"
    exit 0
fi
[ "$rc" -eq 0 ] && [ -n "$url" ] || fail "pg_server.sh start failed ($rc)"
psql="$(cat "$pgdir/bindir")/psql"
[ -x "$psql" ] || psql=$(command -v psql) || fail "no psql next to the server nor on the PATH"
# newdb NAME: creates database NAME and prints its URL.
newdb() {
    "$psql" -X -q -v ON_ERROR_STOP=1 "$url" -c "CREATE DATABASE $1" >/dev/null || fail "CREATE DATABASE $1"
    echo "postgresql:///$1?host=$pgdir&port=5432&user=dyad"
}
# dump URL FILE: the store's events as sorted JSON lines.
dump() { "$DYAD" export --db "$1" --format jsonl | LC_ALL=C sort >"$2" || fail "export of $1"; }
# articles URL: the store's article count.
articles() { "$DYAD" query --db "$1" --summary --format csv | tr -d '\r' | sed -n 's/^articles,//p'; }

n=2000 files=20
[ "${DYAD_ASAN:-0}" = 1 ] && n=400 files=10
gen_articles "$n" "$files" "$tmp/in"
# Article i has 3 + i % 3 sentences (gen_articles).
nsent=$(awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++) s += 3 + i % 3; print s }')
code_args="--parser builtin"

echo "check: one process codes the $n articles (the reference)"
ref=$(newdb ref)
# shellcheck disable=SC2086 # $code_args is split on purpose
"$DYAD" code --threads 1 $code_args "$tmp"/in/*.jsonl 2>"$tmp/ref.err" |
    "$DYAD" load -q --db "$ref" --input jsonl - || fail "reference run: $(cat "$tmp/ref.err")"
dump "$ref" "$tmp/ref.sorted"
[ "$(articles "$ref")" -eq "$n" ] || fail "reference: $(articles "$ref") articles stored, expected $n"
nev=$(wc -l <"$tmp/ref.sorted")
# Every article has three to five sentences; most code one or two events.
[ "$nev" -ge $((n * 3)) ] || fail "reference: only $nev events for $n articles"
grep -q '"article":"news-00000","sentence":"news-00000_1","date":"2024-01-01","source":"FRA","target":"IRN","cameo":"040"' \
    "$tmp/ref.sorted" || fail "reference: 'France met Iran on Monday' is not FRA-IRN 040"

echo "check: a scheduler and two workers over TCP"
"$py" -m distributed.cli.dask_scheduler --host 127.0.0.1 --port 0 --no-dashboard \
    --scheduler-file "$tmp/sched.json" >"$tmp/sched.log" 2>&1 &
pids="$pids $!"
i=0
while [ ! -s "$tmp/sched.json" ]; do
    i=$((i + 1)); [ "$i" -lt 600 ] || { cat "$tmp/sched.log"; fail "no scheduler after 60 s"; }
    sleep 0.1
done
grep -q '"address": "tcp://127.0.0.1:[0-9]*"' "$tmp/sched.json" || fail "scheduler not on tcp://127.0.0.1"
# start_worker NAME: a worker without a nanny (one process, so that kill -9
# kills the worker itself); sets $wpid.
start_worker() {
    "$py" -m distributed.cli.dask_worker --scheduler-file "$tmp/sched.json" --host 127.0.0.1 \
        --nthreads 1 --no-nanny --no-dashboard --name "$1" \
        --local-directory "$tmp/$1" >"$tmp/$1.log" 2>&1 &
    wpid=$!
    pids="$pids $wpid"
}
start_worker w1
start_worker w2; w2=$wpid
# driver LOG DB ARGS...: the Dask driver on this cluster, in the background
# (a signal to this script then runs the cleanup at once).
driver() {
    _log=$1; _db=$2; shift 2
    "$py" scale/dask/dyad_dask.py --scheduler-file "$tmp/sched.json" --min-workers 2 \
        --dyad "$DYAD" --db "$_db" --code-args "$code_args" "$@" >"$_log" 2>&1 &
    _drv=$!
    pids="$pids $_drv"
    wait "$_drv"
}

echo "check: the Dask run stores the same events as the single process"
db1=$(newdb dask1)
driver "$tmp/run1.log" "$db1" "$tmp/in" || { cat "$tmp/run1.log"; fail "the Dask run failed"; }
grep -q "^dyad_dask: $files tasks, 0 failed; $n articles ($n with events stored), $nsent sentences, $nev events" "$tmp/run1.log" ||
    { cat "$tmp/run1.log"; fail "Dask run: wrong totals"; }
grep -q "on tcp://127.0.0.1:" "$tmp/run1.log" || fail "tasks did not run on the TCP workers"
[ "$(grep -c "^\[[0-9]*/$files\] " "$tmp/run1.log")" -eq "$files" ] || fail "not $files tasks reported"
dump "$db1" "$tmp/dask1.sorted"
cmp -s "$tmp/ref.sorted" "$tmp/dask1.sorted" ||
    { diff "$tmp/ref.sorted" "$tmp/dask1.sorted" | head -5; fail "Dask run's events differ from the single process's"; }
[ "$(articles "$db1")" -eq "$n" ] || fail "Dask run: $(articles "$db1") articles stored, expected $n"
echo "  $n articles, $nev events, as one process; $(tail -n 1 "$tmp/run1.log" | sed 's/.* in //')"

echo "check: kill -9 of a worker while it runs a task"
db2=$(newdb dask2)
"$py" scale/dask/dyad_dask.py --scheduler-file "$tmp/sched.json" --min-workers 2 \
    --dyad "$DYAD" --db "$db2" --code-args "$code_args" "$tmp/in" >"$tmp/run2.log" 2>&1 &
drv=$!
pids="$pids $drv"
# Wait until w2 has finished a task and is running another (dyad processes
# are its children), then kill it.
i=0
kids=""
while :; do
    i=$((i + 1)); [ "$i" -lt 1200 ] || { cat "$tmp/run2.log"; fail "w2 never ran a second task"; }
    w2addr=$(sed -n 's/.*Start worker at: *\(tcp:[^ ]*\).*/\1/p' "$tmp/w2.log")
    done_w2=0
    [ -z "$w2addr" ] || done_w2=$(grep -c "on $w2addr)\$" "$tmp/run2.log" || true)
    kids=$(pgrep -P "$w2" -x dyad || true)
    [ "$done_w2" -ge 1 ] && [ -n "$kids" ] && break
    sleep 0.05
done
kill -9 "$w2"
sleep 1
for k in $kids; do
    st=$(ps -o stat= -p "$k" 2>/dev/null || true)
    case "$st" in ""|Z*) ;; *) ps -o pid,ppid,stat,args -p "$k"; kill -9 "$k"; fail "dyad process $k outlived its killed worker" ;; esac
done
rc=0
wait "$drv" || rc=$?
[ "$rc" -eq 0 ] || { cat "$tmp/run2.log"; fail "the run with a killed worker failed ($rc)"; }
grep -q "^dyad_dask: $files tasks, 0 failed; $n articles ($n with events stored), $nsent sentences, $nev events" "$tmp/run2.log" ||
    { cat "$tmp/run2.log"; fail "run with a killed worker: wrong totals"; }
dump "$db2" "$tmp/dask2.sorted"
cmp -s "$tmp/ref.sorted" "$tmp/dask2.sorted" ||
    { diff "$tmp/ref.sorted" "$tmp/dask2.sorted" | head -5; fail "after the kill, events differ from the single process's"; }
[ "$(articles "$db2")" -eq "$n" ] || fail "after the kill: $(articles "$db2") articles stored, expected $n"
echo "  worker killed during a task ($(echo "$kids" | wc -w) dyad processes, gone with it); $n articles stored once"

# Two files of the input, their reference, and dyad wrappers whose loader
# fails: the first load (the driver's check) passes, then the next one fails
# (flaky) or every one does (broken).
mkdir "$tmp/small"
cp "$tmp/in/part-000.jsonl" "$tmp/in/part-001.jsonl" "$tmp/small/"
sn=$(cat "$tmp"/small/*.jsonl | wc -l)
smallref=$(newdb smallref)
# shellcheck disable=SC2086
"$DYAD" code --threads 1 $code_args "$tmp"/small/*.jsonl 2>/dev/null | "$DYAD" load -q --db "$smallref" --input jsonl - ||
    fail "small reference run"
dump "$smallref" "$tmp/smallref.sorted"
for w in flaky broken; do
    cat >"$tmp/$w-dyad" <<EOF
#!/bin/sh
if [ "\$1" = load ]; then
    if mkdir "$tmp/$w.1" 2>/dev/null; then :
    elif [ $w = broken ] || mkdir "$tmp/$w.2" 2>/dev/null; then
        echo "$w: simulated database failure" >&2; exit 4
    fi
fi
exec "$DYAD" "\$@"
EOF
    chmod +x "$tmp/$w-dyad"
done

echo "check: a task whose loader fails once is retried; the store is as one process's"
db4=$(newdb flaky)
driver "$tmp/run4.log" "$db4" --min-workers 1 --dyad "$tmp/flaky-dyad" "$tmp/small" ||
    { cat "$tmp/run4.log"; fail "the run with a flaky loader failed"; }
grep -q "^attempt failed (Dask retries it): task $tmp/small/part-00[01].jsonl on tcp://127.0.0.1:[0-9]*: dyad code exit [-0-9]*, dyad load exit 4: flaky: simulated database failure" \
    "$tmp/run4.log" || { cat "$tmp/run4.log"; fail "the failed attempt was not reported"; }
grep -q "^dyad_dask: 2 tasks, 0 failed" "$tmp/run4.log" || { cat "$tmp/run4.log"; fail "flaky: wrong totals"; }
dump "$db4" "$tmp/flaky.sorted"
cmp -s "$tmp/smallref.sorted" "$tmp/flaky.sorted" || fail "after a retry the store differs from one process's"

echo "check: a task that always fails is named and the driver exits 1"
db5=$(newdb broken)
rc=0
driver "$tmp/run5.log" "$db5" --min-workers 1 --retries 1 --dyad "$tmp/broken-dyad" "$tmp/small" || rc=$?
[ "$rc" -eq 1 ] || { cat "$tmp/run5.log"; fail "broken loader: exit $rc, expected 1"; }
[ "$(grep -c "^attempt failed (Dask retries it): .*broken: simulated database failure" "$tmp/run5.log")" -eq 4 ] ||
    { cat "$tmp/run5.log"; fail "broken loader: not 2 tasks x 2 attempts reported"; }
grep -q "^\[[12]/2\] FAILED $tmp/small/part-000.jsonl: task .*dyad load exit 4" "$tmp/run5.log" ||
    { cat "$tmp/run5.log"; fail "broken loader: part-000 not named as failed"; }
grep -q "^dyad_dask: tasks with errors: .*part-001.jsonl" "$tmp/run5.log" || fail "broken loader: no closing list"

if "$DYAD" code --help 2>&1 | grep -q -- '--shard'; then
    echo "check: --shards 4 of the two files: the store is as one process's"
    db3=$(newdb dask3)
    driver "$tmp/run3.log" "$db3" --shards 4 --min-workers 1 "$tmp/small" ||
        { cat "$tmp/run3.log"; fail "the sharded run failed"; }
    grep -q "^dyad_dask: 4 tasks, 0 failed; $sn articles ($sn with events stored), " "$tmp/run3.log" ||
        { cat "$tmp/run3.log"; fail "sharded run: wrong totals"; }
    grep -q "^\[[1-4]/4\] shard-3/4: " "$tmp/run3.log" || fail "sharded run: shard-3/4 not reported"
    dump "$db3" "$tmp/dask3.sorted"
    cmp -s "$tmp/smallref.sorted" "$tmp/dask3.sorted" || fail "sharded run's events differ from the single process's"
else
    echo "note: $DYAD has no 'code --shard': the --shards mode is not tested"
fi

echo "check: a malformed line is reported with file:line, not retried, the rest stored, exit 1"
sed -i '3s/.*/{"id": "broken", "text": /' "$tmp/small/part-001.jsonl"
db6=$(newdb malformed)
rc=0
driver "$tmp/run6.log" "$db6" --min-workers 1 "$tmp/small" || rc=$?
[ "$rc" -eq 1 ] || { cat "$tmp/run6.log"; fail "malformed line: exit $rc, expected 1"; }
grep -q "^    $tmp/small/part-001.jsonl:3: error: " "$tmp/run6.log" || { cat "$tmp/run6.log"; fail "malformed line not named"; }
! grep -q "attempt failed" "$tmp/run6.log" || fail "malformed input was retried"
[ "$(articles "$db6")" -eq $(($(articles "$smallref") - 1)) ] || fail "malformed line: $(articles "$db6") articles stored"

echo "ok"
