#!/bin/sh
# xml_html.sh: hostile PETRARCH XML and HTML.
#  - XML that names a file or URL (external entities, parameter entities, an
#    external DTD, XInclude) reads nothing: the marker the target file holds is
#    in no output, message or store; the reference is reported with file:line
#    and the text around it kept. A "billion laughs" finishes at once.
#  - HTML nested 10k..1M deep, with 10 and 50 MB scripts, with 1M elements,
#    with 200k attributes on one tag, or badly misnested under 30k open
#    elements, still gives its events, in bounded time and memory; what is
#    cut or flattened is reported with file:line.
# Every input is generated here. Bounds: 60 s and 300 MB a case.
. "$(dirname "$0")/lib.sh"

MARK="dyad-hostile-marker-$$-q7"
printf '%s from the secret file\n' "$MARK" >"$tmp/secret.txt"
printf '<!ENTITY leak "%s from the DTD">\n<!ENTITY leak2 SYSTEM "file://%s">\n' \
    "$MARK" "$tmp/secret.txt" >"$tmp/evil.dtd"

# ---- PETRARCH XML ------------------------------------------------------------

# xml_doc PROLOG REF [REF2] > FILE: two articles; the first one's text and
# parse hold REF, the second one's REF2.
xml_doc() {
    printf '%s\n<Sentences>\n' "$1"
    printf '<Sentence date="20240510" id="a-1_1">\n<Text>France condemned Russia %s on Monday.</Text>\n' "$2"
    printf '<Parse>(ROOT (S (NP (NNP France)) (VP (VBD condemned) (NP (NNP Russia)) (PP (IN on) (NP (NNP Monday %s)))) (. .)))</Parse>\n</Sentence>\n' "$2"
    printf '<Sentence date="20240510" id="b-1_1">\n<Text>Egypt urged Israel %s to halt the offensive.</Text>\n' "${3:-}"
    printf '<Parse>(ROOT (S (NP (NNP Egypt)) (VP (VBD urged) (S (NP (NNP Israel %s)) (VP (TO to) (VP (VB halt) (NP (DT the) (NN offensive)))))) (. .)))</Parse>\n</Sentence>\n</Sentences>\n' "${3:-}"
}

# no_marker NAME: the marker is not in NAME's output or messages
no_marker() {
    ! grep -q "$MARK" "$tmp/$1.out" "$tmp/$1.err" || fail "$1: the referenced file was read"
}

# xml_case NAME PROLOG REF WHAT: codes and loads the document; both articles'
# events come out, nothing from the referenced files, and WHAT (unless "") is
# reported with file:line.
xml_case() {
    xml_doc "$2" "$3" >"$tmp/$1.xml"
    bounded "$1" 60 300 "$DYAD" code "$tmp/$1.xml"
    no_marker "$1"
    [ "$(events "$1")" -eq 2 ] || fail "$1: $(events "$1") events, expected 2"
    grep -q '"text":"France condemned Russia on Monday."' "$tmp/$1.out" ||
        fail "$1: the text around the reference is not kept"
    [ -z "$4" ] || grep -q "^$tmp/$1.xml:[0-9][0-9]*: .*$4" "$tmp/$1.err" ||
        fail "$1: no '$4' with file:line"
    bounded "$1-load" 60 300 "$DYAD" load --db "sqlite:$tmp/$1.db" "$tmp/$1.xml"
    no_marker "$1-load"
    ! grep -aq "$MARK" "$tmp/$1.db" || fail "$1: the referenced file is in the store"
    bounded "$1-export" 60 300 "$DYAD" export --db "sqlite:$tmp/$1.db" --format jsonl
    [ "$(events "$1-export")" -eq 2 ] || fail "$1: $(events "$1-export") events stored, expected 2"
}

echo "a normal document gives 2 events"
xml_doc "" "" >"$tmp/normal.xml"
bounded normal_xml 60 300 "$DYAD" code "$tmp/normal.xml"
[ "$rc" -eq 0 ] && [ "$(events normal_xml)" -eq 2 ] || fail "normal.xml: exit $rc, $(events normal_xml) events"

echo "external entities, parameter entities, external DTDs and XInclude read nothing"
xml_case xxe_file "<!DOCTYPE Sentences [<!ENTITY xxe SYSTEM \"file://$tmp/secret.txt\">]>" '&xxe;' \
    'external entity &xxe; not read'
xml_case xxe_path "<!DOCTYPE Sentences [<!ENTITY xxe SYSTEM \"$tmp/secret.txt\">]>" '&xxe;' \
    'external entity &xxe; not read'
xml_case xxe_http '<!DOCTYPE Sentences [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/secret">]>' '&xxe;' \
    'external entity &xxe; not read'
xml_case xxe_public "<!DOCTYPE Sentences [<!ENTITY xxe PUBLIC \"-//A//B\" \"file://$tmp/secret.txt\">]>" \
    '&xxe;' 'external entity &xxe; not read'
xml_case pe_file "<!DOCTYPE Sentences [<!ENTITY % p SYSTEM \"file://$tmp/evil.dtd\"> %p;]>" \
    '&leak;&leak2;' 'parameter entity %p; not read'
xml_case dtd_file "<!DOCTYPE Sentences SYSTEM \"file://$tmp/evil.dtd\">" '&leak;&leak2;' \
    'the external DTD .* is not read'
xml_case dtd_secret "<!DOCTYPE Sentences SYSTEM \"$tmp/secret.txt\">" '' 'the external DTD .* is not read'
xml_case xinclude '' \
    "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file://$tmp/secret.txt\" parse=\"text\"/>" \
    ''

echo "a refused entity in the last record: the record is stored without it, the entity reported"
xml_doc "<!DOCTYPE Sentences [<!ENTITY xxe SYSTEM \"file://$tmp/secret.txt\">]>" '' '&xxe;' \
    >"$tmp/xxe_last.xml"
bounded xxe_last 60 300 "$DYAD" load --db "sqlite:$tmp/xxe_last.db" "$tmp/xxe_last.xml"
no_marker xxe_last
grep -q "^$tmp/xxe_last.xml:8: .*external entity &xxe; not read" "$tmp/xxe_last.err" ||
    fail "xxe_last: the entity is not reported at line 8"
! grep -q 'ends inside' "$tmp/xxe_last.err" || fail "xxe_last: taken for a cut-off file"
bounded xxe_last-export 60 300 "$DYAD" export --db "sqlite:$tmp/xxe_last.db" --format jsonl
[ "$(events xxe_last-export)" -eq 2 ] ||
    fail "xxe_last: $(events xxe_last-export) events stored, expected 2"
grep -q '"sentence":"b-1_1"' "$tmp/xxe_last-export.out" || fail "xxe_last: b-1_1 not stored"
! grep -aq "$MARK" "$tmp/xxe_last.db" || fail "xxe_last: the referenced file is in the store"

echo "a billion laughs, and an entity of 1 kB referenced 10000 times, finish at once"
python3 - "$tmp/laughs.xml" <<'EOF'
import sys
ents = '<!ENTITY lol0 "lol">' + ''.join('<!ENTITY lol%d "%s">' % (i, ('&lol%d;' % (i - 1)) * 10) for i in range(1, 10))
doc = open(sys.argv[1], 'w')
doc.write('<!DOCTYPE Sentences [%s]>\n<Sentences>\n' % ents)
doc.write('<Sentence date="20240510" id="a-1_1">\n<Text>France condemned Russia &lol9; on Monday.</Text>\n')
doc.write('<Parse>(ROOT (S (NP (NNP France)) (VP (VBD condemned) (NP (NNP Russia &lol9;)))))</Parse>\n</Sentence>\n')
doc.write('<Sentence date="20240510" id="b-1_1">\n<Text>Egypt urged Israel to halt the offensive.</Text>\n')
doc.write('<Parse>(ROOT (S (NP (NNP Egypt)) (VP (VBD urged) (S (NP (NNP Israel)) (VP (TO to) (VP (VB halt) (NP (DT the) (NN offensive)))))) (. .)))</Parse>\n</Sentence>\n</Sentences>\n')
EOF
bounded laughs 10 300 "$DYAD" code "$tmp/laughs.xml"
[ "$(events laughs)" -eq 2 ] || fail "laughs: $(events laughs) events, expected 2"
grep -q "^$tmp/laughs.xml:4: .*inside another entity's text not expanded" "$tmp/laughs.err" ||
    fail "laughs: the nested entities are not reported at line 4"
python3 -c "
import sys
print('<!DOCTYPE Sentences [<!ENTITY big \"%s\">]>' % ('0123456789 ' * 100))" >"$tmp/fanout.xml"
xml_doc "" "$(python3 -c "print('&big;' * 10000)")" | sed 1d >>"$tmp/fanout.xml"
bounded fanout 20 300 "$DYAD" code --input petrarch-xml "$tmp/fanout.xml"
[ "$(events fanout)" -ge 1 ] || fail "fanout: no events"
grep -q "^$tmp/fanout.xml:4: .*entities expand to over" "$tmp/fanout.err" ||
    fail "fanout: the expansion bound is not reported at line 4"

# ---- HTML ---------------------------------------------------------------------

P='<p>France condemned Russia on Monday.</p><p>Egypt urged Israel to halt the offensive.</p>'

# html_case NAME [WARNING]: 2 events from $tmp/NAME.html; WARNING, if given,
# reported with the file and a line.
html_case() {
    bounded "$1" 60 300 "$DYAD" code "$tmp/$1.html"
    [ "$(events "$1")" -eq 2 ] || fail "$1: exit $rc, $(events "$1") events, expected 2"
    [ $# -lt 2 ] || grep -q "^$tmp/$1.html:[0-9][0-9]*: warning: .*$2" "$tmp/$1.err" ||
        fail "$1: no warning '$2' with file:line"
}

echo "a normal page gives 2 events"
printf '<html><head><title>T</title></head><body><div>%s</div></body></html>\n' "$P" >"$tmp/normal.html"
html_case normal

echo "deep pages keep their text"
for d in 10000 100000 1000000; do
    python3 -c "import sys; d=$d; sys.stdout.write('<html><body>\n' + '<div>' * d + sys.argv[1] + '</div>' * d + '</body></html>\n')" "$P" >"$tmp/deep$d.html"
    html_case "deep$d" 'HTML nested deeper than 200 elements'
done
python3 -c "import sys; sys.stdout.write('<html><body>\n' + '<div>' * 1000000 + sys.argv[1] + '\n')" "$P" >"$tmp/deep_open.html"
html_case deep_open 'HTML nested deeper than 200 elements'

echo "10 and 50 MB scripts"
for mb in 10 50; do
    awk -v mb="$mb" -v p="$P" 'BEGIN {
        printf "<html><head><script>\n";
        for (i = 0; i < mb * 1024 * 1024 / 64; i++)
            printf "var x%07d = \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\";\n", i;
        printf "</script></head><body><div>%s</div></body></html>\n", p }' >"$tmp/script$mb.html"
    html_case "script$mb"
done

echo "a million elements; 200k attributes on one tag"
python3 -c "import sys; sys.stdout.write('<html><body>\n<div>' + sys.argv[1] + '</div>\n<div>' + '<b>x</b>' * 1000000 + '</div></body></html>\n')" "$P" >"$tmp/tiny.html"
html_case tiny 'more than 100000 elements'
python3 -c "import sys; sys.stdout.write('<html><body><div>' + sys.argv[1] + '</div>\n<div class=\"share\" ' + ' '.join('a%d=\"%d\"' % (i, i) for i in range(200000)) + '>Share</div></body></html>\n')" "$P" >"$tmp/attrs.html"
html_case attrs 'with more than 256 attributes'

echo "misplaced tags under 30k open elements: bounded, reported"
python3 -c "import sys; sys.stdout.write('<html><body><div>' + sys.argv[1] + '</div>\n' + '<span>' * 30000 + '\n' + '</div>' * 30000 + '\n')" "$P" >"$tmp/misnested.html"
html_case misnested 'HTML too badly nested'

echo "HTML reads nothing external either"
printf '<!DOCTYPE html SYSTEM "file://%s" [<!ENTITY xxe SYSTEM "file://%s">]>\n<html><body><div><p>France condemned Russia &xxe; on Monday.</p><iframe src="file://%s"></iframe><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file://%s" parse="text"/><p>Egypt urged Israel to halt the offensive.</p></div></body></html>\n' \
    "$tmp/secret.txt" "$tmp/secret.txt" "$tmp/secret.txt" "$tmp/secret.txt" >"$tmp/xxe.html"
html_case xxe
no_marker xxe
echo "ok"
