internal import ClusterLensSupport

/// The `csv` form of a map: `NAME.csv`, one row per region and category, wide —
/// `region, region_name, country, category, category_name, approximation`, then for each indicator
/// `ID, ID_period, ID_flags, ID_reason` (value empty when missing, flags joined with `;`), then
/// `stars, mapping_class`; and `NAME-thresholds.csv`, one row per category with the percentiles its
/// stars and classes are measured against. Written row by row.
enum MapCSVWriter {
    static func write(_ map: ClusterMap, folder: String, name: String) throws(ReportError) -> [String] {
        let path = ReportOutputFile.path(folder, name, "csv")
        let thresholdsPath = ReportOutputFile.path(folder, name + "-thresholds", "csv")
        try ReportOutputFile.write(path) { output in
            var header = ["region", "region_name", "country", "category", "category_name", "approximation"]
            for indicator in map.indicators {
                header += [indicator.id, indicator.id + "_period", indicator.id + "_flags", indicator.id + "_reason"]
            }
            try row(header + ["stars", "mapping_class"], to: output)
            for entry in map.entries {
                let region = map.regions[entry.region]
                let category = map.categories[entry.category]
                var fields = [
                    region.code.code, region.name ?? "", region.country.code, category.id, category.name,
                    category.approximation ?? "",
                ]
                for value in entry.values {
                    fields += [
                        ReportText.number(value.value) ?? "", value.period?.lexical ?? "",
                        value.flags.map(\.rawValue).joined(separator: ";"), value.reason ?? "",
                    ]
                }
                fields += [entry.stars.map(String.init) ?? "", entry.mappingClass?.rawValue ?? ""]
                try row(fields, to: output)
            }
        }
        try ReportOutputFile.write(thresholdsPath) { output in
            try row(
                [
                    "category", "category_name", "regions_with_data", "employment_p90", "employment_p25", "focus_p90",
                    "quotient_p25", "quotient_p50", "quotient_p75", "quotient_p90", "local_units_p25",
                ], to: output)
            for (category, thresholds) in zip(map.categories, map.thresholds) {
                let numbers = thresholds.named.map { ReportText.number($0.value) ?? "" }
                try row([category.id, category.name, String(thresholds.regionsWithData)] + numbers, to: output)
            }
        }
        return [path, thresholdsPath]
    }

    private static func row(_ fields: [String], to output: OutputFile) throws {
        try CSVReportExporter.row(fields, to: output)
    }
}
