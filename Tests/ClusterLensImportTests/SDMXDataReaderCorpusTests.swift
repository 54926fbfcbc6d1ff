import ClusterLensCore
import ClusterLensSupport
import Foundation
import Testing

@testable import ClusterLensImport

// Tests of `SDMXDataReader` and `SDMXMessageSniffer` on the shared corpus of real SDMX-ML files
// (`<root>/../shared/corpus/sdmx`, described by its `MANIFEST.tsv`). The raw counts of the manifest
// were made by an independent element count; the values below were read from the files by hand.

/// One row of the corpus `MANIFEST.tsv`.
struct DataCorpusRow: Sendable, CustomTestStringConvertible {
    /// The path under the corpus folder.
    var file: String
    /// The local name of the message root, e.g. `GenericData`, `GenericMetadata`, `CodelistQuery`.
    var messageType: String
    /// `data`, `structure` or `other`.
    var kind: String
    var datasets: Int
    var series: Int
    var groups: Int
    var observations: Int
    /// Whether the message carries a footer (`Y`).
    var hasFooter: Bool

    var testDescription: String { file }

    init?(_ fields: [String: String]) {
        guard let file = fields["file"], !file.isEmpty, let kind = fields["kind"] else { return nil }
        self.file = file
        self.messageType = fields["msg_type"] ?? ""
        self.kind = kind
        self.datasets = Int(fields["raw_datasets"] ?? "") ?? 0
        self.series = Int(fields["raw_series"] ?? "") ?? 0
        self.groups = Int(fields["raw_groups"] ?? "") ?? 0
        self.observations = Int(fields["raw_obs"] ?? "") ?? 0
        self.hasFooter = fields["footer"] == "Y"
    }
}

/// The rows of the corpus manifest, empty when the corpus is absent.
func dataCorpusRows() -> [DataCorpusRow] {
    tabSeparatedRows(at: sdmxCorpusPath("MANIFEST.tsv")).compactMap(DataCorpusRow.init)
}

/// The manifest rows of one kind (`data`, `other`).
func dataCorpusRows(kind: String) -> [DataCorpusRow] {
    dataCorpusRows().filter { $0.kind == kind }
}

/// Manifest counts that are wrong, with the count the reader must find and why.
///
/// The manifest's `raw_groups` counts elements named `Group`; an SDMX-ML 2.0 CompactData group is an
/// element named after the group (SDMX-NOTES §3.5, and the fixtures' README counts it so).
private let manifestGroupCorrections: [String: (groups: Int, why: String)] = [
    "sdmx-dl/sdmx-dl-format-xml/src/test/resources/tests/sdmxdl/format/xml/other/sdmx-compact20-sample.xml": (
        2, "two bisc:SiblingGroup elements (2.0 Compact groups are named after the group); the manifest counts 0"
    )
]

private let corpusAbsent = "the shared corpus (../shared/corpus/sdmx/MANIFEST.tsv) is absent: corpus tests skipped"

@Suite("SDMXDataReader on the shared corpus")
struct SDMXDataReaderCorpusTests {
    @Test(
        "Every data file of the corpus yields the manifest's data set, series, group and observation counts",
        .enabled(if: corpusAvailable, "\(corpusAbsent)"),
        arguments: dataCorpusRows(kind: "data"))
    func counts(row: DataCorpusRow) throws {
        let result = try readDataMessage(atPath: sdmxCorpusPath(row.file))
        #expect(result.summary.observations == row.observations)
        #expect(result.summary.datasets == row.datasets)
        #expect(result.summary.series == row.series)
        if let correction = manifestGroupCorrections[row.file] {
            #expect(result.summary.groups == correction.groups, "\(correction.why)")
        } else {
            #expect(result.summary.groups == row.groups)
        }
        #expect(result.summary.messageType == row.messageType)
        #expect(result.sink.observations.count == row.observations)
        #expect(result.sink.datasets.count == row.datasets)
    }

    @Test(
        "Every corpus message with a footer yields its footer messages and their texts",
        .enabled(if: corpusAvailable, "\(corpusAbsent)"),
        arguments: dataCorpusRows(kind: "data").filter(\.hasFooter))
    func footers(row: DataCorpusRow) throws {
        let result = try readDataMessage(atPath: sdmxCorpusPath(row.file))
        #expect(!result.summary.footer.isEmpty)
        for note in result.summary.footer {
            #expect(!note.code.isEmpty)
            #expect(!note.texts.isEmpty)
            #expect(note.texts.allSatisfy { !$0.text.isEmpty })
        }
        if row.datasets == 0 {
            #expect(result.sink.datasets.isEmpty)
        }
    }

    @Test(
        "Metadata and query messages are sniffed as other, with their root element, and refused as data",
        .enabled(if: corpusAvailable, "\(corpusAbsent)"),
        arguments: dataCorpusRows(kind: "other"))
    func otherMessages(row: DataCorpusRow) throws {
        let path = sdmxCorpusPath(row.file)
        let kind = try SDMXMessageSniffer.sniff(file: path)
        #expect(kind.category == .other)
        #expect(kind.messageType == row.messageType)
        #expect(kind.version == .v2_1)
        var refused: ImportError?
        do {
            _ = try readDataMessage(atPath: path)
        } catch let error as ImportError {
            refused = error
        }
        #expect(refused?.code == .unsupportedMessage)
    }

    @Test(
        "The manifest lists the data and other files this suite walks",
        .enabled(if: corpusAvailable, "\(corpusAbsent)"))
    func manifest() {
        #expect(dataCorpusRows(kind: "data").count == 60)
        #expect(dataCorpusRows(kind: "other").count == 9)
        #expect(dataCorpusRows(kind: "data").filter(\.hasFooter).count == 4)
        let dataFiles = Set(dataCorpusRows(kind: "data").map(\.file))
        #expect(Set(manifestGroupCorrections.keys).subtracting(dataFiles).isEmpty)
    }

    // MARK: Values read from the files

    @Test(
        "ECB_EXR/1/M.USD.EUR.SP00.A.xml: the first and last observation of the USD/EUR series",
        .enabled(if: corpusAvailable, "\(corpusAbsent)"))
    func ecbExchangeRate() throws {
        let result = try readDataMessage(atPath: sdmxCorpusPath("sdmx1-specimens/ECB_EXR/1/M.USD.EUR.SP00.A.xml"))
        let sink = result.sink
        #expect(
            result.summary.headerStructures == [
                StructureReference(agencyID: "ECB", id: "ECB_EXR1", version: "1.0", artefactClass: "DataStructure")
            ])
        #expect(sink.datasets.first?.action == "Replace")
        let first = try #require(sink.observations.first)
        #expect(first.series.key.description == "M.USD.EUR.SP00.A")
        #expect(first.series.key.values.map(\.id) == ["FREQ", "CURRENCY", "CURRENCY_DENOM", "EXR_TYPE", "EXR_SUFFIX"])
        #expect(first.dimensions == [ComponentValue(id: "TIME_PERIOD", value: "1999-01")])
        expectValue(first.value, .numeric("1.16078", 1.16078))
        #expect(first.period == (try TimePeriod("1999-01")))
        #expect(first.attribute("OBS_STATUS")?.value == "A")
        #expect(first.attribute("OBS_STATUS")?.level == .observation)
        #expect(first.attribute("TITLE")?.value == "US dollar/Euro")
        #expect(first.attribute("TITLE")?.level == .series)
        #expect(first.attribute("DECIMALS")?.value == "4")
        #expect(first.attribute("UNIT_MULT")?.value == "0")
        let last = try #require(sink.observations.last)
        #expect(last.period?.lexical == "2019-12")
        expectValue(last.value, .numeric("1.111345", 1.111345))
    }

    @Test(
        "ECB_EXR/rg-ts-gf.xml: sibling and rate group attributes apply to the matching series only",
        .enabled(if: corpusAvailable, "\(corpusAbsent)"))
    func ecbGroups() throws {
        let sink = try readDataMessage(atPath: sdmxCorpusPath("sdmx1-specimens/ECB_EXR/rg-ts-gf.xml")).sink
        #expect(sink.series.count == 4)
        let swiss = try #require(sink.observation(period: "2010-08", ["CURRENCY": "CHF"]))
        #expect(
            fullKey(swiss) == [
                "FREQ": "M", "CURRENCY": "CHF", "CURRENCY_DENOM": "EUR", "EXR_TYPE": "SP00", "EXR_VAR": "E",
                "TIME_PERIOD": "2010-08",
            ])
        expectValue(swiss.value, .numeric("1.3413", 1.3413))
        #expect(swiss.attribute("TITLE")?.value == "ECB reference exchange rate, Swiss franc/Euro")
        #expect(swiss.attribute("TITLE")?.level == .group)
        #expect(swiss.attribute("DECIMALS")?.value == "4")
        #expect(swiss.attribute("UNIT_MEASURE")?.value == "CHF")
        // The rate group's partial key (EXR_TYPE, EXR_VAR) matches every series.
        #expect(swiss.attribute("COLL_METHOD")?.value == "Average of observations through period")
        #expect(swiss.attribute("CONF_STATUS_OBS")?.value == "F")
        let pound = try #require(sink.observation(period: "2010-08", ["CURRENCY": "GBP"]))
        #expect(pound.attribute("TITLE")?.value == "ECB reference exchange rate, U.K. Pound sterling /Euro")
        #expect(pound.attribute("DECIMALS")?.value == "5")
        #expect(pound.attribute("COLL_METHOD")?.value == "Average of observations through period")
        // Each series takes exactly its own sibling group's title.
        for series in sink.series {
            let titles = series.attributes.filter { $0.id == "TITLE" }
            #expect(titles.count == 1, "\(series.key)")
            #expect(series.attributes.first { $0.id == "UNIT_MEASURE" }?.value == series.key["CURRENCY"])
        }
    }

    @Test(
        "ECB_EXR/rg-xs.xml and rg-xs-ss.xml: sibling groups keyed by the observation-level CURRENCY reach its observations",
        .enabled(if: corpusAvailable, "\(corpusAbsent)"),
        arguments: ["sdmx1-specimens/ECB_EXR/rg-xs.xml", "sdmx1-specimens/ECB_EXR/rg-xs-ss.xml"])
    func ecbCrossSectionGroups(file: String) throws {
        let sink = try readDataMessage(atPath: sdmxCorpusPath(file)).sink
        #expect(sink.observations.count == 12)
        let titles = [
            "CHF": "ECB reference exchange rate, Swiss franc/Euro",
            "GBP": "ECB reference exchange rate, U.K. Pound sterling /Euro",
            "JPY": "ECB reference exchange rate, Japanese yen/Euro",
            "USD": "ECB reference exchange rate, U.S. dollar/Euro",
        ]
        let decimals = ["CHF": "4", "GBP": "5", "JPY": "2", "USD": "4"]
        var wrong: [String] = []
        for observation in sink.observations {
            let currency = observation.dimension("CURRENCY") ?? "?"
            let label = "\(observation.series.key) CURRENCY=\(currency)"
            // The rate group's partial key (EXR_TYPE, EXR_VAR) is in every series key.
            if observation.attribute("COLL_METHOD")?.value != "Average of observations through period" {
                wrong.append("\(label): COLL_METHOD missing")
            }
            // The sibling groups' partial keys include CURRENCY, which is at observation level.
            if observation.attribute("TITLE")?.value != titles[currency] {
                wrong.append("\(label): TITLE \(observation.attribute("TITLE")?.value ?? "missing")")
            }
            if observation.attribute("DECIMALS")?.value != decimals[currency] {
                wrong.append("\(label): DECIMALS \(observation.attribute("DECIMALS")?.value ?? "missing")")
            }
            if observation.attribute("UNIT_MEASURE")?.value != currency {
                wrong.append("\(label): UNIT_MEASURE \(observation.attribute("UNIT_MEASURE")?.value ?? "missing")")
            }
        }
        #expect(wrong.count == 0, "\(wrong.count) wrong, e.g. \(wrong.prefix(4).joined(separator: "; "))")
    }

    @Test(
        "ECB_EXR/ng-xs-ss.xml: CURRENCY is the observation-level dimension of a cross-sectional file",
        .enabled(if: corpusAvailable, "\(corpusAbsent)"))
    func ecbCrossSection() throws {
        let sink = try readDataMessage(atPath: sdmxCorpusPath("sdmx1-specimens/ECB_EXR/ng-xs-ss.xml")).sink
        #expect(sink.datasets.first?.dimensionAtObservation == "CURRENCY")
        #expect(sink.observations.count == 12)
        for observation in sink.observations {
            #expect(observation.dimensions.map(\.id) == ["CURRENCY"])
            #expect(observation.series.key["CURRENCY"] == nil)
        }
        #expect(Set(sink.observations.compactMap { $0.dimension("CURRENCY") }) == ["CHF", "JPY", "GBP", "USD"])
        let yen = try #require(sink.observation(period: "2010-08", ["CURRENCY": "JPY"]))
        #expect(
            fullKey(yen) == [
                "TIME_PERIOD": "2010-08", "FREQ": "M", "CURRENCY_DENOM": "EUR", "EXR_TYPE": "SP00", "EXR_VAR": "E",
                "CURRENCY": "JPY",
            ])
        expectValue(yen.value, .numeric("110.04", 110.04))
        #expect(yen.attribute("TITLE")?.value == "ECB reference exchange rate, Japanese yen/Euro")
        #expect(yen.attribute("DECIMALS")?.value == "2")
        #expect(yen.attribute("COLL_METHOD")?.value == "Average of observations through period")
        let dollar = try #require(sink.observation(period: "2010-10", ["CURRENCY": "USD"]))
        expectValue(dollar.value, .numeric("1.3898", 1.3898))
    }

    @Test(
        "ESTAT/demography-xs.xml: observations without OBS_VALUE are absent, not zero or empty",
        .enabled(if: corpusAvailable, "\(corpusAbsent)"))
    func eurostatDemography() throws {
        let sink = try readDataMessage(atPath: sdmxCorpusPath("sdmx1-specimens/ESTAT/demography-xs.xml")).sink
        #expect(sink.observations.count == 60)
        #expect(sink.observations.filter { $0.value.kind == .absent }.count == 5)
        // Belgian men, 2009: live births and deaths have no OBS_VALUE and OBS_STATUS="M".
        let men = sink.observations(period: "2009", ["SEX": "M", "COUNTRY": "BE"])
        #expect(men.count == 3)
        let missing = men.filter { $0.attribute("OBS_STATUS")?.value == "M" }
        #expect(missing.count == 2)
        for observation in missing {
            expectValue(observation.value, .absent)
            #expect(observation.value.number == nil)
            #expect(observation.value.isMissing)
        }
        let lifeExpectancy = try #require(men.first)
        expectValue(lifeExpectancy.value, .numeric("77.7", 77.7))
        #expect(lifeExpectancy.attribute("UNIT_MEASURE")?.value == "YRS")
        // The dimension at observation level, DEMO, is written only as each Obs's xsi:type
        // (demo:LEXPNSIT, demo:LBIRTHST, demo:DEATHST): it belongs in the observation's key.
        #expect(men.map { $0.dimension("DEMO") } == ["LEXPNSIT", "LBIRTHST", "DEATHST"])
    }
}
