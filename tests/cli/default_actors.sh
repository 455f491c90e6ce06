#!/bin/sh
# default_actors.sh: dyad's own actor dictionaries (data/dict, the default
# without --dict-dir) code countries, capitals, demonyms, seats of
# government, dated leaders, international organisations, armed groups and
# state media. Each sentence is a one-sentence article with its own date (a
# line of one JSON Lines file, so that one run codes them all);
# the check is that some event of the sentence has the expected source and
# target codes (any CAMEO code: the verbs are another dictionary's business).
# Also: the dictionaries load without warnings, quickly.
set -eu
case "$DYAD" in /*) ;; *) DYAD="$(pwd)/$DYAD" ;; esac
cd "$(dirname "$0")/../.."
unset DYAD_DICT_DIR # the default dictionaries, data/dict

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; echo "--- stderr"; cat "$dir/err"; exit 1; }

# id | date ("-" for none) | sentence | source | target (extended regexes;
# "none" as source: the sentence must give no event; an empty source: a
# one-sided event, no actor named as its source)
cases='a01|2024-05-10|The US condemned North Korea on Monday.|USA|PRK
a02|2024-05-10|North Korean troops attacked South Korean soldiers near the border.|PRKMIL|KORMIL
a03|2024-05-10|Pyongyang condemned Washington on Tuesday.|PRK|USA
a04|2024-05-10|The Kremlin condemned the White House.|RUSGOV|USAGOV
a05|1985-06-01|Khamenei visited Pyongyang.|IRNGOV|PRK
a06|1975-06-01|Khamenei visited Pyongyang.|IRNELI|PRK
a07|2020-06-01|Ayatollah Ali Khamenei condemned Israel.|IRNGOV|ISR
a08|1995-03-01|President Clinton met Yeltsin in Moscow.|USAGOV|RUSGOV
a09|2018-03-01|Trump met Kim Jong Un in Singapore.|USAGOV|PRKGOV
a10|2023-03-01|Trump condemned Biden.|USAELI|USAGOV
a11|2021-05-10|Johnson met Netanyahu.|GBRGOV|ISRGOV
a12|2024-05-10|Johnson met Netanyahu.|USALEG|ISRGOV
a13|2024-05-10|KCNA condemned the United States.|PRKMED|USA
a14|2024-05-10|The Korean Central News Agency condemned Seoul.|PRKMED|KOR
a15|2024-05-10|Hamas attacked Israel.|PSEREB|ISR
a16|2024-05-10|The Islamic State attacked Iraqi forces.|IMGMUS|IRQMIL
a17|2024-05-10|Houthi rebels attacked a British ship.|YEMREB|GBR
a18|2024-05-10|Al-Qaeda militants attacked the Malian army.|IMGMUSALQ[A-Z]*|MLIMIL
a19|2024-05-10|The IAEA condemned Iran.|IGOUNOIAE|IRN
a20|2024-05-10|NATO condemned Russia.|IGOWSTNAT|RUS
a21|2024-05-10|Iranian Foreign Ministry spokesman Nasser Kanaani condemned the United States.|IRNGOV|USA
a22|2024-05-10|Xinhua condemned Japan.|CHNMED|JPN
a23|2024-05-10|The Taliban attacked Pakistani troops.|AFGGOV|PAKMIL
a24|2019-05-10|The Taliban attacked Afghan troops.|AFGREB|AFGMIL
a25|2024-05-10|Israelis condemned the Iranians.|ISR|IRN
a26|2024-05-10|Downing Street condemned Moscow.|GBRGOV|RUS
a27|2024-05-10|Kyiv condemned Minsk.|UKR|BLR
a28|2024-05-10|The DRC condemned Ivory Coast on Monday.|COD|CIV
a29|2024-05-10|Erdoğan met Netanyahu.|TURGOV|ISRGOV
a30|2024-05-10|Bogotá condemned France.|COL|FRA
a31|2024-05-10|Wagner mercenaries attacked Malian villagers.|RUSMIL|MLI[A-Z]*
a32|2024-05-10|Al Jazeera condemned the Israeli military.|QATMED|ISRMIL
a33|2024-05-10|The Red Cross condemned Russia.|NGOHLHIRC|RUS
a34|2024-05-10|Tedros condemned Israel.|IGOUNOHLHWHO|ISR
a35|2024-05-10|The US State Department condemned Tehran.|USAGOV|IRN
a36|-|Putin met Xi Jinping in Beijing.|RUSGOV|CHNGOV
a37|2024-05-10|The Indian Ocean attacked Iran.||IRN'

# the sentences hold no quotation mark or backslash
printf '%s\n' "$cases" | awk -F'|' '{
    d = $2 == "-" ? "" : sprintf(",\"date\":\"%s\"", $2)
    printf "{\"id\":\"%s\"%s,\"text\":\"%s\"}\n", $1, d, $3 }' >"$dir/in.jsonl"

echo "check: dyad code -v codes the sentences with the default dictionaries, without warnings"
rc=0
"$DYAD" code -v --threads 2 "$dir/in.jsonl" >"$dir/out" 2>"$dir/err" || rc=$?
[ "$rc" -eq 0 ] || fail "exit status $rc"
grep -q 'warning' "$dir/err" && fail "warnings on stderr"
grep -q 'not parsed' "$dir/err" && echo "  (note: a sentence was not parsed; its check may fail)"

# the load bound: 0.1 s; 8 times that under ASan+UBSan (DYAD_ASAN=1), as the
# hostile cases' bounds (tests/hostile/lib.sh)
limit=0.1
[ "${DYAD_ASAN:-0}" = 1 ] && limit=0.8
echo "check: at least 1000 actors, loaded in less than $limit s"
line=$(grep 'dictionaries from' "$dir/err") || fail "no dictionary line"
nact=$(printf '%s\n' "$line" | sed -n 's/.* \([0-9][0-9]*\) actors.*/\1/p')
secs=$(printf '%s\n' "$line" | sed -n 's/.*(\([0-9.]*\) s).*/\1/p')
echo "  $nact actors, $secs s"
[ "${nact:-0}" -ge 1000 ] || fail "only ${nact:-0} actors"
awk -v s="${secs:-9}" -v l="$limit" 'BEGIN { exit !(s < l) }' || fail "loading took $secs s"

echo "check: source and target of each sentence"
nfail=0
while IFS='|' read -r id date text src tgt; do
    if [ "$src" = "none" ]; then
        if grep -q "\"sentence\":\"${id}_1\"" "$dir/out"; then
            echo "  $id: expected no event: $text"
            nfail=$((nfail + 1))
        fi
        continue
    fi
    if grep "\"sentence\":\"${id}_1\"" "$dir/out" |
        grep -Eq "\"source\":\"$src\",\"target\":\"$tgt\","; then
        echo "  ok $id $src $tgt"
    else
        got=$(grep "\"sentence\":\"${id}_1\"" "$dir/out" |
            sed 's/.*"source":"\([^"]*\)","target":"\([^"]*\)".*/\1 \2/' | tr '\n' ';')
        echo "  $id ($date): expected $src $tgt, got '${got:-no event}': $text"
        nfail=$((nfail + 1))
    fi
done <<EOF
$cases
EOF
[ "$nfail" -eq 0 ] || fail "$nfail sentences coded wrongly"
echo ok
