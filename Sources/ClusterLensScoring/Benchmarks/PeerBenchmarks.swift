/// Benchmarks of clusters among the clusters compared (a report's clusters are the population):
/// percentiles, European Cluster Observatory stars, U.S. Cluster Mapping classes and the most similar
/// profiles (ranks and positions: ``PeerRanking``; strengths and weaknesses: ``StrengthsAndWeaknesses``).
public enum PeerBenchmarks {
    /// The `p`-quantile (0…1) of `values` by linear interpolation between order statistics (type 7,
    /// R's default): h = (n − 1) p, Q = x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋+1 − x⌊h⌋) on the sorted values; `nil`
    /// for no values.
    public static func quantile(_ values: [Double], _ p: Double) -> Double? {
        let sorted = values.filter(\.isFinite).sorted()
        guard let first = sorted.first else { return nil }
        guard sorted.count > 1 else { return first }
        let h = Double(sorted.count - 1) * min(1, max(0, p))
        let low = Int(h.rounded(.down))
        let high = min(low + 1, sorted.count - 1)
        return sorted[low] + (h - Double(low)) * (sorted[high] - sorted[low])
    }

    /// A European Cluster Observatory star criterion.
    public struct StarCriterion: Sendable, Equatable {
        /// How the threshold is read.
        public enum Threshold: Sendable, Equatable {
            /// The value must reach this number.
            case absolute(Double)
            /// The value must reach this quantile (0…1) of the population's values.
            case percentile(Double)
        }

        /// The indicator id (`employment`, `location_quotient`, `cluster_focus`).
        public var metric: String
        /// The threshold.
        public var threshold: Threshold

        /// Creates a criterion.
        public init(metric: String, threshold: Threshold) {
            self.metric = metric
            self.threshold = threshold
        }
    }

    /// The 2008 preset: size (employment) in the top 10 %, location quotient ≥ 2, focus in the top 10 %.
    public static let eco2008: [StarCriterion] = [
        StarCriterion(metric: "employment", threshold: .percentile(0.9)),
        StarCriterion(metric: "location_quotient", threshold: .absolute(2)),
        StarCriterion(metric: "cluster_focus", threshold: .percentile(0.9)),
    ]

    /// Stars per unit: one per criterion met; a unit missing a criterion's value does not get that
    /// star, and a unit missing every value gets `nil`.
    ///
    /// - Parameter values: Unit → metric → value.
    public static func stars(
        _ values: [String: [String: Double]], criteria: [StarCriterion] = eco2008
    ) -> [String: Int?] {
        let thresholds = starThresholds(values, criteria: criteria)
        var result: [String: Int?] = [:]
        for (unit, metrics) in values {
            let known = criteria.filter { metrics[$0.metric] != nil }
            guard !known.isEmpty else {
                result[unit] = .some(nil)
                continue
            }
            result[unit] = known.filter { earns(metrics[$0.metric], threshold: thresholds[$0.metric]) }.count
        }
        return result
    }

    /// Per criterion, in order: its threshold over `values` (`nil` when no unit has the metric for a
    /// percentile) and how many units earn its star, by the rule of ``stars(_:criteria:)``.
    ///
    /// - Parameter values: Unit → metric → value.
    public static func starCounts(
        _ values: [String: [String: Double]], criteria: [StarCriterion] = eco2008
    ) -> [(criterion: StarCriterion, threshold: Double?, units: Int)] {
        let thresholds = starThresholds(values, criteria: criteria)
        return criteria.map { criterion in
            let threshold = thresholds[criterion.metric]
            return (
                criterion, threshold, values.values.filter { earns($0[criterion.metric], threshold: threshold) }.count
            )
        }
    }

    /// The threshold of each criterion's metric over the units' values.
    private static func starThresholds(
        _ values: [String: [String: Double]], criteria: [StarCriterion]
    ) -> [String: Double] {
        var thresholds: [String: Double] = [:]
        for criterion in criteria {
            switch criterion.threshold {
            case .absolute(let value):
                thresholds[criterion.metric] = value
            case .percentile(let p):
                thresholds[criterion.metric] = quantile(values.values.compactMap { $0[criterion.metric] }, p)
            }
        }
        return thresholds
    }

    /// Whether a value earns a star: it reaches the threshold (at or above it); no value or no
    /// threshold earns none.
    public static func earns(_ value: Double?, threshold: Double?) -> Bool {
        guard let value, let threshold else { return false }
        return value >= threshold
    }

    /// U.S. Cluster Mapping strength classes over units with employment > 0 (METHODS §2):
    /// `strong10` (LQ ≥ P90), `strong` (LQ ≥ P75 and LQ ≥ 1), `significant` (LQ > P50), `qualifying`
    /// (LQ > P25), each also needing employment > P25 and establishments > P25; else `none`. A unit
    /// without LQ, employment or establishments has no class. The default ``StrongClusterRule``, as
    /// text; use the rule itself to change the percentile floors.
    ///
    /// - Parameter values: Unit → (location quotient, employment, establishments).
    public static func mappingClasses(
        _ values: [String: (quotient: Double?, employment: Double?, establishments: Double?)]
    ) -> [String: String] {
        StrongClusterRule().classify(
            values.mapValues {
                StrongClusterRule.Input(
                    quotient: $0.quotient, employment: $0.employment, establishments: $0.establishments)
            }
        ).mapValues(\.rawValue)
    }

    /// The `count` units nearest to `unit` on the score profile: distance = the root mean squared
    /// difference over the indicators both have, requiring at least `minimumShared` of them; ties go
    /// to the unit that sorts first. (For every unit at once: ``mostSimilar(in:count:minimumShared:)``.)
    ///
    /// - Parameter profiles: Unit → scores in one indicator order (`nil` = missing).
    public static func mostSimilar(
        to unit: String, in profiles: [String: [Double?]], count: Int = 3, minimumShared: Int = 3
    ) -> [(unit: String, distance: Double)] {
        let table = SimilarityTable(profiles)
        guard let index = table.index(of: unit) else { return [] }
        return table.nearest(to: index, count: count, minimumShared: minimumShared)
    }
}
