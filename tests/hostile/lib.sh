# lib.sh: helpers for the hostile-input cases (sourced by tests/hostile/*.sh).
#
# Each case script generates its inputs in a temporary folder (nothing is
# committed as a blob), runs dyad on them with a bound on time and memory, and
# checks what came out. The bounds are the documented ones for a build without
# sanitizers; under ASan+UBSan (DYAD_ASAN=1) time limits are multiplied by
# DYAD_HOSTILE_SLOW (default 8) and memory is not measured (ASan's shadow
# memory would dominate it).
#
# Provided:
#   $DYAD         absolute path of the program
#   $tmp          a temporary folder, removed on exit
#   fail MSG      prints MSG, the last stdout/stderr, and exits 1
#   bounded NAME SECONDS MB CMD...
#                 runs CMD with stdout in $tmp/NAME.out, stderr in $tmp/NAME.err;
#                 fails when it takes longer than SECONDS (killed) or its peak
#                 RSS is over MB; sets $rc (CMD's exit status), $secs, $rss_mb and
#                 appends "NAME SECONDS_TAKEN PEAK_MB" to $DYAD_HOSTILE_REPORT when set
#   events NAME   number of event lines in $tmp/NAME.out
set -eu
case "$DYAD" in /*) ;; *) DYAD="$(pwd)/$DYAD" ;; esac
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
_last=""
fail() {
    echo "FAIL: $*"
    if [ -n "$_last" ]; then
        echo "--- stdout (head)"; head -c 2000 "$tmp/$_last.out" 2>/dev/null || true
        echo "--- stderr (head)"; head -c 4000 "$tmp/$_last.err" 2>/dev/null || true
    fi
    exit 1
}
bounded() {
    _last=$1; _lim=$2; _mb=$3; shift 3
    if [ "${DYAD_ASAN:-0}" = 1 ]; then _lim=$((_lim * ${DYAD_HOSTILE_SLOW:-8})); fi
    _t0=$(date +%s.%N)
    rc=0
    /usr/bin/time -f '%M' -o "$tmp/$_last.rss" timeout -s KILL "$_lim" "$@" \
        >"$tmp/$_last.out" 2>"$tmp/$_last.err" || rc=$?
    _t1=$(date +%s.%N)
    secs=$(echo "$_t0 $_t1" | awk '{printf "%.2f", $2 - $1}')
    rss_mb=$(tail -n 1 "$tmp/$_last.rss" | awk '{printf "%d", $1 / 1024}')
    if [ -n "${DYAD_HOSTILE_REPORT:-}" ]; then
        printf '%s %s %s\n' "$_last" "$secs" "$rss_mb" >>"$DYAD_HOSTILE_REPORT"
    fi
    [ "$rc" -ne 137 ] || fail "$_last: killed after $_lim s (time limit)"
    if [ "${DYAD_ASAN:-0}" != 1 ] && [ "$rss_mb" -gt "$_mb" ]; then
        fail "$_last: peak RSS $rss_mb MB, limit $_mb MB"
    fi
    echo "  $_last: exit $rc, $secs s, peak $rss_mb MB"
}
events() { grep -c '"type":"event"' "$tmp/$1.out" || true; }
