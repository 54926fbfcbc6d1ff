import ClusterLensCore
import ClusterLensIndicators
import Foundation
import Testing

@testable import ClusterLensReports

/// Reading initiative ledgers: every field, converted metrics, and each broken rule at its line and column.
@Suite("Initiative ledger reader")
struct InitiativeLedgerReaderTests {
    @Test func aLedgerReadsWithItsFactorsAndAConvertedMetric() throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let ledger = try SharedValueFixtures.readLedger(in: folder)
        #expect(ledger.cluster == "iti1-leather" && ledger.note == "test ledger")
        #expect(ledger.file.sha256.count == 64)
        let factor = try #require(ledger.factor("tariff"))
        #expect(factor.value == 2.5 && factor.from == "m³" && factor.to == "EUR" && factor.rate == "2.5 EUR per m³")
        let plant = try #require(ledger.initiatives.first)
        #expect(plant.members == ["P1", "P2", "P3", "P4"])
        #expect(plant.start.lexical == "2022-06" && plant.end == nil)
        #expect(plant.recommendations == [2, 13] && plant.transitions == [.green])
        #expect(plant.investment.totalEUR == 4_000_000 && plant.investment.publicShare == 0.75)
        #expect(plant.compare == ["member_water_intensity"])
        #expect(plant.locations.members.map(\.line) == [8, 8, 8, 8])
        let water = try #require(plant.outcome("water"))
        #expect(water.side == .territory && water.category == .water && water.direction == .lower)
        #expect(water.baseline == YearValue(year: 2021, value: 1_000_000))
        #expect(water.measured.map(\.year) == [2022, 2023])
        #expect(water.measured.last?.evidence == "meter report 2023")
        // The bill is the water times the declared tariff, in the factor's unit, with the water's evidence.
        let bill = try #require(plant.outcome("bill"))
        #expect(bill.unit == "EUR" && bill.direction == .lower && bill.side == .firms)
        #expect(bill.baseline.value == 2_500_000 && bill.target?.value == 1_250_000)
        #expect(bill.measured.map(\.value) == [2_250_000, 2_025_000])
        #expect(bill.conversion?.metric == "water" && bill.conversion?.factor.id == "tariff")
        #expect(bill.evidence == ["meter reports"])
        #expect(bill.method.hasPrefix("water × tariff (2.5 EUR per m³; source: test tariff 2023)"))
    }

    @Test func anInvestmentAmountNotGivenIsUnknownNeverZero() throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = SharedValueFixtures.ledger.replacingOccurrences(
            of: "{public: 3000000, private: 1000000, evidence: grant decision}",
            with: "{public: 3000000, private: null}")
        let investment = try #require(try SharedValueFixtures.readLedger(text, in: folder).initiatives.first).investment
        #expect(investment.privateEUR == nil && investment.totalEUR == nil && investment.publicShare == nil)
        #expect(investment.missingReason == "private investment not given")
    }

    /// README's example ledger reads as it is written there.
    @Test func readmesExampleLedgerReads() throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let readme = try String(
            contentsOfFile: ReportFixtures.root.appendingPathComponent("README.md").path, encoding: .utf8)
        let start = try #require(readme.range(of: "```yaml\ncluster: iti1-leather"))
        let end = try #require(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
        let text = String(readme[readme.index(start.lowerBound, offsetBy: 8)..<end.lowerBound])
        let ledger = try SharedValueFixtures.readLedger(text, in: folder)
        let account = SharedValueAccounting.account(try #require(ledger.initiatives.first))
        #expect(account.isSharedValue)
        #expect(account.metrics.map(\.improvement) == [990_000, 2_376_000])
    }

    /// The demo's ledgers read, each for its cluster.
    @Test(arguments: ["iti1-leather", "nl41-hightech", "es51-automotive"])
    func theDemoLedgersRead(_ cluster: String) throws {
        let path = ReportFixtures.root.appendingPathComponent("Reports/demo/initiatives-\(cluster).yaml").path
        let ledger = try InitiativeLedgerReader.load(file: path, cluster: cluster)
        #expect(ledger.note?.hasPrefix("SYNTHETIC") == true)
        #expect(!ledger.initiatives.isEmpty)
    }

    /// What the demo ledgers' figures give, worked out by hand from the files:
    /// - iti1 water-plant: water withdrawn 4 100 000 − 3 110 000 = 990 000 m³ over EUR 4 200 000 + 2 800 000,
    ///   the bill 990 000 × 2.4 = EUR 2 376 000; both sides improved: shared value.
    /// - nl41 digital-skills: 290 − 85 = 205 certified workers and 3 100 000 − 1 200 000 = EUR 1 900 000 of
    ///   revenue over EUR 1 000 000; shared value.
    /// - es51 supply-resilience: private money not given, so no figure per euro; the territory is not
    ///   measured yet: not (yet) shared value, as its header says.
    @Test func theDemoLedgersGiveTheirHandComputedAccounts() throws {
        func account(_ cluster: String, _ initiative: String) throws -> InitiativeAccount {
            let path = ReportFixtures.root.appendingPathComponent("Reports/demo/initiatives-\(cluster).yaml").path
            let ledger = try InitiativeLedgerReader.load(file: path, cluster: cluster)
            return SharedValueAccounting.account(try #require(ledger.initiatives.first { $0.id == initiative }))
        }
        let water = try account("iti1-leather", "water-plant")
        #expect(water.isSharedValue)
        #expect(water.metrics.prefix(2).map(\.improvement) == [990_000, 2_376_000])
        #expect(water.metrics[0].perEuro == 990_000.0 / 7_000_000)
        let skills = try account("nl41-hightech", "digital-skills")
        #expect(skills.isSharedValue)
        #expect(skills.metrics.map(\.improvement) == [205, 1_900_000])
        #expect(skills.metrics.map(\.perEuro) == [205.0 / 1_000_000, 1.9])
        let supply = try account("es51-automotive", "supply-resilience")
        #expect(!supply.isSharedValue && supply.territory.status == .notMeasured)
        let inventory = try #require(supply.metrics.first { $0.metric.id == "inventory-cost" })
        #expect(inventory.improvement == 1_700_000 && inventory.perEuro == nil)
        #expect(inventory.missing == "private investment not given")
    }

    struct BrokenLedger: CustomTestStringConvertible, Sendable {
        var testDescription: String
        var replace: String
        var with: String
        var line: Int
        var column: Int
        var message: String
    }

    static let broken: [BrokenLedger] = [
        BrokenLedger(
            testDescription: "another cluster's ledger", replace: "cluster: iti1-leather", with: "cluster: es51",
            line: 1, column: 10, message: "cluster: \"es51\" but the ledger is named by cluster \"iti1-leather\""),
        BrokenLedger(
            testDescription: "an unknown key", replace: "    title: Shared", with: "    titel: Shared", line: 7,
            column: 5, message: "unknown key \"titel\" of an initiative"),
        BrokenLedger(
            testDescription: "a recommendation out of range", replace: "[2, 13]", with: "[2, 16]", line: 10, column: 26,
            message: "recommendation \"16\" is not a number from 1 to 15"),
        BrokenLedger(
            testDescription: "an unknown transition", replace: "transition: green", with: "transition: blue", line: 11,
            column: 17, message: "transition \"blue\" is not green, digital or resilience"),
        BrokenLedger(
            testDescription: "a category of the other side", replace: "category: water", with: "category: revenue",
            line: 18, column: 19, message: "category revenue is a firms-side category"),
        BrokenLedger(
            testDescription: "a measurement before the baseline", replace: "{year: 2022, value: 900000}",
            with: "{year: 2020, value: 900000}", line: 24, column: 13,
            message: "measured year 2020 is not after the baseline year 2021"),
        BrokenLedger(
            testDescription: "a target before the baseline", replace: "{year: 2026, value: 500000}",
            with: "{year: 2021, value: 500000}", line: 22, column: 17,
            message: "target year 2021 is not after the baseline year 2021"),
        BrokenLedger(
            testDescription: "a factor without its source", replace: ", source: \"test tariff 2023\"", with: "",
            line: 4, column: 5, message: "a factor needs `source:`"),
        BrokenLedger(
            testDescription: "a factor of another unit", replace: "from: m³, to: EUR", with: "from: MWh, to: EUR",
            line: 32, column: 39, message: "factor tariff converts MWh to EUR, but water is in m³"),
        BrokenLedger(
            testDescription: "an undeclared factor", replace: "factor: tariff}", with: "factor: tarif}", line: 32,
            column: 39, message: "from: no factor \"tarif\" under factors: (declared: tariff)"),
        BrokenLedger(
            testDescription: "an outcome without evidence", replace: "        evidence: [meter reports]\n", with: "",
            line: 15, column: 9, message: "outcome \"water\" has no `evidence:`"),
        BrokenLedger(
            testDescription: "a direction that tells no improvement", replace: "direction: lower",
            with: "direction: none", line: 20, column: 20, message: "direction \"none\" is not higher or lower"),
        BrokenLedger(
            testDescription: "a member listed twice", replace: "[P1, P2, P3, P4]", with: "[P1, P2, P1]", line: 8,
            column: 23, message: "P1 is listed twice in members"),
        BrokenLedger(
            testDescription: "an end before the start", replace: "start: 2022-06",
            with: "start: 2022-06\n    end: 2021",
            line: 10, column: 10, message: "end 2021 is before start 2022-06"),
        BrokenLedger(
            testDescription: "a number that is not one", replace: "public: 3000000", with: "public: lots", line: 12,
            column: 26, message: "public must be a number, not \"lots\""),
    ]

    @Test("Every broken rule is reported at its line and column", arguments: broken)
    func brokenLedgers(_ broken: BrokenLedger) throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(SharedValueFixtures.ledger.contains(broken.replace), "fixture changed: \(broken.replace)")
        let text = SharedValueFixtures.ledger.replacingOccurrences(of: broken.replace, with: broken.with)
        let error = #expect(throws: IndicatorsError.self) {
            try SharedValueFixtures.readLedger(text, in: folder)
        }
        #expect(error?.code == .initiativeLedger, "\(String(describing: error))")
        #expect(error?.message.contains(broken.message) == true, "\(String(describing: error))")
        #expect(error?.line == broken.line && error?.column == broken.column, "\(String(describing: error))")
        #expect(error?.file.hasSuffix("ledger.yaml") == true)
    }
}
