import ClusterLensCore
import Foundation

@testable import ClusterLensReports

/// Small hand-written ledgers and surveys for the shared-value tests.
enum SharedValueFixtures {
    /// A ledger of one initiative: water withdrawn (territory) and the water bill converted from it
    /// with a declared tariff (firms). The numbers are those of the worked example in
    /// ``SharedValueAccountingTests``.
    static let ledger = """
        cluster: iti1-leather
        note: test ledger
        factors:
          - {id: tariff, value: 2.5, from: m³, to: EUR, source: "test tariff 2023"}
        initiatives:
          - id: plant
            title: Shared water plant
            members: [P1, P2, P3, P4]
            start: 2022-06
            recommendations: [2, 13]
            transition: green
            investment: {public: 3000000, private: 1000000, evidence: grant decision}
            compare: [member_water_intensity]
            outcomes:
              - id: water
                name: Water withdrawn
                side: territory
                category: water
                unit: m³
                direction: lower
                baseline: {year: 2021, value: 1000000}
                target: {year: 2026, value: 500000}
                measured:
                  - {year: 2022, value: 900000}
                  - {year: 2023, value: 810000, evidence: meter report 2023}
                evidence: [meter reports]
                method: metered
              - id: bill
                name: Water bill
                side: firms
                category: cost-savings
                from: {metric: water, factor: tariff}
        """

    /// A member survey for the participants-against-the-rest example (water in m³, turnover in EUR):
    /// P1–P3 and R1–R2 report in both years; P4 does not report water in 2023 and R3 is only in 2022,
    /// so both are left out of the balanced panel.
    static let survey = """
        firm_id,year,nace,nuts,employees,turnover_eur,water_m3
        P1,2022,C15.11,ITI17,10,1000000,1000
        P2,2022,C15.11,ITI17,10,1000000,3000
        P3,2022,C15.11,ITI17,10,2000000,2000
        P4,2022,C15.11,ITI17,10,1000000,5000
        R1,2022,C15.11,ITI17,10,1000000,1000
        R2,2022,C15.11,ITI17,10,1000000,2000
        R3,2022,C15.11,ITI17,10,1000000,9000
        P1,2023,C15.11,ITI17,10,1000000,800
        P2,2023,C15.11,ITI17,10,1000000,2000
        P3,2023,C15.11,ITI17,10,2000000,1200
        P4,2023,C15.11,ITI17,10,1000000,
        R1,2023,C15.11,ITI17,10,1000000,900
        R2,2023,C15.11,ITI17,10,1000000,1800

        """

    /// Writes `text` to `name` in `folder` and returns the path.
    static func write(_ text: String, _ name: String, in folder: String) throws -> String {
        let path = folder + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The ledger read from a file in `folder`.
    static func readLedger(_ text: String = ledger, in folder: String) throws -> InitiativeLedger {
        try InitiativeLedgerReader.load(file: write(text, "ledger.yaml", in: folder), cluster: "iti1-leather")
    }
}
