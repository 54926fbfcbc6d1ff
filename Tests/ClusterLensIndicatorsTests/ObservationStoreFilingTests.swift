import ClusterLensCore
import ClusterLensImport
import Foundation
import Testing

@testable import ClusterLensIndicators

/// Files of more than one batch (``StoreRecordSink/batchSize`` records) are filed on a thread of their
/// own while the importer parses on: the result must be the one of filing in file order.
@Suite("Observation store: loading large files on two threads")
struct ObservationStoreFilingTests {
    /// Series of `sbs_r_nuts2021`'s shape (Eurostat's structure-specific SDMX-ML 2.1): the first `regions`
    /// NUTS 2 regions of ``nuts2`` × divisions C10 … C33 × 2012 … 2021, value `1000 × region + 10 × division + year
    /// − 2012`; the first series' 2013 confidential (`NaN`, `CONF_STATUS="C"`), every 2020 value
    /// estimated (`OBS_FLAG="e"`); `inserted` is written after the series of region `insertedAfter`,
    /// `tail` after the last series.
    private static func sbsFile(
        regions: Int, inserted: String = "", insertedAfter: Int = 0,
        tail: String = "</m:DataSet></m:StructureSpecificData>\n"
    ) throws -> String {
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <m:StructureSpecificData xmlns:m="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message" \
            xmlns:ss="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/structurespecific" \
            xmlns:c="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common">
            <m:Header><m:ID>TEST</m:ID><m:Test>true</m:Test><m:Prepared>2026-01-01T00:00:00</m:Prepared>\
            <m:Sender id="ESTAT"/><m:Structure structureID="ESTAT_SBS_R_NUTS2021_1_0" \
            namespace="urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure=ESTAT:SBS_R_NUTS2021(1.0)" \
            dimensionAtObservation="TIME_PERIOD"><c:Structure><Ref agencyID="ESTAT" id="SBS_R_NUTS2021" \
            version="1.0"/></c:Structure></m:Structure></m:Header>
            <m:DataSet ss:structureRef="ESTAT_SBS_R_NUTS2021_1_0">

            """
        for region in 1...regions {
            for division in 10...33 {
                text += "<Series freq=\"A\" nace_r2=\"C\(division)\" indic_sbs=\"EMP_LOC_NR\" geo=\"\(code(region))\">"
                for year in 2012...2021 {
                    if region == 1 && division == 10 && year == 2013 {
                        text += "<Obs TIME_PERIOD=\"2013\" OBS_VALUE=\"NaN\" CONF_STATUS=\"C\"/>"
                    } else {
                        let flag = year == 2020 ? " OBS_FLAG=\"e\"" : ""
                        text += "<Obs TIME_PERIOD=\"\(year)\" OBS_VALUE=\"\(value(region, division, year))\"\(flag)/>"
                    }
                }
                text += "</Series>\n"
            }
            if region == insertedAfter { text += inserted }
        }
        text += tail
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("clusterlens-filing-\(UUID().uuidString).xml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The NUTS 2 regions of NUTS 2021 in fourteen countries (Germany's DE11 first), from the bundled
    /// classification.
    private static let nuts2: [String] = {
        let regions = Classifications.bundled.regions
        return ["DE", "ES", "FR", "IT", "PL", "NL", "AT", "PT", "BE", "CZ", "EL", "HU", "RO", "SE"].flatMap { country in
            regions.parts(of: country, in: .nuts2021).flatMap { regions.parts(of: $0, in: .nuts2021) }
        }
    }()

    /// Region number `region` (from 1) of ``nuts2``.
    private static func code(_ region: Int) -> String { nuts2[region - 1] }

    private static func value(_ region: Int, _ division: Int, _ year: Int) -> Int {
        1000 * region + 10 * division + year - 2012
    }

    private static func employment(_ store: ObservationStore, _ division: String, _ region: String, _ year: String)
        throws -> AggregatedValue
    {
        store.value(
            dataflow: "sbs_r_nuts2021", filters: ["indic_sbs": "EMP_LOC_NR"],
            sectors: try SectorSet(parsing: [division]), regions: try RegionSet(parsing: [region]),
            period: try TimePeriod(year))
    }

    @Test("Values, flags and the confidential cell of 43,200 observations come out as filed in order")
    func largeFile() throws {
        // 180 regions × 24 divisions × 10 years: eleven batches.
        #expect(Self.nuts2.count >= 180)
        let path = try Self.sbsFile(regions: 180)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var store = ObservationStore()
        let summary = try store.load(file: path)
        #expect(summary.observations == 43_200)
        #expect(summary.observations > 10 * StoreRecordSink.batchSize)
        #expect(store.count == 43_200)
        for (region, division, year) in [(1, 11, 2012), (57, 29, 2017), (180, 33, 2021), (99, 10, 2019)] {
            let result = try Self.employment(store, "C\(division)", Self.code(region), "\(year)")
            #expect(result.number == Double(Self.value(region, division, year)))
            #expect(result.flags.isEmpty)
        }
        let estimated = try Self.employment(store, "C25", Self.code(140), "2020")
        #expect(estimated.number == Double(Self.value(140, 25, 2020)))
        #expect(estimated.flags == ["e"])
        let confidential = try Self.employment(store, "C10", "DE11", "2013")
        #expect(confidential.number == nil)
        #expect(confidential.flags.contains("c"))
    }

    @Test("A series repeated in a later batch replaces the earlier values and is warned about once")
    func laterBatchReplaces() throws {
        // The first series again after region 90 (21,600 observations: the sixth batch, handed to the
        // filing thread like the first), 2021 changed from 1109 to 999 and flagged.
        let repeated =
            "<Series freq=\"A\" nace_r2=\"C10\" indic_sbs=\"EMP_LOC_NR\" geo=\"DE11\">"
            + "<Obs TIME_PERIOD=\"2020\" OBS_VALUE=\"1108\" OBS_FLAG=\"e\"/>"
            + "<Obs TIME_PERIOD=\"2021\" OBS_VALUE=\"999\" OBS_FLAG=\"p\"/></Series>\n"
        let path = try Self.sbsFile(regions: 180, inserted: repeated, insertedAfter: 90)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var store = ObservationStore()
        let diagnostics = Diagnostics()
        try store.load(file: path, diagnostics: diagnostics)
        #expect(store.count == 43_200)
        let replaced = try Self.employment(store, "C10", "DE11", "2021")
        #expect(replaced.number == 999)
        #expect(replaced.flags == ["p"])
        let warnings = diagnostics.all.filter { $0.code == "duplicate-observation" }
        #expect(warnings.count == 1)
        // 2020 came again with the same value and flag: no news; 2021 is the one conflict.
        #expect(warnings.first?.message.contains("\"999\" (OBS_FLAG=p)") == true)
        #expect(warnings.first?.message.contains("replaces \"1109\"") == true)
        #expect(warnings.first?.message.contains("more observation") == false)
    }

    @Test("A file that breaks after several batches leaves the store as it was")
    func brokenFileLeavesStore() throws {
        let good = try Self.sbsFile(regions: 2)
        let broken = try Self.sbsFile(regions: 100, tail: "<Series freq=\"A\"><Obs TIME_PERIOD=\"2021\"</m:DataSet>")
        defer {
            try? FileManager.default.removeItem(atPath: good)
            try? FileManager.default.removeItem(atPath: broken)
        }
        var store = ObservationStore()
        try store.load(file: good)
        #expect(store.count == 480)
        let error = try #require(throws: IndicatorsError.self) { try store.load(file: broken) }
        #expect(error.file == broken)
        #expect(error.line == 2_405)
        #expect(store.count == 480)
        #expect(store.sources.map(\.path) == [good])
        #expect(try Self.employment(store, "C33", "DE12", "2021").number == Double(Self.value(2, 33, 2021)))
    }
}
