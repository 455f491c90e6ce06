#!/bin/sh
# size.sh: time and memory stay bounded for inputs of any shape, and what the
# per-article limits cut is reported (see DYAD_ARTICLE_CODE_BYTES,
# DYAD_ARTICLE_MAX_SENTENCES in src/ingest/article.h, DYAD_SENT_MAX_TOKENS in
# src/text/text.h and DYAD_LG_PIECE_WORDS in src/parse/lg.h). The inputs are
# generated here: one 50 MB line of news words without a full stop (with
# country names, and a variant without any actor), 5 MB of comma-joined words,
# "North Korea said " repeated over 200 KB and over 1.7 KB; under ASan
# (DYAD_ASAN=1) the big ones are 10 times smaller. Each must finish within 60 s
# with a peak RSS under 300 MB, with --threads 1.
. "$(dirname "$0")/lib.sh"

scale=1
[ "${DYAD_ASAN:-0}" = 1 ] && scale=10

# words KIND BYTES: one line of words (no full stop), about BYTES long
words() {
    case $1 in
    actors) list="the government said on Monday that talks with officials in the capital would resume after a week of violence near the border where troops had clashed with rebels and police arrested several people while ministers from France and Iraq met to discuss aid for refugees" ;;
    none) list="the of and to in on with for at by from after before during while would could should will may might it its this that these those a an was were is are be been being has have had do does did very more most less some any each every other such only also just then than so because although said" ;;
    commas) list="Iraq, talks, police, France, rebels, border, aid, troops, capital, week," ;;
    storm) list="North Korea said" ;;
    esac
    awk -v n="$2" -v list="$list" -v step="$([ "$1" = actors ] || [ "$1" = none ] && echo 7 || echo 1)" 'BEGIN{
        nw = split(list, w, " "); s = 0; i = 0
        while (s < n) { x = w[(i * step) % nw + 1]; printf "%s ", x; s += length(x) + 1; i++ }
        printf "\n" }'
}

words actors $((50000000 / scale)) >"$tmp/words50m.txt"
words none $((50000000 / scale)) >"$tmp/noactor50m.txt"
words commas $((5000000 / scale)) >"$tmp/commas5m.txt"
words storm $((200000 / scale)) >"$tmp/storm200k.txt"
words storm 1700 >"$tmp/storm1k7.txt"

for f in words50m noactor50m commas5m storm200k storm1k7; do
    bounded "$f" 60 300 "$DYAD" code -v --threads 1 "$tmp/$f.txt"
    [ "$rc" -eq 0 ] || fail "$f: exit status $rc"
    # the summary line of the article and the -v count
    grep -q "article $f: cut by the limits above" "$tmp/$f.err" || fail "$f: no summary of the cut"
    grep -q "1 articles cut by the per-article limits" "$tmp/$f.err" || fail "$f: cut not counted"
    grep -q "sentence pieces (from sentence 1 on) cut from sentences over 200 words (limit); [0-9]* of them coded (limit 10)" "$tmp/$f.err" ||
        fail "$f: the long sentence's cut not reported"
done
# the text limit (100 KiB) names the file, the line and the article
grep -q "^$tmp/words50m.txt:1: warning: article words50m: [0-9]* bytes of text: only the first [0-9]* coded (limit 102400 bytes)" \
    "$tmp/words50m.err" || { _last=words50m; fail "words50m: byte limit not reported"; }
grep -q "bytes of text: only the first" "$tmp/storm1k7.err" && { _last=storm1k7; fail "storm1k7: cut by bytes"; }
grep -q "cut from sentences over 200 words (limit); 10 of them coded (limit 10)" "$tmp/words50m.err" ||
    { _last=words50m; fail "words50m: the pieces beyond the limit not reported"; }
# the sentences with actors were parsed (in pieces), the others skipped
grep -q "parser link-grammar: 0 full parses, 0 partial, 0 failed, [1-9][0-9]* skipped" "$tmp/noactor50m.err" ||
    { _last=noactor50m; fail "noactor50m: sentences without actors should be skipped"; }
grep -q "parser link-grammar: [0-9]* full parses, [0-9]* partial, 0 failed" "$tmp/words50m.err" ||
    { _last=words50m; fail "words50m: sentences not parsed"; }
[ "$(events storm1k7)" -ge 1 ] || { _last=storm1k7; fail "storm1k7: no event"; }

# more sentences than DYAD_ARTICLE_MAX_SENTENCES (500): the rest is cut, reported
awk 'BEGIN{for (i = 1; i <= 700; i++) printf "The weather was fine on day %d.\n", i}' >"$tmp/many.txt"
bounded many 60 300 "$DYAD" code -v --threads 1 "$tmp/many.txt"
grep -q "article many: 700 sentences: only the first 500 coded (limit)" "$tmp/many.err" ||
    fail "many: sentence limit not reported"

# a normal article below the limits: nothing cut, nothing reported
cat >"$tmp/normal.txt" <<'TXT'
Japan's foreign minister met his South Korean counterpart in Seoul on Thursday, and
the two governments agreed to resume regular security talks.

France condemned Russia on Monday after troops attacked a village near the border.
TXT
bounded normal 60 300 "$DYAD" code -v --threads 1 "$tmp/normal.txt"
[ "$rc" -eq 0 ] || fail "normal: exit status $rc"
grep -q "cut\|limit\|not parsed" "$tmp/normal.err" && fail "normal: something reported as cut"
[ "$(events normal)" -ge 2 ] || fail "normal: events missing"
echo "size: ok"
