import ClusterLensCore
import ClusterLensImport

/// What `clusterlens inspect` reports about one file; `--json` prints it as one JSON object per line.
struct InspectRecord: Codable {
    struct Periods: Codable {
        var first: String?
        var last: String?
    }

    struct Note: Codable {
        var code: String
        var severity: String
        var text: String
    }

    struct StructureCounts: Codable {
        var codelists: Int
        var codes: Int
        var conceptSchemes: Int
        var concepts: Int
        var dataStructures: Int
        var dataflows: Int
    }

    var file: String
    /// The message type (root element), e.g. `StructureSpecificData`.
    var format: String
    var version: String
    /// `data`, `structure`, `error` or `other`.
    var kind: String
    var wrappers: [String] = []
    var structure: String?
    var datasets = 0
    var series = 0
    var groups = 0
    var observations = 0
    var dimensions: [DimensionUsage] = []
    var attributes: [String] = []
    var measures: [String] = []
    var timePeriods = Periods()
    var valueKinds: [String: Int] = [:]
    var footer: [Note] = []
    var errors: [Note] = []
    var skippedElements = 0
    var warnings: [String] = []
    var structures: StructureCounts?
    /// With `--codes`: every dimension's codes (empty for a message without data); `nil` otherwise.
    var codes: [InspectedDimension]?

    init(file: String, kind: SDMXMessageKind) {
        self.file = file
        self.format = kind.messageType
        self.version = kind.version.rawValue
        self.kind = kind.category.rawValue
    }

    /// A CSV table read through the importer door: `format` is `SDMX-CSV` or `tidy CSV`, `version`
    /// is empty, `structure` lists the dataflows.
    init(file: String, table summary: ImportSummary, series: Int) {
        self.file = file
        self.format = summary.source.format == .sdmxCSV ? "SDMX-CSV" : "tidy CSV"
        self.version = ""
        self.kind = SDMXMessageKind.Category.data.rawValue
        self.structure = summary.dataflows.isEmpty ? nil : summary.dataflows.joined(separator: ", ")
        self.series = series
        self.observations = summary.observations
    }

    /// What a ``RecordInspector`` learnt of a CSV table, and what the importer noticed (skipped records
    /// with the line of the first).
    mutating func add(_ inspection: DataInspection, diagnostics: [Diagnostic]) {
        dimensions = inspection.dimensions
        attributes = inspection.attributes
        measures = inspection.measures
        timePeriods = Periods(first: inspection.firstPeriod, last: inspection.lastPeriod)
        valueKinds = inspection.valueKinds
        warnings = diagnostics.map { diagnostic in
            let line = diagnostic.location?.line ?? 0
            return line > 0 ? "line \(line): \(diagnostic.message)" : diagnostic.message
        }
    }

    mutating func add(_ summary: DataMessageSummary, _ inspection: DataInspection) {
        wrappers = summary.wrappers
        let labels = summary.headerStructures.map(\.description) + inspection.dataflows
        structure = labels.first { !$0.isEmpty }
        datasets = summary.datasets
        series = summary.series
        groups = summary.groups
        observations = summary.observations
        dimensions = inspection.dimensions
        attributes = inspection.attributes
        measures = inspection.measures
        timePeriods = Periods(first: inspection.firstPeriod, last: inspection.lastPeriod)
        valueKinds = inspection.valueKinds
        footer = summary.footer.map(Self.note)
        errors = summary.errors.map(Self.note)
        skippedElements = summary.skippedElements
        warnings = summary.warnings
    }

    mutating func add(_ message: StructureMessage) {
        let collection = message.structures
        structures = StructureCounts(
            codelists: collection.codelists.count,
            codes: collection.codelists.reduce(0) { $0 + $1.codes.count },
            conceptSchemes: collection.conceptSchemes.count,
            concepts: collection.conceptSchemes.reduce(0) { $0 + $1.concepts.count },
            dataStructures: collection.dataStructures.count,
            dataflows: collection.dataflows.count)
        skippedElements = message.skippedElements
    }

    static func note(_ note: SDMXMessageNote) -> Note {
        Note(code: note.code, severity: note.severity, text: note.texts.map(\.text).joined(separator: " | "))
    }

    /// The human-readable form.
    var text: String {
        var lines = ["\(file)"]
        let isTable = version.isEmpty
        var format = isTable ? self.format : "\(self.format) (SDMX-ML \(version))"
        if !wrappers.isEmpty { format += " in \(wrappers.joined(separator: " / "))" }
        lines.append("  format          \(format)")
        if let structure { lines.append((isTable ? "  dataflows       " : "  structure       ") + structure) }
        if let structures {
            lines.append(
                "  structures      \(structures.codelists) codelists (\(structures.codes) codes), "
                    + "\(structures.conceptSchemes) concept schemes (\(structures.concepts) concepts), "
                    + "\(structures.dataStructures) data structures, \(structures.dataflows) dataflows")
        }
        if kind == "data" {
            if !isTable { lines.append("  datasets        \(datasets)") }
            lines.append("  series          \(series)")
            if groups > 0 { lines.append("  groups          \(groups)") }
            lines.append("  observations    \(observations)")
            if !dimensions.isEmpty {
                lines.append("  dimensions      " + dimensions.map { "\($0.id) (\($0.codes))" }.joined(separator: ", "))
            }
            if !attributes.isEmpty { lines.append("  attributes      " + attributes.joined(separator: ", ")) }
            if measures.count > 1 { lines.append("  measures        " + measures.joined(separator: ", ")) }
            if let first = timePeriods.first, let last = timePeriods.last {
                lines.append("  time periods    \(first) … \(last)")
            }
            let missing = (valueKinds["absent"] ?? 0) + (valueKinds["empty"] ?? 0) + (valueKinds["missingMarker"] ?? 0)
            if missing > 0 || valueKinds["text"] != nil {
                lines.append(
                    "  values          \(valueKinds["numeric"] ?? 0) numeric, \(missing) missing, \(valueKinds["text"] ?? 0) text"
                )
            }
        }
        for note in footer {
            lines.append(
                "  footer          [\(note.code)\(note.severity.isEmpty ? "" : " " + note.severity)] \(note.text)")
        }
        for note in errors { lines.append("  error message   [\(note.code)] \(note.text)") }
        if skippedElements > 0 { lines.append("  skipped         \(skippedElements) elements not modelled") }
        for warning in warnings { lines.append("  warning         \(warning)") }
        if let codes, !codes.isEmpty {
            lines.append("  codes           observations and names per code")
            let idWidth = codes.map(\.dimension.count).max() ?? 0
            for dimension in codes { lines += dimension.lines(idWidth: idWidth) }
        }
        return lines.joined(separator: "\n")
    }
}
