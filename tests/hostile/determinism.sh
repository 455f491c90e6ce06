#!/bin/sh
# determinism.sh: the output does not depend on the number of threads (nor on
# the machine's load: no limit in the parser depends on the clock). --threads 1
# and --threads 2 must give byte-identical events on a generated multi-article
# input (long sentences, lists, a quote storm, ordinary news) and, when
# ../shared exists, on 200 AG-news world items (50 under ASan).
. "$(dirname "$0")/lib.sh"

# 24 articles as JSON Lines: ordinary sentences, long ones cut into pieces,
# comma lists, and repeated reporting clauses
awk 'BEGIN{
    s[0] = "North Korea said on Monday it would resume talks with South Korea next week.";
    s[1] = "The army attacked the town near the northern border early on Monday morning after the rebels fired rockets at a police station; officials in the capital said that the government would send more troops to the region within a week, but the rebels denied that they had fired at the police.";
    s[2] = "Iraq, France, Germany, Russia, China, Japan, Egypt, Israel, Syria, Iran, Turkey, Greece, Italy and Spain met in Geneva to discuss aid.";
    s[3] = "North Korea said North Korea said North Korea said North Korea said North Korea said North Korea said North Korea said North Korea said North Korea said North Korea said North Korea said North Korea said North Korea said North Korea said North Korea said.";
    s[4] = "Police in Baghdad arrested three men suspected of planning attacks on US troops, the Iraqi interior ministry said.";
    s[5] = "The United Nations urged Israel and the Palestinians to return to talks, and Egypt offered to host them.";
    for (a = 0; a < 24; a++) {
        t = "";
        for (k = 0; k < 6; k++) t = t s[(a + k * 5) % 6] " ";
        printf "{\"id\":\"gen-%d\",\"date\":\"2004-08-15\",\"text\":\"%s\"}\n", a, t;
    }
}' >"$tmp/gen.jsonl"

same() { # NAME INPUT [ARGS...]
    _n=$1; _in=$2; shift 2
    bounded "$_n-t1" 600 600 "$DYAD" code --threads 1 "$@" "$_in"
    [ "$rc" -eq 0 ] || fail "$_n: exit status $rc with --threads 1"
    bounded "$_n-t2" 600 600 "$DYAD" code --threads 2 "$@" "$_in"
    [ "$rc" -eq 0 ] || fail "$_n: exit status $rc with --threads 2"
    cmp -s "$tmp/$_n-t1.out" "$tmp/$_n-t2.out" ||
        { _last=$_n-t2; fail "$_n: --threads 1 and --threads 2 give different output"; }
    [ "$(events "$_n-t1")" -ge 1 ] || { _last=$_n-t1; fail "$_n: no event"; }
    echo "  $_n: $(events "$_n-t1") events, identical"
}

same generated "$tmp/gen.jsonl"

csv=../shared/corpora/agnews/test.csv
if [ ! -f "$csv" ]; then
    echo "determinism: AG news part skipped: $csv not found (../shared absent)"
elif ! command -v python3 >/dev/null; then
    echo "determinism: AG news part skipped: python3 needed to convert the CSV"
else
    n=200
    [ "${DYAD_ASAN:-0}" = 1 ] && n=50
    python3 - "$csv" "$n" "$tmp/agnews.jsonl" <<'PY'
import csv, json, sys
src, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rows = [r for r in csv.reader(open(src, encoding="utf-8")) if r and r[0] == "1"][:n]
with open(out, "w") as f:
    for i, r in enumerate(rows):
        t = r[2].replace("#39;", "'").replace("quot;", '"').replace("\\", " ")
        f.write(json.dumps({"id": "ag-%d" % i, "date": "2004-08-15", "text": r[1] + ".\n\n" + t}) + "\n")
PY
    same agnews "$tmp/agnews.jsonl"
    if [ -d ../shared/corpora/petrarch2 ]; then
        same agnews-phoenix "$tmp/agnews.jsonl" --dict-dir ../shared/corpora/petrarch2
    fi
fi
echo "determinism: ok"
