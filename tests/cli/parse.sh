#!/bin/sh
# parse.sh: `dyad train-parser` and `dyad parse` on a small treebank written
# here (no ../shared needed): training writes tagger.bin and parser.bin; the
# models give back the training sentences' tags, heads and relations (a
# perceptron learns a handful of sentences perfectly); CoNLL-U output keeps the
# sentences, comments, multi-word token lines and other columns; text input is
# split and parsed; --eval prints the figures as its last line; malformed
# sentences are reported with file and line and the rest is parsed; a damaged
# model is a clear error (exit 3).
set -eu
case "$DYAD" in /*) ;; *) DYAD="$(pwd)/$DYAD" ;; esac
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# Four hand-annotated sentences, each three times (the tagger needs a few).
T=$(printf '\t')
for k in 1 2 3; do
cat <<EOF
# sent_id = a$k
# text = The dog barks.
1${T}The${T}the${T}DET${T}DT${T}_${T}2${T}det${T}_${T}_
2${T}dog${T}dog${T}NOUN${T}NN${T}_${T}3${T}nsubj${T}_${T}_
3${T}barks${T}bark${T}VERB${T}VBZ${T}_${T}0${T}root${T}_${T}SpaceAfter=No
4${T}.${T}.${T}PUNCT${T}.${T}_${T}3${T}punct${T}_${T}_

# sent_id = b$k
1${T}She${T}she${T}PRON${T}PRP${T}_${T}2${T}nsubj${T}_${T}_
2${T}saw${T}see${T}VERB${T}VBD${T}_${T}0${T}root${T}_${T}_
3${T}a${T}a${T}DET${T}DT${T}_${T}5${T}det${T}_${T}_
4${T}big${T}big${T}ADJ${T}JJ${T}_${T}5${T}amod${T}_${T}_
5${T}cat${T}cat${T}NOUN${T}NN${T}_${T}2${T}obj${T}_${T}_
6${T}.${T}.${T}PUNCT${T}.${T}_${T}2${T}punct${T}_${T}_

# sent_id = c$k
1${T}They${T}they${T}PRON${T}PRP${T}_${T}3${T}nsubj${T}_${T}_
2${T}have${T}have${T}AUX${T}VBP${T}_${T}3${T}aux${T}_${T}_
3${T}left${T}leave${T}VERB${T}VBN${T}_${T}0${T}root${T}_${T}_
4${T}and${T}and${T}CCONJ${T}CC${T}_${T}6${T}cc${T}_${T}_
5${T}we${T}we${T}PRON${T}PRP${T}_${T}6${T}nsubj${T}_${T}_
6${T}stayed${T}stay${T}VERB${T}VBD${T}_${T}3${T}conj${T}_${T}_
7${T}.${T}.${T}PUNCT${T}.${T}_${T}3${T}punct${T}_${T}_

# sent_id = d$k
1-2${T}don't${T}_${T}_${T}_${T}_${T}_${T}_${T}_${T}_
1${T}do${T}do${T}AUX${T}VBP${T}_${T}3${T}aux${T}_${T}_
2${T}n't${T}not${T}PART${T}RB${T}_${T}3${T}advmod${T}_${T}_
3${T}go${T}go${T}VERB${T}VB${T}_${T}0${T}root${T}_${T}_
4${T}!${T}!${T}PUNCT${T}.${T}_${T}3${T}punct${T}_${T}_

EOF
done >"$tmp/tb.conllu"

echo "check: train-parser writes both models (jackknifed tags; folds of six sentences"
echo "       tag too badly to learn from, so the models used below are trained without)"
"$DYAD" train-parser --train "$tmp/tb.conllu" --dev "$tmp/tb.conllu" -o "$tmp/jk" --iterations 2 \
    --tagger-iterations 2 --folds 2 2>"$tmp/train.err" || fail "train-parser: $(tail -3 "$tmp/train.err")"
[ -s "$tmp/jk/tagger.bin" ] && [ -s "$tmp/jk/parser.bin" ] || fail "no model files"
grep -q "2-fold jackknifed tags" "$tmp/train.err" || fail "no jackknifing reported"

echo "check: --keep-tags writes the jackknifed training file; --parser-only trains the"
echo "       parser alone on it and keeps the tagger, the same parser as the full run"
"$DYAD" train-parser --train "$tmp/tb.conllu" --dev "$tmp/tb.conllu" -o "$tmp/jk2" --iterations 2 \
    --tagger-iterations 2 --folds 2 --keep-tags "$tmp/jk.conllu" 2>"$tmp/train.err" ||
    fail "train-parser --keep-tags: $(tail -3 "$tmp/train.err")"
[ "$(grep -c '^1	' "$tmp/jk.conllu")" -eq 12 ] || fail "kept file: $(head -5 "$tmp/jk.conllu")"
cmp -s "$tmp/jk/parser.bin" "$tmp/jk2/parser.bin" || fail "--keep-tags changed the parser"
cp "$tmp/jk2/tagger.bin" "$tmp/tagger.saved"
rm "$tmp/jk2/parser.bin"
"$DYAD" train-parser --parser-only --train "$tmp/jk.conllu" --dev "$tmp/tb.conllu" -o "$tmp/jk2" \
    --iterations 2 2>"$tmp/train.err" || fail "train-parser --parser-only: $(tail -3 "$tmp/train.err")"
cmp -s "$tmp/jk2/tagger.bin" "$tmp/tagger.saved" || fail "--parser-only changed the tagger"
cmp -s "$tmp/jk/parser.bin" "$tmp/jk2/parser.bin" || fail "--parser-only gave another parser"
"$DYAD" train-parser --train "$tmp/tb.conllu" --dev "$tmp/tb.conllu" -o "$tmp/m" --iterations 10 \
    --tagger-iterations 10 --folds 1 2>"$tmp/train.err" || fail "train-parser: $(tail -3 "$tmp/train.err")"
[ -s "$tmp/m/tagger.bin" ] && [ -s "$tmp/m/parser.bin" ] || fail "no model files"

echo "check: --eval on the training sentences is perfect, last line as documented"
"$DYAD" parse --model "$tmp/m" --eval "$tmp/tb.conllu" >"$tmp/eval.out" || fail "eval exit $?"
last=$(tail -1 "$tmp/eval.out")
echo "$last" | grep -Eq '^parse: UPOS 100\.00 XPOS 100\.00 UAS 100\.00 LAS 100\.00 \(12 sentences, 63 words, [0-9]+ sentences/s\)$' ||
    fail "eval line: $last"

echo "check: --beam 4 trains a beam parser that also learns the sentences; bad widths refused"
mkdir "$tmp/b4"
cp "$tmp/m/tagger.bin" "$tmp/b4/"
"$DYAD" train-parser --parser-only --train "$tmp/tb.conllu" --dev "$tmp/tb.conllu" -o "$tmp/b4" \
    --iterations 10 --beam 4 2>"$tmp/train.err" || fail "train-parser --beam: $(tail -3 "$tmp/train.err")"
"$DYAD" parse --model "$tmp/b4" --eval "$tmp/tb.conllu" | tail -1 | grep -q 'UAS 100\.00 LAS 100\.00' ||
    fail "beam eval: $("$DYAD" parse --model "$tmp/b4" --eval "$tmp/tb.conllu" | tail -1)"
for k in 0 33 x; do
    set +e
    "$DYAD" train-parser --parser-only --train "$tmp/tb.conllu" -o "$tmp/b4" --beam $k >/dev/null 2>&1
    st=$?
    set -e
    [ "$st" -eq 2 ] || fail "--beam $k: exit $st, expected 2"
done

echo "check: CoNLL-U in, CoNLL-U out with the same sentences and kept columns"
awk -F'\t' 'BEGIN { OFS = "\t" } NF == 10 && $1 ~ /^[0-9]+$/ { $4 = $5 = $7 = $8 = "_" } { print }' \
    "$tmp/tb.conllu" >"$tmp/words.conllu"
"$DYAD" parse --model "$tmp/m" --input conllu --output conllu "$tmp/words.conllu" >"$tmp/out.conllu" ||
    fail "parse exit $?"
# predicted columns equal the gold ones; DEPS becomes '_'
diff "$tmp/tb.conllu" "$tmp/out.conllu" >/dev/null || fail "output differs: $(diff "$tmp/tb.conllu" "$tmp/out.conllu" | head -5)"
# standard input works the same
"$DYAD" parse --model "$tmp/m" - <"$tmp/words.conllu" | cmp -s - "$tmp/out.conllu" || fail "stdin output differs"

echo "check: text input is split, tokenised and parsed"
printf 'The dog barks. She saw a big cat.\n' >"$tmp/t.txt"
"$DYAD" parse --model "$tmp/m" --input text "$tmp/t.txt" >"$tmp/t.conllu" || fail "text exit $?"
[ "$(grep -c '^# text = ' "$tmp/t.conllu")" -eq 2 ] || fail "expected 2 sentences: $(cat "$tmp/t.conllu")"
grep -q "^3${T}barks${T}_${T}VERB${T}VBZ${T}_${T}0${T}root${T}_${T}SpaceAfter=No$" "$tmp/t.conllu" ||
    fail "barks: $(cat "$tmp/t.conllu")"
grep -q "^2${T}dog${T}_${T}NOUN${T}NN${T}_${T}3${T}nsubj${T}" "$tmp/t.conllu" || fail "dog: $(cat "$tmp/t.conllu")"

echo "check: a malformed sentence is reported with its line, the others parsed"
{ head -6 "$tmp/words.conllu"; printf '\n1\tbroken line\n\n'; sed -n 7,14p "$tmp/words.conllu"; } >"$tmp/bad.conllu"
set +e
"$DYAD" parse --model "$tmp/m" "$tmp/bad.conllu" >"$tmp/bad.out" 2>"$tmp/bad.err"
st=$?
set -e
[ "$st" -eq 1 ] || fail "malformed input: exit $st, expected 1"
grep -q "bad.conllu:8: error: a word line needs 10 tab-separated columns" "$tmp/bad.err" ||
    fail "message: $(cat "$tmp/bad.err")"
[ "$(grep -c '^1	' "$tmp/bad.out")" -eq 2 ] || fail "expected the 2 good sentences: $(cat "$tmp/bad.out")"

echo "check: a damaged or missing model is a clear error, exit 3"
head -c 1000 "$tmp/m/parser.bin" >"$tmp/parser.cut"
mkdir "$tmp/dm"
cp "$tmp/m/tagger.bin" "$tmp/dm/"
cp "$tmp/parser.cut" "$tmp/dm/parser.bin"
set +e
"$DYAD" parse --model "$tmp/dm" "$tmp/words.conllu" >/dev/null 2>"$tmp/dm.err"
st=$?
"$DYAD" parse --model "$tmp/none" "$tmp/words.conllu" >/dev/null 2>"$tmp/none.err"
st2=$?
"$DYAD" parse --bogus >/dev/null 2>&1
st3=$?
set -e
[ "$st" -eq 3 ] && grep -q "not a valid parser model" "$tmp/dm.err" || fail "damaged: $st $(cat "$tmp/dm.err")"
[ "$st2" -eq 3 ] && grep -q "cannot open" "$tmp/none.err" || fail "missing: $st2 $(cat "$tmp/none.err")"
[ "$st3" -eq 2 ] || fail "usage error: exit $st3"

echo "check: --output penn gives the coders' tree; --parser link-grammar gives UD too"
printf 'North Korea fired two missiles at Japan.\n' >"$tmp/nk.txt"
"$DYAD" parse --input text --output penn "$tmp/nk.txt" >"$tmp/nk.penn"
[ "$(wc -l <"$tmp/nk.penn")" -eq 1 ] || fail "penn: one tree a line: $(cat "$tmp/nk.penn")"
grep -q '^(ROOT (S (NP (NNP North) (NNP Korea)) (VP (VBD fired) ' "$tmp/nk.penn" ||
    fail "penn: $(cat "$tmp/nk.penn")"
"$DYAD" parse --parser link-grammar --input text "$tmp/nk.txt" >"$tmp/nk.lg"
grep -q "^2${T}Korea${T}_${T}PROPN${T}NNP${T}_${T}3${T}nsubj${T}" "$tmp/nk.lg" || fail "lg UD: $(cat "$tmp/nk.lg")"
grep -q "^5${T}missiles${T}_${T}NOUN${T}NNS${T}_${T}3${T}obj${T}" "$tmp/nk.lg" || fail "lg UD: $(cat "$tmp/nk.lg")"
set +e
"$DYAD" parse --parser link-grammar "$tmp/words.conllu" >/dev/null 2>&1
st=$?
set -e
[ "$st" -eq 2 ] || fail "link-grammar on CoNLL-U input: exit $st, expected 2"
echo "ok"
