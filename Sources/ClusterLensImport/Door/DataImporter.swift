public import ClusterLensCore
internal import ClusterLensSupport

/// The importer door: reads a statistics file of any format ClusterLens knows — SDMX-ML data
/// messages of every version, SDMX-CSV, tidy CSV — into observation records, the format found from
/// the content (``InputFormat``).
///
/// Every reader of data goes through here (the observation store, `compute`, `report`, `batch`) or
/// through its parts (`inspect` and `convert` sniff with ``InputFormat`` and apply
/// ``SDMXMessageKind/requireDataMessage(file:)`` and ``DataMessageSummary/requireData()``, and read CSV
/// tables through here), so a file is accepted or refused the same way everywhere: an SDMX error
/// message or a footer-only message is an error, a structure message is not data, and
/// what the readers notice (a `structureRef` that does not match, a footer note, records without a
/// period) goes to the diagnostics channel.
public struct DataImporter: Sendable {
    /// Which dimension is the time (and the region and sector), per dataflow.
    public var roles: DimensionRoles
    /// Structures for reading structure-specific SDMX-ML exactly (optional).
    public var structures: StructureCollection?

    /// Creates an importer.
    public init(roles: DimensionRoles = .standard, structures: StructureCollection? = nil) {
        self.roles = roles
        self.structures = structures
    }

    /// Reads `path` into `sink`.
    ///
    /// The file is parsed once, streaming: memory does not grow with the file. Its SHA-256 (which goes
    /// into every value's provenance) is worked out on another core meanwhile, and handed to the sink
    /// at the end.
    ///
    /// - Parameters:
    ///   - path: The file.
    ///   - dataflow: The dataflow to file the observations under; required for a tidy CSV without a
    ///     `dataflow` column, and overrides what an SDMX file says when given.
    ///   - sink: Receives the source, then every record.
    ///   - diagnostics: Receives what the readers notice; `nil` to drop it.
    /// - Returns: What was read.
    /// - Throws: ``ImportError`` naming the file (and line): unreadable, empty, not data, malformed, or
    ///   whatever the sink threw, wrapped with it as the underlying error.
    @discardableResult
    public func read(
        file path: String, dataflow: String? = nil, into sink: some ObservationRecordSink,
        diagnostics: Diagnostics? = nil
    ) throws(ImportError) -> ImportSummary {
        let format = try InputFormat.sniff(file: path)
        let digest = BackgroundFileDigest(path: path)
        defer { digest.stop() }
        /// The file named with its SHA-256, handed to the sink.
        func identified(_ format: DataSource.Format) throws -> DataSource {
            let sha256: String
            do {
                sha256 = try digest.value()
            } catch {
                throw ImportError(.unreadable, error.message, file: path, underlying: error)
            }
            let source = DataSource(path: path, sha256: sha256, format: format)
            try sink.end(source)
            return source
        }
        let explicit = dataflow.map(DataflowID.normalised)
        do {
            switch format {
            case .sdmxML(let kind):
                try kind.requireDataMessage(file: path)
                try sink.begin(file: path, format: .sdmxML)
                let adapter = SDMXRecordAdapter(sink: sink, roles: roles, explicitDataflow: explicit, path: path)
                let summary = try SDMXDataReader(structures: structures).read(file: path, into: adapter)
                try summary.requireData()
                let source = try identified(.sdmxML)
                diagnostics?.report(summary.diagnostics)
                return finish(
                    ImportSummary(
                        source: source, dataflows: adapter.dataflows.sorted(), observations: adapter.records,
                        skipped: adapter.skipped), firstSkippedLine: nil, diagnostics: diagnostics)
            case .sdmxCSV, .tidyCSV:
                let tabular: DataSource.Format = format == .sdmxCSV ? .sdmxCSV : .tidyCSV
                try sink.begin(file: path, format: tabular)
                let reader = TabularDataReader(roles: roles, explicitDataflow: explicit, path: path)
                let result = try reader.read(sdmx: format == .sdmxCSV, into: sink)
                let source = try identified(tabular)
                return finish(
                    ImportSummary(
                        source: source, dataflows: result.dataflows.sorted(), observations: result.records,
                        skipped: result.skipped, timeDimensions: result.timeColumns),
                    firstSkippedLine: result.firstSkippedLine, diagnostics: diagnostics)
            case .memberSurvey:
                throw ImportError(
                    .malformedCSV,
                    "a member survey (firm_id, employees, …), not statistics: name it with `members:` in the cluster "
                        + "definition", file: path, line: 1)
            }
        } catch let error as ImportError {
            throw error
        } catch {
            throw ImportError(.unreadable, "cannot import the file: \(error)", file: path, underlying: error)
        }
    }

    private func finish(_ summary: ImportSummary, firstSkippedLine: Int?, diagnostics: Diagnostics?) -> ImportSummary {
        if summary.skipped > 0 {
            diagnostics?.report(
                .warning(
                    .import, code: "no-period",
                    "\(summary.skipped) observation(s) without a time period that parses were left out",
                    location: InputLocation(file: summary.source.path, line: firstSkippedLine ?? 0)))
        }
        if summary.observations == 0 {
            diagnostics?.report(
                .warning(
                    .import, code: "no-observations", "the file holds no observations",
                    location: InputLocation(file: summary.source.path)))
        }
        return summary
    }
}

/// What ``DataImporter/read(file:dataflow:into:diagnostics:)`` read from one file.
public struct ImportSummary: Sendable, Hashable {
    /// The file, its SHA-256 and its format.
    public var source: DataSource
    /// The normalised ids of the dataflows the file held, sorted.
    public var dataflows: [String]
    /// The observations handed on.
    public var observations: Int
    /// The observations left out because their period was missing or did not parse.
    public var skipped: Int
    /// The column each CSV table's time was read from (one per dataflow where the roles differ), in order
    /// of first use; empty for SDMX-ML data, whose observations carry their period.
    public var timeDimensions: [String]

    /// Creates a summary.
    public init(
        source: DataSource, dataflows: [String], observations: Int, skipped: Int, timeDimensions: [String] = []
    ) {
        self.source = source
        self.dataflows = dataflows
        self.observations = observations
        self.skipped = skipped
        self.timeDimensions = timeDimensions
    }
}
