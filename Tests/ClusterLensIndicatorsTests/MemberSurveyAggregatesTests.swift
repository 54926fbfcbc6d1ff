import ClusterLensCore
import ClusterLensImport
import ClusterLensSupport
import ClusterLensTestSupport
import Foundation
import Testing

@testable import ClusterLensIndicators

@Suite("Member aggregates")
struct MemberSurveyAggregatesTests {
    /// One aggregate of the worked example, computed by hand.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var compute: @Sendable ([MemberFirm]) -> MemberAggregate
        var value: Double
        /// Σ employees of the reporting firms (coverage is this / 400).
        var reportingEmployees: Double
        var reportingFirms: Int

        var testDescription: String { name }
    }

    static let cases: [Case] = [
        // F1, F2, F3, F5: 5000 + 2000 + 8000 + 500.
        Case(
            name: "sum of energy_mwh", compute: { MemberAggregates.sum(.energyMWh, of: $0) },
            value: 15500, reportingEmployees: 370, reportingFirms: 4),
        // F1, F2, F4, F5.
        Case(
            name: "sum of turnover_eur", compute: { MemberAggregates.sum(.turnoverEUR, of: $0) },
            value: 29_000_000, reportingEmployees: 200, reportingFirms: 4),
        // F1, F2, F5: 5 + 2 + 1.
        Case(
            name: "sum of women_in_management", compute: { MemberAggregates.sum(.womenInManagement, of: $0) },
            value: 8, reportingEmployees: 170, reportingFirms: 3),
        // F1, F3, F5 (F2 has no scope 2): 1200 + 1600 + 100.
        Case(
            name: "scope 1 + 2 emissions", compute: { MemberAggregates.scope12Emissions(of: $0) },
            value: 2900, reportingEmployees: 320, reportingFirms: 3),
        // F1, F5 (F2 no scope 2, F3 no turnover): (1200 + 100) / 21 000 000.
        Case(
            name: "scope 1 + 2 per euro", compute: { MemberAggregates.scope12Intensity(of: $0) },
            value: 1300.0 / 21_000_000, reportingEmployees: 120, reportingFirms: 2),
        // F1, F2, F5: 7500 / 26 000 000.
        Case(
            name: "energy per euro", compute: { MemberAggregates.energyIntensity(of: $0) },
            value: 7500.0 / 26_000_000, reportingEmployees: 170, reportingFirms: 3),
        // F1, F5: 12000 / 21 000 000.
        Case(
            name: "water per euro", compute: { MemberAggregates.intensity(.waterM3, of: $0) },
            value: 12000.0 / 21_000_000, reportingEmployees: 120, reportingFirms: 2),
        // F1, F2 (reported 0), F3, F5: 5500 / 15500.
        Case(
            name: "renewable share", compute: { MemberAggregates.renewableShare(of: $0) },
            value: 5500.0 / 15500, reportingEmployees: 370, reportingFirms: 4),
        // F1, F2, F5: 180 / 310.
        Case(
            name: "waste diverted share", compute: { MemberAggregates.wasteDivertedShare(of: $0) },
            value: 180.0 / 310, reportingEmployees: 170, reportingFirms: 3),
        // F1, F2 (reported 0), F5: 21 / 310.
        Case(
            name: "hazardous waste share", compute: { MemberAggregates.hazardousWasteShare(of: $0) },
            value: 21.0 / 310, reportingEmployees: 170, reportingFirms: 3),
        // F1, F2 (0 accidents), F5 (F3 has no hours): 4 / 270000 × 10⁶.
        Case(
            name: "accidents per million hours", compute: { MemberAggregates.accidentRate(of: $0) },
            value: 4.0 / 270_000 * 1_000_000, reportingEmployees: 170, reportingFirms: 3),
        // F1, F3, F5: 8400 / 320.
        Case(
            name: "training hours per employee", compute: { MemberAggregates.trainingHoursPerEmployee(of: $0) },
            value: 26.25, reportingEmployees: 320, reportingFirms: 3),
        // F1, F2, F3, F5: 125 / 370.
        Case(
            name: "women's share of employment", compute: { MemberAggregates.womenShareOfEmployment(of: $0) },
            value: 125.0 / 370, reportingEmployees: 370, reportingFirms: 4),
        // F1, F2, F3: (10 × 100 + 20 × 50 + 5 × 200) / 350.
        Case(
            name: "gender pay gap", compute: { MemberAggregates.genderPayGap(of: $0) },
            value: 3000.0 / 350, reportingEmployees: 350, reportingFirms: 3),
        // F1, F2, F3, F5 answered; F1 and F3 certified: 2 / 4.
        Case(
            name: "certified share of members", compute: { MemberAggregates.certifiedShareOfMembers(of: $0) },
            value: 0.5, reportingEmployees: 370, reportingFirms: 4),
        // (100 + 200) / 370.
        Case(
            name: "certified share of employment",
            compute: { MemberAggregates.certifiedShareOfEmployment(of: $0) },
            value: 300.0 / 370, reportingEmployees: 370, reportingFirms: 4),
    ]

    @Test("Each aggregate of the worked example matches the hand computation", arguments: cases)
    func workedExample(_ example: Case) throws {
        let firms = try MemberSurveyWorkedExample.firms()
        let aggregate = example.compute(firms)
        let value = try #require(aggregate.value.number, "\(aggregate.value)")
        #expect(abs(value - example.value) <= 1e-9 * max(1, abs(example.value)))
        let coverage = try #require(aggregate.coverage)
        #expect(abs(coverage - example.reportingEmployees / MemberSurveyWorkedExample.totalEmployees) <= 1e-9)
        #expect(aggregate.reportingFirms == example.reportingFirms)
        #expect(aggregate.memberFirms == 5)
        #expect(aggregate.value.flags.isEmpty)
    }

    @Test("A survey column given by name sums like the metric, and employment covers every member")
    func sumByColumnName() throws {
        let firms = try MemberSurveyWorkedExample.firms()
        #expect(MemberAggregates.sum(column: "energy_mwh", of: firms) == MemberAggregates.sum(.energyMWh, of: firms))
        let employment = try #require(MemberAggregates.sum(column: "employees", of: firms))
        #expect(employment.value.number == 400)
        #expect(employment.coverage == 1)
        #expect(employment.reportingFirms == 5)
        #expect(MemberAggregates.sum(column: "nace", of: firms) == nil)
    }

    @Test("Coverage values of the worked example are the reporting firms' share of 400 employees")
    func coverageValues() throws {
        let firms = try MemberSurveyWorkedExample.firms()
        #expect(MemberAggregates.sum(.energyMWh, of: firms).coverage == 0.925)
        #expect(MemberAggregates.scope12Intensity(of: firms).coverage == 0.3)
        #expect(MemberAggregates.energyIntensity(of: firms).coverage == 0.425)
        #expect(MemberAggregates.genderPayGap(of: firms).coverage == 0.875)
        #expect(MemberAggregates.trainingHoursPerEmployee(of: firms).coverage == 0.8)
        #expect(MemberAggregates.sum(.turnoverEUR, of: firms).coverage == 0.5)
    }

    @Test("A non-reporting member is left out, not counted as zero")
    func nonReporterIsNotZero() throws {
        let firms = try MemberSurveyWorkedExample.firms()
        // F4 reported nothing but turnover; counting its energy as 0 would lower the intensity to
        // 7500 / 29 000 000.
        let intensity = MemberAggregates.energyIntensity(of: firms)
        #expect(intensity.value.number == 7500.0 / 26_000_000)
        // The reported zero of F2 counts: without it the share would be 5500 / 13500.
        let renewable = MemberAggregates.renewableShare(of: firms)
        #expect(renewable.value.number == 5500.0 / 15500)
    }

    @Test("When no member reported a value it is missing, with the reason and zero coverage")
    func noReporters() throws {
        let firms = try MemberSurveyWorkedExample.firms().filter { $0.id == "F2" || $0.id == "F4" }
        let water = MemberAggregates.sum(.waterM3, of: firms)
        #expect(water.value == .missing("no member reported water_m3"))
        #expect(water.coverage == 0)
        #expect(water.reportingFirms == 0)
        #expect(water.memberFirms == 2)

        let scope = MemberAggregates.scope12Intensity(of: firms)
        #expect(scope.value.missingReason == "no member reported all of scope1_tco2e, scope2_tco2e and turnover_eur")
        let renewable = MemberAggregates.renewableShare(of: [firms[1]])
        #expect(renewable.value.missingReason == "no member reported both renewable_mwh and energy_mwh")
        let certified = MemberAggregates.certifiedShareOfEmployment(of: [firms[1]])
        #expect(certified.value.missingReason == "no member reported iso14001_or_emas")
    }

    @Test("Without members every value is missing and coverage is undefined")
    func noMembers() {
        let aggregate = MemberAggregates.genderPayGap(of: [])
        #expect(aggregate.value == .missing("no member firms"))
        #expect(aggregate.coverage == nil)
        #expect(aggregate.reportingFirms == 0)
        #expect(aggregate.memberFirms == 0)
    }

    @Test("A denominator that sums to zero gives a missing value flagged as division by zero")
    func zeroDenominator() throws {
        var firm = MemberFirm(id: "Z", nace: try NACECode("C29"), nuts: try NUTSCode("ES51"), employees: 10)
        firm.wasteT = 0
        firm.hazardousWasteT = 0
        let share = MemberAggregates.hazardousWasteShare(of: [firm])
        #expect(share.value.isMissing)
        #expect(share.value.missingReason == "the reporting members' waste_t sum to 0")
        #expect(share.value.flags == [FormulaValue.divisionByZeroFlag])
        #expect(share.coverage == 1)
        #expect(share.reportingFirms == 1)
    }

    @Test("The aggregates of one year use only that year's rows")
    func oneYear() throws {
        var firms = try MemberSurveyWorkedExample.firms()
        var older = firms[0]
        older.year = 2023
        older.energyMWh = 99999
        firms.append(older)
        let survey = MemberSurvey(firms: firms)
        #expect(survey.years == [2023, 2024])
        let energy = MemberAggregates.sum(.energyMWh, of: survey.firms(inYear: 2024))
        #expect(energy.value.number == 15500)
        #expect(energy.memberFirms == 5)
    }

    @Test("An aggregate describes itself with its value, firm count and coverage")
    func description() throws {
        let aggregate = MemberAggregates.sum(.energyMWh, of: try MemberSurveyWorkedExample.firms())
        #expect(aggregate.description == "15500 (4 of 5 firms, coverage 92.5 %)")
    }
}
