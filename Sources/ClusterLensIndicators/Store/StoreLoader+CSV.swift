import ClusterLensCore
import ClusterLensImport

extension StoreLoader {
    /// The layout of a CSV file: which column is what.
    private struct CSVLayout {
        var dataflowColumn: Int?
        var valueColumn: Int
        var dimensionColumns: [Int] = []
        /// Status columns and the attribute id each stands for (`flag` is `OBS_FLAG`).
        var statusColumns: [(column: Int, id: String)] = []
    }

    /// Column names of a tidy CSV that hold the value, the flags and the dataflow (lower-cased).
    private static let tidyValueNames: Set<String> = ["value", "obs_value"]
    private static let tidyFlagNames: [String: String] = ["flag": "OBS_FLAG", "flags": "OBS_FLAG"]
    private static let tidyDataflowNames: Set<String> = ["dataflow", "structure_id"]

    /// Reads an SDMX-CSV or tidy CSV file whose header is `columns`.
    mutating func readCSV(_ reader: CSVRecordReader, columns: [String], path: String) throws(IndicatorsError) {
        let layout = try Self.layout(of: columns, sdmx: source.format == .sdmxCSV, path: path)
        if layout.dataflowColumn == nil && explicitDataflow == nil {
            throw IndicatorsError(
                .unreadable, "the file has no dataflow column: pass the dataflow when loading", file: path, line: 1)
        }
        var timeColumns: [String: Int] = [:]
        while let csvRecord = reader.nextRecord() {
            let record = csvRecord.fields
            let line = csvRecord.line  // a quoted field may span lines: the record's own first line
            if record.count == 1 && record[0].trimmingSpaces().isEmpty { continue }
            guard record.count == columns.count else {
                throw IndicatorsError(
                    .unreadable, "the record has \(record.count) fields, the header \(columns.count)", file: path,
                    line: line)
            }
            let named = layout.dataflowColumn.map { record[$0] } ?? ""
            let dataflow = explicitDataflow ?? ObservationStore.normalisedDataflowID(named)
            guard !dataflow.isEmpty else {
                throw IndicatorsError(.unreadable, "the record names no dataflow", file: path, line: line)
            }
            let timeColumn: Int
            if let known = timeColumns[dataflow] {
                timeColumn = known
            } else {
                let names = layout.dimensionColumns.map { columns[$0] }
                guard let id = store.roles.dimension(for: .time, among: names, dataflow: dataflow),
                    let index = layout.dimensionColumns.first(where: { columns[$0] == id })
                else {
                    throw IndicatorsError(
                        .unreadable,
                        "no time column: expected one of "
                            + store.roles.candidates(for: .time, dataflow: dataflow).joined(separator: ", "),
                        file: path, line: 1)
                }
                timeColumn = index
                timeColumns[dataflow] = index
            }
            let key = layout.dimensionColumns.compactMap { column in
                column == timeColumn ? nil : ComponentValue(id: columns[column], value: record[column].trimmingSpaces())
            }
            let status = layout.statusColumns.compactMap { entry in
                let code = record[entry.column].trimmingSpaces()
                return code.isEmpty ? nil : ComponentValue(id: entry.id, value: code)
            }
            let value = ObservationValue(lexical: record[layout.valueColumn].trimmingSpaces())
            let period = try? TimePeriod(record[timeColumn].trimmingSpaces())
            add(dataflow: dataflow, key: key, period: period, value: value, status: status)
        }
    }

    /// Classifies the columns of a CSV header.
    private static func layout(of columns: [String], sdmx: Bool, path: String) throws(IndicatorsError) -> CSVLayout {
        let folded = columns.map { $0.lowercased() }
        let valueNames: Set<String> = sdmx ? ["obs_value"] : tidyValueNames
        guard let valueColumn = folded.firstIndex(where: { valueNames.contains($0) }) else {
            throw IndicatorsError(
                .unreadable, "no value column: expected " + (sdmx ? "OBS_VALUE" : "value or OBS_VALUE"), file: path,
                line: 1)
        }
        var layout = CSVLayout(valueColumn: valueColumn)
        for (index, name) in folded.enumerated() where index != valueColumn {
            let upper = name.uppercased()
            if sdmx {
                if index == 0 && (upper == "DATAFLOW" || upper == "STRUCTURE") {
                    if upper == "DATAFLOW" { layout.dataflowColumn = index }
                } else if upper == "STRUCTURE_ID" {
                    layout.dataflowColumn = index
                } else if upper == "ACTION" && index <= 2 {
                    continue
                } else if ObservationStore.statusAttributeIDs.contains(upper) {
                    layout.statusColumns.append((index, upper))
                } else if index < valueColumn {
                    layout.dimensionColumns.append(index)
                }
            } else if tidyDataflowNames.contains(name) {
                layout.dataflowColumn = index
            } else if let id = tidyFlagNames[name] {
                layout.statusColumns.append((index, id))
            } else if ObservationStore.statusAttributeIDs.contains(upper) {
                layout.statusColumns.append((index, upper))
            } else if !ComponentClassifier.knownAttributeIDs.contains(upper) {
                layout.dimensionColumns.append(index)
            }
        }
        return layout
    }
}
