import ClusterLensCore
import ClusterLensScoring
import Testing

@Suite("Composite aggregator")
struct CompositeAggregatorTests {
    @Test(
        "Pillars 80 and 20 with equal weights: arithmetic 50, power 0.5 → 45, geometric 40, harmonic 32 (METHODS A4)",
        arguments: [
            (CompositeSettings.Aggregation.arithmetic, 50.0), (.power(order: 0.5), 45), (.geometric, 40),
            (.power(order: 0), 40), (.harmonic, 32), (.power(order: -1), 32), (.power(order: 1), 50),
        ])
    func means(method: CompositeSettings.Aggregation, expected: Double) throws {
        let value = try Aggregator.aggregate([80, 20], weights: [1, 1], method: method)
        #expect(abs(value - expected) < 1e-9)
    }

    @Test("Weights need not sum to 1: weights 3 and 1 on 80 and 20 give 65")
    func weighted() throws {
        #expect(abs(try Aggregator.aggregate([80, 20], weights: [3, 1], method: .arithmetic) - 65) < 1e-12)
    }

    @Test("A geometric mean with a zero is an error, never a silent zero")
    func geometricZero() {
        #expect(throws: CompositeError.self) {
            try Aggregator.aggregate([0, 100], weights: [1, 1], method: .geometric)
        }
        do {
            _ = try Aggregator.aggregate([0, 100], weights: [1, 1], method: .geometric)
        } catch {
            #expect(error.code == .nonPositiveInput)
        }
    }

    @Test("With shift 1 the geometric mean of 0 and 100 is √(1 × 101) − 1")
    func geometricShift() throws {
        let value = try Aggregator.aggregate([0, 100], weights: [1, 1], method: .geometric, shift: 1)
        #expect(abs(value - (101.0.squareRoot() - 1)) < 1e-12)
        #expect(abs(value - 9.0499) < 1e-4)
    }

    @Test("Mazziotta–Pareto penalises unbalanced units: 100, 100, 0 → 100/3; 50, 0, 100 → 50/3; 0, 50, 50 → 50/3")
    func mazziottaPareto() throws {
        let a = try Aggregator.aggregate([100, 100, 0], weights: [1, 1, 1], method: .mazziottaPareto)
        let b = try Aggregator.aggregate([50, 0, 100], weights: [1, 1, 1], method: .mazziottaPareto)
        let c = try Aggregator.aggregate([0, 50, 50], weights: [1, 1, 1], method: .mazziottaPareto)
        #expect(abs(a - 100.0 / 3) < 1e-9)
        #expect(abs(b - 50.0 / 3) < 1e-9)
        #expect(abs(c - 50.0 / 3) < 1e-9)
        #expect(throws: CompositeError.self) {
            try Aggregator.aggregate([-1, 0, 1], weights: [1, 1, 1], method: .mazziottaPareto)
        }
    }

    @Test("Copeland: A beats B and C, B beats C → 2, 0, −2; a unit without data takes no part")
    func copeland() {
        let rows: [[Double?]?] = [[100, 100, 0], [50, 0, 100], [0, 50, 50], nil]
        #expect(Aggregator.copeland(rows, weights: [1, 1, 1]) == [2, 0, -2, nil])
        // Weight on the third indicator large enough: B and C now beat A (A leads on weight 2 of 5), B beats C (4 of 5).
        #expect(Aggregator.copeland(rows, weights: [1, 1, 3]) == [-2, 2, 0, nil])
    }
}
