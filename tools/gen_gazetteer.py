#!/usr/bin/env python3
"""Builds data/geo/gazetteer.tsv, dyad's offline gazetteer, from GeoNames.

    python3 tools/gen_gazetteer.py [--geonames DIR] [-o data/geo/gazetteer.tsv]

Reads, from DIR (default ../shared/corpora/geonames, GeoNames, CC BY 4.0):
cities500.txt.gz (populated places of 500 people or more), admin1CodesASCII.txt
(first-level divisions) and countryInfo.txt (countries); and, from this
repository, tools/gazetteer_extra.tsv (regions that are not populated places,
and common names of countries; written for dyad).

Writes one tab-separated line per place (see data/geo/README.md):

    id kind iso3 admin1 lat lon population name alternate|names

kind is country, admin1, place or region; id is the GeoNames id (regions of
the extra file have none: 0); admin1 is the GeoNames first-level code ("01",
"CA"); a place's lat/lon are GeoNames'; an admin1 region's and a country's are
the population-weighted mean of its places (the point a map shows for an event
placed at that precision), unless the extra file gives them. Alternate names
are kept when they are written in Latin letters and start with a capital (the
names an English news story uses), for places of 15,000 people or more and
for seats of government; the rest keep their name and ASCII name only.
The output is sorted and the same for the same input.
"""
import argparse
import gzip
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))

# Alternate names: Latin letters (any accents), spaces, hyphens, apostrophes,
# periods; a capital first; at least 3 characters; not all capitals (airport
# and other codes: "DXB", "KBL").
LATIN = re.compile(r"^[A-Z][A-Za-z\u00C0-\u024F .'\u2019-]{2,39}$")
SEATS = {"PPLC", "PPLA", "PPLA2", "PPLG"}
ALT_MIN_POP = 15000


def latin_alternate(name):
    if not LATIN.match(name) or name.upper() == name:
        return False
    for ch in name:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def clean(s):
    return s.replace("\t", " ").replace("|", " ").strip()


def read_countries(path):
    countries = {}  # iso2 -> dict
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            c = line.rstrip("\n").split("\t")
            if len(c) < 17 or not c[16].isdigit():
                continue
            countries[c[0]] = {"iso3": c[1], "name": c[4], "capital": c[5],
                               "pop": int(c[7] or 0), "id": int(c[16])}
    return countries


def read_admin1(path):
    admin1 = {}  # "CC.code" -> (name, asciiname, id)
    with open(path, encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) >= 4 and c[3].isdigit():
                admin1[c[0]] = (c[1], c[2], int(c[3]))
    return admin1


def read_extra(path):
    """Lines: kind iso3 lat lon name|alternates (kind region or country)."""
    regions, country_names = [], {}
    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            if line.startswith("#") or not line.strip():
                continue
            c = line.rstrip("\n").split("\t")
            if len(c) != 5 or c[0] not in ("region", "country"):
                sys.exit(f"{path}:{ln}: expected 5 tab-separated fields: kind iso3 lat lon names")
            names = [n.strip() for n in c[4].split("|") if n.strip()]
            if c[0] == "country":
                country_names.setdefault(c[1], []).extend(names)
            else:
                regions.append((c[1], float(c[2]), float(c[3]), names))
    return regions, country_names


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--geonames", default=os.path.join(HERE, "..", "..", "shared", "corpora", "geonames"))
    ap.add_argument("-o", "--output", default=os.path.join(HERE, "..", "data", "geo", "gazetteer.tsv"))
    args = ap.parse_args()
    g = args.geonames
    countries = read_countries(os.path.join(g, "countryInfo.txt"))
    admin1 = read_admin1(os.path.join(g, "admin1CodesASCII.txt"))
    regions, country_names = read_extra(os.path.join(HERE, "gazetteer_extra.tsv"))

    rows = []
    sums = {}  # key -> [sum w*lat, sum w*lon, sum w, population]
    with gzip.open(os.path.join(g, "cities500.txt.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) < 19 or c[6] != "P" or c[8] not in countries:
                continue
            gid, name, ascii_name = int(c[0]), clean(c[1]), clean(c[2])
            lat, lon = float(c[4]), float(c[5])
            code, cc, a1 = c[7], c[8], clean(c[10])
            pop = int(c[14] or 0)
            if code in ("PPLH", "PPLQ", "PPLW") or not name:
                continue  # historical, abandoned and destroyed places
            names = [name]
            if ascii_name and ascii_name != name:
                names.append(ascii_name)
            if pop >= ALT_MIN_POP or code in SEATS:
                for alt in sorted(set(c[3].split(","))):
                    alt = clean(alt)
                    if alt and alt not in names and latin_alternate(alt):
                        names.append(alt)
            iso3 = countries[cc]["iso3"]
            rows.append((gid, "place", iso3, a1, lat, lon, pop, names))
            w = max(pop, 500)
            for key in (cc, cc + "." + a1):
                s = sums.setdefault(key, [0.0, 0.0, 0.0, 0])
                s[0] += w * lat
                s[1] += w * lon
                s[2] += w
                s[3] += pop

    def centre(key):
        s = sums.get(key)
        return (s[0] / s[2], s[1] / s[2], s[3]) if s else None

    for key, (name, ascii_name, gid) in admin1.items():
        cc, a1 = key.split(".", 1)
        c = centre(key)
        if cc not in countries or c is None:
            continue
        names = [clean(name)] + ([clean(ascii_name)] if ascii_name != name else [])
        rows.append((gid, "admin1", countries[cc]["iso3"], clean(a1), c[0], c[1], c[2], names))
    for cc, info in countries.items():
        c = centre(cc)
        if c is None:
            continue
        names = [info["name"]] + [n for n in country_names.get(info["iso3"], []) if n != info["name"]]
        rows.append((info["id"], "country", info["iso3"], "", c[0], c[1], info["pop"], names))
    for iso3, lat, lon, names in regions:
        rows.append((0, "region", iso3, "", lat, lon, 0, names))

    order = {"country": 0, "admin1": 1, "region": 2, "place": 3}
    rows.sort(key=lambda r: (order[r[1]], r[2], r[3], r[0], r[7][0]))
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    tmp = args.output + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as out:
        out.write("# dyad gazetteer: built by tools/gen_gazetteer.py from GeoNames (geonames.org, CC BY 4.0);\n")
        out.write("# see data/geo/README.md. Fields: id kind iso3 admin1 lat lon population names\n")
        for gid, kind, iso3, a1, lat, lon, pop, names in rows:
            out.write(f"{gid}\t{kind}\t{iso3}\t{a1}\t{lat:.5f}\t{lon:.5f}\t{pop}\t{'|'.join(names)}\n")
    os.replace(tmp, args.output)
    kinds = {}
    for r in rows:
        kinds[r[1]] = kinds.get(r[1], 0) + 1
    nnames = sum(len(r[7]) for r in rows)
    print(f"gen_gazetteer: {len(rows)} entries ({', '.join(f'{v} {k}' for k, v in sorted(kinds.items()))}), "
          f"{nnames} names, {os.path.getsize(args.output)} bytes -> {args.output}")


if __name__ == "__main__":
    main()
