import ClusterLensCore
import ClusterLensImport
import ClusterLensIndicators
import Foundation
import Testing

@testable import ClusterLensReports

/// Participants against the other members, worked by hand on ``SharedValueFixtures/survey``
/// (member_water_intensity = Σ water / Σ turnover × 10⁶, m³ per EUR million):
///
/// - participants P1–P3 (P4 did not report water in 2023, so it is left out):
///   2022 (1 000 + 3 000 + 2 000) / 4 000 000 × 10⁶ = 1 500; 2023 (800 + 2 000 + 1 200) / 4 000 000 × 10⁶
///   = 1 000; change −500;
/// - the other members R1–R2 (R3 is only in 2022): 2022 3 000 / 2 000 000 × 10⁶ = 1 500; 2023
///   2 700 / 2 000 000 × 10⁶ = 1 350; change −150;
/// - difference −500 − (−150) = −350 m³ per EUR million; lower is better, so the participants did
///   better by 350.
@Suite("Participants against the rest")
struct ParticipantComparerTests {
    static func comparison(minimumFirms: Int, start: String = "2022-06") throws -> ParticipantComparison {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try SharedValueFixtures.write(SharedValueFixtures.survey, "members.csv", in: folder)
        let survey = try MemberSurveyLoader.load(file: path)
        let engine = IndicatorEngine(store: ObservationStore(), surveys: [path: survey])
        let cluster = ClusterDefinition(
            id: "iti1-leather", name: "Leather", regions: RegionSet([try NUTSCode("ITI1")]),
            sectors: SectorSet([try NACECode("C15")]), reference: try NUTSCode("IT"), membersPath: path)
        var initiative = try #require(try SharedValueFixtures.readLedger(in: folder).initiatives.first)
        initiative.start = try TimePeriod(start)
        let indicator = try #require(MemberIndicator.all.first { $0.definition.id == "member_water_intensity" })
        return ParticipantComparer(engine: engine, minimumFirms: minimumFirms).compare(
            initiative, on: indicator, cluster: cluster)
    }

    @Test func theDifferenceInDifferencesWorkedExample() throws {
        let comparison = try Self.comparison(minimumFirms: 2)
        #expect(comparison.beforeYear == 2022 && comparison.afterYear == 2023)
        #expect(comparison.participants.firms == ["P1", "P2", "P3"])
        #expect(comparison.participants.before == 1_500 && comparison.participants.after == 1_000)
        #expect(comparison.participants.change == -500)
        #expect(comparison.rest.firms == ["R1", "R2"])
        #expect(comparison.rest.before == 1_500 && comparison.rest.after == 1_350)
        #expect(comparison.rest.change == -150)
        #expect(comparison.difference == -350)
        #expect(comparison.improvement == 350)
        #expect(comparison.unit == "m³ per EUR million" && comparison.direction == .lower)
        #expect(comparison.warning == nil && comparison.reason == nil)
    }

    @Test func tooFewFirmsOnASideKeepTheFigureWithAWarning() throws {
        let comparison = try Self.comparison(minimumFirms: 5)
        #expect(comparison.difference == -350)
        #expect(
            comparison.warning
                == "3 participant(s) and 2 other member(s) reported the inputs of member_water_intensity in both 2022 "
                + "and 2023: fewer than 5 firms on a side, the difference means little")
    }

    @Test func aSurveyThatStartsAfterTheInitiativeIsSaidToMissItsStart() throws {
        let comparison = try Self.comparison(minimumFirms: 2, start: "2021")
        #expect(comparison.beforeYear == 2022)
        #expect(
            comparison.warning?.contains("the member survey starts in 2022, after the initiative's start (2021)")
                == true)
    }

    @Test func withoutASurveyOrASecondYearNothingIsComputedAndTheReasonIsGiven() throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let initiative = try #require(try SharedValueFixtures.readLedger(in: folder).initiatives.first)
        let indicator = try #require(MemberIndicator.all.first { $0.definition.id == "member_water_intensity" })
        let oneYear = try MemberSurveyLoader.load(
            csv: "firm_id,year,nace,nuts,employees,turnover_eur,water_m3\nP1,2022,C15.11,ITI17,10,1000000,1000\n",
            file: "one.csv")
        let cluster = ClusterDefinition(
            id: "c", name: "c", regions: RegionSet([try NUTSCode("ITI1")]), sectors: SectorSet([try NACECode("C15")]),
            reference: try NUTSCode("IT"), membersPath: "one.csv")
        let engine = IndicatorEngine(store: ObservationStore(), surveys: ["one.csv": oneYear])
        let single = ParticipantComparer(engine: engine, minimumFirms: 5).compare(
            initiative, on: indicator, cluster: cluster)
        #expect(single.difference == nil)
        #expect(single.reason?.contains("needs two years") == true)
        var noSurvey = cluster
        noSurvey.membersPath = nil
        let none = ParticipantComparer(engine: engine, minimumFirms: 5).compare(
            initiative, on: indicator, cluster: noSurvey)
        #expect(none.reason == "the cluster has no member survey")
    }
}
