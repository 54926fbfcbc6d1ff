import ClusterLensCore
import Testing

@testable import ClusterLensScoring

/// Progress towards targets: lower-is-better indicators and the edge cases, computed by hand.
@Suite("Progress assessment edge cases")
struct ProgressEdgeCaseTests {
    /// GHG intensity 200 (2015) → 170 (2022), target −55 % = 90 in 2030, lower is better:
    /// observed (170/200)^(1/7) − 1 = −2.295 %/yr, required (90/200)^(1/15) − 1 = −5.184 %/yr,
    /// R = 44.27 % → insufficient progress; Open SDG 5 × (0.4427 − 0.60) / 1.20 = −0.66 → limited progress.
    @Test func aLowerIsBetterTargetIsApproachedByFalling() throws {
        let result = ProgressAssessment.assess(
            [(2015, 200), (2022, 170)], target: .init(value: 90, year: 2030), direction: .lower)
        #expect(abs(try #require(result.observedGrowth) - -0.022950) < 1e-6)
        #expect(abs(try #require(result.requiredGrowth) - -0.051842) < 1e-6)
        #expect(abs(try #require(result.ratio) - 0.44268) < 1e-5)
        #expect(abs(try #require(result.openSDGScore) - -0.6555) < 1e-4)
        #expect(result.eurostat == .insufficientProgress)
        #expect(result.openSDG == .limitedProgress)
    }

    /// The same indicator rising moves away from its target.
    @Test func aLowerIsBetterIndicatorThatRisesMovesAway() {
        let result = ProgressAssessment.assess(
            [(2015, 200), (2022, 210)], target: .init(value: 90, year: 2030), direction: .lower)
        #expect(result.eurostat == .movingAway)
        #expect(result.openSDG == .deterioration, "R = −13.5 % → 5 × (−0.135 − 0.60) / 1.20 = −3.06")
        #expect((result.ratio ?? 0) < 0)
    }

    /// A lower-is-better latest value at or below the target has reached it.
    @Test func aLowerIsBetterTargetIsReachedFromAbove() {
        let result = ProgressAssessment.assess(
            [(2015, 200), (2022, 88)], target: .init(value: 90, year: 2030), direction: .lower)
        #expect(result.eurostat == .targetReached)
        #expect(result.openSDG == .targetAchieved)
        #expect(result.openSDGScore == 5)
    }

    /// A zero target becomes 0.001: 10 → 5 over 5 years (−12.94 %/yr) against (0.001/10)^(1/15) − 1
    /// = −45.88 %/yr, R = 28.2 %; with a replacement of 1 the required rate is −14.23 %/yr, R = 91.0 %.
    @Test func aZeroTargetIsReplacedByAConfigurableValue() throws {
        let points: [(year: Int, value: Double)] = [(2015, 10), (2020, 5)]
        let target = ProgressAssessment.Target(value: 0, year: 2030)
        let standard = ProgressAssessment.assess(points, target: target, direction: .lower)
        #expect(abs(try #require(standard.ratio) - 0.282129) < 1e-6)
        #expect(standard.eurostat == .insufficientProgress)
        var thresholds = ProgressAssessment.Thresholds()
        thresholds.zeroReplacement = 1
        let lenient = ProgressAssessment.assess(points, target: target, direction: .lower, thresholds: thresholds)
        #expect(abs(try #require(lenient.ratio) - 0.909668) < 1e-6)
        #expect(lenient.eurostat == .moderateProgress)
    }

    /// All negative: a higher-is-better balance −10 → −5 with target −2 is assessed on 10 → 5 → 2
    /// lower-is-better: required (2/10)^(1/15) − 1 = −10.17 %/yr, observed −12.94 %/yr, R = 127.2 %,
    /// Open SDG 5 × (1.2724 − 0.60) / 0.70 = 4.80.
    @Test func allNegativeValuesFlipTheDirection() throws {
        let result = ProgressAssessment.assess(
            [(2015, -10), (2020, -5)], target: .init(value: -2, year: 2030), direction: .higher)
        #expect(abs(try #require(result.ratio) - 1.272354) < 1e-6)
        #expect(abs(try #require(result.openSDGScore) - 4.8025) < 1e-4)
        #expect(result.eurostat == .significantProgress)
        #expect(result.openSDG == .onTrack)
    }

    /// Two points in the same year, or one point, or none cannot be assessed.
    @Test(
        "Fewer than two points in time cannot be assessed",
        arguments: [
            [(year: Int, value: Double)](),
            [(2020, 1)],
            [(2020, 1), (2020, 2)],
            [(2020, .nan), (2021, 2)],
        ])
    func tooFewPoints(_ points: [(year: Int, value: Double)]) {
        let result = ProgressAssessment.assess(points, target: .init(value: 5, year: 2030), direction: .higher)
        #expect(result.eurostat == .unableToAssess)
        #expect(result.openSDG == .unableToAssess)
        #expect(result.openSDGScore == nil)
    }

    /// A target year not after the base year cannot be assessed (when the target is not yet met).
    @Test func aTargetYearBeforeTheBaseCannotBeAssessed() {
        let result = ProgressAssessment.assess(
            [(2015, 20), (2022, 25)], target: .init(value: 42.5, year: 2010), direction: .higher)
        #expect(result.eurostat == .unableToAssess)
    }

    /// A descriptive indicator (direction none) is assessed as higher-is-better.
    @Test func aDescriptiveIndicatorIsAssessedAsHigherIsBetter() {
        let none = ProgressAssessment.assess([(2015, 100), (2020, 110)], target: nil, direction: .none)
        let higher = ProgressAssessment.assess([(2015, 100), (2020, 110)], target: nil, direction: .higher)
        #expect(none == higher)
    }

    /// Thresholds are data: raising Eurostat's significant ratio to 130 % demotes the worked example's
    /// neighbour at R = 100 %.
    @Test func thresholdsAreData() {
        var strict = ProgressAssessment.Thresholds()
        strict.significantRatio = 1.3
        let points: [(year: Int, value: Double)] = [(2020, 100), (2021, 110)]
        let target = ProgressAssessment.Target(value: 121, year: 2022)
        #expect(ProgressAssessment.assess(points, target: target, direction: .higher).eurostat == .significantProgress)
        #expect(
            ProgressAssessment.assess(points, target: target, direction: .higher, thresholds: strict).eurostat
                == .moderateProgress)
    }
}
