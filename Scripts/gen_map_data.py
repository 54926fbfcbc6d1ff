#!/usr/bin/env python3
"""Deterministic generator of Europe-wide regional business statistics for the map benchmark.

Usage:
    gen_map_data.py data     --years N [--scale K] -o FILE   sbs_r_nuts2021, StructureSpecificData 2.1
    gen_map_data.py clusters --categories FILE -o FILE       every category x every NUTS-2 region
    (add --meta META to `data`: one line "OBS SERIES BYTES SHA256-OF-THIS-SCRIPT")

The data imitate Eurostat's sbs_r_nuts2021 as its dissemination API returns it: series keyed by
freq, nace_r2, indic_sbs, geo, with the real NUTS 2021 codes of the EU-27 (the countries at NUTS 0,
their NUTS 2 regions; the extra-regio "ZZ" regions left out), the NACE divisions of the business
economy and its total B-S_X_O_S94, two measures (EMP_LOC_NR persons employed, LOC_NR local
units), annual periods ending in 2021. Values are integers; about 3 % of the division cells are
confidential (OBS_VALUE NaN with CONF_STATUS C) and a few carry OBS_FLAG e or p, as in the real
flow. A country's value is the sum of its regions and a region's total the sum of its divisions
plus the activities outside them, so every aggregate adds up as a user would check it.

--scale K repeats the regions K times under distinct made-up codes of the same countries (ES5A1,
ES5A2, ...) for the 5M-observation variant; such codes are no NUTS regions and the default scale
is 1 (real codes only).

The output depends only on the arguments and the classification file (no clock, no random module):
the same command writes the same bytes. Only the standard library is used; the file is written as
a stream to FILE.part, then renamed to FILE.
"""

import argparse
import csv
import hashlib
import os
import sys

MASK64 = (1 << 64) - 1
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NUTS = os.path.join(ROOT, "Indicators", "classifications", "nuts-2021.csv")

EU27 = ["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU", "IE",
        "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"]

# The NACE Rev. 2 divisions of the business economy that sbs_r_nuts2021 breaks down (B to N and
# P to S without O and S94); K (finance) is outside the regional business statistics.
DIVISIONS = (["B%02d" % d for d in range(5, 10)] + ["C%02d" % d for d in range(10, 34)] + ["D35"]
             + ["E%02d" % d for d in range(36, 40)] + ["F41", "F42", "F43", "G45", "G46", "G47"]
             + ["H%02d" % d for d in range(49, 54)] + ["I55", "I56"]
             + ["J%02d" % d for d in range(58, 64)] + ["L68"]
             + ["M%02d" % d for d in range(69, 76)] + ["N%02d" % d for d in range(77, 83)])
TOTAL = "B-S_X_O_S94"
MEASURES = ["EMP_LOC_NR", "LOC_NR"]
LAST_YEAR = 2021


def mix(x):
    """splitmix64 finaliser: a fixed, fast, well-spread integer hash."""
    x = (x + 0x9E3779B97F4A7C15) & MASK64
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & MASK64
    return x ^ (x >> 31)


def regions(scale):
    """(country, [NUTS 2 codes]) of the EU-27 in NUTS 2021, extra-regio left out."""
    by_country = {c: [] for c in EU27}
    with open(NUTS, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            code = row["code"]
            if row["level"] == "2" and code[:2] in by_country and not code.endswith("Z"):
                by_country[code[:2]].append(code)
    out = []
    for country in EU27:
        codes = sorted(by_country[country])
        if scale > 1:
            codes = [c if k == 0 else "%s%s%d" % (c[:3], "ABCDEFGHJK"[(k - 1) % 10], k) for k in range(scale)
                     for c in codes]
        out.append((country, codes))
    return out


def cell(region_index, division_index, year, measure):
    """(value or None, flag or None, confidential): persons employed or local units of one cell."""
    h = mix(region_index * 1_000_003 + division_index * 7919 + 17)
    size = 50 + (h % 40_000)  # persons employed in the division in the base year
    growth = 1.0 + (((h >> 20) % 61) - 30) / 1000.0  # -3 % .. +3 % a year
    employed = int(size * growth ** (year - LAST_YEAR))
    if measure == "LOC_NR":
        value = max(1, employed // (4 + (h >> 40) % 30))
    else:
        value = employed
    y = mix(h ^ year)
    if y % 100 < 3 and measure == "EMP_LOC_NR":
        return None, None, True
    flag = "e" if y % 100 < 5 else ("p" if year == LAST_YEAR and y % 100 < 12 else None)
    return value, flag, False


def write_data(path, years, scale):
    first = LAST_YEAR - years + 1
    parts = regions(scale)
    series = observations = 0
    tmp = path + ".part"
    with open(tmp, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                  '<!-- SYNTHETIC benchmark data from Scripts/gen_map_data.py: shapes of Eurostat sbs_r_nuts2021, '
                  'not Eurostat figures -->\n'
                  '<m:StructureSpecificData xmlns:m="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message" '
                  'xmlns:ss="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/structurespecific" '
                  'xmlns:ns1="urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure=ESTAT:SBS_R_NUTS2021(1.0):'
                  'ObsLevelDim:TIME_PERIOD" '
                  'xmlns:c="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common">\n'
                  '<m:Header><m:ID>BENCH_SBS_R_NUTS2021</m:ID><m:Test>true</m:Test>'
                  '<m:Prepared>2026-01-01T00:00:00</m:Prepared><m:Sender id="ESTAT"/>'
                  '<m:Structure structureID="ESTAT_SBS_R_NUTS2021_1_0" namespace="urn:sdmx:org.sdmx.infomodel.'
                  'datastructure.DataStructure=ESTAT:SBS_R_NUTS2021(1.0):ObsLevelDim:TIME_PERIOD" '
                  'dimensionAtObservation="TIME_PERIOD"><c:Structure><Ref agencyID="ESTAT" id="SBS_R_NUTS2021" '
                  'version="1.0"/></c:Structure></m:Structure></m:Header>\n'
                  '<m:DataSet ss:structureRef="ESTAT_SBS_R_NUTS2021_1_0" xsi:type="ns1:DataSetType" '
                  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n')

        def emit(nace, measure, geo, values):
            nonlocal series, observations
            rows = ['<Series freq="A" nace_r2="%s" indic_sbs="%s" geo="%s">' % (nace, measure, geo)]
            for year, (value, flag, confidential) in values:
                if confidential:
                    rows.append('<Obs TIME_PERIOD="%d" OBS_VALUE="NaN" CONF_STATUS="C"/>' % year)
                elif flag:
                    rows.append('<Obs TIME_PERIOD="%d" OBS_VALUE="%d" OBS_FLAG="%s"/>' % (year, value, flag))
                else:
                    rows.append('<Obs TIME_PERIOD="%d" OBS_VALUE="%d"/>' % (year, value))
            rows.append("</Series>\n")
            out.write("".join(rows))
            series += 1
            observations += len(values)

        index = 0
        for country, codes in parts:
            national = {}
            for geo in codes:
                index += 1
                for measure in MEASURES:
                    totals = {}
                    for d, nace in enumerate(DIVISIONS):
                        values = []
                        for year in range(first, LAST_YEAR + 1):
                            entry = cell(index, d, year, measure)
                            values.append((year, entry))
                            # The true value of a confidential cell still counts in the totals.
                            true_value = entry[0] if entry[0] is not None else cell(index, d, year, "TRUE")[0]
                            totals[year] = totals.get(year, 0) + true_value
                            key = (nace, measure, year)
                            national[key] = national.get(key, 0) + true_value
                        emit(nace, measure, geo, values)
                    other = 1 + mix(index) % 5000  # activities outside the published divisions
                    values = []
                    for year in range(first, LAST_YEAR + 1):
                        value = totals[year] + other
                        national[(TOTAL, measure, year)] = national.get((TOTAL, measure, year), 0) + value
                        values.append((year, (value, None, False)))
                    emit(TOTAL, measure, geo, values)
            for measure in MEASURES:
                for nace in DIVISIONS + [TOTAL]:
                    values = [(year, (national[(nace, measure, year)], None, False))
                              for year in range(first, LAST_YEAR + 1)]
                    emit(nace, measure, country, values)
        out.write("</m:DataSet>\n</m:StructureSpecificData>\n")
    os.replace(tmp, path)
    return observations, series


def write_clusters(path, categories):
    """Every category of the category file x every EU-27 NUTS 2 region, as a cluster file."""
    entries = []
    with open(categories, encoding="utf-8") as f:
        for line in f:
            if line.startswith("  - id: "):
                entries.append({"id": line.split(":", 1)[1].strip()})
            elif line.startswith("    name: ") or line.startswith("    sectors: "):
                key, value = line.strip().split(":", 1)
                entries[-1][key] = value.strip()
    tmp = path + ".part"
    with open(tmp, "w", encoding="utf-8") as out:
        out.write("# Every category of %s in every EU-27 NUTS 2 region (Scripts/gen_map_data.py).\n"
                  "clusters:\n" % os.path.basename(categories))
        for country, codes in regions(1):
            for geo in codes:
                for entry in entries:
                    out.write("  - {id: %s-%s, name: \"%s, %s\", regions: [%s], sectors: %s, reference: %s}\n"
                              % (geo.lower(), entry["id"], entry["name"], geo, geo, entry["sectors"], country))
    os.replace(tmp, path)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("kind", choices=["data", "clusters"])
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--categories")
    parser.add_argument("--meta")
    args = parser.parse_args()
    if args.kind == "clusters":
        if not args.categories:
            parser.error("clusters needs --categories")
        write_clusters(args.output, args.categories)
        return 0
    observations, series = write_data(args.output, args.years, args.scale)
    if args.meta:
        with open(__file__, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        with open(args.meta, "w", encoding="utf-8") as f:
            f.write("%d %d %d %s\n" % (observations, series, os.path.getsize(args.output), digest))
    print("%d observations in %d series" % (observations, series), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
