import ClusterLensCore
import Foundation
import Testing

@testable import ClusterLensScoring

@Suite("Composite engine")
struct CompositeEngineTests {
    static func close(_ a: Double?, _ b: Double, tolerance: Double = 1e-9) -> Bool {
        guard let a else { return false }
        return abs(a - b) < tolerance
    }

    /// Three units whose raw values are already on [0, 100] with 0 and 100 present, so min-max keeps them.
    static let threeUnits = CompositeInput(
        units: ["A", "B", "C"],
        indicators: [
            CompositeIndicator(id: "i1", pillar: .economic), CompositeIndicator(id: "i2", pillar: .economic),
            CompositeIndicator(id: "i3", pillar: .economic),
        ],
        values: [[100, 100, 0], [50, 0, 100], [0, 50, 50]])

    @Test("Arithmetic pillar scores of the three-unit example are 200/3, 50 and 100/3, ranked 1, 2, 3")
    func arithmetic() throws {
        let result = try CompositeEngine.run(Self.threeUnits)
        let scores = result.units.map { $0.pillars[.economic]?.score }
        #expect(Self.close(scores[0], 200.0 / 3) && Self.close(scores[1], 50) && Self.close(scores[2], 100.0 / 3))
        #expect(result.units.map(\.rank) == [1, 2, 3])
        #expect(Self.close(result.units[0].index.score, 200.0 / 3))
        #expect(result.units[0].index.coverage == 1)
    }

    @Test("Mazziotta–Pareto on the three-unit example: 100/3, 50/3, 50/3")
    func mazziottaPareto() throws {
        let settings = CompositeSettings(indicatorAggregation: .mazziottaPareto)
        let result = try CompositeEngine.run(Self.threeUnits, settings: settings)
        let scores = result.units.map { $0.pillars[.economic]?.score }
        #expect(Self.close(scores[0], 100.0 / 3) && Self.close(scores[1], 50.0 / 3) && Self.close(scores[2], 50.0 / 3))
    }

    @Test("Copeland on the three-unit example: A 2, B 0, C −2 (non-compensatory)")
    func copeland() throws {
        let settings = CompositeSettings(indicatorAggregation: .copeland)
        let result = try CompositeEngine.run(Self.threeUnits, settings: settings)
        #expect(result.units.map { $0.pillars[.economic]?.score } == [2, 0, -2])
        #expect(result.units.map(\.rank) == [1, 2, 3])
    }

    @Test("Geometric aggregation of min-max scores with a zero is an error; with shift 1 it is documented")
    func geometricZero() throws {
        let settings = CompositeSettings(indicatorAggregation: .geometric)
        #expect(throws: CompositeError.self) { try CompositeEngine.run(Self.threeUnits, settings: settings) }
        var shifted = settings
        shifted.shift = 1
        let result = try CompositeEngine.run(Self.threeUnits, settings: shifted)
        // A: (101 × 101 × 1)^(1/3) − 1.
        let expected = cbrt(101.0 * 101.0) - 1
        #expect(Self.close(result.units[0].pillars[.economic]?.score, expected))
    }

    @Test("A lower-is-better indicator gets the mirrored score and a direction-adjusted value of −x")
    func direction() throws {
        let input = CompositeInput(
            units: ["A", "B", "C"],
            indicators: [CompositeIndicator(id: "co2", direction: .lower, pillar: .environmental)],
            values: [[10], [20], [30]])
        let result = try CompositeEngine.run(input)
        #expect(result.units.map { $0.values[0].normalised } == [100, 50, 0])
        #expect(result.units.map { $0.values[0].directionAdjusted } == [-10, -20, -30])
        #expect(result.units.map { $0.pillars[.environmental]?.score } == [100, 50, 0])
    }

    @Test("A unit missing an indicator gets the mean of the rest with coverage 2/3; below the minimum it is missing")
    func missing() throws {
        let input = CompositeInput(
            units: ["A", "B", "C"], indicators: Self.threeUnits.indicators,
            values: [[0, 100, nil], [50, 0, 100], [100, 50, 0]])
        let result = try CompositeEngine.run(input)
        let a = try #require(result.units[0].pillars[.economic])
        #expect(Self.close(a.score, 50))
        #expect(Self.close(a.coverage, 2.0 / 3))
        #expect(result.units[0].values[2].normalised == nil)

        let strict = try CompositeEngine.run(input, settings: CompositeSettings(minimumCoverage: 0.7))
        #expect(strict.units[0].pillars[.economic]?.score == nil)
        #expect(strict.units[0].index.score == nil)
        #expect(strict.units[0].rank == nil)
        #expect(Self.close(strict.units[1].index.score, 50))
    }

    @Test("Mean imputation fills and flags the gap; screening drops a unit below 66 % availability")
    func imputationAndScreening() throws {
        let input = CompositeInput(
            units: ["A", "B", "C", "D"], indicators: Self.threeUnits.indicators,
            values: [[0, 100, nil], [50, 0, 100], [100, 50, 0], [nil, nil, 10]])
        let result = try CompositeEngine.run(input, settings: CompositeSettings(imputation: .mean))
        #expect(result.units[3].included == false)
        #expect(result.units[3].index.score == nil)
        #expect(result.units[0].values[2].imputed)
        #expect(result.units[0].values[2].treated == 50)
        #expect(result.units[0].index.coverage == 1)
        #expect(result.units.filter { !$0.included }.map(\.unit) == ["D"])
    }

    @Test("PCA weights: x2 = x1 / 2 gives covariance [[2500, 1250], [1250, 625]], PC1 ∝ (2, 1), weights 0.8 and 0.2")
    func principalComponent() throws {
        let indicators = [
            CompositeIndicator(id: "x1", pillar: .economic, goalposts: Goalposts(low: 0, high: 100)),
            CompositeIndicator(id: "x2", pillar: .economic, goalposts: Goalposts(low: 0, high: 100)),
        ]
        let input = CompositeInput(
            units: ["A", "B", "C"], indicators: indicators, values: [[0, 0], [50, 25], [100, 50]])
        let settings = CompositeSettings(normalisation: .goalposts(scale: 100), weighting: .principalComponent)
        let result = try CompositeEngine.run(input, settings: settings)
        #expect(Self.close(result.indicatorWeights["x1"], 0.8, tolerance: 1e-9))
        #expect(Self.close(result.indicatorWeights["x2"], 0.2, tolerance: 1e-9))
        #expect(Self.close(result.units[1].pillars[.economic]?.score, 45, tolerance: 1e-9))
        #expect(result.messages.isEmpty)

        let opposed = CompositeInput(
            units: ["A", "B", "C"], indicators: indicators, values: [[0, 50], [50, 25], [100, 0]])
        let warned = try CompositeEngine.run(opposed, settings: settings)
        #expect(Self.close(warned.indicatorWeights["x1"], 0.8, tolerance: 1e-9))
        #expect(warned.messages.contains { $0.contains("negative loadings") && $0.contains("x2") })
    }

    /// e (higher) 20, 50, 90 against the settings' goalposts 30–80: 0 (truncated), 40, 100. c (lower)
    /// 1, 4, 8 against 2–6, which replace its own 0–10: (6 − x) / 4 truncated → 100, 50, 0. Index =
    /// mean of the two pillars: A 50, B 45, C 50; ranks 1, 3, 1.
    @Test("Goalposts from the settings normalise their indicators, replacing an indicator's own")
    func goalpostsFromSettings() throws {
        let input = CompositeInput(
            units: ["A", "B", "C"],
            indicators: [
                CompositeIndicator(id: "e", pillar: .economic),
                CompositeIndicator(
                    id: "c", direction: .lower, pillar: .environmental, goalposts: Goalposts(low: 0, high: 10)),
                CompositeIndicator(id: "size", direction: .none, pillar: .economic),
            ],
            values: [[20, 1, 5], [50, 4, 6], [90, 8, 7]])
        var settings = CompositeSettings(outliers: .init(enabled: false), normalisation: .goalposts(scale: 100))
        settings.goalposts = ["e": Goalposts(low: 30, high: 80), "c": Goalposts(low: 2, high: 6)]
        #expect(throws: CompositeError(.missingParameter, "indicator size has no goalposts")) {
            try CompositeEngine.run(input, settings: settings)
        }
        let aggregated = CompositeInput(
            units: input.units, indicators: Array(input.indicators.prefix(2)),
            values: input.values.map { Array($0.prefix(2)) })
        let result = try CompositeEngine.run(aggregated, settings: settings)
        #expect(result.units.map { $0.values[0].normalised } == [0, 40, 100])
        #expect(result.units.map { $0.values[1].normalised } == [100, 50, 0])
        #expect(result.units.map(\.index.score) == [50, 45, 50])
        #expect(result.units.map(\.rank) == [1, 3, 1])
        #expect(
            result.methods[3].description.hasPrefix(
                "goalposts per indicator, truncated to [0, 1], × 100.0 (c 2.0–6.0, e 30.0–80.0)"))

        var unknown = settings
        unknown.goalposts["size"] = Goalposts(low: 0, high: 1)
        #expect(
            throws: CompositeError(
                .invalidSettings, "goalposts for size, which is not an aggregated indicator of the composite")
        ) { try CompositeEngine.run(input, settings: unknown) }
        var reversed = settings
        reversed.goalposts["e"] = Goalposts(low: 80, high: 30)
        #expect(throws: CompositeError(.invalidSettings, "indicator e: goalpost low must be below high")) {
            try CompositeEngine.run(aggregated, settings: reversed)
        }
    }

    @Test("Importance ratings 8 and 2 weigh 0.8 and 0.2; explicit pillar weights weigh the pillars")
    func importanceAndExplicit() throws {
        let input = CompositeInput(
            units: ["A", "B"],
            indicators: [
                CompositeIndicator(id: "e", pillar: .economic), CompositeIndicator(id: "s", pillar: .social),
            ],
            values: [[0, 100], [100, 0]])
        let rated = try CompositeEngine.run(
            input,
            settings: CompositeSettings(weighting: .importance(indicators: [:], pillars: [.economic: 8, .social: 2])))
        #expect(Self.close(rated.units[1].index.score, 80))
        #expect(rated.pillarWeights == [.economic: 0.8, .social: 0.2])
        let explicit = try CompositeEngine.run(
            input, settings: CompositeSettings(weighting: .explicit(indicators: [:], pillars: [.social: 3])))
        #expect(Self.close(explicit.units[0].index.score, 75))
        #expect(throws: CompositeError.self) {
            try CompositeEngine.run(
                input, settings: CompositeSettings(weighting: .explicit(indicators: ["nope": 1], pillars: [:])))
        }
    }

    @Test("Transition scores aggregate the tagged indicators; a none-direction indicator is reported, not aggregated")
    func transitionsAndNone() throws {
        let input = CompositeInput(
            units: ["A", "B", "C"],
            indicators: [
                CompositeIndicator(id: "i1", pillar: .economic, tags: [.digital]),
                CompositeIndicator(id: "i2", pillar: .environmental, tags: [.green, .digital]),
                CompositeIndicator(id: "size", direction: .none, pillar: .economic),
            ],
            values: [[100, 0, 5], [0, 50, 7], [50, 100, 9]])
        let result = try CompositeEngine.run(input)
        #expect(Self.close(result.units[0].transitions[.digital]?.score, 50))
        #expect(Self.close(result.units[2].transitions[.green]?.score, 100))
        #expect(result.units[0].transitions[.resilience] == nil)
        #expect(Self.close(result.units[0].pillars[.economic]?.score, 100))
        #expect(result.units[0].values[2].normalised == 0)
        #expect(result.indicatorWeights["size"] == nil)
    }

    @Test("Ranks: 1 is the best, ties share the lowest rank, missing scores have no rank")
    func ranks() {
        #expect(PeerRanking.ranks([50, 80, 50, nil, 10], direction: .higher) == [2, 1, 2, nil, 4])
    }

    @Test("The methods record names every step and its parameters")
    func methods() throws {
        let result = try CompositeEngine.run(Self.threeUnits)
        #expect(
            result.methods.map(\.step) == [
                "screening", "imputation", "outliers", "normalisation", "weights", "aggregation", "ranks",
            ])
        #expect(result.methods[3].description.contains("min-max onto [0.0, 100.0]"))
    }

    @Test("Inconsistent input is an error: a short row, a duplicate unit")
    func invalidInput() {
        let short = CompositeInput(units: ["A"], indicators: Self.threeUnits.indicators, values: [[1, 2]])
        #expect(throws: CompositeError.self) { try CompositeEngine.run(short) }
        let duplicate = CompositeInput(units: ["A", "A"], indicators: [], values: [[], []])
        #expect(throws: CompositeError.self) { try CompositeEngine.run(duplicate) }
    }
}
