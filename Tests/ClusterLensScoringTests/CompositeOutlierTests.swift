import ClusterLensCore
import ClusterLensScoring
import Foundation
import Testing

@Suite("Composite outlier treatment (COINr rule)")
struct CompositeOutlierTests {
    @Test("1…9 and 100 fails (skew 3.12, kurtosis 9.80): only 100 is winsorised to 9, then it passes")
    func oneWinsorisation() {
        let values: [Double?] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 100]
        let outcome = OutlierTreater.treat(values, settings: .init())
        #expect(outcome.values == [1, 2, 3, 4, 5, 6, 7, 8, 9, 9])
        #expect(outcome.kinds == Array(repeating: nil, count: 9) + [.winsorisedHigh])
    }

    @Test("1…18, 60, 100: 100 goes to 60, then both 60s to 18 (three points)")
    func tiedWinsorisation() {
        let values: [Double?] = (1...18).map { Double($0) } + [60, 100]
        let outcome = OutlierTreater.treat(values, settings: .init())
        #expect(outcome.values == (1...18).map { Double($0) } + [18, 18])
        #expect(outcome.kinds == Array(repeating: nil, count: 18) + [.winsorisedHigh, .winsorisedHigh])
    }

    @Test("A low outlier is winsorised from below (winlo); missing values are left alone")
    func lowOutlier() {
        let values: [Double?] = [-100, 1, 2, 3, nil, 4, 5, 6, 7, 8, 9]
        let outcome = OutlierTreater.treat(values, settings: .init())
        #expect(outcome.values == [1, 1, 2, 3, nil, 4, 5, 6, 7, 8, 9])
        #expect(outcome.kinds.first == .winsorisedLow)
        #expect(outcome.kinds.dropFirst().allSatisfy { $0 == nil })
    }

    /// 30 zeros and 1, 2, 3, 4, 5 (skew 2.73, kurtosis 6.39: fails). Step 1: 5 → 4 (one point);
    /// step 2: both 4s → 3 (two distinct points); step 3: the three 3s → 2 (three; skew 2.32,
    /// kurtosis 3.74: still fails); step 4: the four 2s → 1 (four distinct points). Then 30 zeros and
    /// five ones: d = −1/7 and 6/7, Σd² = 30/7, Σd⁴ = 6 510/2 401, r = 35 Σd⁴ / (Σd²)² = 31/6,
    /// kurtosis ((36)(31/6 − 3) + 6) × 34 / (33 × 32) = 2 856/1 056 = 2.70 < 3.5: passes. Counting
    /// every replacement (1 + 2 + 3 = 6 ≥ 5 after step 3), the old rule gave up and log-transformed.
    @Test("winmax counts distinct points as COINr does: four steps winsorise 2, 3, 4 and 5 to 1, then it passes")
    func distinctPointsCount() {
        let values: [Double?] = Array(repeating: 0, count: 30) + [1, 2, 3, 4, 5]
        let outcome = OutlierTreater.treat(values, settings: .init())
        #expect(outcome.values == Array(repeating: 0, count: 30) + [1, 1, 1, 1, 1])
        #expect(
            outcome.kinds == Array(repeating: nil, count: 31) + Array(repeating: .winsorisedHigh, count: 4))
        // With winmax 3 the three distinct points of step 3 reach the limit: log_CT of the originals
        // (min 0, range 5, offset 0.05).
        let limited = OutlierTreater.treat(values, settings: .init(winsorisationLimit: 3))
        #expect(limited.kinds.allSatisfy { $0 == .log })
        #expect(limited.values.first == log(0.05) && limited.values.last == log(5.05))
    }

    /// The mirror of the column below, 100 − (1…18, 60, 100): 0, 40, 82, …, 99, skew −3.12 (fails);
    /// one winsorised point (0 → 40) is not enough with winmax 1. Min 0, max 99, offset 0.99.
    /// log_CT: log(x + 0.99), so 0 → log 0.99 and 99 → log 99.99 (the order is kept, the skew grows).
    /// log_CT_plus mirrors a negative skew: −log(99 − x + 0.99), so 0 → −log 99.99, 99 → −log 0.99.
    @Test("A negatively skewed column: log_CT by default, log_CT_plus mirrored, both by hand")
    func negativeSkewTransforms() throws {
        let values: [Double?] = [0, 40] + (82...99).map { Double($0) }
        let logCT = OutlierTreater.treat(values, settings: .init(winsorisationLimit: 1))
        #expect(logCT.kinds.allSatisfy { $0 == .log })
        #expect(try #require(logCT.values[0]) == log(0.99))
        #expect(try #require(logCT.values[1]) == log(40.99))
        #expect(try #require(logCT.values[19]) == log(99.99))
        let plus = OutlierTreater.treat(values, settings: .init(winsorisationLimit: 1, transform: .logCTPlus))
        #expect(plus.kinds.allSatisfy { $0 == .log })
        #expect(try #require(plus.values[0]) == -log(99.99))
        #expect(try #require(plus.values[1]) == -log(59.99))
        #expect(try #require(plus.values[19]) == -log(0.99))
        // A positive skew takes the log_CT branch of log_CT_plus: the same values as log_CT.
        let positive: [Double?] = (1...18).map { Double($0) } + [60, 100]
        #expect(
            OutlierTreater.treat(positive, settings: .init(winsorisationLimit: 1, transform: .logCTPlus))
                == OutlierTreater.treat(positive, settings: .init(winsorisationLimit: 1)))
    }

    @Test("When winmax points do not suffice, the original values are log-transformed: log(x − min + 0.01 × range)")
    func logFallback() throws {
        let values: [Double?] = (1...18).map { Double($0) } + [60, 100]
        let outcome = OutlierTreater.treat(values, settings: .init(winsorisationLimit: 1))
        let first = try #require(outcome.values[0])
        let last = try #require(outcome.values[19])
        #expect(abs(first - log(0.99)) < 1e-12)
        #expect(abs(last - log(99.99)) < 1e-12)
        #expect(outcome.kinds.allSatisfy { $0 == .log })
    }

    @Test("A symmetric indicator passes untouched; treatment off leaves any indicator untouched")
    func untouched() {
        let symmetric: [Double?] = [1, 2, 3, 4, 5, 6]
        #expect(OutlierTreater.treat(symmetric, settings: .init()).values == symmetric)
        let skewed: [Double?] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 100]
        #expect(OutlierTreater.treat(skewed, settings: .init(enabled: false)).values == skewed)
    }
}
