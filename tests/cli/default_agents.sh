#!/bin/sh
# default_agents.sh: the agents of data/dict/dyad.agents.txt give the actor
# codes an analyst expects with the default dictionaries ("North Korean state
# media" is PRKMED, "the US State Department" USAGOV), and the discards of
# data/dict/dyad.discards.txt drop sport and market sentences. Each sentence uses a
# common verb the default verb dictionary codes; only the actor codes of the
# event are asserted (the event codes belong to the verb dictionary's tests).
# Each sentence is its own article, a line of one JSON Lines file coded in one
# run.
set -eu
case "$DYAD" in /*) ;; *) DYAD="$(pwd)/$DYAD" ;; esac
cd "$(dirname "$0")/../.."

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0

n=0
# expect SENTENCE SOURCE TARGET: the first event of the sentence has these codes
expect() {
    n=$((n + 1))
    printf 'a%d|%s %s|%s\n' "$n" "$2" "$3" "$1" >>"$tmp/cases"
}

expect "North Korean state media condemned the United States on Monday." PRKMED USA
expect "The US State Department condemned North Korea on Tuesday." USAGOV PRK
expect "A Chinese Foreign Ministry spokesman condemned Japan on Monday." CHNGOV JPN
expect "The Russian Defence Ministry condemned Ukraine on Sunday." RUSGOV UKR
expect "The Israeli army condemned Iran on Monday." ISRMIL IRN
expect "Turkish police officers visited France last week." TURCOP FRA
expect "Egyptian lawmakers condemned Israel on Monday." EGYLEG ISR
expect "Iranian students condemned the United States on Friday." IRNEDU USA
expect "German companies visited China in May." DEUBUS CHN
expect "Afghan refugees condemned the Pakistani authorities." AFGREF PAKGOV
expect "Indian doctors visited Pakistan on Monday." INDHLH PAK
expect "French journalists visited Iran on Monday." FRAMED IRN
expect "British diplomats met Iranian officials in Vienna." GBRGOV IRNGOV
expect "Syrian rebels condemned Russia on Monday." SYRREB RUS
expect "Russian opposition leaders condemned China on Monday." RUSOPP CHN
expect "Egyptian civilians condemned Israeli soldiers on Monday." EGYCVL ISRMIL
expect "American intelligence officials condemned Russia on Monday." USASPY RUS
expect "The Chinese navy visited Japan on Monday." CHNMIL JPN
expect "The Japanese prime minister visited Beijing on Thursday." JPNGOV CHN
expect "Pakistani judges condemned India on Monday." PAKJUD IND
# everyday people and armed men named without a country: the country the
# sentence names, except an armed other side's (src/code/country.h)
expect "Unidentified gunmen killed three Nigerian villagers." NGAUAF NGACVL
expect "Attackers killed an Iraqi policeman on Monday." IRQUAF IRQCOP
expect "A mob attacked Nigerian soldiers on Sunday." ---CVL NGAMIL
expect "Rioters attacked Indian police on Sunday." INDCVL INDCOP
expect "Officers arrested two Afghan men on Monday." AFGCOP AFGCVL
expect "Iraqi detainees condemned American guards." IRQCVL USACOP
expect "Strikers condemned the Korean government." KORLAB KORGOV
expect "Kenyan teachers condemned the government on Monday." KENEDU KENGOV
expect "Tamil Tigers condemned India on Monday." LKAREB IND
expect "The Mahdi Army condemned Britain on Monday." IRQREB GBR
expect "The LRA attacked Ugandan villagers." UGAREB UGACVL

# none SENTENCE: the default discard list drops the sentence (no event)
none() {
    n=$((n + 1))
    printf 'a%d|-|%s\n' "$n" "$1" >>"$tmp/cases"
}

none "France condemned Germany after the football match on Monday."
none "Brazil visited Argentina for the World Cup semi-final."
none "China met Japan in the tournament final on Sunday."
none "Russia condemned Britain as the FTSE 100 closed lower."
# phrases with a political sense are not discards
expect "Japan visited China before the Olympic boycott." JPN CHN
expect "The Arab League condemned Israel on Monday." IGOMEAARL ISR

# the sentences hold no quotation mark, backslash or '|'
awk -F'|' '{ printf "{\"id\":\"%s\",\"date\":\"2024-05-10\",\"text\":\"%s\"}\n", $1, $3 }' \
    "$tmp/cases" >"$tmp/in.jsonl"
"$DYAD" code --dict-dir data/dict "$tmp/in.jsonl" >"$tmp/out" 2>"$tmp/err" ||
    { echo "FAIL: exit status $?"; cat "$tmp/err"; exit 1; }
while IFS='|' read -r id want text; do
    got=$(grep "\"article\":\"$id\"," "$tmp/out" |
          sed -n '1s/.*"source":"\([^"]*\)","target":"\([^"]*\)".*/\1 \2/p')
    if [ "$want" = "-" ] && [ -z "$got" ]; then
        echo "ok: discarded  $text"
    elif [ "$want" = "-" ]; then
        echo "FAIL: $text"
        echo "      expected no event (discarded), got '$got'"
        fails=$((fails + 1))
    elif [ "$got" = "$want" ]; then
        echo "ok: $want  $text"
    else
        echo "FAIL: $text"
        echo "      expected '$want', got '${got:-(no event)}'"
        fails=$((fails + 1))
    fi
done <"$tmp/cases"

if [ "$fails" -ne 0 ]; then
    echo "default_agents: $fails sentences coded with other actors"
    exit 1
fi
echo "default_agents: all sentences coded with the expected actors"
