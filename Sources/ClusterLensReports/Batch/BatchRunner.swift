internal import ClusterLensCore
internal import ClusterLensImport
public import ClusterLensIndicators
internal import ClusterLensSupport
internal import Foundation

/// Runs the reports of a batch: each distinct set of data files is loaded once and shared, reports
/// run in parallel up to `jobs`, and a failing report never stops the others nor touches their
/// outputs (each writes into its own folder, atomically).
public struct BatchRunner: Sendable {
    /// How one report of the batch ended.
    public struct Outcome: Sendable {
        /// The report id.
        public var id: String
        /// Its definition file.
        public var definition: String
        /// Wall-clock seconds to build and write it.
        public var seconds: Double
        /// The files written (also those of a report whose other formats failed).
        public var outputs: [String]
        /// The errors, one line each; empty when the report succeeded.
        public var errors: [String]
        /// Whether every format was written.
        public var succeeded: Bool { errors.isEmpty }
    }

    /// The indicators available to the reports.
    public var catalogue: IndicatorCatalogue
    /// Where exporters come from.
    public var registry: ExporterRegistry
    /// The tool version recorded.
    public var toolVersion: String

    /// Creates a runner.
    public init(catalogue: IndicatorCatalogue, registry: ExporterRegistry, toolVersion: String) {
        self.catalogue = catalogue
        self.registry = registry
        self.toolVersion = toolVersion
    }

    /// Runs every report of `manifest`, at most `jobs` at a time, calling `progress` (from any
    /// thread, serialised) after each report.
    ///
    /// - Returns: One outcome per report, in manifest order.
    public func run(
        _ manifest: BatchManifest, jobs: Int, generatedAt: String,
        progress: @escaping @Sendable (Outcome, _ done: Int, _ total: Int) -> Void
    ) async -> [Outcome] {
        let reports = manifest.reports
        // Each distinct set of data files is loaded once, before the reports run.
        // (Keyed by the files and how they are read: roles and the total code.)
        func key(_ report: ReportDefinition) -> [String] {
            let roles = report.roles.overrides.keys.sorted().map { dataflow in
                dataflow + ":"
                    + (report.roles.overrides[dataflow] ?? [:]).map { "\($0.key.rawValue)=\($0.value)" }.sorted()
                    .joined(separator: ",")
            }
            return report.dataFiles + [
                "\u{0}roles=" + roles.joined(separator: ";"), "\u{0}total=\(report.totalSector)",
            ]
        }
        var loaded: [[String]: Result<ReportBuilder.LoadedData, IndicatorsError>] = [:]
        for report in reports where loaded[key(report)] == nil {
            loaded[key(report)] = Result { () throws(IndicatorsError) in
                try ReportBuilder.load(report.dataFiles, roles: report.roles, totalSector: report.totalSector)
            }
        }
        let shared = loaded
        let counter = ProgressCounter(total: reports.count, report: progress)
        var outcomes = [Outcome?](repeating: nil, count: reports.count)
        await withTaskGroup(of: (Int, Outcome).self) { group in
            var next = 0
            func start() {
                guard next < reports.count else { return }
                let index = next
                next += 1
                let definition = reports[index]
                group.addTask {
                    let outcome = self.runOne(
                        definition, data: shared[key(definition)], manifest: manifest, generatedAt: generatedAt)
                    counter.finished(outcome)
                    return (index, outcome)
                }
            }
            for _ in 0..<max(1, jobs) { start() }
            while let (index, outcome) = await group.next() {
                outcomes[index] = outcome
                start()
            }
        }
        return outcomes.enumerated().map { index, outcome in
            outcome
                ?? Outcome(
                    id: reports[index].id, definition: reports[index].file, seconds: 0, outputs: [],
                    errors: ["not run"])
        }
    }

    private func runOne(
        _ definition: ReportDefinition, data: Result<ReportBuilder.LoadedData, IndicatorsError>?,
        manifest: BatchManifest, generatedAt: String
    ) -> Outcome {
        let clock = ContinuousClock()
        let start = clock.now
        func seconds() -> Double {
            let parts = start.duration(to: clock.now).components
            return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
        }
        do {
            guard let data else { throw ReportError(.source, "the data were not loaded") }
            let model = try ReportBuilder(catalogue: catalogue, toolVersion: toolVersion).build(
                definition, data: try data.get(), definitionSHA256: try? SHA256.hexDigest(ofFile: definition.file),
                generatedAt: generatedAt)
            let folder = (manifest.outputFolder as NSString).appendingPathComponent(definition.id)
            let outcomes = try ReportWriter(registry: registry).write(
                model, formats: manifest.formats ?? definition.formats, folder: folder,
                name: definition.resolvedOutputName)
            return Outcome(
                id: definition.id, definition: definition.file, seconds: seconds(),
                outputs: outcomes.flatMap(\.paths), errors: outcomes.compactMap { $0.error.map { "\($0)" } })
        } catch {
            return Outcome(
                id: definition.id, definition: definition.file, seconds: seconds(), outputs: [], errors: ["\(error)"])
        }
    }
}

/// Counts finished reports and reports progress, one call at a time.
private final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let total: Int
    private let report: @Sendable (BatchRunner.Outcome, Int, Int) -> Void

    init(total: Int, report: @escaping @Sendable (BatchRunner.Outcome, Int, Int) -> Void) {
        self.total = total
        self.report = report
    }

    func finished(_ outcome: BatchRunner.Outcome) {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        report(outcome, done, total)
    }
}
