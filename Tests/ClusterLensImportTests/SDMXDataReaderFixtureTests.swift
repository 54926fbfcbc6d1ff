import ClusterLensCore
import ClusterLensSupport
import Foundation
import Testing

@testable import ClusterLensImport

// Tests of `SDMXDataReader` on the hand-written fixtures under `Fixtures/data`, one per SDMX-ML
// message type. Expected values come from `Fixtures/EXPECTED.tsv` (counts, periods, footer codes)
// and from its notes column (keys, values, attributes), never from the reader's output.

// MARK: - EXPECTED.tsv

/// One row of `Fixtures/EXPECTED.tsv`.
struct DataFixtureRow: Sendable, CustomTestStringConvertible {
    var file: String
    var version: String
    var message: String
    var datasets: Int
    var series: Int
    var groups: Int
    var observations: Int
    var dimensionAtObservation: String
    var firstPeriod: String
    var lastPeriod: String
    var footerCodes: [String]
    var unknownElements: Int?

    var testDescription: String { file }

    init?(_ fields: [String: String]) {
        guard let file = fields["file"], let datasets = Int(fields["datasets"] ?? ""),
            let series = Int(fields["series"] ?? ""), let groups = Int(fields["groups"] ?? ""),
            let observations = Int(fields["observations"] ?? "")
        else { return nil }
        self.file = file
        self.version = fields["version"] ?? ""
        self.message = fields["message"] ?? ""
        self.datasets = datasets
        self.series = series
        self.groups = groups
        self.observations = observations
        self.dimensionAtObservation = fields["dim_at_obs"] ?? ""
        self.firstPeriod = fields["first_period"] ?? ""
        self.lastPeriod = fields["last_period"] ?? ""
        self.footerCodes = (fields["footer_codes"] ?? "").split(separator: ",").map(String.init)
        self.unknownElements = Int(fields["unknown_elements"] ?? "")
    }
}

/// The rows of `EXPECTED.tsv` whose file starts with `prefix` (`data/`, `structure/`).
func dataFixtureRows(under prefix: String) -> [DataFixtureRow] {
    tabSeparatedRows(at: dataFixturePath("EXPECTED.tsv"))
        .filter { $0["file"]?.hasPrefix(prefix) == true }
        .compactMap(DataFixtureRow.init)
}

// MARK: - Expected observations and attributes

/// The full key of a regional-employment observation: `FREQ.NACE_R2.GEO.UNIT` written dotted (the
/// notes' notation), the period as `TIME_PERIOD`, plus further dimensions.
func regionalKey(_ dotted: String, period: String?, extra: [String: String] = [:]) -> [String: String] {
    let codes = dotted.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    var key = extra
    for (id, code) in zip(["FREQ", "NACE_R2", "GEO", "UNIT"], codes) { key[id] = code }
    if let period { key["TIME_PERIOD"] = period }
    return key
}

/// One observation the notes describe.
struct ExpectedObservation: Sendable, CustomStringConvertible {
    /// `FREQ.NACE_R2.GEO.UNIT`.
    var key: String
    /// The period as written.
    var period: String
    var value: ExpectedValue
    /// Dimensions besides the four regional ones and time (e.g. the 2.0 cross-sectional measure).
    var extra: [String: String] = [:]
    /// Attribute values as they apply to the observation (`Observation.attribute(_:)`).
    var attributes: [String: String] = [:]

    var description: String { "\(key) \(period)" }
}

/// A fixture and the observations its notes describe.
struct ExpectedObservations: Sendable, CustomTestStringConvertible {
    var file: String
    /// Whether the time dimension is part of the compared key (the 1.0 cross-sectional fixture names
    /// it `time`; its period is still checked).
    var keyIncludesTime = true
    var observations: [ExpectedObservation]

    var testDescription: String { file }
}

private func obs(
    _ key: String, _ period: String, _ value: ExpectedValue, extra: [String: String] = [:],
    attributes: [String: String] = [:]
) -> ExpectedObservation {
    ExpectedObservation(key: key, period: period, value: value, extra: extra, attributes: attributes)
}

private let emp = ["MEASURE": "EMP_TOTAL"]
private let female = ["MEASURE": "EMP_FEMALE"]

/// Observations from the notes of EXPECTED.tsv, 2–8 per data fixture, covering every value kind,
/// decoded character references and observation attributes.
let expectedObservations: [ExpectedObservations] = [
    ExpectedObservations(
        file: "data/v10-cross-sectional.xml", keyIncludesTime: false,
        observations: [
            obs("A.C29.ES51.THS_PER", "2021", .numeric("34.1", 34.1), attributes: ["OBS_STATUS": "A"]),
            obs("A.C29.ITC4.THS_PER", "2021", .marker("NaN"), attributes: ["OBS_STATUS": "M"]),
            obs("A.C29.DE11.THS_PER", "2021", .empty, attributes: ["OBS_STATUS": "L"]),
            obs("A.C29.FR10.THS_PER", "2021", .absent, attributes: ["OBS_STATUS": "O"]),
            obs("A.F.ES51.THS_PER", "2021", .text("<1"), attributes: ["OBS_STATUS": "E", "COMMENT": "Construction"]),
            obs("A.F.ITC4.THS_PER", "2021", .numeric("287.5", 287.5)),
            obs("A.F.DE11.THS_PER", "2021", .numeric("301.25", 301.25)),
            obs("A.C29.ITC4.THS_PER", "2022", .numeric("40.2", 40.2), attributes: ["UNIT_MULT": "3"]),
        ]),
    ExpectedObservations(
        file: "data/v20-generic.xml",
        observations: [
            obs("M.C29.ES51.THS_PER", "2021-06", .numeric("33.1", 33.1), attributes: ["OBS_STATUS": "A"]),
            obs("M.C29.ES51.THS_PER", "2021-07", .marker("NaN")),
            obs("M.C29.ES51.THS_PER", "2021-08", .empty),
            obs("M.C29.ES51.THS_PER", "2021-09", .absent, attributes: ["OBS_STATUS": "O"]),
            obs("Q.C29.ES51.THS_PER", "2021-Q3", .text("<1")),
            obs("Q.C29.ES51.THS_PER", "2021-Q4", .numeric("99.4", 99.4)),
            obs("W.TOTAL.DE11.THS_PER", "2005-W5", .numeric("1102.5", 1102.5), attributes: ["OBS_STATUS": "E"]),
            obs("W.TOTAL.DE11.THS_PER", "2005-W6", .numeric("1103.0", 1103.0)),
        ]),
    ExpectedObservations(
        file: "data/v20-compact.xml",
        observations: [
            obs("A.C.ITC4.THS_PER", "2019", .numeric("812.3", 812.3), attributes: ["COMMENT_TS": "Annual averages"]),
            obs("A.C.ITC4.THS_PER", "2020", .marker("NaN")),
            obs("A.C.ITC4.THS_PER", "2021", .empty),
            obs("A.C.ITC4.THS_PER", "2022", .absent, attributes: ["OBS_STATUS": "O"]),
            obs("H.C.ITC4.THS_PER", "2005-B1", .numeric("790.5", 790.5)),
            obs("H.C.ITC4.THS_PER", "2005-B2", .text("<1"), attributes: ["OBS_STATUS": "E"]),
            obs("A.F.DE11.PC_EMP", "2021", .numeric("5.9", 5.9), attributes: ["UNIT_MULT": "0"]),
            obs("A.F.DE11.PC_EMP", "2022", .numeric("6.1", 6.1)),
        ]),
    ExpectedObservations(
        file: "data/v20-utility.xml",
        observations: [
            obs("M.C29.DE11.THS_PER", "2021-06", .numeric("210.4", 210.4), attributes: ["COMMENT_TS": "Monatswerte"]),
            obs("M.C29.DE11.THS_PER", "2021-07", .marker("NaN"), attributes: ["OBS_STATUS": "M"]),
            obs("M.C29.DE11.THS_PER", "2021-08", .empty),
            obs("M.C29.DE11.THS_PER", "2021-09", .absent),
            obs("Q.C29.DE11.THS_PER", "2021-Q3", .text("<1")),
            obs("Q.C29.DE11.THS_PER", "2021-Q4", .numeric("630.2", 630.2)),
            obs("A.F.ITC4.PC_EMP", "2019", .numeric("7.4", 7.4)),
            // Written with newlines and spaces around the number: trimmed.
            obs("A.F.ITC4.PC_EMP", "2020", .numeric("7.9", 7.9), attributes: ["OBS_STATUS": "P"]),
        ]),
    ExpectedObservations(
        file: "data/v20-cross-sectional.xml",
        observations: [
            // The measure element's name (EMP_TOTAL / EMP_FEMALE) is kept as a MEASURE dimension.
            obs("D.C29.ES51.THS_PER", "2021-07-14", .numeric("34.2", 34.2), extra: emp),
            obs("D.C29.ES51.THS_PER", "2021-07-14", .numeric("9.8", 9.8), extra: female),
            obs("D.C29.ITC4.THS_PER", "2021-07-14", .marker("NaN"), extra: emp, attributes: ["OBS_STATUS": "M"]),
            obs("D.C29.ITC4.THS_PER", "2021-07-14", .empty, extra: female),
            obs("D.C29.DE11.THS_PER", "2021-07-14", .absent, extra: emp, attributes: ["OBS_STATUS": "O"]),
            obs("D.C29.DE11.THS_PER", "2021-07-14", .text("<1"), extra: female),
            obs("D.F.ES51.THS_PER", "2021-07-14", .numeric("171.3", 171.3), extra: emp),
            obs("D.C29.ES51.THS_PER", "2022-07-14", .numeric("35.0", 35.0), extra: emp),
        ]),
    ExpectedObservations(
        file: "data/v20-message-group.xml",
        observations: [
            obs("A.TOTAL.FR10.THS_PER", "2018", .numeric("6388.7", 6388.7)),
            obs("A.TOTAL.FR10.THS_PER", "2019", .marker("NaN")),
            obs(
                "Q.TOTAL.FR10.THS_PER", "2019-Q1", .numeric("1602.1", 1602.1), attributes: ["COMMENT_TS": "Données CVS"]
            ),
            obs("Q.TOTAL.FR10.THS_PER", "2019-Q2", .absent),
            obs("A.TOTAL.ES51.THS_PER", "2017", .numeric("3501.2", 3501.2)),
            obs("A.TOTAL.ES51.THS_PER", "2018", .empty),
            obs("A.TOTAL.ES51.THS_PER", "2019", .absent),
            obs("Q.TOTAL.ES51.THS_PER", "2020-Q1", .text("<1")),
        ]),
    ExpectedObservations(
        file: "data/soap-compact.xml",
        observations: [
            obs("M.G-I.DE11.THS_PER", "2021-01", .numeric("288.4", 288.4)),
            obs("M.G-I.DE11.THS_PER", "2021-02", .marker("NaN")),
            obs("M.G-I.DE11.THS_PER", "2021-03", .empty),
            obs("M.G-I.DE11.THS_PER", "2021-04", .absent),
            obs("Q.G-I.DE11.THS_PER", "2021-Q2", .text("<1")),
            obs("Q.G-I.DE11.THS_PER", "2021-Q3", .numeric("291.7", 291.7), attributes: ["OBS_STATUS": "P"]),
        ]),
    ExpectedObservations(
        file: "data/v21-generic.xml",
        observations: [
            obs(
                "M.C.DE11.THS_PER", "2021-M07", .numeric("401.2", 401.2),
                attributes: ["OBS_STATUS": "A", "UNIT_MULT": "3", "COMMENT_TS": "Seasonally adjusted – X13"]),
            obs("M.C.DE11.THS_PER", "2021-M08", .marker("NaN")),
            obs("M.C.DE11.THS_PER", "2021-M09", .empty),
            obs("M.C.DE11.THS_PER", "2021-M10", .absent, attributes: ["OBS_STATUS": "O", "OBS_FLAG": "c"]),
            obs("A.C.DE11.THS_PER", "2019", .text("<1"), attributes: ["OBS_FLAG": "u"]),
            obs("A.C.DE11.THS_PER", "2020", .numeric("405.9", 405.9)),
            obs("A.G-I.ITC4.PC_EMP", "2020", .numeric("22.4", 22.4), attributes: ["UNIT_MULT": "0"]),
        ]),
    ExpectedObservations(
        file: "data/v21-generic-timeseries.xml",
        observations: [
            obs("S.TOTAL.ITC4.THS_PER", "2021-S1", .numeric("4410.7", 4410.7)),
            obs("S.TOTAL.ITC4.THS_PER", "2021-S2", .marker("NaN")),
            obs("S.TOTAL.ITC4.THS_PER", "2022-S1", .empty),
            obs("S.TOTAL.ITC4.THS_PER", "2022-S2", .absent),
            obs("T.TOTAL.ITC4.THS_PER", "2021-T2", .numeric("4405.5", 4405.5), attributes: ["OBS_STATUS": "P"]),
            obs("T.TOTAL.ITC4.THS_PER", "2021-T3", .text("<1"), attributes: ["OBS_FLAG": "u"]),
        ]),
    ExpectedObservations(
        file: "data/v21-generic-flat.xml",
        observations: [
            obs("W.C29.ES51.THS_PER", "2021-W05", .numeric("33.02", 33.02), attributes: ["UNIT_MULT": "3"]),
            obs("W.C29.ES51.THS_PER", "2021-W06", .marker("NaN")),
            obs("D.C29.ES51.THS_PER", "2021-D030", .empty),
            obs("D.C29.ES51.THS_PER", "2021-D031", .absent),
            obs("W.F.ITC4.THS_PER", "2021-W05", .text("<1")),
            obs("W.F.ITC4.THS_PER", "2021-W06", .numeric("12.50", 12.5), attributes: ["OBS_FLAG": "e"]),
        ]),
    ExpectedObservations(
        file: "data/v21-generic-cross.xml",
        observations: [
            obs("A.C29.ES51.THS_PER", "2021-A1", .numeric("34.1", 34.1), attributes: ["UNIT_MULT": "3"]),
            obs("A.C29.ITC4.THS_PER", "2021-A1", .marker("NaN")),
            obs("A.C29.DE11.THS_PER", "2021-A1", .empty),
            obs("A.C29.FR10.THS_PER", "2021-A1", .absent),
            // The ObsDimension of the second series has no id: it is the dimension at observation level.
            obs("A.C29.ES51.THS_PER", "2022-A1", .text("<1")),
            obs("A.C29.ITC4.THS_PER", "2022-A1", .numeric("39.0", 39.0)),
        ]),
    ExpectedObservations(
        file: "data/v21-ss.xml",
        observations: [
            obs(
                "A.C29.ES51.THS_PER", "2018", .numeric("131.4", 131.4),
                attributes: ["COMMENT_TS": "Break in 2019: codes <C29> re-mapped", "UNIT_MULT": "3"]),
            obs("A.C29.ES51.THS_PER", "2019", .numeric("133.9", 133.9), attributes: ["OBS_FLAG": "b"]),
            obs("A.C29.ES51.THS_PER", "2020", .marker("NaN")),
            obs("A.C29.ES51.THS_PER", "2021", .empty),
            obs("A.C29.ES51.THS_PER", "2022", .absent, attributes: ["OBS_STATUS": "O", "OBS_FLAG": "c"]),
            obs("Q.C29.ES51.THS_PER", "2023-Q2", .text("<1")),
            obs("Q.C29.ES51.THS_PER", "2023-Q3", .numeric("34.5", 34.5)),
            obs("A.F.ITC4.PC_EMP", "2021", .numeric("7.1", 7.1), attributes: ["OBS_STATUS": "E", "UNIT_MULT": "0"]),
        ]),
    ExpectedObservations(
        file: "data/v21-ss-timeseries.xml",
        observations: [
            obs("M.G-I.ES51.THS_PER", "2021-01-01/P1M", .numeric("1201.5", 1201.5)),
            obs("M.G-I.ES51.THS_PER", "2021-02-01/P1M", .marker("NaN")),
            obs("M.G-I.ES51.THS_PER", "2021-03-01/P1M", .empty),
            obs("M.G-I.ES51.THS_PER", "2021-04-01/P1M", .absent),
            obs("Q.G-I.ES51.THS_PER", "2021-04-01/P3M", .text("<1")),
            obs("Q.G-I.ES51.THS_PER", "2021-07-01/P3M", .numeric("1210.0", 1210.0), attributes: ["OBS_FLAG": "p"]),
        ]),
    ExpectedObservations(
        file: "data/v21-ss-flat.xml",
        observations: [
            obs("D.C29.ES51.THS_PER", "2021-07-14", .numeric("33.91", 33.91)),
            obs("D.C29.ES51.THS_PER", "2021-07-15", .marker("NaN")),
            obs("D.C29.ITC4.THS_PER", "2021-07-14", .empty),
            obs("D.C29.ITC4.THS_PER", "2021-07-15", .absent),
            obs("D.F.DE11.THS_PER", "2021-07-14", .text("<1"), attributes: ["COMMENT_TS": "Bau & Ausbau"]),
            obs("D.F.DE11.THS_PER", "2021-07-15", .numeric("2.75", 2.75), attributes: ["COMMENT_TS": "Bau & Ausbau"]),
        ]),
    ExpectedObservations(
        file: "data/v21-ss-cross.xml",
        observations: [
            obs("Q.C29.ES51.THS_PER", "2021-Q3", .numeric("32.8", 32.8)),
            obs("Q.C29.ITC4.THS_PER", "2021-Q3", .marker("NaN")),
            obs("Q.C29.DE11.THS_PER", "2021-Q3", .empty),
            obs("Q.C29.FR10.THS_PER", "2021-Q3", .absent),
            obs("Q.C29.ES51.THS_PER", "2021-Q4", .text("<1")),
            obs("Q.C29.DE11.THS_PER", "2021-Q4", .numeric("215.0", 215.0), attributes: ["OBS_STATUS": "P"]),
        ]),
    ExpectedObservations(
        file: "data/v21-ss-timeforms.xml",
        observations: [
            obs("A.TOTAL.ES51.THS_PER", "2020", .numeric("101.1", 101.1)),
            obs("A.TOTAL.ES51.THS_PER", "2021", .marker("NaN")),
            obs("S.TOTAL.ES51.THS_PER", "2021-S2", .empty),
            obs("T.TOTAL.ES51.THS_PER", "2021-T3", .absent),
            obs("Q.TOTAL.ES51.THS_PER", "2021-Q4", .text("<1")),
            obs("Q.TOTAL.ITC4.THS_PER", "2021-Q1", .numeric("106.1", 106.1)),
            obs("M.TOTAL.ES51.THS_PER", "2021-M08", .numeric("107.2", 107.2)),
            obs("N.TOTAL.ES51.THS_PER", "2021-07-14T10:45:00", .numeric("112.2", 112.2)),
        ]),
    ExpectedObservations(
        file: "data/v30-ss.xml",
        observations: [
            obs("M.C.ES51.THS_PER", "2021-M06", .numeric("501.5", 501.5)),
            obs("M.C.ES51.THS_PER", "2021-M07", .marker("NaN"), attributes: ["CONF_STATUS": "F"]),
            obs("M.C.ES51.THS_PER", "2021-M08", .empty),
            obs("M.C.ES51.THS_PER", "2021-M09", .absent, attributes: ["CONF_STATUS": "C"]),
            obs("Q.C.ES51.THS_PER", "2021-Q3", .text("<1")),
            obs("Q.C.ES51.THS_PER", "2021-Q4", .numeric("1502.0", 1502.0)),
        ]),
    ExpectedObservations(
        file: "data/v31-ss.xml",
        observations: [
            obs("A.TOTAL.DE11.THS_PER", "2019", .numeric("1510.2", 1510.2)),
            obs("A.TOTAL.DE11.THS_PER", "2020", .marker("NaN")),
            obs("A.TOTAL.DE11.THS_PER", "2021", .empty),
            obs("A.TOTAL.DE11.THS_PER", "2022", .absent),
            obs("A.TOTAL.FR10.THS_PER", "2020", .text("<1")),
            obs("A.TOTAL.FR10.THS_PER", "2021", .numeric("6412.0", 6412.0), attributes: ["OBS_STATUS": "P"]),
        ]),
    ExpectedObservations(
        file: "data/v21-footer-after-data.xml",
        observations: [
            obs(
                "A.TOTAL.FR10.THS_PER", "2019", .numeric("6410.5", 6410.5),
                attributes: ["COMMENT_TS": "Champ : salariés & non-salariés"]),
            obs("A.TOTAL.FR10.THS_PER", "2020", .marker("NaN")),
            obs("A.TOTAL.FR10.THS_PER", "2021", .empty),
            obs("A.TOTAL.FR10.THS_PER", "2022", .absent),
            obs("Q.TOTAL.FR10.THS_PER", "2023-Q1", .text("<1")),
            obs("Q.TOTAL.FR10.THS_PER", "2023-Q2", .numeric("6428.0", 6428.0)),
        ]),
    ExpectedObservations(
        file: "data/v21-series-no-obs.xml",
        observations: [
            obs("Q.F.ES51.THS_PER", "2020-Q4", .numeric("171.3", 171.3)),
            obs("Q.F.ES51.THS_PER", "2021-Q1", .marker("NaN")),
            obs("Q.F.ES51.THS_PER", "2021-Q2", .empty),
            obs("Q.F.ES51.THS_PER", "2021-Q3", .absent),
            obs("Q.F.ES51.THS_PER", "2021-Q4", .text("<1"), attributes: ["OBS_FLAG": "u"]),
        ]),
    ExpectedObservations(
        file: "data/v21-unknown-elements.xml",
        observations: [
            obs("A.C.ITC4.THS_PER", "2019", .numeric("981.2", 981.2), attributes: ["COMMENT_TS": "Revised series"]),
            obs("A.C.ITC4.THS_PER", "2020", .marker("NaN")),
            obs("A.C.ITC4.THS_PER", "2021", .empty),
            obs("A.C.ITC4.THS_PER", "2022", .absent),
            obs("A.F.DE11.THS_PER", "2020", .text("<1")),
            obs("A.F.DE11.THS_PER", "2021", .numeric("87.4", 87.4), attributes: ["OBS_STATUS": "P"]),
        ]),
    ExpectedObservations(
        file: "data/latin1-declared.xml",
        observations: [
            obs(
                "A.TOTAL.FR10.THS_PER", "2019", .numeric("6402.3", 6402.3),
                attributes: ["COMMENT_TS": "Données révisées"]),
            obs("A.TOTAL.FR10.THS_PER", "2020", .marker("NaN")),
            obs("A.TOTAL.FR10.THS_PER", "2021", .empty),
            obs("A.TOTAL.FR10.THS_PER", "2022", .absent),
            obs("A.TOTAL.ES51.THS_PER", "2019", .text("<1"), attributes: ["COMMENT_TS": "Cataluña, año base 2015"]),
            obs("A.TOTAL.ES51.THS_PER", "2020", .numeric("3488.0", 3488.0)),
        ]),
]

/// An attribute value the notes say applies to some observations (and to no other observation).
struct AttributeRule: Sendable {
    var id: String
    var value: String
    var level: AttachmentLevel
    /// Dimension filters of the observations it applies to; `[[:]]` is every observation.
    var observations: [[String: String]]
}

/// A fixture's dataset and group attribute rules.
struct AttributeRules: Sendable, CustomTestStringConvertible {
    var file: String
    var rules: [AttributeRule]

    var testDescription: String { file }
}

private let everywhere: [[String: String]] = [[:]]

private func dataSource(_ value: String, decimals: String = "1") -> [AttributeRule] {
    [
        AttributeRule(id: "DATA_SOURCE", value: value, level: .dataset, observations: everywhere),
        AttributeRule(id: "DECIMALS", value: decimals, level: .dataset, observations: everywhere),
    ]
}

private func title(_ value: String, _ observations: [[String: String]]) -> AttributeRule {
    AttributeRule(id: "TITLE", value: value, level: .group, observations: observations)
}

/// Dataset attributes (on every observation) and group TITLEs (on exactly the observations of the
/// series or keys the notes name), with character references and `&amp;` decoded.
let expectedAttributeRules: [AttributeRules] = [
    AttributeRules(
        file: "data/v10-cross-sectional.xml",
        rules: dataSource("Regional accounts & LFS") + [
            title("Employment by NUTS 2 region — thousands", everywhere),
            AttributeRule(id: "UNIT_MULT", value: "3", level: .group, observations: everywhere),
        ]),
    AttributeRules(
        file: "data/v20-generic.xml",
        rules: dataSource("Labour force survey & business register") + [
            title("Persons employed – motor vehicles, Cataluña", [["FREQ": "M"], ["FREQ": "Q"]])
        ]),
    AttributeRules(
        file: "data/v20-compact.xml",
        rules: dataSource("Forze di lavoro & registri (simulated)") + [
            title("Occupati nella manifattura, Lombardia — dati annuali e semestrali", [["GEO": "ITC4"]])
        ]),
    AttributeRules(
        file: "data/v20-utility.xml",
        rules: dataSource("Beschäftigtenstatistik & Mikrozensus (simulated)") + [
            title("Fahrzeugbau, Stuttgart", [["FREQ": "M", "GEO": "DE11"], ["FREQ": "Q", "GEO": "DE11"]]),
            title("Costruzioni, Lombardia", [["FREQ": "A", "NACE_R2": "F", "GEO": "ITC4"]]),
        ]),
    AttributeRules(
        file: "data/v20-cross-sectional.xml",
        rules: dataSource("Census & administrative registers") + [
            title("Employment on the reference day — 14 July", everywhere)
        ]),
    AttributeRules(
        file: "data/v20-message-group.xml",
        rules: [
            AttributeRule(
                id: "DATA_SOURCE", value: "Estimations d'emploi & DSN (simulated)", level: .dataset,
                observations: [["GEO": "FR10"]]),
            AttributeRule(
                id: "DATA_SOURCE", value: "EPA & afiliación (simulated)", level: .dataset,
                observations: [["GEO": "ES51"]]),
            title("Emploi total, Île-de-France", [["GEO": "FR10"]]),
            title("Ocupados totales, Cataluña", [["GEO": "ES51"]]),
        ]),
    AttributeRules(
        file: "data/soap-compact.xml",
        rules: dataSource("Web service & cache (simulated)") + [
            title("Handel, Verkehr & Gastgewerbe, Stuttgart", everywhere)
        ]),
    AttributeRules(
        file: "data/v21-generic.xml",
        rules: dataSource("Payroll data & LFS benchmark") + [
            title("Beschäftigte im Verarbeitenden Gewerbe, Stuttgart", [["NACE_R2": "C", "GEO": "DE11"]])
        ]),
    AttributeRules(
        file: "data/v21-generic-timeseries.xml",
        rules: dataSource("Rilevazione forze di lavoro & archivi INPS (simulated)") + [
            title("Occupati totali, Lombardia – serie infrannuali", everywhere)
        ]),
    AttributeRules(
        file: "data/v21-generic-flat.xml",
        rules: dataSource("Social security registrations & payroll", decimals: "2") + [
            title("Afiliados, vehículos de motor, Cataluña", [["NACE_R2": "C29", "GEO": "ES51"]])
        ]),
    AttributeRules(
        file: "data/v21-generic-cross.xml",
        rules: dataSource("Regional accounts & LFS") + [title("Motor vehicles, Cataluña", [["GEO": "ES51"]])]),
    AttributeRules(
        file: "data/v21-ss.xml",
        rules: dataSource("Labour force survey & business register") + [
            title("Persons employed – motor vehicles, Cataluña", [["NACE_R2": "C29", "GEO": "ES51"]])
        ]),
    AttributeRules(
        file: "data/v21-ss-timeseries.xml",
        rules: dataSource("Afiliación & EPA (simulated)") + [
            title("Comercio, transporte & hostelería, Cataluña", everywhere)
        ]),
    AttributeRules(
        file: "data/v21-ss-flat.xml",
        rules: dataSource("Daily registrations & sick-leave files", decimals: "2") + [
            title("Daily registrations, vehículos de motor, Cataluña", [["NACE_R2": "C29", "GEO": "ES51"]])
        ]),
    AttributeRules(
        file: "data/v21-ss-cross.xml",
        rules: dataSource("Quarterly LFS & registers") + [
            title("Fahrzeugbau, Stuttgart – Quartalswerte", [["GEO": "DE11"]])
        ]),
    AttributeRules(
        file: "data/v21-ss-timeforms.xml",
        rules: dataSource("Time-format test bed — values are invented") + [
            title("Lombardia & time formats", [["GEO": "ITC4"]])
        ]),
    AttributeRules(
        file: "data/v30-ss.xml",
        rules: dataSource("Encuesta de población activa & afiliación") + [
            title("Industria manufacturera, Cataluña", everywhere)
        ]),
    AttributeRules(
        file: "data/v31-ss.xml",
        rules: dataSource("LFS microdata & bootstrap intervals") + [
            title("Erwerbstätige insgesamt, Stuttgart", [["GEO": "DE11"]])
        ]),
    AttributeRules(
        file: "data/v21-footer-after-data.xml",
        rules: dataSource("Partial extraction — see footer") + [title("Emploi total, Île-de-France", everywhere)]),
    AttributeRules(
        file: "data/v21-series-no-obs.xml",
        rules: dataSource("Series keys & attributes only, except one") + [
            title("Construcción, Cataluña", [["NACE_R2": "F", "GEO": "ES51"]])
        ]),
    AttributeRules(
        file: "data/v21-unknown-elements.xml",
        rules: dataSource("LFS & registers") + [title("Manifattura, Lombardia – revised", [["GEO": "ITC4"]])]),
    AttributeRules(
        file: "data/latin1-declared.xml",
        rules: dataSource("Déclarations sociales & enquête Emploi") + [
            title("Emploi salarié total, Île-de-France", [["GEO": "FR10"]])
        ]),
]

// MARK: - Tests

@Suite("SDMXDataReader on the hand-written fixtures")
struct SDMXDataReaderFixtureTests {
    // MARK: Counts, periods, footers (EXPECTED.tsv)

    @Test(
        "Each data fixture yields the version, message type, counts, periods and footer EXPECTED.tsv gives",
        .enabled(if: dataFixturesAvailable, "Fixtures/EXPECTED.tsv is not present"),
        arguments: dataFixtureRows(under: "data/"))
    func expectedCounts(row: DataFixtureRow) throws {
        let result = try readDataFixture(row.file)
        let summary = result.summary
        let sink = result.sink
        #expect(summary.version.rawValue == row.version)
        #expect(summary.messageType == row.message)
        #expect(summary.datasets == row.datasets)
        #expect(summary.series == row.series)
        #expect(summary.groups == row.groups)
        #expect(summary.observations == row.observations)
        // The sink saw what the summary counts.
        #expect(sink.datasets.count == row.datasets)
        #expect(sink.endedDatasets == row.datasets)
        #expect(sink.observations.count == row.observations)
        if row.series > 0 {
            #expect(sink.series.count == row.series)
        }
        if !row.dimensionAtObservation.isEmpty {
            #expect(
                sink.datasets.map(\.dimensionAtObservation)
                    == Array(repeating: row.dimensionAtObservation, count: row.datasets))
        }
        #expect(summary.footer.map(\.code) == row.footerCodes)
        if let unknown = row.unknownElements {
            #expect(summary.skippedElements == unknown)
        }

        // Every observation has a parsed period; the earliest and latest are those of EXPECTED.tsv.
        let periods = sink.observations.compactMap(\.period)
        #expect(periods.count == sink.observations.count, "observations without a parsed period")
        if row.firstPeriod.isEmpty {
            #expect(periods.isEmpty)
        } else {
            let first = try #require(periods.min())
            let last = try #require(periods.max())
            #expect(first.lexical == row.firstPeriod)
            #expect(last.lexical == row.lastPeriod)
            #expect(first == (try TimePeriod(row.firstPeriod)))
            #expect(last == (try TimePeriod(row.lastPeriod)))
        }

        // No dimension appears twice in a full key.
        for observation in sink.observations {
            let ids = fullKeyIDs(observation)
            #expect(Set(ids).count == ids.count, "duplicate dimension in \(ids)")
        }
    }

    // MARK: Values, keys and observation attributes (notes of EXPECTED.tsv)

    @Test(
        "Observations have the full key, lexical value, value kind, number and attributes the notes give",
        .enabled(if: dataFixturesAvailable, "Fixtures/EXPECTED.tsv is not present"),
        arguments: expectedObservations)
    func observationValues(expected: ExpectedObservations) throws {
        let sink = try readDataFixture(expected.file).sink
        for item in expected.observations {
            let key = regionalKey(item.key, period: expected.keyIncludesTime ? item.period : nil, extra: item.extra)
            let filter = regionalKey(item.key, period: nil, extra: item.extra)
            let observation = expectObservation(
                in: sink, period: item.period, filter, key: key, value: item.value,
                includingTime: expected.keyIncludesTime)
            for (id, value) in item.attributes.sorted(by: { $0.key < $1.key }) {
                #expect(observation?.attribute(id)?.value == value, "\(item): \(id)")
            }
        }
    }

    @Test(
        "Dataset attributes apply to every observation, group attributes to exactly the matching ones",
        .enabled(if: dataFixturesAvailable, "Fixtures/EXPECTED.tsv is not present"),
        arguments: expectedAttributeRules)
    func datasetAndGroupAttributes(expected: AttributeRules) throws {
        let sink = try readDataFixture(expected.file).sink
        #expect(!sink.observations.isEmpty)
        // Mismatches are gathered per attribute so that one wrong rule is one issue, not one per observation.
        for id in Set(expected.rules.map(\.id)).sorted() {
            let rules = expected.rules.filter { $0.id == id }
            var applied = 0
            var wrong: [String] = []
            for observation in sink.observations {
                let rule = rules.first { rule in
                    rule.observations.contains { filter in
                        filter.allSatisfy { observation.dimension($0.key) == $0.value }
                    }
                }
                let attribute = observation.attribute(id)
                let label = "\(observation.series.key)\(observation.dimensions)"
                if let rule {
                    if attribute?.value == rule.value && attribute?.level == rule.level {
                        applied += 1
                    } else {
                        wrong.append("\(label): \(attribute.map { "\($0) (\($0.level))" } ?? "nil")")
                    }
                } else if let attribute {
                    wrong.append("\(label): \(attribute) should not apply")
                }
            }
            let examples = wrong.prefix(3).joined(separator: "; ")
            #expect(wrong.count == 0, "\(id) is wrong on \(wrong.count) observations, e.g. \(examples)")
            #expect(applied > 0, "\(id) applied to no observation")
        }
        // A dataset attribute is a dataset attribute, never a dimension.
        let keyed = sink.observations.filter { fullKey($0)["DATA_SOURCE"] != nil }.count
        #expect(keyed == 0, "DATA_SOURCE is a key dimension of \(keyed) observations")
    }

    // MARK: One test per message type or feature

    @Test("The UTF-8 BOM file reads like any other and keeps its header")
    func byteOrderMark() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: dataFixturePath("data/v21-ss.xml")))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let result = try readDataFixture("data/v21-ss.xml")
        #expect(result.summary.messageID == "CLX-SS21-0001")
        #expect(result.summary.sender == "CLX")
        #expect(
            result.summary.headerStructures == [
                StructureReference(agencyID: "CLX", id: "DSD_REG_EMP", version: "1.0", artefactClass: "DataStructure")
            ])
        let header = try #require(result.sink.datasets.first)
        #expect(header.structureRef == "CLX_DSD_REG_EMP_1_0")
        #expect(header.attributes.map(\.id) == ["DECIMALS", "DATA_SOURCE"])
        #expect(result.summary.warnings.isEmpty)
    }

    @Test("The ISO-8859-1 file's raw Latin-1 bytes are decoded")
    func latin1() throws {
        let result = try readDataFixture("data/latin1-declared.xml")
        let header = try #require(result.sink.datasets.first)
        #expect(header.attributes.first { $0.id == "DATA_SOURCE" }?.value == "Déclarations sociales & enquête Emploi")
        let france = try #require(result.sink.observation(period: "2019", ["GEO": "FR10"]))
        #expect(france.attribute("TITLE")?.value == "Emploi salarié total, Île-de-France")
        #expect(france.attribute("COMMENT_TS")?.value == "Données révisées")
        let spain = try #require(result.sink.observation(period: "2019", ["GEO": "ES51"]))
        #expect(spain.attribute("COMMENT_TS")?.value == "Cataluña, año base 2015")
        #expect(spain.attribute("TITLE") == nil)
    }

    @Test("A REPORTING_YEAR_START_DAY of --07-01 moves reporting quarters; other series keep January 1")
    func reportingYearStartDay() throws {
        let sink = try readDataFixture("data/v21-ss-timeforms.xml").sink
        let july = try MonthDay(month: 7, day: 1)
        let fiscal = try #require(sink.observation(period: "2021-Q1", ["FREQ": "Q", "GEO": "ITC4"]))
        #expect(fiscal.attribute("REPORTING_YEAR_START_DAY")?.value == "--07-01")
        let q1 = try #require(fiscal.period)
        #expect(q1.start.date == CivilDate(year: 2021, month: 7, day: 1))
        #expect(q1.start.secondsSinceMidnight == 0)
        #expect(q1.end.date == CivilDate(year: 2021, month: 10, day: 1))
        #expect(q1 == (try TimePeriod("2021-Q1", reportingYearStartDay: july)))
        #expect(q1 != (try TimePeriod("2021-Q1")))
        let q2 = try #require(sink.observation(period: "2021-Q2", ["FREQ": "Q", "GEO": "ITC4"])?.period)
        #expect(q2.start.date == CivilDate(year: 2021, month: 10, day: 1))
        #expect(q2.end.date == CivilDate(year: 2022, month: 1, day: 1))
        // The calendar quarter series has no start day: 2021-Q3 is July to September.
        let calendar = try #require(sink.observation(period: "2021-Q3", ["FREQ": "Q", "GEO": "ES51"])?.period)
        #expect(calendar.start.date == CivilDate(year: 2021, month: 7, day: 1))
        #expect(calendar == q1)
        // A few other forms of the same file.
        let trimester = try #require(sink.observation(period: "2021-T2")?.period)
        #expect(trimester.start.date == CivilDate(year: 2021, month: 5, day: 1))
        #expect(trimester.end.date == CivilDate(year: 2021, month: 9, day: 1))
        let week = try #require(sink.observation(period: "2021-W05")?.period)
        #expect(week.start.date == CivilDate(year: 2021, month: 2, day: 1))
        #expect(week.end.date == CivilDate(year: 2021, month: 2, day: 8))
        let day = try #require(sink.observation(period: "2021-D032")?.period)
        #expect(day.start.date == CivilDate(year: 2021, month: 2, day: 1))
        let range = try #require(sink.observation(period: "2021-02-01/P1M")?.period)
        #expect(range.end.date == CivilDate(year: 2021, month: 3, day: 1))
    }

    @Test("The SDMX 2.0 half-year and unpadded week are read as periods")
    func sdmx20Periods() throws {
        let compact = try readDataFixture("data/v20-compact.xml").sink
        let half = try #require(compact.observation(period: "2005-B2")?.period)
        #expect(half.start.date == CivilDate(year: 2005, month: 7, day: 1))
        #expect(half.end.date == CivilDate(year: 2006, month: 1, day: 1))
        let generic = try readDataFixture("data/v20-generic.xml").sink
        let week = try #require(generic.observation(period: "2005-W5")?.period)
        #expect(week.start.date == CivilDate(year: 2005, month: 1, day: 31))
        #expect(week == (try TimePeriod("2005-W05")))
    }

    @Test("A 3.0 Comp keeps both values of a multi-valued attribute and the en and fr texts of a multilingual one")
    func sdmx30ComplexAttributes() throws {
        let result = try readDataFixture("data/v30-ss.xml")
        #expect(result.summary.version == .v3_0)
        #expect(
            result.summary.headerStructures == [
                StructureReference(agencyID: "CLX", id: "DSD_REG_EMP", version: "3.0.0", artefactClass: "DataStructure")
            ])
        let sink = result.sink
        let june = try #require(sink.observation(period: "2021-M06", ["FREQ": "M"]))
        let status = try #require(june.attribute("OBS_STATUS"))
        #expect(status.value == "E")
        #expect(status.additionalValues == ["P"])
        #expect(status.values == ["E", "P"])
        #expect(status.level == .observation)
        let comment = try #require(june.attribute("COMMENT"))
        #expect(comment.level == .series)
        #expect(
            comment.texts == [
                LocalizedText(language: "en", text: "Break in series & new weighting from July"),
                LocalizedText(language: "fr", text: "Rupture de série & nouvelle pondération à partir de juillet"),
            ])
        #expect(comment.value == "Break in series & new weighting from July")
        #expect(comment.texts.text(preferring: "fr") == "Rupture de série & nouvelle pondération à partir de juillet")
        // Plain attributes next to Comp elements stay single-valued; the quarterly series has no COMMENT.
        let july = try #require(sink.observation(period: "2021-M07", ["FREQ": "M"]))
        #expect(july.attribute("OBS_STATUS")?.values == ["M"])
        #expect(sink.observation(period: "2021-Q4", ["FREQ": "Q"])?.attribute("COMMENT") == nil)
    }

    @Test("3.1 NaN and #N/A are missing markers; without a DSD the CONF_INT values are kept")
    func sdmx31MissingMarkers() throws {
        let sink = try readDataFixture("data/v31-ss.xml").sink
        let nan = try #require(sink.observation(period: "2020", ["GEO": "DE11"]))
        expectValue(nan.value, .marker("NaN"))
        #expect(nan.value.isMissing)
        // Without the DSD the reader cannot know CONF_INT is a measure (the documented rule lists it as
        // an attribute); its lexical values must survive either way.
        func confidence(_ observation: Observation) -> String? {
            observation.otherMeasures.first { $0.id == "CONF_INT" }?.value ?? observation.attribute("CONF_INT")?.value
        }
        #expect(confidence(nan) == "#N/A")
        #expect(ObservationValue(lexical: confidence(nan)).kind == .missingMarker)
        let first = try #require(sink.observation(period: "2019", ["GEO": "DE11"]))
        #expect(confidence(first) == "[1497.7, 1522.7]")
        #expect(confidence(try #require(sink.observation(period: "2022", ["GEO": "DE11"]))) == nil)
    }

    @Test("With the 3.1 DSD, CONF_INT is the second measure in otherMeasures, absent ones omitted")
    func sdmx31SecondMeasure() throws {
        let structures = try structureFixture("structure/v31-structure.xml")
        let result = try readDataFixture("data/v31-ss.xml", structures: structures)
        #expect(result.sink.datasets.first?.dataStructure?.identity.id == "DSD_REG_EMP_CI")
        #expect(result.summary.warnings.isEmpty)
        let sink = result.sink
        let cases: [(String, String, ExpectedValue, [ComponentValue])] = [
            ("DE11", "2019", .numeric("1510.2", 1510.2), [ComponentValue(id: "CONF_INT", value: "[1497.7, 1522.7]")]),
            ("DE11", "2020", .marker("NaN"), [ComponentValue(id: "CONF_INT", value: "#N/A")]),
            ("DE11", "2021", .empty, [ComponentValue(id: "CONF_INT", value: "")]),
            ("DE11", "2022", .absent, []),
            ("FR10", "2020", .text("<1"), [ComponentValue(id: "CONF_INT", value: "#N/A")]),
            ("FR10", "2021", .numeric("6412.0", 6412.0), [ComponentValue(id: "CONF_INT", value: "[6380.4, 6443.6]")]),
        ]
        for (geo, period, value, measures) in cases {
            let observation = try #require(sink.observation(period: period, ["GEO": geo]))
            expectValue(observation.value, value)
            #expect(observation.otherMeasures == measures, "\(geo) \(period)")
            #expect(observation.attribute("CONF_INT") == nil, "\(geo) \(period)")
        }
    }

    @Test("In generic and structure-specific cross-sectional data GEO is an observation-level dimension")
    func crossSectionalObservationDimension() throws {
        for file in ["data/v21-generic-cross.xml", "data/v21-ss-cross.xml"] {
            let sink = try readDataFixture(file).sink
            #expect(sink.datasets.first?.dimensionAtObservation == "GEO", "\(file)")
            for observation in sink.observations {
                #expect(observation.dimensions.map(\.id) == ["GEO"], "\(file)")
                #expect(observation.series.key["GEO"] == nil, "\(file)")
                #expect(observation.series.key["TIME_PERIOD"] == observation.period?.lexical, "\(file)")
            }
        }
    }

    @Test("In flat (AllDimensions) data every dimension is on the observation and the series key is empty")
    func flatLayouts() throws {
        for file in ["data/v21-generic-flat.xml", "data/v21-ss-flat.xml"] {
            let result = try readDataFixture(file)
            #expect(result.sink.series.isEmpty, "\(file)")
            for observation in result.sink.observations {
                #expect(observation.series.key.values.isEmpty, "\(file)")
                #expect(
                    observation.dimensions.map(\.id) == ["FREQ", "NACE_R2", "GEO", "UNIT", "TIME_PERIOD"], "\(file)")
            }
        }
    }

    @Test("A 2.0 MessageGroup yields its generic and its compact data set, each with its own observations")
    func messageGroup() throws {
        let result = try readDataFixture("data/v20-message-group.xml")
        let sink = result.sink
        #expect(sink.datasets.count == 2)
        #expect(sink.datasets.map(\.index) == [0, 1])
        #expect(sink.observations(inDataset: 0).count == 4)
        #expect(sink.observations(inDataset: 1).count == 5)
        #expect(sink.observations(inDataset: 0).allSatisfy { $0.dimension("GEO") == "FR10" })
        #expect(sink.observations(inDataset: 1).allSatisfy { $0.dimension("GEO") == "ES51" })
        #expect(
            sink.datasets.map { $0.attributes.first { $0.id == "DATA_SOURCE" }?.value } == [
                "Estimations d'emploi & DSN (simulated)", "EPA & afiliación (simulated)",
            ])
    }

    @Test("The SOAP envelope is looked through and recorded as a wrapper")
    func soapWrapper() throws {
        let result = try readDataFixture("data/soap-compact.xml")
        #expect(result.summary.wrappers == ["SOAP"])
        #expect(result.summary.messageType == "CompactData")
        #expect(result.summary.version == .v2_0)
        #expect(result.sink.observations.count == 6)
    }

    @Test("A structureRef that does not match the header's structureID is a warning, not a failure")
    func structureRefMismatch() throws {
        let result = try readDataFixture("data/v21-ss-timeseries.xml")
        #expect(!result.summary.warnings.isEmpty)
        #expect(result.summary.warnings.contains { $0.contains("CLX_PA_REG_EMP_ES") })
        #expect(result.summary.observations == 6)
        let header = try #require(result.sink.datasets.first)
        #expect(header.structureRef == "CLX_PA_REG_EMP_ES")
        // The header's only structure (a provision agreement, spelt ProvisionAgrement) is used.
        #expect(
            header.structure
                == StructureReference(
                    agencyID: "CLX", id: "PA_REG_EMP_ES", version: "1.0", artefactClass: "ProvisionAgreement"))
    }

    @Test("A footer-only message has no data set and keeps code 413, its severity, both texts and the URL")
    func footerOnly() throws {
        let result = try readDataFixture("data/v21-footer-only.xml")
        #expect(result.summary.datasets == 0)
        #expect(result.sink.datasets.isEmpty)
        #expect(result.sink.observations.isEmpty)
        #expect(result.summary.errors.isEmpty)
        let note = try #require(result.summary.footer.first)
        #expect(result.summary.footer.count == 1)
        #expect(note.code == "413")
        #expect(note.severity == "Infomation")
        #expect(
            note.texts == [
                LocalizedText(
                    language: "en",
                    text: "The requested extraction is too large for a synchronous reply; "
                        + "the result will be written to a file."),
                LocalizedText(
                    language: "en", text: "https://dissemination.example.org/sdmx/async/file/7f3c2a9e-REG_EMP.xml.gz"),
            ])
    }

    @Test("A footer after the data is read as well as the data")
    func footerAfterData() throws {
        let result = try readDataFixture("data/v21-footer-after-data.xml")
        #expect(result.sink.observations.count == 6)
        #expect(
            result.summary.footer == [
                SDMXMessageNote(
                    code: "500", severity: "Warning",
                    texts: [
                        LocalizedText(
                            language: "en",
                            text: "Warning: the extraction was interrupted; series for GEO=FR1 & FR are missing "
                                + "from this reply.")
                    ])
            ])
    }

    @Test("An SDMX Error message yields its code and text in summary.errors and no data")
    func errorMessage() throws {
        let result = try readDataFixture("data/v21-error.xml")
        #expect(result.summary.messageType == "Error")
        #expect(result.summary.datasets == 0)
        #expect(result.sink.datasets.isEmpty)
        #expect(result.summary.footer.isEmpty)
        #expect(
            result.summary.errors == [
                SDMXMessageNote(
                    code: "100",
                    texts: [
                        LocalizedText(
                            language: "en",
                            text: "No results found for query REG_EMP/A.C29.ES99.THS_PER & period 1990-1995")
                    ])
            ])
    }

    @Test("An empty data set is begun and ended with its attributes and a header Ref without version")
    func emptyDataset() throws {
        let result = try readDataFixture("data/v21-empty-dataset.xml")
        #expect(result.sink.datasets.count == 1)
        #expect(result.sink.endedDatasets == 1)
        #expect(result.sink.series.isEmpty)
        #expect(result.sink.observations.isEmpty)
        let header = try #require(result.sink.datasets.first)
        #expect(header.attributes == [AttributeValue(id: "DECIMALS", value: "1", level: .dataset)])
        #expect(header.structure == StructureReference(agencyID: "CLX", id: "DSD_REG_EMP"))
    }

    @Test("Series without observations are handed to the sink; only one series has observations")
    func seriesWithoutObservations() throws {
        let sink = try readDataFixture("data/v21-series-no-obs.xml").sink
        #expect(sink.series.count == 3)
        #expect(sink.series.map(\.key.description) == ["A.F.ES51.THS_PER", "Q.F.ES51.THS_PER", "A.F.ITC4.PC_EMP"])
        #expect(sink.observations.count == 5)
        #expect(sink.observations.allSatisfy { $0.series.key.description == "Q.F.ES51.THS_PER" })
        let discontinued = sink.series[0]
        #expect(discontinued.attributes.first { $0.id == "COMMENT_TS" }?.value == "Discontinued; no observations")
        #expect(discontinued.attributes.first { $0.id == "TITLE" }?.value == "Construcción, Cataluña")
        #expect(!sink.series[2].attributes.contains { $0.id == "TITLE" })
    }

    @Test("Unknown elements are skipped and counted, whole subtrees once, without losing data")
    func unknownElements() throws {
        let result = try readDataFixture("data/v21-unknown-elements.xml")
        #expect(result.summary.skippedElements == 5)
        #expect(result.sink.observations.count == 6)
        #expect(result.summary.warnings.isEmpty)
    }

    // MARK: --structure

    @Test("With the 2.1 DSD, v21-ss series keys are in DSD position order and components take the DSD's roles")
    func structureSpecificWithDataStructure() throws {
        let structures = try structureFixture("structure/v21-structure.xml")
        let dsd = try #require(structures.dataStructures.first)
        let result = try readDataFixture("data/v21-ss.xml", structures: structures)
        #expect(result.summary.warnings.isEmpty)
        let header = try #require(result.sink.datasets.first)
        #expect(header.dataStructure?.identity.id == "DSD_REG_EMP")
        #expect(result.sink.series.count == 3)
        for series in result.sink.series {
            #expect(series.key.values.map(\.id) == ["FREQ", "NACE_R2", "GEO", "UNIT"])
        }
        #expect(
            result.sink.series.map(\.key.description) == [
                "A.C29.ES51.THS_PER", "Q.C29.ES51.THS_PER", "A.F.ITC4.PC_EMP",
            ])
        for observation in result.sink.observations {
            #expect(fullKeyIDs(observation) == dsd.dimensionIDs)
            for attribute in observation.resolvedAttributes {
                #expect(dsd.isAttribute(attribute.id), "\(attribute.id) is not a DSD attribute")
            }
        }
        // The DSD's attachment levels.
        let first = try #require(result.sink.observation(period: "2019", ["FREQ": "A", "GEO": "ES51"]))
        #expect(first.attribute("DATA_SOURCE")?.level == .dataset)
        #expect(first.attribute("DECIMALS")?.level == .dataset)
        #expect(first.attribute("TITLE")?.level == .group)
        #expect(first.attribute("UNIT_MULT")?.level == .series)
        #expect(first.attribute("COMMENT_TS")?.level == .series)
        #expect(first.attribute("OBS_FLAG")?.level == .observation)
        expectValue(first.value, .numeric("133.9", 133.9))
        // DATA_SOURCE is the one component of this DSD that the no-DSD rule calls a dimension. In
        // v21-ss.xml it only occurs on the DataSet, where the reader without a DSD also takes it as an
        // attribute: this fixture has no component whose role the DSD changes (see the 2.0
        // cross-sectional test below for one that does).
        #expect(ComponentClassifier.inferredRole(of: "DATA_SOURCE") == .dimension)
        #expect(dsd.isAttribute("DATA_SOURCE"))
        let attributeIDs = dsd.attributes.map(\.id).filter { ComponentClassifier.inferredRole(of: $0) != .attribute }
        #expect(attributeIDs == ["DATA_SOURCE"])
    }

    @Test("With the 2.1 DSD, generic series keys written UNIT first are put in DSD order")
    func genericKeyOrderWithDataStructure() throws {
        let structures = try structureFixture("structure/v21-structure.xml")
        let withDSD = try readDataFixture("data/v21-generic.xml", structures: structures).sink
        #expect(withDSD.series.map(\.key.description) == ["M.C.DE11.THS_PER", "A.C.DE11.THS_PER", "A.G-I.ITC4.PC_EMP"])
        for series in withDSD.series {
            #expect(series.key.values.map(\.id) == ["FREQ", "NACE_R2", "GEO", "UNIT"])
        }
        // Without a DSD the order is the document's (SeriesKey's documented rule); the codes are the same.
        let without = try readDataFixture("data/v21-generic.xml").sink
        #expect(without.series.first?.key.values.map(\.id) == ["UNIT", "FREQ", "NACE_R2", "GEO"])
        #expect(
            zip(withDSD.observations, without.observations).allSatisfy { fullKey($0.0) == fullKey($0.1) })
    }

    @Test("With the 2.0 DSD, DATA_SOURCE on a cross-sectional DataSet is an attribute, not a key dimension")
    func crossSectionalWithDataStructure() throws {
        // A real case where the DSD decides: in cross-sectional data the DataSet may carry dimensions,
        // and without a DSD the rule calls DATA_SOURCE a dimension. The DSD says it is a DataSet attribute.
        let structures = try structureFixture("structure/v20-structure.xml")
        let result = try readDataFixture("data/v20-cross-sectional.xml", structures: structures)
        let header = try #require(result.sink.datasets.first)
        #expect(header.dataStructure?.identity.id == "DSD_REG_EMP")
        #expect(
            header.attributes.first { $0.id == "DATA_SOURCE" }
                == AttributeValue(id: "DATA_SOURCE", value: "Census & administrative registers", level: .dataset))
        #expect(result.sink.observations.count == 10)
        for observation in result.sink.observations {
            #expect(fullKey(observation)["DATA_SOURCE"] == nil)
            #expect(observation.attribute("DATA_SOURCE")?.value == "Census & administrative registers")
        }
        let total = try #require(
            result.sink.observation(period: "2021-07-14", ["NACE_R2": "C29", "GEO": "ES51", "MEASURE": "EMP_TOTAL"]))
        expectValue(total.value, .numeric("34.2", 34.2))
    }

    // MARK: Sniffer

    @Test(
        "The sniffer tells data, structure and error fixtures apart, with version and message type",
        .enabled(if: dataFixturesAvailable, "Fixtures/EXPECTED.tsv is not present"),
        arguments: dataFixtureRows(under: "data/") + dataFixtureRows(under: "structure/"))
    func sniffer(row: DataFixtureRow) throws {
        let kind = try SDMXMessageSniffer.sniff(file: dataFixturePath(row.file))
        let expected: SDMXMessageKind.Category =
            row.message == "Error" ? .error : row.file.hasPrefix("structure/") ? .structure : .data
        #expect(kind.category == expected)
        #expect(kind.version.rawValue == row.version)
        #expect(kind.messageType == row.message)
    }
}
