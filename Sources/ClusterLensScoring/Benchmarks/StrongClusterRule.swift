/// U.S. Cluster Mapping's strong-cluster classes (METHODS §2, `cluster_calcs_reducer.js`), with
/// configurable percentile floors.
///
/// Over the units with employment E > 0 (the population is the units given: in a report, the
/// clusters compared), with percentiles by ``PeerBenchmarks/quantile(_:_:)`` (type 7, R's default):
/// - floors: E > P(``employmentFloor``) and establishments > P(``establishmentFloor``), both P25 by default;
/// - `strong10`: LQ ≥ P(``strong10Quotient``) (P90) and the floors;
/// - `strong`: LQ ≥ P(``strongQuotient``) (P75) and LQ ≥ ``strongMinimumQuotient`` (1) and the floors;
/// - `significant`: LQ > P(``significantQuotient``) (median) and the floors;
/// - `qualifying`: LQ > P(``qualifyingQuotient``) (P25) and the floors;
/// - otherwise ``StrongClusterRule/Strength/none``.
///
/// The highest class a unit meets is its class. A unit without LQ, employment or establishments, or
/// with E ≤ 0, gets no class.
public struct StrongClusterRule: Sendable, Equatable {
    /// A unit's class, weakest first.
    public enum Strength: String, Sendable, CaseIterable, Comparable {
        /// Meets no class.
        case none
        /// LQ above P25 with the floors.
        case qualifying
        /// LQ above the median with the floors.
        case significant
        /// LQ at or above P75 and at least 1, with the floors.
        case strong
        /// LQ at or above P90 with the floors.
        case strong10

        /// Weaker classes sort first.
        public static func < (lhs: Strength, rhs: Strength) -> Bool {
            let order = Strength.allCases
            return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
        }
    }

    /// One unit's inputs.
    public struct Input: Sendable, Equatable {
        /// Location quotient.
        public var quotient: Double?
        /// Employment.
        public var employment: Double?
        /// Number of establishments (enterprises, local units).
        public var establishments: Double?

        /// Creates an input.
        public init(quotient: Double?, employment: Double?, establishments: Double?) {
            self.quotient = quotient
            self.employment = employment
            self.establishments = establishments
        }
    }

    /// The employment floor's quantile (0…1; P25).
    public var employmentFloor = 0.25
    /// The establishment floor's quantile (0…1; P25).
    public var establishmentFloor = 0.25
    /// The LQ quantile a qualifying cluster must exceed (P25).
    public var qualifyingQuotient = 0.25
    /// The LQ quantile a significant cluster must exceed (median).
    public var significantQuotient = 0.5
    /// The LQ quantile a strong cluster must reach (P75).
    public var strongQuotient = 0.75
    /// The LQ a strong cluster must reach in absolute terms (1).
    public var strongMinimumQuotient = 1.0
    /// The LQ quantile a strong10 cluster must reach (P90).
    public var strong10Quotient = 0.9

    /// The U.S. Cluster Mapping defaults.
    public init() {}

    /// The class of every unit with LQ, establishments and employment > 0.
    ///
    /// - Parameter units: Unit → inputs.
    /// - Returns: Unit → class; units left out of the population are absent.
    public func classify(_ units: [String: Input]) -> [String: Strength] {
        let population = units.compactMap { unit, input -> (unit: String, lq: Double, e: Double, n: Double)? in
            guard let lq = input.quotient, let e = input.employment, let n = input.establishments,
                lq.isFinite, e.isFinite, n.isFinite, e > 0
            else { return nil }
            return (unit, lq, e, n)
        }
        let quotients = population.map(\.lq)
        guard let e25 = PeerBenchmarks.quantile(population.map(\.e), employmentFloor),
            let n25 = PeerBenchmarks.quantile(population.map(\.n), establishmentFloor),
            let lqQualifying = PeerBenchmarks.quantile(quotients, qualifyingQuotient),
            let lqSignificant = PeerBenchmarks.quantile(quotients, significantQuotient),
            let lqStrong = PeerBenchmarks.quantile(quotients, strongQuotient),
            let lqStrong10 = PeerBenchmarks.quantile(quotients, strong10Quotient)
        else { return [:] }
        var classes: [String: Strength] = [:]
        for unit in population {
            let strength: Strength
            if !(unit.e > e25 && unit.n > n25) {
                strength = .none
            } else if unit.lq >= lqStrong10 {
                strength = .strong10
            } else if unit.lq >= lqStrong && unit.lq >= strongMinimumQuotient {
                strength = .strong
            } else if unit.lq > lqSignificant {
                strength = .significant
            } else if unit.lq > lqQualifying {
                strength = .qualifying
            } else {
                strength = .none
            }
            classes[unit.unit] = strength
        }
        return classes
    }
}
