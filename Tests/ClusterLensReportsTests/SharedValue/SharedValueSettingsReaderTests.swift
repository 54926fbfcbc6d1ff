import ClusterLensIndicators
import Foundation
import Testing

@testable import ClusterLensReports

/// `shared-value:` in a report definition.
@Suite("Shared-value settings")
struct SharedValueSettingsReaderTests {
    @Test func theDefaultsAreTheShippedScorecardAndFiveFirms() throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let definition = try ReportFixtures.definition(in: folder)
        #expect(definition.sharedValue == SharedValueSettings(scorecardFile: nil, minimumFirms: 5))
    }

    @Test func aScorecardIsResolvedAgainstTheDefinitionAndTheMinimumIsRead() throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let definition = try ReportFixtures.definition(
            in: folder, extra: "shared-value: {scorecard: cards/mine.yaml, minimum_firms: 3}")
        #expect(definition.sharedValue.scorecardFile == folder + "/cards/mine.yaml")
        #expect(definition.sharedValue.minimumFirms == 3)
    }

    /// A batch's run record lists the ledgers and the scorecard among a report's inputs.
    @Test func theSharedValueFilesAreTheLedgersAndTheScorecard() throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var definition = try ReportFixtures.definition(in: folder, extra: "shared-value: {scorecard: card.yaml}")
        #expect(definition.sharedValueFiles.isEmpty, "no ledger, no scorecard read")
        definition.clusters[0].initiativesPath = folder + "/ledger.yaml"
        #expect(definition.sharedValueFiles == [folder + "/ledger.yaml", folder + "/card.yaml"])
    }

    @Test(
        "Bad settings are errors at their line and column",
        arguments: [
            ("shared-value: {minimum_firms: 0}", 7, 31, "minimum_firms \"0\" is not a whole number of at least 1"),
            ("shared-value: {minimum: 3}", 7, 16, "unknown key \"minimum\" of shared-value"),
            ("shared-value: [eegc]", 7, 15, "shared-value must be a mapping"),
        ])
    func badSettings(_ extra: String, _ line: Int, _ column: Int, _ message: String) throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let error = #expect(throws: IndicatorsError.self) { try ReportFixtures.definition(in: folder, extra: extra) }
        #expect(error?.code == .reportDefinition)
        #expect(error?.message.hasPrefix(message) == true, "\(String(describing: error))")
        #expect(error?.line == line && error?.column == column, "\(String(describing: error))")
    }
}
