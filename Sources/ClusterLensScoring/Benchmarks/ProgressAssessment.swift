public import ClusterLensCore
internal import Foundation

/// Progress of an indicator towards a target, by Eurostat's SDG monitoring method and by the Open SDG
/// variant (METHODS §5, worked example A3).
///
/// A series is assessed from its first point (t0, x0) — or a given base year — to its last point
/// (t, xt):
///
/// - observed growth CAGR_obs = (xt / x0)^(1/(t − t0)) − 1;
/// - with a target T for year Y: required growth CAGR_req = (T / x0)^(1/(Y − t0)) − 1 and the ratio
///   R = CAGR_obs / CAGR_req. Eurostat: R ≥ 95 % significant progress, 60–95 % moderate progress,
///   0–60 % insufficient progress, R < 0 movement away. Open SDG: the score
///   5 × (R − 0.60) / (1.30 − 0.60) above R = 60 % and 5 × (R − 0.60) / (0.60 + 0.60) below it,
///   clamped to −5…+5, with bands of 2.5 points (on track ≥ 2.5, acceleration needed ≥ 0, limited
///   progress ≥ −2.5, deterioration below);
/// - without a target, on the direction-adjusted CAGR (d × CAGR_obs, d = −1 when lower is better):
///   Eurostat > 1 %/yr significant progress, 0–1 % moderate progress, −1–0 % moderate movement away,
///   < −1 % significant movement away. Open SDG categories at 1.5 % (on track), 0.5 % (acceleration
///   needed) and 0 (limited progress); the score is piecewise linear through (−2 %, −5), (0, −2.5),
///   (0.5 %, 0), (1.5 %, +2.5) and (2 %, +5), clamped outside, so that score bands of 2.5 points and
///   categories agree (Open SDG `docs/progress-methodology.md`, figure 1; its scaling factor C for
///   indicators with natural limits is not applied).
///
/// Edge cases: a zero base or target is replaced by ``Thresholds/zeroReplacement`` (0.001); fewer
/// than two points, or values of mixed sign, cannot be assessed; values that are all negative are
/// assessed on their absolute values with the direction flipped; a latest value that already meets
/// the target (direction-aware) is "target reached" (Open SDG score +5).
public enum ProgressAssessment {
    /// The thresholds, as data.
    public struct Thresholds: Sendable, Equatable {
        /// Eurostat: the ratio from which progress is significant (95 %).
        public var significantRatio = 0.95
        /// Eurostat: the ratio from which progress is moderate (60 %).
        public var moderateRatio = 0.60
        /// Eurostat without a target: the CAGR beyond which a trend is significant (1 %/yr).
        public var noTargetSignificant = 0.01
        /// Open SDG: the ratio mapped to −5 (−60 %).
        public var openSDGLowRatio = -0.60
        /// Open SDG: the ratio mapped to +5 (130 %).
        public var openSDGHighRatio = 1.30
        /// Open SDG without a target: the CAGR mapped to ±5 (2 %/yr); the score runs piecewise linearly
        /// through ±this, 0 (−2.5), ``openSDGAcceleration`` (0) and ``openSDGOnTrack`` (+2.5).
        public var openSDGNoTargetCutoff = 0.02
        /// Open SDG without a target: the CAGR from which a series is on track (1.5 %/yr).
        public var openSDGOnTrack = 0.015
        /// Open SDG without a target: the CAGR from which progress needs only acceleration (0.5 %/yr).
        public var openSDGAcceleration = 0.005
        /// What a zero base or target is replaced by.
        public var zeroReplacement = 0.001

        /// The published defaults.
        public init() {}
    }

    /// Eurostat's categories.
    public enum EurostatCategory: String, Sendable, CaseIterable {
        /// The latest value meets the target.
        case targetReached = "target reached"
        /// Ratio ≥ 95 %, or a CAGR above 1 %/yr without a target.
        case significantProgress = "significant progress"
        /// Ratio 60–95 %, or a CAGR from 0 to 1 %/yr without a target.
        case moderateProgress = "moderate progress"
        /// Ratio 0–60 %.
        case insufficientProgress = "insufficient progress"
        /// Ratio below 0.
        case movingAway = "movement away from the target"
        /// Without a target: a CAGR from −1 to 0 %/yr.
        case moderateMovementAway = "moderate movement away"
        /// Without a target: a CAGR below −1 %/yr.
        case significantMovementAway = "significant movement away"
        /// Too few points, mixed signs, or a target year not after the base.
        case unableToAssess = "unable to assess"
    }

    /// Open SDG's categories.
    public enum OpenSDGCategory: String, Sendable, CaseIterable {
        /// The latest value meets the target.
        case targetAchieved = "target achieved"
        /// Score ≥ 2.5.
        case onTrack = "on track"
        /// Score 0–2.5.
        case accelerationNeeded = "progress made but acceleration needed"
        /// Score −2.5–0.
        case limitedProgress = "limited progress"
        /// Score below −2.5.
        case deterioration = "deterioration"
        /// Too few points, mixed signs, or a target year not after the base.
        case unableToAssess = "unable to assess"
    }

    /// A target for an indicator.
    public struct Target: Sendable, Equatable {
        /// The target value.
        public var value: Double
        /// The year it should be reached.
        public var year: Int

        /// Creates a target.
        public init(value: Double, year: Int) {
            self.value = value
            self.year = year
        }
    }

    /// The assessment of one series.
    public struct Result: Sendable, Equatable {
        /// The base year used.
        public var baseYear: Int?
        /// The latest year used.
        public var latestYear: Int?
        /// Observed CAGR (fraction per year).
        public var observedGrowth: Double?
        /// Required CAGR (fraction per year), with a target.
        public var requiredGrowth: Double?
        /// R = observed / required, with a target.
        public var ratio: Double?
        /// Eurostat's category.
        public var eurostat: EurostatCategory
        /// Open SDG's score, −5…+5.
        public var openSDGScore: Double?
        /// Open SDG's category.
        public var openSDG: OpenSDGCategory
        /// Why it could not be assessed.
        public var reason: String?

        static func unable(_ reason: String) -> Result {
            Result(
                baseYear: nil, latestYear: nil, observedGrowth: nil, requiredGrowth: nil, ratio: nil,
                eurostat: .unableToAssess, openSDGScore: nil, openSDG: .unableToAssess, reason: reason)
        }

        /// `moderate progress (ratio 62.9 %, Open SDG +0.20)`: how a report prints it.
        public var summary: String {
            guard eurostat != .unableToAssess else { return "unable to assess: \(reason ?? "")" }
            var details: [String] = []
            if let ratio { details.append("ratio \(String(format: "%.1f", ratio * 100)) %") }
            if let observedGrowth { details.append("CAGR \(String(format: "%.2f", observedGrowth * 100)) %/yr") }
            if let openSDGScore {
                details.append("Open SDG \(openSDGScore >= 0 ? "+" : "")\(String(format: "%.2f", openSDGScore))")
            }
            return eurostat.rawValue + (details.isEmpty ? "" : " (" + details.joined(separator: ", ") + ")")
        }
    }

    /// Assesses a series of (year, value) points.
    ///
    /// - Parameters:
    ///   - points: The observations; order does not matter; at least two are needed.
    ///   - target: The target, or `nil` for the no-target assessment.
    ///   - direction: Which way is better (``Direction/none`` is assessed as higher).
    ///   - baseYear: The first year to use; the earliest point when `nil` (or when it has no point).
    ///   - thresholds: The thresholds.
    public static func assess(
        _ points: [(year: Int, value: Double)], target: Target?, direction: Direction, baseYear: Int? = nil,
        thresholds: Thresholds = Thresholds()
    ) -> Result {
        var sorted = points.filter { $0.value.isFinite }.sorted { $0.year < $1.year }
        if let baseYear, sorted.contains(where: { $0.year == baseYear }) {
            sorted = sorted.filter { $0.year >= baseYear }
        }
        guard sorted.count >= 2, let first = sorted.first, let last = sorted.last, last.year > first.year else {
            return .unable("fewer than two points in time")
        }
        var sign = direction == .lower ? -1.0 : 1.0
        var base = first.value
        var latest = last.value
        var goal = target?.value
        if sorted.allSatisfy({ $0.value < 0 }) {
            base = -base
            latest = -latest
            goal = goal.map { -$0 }
            sign = -sign
        } else if !sorted.allSatisfy({ $0.value >= 0 }) {
            return .unable("the values change sign")
        }
        if base == 0 { base = thresholds.zeroReplacement }
        if latest == 0 { latest = thresholds.zeroReplacement }
        let years = Double(last.year - first.year)
        let observed = pow(latest / base, 1 / years) - 1
        var result = Result(
            baseYear: first.year, latestYear: last.year, observedGrowth: observed, requiredGrowth: nil, ratio: nil,
            eurostat: .unableToAssess, openSDGScore: nil, openSDG: .unableToAssess, reason: nil)
        guard let target, var goal else {
            let adjusted = sign * observed
            result.eurostat =
                adjusted > thresholds.noTargetSignificant
                ? .significantProgress
                : adjusted >= 0
                    ? .moderateProgress
                    : adjusted >= -thresholds.noTargetSignificant ? .moderateMovementAway : .significantMovementAway
            result.openSDGScore = piecewiseScore(
                adjusted,
                through: [
                    (-thresholds.openSDGNoTargetCutoff, -5), (0, -2.5), (thresholds.openSDGAcceleration, 0),
                    (thresholds.openSDGOnTrack, 2.5), (thresholds.openSDGNoTargetCutoff, 5),
                ])
            result.openSDG =
                adjusted >= thresholds.openSDGOnTrack
                ? .onTrack
                : adjusted >= thresholds.openSDGAcceleration
                    ? .accelerationNeeded : adjusted >= 0 ? .limitedProgress : .deterioration
            return result
        }
        if goal == 0 { goal = thresholds.zeroReplacement }
        let reached = sign > 0 ? latest >= goal : latest <= goal
        if reached {
            result.eurostat = .targetReached
            result.openSDG = .targetAchieved
            result.openSDGScore = 5
            return result
        }
        guard target.year > first.year else { return .unable("the target year is not after the base year") }
        let required = pow(goal / base, 1 / Double(target.year - first.year)) - 1
        result.requiredGrowth = required
        guard required != 0 else { return .unable("the base value already equals the target") }
        let ratio = observed / required
        result.ratio = ratio
        result.eurostat =
            ratio >= thresholds.significantRatio
            ? .significantProgress
            : ratio >= thresholds.moderateRatio
                ? .moderateProgress : ratio >= 0 ? .insufficientProgress : .movingAway
        let middle = thresholds.moderateRatio
        let score =
            ratio >= middle
            ? 5 * (ratio - middle) / (thresholds.openSDGHighRatio - middle)
            : 5 * (ratio - middle) / (middle - thresholds.openSDGLowRatio)
        result.openSDGScore = clamp(score)
        result.openSDG =
            score >= 2.5
            ? .onTrack : score >= 0 ? .accelerationNeeded : score >= -2.5 ? .limitedProgress : .deterioration
        return result
    }

    private static func clamp(_ score: Double) -> Double { min(5, max(-5, score)) }

    /// Linear interpolation through `points` (sorted by x), constant beyond the first and the last.
    static func piecewiseScore(_ x: Double, through points: [(x: Double, score: Double)]) -> Double {
        guard let first = points.first, let last = points.last else { return 0 }
        if x <= first.x { return first.score }
        if x >= last.x { return last.score }
        for (low, high) in zip(points, points.dropFirst()) where x <= high.x {
            guard high.x > low.x else { return high.score }
            return low.score + (x - low.x) / (high.x - low.x) * (high.score - low.score)
        }
        return last.score
    }
}
