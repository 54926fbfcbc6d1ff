public import ClusterLensCore

/// Writes observations as SDMX-CSV 1.0: `DATAFLOW`, the dimensions, `OBS_VALUE` (and any further
/// measures), then the attributes; one row per observation, in document order.
///
/// - `DATAFLOW` is `AGENCY:ID(VERSION)` when the message says so, else the structure id.
/// - `OBS_VALUE` is the lexical value as in the file; an absent value is an empty field (so is an
///   empty one); `NaN` and `#N/A` stay as written.
/// - Attributes are resolved to the observation: its own, else its series', group's or data set's.
///   A multi-valued attribute's values are joined with `;`.
///
/// Columns come from the data structure when one is known, else from what the data holds, in order
/// of first appearance. The first 10 000 rows are held back so that the header can take in every
/// column they use; a column first seen later makes the writer re-lay out the file once at the end
/// (reading back the rows it wrote). The file appears only when ``finish()`` succeeds.
public final class SDMXCSVWriter: SDMXDataSink {
    private struct Epoch {
        var firstRow: Int
        var dimensions: Int
        var measures: Int
        var attributes: Int
    }

    private struct PendingRow {
        var dataflow: String
        var dimensions: [String?]
        var measures: [String?]
        var attributes: [String?]
    }

    private var output: OutputFile
    private let destination: String?
    private var dimensions: [String] = []
    private var measures: [String] = ["OBS_VALUE"]
    private var attributes: [String] = []
    private var epochs: [Epoch] = []
    private var pending: [PendingRow] = []
    private var headerWritten = false
    private var rows = 0
    private var dataflow = ""
    private var dataflowField: [UInt8] = []
    /// How many rows are held back before the header is written.
    public static let holdBackRows = 10_000

    // Per-row scratch, reused.
    private var rowDimensions: [String?] = []
    private var rowMeasures: [String?] = []
    private var rowAttributes: [String?] = []
    private weak var lastSeries: Series?
    private var seriesDimensionColumns: [(column: Int, value: String)] = []
    private var seriesAttributeColumns: [(column: Int, value: String)] = []

    /// Creates a writer to `destination` (a path; `nil` or `-` for standard output).
    public init(destination: String?) throws {
        self.destination = destination
        self.output = try OutputFile(destination: destination)
    }

    /// The number of data rows written.
    public var rowCount: Int { rows }

    public func beginDataset(_ header: DatasetHeader) throws {
        dataflow = header.dataflowLabel
        dataflowField.removeAll(keepingCapacity: true)
        CSVField.append(dataflow, to: &dataflowField)
        lastSeries = nil
        if let structure = header.dataStructure {
            for id in structure.dimensionIDs { _ = column(dimension: id) }
            for measure in structure.measures { _ = column(measure: measure.id) }
            for attribute in structure.attributes { _ = column(attribute: attribute.id) }
        }
    }

    public func observation(_ observation: Observation) throws {
        let series = observation.series
        if series !== lastSeries {
            lastSeries = series
            seriesDimensionColumns = series.key.values.map { (column(dimension: $0.id), $0.value) }
            seriesAttributeColumns = series.attributes.map { (column(attribute: $0.id), Self.joined($0)) }
        }
        resetRow()
        for entry in seriesDimensionColumns { rowDimensions[entry.column] = entry.value }
        for entry in seriesAttributeColumns { rowAttributes[entry.column] = entry.value }
        for dimension in observation.dimensions {
            let index = column(dimension: dimension.id)
            if index >= rowDimensions.count { growRow() }
            rowDimensions[index] = dimension.value
        }
        rowMeasures[0] = observation.value.lexical
        for measure in observation.otherMeasures {
            let index = column(measure: measure.id)
            if index >= rowMeasures.count { growRow() }
            rowMeasures[index] = measure.value
        }
        for attribute in observation.attributes {
            let index = column(attribute: attribute.id)
            if index >= rowAttributes.count { growRow() }
            rowAttributes[index] = attribute.additionalValues.isEmpty ? attribute.value : Self.joined(attribute)
        }
        rows += 1
        if headerWritten {
            try writeRow(dataflowField: dataflowField, rowDimensions, rowMeasures, rowAttributes)
        } else {
            pending.append(PendingRow(dataflow: dataflow, dimensions: rowDimensions, measures: rowMeasures, attributes: rowAttributes))
            if pending.count >= Self.holdBackRows { try writeHeaderAndPending() }
        }
    }

    /// Writes the header and rows, re-lays out the file if columns appeared late, and moves it into place.
    public func finish() throws {
        if !headerWritten { try writeHeaderAndPending() }
        if let first = epochs.first, epochs.count > 1 || first.dimensions != dimensions.count
            || first.measures != measures.count || first.attributes != attributes.count
        {
            try relayout()
        }
        try output.commit()
    }

    // MARK: Columns

    private func column(dimension id: String) -> Int {
        if let index = dimensions.firstIndex(of: id) { return index }
        dimensions.append(id)
        columnsChanged()
        return dimensions.count - 1
    }

    private func column(measure id: String) -> Int {
        if let index = measures.firstIndex(of: id) { return index }
        measures.append(id)
        columnsChanged()
        return measures.count - 1
    }

    private func column(attribute id: String) -> Int {
        if let index = attributes.firstIndex(of: id) { return index }
        attributes.append(id)
        columnsChanged()
        return attributes.count - 1
    }

    private func columnsChanged() {
        guard headerWritten else { return }
        epochs.append(Epoch(firstRow: rows, dimensions: dimensions.count, measures: measures.count, attributes: attributes.count))
    }

    private func resetRow() {
        if rowDimensions.count != dimensions.count || rowMeasures.count != measures.count
            || rowAttributes.count != attributes.count
        {
            growRow()
        }
        for index in rowDimensions.indices { rowDimensions[index] = nil }
        for index in rowMeasures.indices { rowMeasures[index] = nil }
        for index in rowAttributes.indices { rowAttributes[index] = nil }
    }

    private func growRow() {
        while rowDimensions.count < dimensions.count { rowDimensions.append(nil) }
        while rowMeasures.count < measures.count { rowMeasures.append(nil) }
        while rowAttributes.count < attributes.count { rowAttributes.append(nil) }
    }

    private static func joined(_ attribute: AttributeValue) -> String {
        attribute.additionalValues.isEmpty ? attribute.value : attribute.values.joined(separator: ";")
    }

    // MARK: Writing

    private func writeHeader(to file: OutputFile) throws {
        file.withBuffer { buffer in
            buffer.append(contentsOf: "DATAFLOW".utf8)
            for name in dimensions + measures + attributes {
                buffer.append(0x2C)
                CSVField.append(name, to: &buffer)
            }
            buffer.append(0x0A)
        }
    }

    private func writeHeaderAndPending() throws {
        try writeHeader(to: output)
        headerWritten = true
        epochs.append(Epoch(firstRow: 0, dimensions: dimensions.count, measures: measures.count, attributes: attributes.count))
        var field: [UInt8] = []
        for row in pending {
            field.removeAll(keepingCapacity: true)
            CSVField.append(row.dataflow, to: &field)
            try writeRow(dataflowField: field, row.dimensions, row.measures, row.attributes)
        }
        pending.removeAll()
    }

    @inline(__always)
    private func writeRow(dataflowField: [UInt8], _ dims: [String?], _ values: [String?], _ attrs: [String?]) throws {
        let dimensionCount = dimensions.count
        let measureCount = measures.count
        let attributeCount = attributes.count
        output.withBuffer { buffer in
            buffer.append(contentsOf: dataflowField)
            for index in 0..<dimensionCount {
                buffer.append(0x2C)
                if index < dims.count, let value = dims[index] { CSVField.append(value, to: &buffer) }
            }
            for index in 0..<measureCount {
                buffer.append(0x2C)
                if index < values.count, let value = values[index] { CSVField.append(value, to: &buffer) }
            }
            for index in 0..<attributeCount {
                buffer.append(0x2C)
                if index < attrs.count, let value = attrs[index] { CSVField.append(value, to: &buffer) }
            }
            buffer.append(0x0A)
        }
        try output.flushIfNeeded()
    }

    /// Rewrites the file so that every row has the final columns: rows written under an earlier,
    /// narrower layout get empty fields for the columns that came later.
    private func relayout() throws {
        try output.flush()
        let reader = try CSVRecordReader(path: output.temporaryPath)
        let rewritten = try OutputFile(destination: destination)
        try writeHeader(to: rewritten)
        _ = reader.next()  // the old header
        var row = 0
        var epochIndex = 0
        while let fields = reader.next() {
            while epochIndex + 1 < epochs.count && epochs[epochIndex + 1].firstRow <= row { epochIndex += 1 }
            let epoch = epochs[epochIndex]
            var cursor = 1
            func take(_ count: Int, padTo total: Int) -> [String?] {
                var result: [String?] = []
                for _ in 0..<count {
                    result.append(cursor < fields.count ? fields[cursor] : nil)
                    cursor += 1
                }
                while result.count < total { result.append(nil) }
                return result
            }
            let dims = take(epoch.dimensions, padTo: dimensions.count)
            let values = take(epoch.measures, padTo: measures.count)
            let attrs = take(epoch.attributes, padTo: attributes.count)
            rewritten.withBuffer { buffer in
                CSVField.append(fields.first ?? "", to: &buffer)
                for value in dims + values + attrs {
                    buffer.append(0x2C)
                    if let value { CSVField.append(value, to: &buffer) }
                }
                buffer.append(0x0A)
            }
            try rewritten.flushIfNeeded()
            row += 1
        }
        output = rewritten
    }
}
