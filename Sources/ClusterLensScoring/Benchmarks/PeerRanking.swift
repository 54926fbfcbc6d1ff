public import ClusterLensCore

/// Ranks and percentile positions of units (clusters, regions) among their peers on one indicator.
///
/// Conventions:
/// - rank 1 is the best value, direction-aware (``Direction/lower`` ranks the smallest value first;
///   ``Direction/none`` ranks as ``Direction/higher``); tied values share the smallest rank of their group
///   ("competition" ranking 1, 2, 2, 4); a unit without a finite value gets no rank and does not count
///   in n;
/// - the population is the units given — in a report, the clusters compared in the report.
public enum PeerRanking {
    /// How a rank among n is turned into a percentile.
    public enum Convention: String, Sendable, CaseIterable {
        /// U.S. Cluster Mapping's position round(100 / n × (rank − 0.5)) (`ranker.js`): 0 is the best,
        /// 100 the last (METHODS A6: n = 179 → rank 1 → 0, rank 179 → 100). A "top x %" scale.
        case mappingPosition
        /// Percentile rank 100 × (n − rank) / (n − 1) = 100 − 100 × (rank − 1) / (n − 1): 100 is the best,
        /// 0 the last, and a single unit scores 100.
        case percentileRank
    }

    /// One unit's place among its peers.
    public struct Position: Sendable, Equatable {
        /// 1 = best; ties share the smallest rank.
        public var rank: Int
        /// How many units have a value (n).
        public var count: Int
        /// The percentile by the convention asked for.
        public var percentile: Double

        /// Creates a position.
        public init(rank: Int, count: Int, percentile: Double) {
            self.rank = rank
            self.count = count
            self.percentile = percentile
        }
    }

    /// Ranks units by value, 1 = best (through the array form, the one competition ranking).
    ///
    /// - Parameters:
    ///   - values: Unit → value; `nil` or non-finite values get no rank.
    ///   - direction: Which way is better.
    /// - Returns: Unit → rank for the units with a value; ties share the minimum rank.
    public static func ranks(_ values: [String: Double?], direction: Direction) -> [String: Int] {
        let units = Array(values.keys)
        let ranked: [Int?] = ranks(units.map { values[$0] ?? nil }, direction: direction)
        var ranks: [String: Int] = [:]
        for (unit, rank) in zip(units, ranked) {
            if let rank { ranks[unit] = rank }
        }
        return ranks
    }

    /// The percentile of `rank` among `count` units by `convention`; `nil` when the rank is not within
    /// 1…count.
    public static func percentile(rank: Int, of count: Int, convention: Convention) -> Double? {
        guard count > 0, (1...count).contains(rank) else { return nil }
        switch convention {
        case .mappingPosition:
            return (100 / Double(count) * (Double(rank) - 0.5)).rounded()
        case .percentileRank:
            guard count > 1 else { return 100 }
            return 100 * Double(count - rank) / Double(count - 1)
        }
    }

    /// Ranks and percentiles of every unit with a value.
    ///
    /// - Parameters:
    ///   - values: Unit → value; `nil` or non-finite values get no position.
    ///   - direction: Which way is better.
    ///   - convention: How ranks become percentiles.
    public static func positions(
        _ values: [String: Double?], direction: Direction, convention: Convention
    ) -> [String: Position] {
        let ranks = ranks(values, direction: direction)
        var positions: [String: Position] = [:]
        for (unit, rank) in ranks {
            guard let percentile = percentile(rank: rank, of: ranks.count, convention: convention) else { continue }
            positions[unit] = Position(rank: rank, count: ranks.count, percentile: percentile)
        }
        return positions
    }
}
