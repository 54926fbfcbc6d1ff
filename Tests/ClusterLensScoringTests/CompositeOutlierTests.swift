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
