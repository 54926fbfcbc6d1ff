import ClusterLensCore
import ClusterLensIndicators
import Foundation
import Testing

@testable import ClusterLensReports

/// The shipped EEGC scorecard and the scorecard reader's rules.
@Suite("Recommendation scorecard")
struct RecommendationScorecardTests {
    static let shipped = ReportFixtures.root.appendingPathComponent("Reports/scorecards/eegc.yaml").path

    @Test func theShippedScorecardHasFifteenRecommendationsInTheirGroupsWithLibraryIndicators() throws {
        let scorecard = try RecommendationScorecardReader.load(file: Self.shipped)
        #expect(scorecard.recommendations.map(\.number) == Array(1...15))
        #expect(scorecard.recommendations.filter { $0.group == .green }.map(\.number) == [1, 2, 3, 4, 5])
        #expect(scorecard.recommendations.filter { $0.group == .digital }.map(\.number) == [6, 7, 8, 9, 10])
        #expect(scorecard.recommendations.filter { $0.group == .resilience }.map(\.number) == [11, 12, 13, 14, 15])
        #expect(scorecard.recommendation(13)?.title.contains("shared-value") == true)
        let catalogue = try IndicatorCatalogue(
            builtIns: BuiltinIndicators.all, folders: [ReportFixtures.root.appendingPathComponent("Indicators").path])
        for recommendation in scorecard.recommendations {
            #expect(!recommendation.indicators.isEmpty, "recommendation \(recommendation.number) has evidence")
            for id in recommendation.indicators {
                #expect(catalogue.indicator(id) != nil, "recommendation \(recommendation.number): \(id)")
            }
        }
    }

    @Test(
        "A broken scorecard is an error at its line and column",
        arguments: [
            (
                "  - number: 2\n    group: green", "  - number: 2\n    group: digital",
                "recommendation 2 is in the green group"
            ),
            ("  - number: 15\n", "  - number: 14\n", "recommendation 14 is listed twice"),
            ("title: European", "titel: European", "unknown key \"titel\" of a scorecard"),
        ])
    func brokenScorecards(_ original: String, _ replacement: String, _ message: String) throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = try String(contentsOfFile: Self.shipped, encoding: .utf8)
        #expect(text.contains(original), "fixture changed: \(original)")
        let path = try SharedValueFixtures.write(
            text.replacingOccurrences(of: original, with: replacement), "card.yaml", in: folder)
        let error = #expect(throws: IndicatorsError.self) { try RecommendationScorecardReader.load(file: path) }
        #expect(error?.code == .scorecard)
        #expect(error?.message.contains(message) == true, "\(String(describing: error))")
        #expect((error?.line ?? 0) > 0 && (error?.column ?? 0) > 0)
    }

    @Test func anUnknownEvidenceIndicatorFailsTheReportAtItsPlace() throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = try String(contentsOfFile: Self.shipped, encoding: .utf8)
            .replacingOccurrences(
                of: "[ghg_intensity, ghg_emissions_estimated", with: "[ghg_intensty, ghg_emissions_estimated")
        _ = try SharedValueFixtures.write(text, "card.yaml", in: folder)
        let error = #expect(throws: IndicatorsError.self) {
            try SharedValueReportTests.model(in: folder, extra: "shared-value: {scorecard: card.yaml}")
        }
        #expect(error?.code == .scorecard)
        #expect(
            error?.message
                == "recommendation 1: no indicator \"ghg_intensty\" in the library (did you mean \"ghg_intensity\"?)")
        #expect(error?.file.hasSuffix("card.yaml") == true && (error?.line ?? 0) > 20)
    }
}
