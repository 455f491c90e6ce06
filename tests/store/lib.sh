# lib.sh: helpers for the store's CLI tests (tests/cli/store_*.sh), sourced
# after `cd` to the repository root with $DYAD set and $tmp a scratch folder.
# The store tests count events: they code with a fixed dictionary set, not
# data/dict (which grows), so that their expected counts stay hand-checked.
DYAD_DICT_DIR=$PWD/tests/data/dict_v1
export DYAD_DICT_DIR

out="$tmp/out"
err="$tmp/err"
: >"$out"
: >"$err"
fail() { echo "FAIL: $*"; echo "--- stdout"; head -c 4000 "$out"; echo "--- stderr"; head -c 4000 "$err"; exit 1; }
# run ARGS...: runs dyad, sets $rc; stdout in $out, stderr in $err.
run() { rc=0; "$DYAD" "$@" >"$out" 2>"$err" || rc=$?; }
expect_rc() { [ "$rc" -eq "$1" ] || fail "exit status $rc, expected $1"; }
# same FILE: $out equals FILE.
same() { cmp -s "$out" "$1" || { diff "$1" "$out" | head -20; fail "output differs from $1"; }; }

# gen_jsonl N EVENTS_PER_ARTICLE: N synthetic articles as dyad code JSON lines
# (written for the tests; no real data).
gen_jsonl() {
    awk -v n="$1" -v k="$2" 'BEGIN {
        split("FRA DEU USA IRN PRK RUS CHN JPN", act, " ")
        for (i = 0; i < n; i++)
            for (j = 1; j <= k; j++) {
                s = act[(i + j) % 8 + 1]; t = act[(i * 3 + j) % 8 + 1]
                if (s == t) t = "UKR"
                printf "{\"type\":\"event\",\"article\":\"art%06d\",\"sentence\":\"art%06d_%d\",", i, i, j
                printf "\"date\":\"2024%02d%02d\",\"source\":\"%s\",\"target\":\"%s\",", i % 12 + 1, i % 28 + 1, s, t
                printf "\"cameo\":\"042\",\"quad_class\":1,\"goldstein\":1.9,\"plover\":\"CONSULT\","
                printf "\"text\":\"Sentence %d of article %d.\",\"evidence\":{\"source\":null,\"target\":null,\"verb\":null}}\n", j, i
            }
    }'
}

# whole_articles K: every article in the JSONL export on stdin has K events,
# and no event is there twice. Prints the number of articles.
whole_articles() {
    awk -v k="$1" '{
        match($0, /"article":"[^"]*"/); a = substr($0, RSTART, RLENGTH)
        match($0, /"sentence":"[^"]*"/); s = substr($0, RSTART, RLENGTH)
        n[a]++; if (seen[s]++) { print "duplicate " s; bad = 1 }
    } END {
        for (a in n) { c++; if (n[a] != k) { print "article " a " has " n[a] " events"; bad = 1 } }
        if (bad) exit 1; print c + 0
    }'
}

# summary_value DB NAME: a figure of `dyad query --summary` ("" if none).
summary_value() {
    "$DYAD" query --db "$1" --summary --format csv 2>/dev/null | tr -d '\r' |
        sed -n "s/^$2,//p"
}

# kill_test DB: starts `dyad load` on a slow stream of 1500 articles of 3
# events, kills it with SIGKILL once some batches are committed (while a
# transaction is open), checks that only whole articles are there and that
# none committed before the kill is lost; then loads the whole file again and
# checks that every article is there once, whole.
kill_test() {
    db=$1
    gen_jsonl 1500 3 >"$tmp/kill.jsonl"
    rm -f "$tmp/fifo"
    mkfifo "$tmp/fifo"
    "$DYAD" load --db "$db" --input jsonl --batch 20 - <"$tmp/fifo" >/dev/null 2>"$tmp/kill.err" &
    pid=$!
    # 150 lines (50 articles) every 0.05 s: the loader mostly waits for input
    # inside an open transaction.
    (awk '{ print; fflush() } NR % 150 == 0 { system("sleep 0.05") }' "$tmp/kill.jsonl" >"$tmp/fifo") 2>/dev/null &
    feeder=$!
    i=0
    before=""
    while [ "$i" -lt 300 ]; do
        before=$(summary_value "$db" articles)
        [ -n "$before" ] && [ "$before" -ge 200 ] && break
        sleep 0.05
        i=$((i + 1))
    done
    kill -9 "$pid" 2>/dev/null || fail "dyad load ended before the kill"
    wait "$pid" 2>/dev/null || true
    kill "$feeder" 2>/dev/null || true
    wait "$feeder" 2>/dev/null || true
    [ -n "$before" ] && [ "$before" -ge 200 ] || fail "nothing committed before the kill"
    run export --db "$db" --format jsonl
    expect_rc 0
    n=$(whole_articles 3 <"$out") || fail "after the kill: $n"
    [ "$n" -ge "$before" ] || fail "after the kill $n articles, $before were committed before it"
    [ "$n" -lt 1500 ] || fail "the load finished before the kill"
    echo "  killed with $n of 1500 articles committed (whole)"
    run load --db "$db" "$tmp/kill.jsonl"
    expect_rc 0
    run export --db "$db" --format jsonl
    n=$(whole_articles 3 <"$out") || fail "after the second load: $n"
    [ "$n" -eq 1500 ] || fail "after the second load $n articles, expected 1500"
    [ "$(summary_value "$db" events)" -eq 4500 ] || fail "events after the second load"
    [ "$(summary_value "$db" sentences)" -eq 4500 ] || fail "sentences after the second load"
}
