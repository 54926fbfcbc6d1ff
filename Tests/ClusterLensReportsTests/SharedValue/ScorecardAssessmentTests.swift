import ClusterLensCore
import Foundation
import Testing

@testable import ClusterLensReports

/// The status of each recommendation for a cluster, from its ledger's initiatives.
@Suite("Scorecard assessment")
struct ScorecardAssessmentTests {
    static func entries(measured: Bool) throws -> [ScorecardEntry] {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var ledger = try SharedValueFixtures.readLedger(in: folder)
        if !measured {
            for index in ledger.initiatives[0].outcomes.indices { ledger.initiatives[0].outcomes[index].measured = [] }
        }
        let scorecard = try RecommendationScorecardReader.load(file: RecommendationScorecardTests.shipped)
        return ScorecardAssessment.entries(
            scorecard, ledger: ledger, accounts: ledger.initiatives.map(SharedValueAccounting.account), cluster: nil,
            reportIndicators: [])
    }

    @Test func aServedRecommendationWithAMeasuredOutcomeIsAddressedWithEvidence() throws {
        let entries = try Self.entries(measured: true)
        #expect(entries.map(\.recommendation) == Array(1...15))
        let two = try #require(entries.first { $0.recommendation == 2 })
        #expect(two.status == .addressedWithEvidence && two.initiatives == ["plant"])
        #expect(two.evidence == ["plant/water", "plant/bill"])
        #expect(entries.first { $0.recommendation == 1 }?.status == .notAddressed)
        #expect(entries.first { $0.recommendation == 1 }?.initiatives == [])
    }

    @Test func aServedRecommendationWithoutMeasurementsIsAddressedWithoutEvidence() throws {
        let entries = try Self.entries(measured: false)
        let thirteen = try #require(entries.first { $0.recommendation == 13 })
        #expect(thirteen.status == .addressedWithoutEvidence && thirteen.evidence.isEmpty)
        #expect(thirteen.status.label == "addressed without evidence")
        // Evidence indicators the report does not compute are listed, without values.
        #expect(
            thirteen.indicators.map(\.id) == [
                "member_accident_rate", "member_gender_pay_gap", "member_women_share", "member_water_intensity",
            ])
        #expect(thirteen.indicators.allSatisfy { !$0.inReport && $0.value == nil })
    }
}
