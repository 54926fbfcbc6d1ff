public import ClusterLensCore
internal import ClusterLensSupport

/// Writes observations as one JSON document, streaming.
///
/// ```json
/// {"files": [{"file": "…", "datasets": [{"dataflow": "ESTAT:X(1.0)", "dimensionAtObservation": "TIME_PERIOD",
///   "attributes": {"TITLE": "…"},
///   "observations": [{"series": {"FREQ": "A", …}, "dimensions": {"TIME_PERIOD": "2021"},
///     "value": "12.5", "number": 12.5, "valueKind": "numeric", "attributes": {"OBS_STATUS": "p"}}]}],
///   "version": "2.1", "message": "StructureSpecificData", "footer": []}]}
/// ```
/// `value` is the lexical value (`null` when absent), `number` is `null` unless the value is a
/// number, `valueKind` is one of `numeric`, `absent`, `empty`, `missingMarker`, `text`.
/// `attributes` holds the attributes resolved to the observation (its own, its series', group's and
/// data set's); a multi-valued attribute is an array. The file appears only when ``finish()`` succeeds.
public final class ObservationJSONWriter: SDMXDataSink {
    private let output: OutputFile
    private var filesWritten = 0
    private var datasetsInFile = 0
    private var observationsInDataset = 0
    private var inDataset = false
    private var scratch: [UInt8] = []

    /// Creates a writer to `destination` (a path; `nil` or `-` for standard output).
    public init(destination: String?) throws {
        output = try OutputFile(destination: destination)
        try output.write("{\"files\":[")
    }

    /// Starts the entry of one input file.
    public func beginFile(_ path: String) throws {
        scratch.removeAll(keepingCapacity: true)
        if filesWritten > 0 { scratch.append(0x2C) }
        scratch.append(contentsOf: "\n{\"file\":".utf8)
        JSONText.appendString(path, to: &scratch)
        scratch.append(contentsOf: ",\"datasets\":[".utf8)
        try output.write(scratch)
        datasetsInFile = 0
    }

    /// Ends the entry of one input file with what the reader found besides observations.
    public func endFile(_ summary: DataMessageSummary) throws {
        if inDataset { try endDataset() }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: "],\"version\":".utf8)
        JSONText.appendString(summary.version.rawValue, to: &scratch)
        scratch.append(contentsOf: ",\"message\":".utf8)
        JSONText.appendString(summary.messageType, to: &scratch)
        scratch.append(contentsOf: ",\"footer\":[".utf8)
        for (index, note) in summary.footer.enumerated() {
            if index > 0 { scratch.append(0x2C) }
            JSONText.appendString(note.description, to: &scratch)
        }
        scratch.append(contentsOf: "]}".utf8)
        try output.write(scratch)
        filesWritten += 1
    }

    public func beginDataset(_ header: DatasetHeader) throws {
        scratch.removeAll(keepingCapacity: true)
        if datasetsInFile > 0 { scratch.append(0x2C) }
        scratch.append(contentsOf: "\n{\"dataflow\":".utf8)
        JSONText.appendString(header.dataflowLabel, to: &scratch)
        scratch.append(contentsOf: ",\"dimensionAtObservation\":".utf8)
        JSONText.appendString(header.dimensionAtObservation, to: &scratch)
        scratch.append(contentsOf: ",\"attributes\":".utf8)
        appendAttributes(header.attributes, to: &scratch)
        scratch.append(contentsOf: ",\"observations\":[".utf8)
        try output.write(scratch)
        datasetsInFile += 1
        observationsInDataset = 0
        inDataset = true
    }

    public func observation(_ observation: Observation) throws {
        try output.withBuffer { buffer in
            if observationsInDataset > 0 { buffer.append(0x2C) }
            buffer.append(contentsOf: "\n{\"series\":{".utf8)
            appendPairs(observation.series.key.values, to: &buffer)
            buffer.append(contentsOf: "},\"dimensions\":{".utf8)
            appendPairs(observation.dimensions, to: &buffer)
            buffer.append(contentsOf: "},\"value\":".utf8)
            if let lexical = observation.value.lexical {
                JSONText.appendString(lexical, to: &buffer)
            } else {
                buffer.append(contentsOf: "null".utf8)
            }
            buffer.append(contentsOf: ",\"number\":".utf8)
            if let number = observation.value.number, number.isFinite {
                buffer.append(contentsOf: "\(number)".utf8)
            } else {
                buffer.append(contentsOf: "null".utf8)
            }
            buffer.append(contentsOf: ",\"valueKind\":\"".utf8)
            buffer.append(contentsOf: DataInspector.name(of: observation.value.kind).utf8)
            buffer.append(0x22)
            if !observation.otherMeasures.isEmpty {
                buffer.append(contentsOf: ",\"measures\":{".utf8)
                appendPairs(observation.otherMeasures, to: &buffer)
                buffer.append(0x7D)
            }
            buffer.append(contentsOf: ",\"attributes\":".utf8)
            appendAttributes(observation.resolvedAttributes, to: &buffer)
            buffer.append(0x7D)
            try output.flushIfNeeded()
        }
        observationsInDataset += 1
    }

    public func endDataset() throws {
        try output.write("]}")
        inDataset = false
    }

    /// Closes the document and moves it into place.
    public func finish() throws {
        try output.write("\n]}\n")
        try output.commit()
    }

    private func appendPairs(_ pairs: [ComponentValue], to buffer: inout [UInt8]) {
        for (index, pair) in pairs.enumerated() {
            if index > 0 { buffer.append(0x2C) }
            JSONText.appendString(pair.id, to: &buffer)
            buffer.append(0x3A)
            JSONText.appendString(pair.value, to: &buffer)
        }
    }

    private func appendAttributes(_ attributes: [AttributeValue], to buffer: inout [UInt8]) {
        buffer.append(0x7B)
        for (index, attribute) in attributes.enumerated() {
            if index > 0 { buffer.append(0x2C) }
            JSONText.appendString(attribute.id, to: &buffer)
            buffer.append(0x3A)
            if attribute.additionalValues.isEmpty {
                JSONText.appendString(attribute.value, to: &buffer)
            } else {
                buffer.append(0x5B)
                for (position, value) in attribute.values.enumerated() {
                    if position > 0 { buffer.append(0x2C) }
                    JSONText.appendString(value, to: &buffer)
                }
                buffer.append(0x5D)
            }
        }
        buffer.append(0x7D)
    }
}
