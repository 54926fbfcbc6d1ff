public import ClusterLensCore

/// Which indicators a report's composite scores and benchmarks rank, and whether the clusters'
/// context gets a score of its own (`composite: {scope: cluster, context_score: true}`).
///
/// Indicators of region or country scope (``ClusterLensCore/IndicatorScope``) describe where a
/// cluster is, not what it does: two clusters in one region share their values. By default they are
/// kept out of the composite and the benchmarks, shown in the report's context section, and summed
/// up in an unranked context score.
public struct ScoringScope: Sendable, Equatable {
    /// The indicators the composite and the benchmarks score.
    public enum Indicators: String, Sendable, Equatable, CaseIterable {
        /// Cluster-scope indicators only (the default).
        case cluster
        /// Every indicator with a direction, region and country context included (the methods say so).
        case all
    }

    /// The indicators scored and ranked.
    public var indicators: Indicators
    /// Whether the context indicators get their own, unranked context score (default true; only
    /// with ``Indicators/cluster``: with `all` they are in the composite already).
    public var contextScore: Bool

    /// Creates a scope; the defaults keep context out of the ranking and score it apart.
    public init(indicators: Indicators = .cluster, contextScore: Bool = true) {
        self.indicators = indicators
        self.contextScore = contextScore
    }

    /// Whether the composite and the benchmarks score an indicator of `scope`.
    public func ranks(_ scope: IndicatorScope) -> Bool {
        indicators == .all || !scope.isContext
    }

    /// Whether an indicator of `scope` goes into the separate context score.
    public func scoresAsContext(_ scope: IndicatorScope) -> Bool {
        indicators == .cluster && contextScore && scope.isContext
    }
}
