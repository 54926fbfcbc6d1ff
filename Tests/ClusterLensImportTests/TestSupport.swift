import ClusterLensCore
import ClusterLensSupport
import Foundation
import Testing

@testable import ClusterLensImport

// Shared helpers of the importer tests: where the fixtures and the corpus are, a sink that keeps
// everything the data reader hands it, and small assertions on observations.
//
// Names are prefixed (`dataFixture…`, `sdmxCorpus…`) where a plain name would clash with the
// file-private helpers of `SDMXStructureReaderTests.swift`.

// MARK: - Locations

/// The package root, three levels above this file (`<root>/Tests/ClusterLensImportTests/TestSupport.swift`).
let testPackageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The hand-written fixtures, `Tests/ClusterLensImportTests/Fixtures`.
let dataFixturesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

/// Whether the fixtures and their `EXPECTED.tsv` are present.
let dataFixturesAvailable = FileManager.default.fileExists(
    atPath: dataFixturesFolder.appendingPathComponent("EXPECTED.tsv").path)

/// The path of a fixture given relative to `Fixtures/`, e.g. `data/v21-ss.xml`.
func dataFixturePath(_ file: String) -> String {
    dataFixturesFolder.appendingPathComponent(file).path
}

/// The shared SDMX-ML corpus, `<root>/../shared/corpus/sdmx`; absent on machines without it.
let sdmxCorpusFolder = testPackageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/sdmx")

/// Whether the shared corpus (its `MANIFEST.tsv`) is present; the corpus tests are skipped without it.
let corpusAvailable = FileManager.default.fileExists(
    atPath: sdmxCorpusFolder.appendingPathComponent("MANIFEST.tsv").path)

/// The path of a corpus file given relative to the corpus folder.
func sdmxCorpusPath(_ file: String) -> String {
    sdmxCorpusFolder.appendingPathComponent(file).path
}

// MARK: - Tab-separated tables

/// The rows of a tab-separated file with a header line, as `column → field` dictionaries.
///
/// Empty fields are kept (`omittingEmptySubsequences: false`), so a row's columns line up with the
/// header even when some are empty. Returns no rows when the file cannot be read.
func tabSeparatedRows(at path: String) -> [[String: String]] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
    guard let headerLine = lines.first else { return [] }
    let header = headerLine.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    return lines.dropFirst().map { line in
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        var row: [String: String] = [:]
        for (index, column) in header.enumerated() {
            row[column] = index < fields.count ? fields[index] : ""
        }
        return row
    }
}

// MARK: - Collecting sink

/// A data sink that keeps every data set header, series and observation, in the order received.
final class CollectingSink: SDMXDataSink {
    /// The data set headers, one per `beginDataset(_:)`.
    private(set) var datasets: [DatasetHeader] = []
    /// The series, one per `series(_:)` call.
    private(set) var series: [Series] = []
    /// The observations, in document order.
    private(set) var observations: [Observation] = []
    /// For each observation (same index), the 0-based index of the data set it was read in.
    private(set) var datasetOfObservation: [Int] = []
    /// The number of `endDataset()` calls.
    private(set) var endedDatasets = 0

    func beginDataset(_ header: DatasetHeader) throws {
        datasets.append(header)
    }

    func series(_ series: Series) throws {
        self.series.append(series)
    }

    func observation(_ observation: Observation) throws {
        observations.append(observation)
        datasetOfObservation.append(datasets.count - 1)
    }

    func endDataset() throws {
        endedDatasets += 1
    }

    /// The observations of the data set at `index`.
    func observations(inDataset index: Int) -> [Observation] {
        zip(observations, datasetOfObservation).filter { $0.1 == index }.map(\.0)
    }

    /// The observations whose period is written `period` and whose dimensions (series key or
    /// observation level) include every pair of `dimensions`.
    func observations(period: String? = nil, _ dimensions: [String: String] = [:]) -> [Observation] {
        observations.filter { observation in
            if let period, observation.period?.lexical != period { return false }
            return dimensions.allSatisfy { observation.dimension($0.key) == $0.value }
        }
    }

    /// The one observation with period `period` and the given dimensions; `nil` when there is not exactly one.
    func observation(period: String? = nil, _ dimensions: [String: String] = [:]) -> Observation? {
        let found = observations(period: period, dimensions)
        return found.count == 1 ? found[0] : nil
    }
}

/// A fixture or corpus file read with a collecting sink.
struct ReadResult {
    /// What the reader returned.
    var summary: DataMessageSummary
    /// What the reader handed to the sink.
    var sink: CollectingSink
}

/// Reads a data message from `path` into a new collecting sink.
func readDataMessage(atPath path: String, structures: StructureCollection? = nil) throws -> ReadResult {
    let sink = CollectingSink()
    let summary = try SDMXDataReader(structures: structures).read(file: path, into: sink)
    return ReadResult(summary: summary, sink: sink)
}

/// Reads the data fixture `file` (relative to `Fixtures/`) into a new collecting sink.
func readDataFixture(_ file: String, structures: StructureCollection? = nil) throws -> ReadResult {
    try readDataMessage(atPath: dataFixturePath(file), structures: structures)
}

/// The structures of the structure fixture `file` (relative to `Fixtures/`).
func structureFixture(_ file: String) throws -> StructureCollection {
    try SDMXStructureReader().read(file: dataFixturePath(file)).structures
}

// MARK: - Observation helpers

/// The ids of the time dimension under the names files use for it.
let timeDimensionIDs: Set<String> = ["TIME_PERIOD", "TIME", "time"]

/// The full key of an observation as `id → code`: the series key followed by the observation-level
/// dimensions. The time dimension is left out when `includingTime` is false.
func fullKey(_ observation: Observation, includingTime: Bool = true) -> [String: String] {
    var key: [String: String] = [:]
    for component in observation.series.key.values + observation.dimensions
    where includingTime || !timeDimensionIDs.contains(component.id) {
        key[component.id] = key[component.id] ?? component.value
    }
    return key
}

/// The ids of an observation's full key in order: series key, then observation-level dimensions.
func fullKeyIDs(_ observation: Observation) -> [String] {
    (observation.series.key.values + observation.dimensions).map(\.id)
}

/// The value an observation is expected to have.
enum ExpectedValue: Sendable, CustomStringConvertible {
    /// A number: its lexical form and the exact `Double`.
    case numeric(String, Double)
    /// An explicit missing marker such as `NaN` or `#N/A`.
    case marker(String)
    /// An empty value (`OBS_VALUE=""`).
    case empty
    /// No value at all.
    case absent
    /// A value that is not a number, such as `<1`.
    case text(String)

    var description: String {
        switch self {
        case .numeric(let lexical, _): return "numeric \(lexical)"
        case .marker(let lexical): return "marker \(lexical)"
        case .empty: return "empty"
        case .absent: return "absent"
        case .text(let lexical): return "text \(lexical)"
        }
    }
}

/// Checks an observation's lexical value, kind and number.
func expectValue(
    _ value: ObservationValue, _ expected: ExpectedValue, sourceLocation: SourceLocation = #_sourceLocation
) {
    switch expected {
    case .numeric(let lexical, let number):
        #expect(value.lexical == lexical, sourceLocation: sourceLocation)
        #expect(value.kind == .numeric, sourceLocation: sourceLocation)
        #expect(value.number == number, sourceLocation: sourceLocation)
    case .marker(let lexical):
        #expect(value.lexical == lexical, sourceLocation: sourceLocation)
        #expect(value.kind == .missingMarker, sourceLocation: sourceLocation)
        #expect(value.number == nil, sourceLocation: sourceLocation)
    case .empty:
        #expect(value.lexical == "", sourceLocation: sourceLocation)
        #expect(value.kind == .empty, sourceLocation: sourceLocation)
        #expect(value.number == nil, sourceLocation: sourceLocation)
    case .absent:
        #expect(value.lexical == nil, sourceLocation: sourceLocation)
        #expect(value.kind == .absent, sourceLocation: sourceLocation)
    case .text(let lexical):
        #expect(value.lexical == lexical, sourceLocation: sourceLocation)
        #expect(value.kind == .text, sourceLocation: sourceLocation)
        #expect(value.number == nil, sourceLocation: sourceLocation)
    }
}

/// Finds the one observation with `period` and `dimensions` and checks its full key and value.
///
/// `key` is the expected full key (series key plus observation-level dimensions, `id → code`); when
/// `includingTime` is false the time dimension is left out of the comparison (the period is still
/// checked through `period`).
@discardableResult
func expectObservation(
    in sink: CollectingSink, period: String, _ dimensions: [String: String], key: [String: String],
    value: ExpectedValue, includingTime: Bool = true, sourceLocation: SourceLocation = #_sourceLocation
) -> Observation? {
    let found = sink.observations(period: period, dimensions)
    #expect(
        found.count == 1, "expected one observation \(period) \(dimensions), found \(found.count)",
        sourceLocation: sourceLocation)
    guard let observation = found.first else { return nil }
    #expect(fullKey(observation, includingTime: includingTime) == key, sourceLocation: sourceLocation)
    expectValue(observation.value, value, sourceLocation: sourceLocation)
    return observation
}

// MARK: - Inspections

extension DataInspection {
    /// The observations per code of `dimension`, `[:]` when the inspection has no such dimension.
    func observations(of dimension: String) -> [String: Int] {
        codes.first { $0.id == dimension }?.observations ?? [:]
    }
}
