extension ReportModel {
    /// How many clusters are ranked on an indicator: those whose headline value has a rank (the `n` of
    /// "rank k of n"; member-survey indicators rank among fewer clusters than the others).
    public func rankedCount(indicator: String) -> Int {
        clusters.filter { $0.headline(indicator)?.rank != nil }.count
    }

    /// How many clusters are ranked on a score (a pillar, a transition or the index).
    public func rankedCount(node: ScoreNode) -> Int {
        clusters.filter { $0.score(node)?.rank != nil }.count
    }

    /// "rank k of n" for a rank among `count` clusters, "–" without a rank.
    static func rankText(_ rank: Int?, of count: Int) -> String {
        rank.map { "\($0) of \(count)" } ?? "–"
    }
}
