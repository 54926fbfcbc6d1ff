import ClusterLensCore
import Foundation
import Testing

@testable import ClusterLensImport

// The codes `inspect --codes` lists come from `DataInspector`: each dimension's distinct codes and the
// observations that carry each, counted while the reader streams. The expected counts were read off the
// fixtures by hand (each fixture's observations are listed in its file).

/// Reads a fixture (with structures, if given) into a fresh inspector.
private func inspect(_ fixture: String, structures: StructureCollection? = nil) throws -> DataInspection {
    let inspector = DataInspector()
    _ = try SDMXDataReader(structures: structures).read(file: dataFixturePath(fixture), into: inspector)
    return inspector.inspection
}

@Suite("DataInspector counts the observations of every code")
struct DataInspectorTests {
    @Test("A series-key code counts the observations of its series, a period the observations that carry it")
    func structureSpecificSeries() throws {
        let inspection = try inspect("data/v21-ss.xml")
        #expect(inspection.codes.map(\.id) == ["FREQ", "NACE_R2", "GEO", "UNIT", "TIME_PERIOD"])
        #expect(inspection.codes.map(\.id) == inspection.dimensions.map(\.id))
        #expect(inspection.observations(of: "FREQ") == ["A": 7, "Q": 3])
        #expect(inspection.observations(of: "NACE_R2") == ["C29": 8, "F": 2])
        #expect(inspection.observations(of: "GEO") == ["ES51": 8, "ITC4": 2])
        #expect(inspection.observations(of: "UNIT") == ["THS_PER": 8, "PC_EMP": 2])
        #expect(
            inspection.observations(of: "TIME_PERIOD") == [
                "2018": 1, "2019": 1, "2020": 2, "2021": 2, "2022": 1, "2023-Q1": 1, "2023-Q2": 1, "2023-Q3": 1,
            ])
    }

    @Test("The distinct code counts of the summary are the number of codes counted")
    func distinctCountsAgree() throws {
        for fixture in ["data/v21-ss.xml", "data/v21-generic.xml", "data/v20-compact.xml", "data/v30-ss.xml"] {
            let inspection = try inspect(fixture)
            #expect(inspection.dimensions.map(\.codes) == inspection.codes.map(\.observations.count), "\(fixture)")
        }
    }

    @Test("The codes of a series without observations are listed with 0 observations")
    func seriesWithoutObservations() throws {
        let inspection = try inspect("data/v21-series-no-obs.xml")
        #expect(inspection.observations(of: "FREQ") == ["A": 0, "Q": 5])
        #expect(inspection.observations(of: "GEO") == ["ES51": 5, "ITC4": 0])
        #expect(inspection.observations(of: "UNIT") == ["THS_PER": 5, "PC_EMP": 0])
        #expect(inspection.observations(of: "NACE_R2") == ["F": 5])
    }

    @Test("Flat data count every dimension on the observation")
    func flatData() throws {
        let inspection = try inspect("data/v21-ss-flat.xml")
        #expect(inspection.observations(of: "FREQ") == ["D": 6])
        #expect(inspection.observations(of: "NACE_R2") == ["C29": 4, "F": 2])
        #expect(inspection.observations(of: "GEO") == ["ES51": 2, "ITC4": 2, "DE11": 2])
        #expect(inspection.observations(of: "TIME_PERIOD") == ["2021-07-14": 3, "2021-07-15": 3])
    }

    @Test("Cross-sectional data count the time in the series key and the region on the observation")
    func crossSectionalData() throws {
        let inspection = try inspect("data/v21-ss-cross.xml")
        #expect(inspection.observations(of: "TIME_PERIOD") == ["2021-Q3": 4, "2021-Q4": 2])
        #expect(inspection.observations(of: "GEO") == ["ES51": 2, "ITC4": 1, "DE11": 2, "FR10": 1])
        #expect(inspection.observations(of: "NACE_R2") == ["C29": 6])
    }

    @Test("Several data sets add up, and the data structure the reader matched is kept once")
    func dataStructureMatched() throws {
        let structures = try SDMXStructureReader().read(file: dataFixturePath("structure/v21-structure.xml"))
            .structures
        let inspection = try inspect("data/v21-ss.xml", structures: structures)
        #expect(inspection.dataStructures.map(\.identity.id) == ["DSD_REG_EMP"])
        #expect(inspection.observations(of: "GEO") == ["ES51": 8, "ITC4": 2])
        #expect(try inspect("data/v21-ss.xml").dataStructures.isEmpty)
    }

    @Test("Observations handed over as values are counted as the raw ones are")
    func observationPath() throws {
        let inspector = DataInspector()
        let header = DatasetHeader(
            index: 0, structureRef: nil, structure: nil, dimensionAtObservation: "TIME_PERIOD", dataStructure: nil,
            action: nil, attributes: [])
        try inspector.beginDataset(header)
        for (geo, periods) in [("ES51", ["2020", "2021"]), ("ES52", ["2021"])] {
            let series = Series(key: SeriesKey([ComponentValue(id: "geo", value: geo)]), attributes: [])
            try inspector.series(series)
            for period in periods {
                try inspector.observation(
                    Observation(
                        series: series, dimensions: [ComponentValue(id: "TIME_PERIOD", value: period)],
                        value: ObservationValue(lexical: "1"), period: try TimePeriod(period)))
            }
        }
        try inspector.endDataset()
        let inspection = inspector.inspection
        #expect(inspection.observations(of: "geo") == ["ES51": 2, "ES52": 1])
        #expect(inspection.observations(of: "TIME_PERIOD") == ["2020": 1, "2021": 2])
        // Asking twice counts nothing twice.
        #expect(inspector.inspection.observations(of: "geo") == ["ES51": 2, "ES52": 1])
    }

    @Test("Codes are ordered by their characters, periods in time order")
    func orderedCodes() {
        let periods = DimensionCodes(
            id: "TIME_PERIOD", observations: ["2023-Q1": 1, "2018": 1, "2021-07": 1, "2021": 1, "2021-S1": 1, "x": 0])
        #expect(periods.orderedCodes(asTime: true) == ["2018", "2021-S1", "2021", "2021-07", "2023-Q1", "x"])
        let regions = DimensionCodes(id: "geo", observations: ["ES52": 1, "ES5": 1, "ES51": 1, "EU27_2020": 1])
        #expect(regions.orderedCodes(asTime: false) == ["ES5", "ES51", "ES52", "EU27_2020"])
    }
}
