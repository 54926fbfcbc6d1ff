public import ClusterLensCore
internal import ClusterLensIndicators
internal import Foundation

/// Runs `clusterlens map` end to end: reads the categories and the data, builds the map and writes
/// each format (`csv`, `json`, `xml`, `html`) atomically into the output folder.
public struct ClusterMapRunner: Sendable {
    /// The formats a map can be written in.
    public static let formats = ["csv", "json", "xml", "html"]

    /// The category file (YAML).
    public var categoriesFile: String
    /// The data files (expanded).
    public var dataFiles: [String]
    /// The dataflow of tidy CSV files that do not name one.
    public var dataflow: String?
    /// The NUTS level of the regions.
    public var level: Int
    /// The indicators.
    public var indicatorIDs: [String]
    /// The period, `nil` for each indicator's latest.
    public var period: TimePeriod?
    /// The formats to write.
    public var formats: [String]
    /// The output folder.
    public var folder: String
    /// The file name without extension.
    public var name: String
    /// A GeoJSON file of region outlines for the HTML choropleth.
    public var boundariesFile: String?

    /// Describes a run.
    public init(
        categoriesFile: String, dataFiles: [String], dataflow: String? = nil, level: Int = 2,
        indicatorIDs: [String] = ClusterMapBuilder.defaultIndicators, period: TimePeriod? = nil,
        formats: [String] = ClusterMapRunner.formats, folder: String, name: String = "cluster-map",
        boundariesFile: String? = nil
    ) {
        self.categoriesFile = categoriesFile
        self.dataFiles = dataFiles
        self.dataflow = dataflow
        self.level = level
        self.indicatorIDs = indicatorIDs
        self.period = period
        self.formats = formats
        self.folder = folder
        self.name = name
        self.boundariesFile = boundariesFile
    }

    /// Builds the map and writes it; returns the format and path of every file written, in order.
    ///
    /// - Throws: ``ReportError`` (`format` for an unknown format, `noData`, `output`, `source` for
    ///   boundaries that cannot be read) and ``ClusterLensIndicators/IndicatorsError`` (categories,
    ///   data files, indicator ids).
    public func run(diagnostics: Diagnostics = Diagnostics()) async throws -> [(format: String, path: String)] {
        try await BlockingWork.run { try runBlocking(diagnostics: diagnostics) }
    }

    private func runBlocking(diagnostics: Diagnostics) throws -> [(format: String, path: String)] {
        for format in formats where !Self.formats.contains(format) {
            throw ReportError(
                .format, "unknown map format \"\(format)\" (known: \(Self.formats.joined(separator: ", ")))")
        }
        let categories = try ClusterCategory.load(file: categoriesFile)
        let boundaries = try boundariesFile.map { path throws(ReportError) in try MapBoundaries.load(file: path) }
        var store = ObservationStore()
        var sources: [ReportSource] = []
        for file in dataFiles {
            let summary = try store.load(file: file, dataflow: dataflow, diagnostics: diagnostics)
            sources.append(
                ReportSource(
                    file: FileFingerprint(summary.source), format: summary.source.format,
                    dataflows: summary.dataflows, observations: summary.observations))
        }
        let catalogue = try IndicatorCatalogue.standard(adding: [])
        let map = try ClusterMapBuilder(catalogue: catalogue).build(
            categories: categories, data: ReportBuilder.LoadedData(store: store, sources: sources), level: level,
            indicatorIDs: indicatorIDs, period: period, diagnostics: diagnostics)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw ReportError(.output, "cannot create the output folder: \(error.localizedDescription)", file: folder)
        }
        var written: [(format: String, path: String)] = []
        for format in formats {
            let paths: [String]
            switch format {
            case "csv": paths = try MapCSVWriter.write(map, folder: folder, name: name)
            case "json": paths = try MapJSONWriter.write(map, folder: folder, name: name)
            case "xml": paths = try MapXMLWriter.write(map, folder: folder, name: name)
            default: paths = try MapHTMLWriter.write(map, folder: folder, name: name, boundaries: boundaries)
            }
            written += paths.map { (format, $0) }
        }
        return written
    }
}
