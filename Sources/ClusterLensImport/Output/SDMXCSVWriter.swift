public import ClusterLensCore
internal import ClusterLensSupport

/// Writes observations as SDMX-CSV 1.0: `DATAFLOW`, the dimensions, `OBS_VALUE` (and any further
/// measures), then the attributes; one row per observation, in document order.
///
/// - `DATAFLOW` is `AGENCY:ID(VERSION)` when the message says so, else the structure id.
/// - `OBS_VALUE` is the lexical value as in the file; an absent value is an empty field (so is an
///   empty one); `NaN` and `#N/A` stay as written.
/// - Attributes are resolved to the observation: its own, else its series', group's or data set's.
///   A multi-valued attribute's values are joined with `;`.
///
/// Column order: with a data structure, its dimensions (time last), measures and attributes in
/// its order. Without one, series-key dimensions in order of first appearance, then the
/// observation-level dimensions (`TIME_PERIOD`, or the cross-sectional dimension), then measures,
/// then attributes, each in order of first appearance. Columns only ever join the end of their
/// group, so a row written earlier is widened by adding empty fields: the first 10 000 rows are
/// held back in memory until the header is written, and a column first seen after that makes the
/// writer re-lay out the file once at the end, reading back what it wrote. The file appears only
/// when ``finish()`` succeeds.
///
/// Reading through ``SDMXDataReader`` takes a fast path: observations arrive as raw UTF-8 bytes
/// and go to the file without a `String` or an allocation per observation.
public final class SDMXCSVWriter: SDMXDataSink, RawObservationSink {
    /// The column groups, in output order.
    enum Group: Int {
        case keyDimensions = 0, observationDimensions, measures, attributes
        static let count = 4
    }

    /// A column: its group and its index within the group.
    struct ColumnRef {
        static let unresolved = ColumnRef(group: 254, index: 0)
        static let skipped = ColumnRef(group: 255, index: 0)
        var group: UInt8
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
        var counts: [Int]
    }

    @exclusivity(unchecked) private var output: OutputFile
    private let destination: String?
    @exclusivity(unchecked) private var columns: [[String]] = [[], [], ["OBS_VALUE"], []]
    /// Each group's column index by id (a look-up per component must not be a linear search: an
    /// observation with 120,000 attributes took 18 s).
    @exclusivity(unchecked) private var columnIndex: [[String: Int32]] = [[:], [:], ["OBS_VALUE": 0], [:]]
    @exclusivity(unchecked) private var epochs: [Epoch] = []
    private let pendingBytes = ByteStorage(capacity: 1 << 16)
    /// For each held-back row, where groups 0, 1 and 2 end and where the row ends (byte offsets
    /// into ``pendingBytes`` of the comma or line feed that follows).
    @exclusivity(unchecked) private var pendingBounds: [Int32] = []
    @exclusivity(unchecked) private var headerWritten = false
    @exclusivity(unchecked) private var rows = 0
    @exclusivity(unchecked) private var dataflowField: [UInt8] = []
    /// Per slot of the current data set: its column (manual storage: read once per value).
    @exclusivity(unchecked) private var slotColumns: UnsafeMutablePointer<ColumnRef> = .allocate(capacity: 64)
    @exclusivity(unchecked) private var slotCount = 0
    @exclusivity(unchecked) private var slotCapacity = 64
    @exclusivity(unchecked) private var slotDefinitions: [(group: Group, id: String)] = []
    @exclusivity(unchecked) private var lastSeries: Series?
    private let seriesBytes = ByteStorage(capacity: 1024)
    @exclusivity(unchecked) private var seriesFields: [Field] = []
    private let scratchBytes = ByteStorage(capacity: 1024)
    @exclusivity(unchecked) private var cells: UnsafeMutablePointer<Cell> = .allocate(capacity: 64)
    /// The current series' cells, copied into ``cells`` at the start of each row.
    @exclusivity(unchecked) private var template: UnsafeMutablePointer<Cell> = .allocate(capacity: 64)
    @exclusivity(unchecked) private var cellCapacity = 64
    /// Where each group starts in the row, and (last) the row's column count.
    @exclusivity(unchecked) private var groupOffsets: (Int, Int, Int, Int, Int) = (0, 0, 0, 1, 1)
    /// Whether ``template`` holds the current series under the current columns.
    @exclusivity(unchecked) private var templateValid = false
    /// The row's first bytes, the same for every observation of the series: `DATAFLOW` and the
    /// leading columns no observation value can land in (usually the series key).
    private let prefix = ByteStorage(capacity: 256)
    /// How many columns ``prefix`` covers.
    @exclusivity(unchecked) private var prefixColumns = 0
    /// Whether ``prefix`` may cover columns (the raw path, whose value columns are known in advance).
    @exclusivity(unchecked) private var prefixAllowed = false
    @exclusivity(unchecked) private var maximumBytes = 0
    @exclusivity(unchecked) private var templateBytes = 0
    /// How many rows are held back before the header is written.
    public static let holdBackRows = 10_000

    /// Creates a writer to `destination` (a path; `nil` or `-` for standard output).
    public init(destination: String?) throws {
        self.destination = destination
        self.output = try OutputFile(destination: destination)
    }

    deinit {
        cells.deallocate()
        template.deallocate()
        slotColumns.deallocate()
    }

    /// The number of data rows written.
    public var rowsWritten: Int { rows }

    public func beginDataset(_ header: DatasetHeader) throws {
        dataflowField.removeAll(keepingCapacity: true)
        CSVField.append(header.dataflowLabel, to: &dataflowField)
        lastSeries = nil
        slotCount = 0
        slotDefinitions.removeAll()
        if let structure = header.dataStructure {
            for id in structure.dimensionIDs { _ = column(.keyDimensions, id) }
            for measure in structure.measures { _ = column(.measures, measure.id) }
            for attribute in structure.attributes { _ = column(.attributes, attribute.id) }
        }
    }

    func defineSlot(_ index: Int, slot: ComponentSlot) throws {
        while slotCount <= index {
            if slotCount == slotCapacity {
                let larger = UnsafeMutablePointer<ColumnRef>.allocate(capacity: slotCapacity * 2)
                larger.update(from: slotColumns, count: slotCount)
                slotColumns.deallocate()
                slotColumns = larger
                slotCapacity *= 2
            }
            slotColumns[slotCount] = .skipped
            slotCount += 1
            slotDefinitions.append((.attributes, ""))
        }
        guard !slot.isMetadata else { return }
        let group: Group
        switch slot.role {
        case .dimension: group = .observationDimensions
        case .measure: group = .measures
        case .attribute: group = .attributes
        }
        // The column is created when a value first uses it, not when the reader learns the name.
        slotDefinitions[index] = (group, slot.id)
        slotColumns[index] = .unresolved
    }

    func rawObservation(_ buffer: ObservationBuffer, series: Series, period: TimePeriod?) throws {
        try rawObservation(components: buffer.all, bytes: buffer.bytes.base, series: series)
    }

    /// One observation whose component ranges point into `bytes` (the fast path, also used to
    /// replay observations batched by ``PipelinedSink``).
    func rawObservation(components: UnsafeBufferPointer<RawComponent>, bytes: UnsafePointer<UInt8>, series: Series)
        throws
    {
        prepareSeries(series)
        let slots = slotColumns
        for component in components where slots[Int(component.slot)].group == ColumnRef.unresolved.group {
            let definition = slotDefinitions[Int(component.slot)]
            slots[Int(component.slot)] = column(definition.group, definition.id)
            templateValid = false  // the prefix may no longer reach that far
        }
        beginRow(allowPrefix: true)
        for component in components {
            let column = slots[Int(component.slot)]
            if column.group < 4 { place(column, source: 2, start: component.start, count: component.count) }
        }
        try finishRow(observationBytes: bytes)
    }

    public func observation(_ observation: Observation) throws {
        prepareSeries(observation.series)
        scratchBytes.removeAll()
        var fields: [Field] = []
        func add(_ group: Group, _ id: String, _ value: String) {
            let start = scratchBytes.count
            scratchBytes.append(value)
            fields.append(
                Field(column: column(group, id), start: Int32(start), count: Int32(scratchBytes.count - start)))
        }
        for dimension in observation.dimensions { add(.observationDimensions, dimension.id, dimension.value) }
        if let value = observation.value.lexical { add(.measures, "OBS_VALUE", value) }
        for measure in observation.otherMeasures { add(.measures, measure.id, measure.value) }
        for attribute in observation.attributes { add(.attributes, attribute.id, Self.joined(attribute)) }
        beginRow(allowPrefix: false)
        for field in fields { place(field.column, source: 2, start: field.start, count: field.count) }
        try finishRow(observationBytes: scratchBytes.base)
    }

    /// Writes the header and rows, re-lays out the file if columns appeared late, and moves it into place.
    public func finish() throws {
        if !headerWritten { try writeHeaderAndPending() }
        if epochs.count > 1 { try relayoutFile() }
        try output.commit()
    }

    // MARK: Columns

    /// The column of `id` in `group`, created at the end of the group when new. A dimension is
    /// looked up in both dimension groups, so a structure's time dimension keeps its place.
    private func column(_ group: Group, _ id: String) -> ColumnRef {
        if group == .observationDimensions || group == .keyDimensions {
            if let index = find(id, in: 0) { return ColumnRef(group: 0, index: index) }
            if let index = find(id, in: 1) { return ColumnRef(group: 1, index: index) }
        } else if let index = find(id, in: group.rawValue) {
            return ColumnRef(group: UInt8(group.rawValue), index: index)
        }
        columnIndex[group.rawValue][id] = Int32(columns[group.rawValue].count)
        columns[group.rawValue].append(id)
        epochs.append(Epoch(firstRow: rows, counts: columns.map(\.count)))
        templateValid = false
        let counts = epochs[epochs.count - 1].counts
        groupOffsets = (0, counts[0], counts[0] + counts[1], counts[0] + counts[1] + counts[2], counts.reduce(0, +))
        return ColumnRef(group: UInt8(group.rawValue), index: Int32(columns[group.rawValue].count - 1))
    }

    /// The index of column `id` in group `group`: a linear search of a short group (cheaper than
    /// hashing the id, on the per-observation path of generic data), the index of a long one.
    @inline(__always)
    private func find(_ id: String, in group: Int) -> Int32? {
        if columns[group].count <= 32 { return columns[group].firstIndex(of: id).map { Int32($0) } }
        return columnIndex[group][id]
    }

    private static func joined(_ attribute: AttributeValue) -> String {
        attribute.additionalValues.isEmpty ? attribute.value : attribute.values.joined(separator: ";")
    }

    /// Caches the series' key and attribute values as fields, once per series.
    @inline(__always)
    private func prepareSeries(_ series: Series) {
        if series === lastSeries { return }
        lastSeries = series
        templateValid = false
        seriesBytes.removeAll()
        seriesFields.removeAll(keepingCapacity: true)
        var escaped: [UInt8] = []
        func add(_ column: ColumnRef, _ value: String) {
            // Series values are stored CSV-escaped, once per series, and copied as they are per row.
            let start = seriesBytes.count
            escaped.removeAll(keepingCapacity: true)
            CSVField.append(value, to: &escaped)
            seriesBytes.append(contentsOf: escaped)
            seriesFields.append(Field(column: column, start: Int32(start), count: Int32(seriesBytes.count - start)))
        }
        for value in series.key.values { add(column(.keyDimensions, value.id), value.value) }
        for attribute in series.attributes { add(column(.attributes, attribute.id), Self.joined(attribute)) }
    }

    // MARK: Writing

    /// Starts a row from the series' template (rebuilt when the series or the columns change).
    @inline(__always)
    private func beginRow(allowPrefix: Bool) {
        let total = groupOffsets.4
        if !templateValid || prefixAllowed != allowPrefix {
            if total > cellCapacity {
                cells.deallocate()
                template.deallocate()
                cellCapacity = total * 2
                cells = .allocate(capacity: cellCapacity)
                template = .allocate(capacity: cellCapacity)
            }
            template.update(repeating: Cell(source: 0, start: 0, count: 0), count: total)
            var bytes = 0
            for field in seriesFields {
                template[offset(of: field.column)] = Cell(source: 1, start: field.start, count: field.count)
                bytes += 2 * Int(field.count) + 2
            }
            templateBytes = bytes
            templateValid = true
            buildPrefix(allowed: allowPrefix)
        }
        cells.update(from: template, count: total)
        maximumBytes = dataflowField.count + total + 1 + templateBytes
    }

    /// Builds ``prefix``: `DATAFLOW` and the series' cells up to the first column a value may fill.
    private func buildPrefix(allowed: Bool) {
        prefixAllowed = allowed
        var limit = 0
        if allowed {
            limit = groupOffsets.1
            for index in 0..<slotCount where slotColumns[index].group < 4 {
                limit = min(limit, offset(of: slotColumns[index]))
            }
        }
        prefixColumns = limit
        prefix.removeAll()
        prefix.append(contentsOf: dataflowField)
        for index in 0..<limit {
            prefix.append(0x2C)
            let cell = template[index]
            if cell.source == 1 { prefix.append(seriesBytes.slice(Int(cell.start), Int(cell.count))) }
        }
    }

    @inline(__always)
    private func offset(of column: ColumnRef) -> Int {
        let base: Int
        switch column.group {
        case 0: base = 0
        case 1: base = groupOffsets.1
        case 2: base = groupOffsets.2
        default: base = groupOffsets.3
        }
        return base + Int(column.index)
    }

    @inline(__always)
    private func place(_ column: ColumnRef, source: UInt8, start: Int32, count: Int32) {
        cells[offset(of: column)] = Cell(source: source, start: start, count: count)
        maximumBytes += 2 * Int(count) + 2
    }

    /// Writes the assembled row, to the file or (before the header) to the held-back rows.
    @inline(__always)
    private func finishRow(observationBytes: UnsafePointer<UInt8>) throws {
        rows += 1
        let total = groupOffsets.4
        let target = headerWritten ? output.storage : pendingBytes
        target.reserve(maximumBytes)
        let start = target.base + target.count
        var cursor = start
        ByteStorage.copy(prefix.base, to: cursor, count: prefix.count)
        cursor += prefix.count
        let seriesBase = seriesBytes.base
        let observationBase = observationBytes
        let row = cells
        // Held-back rows also record where each column group ends, to be widened later.
        let recording = !headerWritten
        for index in prefixColumns..<total {
            if recording { recordGroupEnds(at: index, offset: cursor - target.base) }
            cursor.pointee = 0x2C
            cursor += 1
            let cell = row[index]
            if cell.source == 1 {
                ByteStorage.copy(seriesBase + Int(cell.start), to: cursor, count: Int(cell.count))
                cursor += Int(cell.count)
            } else if cell.source == 2 {
                let source = observationBase + Int(cell.start)
                cursor = CSVField.write(UnsafeBufferPointer(start: source, count: Int(cell.count)), at: cursor)
            }
        }
        if recording {
            recordGroupEnds(at: total, offset: cursor - target.base)
            pendingBounds.append(Int32(cursor - target.base))
        }
        cursor.pointee = 0x0A
        cursor += 1
        target.count = cursor - target.base
        if headerWritten {
            try output.flushIfNeeded()
        } else if rows >= Self.holdBackRows {
            try writeHeaderAndPending()
        }
    }

    /// Records `offset` once for every column group (other than the first) that starts at `column`.
    private func recordGroupEnds(at column: Int, offset: Int) {
        if groupOffsets.1 == column { pendingBounds.append(Int32(offset)) }
        if groupOffsets.2 == column { pendingBounds.append(Int32(offset)) }
        if groupOffsets.3 == column { pendingBounds.append(Int32(offset)) }
    }

    private func writeHeader(to file: OutputFile) {
        file.withBuffer { buffer in
            buffer.append(contentsOf: "DATAFLOW".utf8)
            for name in columns.joined() {
                buffer.append(0x2C)
                CSVField.append(name, to: &buffer)
            }
            buffer.append(0x0A)
        }
    }

    /// The epoch in force at `row`, advancing `index` through ``epochs``.
    private func epoch(at row: Int, _ index: inout Int) -> Epoch {
        while index + 1 < epochs.count && epochs[index + 1].firstRow <= row { index += 1 }
        return epochs.isEmpty ? Epoch(firstRow: 0, counts: columns.map(\.count)) : epochs[index]
    }

    /// Writes the header with every column seen so far, then the held-back rows laid out to it.
    private func writeHeaderAndPending() throws {
        writeHeader(to: output)
        headerWritten = true
        var epochIndex = 0
        var rowStart = 0
        for row in 0..<(pendingBounds.count / Group.count) {
            // Copy each group of the row and add an empty field per column that joined it later.
            let counts = epoch(at: row, &epochIndex).counts
            let storage = output.storage
            var segmentStart = rowStart
            for group in 0..<Group.count {
                let segmentEnd = Int(pendingBounds[row * Group.count + group])
                storage.append(pendingBytes.slice(segmentStart, segmentEnd - segmentStart))
                for _ in counts[group]..<columns[group].count { storage.append(0x2C) }
                segmentStart = segmentEnd
            }
            storage.append(0x0A)
            rowStart = segmentStart + 1
            try output.flushIfNeeded()
        }
        pendingBytes.removeAll()
        pendingBounds = []
        epochs = [Epoch(firstRow: 0, counts: columns.map(\.count))]
    }

    /// Rewrites the file so that every row has the final columns (columns appeared after the header).
    private func relayoutFile() throws {
        try output.flush()
        try output.drain()
        let reader = try CSVRecordReader(path: output.temporaryPath)
        let rewritten = try OutputFile(destination: destination)
        writeHeader(to: rewritten)
        _ = reader.next()  // the old header
        var row = 0
        var epochIndex = 0
        while let fields = reader.next() {
            let counts = epoch(at: row, &epochIndex).counts
            rewritten.withBuffer { buffer in
                CSVField.append(fields.first ?? "", to: &buffer)
                var cursor = 1
                for group in 0..<Group.count {
                    for index in 0..<columns[group].count {
                        buffer.append(0x2C)
                        if index < counts[group] && cursor + index < fields.count {
                            CSVField.append(fields[cursor + index], to: &buffer)
                        }
                    }
                    cursor += counts[group]
                }
                buffer.append(0x0A)
            }
            try rewritten.flushIfNeeded()
            row += 1
        }
        output = rewritten
        epochs = [Epoch(firstRow: 0, counts: columns.map(\.count))]
    }
}
