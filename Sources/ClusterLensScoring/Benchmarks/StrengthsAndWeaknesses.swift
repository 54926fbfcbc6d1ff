/// A unit's strengths and weaknesses: its top-N and bottom-N indicators, as COINr's `get_str_weak`.
///
/// Input scores are normalised, so higher is better on every indicator. Two bases:
/// - ``Basis/score``: the unit's own highest and lowest normalised scores;
/// - ``Basis/rank``: the unit's best and worst ranks among all units on each indicator (COINr's basis;
///   ranks by ``PeerRanking/ranks(_:direction:)``, ties sharing the minimum rank), ties broken by score.
///
/// Indicators without a score for the unit are left out; remaining ties keep the order of `indicators`.
/// With fewer than 2 × N scored indicators the two lists overlap.
public struct StrengthsAndWeaknesses: Sendable, Equatable {
    /// What decides the order.
    public enum Basis: String, Sendable, CaseIterable {
        /// The unit's normalised scores.
        case score
        /// The unit's ranks among the units given.
        case rank
    }

    /// One indicator in a list.
    public struct Entry: Sendable, Equatable {
        /// The indicator id.
        public var indicator: String
        /// The unit's normalised score.
        public var score: Double
        /// The unit's rank on the indicator among the units given (1 = best).
        public var rank: Int

        /// Creates an entry.
        public init(indicator: String, score: Double, rank: Int) {
            self.indicator = indicator
            self.score = score
            self.rank = rank
        }
    }

    /// The best indicators, best first.
    public var strengths: [Entry]
    /// The worst indicators, worst first.
    public var weaknesses: [Entry]

    /// Creates the lists.
    public init(strengths: [Entry], weaknesses: [Entry]) {
        self.strengths = strengths
        self.weaknesses = weaknesses
    }

    /// Strengths and weaknesses of every unit.
    ///
    /// - Parameters:
    ///   - scores: Unit → indicator → normalised score (`nil` = missing).
    ///   - indicators: The indicators to consider, in the order that breaks ties.
    ///   - count: N, the length of each list.
    ///   - basis: Scores or ranks.
    /// - Returns: Unit → lists.
    public static func of(
        _ scores: [String: [String: Double?]], indicators: [String], count: Int = 3, basis: Basis = .score
    ) -> [String: StrengthsAndWeaknesses] {
        var ranks: [String: [String: Int]] = [:]
        for indicator in indicators {
            let column = scores.mapValues { $0[indicator] ?? nil }
            ranks[indicator] = PeerRanking.ranks(column, direction: .higher)
        }
        var result: [String: StrengthsAndWeaknesses] = [:]
        for (unit, row) in scores {
            var entries: [(offset: Int, entry: Entry)] = []
            for (offset, indicator) in indicators.enumerated() {
                guard let score = row[indicator] ?? nil, score.isFinite, let rank = ranks[indicator]?[unit] else {
                    continue
                }
                entries.append((offset, Entry(indicator: indicator, score: score, rank: rank)))
            }
            let best: [(offset: Int, entry: Entry)]
            let worst: [(offset: Int, entry: Entry)]
            switch basis {
            case .score:
                best = entries.sorted { ($1.entry.score, $0.offset) < ($0.entry.score, $1.offset) }
                worst = entries.sorted { ($0.entry.score, $0.offset) < ($1.entry.score, $1.offset) }
            case .rank:
                best = entries.sorted {
                    ($0.entry.rank, $1.entry.score, $0.offset) < ($1.entry.rank, $0.entry.score, $1.offset)
                }
                worst = entries.sorted {
                    ($1.entry.rank, $0.entry.score, $0.offset) < ($0.entry.rank, $1.entry.score, $1.offset)
                }
            }
            let n = max(0, count)
            result[unit] = StrengthsAndWeaknesses(
                strengths: best.prefix(n).map(\.entry), weaknesses: worst.prefix(n).map(\.entry))
        }
        return result
    }
}
