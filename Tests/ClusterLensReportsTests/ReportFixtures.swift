import ClusterLensCore
import ClusterLensImport
import ClusterLensIndicators
import ClusterLensScoring
import ClusterLensSupport
import Foundation
import Testing

@testable import ClusterLensReports

/// A small report built from the indicator tests' SDMX-ML fixture, and the package's folders.
enum ReportFixtures {
    /// The generation time the tests record: 2026-01-02T03:04:05Z.
    static let time = Timestamp(secondsSince1970: 1_767_323_045)

    /// The package root.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let schemaFolder = root.appendingPathComponent("Reports/schema").path
    static let dataFile = root.appendingPathComponent(
        "Tests/ClusterLensIndicatorsTests/StoreFixtures/sbs_r_nuts2021.xml"
    )
    .path

    /// A fresh temporary folder, removed by the caller.
    static func folder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    /// The fixture's one cluster.
    static let clusters = """
        clusters:
          - id: es51-automotive
            name: Catalonia automotive
            regions: [ES51]
            sectors: [C29]
            reference: ES5
            peers: [ES52]
        """

    /// Writes a cluster file (`clusters`, the fixture's one cluster by default) and a definition into
    /// `folder` and reads the definition back.
    static func definition(
        in folder: String, extra: String = "", clusters: String = clusters, data: String = dataFile,
        indicators: String = "employment, cluster_focus, location_quotient, local_units, employment_cagr"
    ) throws -> ReportDefinition {
        try clusters.write(toFile: folder + "/clusters.yaml", atomically: true, encoding: .utf8)
        let file = folder + "/report.yaml"
        try """
        id: fixture
        title: Fixture report
        clusters: clusters.yaml
        data: [\(data)]
        indicators: [\(indicators)]
        periods: 2020-2021
        \(extra)
        """.write(toFile: file, atomically: true, encoding: .utf8)
        return try ReportDefinitionReader.load(file: file)
    }

    /// The model of the fixture report.
    static func model(
        in folder: String, clusters: String = clusters, data: String = dataFile,
        indicators: String = "employment, cluster_focus, location_quotient, local_units, employment_cagr"
    ) throws -> ReportModel {
        let definition = try definition(in: folder, clusters: clusters, data: data, indicators: indicators)
        let catalogue = try IndicatorCatalogue(
            builtIns: BuiltinIndicators.all, folders: [root.appendingPathComponent("Indicators").path])
        return try ReportBuilder(catalogue: catalogue, toolVersion: "test").build(
            definition,
            definitionFile: FileFingerprint(path: definition.file, sha256: String(repeating: "0", count: 64)),
            generatedAt: ReportFixtures.time)
    }
}
