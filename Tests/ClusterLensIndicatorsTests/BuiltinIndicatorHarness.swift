import ClusterLensCore
import ClusterLensImport
import ClusterLensSupport
import Foundation
import Testing

@testable import ClusterLensIndicators

/// Computes an indicator of the whole library (compiled ones and the bundled `Indicators/` files) for
/// one cluster from hand-written tidy-CSV rows, one table per dataflow.
enum BuiltinIndicatorHarness {
    /// The cluster most worked examples use: ES51, C29, reference EU27_2020.
    static let catalonia =
        "clusters:\n  - id: es51\n    regions: [ES51]\n    sectors: [C29]\n    reference: EU27_2020\n"

    /// The whole library: compiled indicators, then the bundled files.
    static func catalogue() throws -> IndicatorCatalogue {
        try IndicatorCatalogue(builtIns: BuiltinIndicators.all, folders: [IndicatorCatalogueTests.bundledFolder])
    }

    /// One indicator from rows of `sbs_r_nuts2021` only.
    static func compute(_ id: String, rows: [String], clusterYAML: String, period: String) throws -> IndicatorResult {
        try compute(id, data: ["sbs_r_nuts2021": rows], clusterYAML: clusterYAML, period: period)
    }

    /// One indicator from tidy-CSV tables keyed by dataflow id (each table's first row is its header);
    /// `period` `nil` lets the engine pick the latest period with a value.
    static func compute(
        _ id: String, data: [String: [String]], clusterYAML: String = catalonia, period: String?
    ) throws -> IndicatorResult {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("builtin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var store = ObservationStore()
        for (dataflow, rows) in data.sorted(by: { $0.key < $1.key }) {
            let file = folder.appendingPathComponent("\(dataflow).csv").path
            try rows.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
            try store.load(file: file, dataflow: dataflow)
        }
        let cluster = try #require(try ClusterDefinitionLoader.load(yaml: clusterYAML, file: "clusters.yaml").first)
        let indicator = try #require(try catalogue().indicator(id), "no indicator \(id)")
        let when = try period.map { try TimePeriod($0) }
        return IndicatorEngine(store: store).compute(indicator, for: cluster, period: when)
    }
}
