import ClusterLensCore
import Foundation
import Testing

@testable import ClusterLensIndicators

/// Computes a compiled indicator for one cluster from tidy-CSV rows of `sbs_r_nuts2021`.
enum BuiltinIndicatorHarness {
    static func compute(_ id: String, rows: [String], clusterYAML: String, period: String) throws -> IndicatorResult {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("builtin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("employment.csv").path
        try rows.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        var store = ObservationStore()
        try store.load(file: file, dataflow: "sbs_r_nuts2021")
        let cluster = try #require(try ClusterDefinitionLoader.load(yaml: clusterYAML, file: "clusters.yaml").first)
        let indicator = try #require(BuiltinIndicators.all.first { $0.definition.id == id })
        return IndicatorEngine(store: store).compute(indicator, for: cluster, period: try TimePeriod(period))
    }
}
