#!/usr/bin/env python3
"""gen_countries.py: write data/dict/dyad.countries.actors.txt, dyad's country actors.

Usage (from anywhere):
    python3 tools/gen_countries.py            # (re)write the dictionary
    python3 tools/gen_countries.py --check    # exit 1 if the committed file is stale
    python3 tools/gen_countries.py --iso FILE # another copy of iso_3166-1.json

Sources: the ISO 3166-1 list of the Debian iso-codes package
(/usr/share/iso-codes/json/iso_3166-1.json: alpha_3, name, official_name,
common_name), merged with the hand-written table TABLE below (short forms,
adjectives and demonyms, capitals), cities and regions often in the news
(CITIES), the seats of government (SEATS), a few states that no longer exist
(FORMER), world regions (REGIONS) and places that contain a country's name
but are no actor of it (GUARDS: "Indian Ocean", "New Mexico"). The output
is committed, so coding needs neither Python nor iso-codes.

Codes are CAMEO's: the ISO alpha-3 code, except Kosovo (KSV, CAMEO's and the
World Bank's code; ISO has none) and the former states, which take their
ISO 3166-3 codes (SUN, YUG, CSK, DDR). Regions take CAMEO's region codes.

PETRARCH matches upper-cased words, so "Chad" the country and "Chad" the
first name cannot be told apart; TABLE marks each such choice with a comment
(field 6) that is copied into the output. A phrase may belong to one entry
only; the script stops if two entries claim the same phrase.
"""
import argparse
import json
import re
import os
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "data", "dict", "dyad.countries.actors.txt")
ISO = "/usr/share/iso-codes/json/iso_3166-1.json"

# alpha3 | other names ; ... | adjectives and singular demonyms | plural
# demonyms (those not made by adding -s to an adjective ending in n or i) |
# capitals and other metonyms | comment.  "-" before a name: the ISO name to
# leave out (a common word, or a name that belongs to another entry).
# Territories without a line keep their ISO names only.
TABLE = """
ABW||Aruban|||
AFG|Islamic Emirate of Afghanistan|Afghan||Kabul|
AGO||Angolan||Luanda|
AIA||Anguillan|||
ALB||Albanian||Tirana|
AND||Andorran||Andorra la Vella|
ARE|UAE;U.A.E.;Emirates;the Emirates|Emirati||Abu Dhabi|
ARG||Argentine;Argentinian|Argentines|Buenos Aires|
ARM||Armenian||Yerevan|
ASM||American Samoan|||
ATG|Antigua|Antiguan|||
AUS||Australian;Aussie|Aussies|Canberra|
AUT||Austrian||Vienna|
AZE||Azerbaijani;Azeri||Baku|
BDI||Burundian||Gitega;Bujumbura|
BES|Bonaire;Caribbean Netherlands;Sint Eustatius;Saba||||
BEL||Belgian||Brussels|Brussels is also the seat of the EU; it is coded BEL as PETRARCH does
BEN||Beninese||Porto-Novo;Cotonou|
BFA||Burkinabe;Burkinabè||Ouagadougou|
BGD||Bangladeshi||Dhaka|
BGR||Bulgarian|||"Sofia" (the capital) is left out: a given name
BHR||Bahraini||Manama|
BHS|Bahamas;The Bahamas|Bahamian|||
BIH|Bosnia;Bosnia-Herzegovina;Bosnia Herzegovina|Bosnian||Sarajevo|
BLR|Byelorussia;Belorussia|Belarusian;Belarussian;Byelorussian||Minsk|
BLZ||Belizean||Belmopan|
BMU||Bermudian|||
BOL||Bolivian||La Paz;Sucre|
BRA||Brazilian||Brasília|
BRB||Barbadian;Bajan||Bridgetown|
BRN|Brunei|Bruneian||Bandar Seri Begawan|
BTN||Bhutanese||Thimphu|
BWA||Botswanan|Batswana|Gaborone|
CAF||Central African||Bangui|"CAR" is left out (a common word)
CAN||Canadian||Ottawa|
CHE||Swiss||Bern;Berne|
CHL||Chilean||Santiago|
CHN|People's Republic of China;PRC;mainland China|Chinese||Beijing;Peking|"China" as porcelain is rare in news; kept
CIV|Ivory Coast;Cote d'Ivoire|Ivorian||Yamoussoukro;Abidjan|
CMR||Cameroonian||Yaoundé|
COD|DR Congo;D.R. Congo;DRC;Democratic Republic of Congo;Democratic Republic of the Congo;Congo-Kinshasa;Zaire;Congo|Congolese||Kinshasa|"Congo" and "Congolese" alone are coded COD, the larger and more reported Congo
COG|-Congo;Republic of Congo;Republic of the Congo;Congo-Brazzaville;Congo Republic|||Brazzaville|
COK||Cook Islander|||
COL||Colombian||Bogotá|
COM||Comoran;Comorian||Moroni|
CPV|Cape Verde|Cape Verdean;Cabo Verdean||Praia|
CRI||Costa Rican|||"San Jose" is not listed (also a Californian city)
CUB||Cuban||Havana|
CUW||Curaçaoan|||
CYM|Caymans|Caymanian|||
CYP||Cypriot|Cypriots|Nicosia|
CZE|Czech Republic|Czech|Czechs|Prague|
DEU|Federal Republic of Germany|German||Berlin|
DJI||Djiboutian|||
DMA||||Roseau|"Dominican" is coded DOM (the Dominican Republic)
DNK||Danish;Dane|Danes|Copenhagen|
DOM||Dominican||Santo Domingo|
DZA||Algerian||Algiers|
ECU||Ecuadorian;Ecuadorean||Quito|
EGY||Egyptian||Cairo|
ERI||Eritrean||Asmara|
ESH||Sahrawi;Saharawi||Laayoune|
ESP||Spanish;Spaniard|Spaniards|Madrid|
EST||Estonian||Tallinn|
ETH||Ethiopian||Addis Ababa|
FIN||Finnish;Finn|Finns|Helsinki|
FJI||Fijian||Suva|
FLK|Falklands;Falkland Islands;Malvinas;Islas Malvinas|Falkland Islander|||
FRA|French Republic|French;Frenchman;Frenchwoman|Frenchmen;Frenchwomen|Paris|
FRO|Faroes;Faeroe Islands|Faroese|||
FSM|Micronesia;Federated States of Micronesia|Micronesian||Palikir|
GAB|Gabonese Republic|Gabonese||Libreville|
GBR|Britain;Great Britain;UK;U.K.;England;Scotland;Wales;Northern Ireland|British;Briton;Brit;Scottish;Scot;Welsh|Britons;Brits;Scots|London|"England" etc. are coded GBR; "English" is left out (the language)
GEO|Republic of Georgia|Georgian||Tbilisi|"Georgia" is also a US state; the country is meant more often in international news
GHA||Ghanaian||Accra|
GIB||Gibraltarian|||
GIN|Republic of Guinea;Guinea-Conakry|Guinean||Conakry|
GMB|The Gambia|Gambian||Banjul|
GNB||Bissau-Guinean||Bissau|
GNQ||Equatoguinean;Equatorial Guinean||Malabo|
GRC|Hellenic Republic|Greek|Greeks|Athens|
GRD||Grenadian|||
GRL||Greenlandic;Greenlander||Nuuk|
GTM||Guatemalan||Guatemala City|
GUM||Guamanian|||
GUY||Guyanese|||"Georgetown" is not listed (also a university and a Washington district)
HKG||Hong Konger;Hongkonger|||
HND||Honduran||Tegucigalpa|
HRV||Croatian;Croat|Croats|Zagreb|
HTI||Haitian||Port-au-Prince|
HUN||Hungarian||Budapest|
IDN||Indonesian||Jakarta|
IMN|||||"Man" alone is not listed
IND|Republic of India|Indian||New Delhi;Delhi|
IRL|Republic of Ireland;Eire|Irish;Irishman|Irishmen|Dublin|
IRN|Persia|Iranian||Tehran;Teheran|
IRQ||Iraqi||Baghdad|
ISL||Icelandic;Icelander||Reykjavík|
ISR|State of Israel|Israeli||Jerusalem;Tel Aviv|"Jerusalem" and "Tel Aviv" stand for the Israeli government in news; coded ISR
ITA||Italian||Rome|
JAM||Jamaican|||"Kingston" is not listed (several cities)
JEY|Bailiwick of Jersey||||"Jersey" alone is left out (clothing; New Jersey)
-JEY|Jersey||||
JOR|Hashemite Kingdom of Jordan|Jordanian||Amman|"Jordan" is also a given name and a river; the country is meant more often in international news
JPN||Japanese||Tokyo|
KAZ||Kazakh;Kazakhstani|Kazakhs|Astana;Nur-Sultan|
KEN||Kenyan||Nairobi|
KGZ|Kyrgyz Republic;Kirghizia|Kyrgyz;Kyrgyzstani||Bishkek|
KHM|Kampuchea|Cambodian||Phnom Penh|
KIR||I-Kiribati||Tarawa|
KNA|St. Kitts and Nevis;St Kitts and Nevis;Saint Kitts;St. Kitts|Kittitian||Basseterre|
KOR|South Korea;Republic of Korea;ROK;Korea|South Korean;Korean||Seoul|"Korea" and "Korean" alone are coded KOR
KWT|State of Kuwait|Kuwaiti||Kuwait City|
LAO|Laos;Lao PDR|Laotian;Lao||Vientiane|
LBN||Lebanese||Beirut|
LBR||Liberian||Monrovia|
LBY|State of Libya|Libyan||Tripoli|"Tripoli" is coded LBY (the Lebanese city is less reported)
LCA|St. Lucia;St Lucia|Saint Lucian;St. Lucian||Castries|
LIE||Liechtensteiner||Vaduz|
LKA|Ceylon|Sri Lankan||Colombo|
LSO||Basotho;Lesothan||Maseru|
LTU||Lithuanian||Vilnius|
LUX||Luxembourgish;Luxembourger|||
LVA||Latvian||Riga|
MAC|Macau|Macanese|||
MAR|Kingdom of Morocco|Moroccan||Rabat|
MCO|Principality of Monaco|Monegasque;Monacan|||
MDA|Moldavia|Moldovan||Chisinau;Chișinău|
MDG||Malagasy;Madagascan||Antananarivo|
MDV||Maldivian|||"Male" (the capital) is left out: a common word
MEX|United Mexican States|Mexican||Mexico City|
MHL||Marshallese||Majuro|
MKD|Macedonia;FYROM;Former Yugoslav Republic of Macedonia|Macedonian||Skopje|
MLI||Malian||Bamako|
MLT||Maltese||Valletta|
MMR|Burma|Burmese;Myanmarese||Naypyidaw;Naypyitaw;Nay Pyi Taw|
MNE||Montenegrin||Podgorica|
MNG||Mongolian||Ulaanbaatar;Ulan Bator|
MOZ||Mozambican||Maputo|
MRT||Mauritanian||Nouakchott|
MUS||Mauritian||Port Louis|
MWI||Malawian||Lilongwe|
MYS||Malaysian||Kuala Lumpur;Putrajaya|
NAM||Namibian||Windhoek|
NCL||New Caledonian||Nouméa|
NER||Nigerien||Niamey|
NGA|Federal Republic of Nigeria|Nigerian||Abuja|
NIC||Nicaraguan||Managua|
NLD|Holland;Kingdom of the Netherlands|Dutch;Dutchman|Dutchmen|Amsterdam;The Hague|
NOR||Norwegian||Oslo|
NPL||Nepalese;Nepali||Kathmandu|
NRU||Nauruan||Yaren|
NZL||New Zealander;Kiwi|Kiwis|Wellington|
OMN|Sultanate of Oman|Omani||Muscat|
PAK|Islamic Republic of Pakistan|Pakistani||Islamabad|
PAN||Panamanian|||"Panama City" is not listed (also a Florida city)
PER||Peruvian||Lima|
PHL||Philippine;Filipino;Filipina|Filipinos;Filipinas|Manila|
PLW||Palauan||Ngerulmud|
PNG|PNG|Papua New Guinean||Port Moresby|
POL||Polish;Pole|Poles|Warsaw|"Polish" and "Poles" are also common words; kept
PRI||Puerto Rican||San Juan|
PRK|North Korea;DPRK;D.P.R.K.;Democratic People's Republic of Korea|North Korean||Pyongyang|
PRT||Portuguese||Lisbon|
PRY||Paraguayan||Asunción|
PSE|Palestine;State of Palestine;Palestinian Territories;Palestinian territory;Occupied Palestinian Territories;West Bank;Gaza;Gaza Strip|Palestinian;Gazan||Ramallah|
PYF|Tahiti|French Polynesian;Tahitian||Papeete|
QAT|State of Qatar|Qatari||Doha|
ROU|Rumania|Romanian||Bucharest|
RUS|Russia;Russian Federation|Russian||Moscow|
RWA||Rwandan||Kigali|
SAU|Kingdom of Saudi Arabia;KSA|Saudi||Riyadh|
SDN||Sudanese||Khartoum;Port Sudan|
SEN||Senegalese||Dakar|
SHN|Saint Helena;St Helena;St. Helena;Ascension Island;Tristan da Cunha||||
SGP|Republic of Singapore|Singaporean|||
SLB||Solomon Islander||Honiara|
SLE||Sierra Leonean||Freetown|
SLV||Salvadoran;Salvadorean||San Salvador|
SMR||Sammarinese|||
SOM|Federal Republic of Somalia|Somali;Somalian||Mogadishu|
SRB|Republic of Serbia|Serbian;Serb|Serbs|Belgrade|
SSD|Republic of South Sudan|South Sudanese||Juba|
STP|Sao Tome;São Tomé|Santomean|||
SUR|Surinam|Surinamese||Paramaribo|
SVK|Slovak Republic|Slovak;Slovakian|Slovaks|Bratislava|
SVN||Slovenian;Slovene|Slovenes|Ljubljana|
SWE||Swedish;Swede|Swedes|Stockholm|
SWZ|Swaziland|Swazi||Mbabane|
SYC||Seychellois|||"Victoria" is not listed (a given name)
SYR|Syria|Syrian||Damascus|
TCA|Turks and Caicos||||
TCD|Republic of Chad|Chadian||N'Djamena;Ndjamena|"Chad" is also a given name; the country is meant more often in international news
TGO|Togolese Republic|Togolese||Lomé|
THA|Siam|Thai||Bangkok|
TJK||Tajik;Tajikistani|Tajiks|Dushanbe|
TKM||Turkmen||Ashgabat|
TLS|East Timor|Timorese;East Timorese||Dili|
TON||Tongan||Nuku'alofa|
TTO|Trinidad|Trinidadian;Tobagonian||Port of Spain|
TUN||Tunisian||Tunis|
TUR|Turkey;Türkiye;Turkiye;Republic of Turkey|Turkish;Turk|Turks|Ankara|"Turkey" the bird is rare in international news; kept
TUV||Tuvaluan||Funafuti|
TWN|Taiwan;Republic of China;ROC|Taiwanese||Taipei|
TZA|Tanzania|Tanzanian||Dodoma;Dar es Salaam|
UGA||Ugandan||Kampala|
UKR||Ukrainian||Kyiv;Kiev|
URY||Uruguayan||Montevideo|
USA|United States;United States of America;US;U.S.;USA;U.S.A.;America|American||Washington|"US" also matches the pronoun "us" (PETRARCH cannot see case); kept, as the US is the most reported actor
UZB||Uzbek;Uzbekistani|Uzbeks|Tashkent|
VAT|Holy See;Vatican;Vatican City||||
VCT|St. Vincent and the Grenadines;Saint Vincent|Vincentian||Kingstown|
VEN|Bolivarian Republic of Venezuela|Venezuelan||Caracas|
VGB|British Virgin Islands||||
VIR|US Virgin Islands;U.S. Virgin Islands||||
VNM|Vietnam;Viet Nam|Vietnamese||Hanoi|
VUT||Vanuatuan;Ni-Vanuatu||Port Vila|
WSM||Samoan||Apia|
YEM||Yemeni||Sanaa;Sana'a|
ZAF|RSA|South African||Pretoria|
ZMB||Zambian||Lusaka|
ZWE||Zimbabwean||Harare|
"""

# Kosovo is not in ISO 3166-1; CAMEO (and the World Bank) use KSV.
EXTRA = """
KSV|Kosovo;Republic of Kosovo|Kosovar;Kosovan|Kosovars|Pristina;Prishtina|not in ISO 3166-1 (user-assigned XK/XKX); CAMEO uses KSV
"""

# Former states, with their ISO 3166-3 codes. Undated: a text of today that
# names the Soviet Union speaks of the Soviet Union.
FORMER = [
    ("SUN", "SOVIET_UNION", ["USSR", "U.S.S.R.", "UNION_OF_SOVIET_SOCIALIST_REPUBLICS", "SOVIET", "SOVIETS"], ""),
    ("YUG", "YUGOSLAVIA", ["YUGOSLAV", "YUGOSLAVS", "FEDERAL_REPUBLIC_OF_YUGOSLAVIA"], ""),
    ("SCG", "SERBIA_AND_MONTENEGRO", [], ""),
    ("CSK", "CZECHOSLOVAKIA", ["CZECHOSLOVAK"], ""),
    ("DDR", "EAST_GERMANY", ["GERMAN_DEMOCRATIC_REPUBLIC", "EAST_GERMAN", "EAST_GERMANS", "EAST_BERLIN"], ""),
]

# Seats of government and national bodies named by a place or an acronym:
# the country code plus a CAMEO agent code. Dates where the seat moved.
SEATS = [
    ("USA", "GOV", ["WHITE_HOUSE", "OVAL_OFFICE", "STATE_DEPARTMENT", "DEPARTMENT_OF_STATE", "FOGGY_BOTTOM",
                    "US_STATE_DEPARTMENT", "U.S._STATE_DEPARTMENT", "US_DEPARTMENT_OF_STATE", "U.S._DEPARTMENT_OF_STATE",
                    "US_TREASURY", "U.S._TREASURY", "TREASURY_DEPARTMENT", "US_TREASURY_DEPARTMENT",
                    "U.S._TREASURY_DEPARTMENT", "US_ADMINISTRATION", "U.S._ADMINISTRATION",
                    "DEPARTMENT_OF_HOMELAND_SECURITY", "TRUMP_ADMINISTRATION", "BIDEN_ADMINISTRATION",
                    "OBAMA_ADMINISTRATION", "BUSH_ADMINISTRATION", "CLINTON_ADMINISTRATION"]),
    ("USA", "MIL", ["PENTAGON", "DEPARTMENT_OF_DEFENSE", "DEPARTMENT_OF_WAR", "WAR_DEPARTMENT", "US_ARMY", "U.S._ARMY",
                    "US_DEFENSE_DEPARTMENT", "U.S._DEFENSE_DEPARTMENT", "US_MILITARY", "U.S._MILITARY",
                    "US_FORCES", "U.S._FORCES", "US_TROOPS", "U.S._TROOPS",
                    "US_NAVY", "U.S._NAVY", "US_AIR_FORCE", "U.S._AIR_FORCE", "US_MARINES", "U.S._MARINES",
                    "CENTCOM", "US_CENTRAL_COMMAND", "U.S._CENTRAL_COMMAND", "INDOPACOM"]),
    ("USA", "SPY", ["CIA", "CENTRAL_INTELLIGENCE_AGENCY"]),
    ("USA", "COP", ["FBI", "FEDERAL_BUREAU_OF_INVESTIGATION"]),
    ("USA", "LEG", ["CAPITOL_HILL", "US_CONGRESS", "U.S._CONGRESS", "US_SENATE", "U.S._SENATE", "HOUSE_OF_REPRESENTATIVES"]),
    ("RUS", "GOV", ["KREMLIN"]),
    ("RUS", "SPY", ["FSB", "FEDERAL_SECURITY_SERVICE", "GRU", "SVR"]),
    ("RUS", "LEG", ["STATE_DUMA", "DUMA"]),
    ("GBR", "GOV", ["DOWNING_STREET", "NUMBER_10", "NO._10", "WHITEHALL", "FOREIGN_OFFICE", "FOREIGN,_COMMONWEALTH_AND_DEVELOPMENT_OFFICE", "HOME_OFFICE"]),
    ("GBR", "SPY", ["MI6", "MI5", "GCHQ"]),
    ("GBR", "MIL", ["MINISTRY_OF_DEFENCE", "ROYAL_NAVY", "ROYAL_AIR_FORCE", "BRITISH_ARMY"]),
    ("FRA", "GOV", ["Elysee", "Élysée", "Elysee Palace", "Élysée Palace", "QUAI_D'ORSAY", "MATIGNON"]),
    ("DEU", "LEG", ["BUNDESTAG"]),
    ("DEU", "MIL", ["BUNDESWEHR"]),
    ("CHN", "GOV", ["ZHONGNANHAI", "STATE_COUNCIL_OF_CHINA", "CHINESE_COMMUNIST_PARTY", "COMMUNIST_PARTY_OF_CHINA", "CCP", "CPC"]),
    ("CHN", "MIL", ["PEOPLE'S_LIBERATION_ARMY", "PLA"]),
    ("KOR", "GOV", ["BLUE_HOUSE <20220510", "CHEONG_WA_DAE <20220510"]),
    ("KOR", "SPY", ["NATIONAL_INTELLIGENCE_SERVICE"]),
    ("PRK", "MIL", ["KOREAN_PEOPLE'S_ARMY", "KPA"]),
    ("PRK", "GOV", ["WORKERS'_PARTY_OF_KOREA"]),
    ("IRN", "MIL", ["ISLAMIC_REVOLUTIONARY_GUARD_CORPS", "REVOLUTIONARY_GUARD_CORPS", "REVOLUTIONARY_GUARDS", "IRGC",
                    "QUDS_FORCE", "BASIJ"]),
    ("IRN", "LEG", ["MAJLIS"]),
    ("ISR", "LEG", ["KNESSET"]),
    ("ISR", "MIL", ["IDF", "ISRAEL_DEFENSE_FORCES", "ISRAELI_DEFENSE_FORCES", "ISRAEL_DEFENCE_FORCES"]),
    ("ISR", "SPY", ["MOSSAD", "SHIN_BET", "SHABAK"]),
    ("PAK", "SPY", ["ISI", "INTER-SERVICES_INTELLIGENCE"]),
    ("PAK", "MIL", ["ISPR", "INTER-SERVICES_PUBLIC_RELATIONS"]),
    ("IND", "LEG", ["LOK_SABHA", "RAJYA_SABHA"]),
    ("JPN", "MIL", ["SELF-DEFENSE_FORCES", "SELF-DEFENCE_FORCES", "JAPAN_SELF-DEFENSE_FORCES"]),
    ("TUR", "LEG", ["GRAND_NATIONAL_ASSEMBLY"]),
    ("UKR", "LEG", ["VERKHOVNA_RADA"]),
    ("UKR", "SPY", ["SBU", "SECURITY_SERVICE_OF_UKRAINE"]),
    ("TWN", "LEG", ["LEGISLATIVE_YUAN"]),
    ("SAU", "GOV", ["ROYAL_COURT"]),
]

# World regions, with CAMEO's region codes.
REGIONS = [
    ("AFR", ["AFRICA", "AFRICAN", "AFRICANS", "SUB-SAHARAN_AFRICA"]),
    ("ASA", ["ASIA", "ASIAN", "ASIANS", "ASIA-PACIFIC", "ASIA_PACIFIC"]),
    ("EUR", ["EUROPE", "EUROPEAN", "EUROPEANS"]),
    ("MEA", ["MIDDLE_EAST", "MIDEAST", "MID-EAST", "MIDDLE_EASTERN"]),
    ("LAM", ["LATIN_AMERICA", "LATIN_AMERICAN", "LATIN_AMERICANS"]),
    ("SAM", ["SOUTH_AMERICA", "SOUTH_AMERICAN"]),
    ("NMR", ["NORTH_AMERICA", "NORTH_AMERICAN"]),
    ("CAM", ["CENTRAL_AMERICA", "CENTRAL_AMERICAN"]),
    ("CRB", ["CARIBBEAN"]),
    ("SEA", ["SOUTHEAST_ASIA", "SOUTH-EAST_ASIA", "SOUTHEAST_ASIAN"]),
    ("SAS", ["SOUTH_ASIA", "SOUTH_ASIAN"]),
    ("CAS", ["CENTRAL_ASIA", "CENTRAL_ASIAN"]),
    ("CAU", ["CAUCASUS", "SOUTH_CAUCASUS"]),
    ("BLK", ["BALKANS", "BALKAN"]),
    ("EEU", ["EASTERN_EUROPE", "EASTERN_EUROPEAN"]),
    ("SCN", ["SCANDINAVIA", "SCANDINAVIAN", "NORDIC_COUNTRIES"]),
    ("PGS", ["PERSIAN_GULF", "GULF_STATES", "GULF_ARAB_STATES"]),
    ("ARB", ["ARAB_WORLD", "ARAB_STATES", "ARAB_COUNTRIES", "ARAB_NATIONS"]),
    ("WAF", ["WEST_AFRICA", "WEST_AFRICAN"]),
    ("EAF", ["EAST_AFRICA", "EAST_AFRICAN", "HORN_OF_AFRICA"]),
    ("NAF", ["NORTH_AFRICA", "NORTH_AFRICAN", "MAGHREB"]),
    ("SAF", ["SOUTHERN_AFRICA"]),
    ("CFR", ["CENTRAL_AFRICA"]),
    ("WST", ["WESTERN_COUNTRIES", "WESTERN_NATIONS", "WESTERN_POWERS", "WESTERN_GOVERNMENTS", "WESTERN_ALLIES"]),
]

# Cities and regions often named in international news (fighting, strikes,
# talks), coded as their country as PETRARCH does ("shelled Kharkiv": UKR).
# Contested places take the internationally recognised state: Crimea and
# Donetsk UKR. Names that are also common words or shared by places
# elsewhere are left out ("Nice", "Split", "Hyderabad", "Punjab", "Kashmir").
CITIES = """
AFG|Kandahar;Helmand;Herat;Kunduz;Jalalabad;Mazar-i-Sharif;Bagram
ARE|Dubai;Sharjah
AUS|Sydney;Melbourne
CHN|Shanghai;Guangzhou;Shenzhen;Wuhan;Xinjiang;Tibet;Chongqing;Tianjin
COD|Goma;Bukavu;North Kivu;South Kivu;Ituri
COL|Medellín;Cali
DEU|Munich;Hamburg;Frankfurt
EGY|Sinai;Alexandria;Sharm el-Sheikh
ETH|Tigray;Amhara;Mekelle;Oromia
FRA|Marseille;Lyon;Strasbourg
GBR|Manchester;Birmingham;Edinburgh;Belfast;Glasgow
IDN|Aceh;Bali;West Papua
IND|Mumbai;Bombay;Kolkata;Chennai;Bengaluru;Bangalore;Manipur
IRN|Isfahan;Natanz;Fordow;Fordo;Bushehr;Mashhad;Tabriz;Shiraz;Bandar Abbas;Qom
IRQ|Mosul;Basra;Kirkuk;Erbil;Fallujah;Najaf;Karbala;Ramadi;Tikrit;Iraqi Kurdistan;Sadr City
ISR|Haifa;Eilat;Ashkelon;Sderot
JPN|Osaka;Okinawa;Hiroshima;Nagasaki;Fukushima
KOR|Busan;Incheon
LBN|Tyre;Sidon;Baalbek
LBY|Benghazi;Misrata;Sirte
MEX|Tijuana;Ciudad Juárez;Culiacán;Monterrey;Guadalajara
MLI|Timbuktu;Gao;Kidal
MMR|Yangon;Rangoon;Mandalay;Rakhine
NGA|Lagos;Kano;Maiduguri;Borno
PAK|Karachi;Lahore;Peshawar;Quetta;Balochistan;Baluchistan;Khyber Pakhtunkhwa;Waziristan;Rawalpindi
PHL|Mindanao;Marawi;Cebu
PRK|Kaesong;Yongbyon
PSE|Rafah;Khan Younis;Khan Yunis;Jenin;Nablus;Hebron;Gaza City;Jabalia;Deir al-Balah;Bethlehem;Tulkarem
RUS|St. Petersburg;Saint Petersburg;St Petersburg;Chechnya;Dagestan;Belgorod;Kursk;Bryansk;Vladivostok;Siberia;Kaliningrad
SAU|Jeddah;Mecca;Medina
SDN|Darfur;El Fasher;El-Fasher;Omdurman;Kordofan
SOM|Somaliland;Puntland;Kismayo
SYR|Aleppo;Idlib;Homs;Hama;Raqqa;Deir ez-Zor;Daraa;Latakia;Tartus
TUR|Istanbul;Izmir;Diyarbakir
TWN|Kaohsiung
UKR|Kharkiv;Kharkov;Odesa;Odessa;Lviv;Dnipro;Zaporizhzhia;Kherson;Mariupol;Bakhmut;Avdiivka;Pokrovsk;Sumy;Chernihiv;Donetsk;Luhansk;Donbas;Donbass;Crimea
USA|Los Angeles;Chicago;San Francisco;Florida;Texas;California;Mar-a-Lago
VEN|Maracaibo
YEM|Aden;Hodeidah;Hudaydah;Marib;Taiz
ZAF|Johannesburg;Cape Town;Durban
"""

# Phrases that would otherwise be caught by a shorter country name: a US
# state, coded USA, or a place that is no actor, coded "---" (the phrase is
# recognised, so "Indian" inside it is not read as India).
GUARDS = [
    ("USA", ["NEW_MEXICO", "NEW_JERSEY", "NEW_YORK", "NEW_ENGLAND", "WASHINGTON_STATE", "WASHINGTON,_D.C.",
             "WASHINGTON_D.C.", "ATLANTA,_GEORGIA", "GEORGIA_STATE"]),
    ("---", ["INDIAN_OCEAN", "GULF_OF_MEXICO", "SEA_OF_JAPAN", "SOUTH_CHINA_SEA", "EAST_CHINA_SEA", "KOREAN_PENINSULA",
             "ARABIAN_PENINSULA", "RED_SEA", "ARABIAN_SEA", "GULF_OF_GUINEA", "PERSIAN_GULF_COAST", "TAIWAN_STRAIT",
             "STRAIT_OF_HORMUZ", "BLACK_SEA", "GULF_OF_ADEN", "KOREAN_WAR", "VIETNAM_WAR", "GULF_WAR", "IRAQ_WAR"]),
]


def fold(s):
    """The ASCII form of s: accents dropped ("Bogotá" -> "Bogota")."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def phrase(name):
    """A name as a PETRARCH phrase: words joined by '_', ASCII letters upper
    case. Other letters stay as written: dyad (like PETRARCH) upper-cases
    ASCII only, on both the dictionary and the text side, so "Bogotá" in a
    text is looked up as "BOGOTá"."""
    s = "_".join(name.replace("\u2019", "'").split())
    return "".join(c.upper() if c.isascii() else c for c in s)


def plural(adj):
    """The regular plural of a demonym: Iranian(s), Iraqi(s), Icelander(s)."""
    low = adj.lower()
    if low.endswith("man") or low == "i-kiribati":
        return None  # Frenchman: Frenchmen is in the table
    return adj + "s" if low.endswith(("n", "i", "er")) else None


def parse_table(text):
    rows = {}
    drop = {}
    for ln in text.strip().splitlines():
        f = ln.split("|")
        if len(f) < 6:
            f += [""] * (6 - len(f))
        key = f[0].strip()
        if key.startswith("-"):
            drop[key[1:]] = [x.strip() for x in f[1].split(";") if x.strip()]
            continue
        if key in rows:
            sys.exit(f"gen_countries: {key} twice in the table")
        rows[key] = {
            "names": [x.strip() for x in f[1].split(";") if x.strip()],
            "adjs": [x.strip() for x in f[2].split(";") if x.strip()],
            "plurals": [x.strip() for x in f[3].split(";") if x.strip()],
            "capitals": [x.strip() for x in f[4].split(";") if x.strip()],
            "note": "|".join(f[5:]).strip().rstrip("|").strip(),
        }
    return rows, drop


def iso_names(rec):
    """The usable ISO names: no inverted "Korea, Republic of" forms; a
    parenthesised part is dropped ("Falkland Islands (Malvinas)")."""
    out = []
    for k in ("common_name", "name", "official_name"):
        n = rec.get(k)
        if not n or "," in n:
            continue
        n = re.sub(r"\s*\([^)]*\)", "", n).strip()
        if n.lower().startswith("the "):
            n = n[4:]
        out.append(n)
    return out


class Writer:
    def __init__(self):
        self.lines = []
        self.owner = {}

    def claim(self, ph, code):
        prev = self.owner.get(ph)
        if prev and prev != code:
            sys.exit(f"gen_countries: '{ph}' claimed by {prev} and {code}")
        if prev:
            return False
        self.owner[ph] = code
        return True

    def entry(self, code, names, note="", dated=""):
        """names: display forms; the first is the entry's name. Each name
        also gets its ASCII fold; duplicates are dropped."""
        phs = []
        for n in names:
            for v in (n, fold(n)):
                p = phrase(v)
                if p and p not in phs:
                    phs.append(p)
        phs = [p for p in phs if self.claim(p, code)]
        if not phs:
            return
        if note:
            self.lines.append(f"# {note}")
        tag = f"[{code} {dated}]" if dated else f"[{code}]"
        self.lines.append(f"{phs[0]} {tag}")
        self.lines.extend("+" + p for p in phs[1:])
        self.lines.append("")


HEADER = """\
# dyad.countries.actors.txt: the countries of the world, for dyad.
#
# Written for dyad and released under the MIT license with the rest of dyad.
# GENERATED by tools/gen_countries.py from the ISO 3166-1 list of the Debian
# iso-codes package and the script's own table; edit the script, not this file.
#
# Every ISO 3166-1 country and territory with its CAMEO code (the ISO alpha-3
# code; Kosovo KSV), its ISO names, common short forms, adjectives and
# demonyms ("Iranian", "Iranians"), and its capital as a metonym
# ("Pyongyang"). Then cities and regions often in the news ("Kharkiv" UKR),
# seats of government and national bodies named by a place or an acronym
# ("the Kremlin" RUSGOV), former states and world regions (CAMEO region
# codes). Places that contain a country's name but are no actor of it come
# first, with the null code "---" ("Indian Ocean", "Korean Peninsula").
#
# Format: PETRARCH actor dictionary.
#   NAME [CODE]            a new entry: its primary name and its code
#   +SYNONYM               another name for the entry above
#   [CODE <YYYYMMDD]       code on or before a date; '>' on or after;
#   [CODE D1-D2]           between two dates
#   '_' joins words that must be adjacent; '#' starts a comment.
# Letters other than ASCII are kept as written ("BOGOTá"): dyad upper-cases
# ASCII letters only, in the dictionaries and in the text alike.
# Matching is on upper-cased words, so names that are also common words
# ("Chad", "Jordan", "Georgia", "Turkey", "US") are a choice noted where made.
"""


def build(iso_path):
    with open(iso_path, encoding="utf-8") as f:
        iso = {r["alpha_3"]: r for r in json.load(f)["3166-1"]}
    rows, drop = parse_table(TABLE)
    extra, _ = parse_table(EXTRA)
    for k in rows:
        if k not in iso:
            sys.exit(f"gen_countries: {k} is not an ISO 3166-1 code")
    w = Writer()
    w.lines.append(HEADER)
    # guards first: they only need to exist, and they take their phrases
    w.lines.append("####### PLACES THAT CONTAIN A COUNTRY'S NAME #######\n")
    for code, phs in GUARDS:
        w.entry(code, phs)
    w.lines.append("####### COUNTRIES AND TERRITORIES (ISO 3166-1) #######\n")
    for a3 in sorted(iso):
        row = rows.get(a3, {"names": [], "adjs": [], "plurals": [], "capitals": [], "note": ""})
        skip = {phrase(x) for x in drop.get(a3, [])}
        names = [n for n in row["names"] if not n.startswith("-")]
        skip |= {phrase(n[1:]) for n in row["names"] if n.startswith("-")}
        names = [n for n in iso_names(iso[a3]) if phrase(n) not in skip] + names
        names = [n for n in names if phrase(n) not in skip]
        adjs = row["adjs"]
        pls = [p for p in (plural(a) for a in adjs) if p] + row["plurals"]
        w.entry(a3, names + adjs + pls + row["capitals"], row["note"])
    for a3, row in extra.items():
        pls = [p for p in (plural(a) for a in row["adjs"]) if p] + row["plurals"]
        w.entry(a3, row["names"] + row["adjs"] + pls + row["capitals"], row["note"])
    w.lines.append("####### CITIES AND REGIONS #######\n")
    for ln in CITIES.strip().splitlines():
        a3, _, names = ln.partition("|")
        w.entry(a3, [n.strip() for n in names.split(";")])
    w.lines.append("####### SEATS OF GOVERNMENT AND NATIONAL BODIES #######\n")
    for a3, agent, phs in SEATS:
        for p in phs:
            name, _, dated = p.partition(" ")
            w.entry(a3 + agent, [name], dated=dated)
    w.lines.append("####### FORMER STATES #######\n")
    for code, name, syns, dated in FORMER:
        w.entry(code, [name] + syns, dated=dated)
    w.lines.append("####### REGIONS #######\n")
    for code, phs in REGIONS:
        w.entry(code, phs)
    return "\n".join(w.lines).rstrip("\n") + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if the output file is stale")
    ap.add_argument("--iso", default=ISO, help="iso_3166-1.json (default: %(default)s)")
    ap.add_argument("--out", default=OUT, help="output file (default: %(default)s)")
    a = ap.parse_args()
    text = build(a.iso)
    if a.check:
        try:
            with open(a.out, encoding="utf-8") as f:
                same = f.read() == text
        except OSError:
            same = False
        if not same:
            print(f"gen_countries: {a.out} is stale; run tools/gen_countries.py", file=sys.stderr)
        return 0 if same else 1
    with open(a.out, "w", encoding="utf-8") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
