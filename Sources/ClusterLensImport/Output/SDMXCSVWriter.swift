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
/// of first appearance within each group (dimensions, measures, attributes). The first 10 000 rows
/// are held back in memory so that the header can take in every column they use; a column first
/// seen later makes the writer re-lay out the file once at the end, reading back what it wrote.
/// The file appears only when ``finish()`` succeeds.
///
/// Reading through ``SDMXDataReader`` takes a fast path: observations arrive as raw UTF-8 bytes
/// and go to the file without a `String` or an allocation per observation.
public final class SDMXCSVWriter: SDMXDataSink, RawObservationSink {
    /// A column: its group and its index within the group.
    struct ColumnRef {
        static let skipped = ColumnRef(group: 255, index: 0)
        var group: UInt8  // 0 dimensions, 1 measures, 2 attributes, 255 not written
        var index: Int32
    }

    /// A field of the series cache: its column and where its bytes are.
    struct Field {
        var column: ColumnRef
        var start: Int32
        var count: Int32
    }

    /// A cell of the row being assembled: which buffer holds it (0 none, 1 series, 2 observation) and where.
    struct Cell {
        var source: UInt8
        var start: Int32
        var count: Int32
    }

    /// Column counts per group from some row on.
    struct Epoch {
        var firstRow: Int
        var dimensions: Int
        var measures: Int
        var attributes: Int
    }

    @exclusivity(unchecked) private var output: OutputFile
    private let destination: String?
    @exclusivity(unchecked) private var dimensions: [String] = []
    @exclusivity(unchecked) private var measures: [String] = ["OBS_VALUE"]
    @exclusivity(unchecked) private var attributes: [String] = []
    @exclusivity(unchecked) private var epochs: [Epoch] = []
    private let pendingBytes = ByteStorage(capacity: 1 << 16)
    /// For each held-back row: where its dimensions end, its measures end and the row ends (byte
    /// offsets into ``pendingBytes``, the comma or line feed that follows), and the epoch it was written in.
    @exclusivity(unchecked) private var pendingRows: [(dimensionsEnd: Int32, measuresEnd: Int32, end: Int32)] = []
    @exclusivity(unchecked) private var headerWritten = false
    @exclusivity(unchecked) private var rows = 0
    @exclusivity(unchecked) private var dataflowField: [UInt8] = []
    @exclusivity(unchecked) private var slotColumns: [ColumnRef] = []
    @exclusivity(unchecked) private var lastSeries: Series?
    private let seriesBytes = ByteStorage(capacity: 1024)
    @exclusivity(unchecked) private var seriesFields: [Field] = []
    private let scratchBytes = ByteStorage(capacity: 1024)
    @exclusivity(unchecked) private var cells: UnsafeMutablePointer<Cell> = .allocate(capacity: 64)
    @exclusivity(unchecked) private var cellCapacity = 64
    @exclusivity(unchecked) private var maximumBytes = 0
    /// How many rows are held back before the header is written.
    public static let holdBackRows = 10_000

    /// Creates a writer to `destination` (a path; `nil` or `-` for standard output).
    public init(destination: String?) throws {
        self.destination = destination
        self.output = try OutputFile(destination: destination)
    }

    deinit {
        cells.deallocate()
    }

    /// The number of data rows written.
    public var rowsWritten: Int { rows }

    public func beginDataset(_ header: DatasetHeader) throws {
        dataflowField.removeAll(keepingCapacity: true)
        CSVField.append(header.dataflowLabel, to: &dataflowField)
        lastSeries = nil
        slotColumns.removeAll()
        if let structure = header.dataStructure {
            for id in structure.dimensionIDs { _ = column(group: 0, id: id) }
            for measure in structure.measures { _ = column(group: 1, id: measure.id) }
            for attribute in structure.attributes { _ = column(group: 2, id: attribute.id) }
        }
    }

    func defineSlot(_ index: Int, slot: ComponentSlot) throws {
        while slotColumns.count <= index { slotColumns.append(.skipped) }
        guard !slot.isMetadata else { return }
        switch slot.role {
        case .dimension: slotColumns[index] = column(group: 0, id: slot.id)
        case .measure: slotColumns[index] = column(group: 1, id: slot.id)
        case .attribute: slotColumns[index] = column(group: 2, id: slot.id)
        }
    }

    func rawObservation(_ buffer: ObservationBuffer, series: Series) throws {
        prepareSeries(series)
        let offsets = beginRow()
        for component in buffer.all {
            let column = slotColumns[Int(component.slot)]
            if column.group != 255 { place(column, offsets, source: 2, start: component.start, count: component.count) }
        }
        try finishRow(offsets.total, observationBytes: buffer.bytes)
    }

    public func observation(_ observation: Observation) throws {
        prepareSeries(observation.series)
        scratchBytes.removeAll()
        var fields: [Field] = []
        func add(_ group: UInt8, _ id: String, _ value: String) {
            let start = scratchBytes.count
            scratchBytes.append(value)
            fields.append(Field(column: column(group: group, id: id), start: Int32(start), count: Int32(scratchBytes.count - start)))
        }
        for dimension in observation.dimensions { add(0, dimension.id, dimension.value) }
        if let value = observation.value.lexical { add(1, "OBS_VALUE", value) }
        for measure in observation.otherMeasures { add(1, measure.id, measure.value) }
        for attribute in observation.attributes { add(2, attribute.id, Self.joined(attribute)) }
        let offsets = beginRow()
        for field in fields { place(field.column, offsets, source: 2, start: field.start, count: field.count) }
        try finishRow(offsets.total, observationBytes: scratchBytes)
    }

    /// Writes the header and rows, re-lays out the file if columns appeared late, and moves it into place.
    public func finish() throws {
        if !headerWritten { try writeHeaderAndPending() }
        if epochs.count > 1 { try relayoutFile() }
        try output.commit()
    }

    // MARK: Columns

    private func column(group: UInt8, id: String) -> ColumnRef {
        let index: Int
        switch group {
        case 0: index = Self.position(of: id, in: &dimensions)
        case 1: index = Self.position(of: id, in: &measures)
        default: index = Self.position(of: id, in: &attributes)
        }
        let current = currentEpoch
        if current.dimensions != dimensions.count || current.measures != measures.count
            || current.attributes != attributes.count
        {
            epochs.append(Epoch(firstRow: rows, dimensions: dimensions.count, measures: measures.count, attributes: attributes.count))
        }
        return ColumnRef(group: group, index: Int32(index))
    }

    private var currentEpoch: Epoch {
        epochs.last ?? Epoch(firstRow: 0, dimensions: 0, measures: 0, attributes: 0)
    }

    private static func position(of id: String, in list: inout [String]) -> Int {
        if let index = list.firstIndex(of: id) { return index }
        list.append(id)
        return list.count - 1
    }

    private static func joined(_ attribute: AttributeValue) -> String {
        attribute.additionalValues.isEmpty ? attribute.value : attribute.values.joined(separator: ";")
    }

    /// Caches the series' key and attribute values as fields, once per series.
    @inline(__always)
    private func prepareSeries(_ series: Series) {
        if series === lastSeries { return }
        lastSeries = series
        seriesBytes.removeAll()
        seriesFields.removeAll(keepingCapacity: true)
        func add(_ column: ColumnRef, _ value: String) {
            let start = seriesBytes.count
            seriesBytes.append(value)
            seriesFields.append(Field(column: column, start: Int32(start), count: Int32(seriesBytes.count - start)))
        }
        for value in series.key.values { add(column(group: 0, id: value.id), value.value) }
        for attribute in series.attributes { add(column(group: 2, id: attribute.id), Self.joined(attribute)) }
    }

    // MARK: Writing

    /// Clears the row (sized to the current columns) and places the series' cells.
    @inline(__always)
    private func beginRow() -> (measures: Int, attributes: Int, total: Int) {
        let measureOffset = dimensions.count
        let attributeOffset = measureOffset + measures.count
        let total = attributeOffset + attributes.count
        if total > cellCapacity {
            cells.deallocate()
            cellCapacity = total * 2
            cells = .allocate(capacity: cellCapacity)
        }
        cells.update(repeating: Cell(source: 0, start: 0, count: 0), count: total)
        maximumBytes = dataflowField.count + total + 1
        let offsets = (measures: measureOffset, attributes: attributeOffset, total: total)
        for field in seriesFields { place(field.column, offsets, source: 1, start: field.start, count: field.count) }
        return offsets
    }

    @inline(__always)
    private func place(
        _ column: ColumnRef, _ offsets: (measures: Int, attributes: Int, total: Int), source: UInt8, start: Int32,
        count: Int32
    ) {
        let base = column.group == 0 ? 0 : (column.group == 1 ? offsets.measures : offsets.attributes)
        cells[base + Int(column.index)] = Cell(source: source, start: start, count: count)
        maximumBytes += 2 * Int(count) + 2
    }

    /// Writes the assembled row, to the file or (before the header) to the held-back rows.
    @inline(__always)
    private func finishRow(_ total: Int, observationBytes: ByteStorage) throws {
        rows += 1
        let target = headerWritten ? output.storage : pendingBytes
        target.reserve(maximumBytes)
        var cursor = target.base + target.count
        dataflowField.withUnsafeBufferPointer { field in
            if let source = field.baseAddress {
                cursor.update(from: source, count: field.count)
                cursor += field.count
            }
        }
        var dimensionsEnd = cursor
        var measuresEnd = cursor
        let dimensionCount = dimensions.count
        let measuresLimit = dimensionCount + measures.count
        for index in 0..<total {
            if index == dimensionCount { dimensionsEnd = cursor }
            if index == measuresLimit { measuresEnd = cursor }
            cursor.pointee = 0x2C
            cursor += 1
            let cell = cells[index]
            if cell.source == 0 { continue }
            let source = cell.source == 1 ? seriesBytes : observationBytes
            cursor = CSVField.write(source.slice(Int(cell.start), Int(cell.count)), at: cursor)
        }
        if measuresLimit == total { measuresEnd = cursor }
        cursor.pointee = 0x0A
        if !headerWritten {
            pendingRows.append(
                (Int32(dimensionsEnd - target.base), Int32(measuresEnd - target.base), Int32(cursor - target.base)))
        }
        cursor += 1
        target.count = cursor - target.base
        if headerWritten {
            try output.flushIfNeeded()
        } else if rows >= Self.holdBackRows {
            try writeHeaderAndPending()
        }
    }

    private func writeHeader(to file: OutputFile) {
        file.withBuffer { buffer in
            buffer.append(contentsOf: "DATAFLOW".utf8)
            for name in dimensions + measures + attributes {
                buffer.append(0x2C)
                CSVField.append(name, to: &buffer)
            }
            buffer.append(0x0A)
        }
    }

    /// Writes the header with every column seen so far, then the held-back rows laid out to it.
    private func writeHeaderAndPending() throws {
        writeHeader(to: output)
        headerWritten = true
        if epochs.count > 1 {
            // Widen each held-back row group by group: copy its dimensions, measures and attributes
            // and add an empty field for every column that appeared after it was written.
            var epochIndex = 0
            var rowStart = 0
            for (row, bounds) in pendingRows.enumerated() {
                while epochIndex + 1 < epochs.count && epochs[epochIndex + 1].firstRow <= row { epochIndex += 1 }
                let epoch = epochs[epochIndex]
                let storage = output.storage
                storage.append(pendingBytes.slice(rowStart, Int(bounds.dimensionsEnd) - rowStart))
                for _ in epoch.dimensions..<dimensions.count { storage.append(0x2C) }
                storage.append(pendingBytes.slice(Int(bounds.dimensionsEnd), Int(bounds.measuresEnd - bounds.dimensionsEnd)))
                for _ in epoch.measures..<measures.count { storage.append(0x2C) }
                storage.append(pendingBytes.slice(Int(bounds.measuresEnd), Int(bounds.end - bounds.measuresEnd)))
                for _ in epoch.attributes..<attributes.count { storage.append(0x2C) }
                storage.append(0x0A)
                rowStart = Int(bounds.end) + 1
                try output.flushIfNeeded()
            }
        } else {
            output.storage.append(pendingBytes.buffer)
            try output.flushIfNeeded()
        }
        pendingBytes.removeAll()
        pendingRows = []
        epochs = [Epoch(firstRow: 0, dimensions: dimensions.count, measures: measures.count, attributes: attributes.count)]
    }

    /// Writes one record of an earlier, narrower layout under the final layout.
    private func relayout(_ fields: [String], from epoch: Epoch, into buffer: inout [UInt8]) {
        CSVField.append(fields.first ?? "", to: &buffer)
        var cursor = 1
        for (count, total) in [(epoch.dimensions, dimensions.count), (epoch.measures, measures.count), (epoch.attributes, attributes.count)] {
            for index in 0..<total {
                buffer.append(0x2C)
                if index < count && cursor + index < fields.count { CSVField.append(fields[cursor + index], to: &buffer) }
            }
            cursor += count
        }
        buffer.append(0x0A)
    }

    /// Rewrites the file so that every row has the final columns (columns appeared after the header).
    private func relayoutFile() throws {
        try output.flush()
        let reader = try CSVRecordReader(path: output.temporaryPath)
        let rewritten = try OutputFile(destination: destination)
        writeHeader(to: rewritten)
        _ = reader.next()  // the old header
        var row = 0
        var epochIndex = 0
        while let fields = reader.next() {
            while epochIndex + 1 < epochs.count && epochs[epochIndex + 1].firstRow <= row { epochIndex += 1 }
            rewritten.withBuffer { relayout(fields, from: epochs[epochIndex], into: &$0) }
            try rewritten.flushIfNeeded()
            row += 1
        }
        output = rewritten
        epochs = [Epoch(firstRow: 0, dimensions: dimensions.count, measures: measures.count, attributes: attributes.count)]
    }
}
