public import ClusterLensCore
internal import ClusterLensIndicators
internal import Foundation
internal import Synchronization

/// Runs the reports of a batch through ``ReportRunner``: each distinct set of data files is loaded
/// once and shared, reports run in parallel up to `jobs`, and a failing report never stops the others
/// nor touches their outputs (each writes into its own folder, atomically) — unless `failFast` asks to
/// stop starting new reports after the first failure.
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
        /// The report's warnings and notes.
        public var diagnostics: [Diagnostic]
        /// Whether every format was written.
        public var succeeded: Bool { errors.isEmpty }
    }

    /// Runs each report.
    public var runner: ReportRunner
    /// Whether to stop starting reports after the first failure (the others are reported as not run).
    public var failFast: Bool

    /// Creates a batch runner.
    public init(runner: ReportRunner, failFast: Bool = false) {
        self.runner = runner
        self.failFast = failFast
    }

    /// Runs every report of `manifest`, at most `jobs` at a time.
    ///
    /// - Parameters:
    ///   - manifest: The batch.
    ///   - jobs: How many reports run at once.
    ///   - generatedAt: The time recorded in every report.
    ///   - observer: Receives each report's diagnostics as they come (from any task).
    ///   - progress: Called after each report (from any task, one call at a time).
    /// - Returns: One outcome per report, in manifest order.
    public func run(
        _ manifest: BatchManifest, jobs: Int, generatedAt: Timestamp,
        observer: (@Sendable (_ report: String, Diagnostic) -> Void)? = nil,
        progress: @escaping @Sendable (Outcome, _ done: Int, _ total: Int) -> Void
    ) async -> [Outcome] {
        let prepared = await prepare(manifest)
        let counter = ProgressCounter(total: prepared.count, report: progress)
        var outcomes = [Outcome?](repeating: nil, count: prepared.count)
        await withTaskGroup(of: (Int, Outcome).self) { group in
            var next = 0
            func start() {
                guard next < prepared.count else { return }
                let index = next
                next += 1
                let job = prepared[index]
                group.addTask {
                    let outcome: Outcome
                    if failFast && counter.anyFailed {
                        outcome = Self.notRun(job.report, reason: "not run: --fail-fast and an earlier report failed")
                    } else {
                        outcome = await self.runOne(
                            job, manifest: manifest, generatedAt: generatedAt,
                            diagnostics: Diagnostics { diagnostic in observer?(job.report.id, diagnostic) })
                    }
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
            outcome ?? Self.notRun(prepared[index].report, reason: "not run")
        }
    }

    /// A report ready to run: its definition with feeds fetched, its shared data and catalogue, or
    /// why it cannot run.
    struct Job: Sendable {
        var report: BatchReport
        var definition: Result<ReportDefinition, any Error>
        var data: Result<ReportBuilder.LoadedData, any Error>?
        var catalogue: Result<IndicatorCatalogue, any Error>
    }

    /// Fetches each report's feeds, loads each distinct set of data files once, and reads the
    /// indicator catalogue once for the whole batch.
    func prepare(_ manifest: BatchManifest) async -> [Job] {
        var definitions: [Result<ReportDefinition, any Error>] = []
        for report in manifest.reports {
            switch report.definition {
            case .success(let definition):
                do {
                    definitions.append(.success(try await ReportFeeds.resolve(definition, with: runner.fetcher)))
                } catch {
                    definitions.append(.failure(error))
                }
            case .failure(let error):
                definitions.append(.failure(error))
            }
        }
        let loaded = definitions.compactMap { try? $0.get() }
        let folders = runner.indicatorFolders + Set(loaded.flatMap(\.indicatorFolders)).sorted()
        let catalogue: Result<IndicatorCatalogue, any Error>
        do {
            catalogue = .success(try await BlockingWork.run { try IndicatorCatalogue.standard(adding: folders) })
        } catch {
            catalogue = .failure(error)
        }
        var data: [DataKey: Result<ReportBuilder.LoadedData, any Error>] = [:]
        for definition in loaded where data[DataKey(definition)] == nil {
            let diagnostics = Diagnostics()
            do {
                data[DataKey(definition)] = .success(
                    try await BlockingWork.run {
                        try ReportBuilder.load(
                            definition.dataFiles, roles: definition.roles, totalSector: definition.totalSector,
                            diagnostics: diagnostics)
                    })
            } catch {
                data[DataKey(definition)] = .failure(error)
            }
        }
        return zip(manifest.reports, definitions).map { report, definition in
            Job(
                report: report, definition: definition,
                data: (try? definition.get()).flatMap { data[DataKey($0)] }, catalogue: catalogue)
        }
    }

    /// What makes two reports share loaded data: the same files read the same way (roles, total code).
    struct DataKey: Hashable {
        var files: [String]
        var roles: DimensionRoles
        var totalSector: String?

        init(_ definition: ReportDefinition) {
            files = definition.dataFiles
            roles = definition.roles
            totalSector = definition.totalSector
        }
    }

    private func runOne(_ job: Job, manifest: BatchManifest, generatedAt: Timestamp, diagnostics: Diagnostics) async
        -> Outcome
    {
        let clock = ContinuousClock()
        let start = clock.now
        func seconds() -> Double {
            let parts = start.duration(to: clock.now).components
            return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
        }
        do {
            let definition = try job.definition.get()
            guard let data = job.data else { throw ReportError(.source, "the data were not loaded") }
            let outcome = try await runner.run(
                definition, data: try data.get(), catalogue: try job.catalogue.get(),
                outputFolder: (manifest.outputFolder as NSString).appendingPathComponent(definition.id),
                formats: manifest.formats, generatedAt: generatedAt, diagnostics: diagnostics)
            return Outcome(
                id: definition.id, definition: definition.file, seconds: seconds(), outputs: outcome.files,
                errors: outcome.errors.map(\.description), diagnostics: outcome.diagnostics)
        } catch {
            return Outcome(
                id: job.report.id, definition: job.report.file, seconds: seconds(), outputs: [],
                errors: ["\(error)"], diagnostics: diagnostics.all)
        }
    }

    private static func notRun(_ report: BatchReport, reason: String) -> Outcome {
        Outcome(id: report.id, definition: report.file, seconds: 0, outputs: [], errors: [reason], diagnostics: [])
    }
}

/// Counts finished reports and reports progress, one call at a time; remembers whether one failed.
private final class ProgressCounter: Sendable {
    private let state = Mutex((done: 0, failed: false))
    private let total: Int
    private let report: @Sendable (BatchRunner.Outcome, Int, Int) -> Void

    init(total: Int, report: @escaping @Sendable (BatchRunner.Outcome, Int, Int) -> Void) {
        self.total = total
        self.report = report
    }

    /// Whether a finished report failed.
    var anyFailed: Bool { state.withLock { $0.failed } }

    func finished(_ outcome: BatchRunner.Outcome) {
        state.withLock { state in
            state.done += 1
            if !outcome.succeeded { state.failed = true }
            report(outcome, state.done, total)
        }
    }
}
