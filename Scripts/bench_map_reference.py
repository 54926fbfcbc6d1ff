#!/usr/bin/env python3
"""The analyst's alternative to `clusterlens map`, for Scripts/bench-map: the same five indicators
for every category in every NUTS 2 region, written with pandas and numpy.

Usage:
    bench_map_reference.py DATA.xml CATEGORIES.yaml OUT.csv

Reads an sbs_r_nuts2021 StructureSpecificData file (as Scripts/gen_map_data.py writes it) with the
standard library's streaming XML parser into a pandas DataFrame, then computes, per category and
region, as ClusterLens defines them (Indicators/*.yaml):
    employment          sum of the category's divisions (persons employed)
    location_quotient   (cluster / region total) / (country cluster / country total)
    cluster_focus       100 x cluster / region total
    employment_cagr     100 x ((cluster_t / cluster_t-5) ^ (1/5) - 1)
    average_unit_size   cluster employment / cluster local units
each for the latest year with a value. A confidential cell (NaN) makes the sum missing; a division
without any row is left out of the sum (ClusterLens flags such a value `incomplete`); a cluster with
no division present is missing. Writes `region,category,indicator,value,period`.

An independent computation: it shares no code with ClusterLens, so Scripts/bench-map compares the
two results value by value.
"""

import sys
import xml.etree.ElementTree as ET

import numpy as np
import pandas as pd
import yaml

TOTAL = "B-S_X_O_S94"


def read(path):
    rows = {"nace": [], "indic": [], "geo": [], "year": [], "value": []}
    attributes = {}
    for event, element in ET.iterparse(path, events=("start", "end")):
        tag = element.tag.rsplit("}", 1)[-1]
        if event == "start" and tag == "Series":
            attributes = element.attrib
        elif event == "end" and tag == "Obs":
            rows["nace"].append(attributes["nace_r2"])
            rows["indic"].append(attributes["indic_sbs"])
            rows["geo"].append(attributes["geo"])
            rows["year"].append(int(element.attrib["TIME_PERIOD"]))
            text = element.attrib.get("OBS_VALUE", "NaN")
            rows["value"].append(float("nan") if text == "NaN" else float(text))
            element.clear()
        elif event == "end" and tag == "Series":
            element.clear()
    return pd.DataFrame(rows)


def cube(frame, indic, geos, naces, years):
    """value[geo, nace, year] (NaN when missing) and present[geo, nace] (a row exists)."""
    part = frame[frame["indic"] == indic]
    g = pd.Categorical(part["geo"], categories=geos).codes
    n = pd.Categorical(part["nace"], categories=naces).codes
    y = part["year"].to_numpy() - years[0]
    keep = (g >= 0) & (n >= 0)
    values = np.full((len(geos), len(naces), len(years)), np.nan)
    values[g[keep], n[keep], y[keep]] = part["value"].to_numpy()[keep]
    present = np.zeros((len(geos), len(naces)), dtype=bool)
    present[g[keep], n[keep]] = True
    return values, present


def cluster_sum(values, present, columns):
    """Sum over the category's divisions: NaN if a present division is NaN or none is present."""
    if not columns:
        return np.full(values.shape[::2], np.nan)
    part = values[:, columns, :]
    seen = present[:, columns][:, :, None]
    missing = (seen & np.isnan(part)).any(axis=1) | ~seen.any(axis=1)
    total = np.where(seen, np.nan_to_num(part), 0).sum(axis=1)
    return np.where(missing, np.nan, total)


def latest(matrix, years, first_year):
    """Per row, the last column from first_year on with a value: (values, periods)."""
    values = np.full(matrix.shape[0], np.nan)
    periods = np.zeros(matrix.shape[0], dtype=int)
    for index in range(len(years)):
        if years[index] < first_year:
            continue
        column = matrix[:, index]
        ok = ~np.isnan(column)
        values[ok] = column[ok]
        periods[ok] = years[index]
    return values, periods


def main():
    data_path, categories_path, out_path = sys.argv[1:4]
    frame = read(data_path)
    with open(categories_path, encoding="utf-8") as f:
        categories = yaml.safe_load(f)["categories"]
    geos = sorted(frame["geo"].unique())
    regions = [g for g in geos if len(g) == 4 and not g.endswith("Z")]
    naces = sorted(frame["nace"].unique())
    years = list(range(frame["year"].min(), frame["year"].max() + 1))
    employment, present = cube(frame, "EMP_LOC_NR", geos, naces, years)
    units, units_present = cube(frame, "LOC_NR", geos, naces, years)
    region_rows = [geos.index(r) for r in regions]
    country_rows = [geos.index(r[:2]) for r in regions]
    total = naces.index(TOTAL)
    region_total = employment[region_rows, total, :]
    country_total = employment[country_rows, total, :]
    out = []
    for category in categories:
        columns = [naces.index(s) for s in category["sectors"] if s in naces]
        clusters = cluster_sum(employment, present, columns)
        cluster = clusters[region_rows]
        reference = clusters[country_rows]
        local_units = cluster_sum(units, units_present, columns)[region_rows]
        with np.errstate(divide="ignore", invalid="ignore"):
            lagged = np.full_like(cluster, np.nan)
            lagged[:, 5:] = cluster[:, :-5]
            formulas = {
                "employment": cluster,
                "location_quotient": (cluster / region_total) / (reference / country_total),
                "cluster_focus": 100 * cluster / region_total,
                "employment_cagr": 100 * ((cluster / lagged) ** (1 / 5) - 1),
                "average_unit_size": cluster / local_units,
            }
        for indicator, matrix in formulas.items():
            matrix = np.where(np.isfinite(matrix), matrix, np.nan)
            values, periods = latest(matrix, years, years[-1] - 9)
            for region, value, period in zip(regions, values, periods):
                if not np.isnan(value):
                    out.append((region, category["id"], indicator, value, period))
    pd.DataFrame(out, columns=["region", "category", "indicator", "value", "period"]).to_csv(
        out_path, index=False, float_format="%.17g")


if __name__ == "__main__":
    main()
