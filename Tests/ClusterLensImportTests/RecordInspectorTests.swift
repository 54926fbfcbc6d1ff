import ClusterLensCore
import Foundation
import Testing

@testable import ClusterLensImport

// `RecordInspector` summarises CSV tables read through the importer door; these tests check the codes it
// counts for `inspect --codes` on the store's real-shaped `sbs_r_nuts2021` fixtures (the same 17
// observations as SDMX-CSV and tidy CSV; counts read off the fixtures' README table).

/// Reads a store fixture through the door into a fresh inspector.
private func inspect(_ name: String, dataflow: String? = nil) throws -> (RecordInspector, ImportSummary) {
    let inspector = RecordInspector()
    let summary = try DataImporter().read(file: storeFixturePath(name), dataflow: dataflow, into: inspector)
    return (inspector, summary)
}

@Suite("RecordInspector counts the observations of every code of a CSV table")
struct RecordInspectorTests {
    @Test("SDMX-CSV: each key code and each period with its observations, the time column last")
    func sdmxCSV() throws {
        let (inspector, summary) = try inspect("sbs_r_nuts2021.csv")
        #expect(summary.timeDimensions == ["TIME_PERIOD"])
        let inspection = inspector.inspection(timeDimension: "TIME_PERIOD")
        #expect(inspection.codes.map(\.id) == ["freq", "nace_r2", "indic_sbs", "geo", "TIME_PERIOD"])
        #expect(inspection.observations(of: "geo") == ["ES51": 8, "ES52": 5, "ES53": 4])
        #expect(inspection.observations(of: "nace_r2") == ["B-S_X_O_S94": 3, "C29": 4, "C291": 5, "C292": 5])
        #expect(inspection.observations(of: "indic_sbs") == ["EMP_LOC_NR": 16, "LOC_NR": 1])
        #expect(inspection.observations(of: "freq") == ["A": 17])
        #expect(inspection.observations(of: "TIME_PERIOD") == ["2020": 5, "2021": 12])
        #expect(inspection.dataStructures.isEmpty)
    }

    @Test("Tidy CSV: the periods are listed under the table's own time column")
    func tidyCSV() throws {
        let (inspector, summary) = try inspect("sbs_r_nuts2021-tidy.csv", dataflow: "sbs_r_nuts2021")
        #expect(summary.timeDimensions == ["time"])
        let inspection = inspector.inspection(timeDimension: "time")
        #expect(inspection.codes.map(\.id) == ["geo", "nace_r2", "indic_sbs", "freq", "time"])
        #expect(inspection.observations(of: "time") == ["2020": 5, "2021": 12])
        #expect(inspection.observations(of: "geo") == ["ES51": 8, "ES52": 5, "ES53": 4])
        // The summary's dimensions leave the time out, as before.
        #expect(inspection.dimensions.map(\.id) == ["geo", "nace_r2", "indic_sbs", "freq"])
        #expect(inspector.inspection.codes.last?.id == "TIME_PERIOD")
    }

    @Test("SDMX-ML through the door names no time column: its observations carry their period")
    func sdmxMLHasNoTimeColumn() throws {
        let (_, summary) = try inspect("sbs_r_nuts2021.xml")
        #expect(summary.timeDimensions.isEmpty)
        #expect(summary.observations == 17)
    }
}
