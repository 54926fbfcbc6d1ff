internal import ClusterLensCore

/// Direction-aware normalisation of one indicator (see ``CompositeSettings/Normalisation``).
public enum Normaliser {
    /// Normalises one indicator's values across units.
    /// - Parameters:
    ///   - values: the treated values in raw orientation, `nil` for missing.
    ///   - indicator: the indicator (its id for messages, direction, goalposts and target).
    ///   - method: the normalisation.
    /// - Returns: the normalised values (higher is better), `nil` where the input is missing.
    /// - Throws: ``CompositeError/Code/missingParameter`` when goalposts or a target are needed and
    ///   absent, ``CompositeError/Code/invalidSettings`` for goalposts with low ≥ high.
    public static func normalise(
        _ values: [Double?], indicator: CompositeIndicator, method: CompositeSettings.Normalisation
    ) throws(CompositeError) -> [Double?] {
        let sign: Double = indicator.direction == .lower ? -1 : 1
        let adjusted = values.map { $0.map { $0 * sign } }
        let present = adjusted.compactMap { $0 }
        guard let low = present.min(), let high = present.max() else { return adjusted }
        let range = high - low
        switch method {
        case .minMax(let lower, let upper):
            return adjusted.map { value in
                value.map { range > 0 ? ($0 - low) / range * (upper - lower) + lower : (lower + upper) / 2 }
            }
        case .zScore(let mean, let sd):
            let average = CompositeStatistics.mean(present) ?? 0
            let deviation = CompositeStatistics.standardDeviation(present) ?? 0
            return adjusted.map { value in
                value.map { deviation > 0 ? ($0 - average) / deviation * sd + mean : mean }
            }
        case .goalposts(let scale):
            guard let goalposts = indicator.goalposts else {
                throw CompositeError(.missingParameter, "indicator \(indicator.id) has no goalposts")
            }
            guard goalposts.low < goalposts.high else {
                throw CompositeError(
                    .invalidSettings, "indicator \(indicator.id): goalpost low must be below high")
            }
            let span = goalposts.high - goalposts.low
            return values.map { value in
                value.map { raw in
                    let share = sign > 0 ? (raw - goalposts.low) / span : (goalposts.high - raw) / span
                    return min(max(share, 0), 1) * scale
                }
            }
        case .distanceToTarget(let scale, let cap):
            guard let target = indicator.target else {
                throw CompositeError(.missingParameter, "indicator \(indicator.id) has no target")
            }
            let adjustedTarget = target * sign
            let span = adjustedTarget - low
            return adjusted.map { value in
                value.map { x in
                    let share = span > 0 ? (x - low) / span : 1
                    return (cap ? min(share, 1) : share) * scale
                }
            }
        case .distanceToBest(let scale):
            return adjusted.map { value in value.map { range > 0 ? (1 - (high - $0) / range) * scale : scale } }
        case .percentileRank(let scale):
            // Rank 1 the worst: the competition rank with lower values first.
            let ranks = PeerRanking.ranks(adjusted, direction: .lower)
            let others = Double(present.count - 1)
            return ranks.map { rank in
                rank.map { others > 0 ? Double($0 - 1) / others * scale : scale }
            }
        case .rank:
            return PeerRanking.ranks(adjusted, direction: .lower).map { $0.map(Double.init) }
        }
    }

    /// One sentence naming a normalisation and its parameters.
    static func describe(_ method: CompositeSettings.Normalisation) -> String {
        switch method {
        case .minMax(let low, let high): "min-max onto [\(low), \(high)]"
        case .zScore(let mean, let sd): "z-score with mean \(mean) and standard deviation \(sd) (sample sd, n − 1)"
        case .goalposts(let scale): "goalposts per indicator, truncated to [0, 1], × \(scale)"
        case .distanceToTarget(let scale, let cap):
            "distance to target per indicator, × \(scale)\(cap ? ", capped at the target" : ", not capped")"
        case .distanceToBest(let scale): "distance to the best unit (1 − (max − x)/(max − min)) × \(scale)"
        case .percentileRank(let scale):
            "percentile rank (rank − 1)/(n − 1) × \(scale), rank 1 the worst, ties share the lowest rank"
        case .rank: "rank from the worst (1 = worst, ties share the lowest rank)"
        }
    }
}
