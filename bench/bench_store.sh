#!/bin/sh
# bench/bench_store.sh: storage benchmark. Loads 100,000 synthetic events
# (made up here by a seeded generator: no real data) into SQLite and into a
# PostgreSQL server started for the run, and times queries over them.
#
#   sh bench/bench_store.sh              (from the repository root or anywhere)
#
# Figures: load rate (events/s) of `dyad load` from JSON Lines (storage only,
# no coding), first load and re-load (every article replaced); the dyad
# timeline query `dyad query --dyad PRK-IRN --both --by month` and the top-20
# dyads, in ms, end to end (process start, connection, query, output), best
# and median of BENCH_ROUNDS runs.
#
# PostgreSQL runs with its default durability (fsync on, synchronous commit)
# on a Unix socket; SQLite in WAL mode with synchronous=NORMAL (dyad's
# settings). Environment: BUILD (default build), BENCH_EVENTS (default
# 100000), BENCH_ROUNDS (default 15). Scratch files go to bench/out/store/.
set -eu
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
EVENTS=${BENCH_EVENTS:-100000}
ROUNDS=${BENCH_ROUNDS:-15}
OUT=bench/out/store
DYAD=$BUILD/dyad

${MAKE:-make} -s BUILD="$BUILD" "$DYAD" >/dev/null || { echo "bench_store: the build failed" >&2; exit 1; }
rm -rf "$OUT"
mkdir -p "$OUT"
# A copy: a rebuild during the run must not change the binary under test.
cp "$DYAD" "$OUT/dyad"
DYAD=$OUT/dyad
pgdir=$(mktemp -d)
cleanup() { sh tests/store/pg_server.sh stop "$pgdir" >/dev/null 2>&1 || true; rm -rf "$pgdir"; }
trap cleanup EXIT

# ---- synthetic events ----------------------------------------------------
# 4 events per article, dates over 2015-2024, actors from 24 codes (states with
# and without agents), CAMEO codes with their quad class, PLOVER category and
# Goldstein score. A fixed LCG so that every run loads the same events.
awk -v n="$EVENTS" 'BEGIN {
    split("PRK PRKGOV PRKMIL IRN IRNGOV IRNMIL USA USAGOV USAMIL CHN CHNGOV RUS RUSGOV RUSMIL " \
          "JPN JPNGOV KOR KORGOV ISR ISRMIL SYR SYRGOV FRA DEU", act, " ")
    split("042 CONSULT 1 1.9|043 CONSULT 1 2.8|036 AGREE 1 4.0|051 SUPPORT 1 3.4|057 AGREE 1 8.0|" \
          "061 COOPERATE 2 6.4|071 AID 2 7.4|081 CONCEDE 2 5.0|112 ACCUSE 3 -2.0|111 ACCUSE 3 -2.0|" \
          "120 REJECT 3 -4.0|130 THREATEN 3 -4.4|138 THREATEN 3 -7.0|163 COERCE 4 -8.0|" \
          "173 COERCE 4 -5.0|190 ASSAULT 4 -10.0|193 ASSAULT 4 -10.0|020 - 1 3.0", codes, "|")
    seed = 12345
    articles = int((n + 3) / 4)
    made = 0
    for (a = 0; a < articles; a++) {
        seed = (seed * 1103515245 + 12345) % 2147483648
        day = int(seed / 65536) % 3650
        y = 2015 + int(day / 365); m = int((day % 365) / 31) + 1; d = (day % 31) % 28 + 1
        for (k = 1; k <= 4 && made < n; k++) {
            seed = (seed * 1103515245 + 12345) % 2147483648; s = act[int(seed / 65536) % 24 + 1]
            seed = (seed * 1103515245 + 12345) % 2147483648; t = act[int(seed / 65536) % 24 + 1]
            if (substr(s, 1, 3) == substr(t, 1, 3)) t = "UKR"
            seed = (seed * 1103515245 + 12345) % 2147483648; split(codes[int(seed / 65536) % 18 + 1], c, " ")
            printf "{\"type\":\"event\",\"article\":\"bench%07d\",\"sentence\":\"bench%07d_%d\",", a, a, k
            printf "\"date\":\"%04d%02d%02d\",\"source\":\"%s\",\"target\":\"%s\",\"cameo\":\"%s\",", y, m, d, s, t, c[1]
            printf "\"quad_class\":%d,\"goldstein\":%s,\"plover\":\"%s\",", c[3], c[4], c[2] == "-" ? "" : c[2]
            printf "\"text\":\"Synthetic sentence %d of article %d about %s and %s.\",", k, a, s, t
            printf "\"evidence\":{\"source\":{\"start\":0,\"end\":3,\"text\":\"%s\"},\"target\":null,\"verb\":null}}\n", s
            made++
        }
    }
}' >"$OUT/events.jsonl"
nevents=$(wc -l <"$OUT/events.jsonl")

${CC:-cc} -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -O2 -o "$OUT/timeit" bench/timeit.c
# load DB: "wall_s cpu_s" of `dyad load` of the events into DB (cpu: the dyad
# process's user + system time; a PostgreSQL server's own work is not in it).
load_time() {
    "$OUT/timeit" "$OUT/t" "$DYAD" load -q --db "$1" "$OUT/events.jsonl" ||
        { echo "bench_store: load into $1 failed" >&2; exit 1; }
    awk '{ printf "%.3f %.3f", $1, $2 + $3 }' "$OUT/t"
}
# query_ms DB ARGS...: "best median" wall time of ROUNDS runs, in ms.
query_ms() {
    db=$1
    shift
    i=0
    : >"$OUT/times"
    while [ "$i" -lt "$ROUNDS" ]; do
        "$OUT/timeit" "$OUT/t" "$DYAD" query --db "$db" "$@" >"$OUT/query.out" ||
            { echo "bench_store: query failed" >&2; exit 1; }
        awk '{ printf "%.2f\n", $1 * 1000 }' "$OUT/t" >>"$OUT/times"
        i=$((i + 1))
    done
    sort -n "$OUT/times" | awk '{ v[NR] = $1 } END { printf "%.1f %.1f", v[1], v[int((NR + 1) / 2)] }'
}

row() { printf '%-52s %12s  %s\n' "$1" "$2" "$3"; }

bench_backend() { # NAME URL
    name=$1
    db=$2
    set -- $(load_time "$db")
    row "$name: load $nevents events (new store)" "$(echo "$nevents $1" | awk '{ printf "%.0f", $1 / $2 }')" \
        "events/s ($1 s wall, $2 s CPU of dyad)"
    set -- $(load_time "$db")
    row "$name: load again (every article replaced)" "$(echo "$nevents $1" | awk '{ printf "%.0f", $1 / $2 }')" \
        "events/s ($1 s wall, $2 s CPU of dyad)"
    set -- $(query_ms "$db" --dyad PRK-IRN --both --by month)
    rows=$(($(wc -l <"$OUT/query.out") - 1))
    row "$name: timeline PRK-IRN both ways by month" "$1" "ms best, $2 ms median ($rows months)"
    set -- $(query_ms "$db" --top dyads --limit 20)
    row "$name: top 20 dyads" "$1" "ms best, $2 ms median"
    "$DYAD" query --db "$db" --dyad PRK-IRN --both --by month --format csv >"$OUT/timeline.$name.csv"
}

cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: *//')
rev=$(git rev-parse --short HEAD 2>/dev/null || echo "?")
[ -n "$(git status --porcelain -- src include 2>/dev/null)" ] && rev="$rev+dirty"
echo "dyad storage benchmark"
echo "  date:     $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "  machine:  $(nproc) CPU(s), ${cpu:-unknown CPU}, $(uname -sr)"
echo "  load:     $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null) (1/5/15-min load average at start)"
echo "  disk:     $(df -h "$OUT" | awk 'NR == 2 { print $1 " (" $2 ")" }') for the SQLite file and the PostgreSQL cluster"
echo "  source:   $rev; SQLite $(sqlite3 --version 2>/dev/null | cut -d' ' -f1 || echo "?")"
echo "  input:    $nevents synthetic events, $(awk 'END { print int((NR + 3) / 4) }' "$OUT/events.jsonl") articles, dates 2015-2024"
echo
row "figure" "value" "unit"
row "------" "-----" "----"
bench_backend sqlite "sqlite:$OUT/bench.db"

rc=0
url=$(sh tests/store/pg_server.sh start "$pgdir" durable 2>"$OUT/pg.err") || rc=$?
if [ "$rc" -ne 0 ]; then
    echo "postgresql: skipped (no server could be started: $(tail -1 "$OUT/pg.err"))"
else
    ver=$("$(cat "$pgdir/bindir")/postgres" --version 2>/dev/null | awk '{ print $3 }')
    bench_backend "postgresql" "$url"
    echo "  (PostgreSQL $ver: default durability, Unix socket)"
fi
cmp -s "$OUT/timeline.sqlite.csv" "$OUT/timeline.postgresql.csv" 2>/dev/null &&
    echo "  (the timeline is identical on both backends)"
echo
echo "Wall times suffer when other processes compete for the CPUs (see load above)."
echo "ms = wall time of the whole dyad command. Scratch files: $OUT/."
