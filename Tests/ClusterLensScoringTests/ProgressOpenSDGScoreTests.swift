import ClusterLensCore
import Testing

@testable import ClusterLensScoring

/// The Open SDG score (−5…+5) and its category, against the piecewise mapping of Open SDG's
/// `docs/progress-methodology.md` (figures 1 and 2).
@Suite("Open SDG progress score")
struct ProgressOpenSDGScoreTests {
    /// One year from 100 to 100 × (1 + g): the observed CAGR is g. Without a target the score runs
    /// through (−2 %, −5), (0, −2.5), (0.5 %, 0), (1.5 %, 2.5), (2 %, 5).
    @Test(
        "Without a target the score is piecewise linear in the CAGR and agrees with the category",
        arguments: [
            (-0.03, -5.0, ProgressAssessment.OpenSDGCategory.deterioration),
            (-0.01, -3.75, .deterioration),
            (0.0025, -1.25, .limitedProgress),
            (0.01, 1.25, .accelerationNeeded),
            (0.0175, 3.75, .onTrack),
            (0.03, 5.0, .onTrack),
        ])
    func noTargetScore(_ growth: Double, _ score: Double, _ category: ProgressAssessment.OpenSDGCategory) throws {
        let result = ProgressAssessment.assess(
            [(2020, 100), (2021, 100 * (1 + growth))], target: nil, direction: .higher)
        let actual = try #require(result.openSDGScore)
        #expect(abs(actual - score) < 1e-9)
        #expect(result.openSDG == category)
    }

    /// A lower-is-better series falling by 0.8 %/yr scores as a rise of 0.8 %/yr does:
    /// 2.5 × (0.8 − 0.5) / (1.5 − 0.5) = 0.75.
    @Test func withoutATargetAFallIsProgressWhenLowerIsBetter() throws {
        let result = ProgressAssessment.assess([(2020, 100), (2021, 99.2)], target: nil, direction: .lower)
        #expect(abs(try #require(result.openSDGScore) - 0.75) < 1e-9)
        #expect(result.openSDG == .accelerationNeeded)
        #expect(result.eurostat == .moderateProgress)
    }

    /// From 100 (2020), a target of 121 in 2022 needs 10 %/yr; one year later at 100 × (1 + 0.1 R) the
    /// ratio is R. Cut-offs: R = −60 % → −5, 0 → −2.5, 60 % → 0, 95 % → +2.5, 130 % → +5.
    @Test(
        "With a target the score is piecewise linear in the ratio",
        arguments: [
            (
                -0.9, -5.0, ProgressAssessment.OpenSDGCategory.deterioration,
                ProgressAssessment.EurostatCategory.movingAway
            ),
            (-0.6, -5.0, .deterioration, .movingAway),
            (0.3, -1.25, .limitedProgress, .insufficientProgress),
            (0.8, 1.4285714285714286, .accelerationNeeded, .moderateProgress),
            (1.3, 5.0, .onTrack, .significantProgress),
            (1.6, 5.0, .onTrack, .significantProgress),
        ])
    func targetScore(
        _ ratio: Double, _ score: Double, _ category: ProgressAssessment.OpenSDGCategory,
        _ eurostat: ProgressAssessment.EurostatCategory
    ) throws {
        let result = ProgressAssessment.assess(
            [(2020, 100), (2021, 100 * (1 + 0.1 * ratio))], target: .init(value: 121, year: 2022), direction: .higher)
        #expect(abs(try #require(result.ratio) - ratio) < 1e-9)
        #expect(abs(try #require(result.openSDGScore) - score) < 1e-9)
        #expect(result.openSDG == category)
        #expect(result.eurostat == eurostat)
    }

    /// METHODS A3 in full: 20.0 (2015) → 25.0 (2022), target 42.5 in 2030.
    @Test func theRenewableShareWorkedExampleToTwoDecimals() throws {
        let result = ProgressAssessment.assess(
            [(2015, 20), (2018, 22), (2022, 25)], target: .init(value: 42.5, year: 2030), direction: .higher)
        #expect((try #require(result.observedGrowth) * 10_000).rounded() / 100 == 3.24)
        #expect((try #require(result.requiredGrowth) * 10_000).rounded() / 100 == 5.15)
        #expect((try #require(result.ratio) * 1000).rounded() / 10 == 62.9)
        #expect((try #require(result.openSDGScore) * 100).rounded() / 100 == 0.20)
        #expect(result.eurostat == .moderateProgress)
        #expect(result.openSDG == .accelerationNeeded)
    }

    /// The interpolation helper itself: constant outside, linear inside.
    @Test func thePiecewiseScoreIsConstantOutsideItsPoints() {
        let points: [(x: Double, score: Double)] = [(-1, -5), (0, 0), (2, 5)]
        #expect(ProgressAssessment.piecewiseScore(-3, through: points) == -5)
        #expect(ProgressAssessment.piecewiseScore(-0.5, through: points) == -2.5)
        #expect(ProgressAssessment.piecewiseScore(1, through: points) == 2.5)
        #expect(ProgressAssessment.piecewiseScore(9, through: points) == 5)
    }
}
