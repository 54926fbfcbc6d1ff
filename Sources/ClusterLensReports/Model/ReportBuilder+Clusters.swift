internal import ClusterLensCore
internal import ClusterLensIndicators
internal import Foundation
internal import Synchronization

extension ReportBuilder {
    /// Every indicator for every cluster, on all the machine's cores: the clusters are cut into
    /// chunks computed side by side from the one shared (read-only) store. The result, and what goes
    /// to `diagnostics`, is in cluster order, the same as one after the other.
    static func clusters(
        _ clusters: [ClusterDefinition], indicators: [any Indicator], engine: IndicatorEngine,
        periods: ReportDefinition.Periods, diagnostics: Diagnostics, progress: ReportProgress.Handler? = nil
    ) -> [ReportCluster] {
        let finished = Mutex(0)
        progress?(ReportProgress(.computing, done: 0, of: clusters.count))
        let parts = ParallelChunks.map(count: clusters.count, minimumPerWorker: 16) { range in
            let local = Diagnostics()
            let part = clusters[range].map { cluster in
                let engine = engine.sharingClusterValues()
                let reportCluster = ReportCluster(
                    definition: cluster,
                    values: indicators.flatMap {
                        values(of: $0, for: cluster, engine: engine, periods: periods, diagnostics: local)
                    })
                if let progress {
                    let done = finished.withLock { count in
                        count += 1
                        return count
                    }
                    progress(ReportProgress(.computing, done: done, of: clusters.count))
                }
                return reportCluster
            }
            return (clusters: part, diagnostics: local.all)
        }
        var result: [ReportCluster] = []
        result.reserveCapacity(clusters.count)
        for part in parts {
            result += part.clusters
            diagnostics.report(part.diagnostics)
        }
        return result
    }
}
