import ClusterLensCore
import ClusterLensScoring
import Foundation
import Testing

@testable import ClusterLensReports

/// Shared-value accounts worked by hand.
///
/// The plant of ``SharedValueFixtures/ledger``: water withdrawn 1 000 000 m³ in 2021 (baseline),
/// 900 000 in 2022, 810 000 in 2023; target 500 000 m³ in 2026; lower is better; investment
/// EUR 3 000 000 public + 1 000 000 private = 4 000 000.
///
/// - change = 810 000 − 1 000 000 = −190 000 m³; improvement = +190 000 m³;
///   per euro = 190 000 / 4 000 000 = 0.0475 m³ per EUR.
/// - progress (Eurostat): observed CAGR = (810 000 / 1 000 000)^(1/2) − 1 = 0.9 − 1 = −10 %/yr;
///   required CAGR = (500 000 / 1 000 000)^(1/5) − 1 = −12.94 %/yr; ratio = 77.25 % → moderate
///   progress; Open SDG 5 × (0.7725 − 0.60) / 0.70 = +1.23.
/// - the bill at EUR 2.5 per m³: 2 500 000 → 2 025 000 EUR, improvement EUR 475 000, per euro
///   475 000 / 4 000 000 = 0.11875; the same ratio (a factor changes no growth rate).
/// - both sides improved: shared value.
@Suite("Shared-value accounting")
struct SharedValueAccountingTests {
    static func plant() throws -> Initiative {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        return try #require(try SharedValueFixtures.readLedger(in: folder).initiatives.first)
    }

    @Test func theWaterPlantWorkedExample() throws {
        let account = SharedValueAccounting.account(try Self.plant())
        let water = try #require(account.metrics.first { $0.metric.id == "water" })
        #expect(water.change == -190_000)
        #expect(water.improvement == 190_000)
        #expect(water.perEuro == 0.0475)
        let progress = try #require(water.progress)
        #expect(progress.eurostat == .moderateProgress)
        #expect(abs((progress.observedGrowth ?? 0) - -0.1) < 1e-12)
        #expect(abs((progress.requiredGrowth ?? 0) - -0.129_449_436_703_875_88) < 1e-12)
        #expect(abs((progress.ratio ?? 0) - 0.772_502_395_887_257_6) < 1e-9)
        #expect(abs((progress.openSDGScore ?? 0) - 1.232_159_970_623_268) < 1e-9)
        #expect(progress.baseYear == 2021 && progress.latestYear == 2023)
        #expect(water.missing == nil)
        #expect(
            water.inputs == [
                "baseline 2021: 1000000 m³", "measured 2023: 810000 m³ (evidence: meter report 2023)",
                "investment EUR 4000000 (public 3000000, private 1000000)", "target 2026: 500000 m³",
            ])
        let bill = try #require(account.metrics.first { $0.metric.id == "bill" })
        #expect(bill.improvement == 475_000)
        #expect(bill.perEuro == 0.118_75)
        #expect(abs((bill.progress?.ratio ?? 0) - (progress.ratio ?? 1)) < 1e-12)
        #expect(bill.inputs[1].hasPrefix("converted from water with factor tariff = 2.5 EUR per m³"))
        #expect(account.firms == SideResult(status: .improved, metrics: ["bill"], improved: ["bill"]))
        #expect(account.territory == SideResult(status: .improved, metrics: ["water"], improved: ["water"]))
        #expect(account.isSharedValue)
        #expect(account.verdict == "shared value: the firms (bill) and the territory (water) both improved")
    }

    @Test func anInitiativeWithOneSideIsNotSharedValue() throws {
        var plant = try Self.plant()
        plant.outcomes.removeAll { $0.id == "bill" }
        let account = SharedValueAccounting.account(plant)
        #expect(!account.isSharedValue)
        #expect(account.firms.status == .absent)
        #expect(
            account.verdict
                == "not shared value: only the territory's side improved; the firms' side has no outcome metric")
    }

    @Test func aSideThatGotWorseOrIsNotMeasuredYetIsSaidSo() throws {
        var plant = try Self.plant()
        // The bill measured higher than its baseline: the firms' side did not improve.
        plant.outcomes[1].measured = [MeasuredValue(year: 2023, value: 2_600_000)]
        var account = SharedValueAccounting.account(plant)
        #expect(account.firms.status == .notImproved)
        #expect(account.metrics[1].improvement == -100_000)
        #expect(account.verdict.hasSuffix("the firms' side did not improve (bill)"))
        #expect(!account.isSharedValue && account.isMeasured)
        // Nothing measured on either side: not shared value yet, and no figure is invented.
        plant.outcomes[0].measured = []
        plant.outcomes[1].measured = []
        account = SharedValueAccounting.account(plant)
        #expect(account.metrics.allSatisfy { $0.change == nil && $0.perEuro == nil && $0.progress == nil })
        #expect(account.metrics[0].missing == "no value measured after the baseline year 2021")
        #expect(account.verdict.hasPrefix("not shared value yet: the firms' side is not measured after its baseline"))
        #expect(!account.isSharedValue && !account.isMeasured)
    }

    @Test func perEuroIsMissingWithoutAKnownInvestmentNeverComputedOnZero() throws {
        var plant = try Self.plant()
        plant.investment = Investment(publicEUR: 3_000_000, privateEUR: nil)
        let water = SharedValueAccounting.account(plant).metrics[0]
        #expect(water.improvement == 190_000)
        #expect(water.perEuro == nil)
        #expect(water.missing == "private investment not given")
        plant.investment = Investment(publicEUR: 0, privateEUR: 0)
        #expect(SharedValueAccounting.account(plant).metrics[0].missing == "the investment is zero")
    }

    /// Two initiatives with water in m³: 190 000 + 10 000 = 200 000 m³ over EUR 4 000 000 + 1 000 000,
    /// 0.04 m³ per EUR; with the second's investment unknown, the total keeps its sum but has no figure
    /// per euro, and says why.
    @Test func clusterTotalsAddOneSideCategoryAndUnitPerEuroOfTheirInitiatives() throws {
        let plant = try Self.plant()
        var second = plant
        second.id = "second"
        second.outcomes = [plant.outcomes[0]]
        second.outcomes[0].measured = [MeasuredValue(year: 2023, value: 990_000)]
        second.investment = Investment(publicEUR: 500_000, privateEUR: 500_000)
        let accounts = [plant, second].map(SharedValueAccounting.account)
        let totals = SharedValueAccounting.totals(accounts, initiatives: [plant, second])
        #expect(totals.map(\.side) == [.firms, .territory])
        let water = try #require(totals.first { $0.category == .water })
        #expect(water.unit == "m³" && water.improvement == 200_000)
        #expect(water.investmentEUR == 5_000_000 && water.perEuro == 0.04)
        #expect(water.metrics == ["plant/water", "second/water"])
        second.investment = Investment(publicEUR: 500_000)
        let unknown = SharedValueAccounting.totals(
            [plant, second].map(SharedValueAccounting.account), initiatives: [plant, second])
        let partial = try #require(unknown.first { $0.category == .water })
        #expect(partial.improvement == 200_000 && partial.investmentEUR == nil && partial.perEuro == nil)
        #expect(partial.missing == "initiative second: private investment not given")
        // Both unknown: both are named, not only the last.
        var first = plant
        first.investment = Investment(privateEUR: 1_000_000)
        let neither = SharedValueAccounting.totals(
            [first, second].map(SharedValueAccounting.account), initiatives: [first, second])
        let none = try #require(neither.first { $0.category == .water })
        #expect(
            none.missing
                == "initiative plant: public investment not given; initiative second: private investment not given")
    }
}
