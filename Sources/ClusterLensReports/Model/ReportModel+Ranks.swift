extension ReportModel {
    /// "rank k of n" for a rank among `count` clusters, "–" without a rank.
    static func rankText(_ rank: Int?, of count: Int) -> String {
        rank.map { "\($0) of \(count)" } ?? "–"
    }
}

/// How many clusters are ranked on each indicator (those whose headline value has a rank;
/// member-survey indicators rank among fewer clusters than the others) and on each score: the `n` of
/// "rank k of n", counted once for a whole report in one pass over its values.
struct RankCounts: Sendable {
    private var indicators: [String: Int] = [:]
    private var nodes: [ScoreNode: Int] = [:]

    /// The counts of `model`.
    init(_ model: ReportModel) {
        for cluster in model.clusters {
            var seen: Set<String> = []
            // As ``ReportCluster/headline(_:)`` and ``ReportCluster/score(_:)`` read them: the first of each.
            for value in cluster.values where value.isHeadline && seen.insert(value.indicator).inserted {
                if value.rank != nil { indicators[value.indicator, default: 0] += 1 }
            }
            var scored: Set<ScoreNode> = []
            for score in cluster.scores where scored.insert(score.node).inserted {
                if score.rank != nil { nodes[score.node, default: 0] += 1 }
            }
        }
    }

    /// How many clusters are ranked on the indicator `id`.
    func indicator(_ id: String) -> Int { indicators[id] ?? 0 }

    /// How many clusters are ranked on `node`.
    func node(_ node: ScoreNode) -> Int { nodes[node] ?? 0 }
}
