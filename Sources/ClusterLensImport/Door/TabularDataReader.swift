internal import ClusterLensCore
internal import ClusterLensSupport

/// Reads SDMX-CSV (1.0 and 2.0) and tidy CSV tables into observation records.
///
/// - SDMX-CSV: the header starts with `DATAFLOW` (1.0) or `STRUCTURE` and `STRUCTURE_ID` (2.0); the
///   dimensions are the columns before `OBS_VALUE` (time excepted), the status attributes are kept,
///   the other attributes are ignored.
/// - Tidy CSV: a value column (`value` or `OBS_VALUE`), a time column (see
///   ``ClusterLensCore/DimensionRoles``), optional flag columns (`flag`, `flags`, `OBS_FLAG`,
///   `OBS_STATUS`, `CONF_STATUS`), an optional `dataflow` (or `STRUCTURE_ID`) column; the SDMX
///   attribute columns of ``ComponentClassifier/knownAttributeIDs`` (`UNIT_MULT`, `DECIMALS`, …) are
///   ignored and every other column is a dimension. Column names are compared case-insensitively.
///
/// Values `NaN`, empty, `:` and the other markers of ``ClusterLensCore/ObservationValue/missingMarkers``
/// are missing, never zero. A record whose period does not parse is skipped and counted.
struct TabularDataReader {
    /// Which column is the time, per dataflow.
    let roles: DimensionRoles
    /// The dataflow given by the caller (normalised), for files without a dataflow column.
    let explicitDataflow: String?
    /// The file, for errors.
    let path: String

    /// The layout of a CSV file: which column is what.
    private struct Layout {
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

    /// Reads every record into `sink`.
    ///
    /// - Returns: The dataflows read, the time columns (in order of first use), the records handed on and
    ///   the records skipped for want of a period (with the line of the first).
    func read(sdmx: Bool, into sink: some ObservationRecordSink) throws -> (
        dataflows: Set<String>, timeColumns: [String], records: Int, skipped: Int, firstSkippedLine: Int?
    ) {
        let reader: CSVRecordReader
        do {
            reader = try CSVRecordReader(path: path)
        } catch {
            throw ImportError(.unreadable, error.message, file: path, underlying: error)
        }
        guard let header = reader.next() else { throw ImportError(.empty, "the file is empty", file: path) }
        let columns = header.enumerated().map { index, name in
            (index == 0 && name.hasPrefix("\u{FEFF}") ? String(name.dropFirst()) : name).trimmingSpaces()
        }
        let layout = try Self.layout(of: columns, sdmx: sdmx, path: path)
        if layout.dataflowColumn == nil && explicitDataflow == nil {
            throw ImportError(
                .malformedCSV,
                "the file has no dataflow column: add one, or name the dataflow when loading (--dataflow)",
                file: path, line: 1)
        }
        var timeColumns: [String: Int] = [:]
        var timeColumnNames: [String] = []
        var dataflows: Set<String> = []
        var records = 0
        var skipped = 0
        var firstSkippedLine: Int?
        while let csvRecord = reader.nextRecord() {
            let fields = csvRecord.fields
            let line = csvRecord.line  // a quoted field may span lines: the record's own first line
            if fields.count == 1 && fields[0].trimmingSpaces().isEmpty { continue }
            guard fields.count == columns.count else {
                throw ImportError(
                    .malformedCSV, "the record has \(fields.count) fields, the header \(columns.count)", file: path,
                    line: line)
            }
            let named = layout.dataflowColumn.map { fields[$0] } ?? ""
            let dataflow = explicitDataflow ?? DataflowID.normalised(named)
            guard !dataflow.isEmpty else {
                throw ImportError(.malformedCSV, "the record names no dataflow", file: path, line: line)
            }
            let timeColumn: Int
            if let known = timeColumns[dataflow] {
                timeColumn = known
            } else {
                timeColumn = try self.timeColumn(dataflow: dataflow, columns: columns, layout: layout)
                timeColumns[dataflow] = timeColumn
                if !timeColumnNames.contains(columns[timeColumn]) { timeColumnNames.append(columns[timeColumn]) }
            }
            guard let period = try? TimePeriod(fields[timeColumn].trimmingSpaces()) else {
                skipped += 1
                firstSkippedLine = firstSkippedLine ?? line
                continue
            }
            let key = layout.dimensionColumns.compactMap { column in
                column == timeColumn ? nil : ComponentValue(id: columns[column], value: fields[column].trimmingSpaces())
            }
            let status = layout.statusColumns.compactMap { entry in
                let code = fields[entry.column].trimmingSpaces()
                return code.isEmpty ? nil : ComponentValue(id: entry.id, value: code)
            }
            let value = ObservationValue(lexical: fields[layout.valueColumn].trimmingSpaces())
            try sink.record(
                ObservationRecord(
                    dataflow: dataflow, key: key, period: period, value: value, status: status, line: line))
            dataflows.insert(dataflow)
            records += 1
        }
        return (dataflows, timeColumnNames, records, skipped, firstSkippedLine)
    }

    /// The column of the time dimension of `dataflow`.
    private func timeColumn(dataflow: String, columns: [String], layout: Layout) throws(ImportError) -> Int {
        let names = layout.dimensionColumns.map { columns[$0] }
        guard let id = roles.dimension(for: .time, among: names, dataflow: dataflow),
            let index = layout.dimensionColumns.first(where: { columns[$0] == id })
        else {
            throw ImportError(
                .malformedCSV,
                "no time column: expected one of "
                    + roles.candidates(for: .time, dataflow: dataflow).joined(separator: ", "),
                file: path, line: 1)
        }
        return index
    }

    /// Classifies the columns of a CSV header.
    private static func layout(of columns: [String], sdmx: Bool, path: String) throws(ImportError) -> Layout {
        let folded = columns.map { $0.lowercased() }
        let valueNames: Set<String> = sdmx ? ["obs_value"] : tidyValueNames
        guard let valueColumn = folded.firstIndex(where: { valueNames.contains($0) }) else {
            throw ImportError(
                .malformedCSV, "no value column: expected " + (sdmx ? "OBS_VALUE" : "value or OBS_VALUE"), file: path,
                line: 1)
        }
        var layout = Layout(valueColumn: valueColumn)
        for (index, name) in folded.enumerated() where index != valueColumn {
            let upper = name.uppercased()
            if sdmx {
                if index == 0 && (upper == "DATAFLOW" || upper == "STRUCTURE") {
                    if upper == "DATAFLOW" { layout.dataflowColumn = index }
                } else if upper == "STRUCTURE_ID" {
                    layout.dataflowColumn = index
                } else if upper == "ACTION" && index <= 2 {
                    continue
                } else if StatusAttributes.ids.contains(upper) {
                    layout.statusColumns.append((index, upper))
                } else if index < valueColumn {
                    layout.dimensionColumns.append(index)
                }
            } else if tidyDataflowNames.contains(name) {
                layout.dataflowColumn = index
            } else if let id = tidyFlagNames[name] {
                layout.statusColumns.append((index, id))
            } else if StatusAttributes.ids.contains(upper) {
                layout.statusColumns.append((index, upper))
            } else if !ComponentClassifier.knownAttributeIDs.contains(upper) {
                layout.dimensionColumns.append(index)
            }
        }
        return layout
    }
}
