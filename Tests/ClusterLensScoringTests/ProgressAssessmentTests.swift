import ClusterLensCore
import Foundation
import Testing

@testable import ClusterLensScoring

/// Progress towards targets: METHODS A3 and the edge cases of §5.
@Suite("Progress towards targets")
struct ProgressAssessmentTests {
    /// A3: renewable share 20.0 (2015) → 25.0 (2022), target 42.5 in 2030: observed CAGR 3.239 %,
    /// required 5.154 %, ratio 62.85 % → moderate progress; Open SDG 5 × (0.6285 − 0.60) / 0.70 = +0.20.
    @Test func theRenewableShareWorkedExample() {
        let result = ProgressAssessment.assess(
            [(2015, 20.0), (2022, 25.0)], target: .init(value: 42.5, year: 2030), direction: .higher)
        #expect(abs((result.observedGrowth ?? 0) - 0.0323911847100018) < 1e-12)
        #expect(abs((result.requiredGrowth ?? 0) - 0.05153547540211445) < 1e-12)
        #expect(abs((result.ratio ?? 0) - 0.6285220900217565) < 1e-12)
        #expect(result.eurostat == .moderateProgress)
        #expect(result.openSDG == .accelerationNeeded)
        #expect(abs((result.openSDGScore ?? 0) - 0.20372921444111816) < 1e-12)
        #expect(result.summary == "moderate progress (ratio 62.9 %, CAGR 3.24 %/yr, Open SDG +0.20)")
    }

    /// Lower is better: GHG intensity 100 (2015) → 80 (2020), target 45 by 2030: observed −4.365 %/yr,
    /// required −5.184 %/yr, ratio 84.19 % → moderate progress; Open SDG 5 × 0.2419 / 0.7 = +1.73.
    @Test func aDecreasingIndicatorProgressesWhenItFalls() {
        let result = ProgressAssessment.assess(
            [(2015, 100), (2018, 90), (2020, 80)], target: .init(value: 45, year: 2030), direction: .lower)
        #expect(abs((result.ratio ?? 0) - 0.8419374592407707) < 1e-12)
        #expect(result.eurostat == .moderateProgress)
        #expect(abs((result.openSDGScore ?? 0) - 1.7281247088626481) < 1e-12)
        let rising = ProgressAssessment.assess(
            [(2015, 100), (2020, 110)], target: .init(value: 45, year: 2030), direction: .lower)
        #expect(rising.eurostat == .movingAway)
        #expect(rising.openSDG == .limitedProgress || rising.openSDG == .deterioration)
    }

    @Test(
        "Without a target the direction-adjusted CAGR decides",
        arguments: [
            (100.0, 110.0, Direction.higher, ProgressAssessment.EurostatCategory.significantProgress),  // +1.92 %/yr
            (100.0, 102.0, .higher, .moderateProgress),  // +0.40 %/yr
            (100.0, 98.0, .higher, .moderateMovementAway),  // −0.40 %/yr
            (100.0, 90.0, .higher, .significantMovementAway),  // −2.09 %/yr
            (100.0, 90.0, .lower, .significantProgress),
        ])
    func noTarget(
        _ start: Double, _ end: Double, _ direction: Direction, _ expected: ProgressAssessment.EurostatCategory
    ) {
        let result = ProgressAssessment.assess([(2015, start), (2020, end)], target: nil, direction: direction)
        #expect(result.eurostat == expected)
    }

    @Test func theEdgeCases() {
        let single = ProgressAssessment.assess([(2022, 25)], target: .init(value: 42.5, year: 2030), direction: .higher)
        #expect(single.eurostat == .unableToAssess && single.reason == "fewer than two points in time")
        let reached = ProgressAssessment.assess(
            [(2015, 30), (2022, 45)], target: .init(value: 42.5, year: 2030), direction: .higher)
        #expect(reached.eurostat == .targetReached && reached.openSDGScore == 5)
        let mixed = ProgressAssessment.assess([(2015, -1), (2022, 2)], target: nil, direction: .higher)
        #expect(mixed.eurostat == .unableToAssess)
        // A zero base is replaced by 0.001: from 0.001 to 1 in 5 years is far above any threshold.
        let zero = ProgressAssessment.assess([(2015, 0), (2020, 1)], target: nil, direction: .higher)
        #expect(zero.eurostat == .significantProgress)
        #expect(abs((zero.observedGrowth ?? 0) - (pow(1000.0, 0.2) - 1)) < 1e-9)
        // All negative: assessed on absolute values with the direction flipped (−10 → −5 is a fall of
        // the magnitude, so progress for a higher-is-better balance).
        let negative = ProgressAssessment.assess([(2015, -10), (2020, -5)], target: nil, direction: .higher)
        #expect(negative.eurostat == .significantProgress)
        // A base year after the first point starts the assessment there.
        let based = ProgressAssessment.assess(
            [(2010, 5), (2015, 20), (2022, 25)], target: .init(value: 42.5, year: 2030), direction: .higher,
            baseYear: 2015)
        #expect(abs((based.ratio ?? 0) - 0.6285220900217565) < 1e-12)
    }
}
