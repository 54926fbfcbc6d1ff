import ClusterLensCore
import ClusterLensImport
import ClusterLensIndicators
import ClusterLensScoring
import ClusterLensSupport
import Foundation
import Testing

@testable import ClusterLensReports

@Suite("Composite settings reader")
struct CompositeSettingsReaderTests {
    @Test("A full composite: section reads into the settings it spells out")
    func valid() throws {
        let yaml = """
            composite:
              screening:
                unit_availability: 0.5
                indicator_availability: 0.2
              imputation: median
              outliers:
                skew: 2.25
                kurtosis: 3.5
                winmax: 3
                transform: log_CT_plus
              normalisation:
                method: zscore
                mean: 100
                sd: 10
              weights:
                method: importance
                indicators: {emp_growth: 8}
                pillars: {environmental: 10, social: 4}
              aggregation:
                indicators: mpi
                pillars: {method: power, order: 0.5}
                shift: 1
                minimum_coverage: 0.5
            """
        let settings = try CompositeSettingsReader(file: "composite.yaml").settings(fromYAML: yaml)
        let expected = CompositeSettings(
            screening: .init(minimumUnitAvailability: 0.5, minimumIndicatorAvailability: 0.2), imputation: .median,
            outliers: .init(
                enabled: true, skewThreshold: 2.25, kurtosisThreshold: 3.5, winsorisationLimit: 3,
                transform: .logCTPlus),
            normalisation: .zScore(mean: 100, sd: 10),
            weighting: .importance(indicators: ["emp_growth": 8], pillars: [.environmental: 10, .social: 4]),
            indicatorAggregation: .mazziottaPareto, pillarAggregation: .power(order: 0.5), shift: 1,
            minimumCoverage: 0.5)
        #expect(settings == expected)
    }

    @Test("An empty composite: keeps every default; outliers: false turns treatment off")
    func defaults() throws {
        let reader = CompositeSettingsReader(file: "c.yaml")
        #expect(try reader.settings(fromYAML: "composite:\n") == CompositeSettings())
        #expect(try reader.settings(fromYAML: "composite:\n  outliers: false\n").outliers.enabled == false)
        #expect(try reader.settings(fromYAML: "composite:\n").outliers.transform == .logCT, "COINr's default f2")
    }

    @Test("goalposts: per indicator id, low and high, carried in the settings")
    func goalposts() throws {
        let yaml = """
            composite:
              normalisation: {method: goalposts, scale: 100}
              goalposts:
                employment_rate: {low: 50, high: 85}
                ghg_intensity: {low: 0.5, high: 4}
            """
        let settings = try CompositeSettingsReader(file: "c.yaml").settings(fromYAML: yaml)
        #expect(settings.normalisation == .goalposts(scale: 100))
        #expect(
            settings.goalposts == [
                "employment_rate": Goalposts(low: 50, high: 85), "ghg_intensity": Goalposts(low: 0.5, high: 4),
            ])
    }

    @Test(
        "Bad goalposts are errors at their line and column",
        arguments: [
            ("goalposts: {rate: {low: 85, high: 50}}", 1, 25, "goalposts of rate: low 85.0 must be below high 50.0"),
            ("goalposts: {rate: {low: 50}}", 1, 19, "goalposts of rate need low and high, such as {low: 50, high: 85}"),
            ("goalposts: {rate: {low: 5, high: ten}}", 1, 34, "high must be a number, not \"ten\""),
            (
                "goalposts: {rate: {low: 5, top: 9}}", 1, 28,
                "unknown key \"top\" in goalposts of rate (allowed: low, high)"
            ),
            ("goalposts: {rate: 50}", 1, 19, "goalposts of rate must be a mapping, not the value \"50\""),
            ("goalposts: [rate]", 1, 12, "goalposts must be a mapping, not a list"),
        ])
    func badGoalposts(_ line: String, _ row: Int, _ column: Int, _ message: String) {
        #expect {
            try CompositeSettingsReader(file: "c.yaml").settings(fromYAML: "composite:\n  \(line)\n")
        } throws: { error in
            guard let error = error as? IndicatorsError else { return false }
            return error.code == .compositeSettings && error.line == row + 1 && error.column == column + 2
                && error.message == message
        }
    }

    @Test("An unknown key is an error at its file, line and column")
    func unknownKey() {
        let yaml = """
            composite:
              normalisation:
                method: minmax
                hgih: 100
            """
        #expect {
            try CompositeSettingsReader(file: "composite.yaml").settings(fromYAML: yaml)
        } throws: { error in
            guard let error = error as? IndicatorsError else { return false }
            return error.code == .compositeSettings && error.line == 4 && error.column == 5
                && error.description.hasPrefix("composite.yaml:4:5: unknown key \"hgih\" in normalisation")
        }
    }

    @Test("A bad value is an error at its line: unknown aggregation, a share above 1")
    func badValues() {
        let reader = CompositeSettingsReader(file: "c.yaml")
        #expect {
            try reader.settings(fromYAML: "composite:\n  aggregation:\n    pillars: median\n")
        } throws: { error in
            guard let error = error as? IndicatorsError else { return false }
            return error.line == 3 && error.column == 14 && error.message.contains("unknown aggregation \"median\"")
        }
        #expect {
            try reader.settings(fromYAML: "composite:\n  aggregation:\n    minimum_coverage: 1.5\n")
        } throws: { error in
            guard let error = error as? IndicatorsError else { return false }
            return error.line == 3 && error.message.contains("share from 0 to 1")
        }
        #expect(throws: IndicatorsError.self) {
            try reader.settings(fromYAML: "composite:\n  aggregation:\n    pillars: power\n")
        }
        #expect {
            try reader.settings(fromYAML: "composite:\n  outliers:\n    winmax: 4\n    transform: boxcox\n")
        } throws: { error in
            guard let error = error as? IndicatorsError else { return false }
            return error.code == .compositeSettings && error.line == 4 && error.column == 16
                && error.message == "unknown outlier transform \"boxcox\" (allowed: log_CT, log_CT_plus)"
        }
    }
}
