public import ClusterLensCore

/// The sum of a cluster's cells read from the observation store: a number or missing with the reason,
/// the union of its inputs' flags, and where it came from.
public struct AggregatedValue: Sendable, Equatable, CustomStringConvertible {
    /// The number or the missing reason, with the flags of every input used.
    public var value: FormulaValue
    /// The sources, series keys and periods used.
    public var provenance: ValueProvenance

    /// Creates a value.
    public init(value: FormulaValue, provenance: ValueProvenance) {
        self.value = value
        self.provenance = provenance
    }

    /// The number, `nil` when missing.
    public var number: Double? { value.number }
    /// Why the value is missing, `nil` when present.
    public var missingReason: String? { value.missingReason }
    /// The status flags of the inputs (`e`, `p`, `c`, …).
    public var flags: Set<String> { value.flags }
    /// Whether the value is missing.
    public var isMissing: Bool { value.isMissing }

    /// The value and flags, as ``FormulaValue`` prints them.
    public var description: String { value.description }
}

/// Where an aggregated value came from.
public struct ValueProvenance: Sendable, Equatable {
    /// The normalised dataflow id.
    public var dataflow: String
    /// The observations the value was computed from: the cells added up and, for a missing result, the
    /// missing cells that made it missing. Sorted by cell.
    public var inputs: [StoredObservation]
    /// The cells added up (sector and region), each counted once.
    public var cells: [ClusterDefinition.Cell]
    /// Missing cells that did not make the result missing, because an available cell overlapping them
    /// (a coarser code containing them, or finer codes inside them) was added up instead, each with
    /// the reason it was missing.
    public var coveredMissing: [String]
    /// Sectors of the cluster for which the dataflow holds no observation at all in the period: the
    /// value covers the other sectors only and is flagged `incomplete` (a cluster sector with no data
    /// is never silently dropped).
    public var absentSectors: [NACECode] = []

    /// Creates a provenance record.
    public init(
        dataflow: String, inputs: [StoredObservation] = [], cells: [ClusterDefinition.Cell] = [],
        coveredMissing: [String] = []
    ) {
        self.dataflow = dataflow
        self.inputs = inputs
        self.cells = cells
        self.coveredMissing = coveredMissing
    }

    /// The distinct files of the inputs, in input order.
    public var sources: [DataSource] { inputs.map(\.source).distinct() }

    /// The distinct series keys of the inputs, sorted (see ``StoredObservation/seriesKey``).
    public var seriesKeys: [String] { inputs.map(\.seriesKey).distinct().sorted() }

    /// The distinct periods of the inputs, sorted.
    public var periods: [TimePeriod] { inputs.map(\.period).distinct().sorted() }
}

extension Array where Element: Hashable {
    /// The elements, each once, in first-seen order (a linear scan for the few inputs of most values,
    /// a set beyond). Inlinable, so that every module gets it specialised for its element type (the
    /// generic version looks up metadata on every call).
    @inlinable package func distinct() -> [Element] {
        if count <= 16 {
            var result: [Element] = []
            for element in self where !result.contains(element) { result.append(element) }
            return result
        }
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
