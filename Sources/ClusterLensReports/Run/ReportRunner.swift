public import ClusterLensCore
public import ClusterLensImport
public import ClusterLensIndicators
internal import ClusterLensSupport
internal import Foundation

/// Runs reports: the one entry point that `clusterlens report`, `demo` and `batch` and a user's Swift
/// script call.
///
/// A run reads the definition, fetches its feeds through the cache, loads the data through the
/// importer door, computes every indicator, scores and benchmarks the clusters, and writes every
/// format; every stage reports what it notices to the run's ``ClusterLensCore/Diagnostics``, which
/// the report records. Blocking work runs off Swift's cooperative pool (``BlockingWork``), and a
/// cancelled task stops between stages.
///
/// ```swift
/// import ClusterLensReports
///
/// let outcome = try await ReportRunner().run(definitionFile: "Reports/demo/demo.yaml", outputFolder: "out")
/// for file in outcome.files { print(file) }
/// ```
public struct ReportRunner: Sendable {
    /// The tool version recorded in the reports.
    public var toolVersion: String
    /// Further indicator folders for every report (the bundled `Indicators/` is always read first;
    /// a definition's `indicator-folders:` are added to its own run).
    public var indicatorFolders: [String]
    /// Where exporters come from (built-ins, plug-in folders, `PATH`).
    public var registry: ExporterRegistry
    /// Fetches the feeds a definition names (through the cache).
    public var fetcher: FeedFetcher
    /// Receives how far each run has gone (files read, clusters computed, formats written); `nil` for
    /// nothing.
    public var progress: ReportProgress.Handler?

    /// Creates a runner.
    ///
    /// - Parameters:
    ///   - toolVersion: The version to record (ClusterLens's own by default).
    ///   - indicatorFolders: Further indicator folders for every report.
    ///   - pluginFolders: Folders searched for exporter plug-ins before `PATH`.
    ///   - fetcher: The feed fetcher; by default one on `$CLUSTERLENS_CACHE` or `~/.cache/clusterlens`.
    public init(
        toolVersion: String = ClusterLensVersion.current, indicatorFolders: [String] = [],
        pluginFolders: [String] = [], fetcher: FeedFetcher? = nil
    ) {
        self.toolVersion = toolVersion
        self.indicatorFolders = indicatorFolders
        registry = ExporterRegistry(
            pluginFolders: pluginFolders, searchPath: ProcessInfo.processInfo.environment["PATH"])
        self.fetcher = fetcher ?? FeedFetcher(cache: FeedCache(folder: FeedCache.defaultFolder))
    }

    /// Runs the report of a definition file: read, fetch, load, compute, score, write.
    ///
    /// - Parameters:
    ///   - definitionFile: The report definition (YAML); paths in it are relative to it.
    ///   - outputFolder: Where to write, instead of the definition's `outputs.folder`.
    ///   - formats: The formats to write, instead of the definition's.
    ///   - diagnostics: The run's diagnostics channel (give one with an observer to see warnings as
    ///     they come).
    /// - Returns: The model and what each format wrote; a failing format is in the outcome, not thrown.
    /// - Throws: The definition's, the feeds', the data's and the composite's errors (see
    ///   ``run(_:data:catalogue:outputFolder:formats:generatedAt:diagnostics:)``).
    public func run(
        definitionFile: String, outputFolder: String? = nil, formats: [String]? = nil,
        diagnostics: Diagnostics = Diagnostics()
    ) async throws -> ReportOutcome {
        let definition = try await self.definition(file: definitionFile)
        return try await run(definition, outputFolder: outputFolder, formats: formats, diagnostics: diagnostics)
    }

    /// Reads a definition file and fetches its feeds (their cached files join its data files).
    ///
    /// - Throws: ``ClusterLensIndicators/IndicatorsError`` for a broken definition (file, line and
    ///   column), ``ReportError`` (`source`) for data that matches no file, ``ClusterLensImport/FeedError``
    ///   for a feed that cannot be fetched.
    public func definition(file: String) async throws -> ReportDefinition {
        let definition = try await BlockingWork.run { try ReportDefinitionReader.load(file: file) }
        return try await ReportFeeds.resolve(definition, with: fetcher)
    }

    /// Runs a definition already read.
    ///
    /// - Parameters:
    ///   - definition: The definition (its feeds already fetched, see ``definition(file:)``).
    ///   - data: Statistics already loaded for its data files (a batch shares them); loaded here when `nil`.
    ///   - catalogue: The indicators; the standard catalogue plus the definition's folders when `nil`.
    ///   - outputFolder: Where to write, instead of the definition's `outputs.folder`.
    ///   - formats: The formats to write, instead of the definition's.
    ///   - generatedAt: The time recorded in the report.
    ///   - diagnostics: The run's diagnostics channel.
    /// - Returns: The model and what each format wrote.
    /// - Throws: ``ClusterLensIndicators/IndicatorsError`` for data, member surveys or indicator files that
    ///   cannot be read; ``ReportError`` (`scoring`) when the composite refuses the settings for these
    ///   data, (`output`) when the output folder cannot be created; `CancellationError`.
    public func run(
        _ definition: ReportDefinition, data: ReportBuilder.LoadedData? = nil, catalogue: IndicatorCatalogue? = nil,
        outputFolder: String? = nil, formats: [String]? = nil, generatedAt: Timestamp = .now(),
        diagnostics: Diagnostics = Diagnostics()
    ) async throws -> ReportOutcome {
        let folders = indicatorFolders + definition.indicatorFolders
        let toolVersion = self.toolVersion
        let progress = self.progress
        let model = try await BlockingWork.run {
            let data =
                try data
                ?? ReportBuilder.load(
                    definition.dataFiles, roles: definition.roles, totalSector: definition.totalSector,
                    diagnostics: diagnostics, progress: progress)
            let catalogue = try catalogue ?? IndicatorCatalogue.standard(adding: folders)
            let fingerprint = (try? SHA256.hexDigest(ofFile: definition.file)).map {
                FileFingerprint(path: definition.file, sha256: $0)
            }
            return try ReportBuilder(catalogue: catalogue, toolVersion: toolVersion).build(
                definition, data: data, definitionFile: fingerprint, generatedAt: generatedAt,
                diagnostics: diagnostics, progress: progress)
        }
        try Task.checkCancellation()
        let writer = ReportWriter(registry: registry)
        let folder = outputFolder ?? definition.outputFolder
        let formats = formats ?? definition.formats
        let name = definition.resolvedOutputName
        let exports = try await BlockingWork.run {
            try writer.write(model, formats: formats, folder: folder, name: name, progress: progress)
        }
        return ReportOutcome(model: model, exports: exports)
    }
}

/// What a report run gave: the model, and what each format wrote or why it failed.
public struct ReportOutcome: Sendable {
    /// The report.
    public var model: ReportModel
    /// One outcome per format, in the order asked.
    public var exports: [ExportOutcome]

    /// Creates an outcome.
    public init(model: ReportModel, exports: [ExportOutcome]) {
        self.model = model
        self.exports = exports
    }

    /// Every file written.
    public var files: [String] { exports.flatMap(\.paths) }
    /// The formats that failed, with their errors.
    public var errors: [ReportError] { exports.compactMap(\.error) }
    /// Whether every format was written.
    public var succeeded: Bool { errors.isEmpty }
    /// The warnings and notes of the run (the model's data-quality section).
    public var diagnostics: [Diagnostic] { model.diagnostics }
}

extension ReportRunner {
    /// The bundled `Reports/` folder (schemas, the demo): `$CLUSTERLENS_REPORTS`, else `./Reports`,
    /// else the package's own; `nil` when none is found.
    public static var bundledReportsFolder: String? { BundledFolder.reports }
}
