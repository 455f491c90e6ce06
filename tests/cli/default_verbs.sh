#!/bin/sh
# default_verbs.sh: dyad's own verb dictionary (data/dict/dyad.verbs.txt): it
# is in the PETRARCH-2 format, so the tree coder codes raw news text with it;
# short news sentences of every CAMEO root (two or more each) come out with the
# expected source, target and code prefix. Each sentence is its own article (a
# line of one JSON Lines file, so that one run codes them all), coded with the
# default dictionaries.
set -eu
case "$DYAD" in /*) ;; *) DYAD="$(pwd)/$DYAD" ;; esac
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

echo "check: the default verb dictionary is in the PETRARCH-2 format"
grep -q '^- \* .*(' data/dict/dyad.verbs.txt || fail "no (PP) patterns in data/dict/dyad.verbs.txt"
printf 'date 2024-01-15\nRussia carried out strikes on Ukraine.\n' >"$tmp/fmt.txt"
DYAD_TRACE=1 "$DYAD" code "$tmp/fmt.txt" >"$tmp/fmt.jsonl" 2>"$tmp/trace" || fail "exit status $?"
grep -q '^trace: tree' "$tmp/trace" || fail "the tree coder was not used (no tree trace)"
grep -q '"source":"RUS","target":"UKR","cameo":"190"' "$tmp/fmt.jsonl" ||
    fail "carried out strikes: $(cat "$tmp/fmt.jsonl")"

# source|target|code prefix|sentence
cat >"$tmp/cases" <<'EOF2'
RUS|UKR|010|Russia told Ukraine that the talks were over.
CHN|USA|012|China expressed concern over the United States.
ISR|IRN|016|Israel denied Iran's accusations.
USA|RUS|014|The United States is considering new measures against Russia.
UKR|RUS|015|Ukraine claimed responsibility for the attack on Russia.
UKR|USA|0232|Ukraine appealed to the United States for military aid.
CHN|RUS|020|China urged Russia to show restraint.
IRN|USA|0254|Iran called for the lifting of sanctions by the United States.
RUS|CHN|02|Russia called on China to resume talks.
CHN|RUS|0331|China pledged economic aid to Russia.
RUS|IRN|036|Russia offered talks to Iran.
ISR|IRN|0871|Israel agreed to a ceasefire with Iran.
CHN|RUS|040|China held talks with Russia.
PRK|RUS|042|North Korea sent a delegation to Russia.
RUS|PRK|042|Russia visited North Korea.
USA|ISR|041|The United States held a phone call with Israel.
CHN|IRN|043|China hosted Iran.
RUS|UKR|046|Russia negotiated with Ukraine.
CHN|RUS|051|China praised Russia.
IRN|RUS|057|Iran signed an agreement with Russia.
RUS|CHN|050|Russia established diplomatic relations with China.
RUS|CHN|062|Russia cooperated with China on security.
PRK|IRN|062|North Korea cooperated with Iran on missiles.
USA|UKR|072|The United States provided Ukraine with missiles.
RUS|PRK|071|Russia gave North Korea a loan.
CHN|PRK|073|China sent food to North Korea.
IRN|RUS|07|Iran helped Russia.
PRK|IRN|072|North Korea supplied weapons to Iran.
RUS|UKR|0841|Russia released Ukrainian prisoners.
USA|IRN|085|The United States lifted sanctions on Iran.
RUS|UKR|0874|Russia withdrew its troops from Ukraine.
USA|RUS|090|The United States investigated Russia.
UKR|RUS|090|Ukraine launched an investigation into Russia.
USA|CHN|100|The United States demanded an apology from China.
ISR|IRN|1053|Israel demanded the release of hostages from Iran.
IRN|ISR|111|Iran condemned Israel.
RUS|UKR|112|Russia accused Ukraine of war crimes.
CHN|USA|111|China criticized the United States.
RUS|UKR|127|Russia rejected Ukraine's peace plan.
CHN|USA|120|China rejected the United States' demands.
RUS|UKR|125|Russia rejected talks with Ukraine.
PRK|USA|1385|North Korea threatened the United States with nuclear weapons.
IRN|ISR|130|Iran warned Israel.
UKR|RUS|14|Ukraine protested against Russia.
ISR|IRN|150|Israel deployed troops near Iran.
CHN|USA|154|China mobilized troops against the United States.
USA|IRN|163|The United States imposed new sanctions on Iran.
UKR|RUS|161|Ukraine severed diplomatic ties with Russia.
RUS|USA|161|Russia closed its embassy in the United States.
CHN|USA|166|China expelled American diplomats.
IRN|ISR|173|Iran arrested Israeli spies.
RUS|USA|173|Russia detained an American journalist.
IRN|ISR|181|Iran kidnapped Israeli citizens.
RUS|UKR|181|Russia abducted Ukrainian children.
ISR|IRN|195|Israel launched airstrikes against Iran.
RUS|UKR|190|Russia attacked Ukraine.
IRN|ISR|195|Iran launched drone and missile attacks against Israel.
RUS|UKR|192|Russia invaded Ukraine.
RUS|UKR|190|Russian forces killed Ukrainian soldiers.
RUS|UKR|202|Russia massacred Ukrainian civilians.
IRN|ISR|2041|Iran used chemical weapons against Israel.
CHN|RUS|042|China paid a visit to Russia.
IRN|RUS|057|Iran signed a deal with Russia.
CHN|USA|012|China expressed concern about the United States.
RUS|UKR|195|Russia carried out airstrikes on Ukraine.
ISR|IRN|195|Israel struck Iran with missiles.
RUS|UKR|194|Russia shelled Ukraine.
IRN|USA|190|Iran shot down an American drone.
IRN|USA|190|Iran downed an American drone.
USA|RUS|1622|The United States suspended military aid to Russia.
RUS|UKR|0871|Russia declared a ceasefire with Ukraine.
CHN|USA|161|China recalled its ambassador from the United States.
IRN|ISR|138|Iran threatened to attack Israel.
USA|IRN|1312|The United States threatened Iran with sanctions.
RUS|UKR|112|Russia blamed Ukraine for the attack.
CHN|USA|111|China slammed the United States.
IRN|USA|016|Iran rejected the accusations by the United States.
RUS|CHN|051|Russia welcomed China's decision.
CHN|RUS|043|China welcomed the Russian president.
UKR|USA|0232|Ukraine sought weapons from the United States.
USA|UKR|072|The United States shipped missiles to Ukraine.
CHN|RUS|064|China shared intelligence with Russia.
IRN|USA|0841|Iran released American hostages.
IRN|RUS|045|Iran mediated between Russia and Ukraine.
ISR|IRN|186|Israel assassinated an Iranian commander.
RUS|UKR|192|Russia captured a Ukrainian town.
CHN|USA|163|China banned imports from the United States.
CHN|USA|114|China lodged a protest with the United States.
ISR|IRN|090|Israel opened an investigation into Iran.
UKR|RUS|046|Ukraine resumed talks with Russia.
USA|CHE|042|The American president attended a summit in Switzerland.
IRN|RUS|044|The Iranian president attended a summit with Russia.
SYR|PHL|193|Syrian rebels engaged Filipino peacekeepers in a firefight.
USA|TUN|160|The United States advised against travel to Tunisia.
PAK|ITA|042|Pakistan's president kicked off a three-day visit to Italy.
PRK|USA|080|North Korea eased its tough stance against the United States.
FRA|IRN|125|France ruled out talks with Iran.
RWA|FRA|112|Rwanda alleged that France had trained the militias.
CHN|USA|111|China chided the United States.
IND|RUS|062|India bought fighter jets from Russia.
PAK|IND|031|Pakistan will work with India on terrorism.
RUS|UKR|183|Russian agents blew up a Ukrainian convoy.
USA|IRN|020|The United States pushed for sanctions against Iran.
GBR|IRQ|154|Britain rushed troops to Iraq.
ESP|IRQ|160|Spain quit the coalition in Iraq.
POL|IRQ|0874|Poland reduced its troops in Iraq.
ISR|IRN|138|Israel plans to attack Iran.
EGY|LBY|190|Egyptian troops repelled an attack by Libyan forces.
JPN|PRK|012|Japan fears a North Korean missile test.
USA|AFG|074|American troops guard the Afghan president.
CHN|RUS|0312|China pledged military cooperation to Russia.
RUS|IRN|0353|Russia offered a prisoner swap to Iran.
USA|ISR|014|The United States reviewed its policy toward Israel.
BRA|VEN|051|Brazil reaffirmed its support for Venezuela.
DEU|IRN|040|Germany contacted Iran about the hostages.
PAK|USA|063|Pakistan handed over five suspects to the United States.
RUS|CHN|080|Russia ceded the islands to China.
GBR|SDN|139|Britain set a deadline for Sudan.
IRQ|TUR|1823|Iraqi militants executed a Turkish hostage.
CHN|TWN|111|China branded the Taiwanese president a traitor.
PSE|ISR|145|Palestinian youths threw stones at Israeli soldiers.
RUS|SRB|051|Russia threw its support behind the Serbian government.
JPN|CHN|160|Japan postponed a visit to China.
USA|EGY|1622|The United States delayed military aid to Egypt.
FRA|USA|110|France disagreed with the United States.
IRN|IGOEUREEC|036|Iran will enter talks with the European Union next week.
CHN|RUS|041|The Chinese president had a telephone conversation with the Russian president.
JPN|IDN|07|Japan rushed aid to Indonesia.
IRQ|JOR|042|Iraqi officials attended the funeral of the Jordanian king.
USA|RUS|112|The United States presented evidence against Russia.
USA|PAK|072|Pakistan received military aid from the United States.
EGY|SDN|010|The Sudanese government received a letter from Egypt.
RUS|IRN|036|Iran received an invitation from Russia.
PSE|ISR|194|Israeli troops came under rocket fire from Hamas.
CHN|USA|120|China brushed aside criticism from the United States.
DEU|FRA|051|Germany sided with France.
ESP|ESP|183|Basque separatists set off five bombs in Spain.
CHN|TWN|100|China sets terms for talks with Taiwan.
IRQ|EGY|042|The Iraqi delegation attended the conference in Egypt.
IND|IND|190|Suspected separatist rebels stormed a village in India's northeast on Monday and shot dead six people, police said.
USA|PAK|018|The American president expressed sorrow over the deaths of Pakistani civilians.
COD|RWA|192|Congolese rebels captured a Rwandan border town.
SYR|TUR|173|Syrian troops captured a Turkish soldier.
KEN|KEN|141|Thousands of Kenyan students took to the streets of Nairobi.
ISR|PSE|195|Israeli warplanes pounded Gaza.
PSE|ISR|0871|Hamas militants observed the ceasefire with Israel.
SDN|SDN|164|Sudanese rebels walked away from peace talks with the Sudanese government.
ZWE|ZWE|182|Zimbabwean police beat opposition activists.
IND|PAK|1823|Indian villagers beat a Pakistani man to death.
USA|IRQ|0874|American troops left Iraq.
AFG|AFG|143|Afghan workers called a general strike against the Afghan government.
KOR|KOR|143|South Korean workers struck against the South Korean government.
TUR|TUR|175|Turkish police fired tear gas and plastic bullets at Kurdish protesters.
ISR|PSE|1712|Israeli forces tore down Palestinian homes.
IRQ|USA|0873|Iraqi rebels surrendered their weapons to American troops.
ISR|LBN|150|Israeli warships intruded into Lebanese waters.
FRA|FRA|145|French youths rampaged through the streets of Paris.
CHN|JPN|1823|Chinese soldiers executed two Japanese men.
NGA|NGA|180|Nigerian militants terrorized Nigerian villagers.
EGY|EGY|110|Egyptian lawmakers squabbled with the Egyptian government over the budget.
USA|IRQ|150|American troops tightened security around Iraqi polling stations.
IRN|IRQ|143|Iranian pilgrims held a boycott of Iraqi shrines.
ISR|PSE|1712|Israeli troops burned down Palestinian homes.
EOF2

# articles PREFIX < LINES: one JSON Lines article per line of text (the
# sentences hold no quotation mark or backslash), ids PREFIX1, PREFIX2, ...
articles() {
    awk -v p="$1" '{ printf "{\"id\":\"%s%d\",\"date\":\"2024-01-15\",\"text\":\"%s\"}\n", p, NR, $0 }'
}

echo "check: $(wc -l <"$tmp/cases") news sentences, each its own article, coded in one run"
cut -d'|' -f4 "$tmp/cases" | articles s >"$tmp/cases.jsonl"
"$DYAD" code "$tmp/cases.jsonl" >"$tmp/all.jsonl" 2>"$tmp/all.err" ||
    fail "exit status $? ($(cat "$tmp/all.err"))"
i=0
bad=0
while IFS='|' read -r src tgt code text; do
    i=$((i + 1))
    if ! grep "\"article\":\"s$i\"," "$tmp/all.jsonl" |
        grep -q "\"source\":\"$src[A-Z]*\",\"target\":\"$tgt[A-Z]*\",\"cameo\":\"$code[0-9]*\""; then
        got=$(grep "\"article\":\"s$i\"," "$tmp/all.jsonl" |
            sed 's/.*"source":"\([^"]*\)","target":"\([^"]*\)","cameo":"\([^"]*\)".*/\1 \2 \3/' | tr '\n' ';')
        echo "  missed: $src $tgt $code | $text -> $got"
        bad=$((bad + 1))
    fi
done <"$tmp/cases"
[ "$bad" -eq 0 ] || fail "$bad of $i sentences were not coded as expected"

echo "check: misleading senses give no event"
cat >"$tmp/none" <<'EOF3'
France ruled out sanctions against Iran.
The Russian minister quit the government of Ukraine.
Ukraine's president dismissed the prime minister of Ukraine.
China bought time in its talks with Japan.
The Iraqi minister attended the trial of the Jordanian businessman.
Hamas set fire to tires in Gaza.
Israel plans new settlements in the West Bank.
Israel suspends soldier after girl shot.
Iran set a new record against Iraq.
The Iraqi president came under fire from American senators.
China captured a larger share of the American market.
Russia demonstrated its new missile capability to the United States.
The Iranian president hurt the economy of Iraq.
A powerful earthquake hit northern Japan on Monday.
Brazil beat Argentina 2-0 in Buenos Aires.
The French president shook hands with the Chinese president.
Iran captured the attention of the United States.
The Iraqi president burned his bridges with Syria.
EOF3
articles n <"$tmp/none" >"$tmp/none.in.jsonl"
"$DYAD" code "$tmp/none.in.jsonl" >"$tmp/none.jsonl" 2>"$tmp/none.err" ||
    fail "exit status $? ($(cat "$tmp/none.err"))"
if grep -q '"type":"event"' "$tmp/none.jsonl"; then
    fail "events for sentences without one: $(grep '"type":"event"' "$tmp/none.jsonl" | sed 's/.*"cameo":"\([^"]*\)".*"text":"\([^"]*\)".*/\1 \2/' | tr '\n' ';')"
fi

echo "check: no code outside data/cameo.tsv in the dictionary"
grep -o '\[[0-9][0-9]*\(:[0-9][0-9]*\)\?\]' data/dict/dyad.verbs.txt | tr -d '[]' | tr ':' '\n' | sort -u >"$tmp/codes"
grep -v '^#' data/cameo.tsv | cut -f1 | grep . | sort -u >"$tmp/known"
unknown=$(comm -23 "$tmp/codes" "$tmp/known" | tr '\n' ' ')
[ -z "$unknown" ] || fail "codes not in data/cameo.tsv: $unknown"
echo "default_verbs: all checks passed"
