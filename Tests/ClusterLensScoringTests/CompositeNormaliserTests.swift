import ClusterLensCore
import ClusterLensScoring
import Testing

@Suite("Composite normaliser")
struct CompositeNormaliserTests {
    static let higher = CompositeIndicator(id: "x", pillar: .economic)
    static let lower = CompositeIndicator(id: "y", direction: .lower, pillar: .environmental)

    static func expectClose(_ actual: [Double?], _ expected: [Double?], tolerance: Double = 1e-9) {
        #expect(actual.count == expected.count)
        for (a, e) in zip(actual, expected) {
            switch (a, e) {
            case (let a?, let e?): #expect(abs(a - e) < tolerance, "\(a) ≠ \(e)")
            case (nil, nil): break
            default: Issue.record("\(String(describing: a)) ≠ \(String(describing: e))")
            }
        }
    }

    @Test("Min-max of 12, 35 and 58 onto [0, 100] gives 0, 50 and 100 (METHODS A4)")
    func minMax() throws {
        let values = try Normaliser.normalise([12, 35, 58], indicator: Self.higher, method: .minMax(low: 0, high: 100))
        Self.expectClose(values, [0, 50, 100])
    }

    @Test("A missing value stays missing and does not count as zero")
    func missing() throws {
        let values = try Normaliser.normalise(
            [12, nil, 58], indicator: Self.higher, method: .minMax(low: 0, high: 100))
        Self.expectClose(values, [0, nil, 100])
    }

    @Test("A lower-is-better indicator gets the mirrored min-max score")
    func mirrored() throws {
        let values = try Normaliser.normalise([12, 35, 58], indicator: Self.lower, method: .minMax(low: 0, high: 100))
        Self.expectClose(values, [100, 50, 0])
    }

    @Test("Z-scores use the sample standard deviation: 2, 4, 6 → −1, 0, 1, or 90, 100, 110 at mean 100 and sd 10")
    func zScore() throws {
        let plain = try Normaliser.normalise([2, 4, 6], indicator: Self.higher, method: .zScore(mean: 0, sd: 1))
        Self.expectClose(plain, [-1, 0, 1])
        let scaled = try Normaliser.normalise([2, 4, 6], indicator: Self.higher, method: .zScore(mean: 100, sd: 10))
        Self.expectClose(scaled, [90, 100, 110])
    }

    @Test("Goalposts 10 and 60 score 0, 35, 80 as 0, 50, 100 (truncated), mirrored for lower-is-better")
    func goalposts() throws {
        let higher = CompositeIndicator(id: "x", pillar: .social, goalposts: Goalposts(low: 10, high: 60))
        Self.expectClose(
            try Normaliser.normalise([0, 35, 80], indicator: higher, method: .goalposts(scale: 100)), [0, 50, 100])
        let lower = CompositeIndicator(
            id: "y", direction: .lower, pillar: .social, goalposts: Goalposts(low: 10, high: 60))
        Self.expectClose(
            try Normaliser.normalise([0, 35, 80], indicator: lower, method: .goalposts(scale: 100)), [100, 50, 0])
    }

    @Test("Goalpost normalisation without goalposts is an error")
    func goalpostsMissing() {
        #expect(throws: CompositeError(.missingParameter, "indicator x has no goalposts")) {
            try Normaliser.normalise([1, 2], indicator: Self.higher, method: .goalposts(scale: 100))
        }
    }

    @Test("Distance to a target of 30 from 10, 20, 40 is 0, 50, 100 capped (150 uncapped); mirrored for lower")
    func distanceToTarget() throws {
        let higher = CompositeIndicator(id: "x", pillar: .economic, target: 30)
        Self.expectClose(
            try Normaliser.normalise(
                [10, 20, 40], indicator: higher, method: .distanceToTarget(scale: 100, cap: true)),
            [0, 50, 100])
        Self.expectClose(
            try Normaliser.normalise(
                [10, 20, 40], indicator: higher, method: .distanceToTarget(scale: 100, cap: false)),
            [0, 50, 150])
        // Lower is better, target 15: (max − x) / (max − target) = 30/25, 20/25, 0.
        let lower = CompositeIndicator(id: "y", direction: .lower, pillar: .economic, target: 15)
        Self.expectClose(
            try Normaliser.normalise([10, 20, 40], indicator: lower, method: .distanceToTarget(scale: 100, cap: true)),
            [100, 80, 0])
    }

    @Test("Distance to the best unit of 12, 35, 58 is 0, 0.5, 1 × scale")
    func distanceToBest() throws {
        Self.expectClose(
            try Normaliser.normalise([12, 35, 58], indicator: Self.higher, method: .distanceToBest(scale: 1)),
            [0, 0.5, 1])
    }

    @Test("Percentile rank counts strictly worse units over n − 1; ties share the lower rank")
    func percentileRank() throws {
        Self.expectClose(
            try Normaliser.normalise([10, 20, 20, 40], indicator: Self.higher, method: .percentileRank(scale: 100)),
            [0, 100.0 / 3, 100.0 / 3, 100])
        Self.expectClose(
            try Normaliser.normalise([10, 20, 20, 40], indicator: Self.higher, method: .rank), [1, 2, 2, 4])
        Self.expectClose(
            try Normaliser.normalise([10, 20, 20, 40], indicator: Self.lower, method: .rank), [4, 2, 2, 1])
    }
}
