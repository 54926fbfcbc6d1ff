public import ClusterLensCore
internal import ClusterLensIndicators
internal import ClusterLensSupport
internal import Foundation
internal import Synchronization

/// Indicator values per cluster without a report — what `clusterlens compute` prints: the same
/// values, from the same importer door and engine, as a report's, with the same diagnostics.
public struct IndicatorComputation: Sendable {
    /// The clusters (given, or read from ``clustersFile``).
    public var clusters: [ClusterDefinition]
    /// A cluster definition file to read the clusters from, while the data load (a file of 12,000
    /// clusters takes as long to read as the data); its clusters come after ``clusters``.
    public var clustersFile: String?
    /// The data files (already expanded from folders and globs, see ``DataFiles``).
    public var dataFiles: [String]
    /// The dataflow of tidy CSV files that do not name one.
    public var dataflow: String?
    /// The indicator ids to compute; `nil` for every indicator of the catalogue.
    public var indicatorIDs: [String]?
    /// Which periods: the latest with a value, one period, or a range of years.
    public var periods: ReportDefinition.Periods
    /// Further indicator folders.
    public var indicatorFolders: [String]

    /// Describes a computation.
    public init(
        clusters: [ClusterDefinition], clustersFile: String? = nil, dataFiles: [String], dataflow: String? = nil,
        indicatorIDs: [String]? = nil, periods: ReportDefinition.Periods = .latest, indicatorFolders: [String] = []
    ) {
        self.clusters = clusters
        self.clustersFile = clustersFile
        self.dataFiles = dataFiles
        self.dataflow = dataflow
        self.indicatorIDs = indicatorIDs
        self.periods = periods
        self.indicatorFolders = indicatorFolders
    }

    /// What a computation gave: the indicators computed, and per cluster its values (per period, the
    /// headline marked).
    public struct Result: Sendable {
        /// The indicators, in catalogue order (or the order asked).
        public var indicators: [ReportIndicator]
        /// The clusters with their values.
        public var clusters: [ReportCluster]
        /// The names of the clusters' region and sector codes.
        public var codeNames: [CodeName]
    }

    /// Loads the data, computes every indicator asked for every cluster and period.
    ///
    /// - Parameters:
    ///   - diagnostics: Receives what the import and the engine notice.
    ///   - progress: Receives how many files are read and clusters computed.
    /// - Throws: ``ClusterLensIndicators/IndicatorsError`` — `indicatorDefinition` for an unknown
    ///   indicator id (with the nearest id), `data` for a data file the importer refused, and the
    ///   errors of indicator folders and member surveys.
    public func run(diagnostics: Diagnostics = Diagnostics(), progress: ReportProgress.Handler? = nil) async throws
        -> Result
    {
        try await BlockingWork.run { try compute(diagnostics: diagnostics, progress: progress) }
    }

    private func compute(diagnostics: Diagnostics, progress: ReportProgress.Handler?) throws -> Result {
        let catalogue = try IndicatorCatalogue.standard(adding: indicatorFolders)
        let selected = try indicators(in: catalogue)
        let (clusters, store) = try clustersAndData(diagnostics: diagnostics, progress: progress)
        var engine = IndicatorEngine(store: store)
        try engine.loadSurveys(for: clusters)
        let computed = ReportBuilder.clusters(
            clusters, indicators: selected, engine: engine, periods: periods, diagnostics: diagnostics,
            progress: progress)
        return Result(
            indicators: selected.map { ReportIndicator($0.definition) }, clusters: computed,
            codeNames: CodeName.of(clusters, in: Classifications.bundled))
    }

    /// The clusters and the loaded data: the cluster file is read on one core while the data load on
    /// another. When both fail, the cluster file's error is reported, as when they were read in turn.
    private func clustersAndData(diagnostics: Diagnostics, progress: ReportProgress.Handler?) throws -> (
        [ClusterDefinition], ObservationStore
    ) {
        let read = Mutex<
            (
                clusters: Swift.Result<[ClusterDefinition], IndicatorsError>?,
                store: Swift.Result<ObservationStore, IndicatorsError>?
            )
        >(
            (nil, nil))
        DispatchQueue.concurrentPerform(iterations: 2) { task in
            if task == 0 {
                let result = Swift.Result<[ClusterDefinition], IndicatorsError> { () throws(IndicatorsError) in
                    try clustersFile.map { file throws(IndicatorsError) in try ClusterDefinitionLoader.load(file: file)
                    } ?? []
                }
                read.withLock { $0.clusters = result }
            } else {
                let result = Swift.Result<ObservationStore, IndicatorsError> { () throws(IndicatorsError) in
                    var store = ObservationStore()
                    for (index, file) in dataFiles.enumerated() {
                        progress?(ReportProgress(.reading, done: index, of: dataFiles.count))
                        try store.load(file: file, dataflow: dataflow, diagnostics: diagnostics)
                    }
                    return store
                }
                read.withLock { $0.store = result }
            }
        }
        let (clusters, store) = read.withLock { ($0.clusters, $0.store) }
        let fromFile = try clusters?.get() ?? []
        return (self.clusters + fromFile, try store?.get() ?? ObservationStore())
    }

    private func indicators(in catalogue: IndicatorCatalogue) throws(IndicatorsError) -> [any Indicator] {
        guard let indicatorIDs else { return catalogue.indicators }
        let known = catalogue.indicators.map(\.definition.id)
        return try indicatorIDs.map { id throws(IndicatorsError) in
            guard let indicator = catalogue.indicator(id) else {
                throw IndicatorsError(
                    .indicatorDefinition,
                    "no indicator \"\(id)\"\(Suggestion.phrase(for: id, among: known)) "
                        + "(see `clusterlens indicators list`)")
            }
            return indicator
        }
    }
}
