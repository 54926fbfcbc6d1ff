import ClusterLensCore
import ClusterLensImport
import ClusterLensSupport
import Foundation
import Testing

@testable import ClusterLensIndicators

@Suite("Observation store: errors, overrides and sharing")
struct ObservationStoreErrorTests {
    private static func temporaryFile(_ text: String, suffix: String) throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("clusterlens-store-\(UUID().uuidString).\(suffix)").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("a CSV record with the wrong number of fields is an error naming the file and line")
    func raggedRecord() throws {
        let path = try Self.temporaryFile("geo,nace_r2,time,value\nES51,C29,2021,1\nES52,C29,2021\n", suffix: "csv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        var store = ObservationStore()
        let error = try #require(throws: IndicatorsError.self) { try store.load(file: path, dataflow: "x") }
        #expect(error.code == .data)
        #expect(error.file == path)
        #expect(error.line == 3)
        #expect((error.underlying as? ImportError)?.code == .malformedCSV)
        #expect(store.count == 0)
    }

    @Test("a CSV file without a value or time column is an error")
    func missingColumns() throws {
        let noValue = try Self.temporaryFile("geo,nace_r2,time\nES51,C29,2021\n", suffix: "csv")
        let noTime = try Self.temporaryFile("geo,nace_r2,value\nES51,C29,1\n", suffix: "csv")
        defer {
            try? FileManager.default.removeItem(atPath: noValue)
            try? FileManager.default.removeItem(atPath: noTime)
        }
        var store = ObservationStore()
        let valueError = try #require(throws: IndicatorsError.self) { try store.load(file: noValue, dataflow: "x") }
        #expect(valueError.message.hasPrefix("no value column"))
        let timeError = try #require(throws: IndicatorsError.self) { try store.load(file: noTime, dataflow: "x") }
        #expect(timeError.message.hasPrefix("no time column"))
    }

    @Test("XML that is not SDMX, and a missing file, are errors naming the file")
    func notSDMX() throws {
        let path = try Self.temporaryFile("<html><body>not data</body></html>\n", suffix: "xml")
        defer { try? FileManager.default.removeItem(atPath: path) }
        var store = ObservationStore()
        let error = try #require(throws: IndicatorsError.self) { try store.load(file: path) }
        #expect(error.file == path)
        #expect((error.underlying as? ImportError)?.code == .notSDMX)
        #expect(throws: IndicatorsError.self) { try store.load(file: path + ".absent") }
        #expect(store.sources.isEmpty)
    }

    @Test("a dataflow given on loading overrides the one an SDMX-ML message names")
    func explicitDataflow() throws {
        var store = ObservationStore()
        let summary = try store.load(file: StoreFixture.sdmxML.path, dataflow: "ESTAT:MY_COPY(2.0)")
        #expect(summary.dataflows == ["my_copy"])
        #expect(store.dataflows == ["my_copy"])
    }

    @Test("a loaded store is shared by concurrent tasks")
    func sharedAcrossTasks() async throws {
        let store = try StoreFixture.sdmxML.store()
        let regions = try RegionSet(parsing: ["ES51", "ES52"])
        let sectors = try SectorSet(parsing: ["C29"])
        let period = try TimePeriod("2021")
        let sums = await withTaskGroup(of: Double?.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    store.value(of: StoreInput.personsEmployed, sectors: sectors, regions: regions, period: period)
                        .number
                }
            }
            var sums: [Double?] = []
            for await sum in group { sums.append(sum) }
            return sums
        }
        #expect(sums == Array(repeating: 1500, count: 8))
    }

    @Test("A repeated observation with another value is a warning naming both values and the one kept")
    func duplicatesAreWarnedAbout() throws {
        let first = try Self.temporaryFile(
            "geo,nace_r2,time,value\nES51,C29,2021,1000\nES52,C29,2021,7\n", suffix: "csv")
        let second = try Self.temporaryFile(
            "geo,nace_r2,time,value\nES51,C29,2021,1200\nES52,C29,2021,7\nES53,C29,2021,5\nES53,C29,2021,6\n",
            suffix: "csv")
        defer {
            try? FileManager.default.removeItem(atPath: first)
            try? FileManager.default.removeItem(atPath: second)
        }
        var store = ObservationStore()
        let diagnostics = Diagnostics()
        try store.load(file: first, dataflow: "x", diagnostics: diagnostics)
        #expect(diagnostics.all.isEmpty)
        try store.load(file: second, dataflow: "x", diagnostics: diagnostics)
        let warnings = diagnostics.all.filter { $0.code == "duplicate-observation" }
        #expect(warnings.count == 1)
        let message = try #require(warnings.first?.message)
        #expect(
            message.hasPrefix(
                "x geo=ES51,nace_r2=C29 2021 appears twice with different values: the later, \"1200\" from \(second), "
                    + "replaces \"1000\" from \(first) (the order of the files decides); 1 more observation(s)"),
            "\(message)")
        #expect(warnings.first?.location?.file == second)
        #expect(store.count == 3, "ES51, ES52 and ES53 once each; the identical ES52 is not a conflict")
    }
}
