import ClusterLensCore
import ClusterLensImport
import ClusterLensIndicators
import ClusterLensScoring
import ClusterLensSupport
import Foundation
import Testing

@testable import ClusterLensReports

/// `targets:` lists: what they read into and where their errors point.
@Suite("Progress targets reader")
struct ProgressTargetsReaderTests {
    private func read(_ yaml: String) throws(IndicatorsError) -> [IndicatorTarget] {
        let reader = TargetsReader(file: "targets.yaml")
        guard let root = try YAMLSource.compose(yaml, file: reader.file, errorCode: reader.errorCode) else {
            throw IndicatorsError(.targets, "empty", file: reader.file)
        }
        return try reader.targets(in: root)
    }

    @Test func targetsReadIntoValuesYearsBaseYearsAndDirections() throws {
        let targets = try read(
            """
            - {indicator: renewable_energy_share, value: 42.5, year: 2030, base: 2015}
            - indicator: ghg_intensity
              value: 90
              year: 2030
              direction: lower
            - {indicator: employment_rate}
            """)
        #expect(
            targets == [
                IndicatorTarget(
                    indicator: "renewable_energy_share", target: .init(value: 42.5, year: 2030), baseYear: 2015),
                IndicatorTarget(
                    indicator: "ghg_intensity", target: .init(value: 90, year: 2030), direction: .lower),
                IndicatorTarget(indicator: "employment_rate", target: nil),
            ])
    }

    @Test(
        "A broken target is a targets error at its line and column",
        arguments: [
            ("- {indicator: a, value: 1}\n", 1, 18, "needs a `year:`"),
            ("- {indicator: a, year: 2030}\n", 1, 18, "needs a `value:`"),
            ("- {indicator: a, value: lots, year: 2030}\n", 1, 25, "must be a number"),
            ("- {indicator: a, value: 1, year: 30}\n", 1, 34, "a year such as 2030"),
            ("- {indicator: a, value: 1, year: 2030, base: 2030}\n", 1, 46, "not before the target year"),
            ("- {indicator: a, direction: up}\n", 1, 29, "higher or lower"),
            ("- {indicator: a, direction: none}\n", 1, 29, "higher or lower"),
            ("- {indicator: a, goal: 3}\n", 1, 18, "unknown key \"goal\""),
            ("- {value: 1, year: 2030}\n", 1, 3, "needs `indicator:`"),
            ("- just_an_id\n", 1, 3, "is a mapping"),
            ("indicator: a\n", 1, 1, "must be a list"),
        ])
    func brokenTargets(_ yaml: String, _ line: Int, _ column: Int, _ fragment: String) {
        do {
            _ = try read(yaml)
            Issue.record("no error for \(fragment)")
        } catch {
            #expect(error.code == .targets)
            #expect(error.line == line && error.column == column, "\(error)")
            #expect(error.message.contains(fragment), "\(error)")
            #expect(error.description.hasPrefix("targets.yaml:\(line):\(column): "), "\(error)")
        }
    }
}
