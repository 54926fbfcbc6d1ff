import ClusterLensCore
import ClusterLensImport
import ClusterLensIndicators
import ClusterLensReports
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The fuzz targets: each feeds one input to one reader and expects a value or a typed error, never a
/// crash, a hang (libFuzzer's `-timeout`) or a leak of memory (AddressSanitizer).
///
/// The target is chosen by `CLUSTERLENS_FUZZ_TARGET`: `data` (the SDMX-ML data reader), `structure`
/// (the structure reader), `csv` (the importer door on CSV and any other bytes, then the observation
/// store and the member-survey loader), `yaml` (cluster files, report definitions, indicator files),
/// `formula` (the formula parser, then an evaluation).
enum FuzzTarget: String, CaseIterable {
    case data, structure, csv, yaml, formula

    /// The target named in the environment.
    static let selected: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["CLUSTERLENS_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
            FileHandle.standardError.write(Data("CLUSTERLENS_FUZZ_TARGET must be one of \(names)\n".utf8))
            exit(64)
        }
        return target
    }()

    /// A folder for inputs that the readers take only as files (RAM-backed when possible).
    static let scratch: String = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let folder = "\(base)/clusterlens-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }()

    func run(_ bytes: [UInt8]) {
        switch self {
        case .data:
            _ = try? SDMXDataReader().read(bytes: bytes, name: "fuzz.xml", into: DiscardingSink())
        case .structure:
            _ = try? SDMXStructureReader().read(bytes: bytes, name: "fuzz.xml")
        case .csv:
            let path = Self.write(bytes, as: "fuzz.csv")
            _ = try? DataImporter().read(file: path, dataflow: "fuzz", into: DiscardingRecordSink())
            var store = ObservationStore()
            _ = try? store.load(file: path, dataflow: "fuzz")
            _ = try? MemberSurveyLoader.load(csv: String(decoding: bytes, as: UTF8.self), file: "fuzz.csv")
        case .yaml:
            let text = String(decoding: bytes, as: UTF8.self)
            _ = try? ClusterDefinitionLoader.load(yaml: text, file: "fuzz.yaml")
            let path = Self.write(bytes, as: "definition/fuzz.yaml")
            _ = try? ReportDefinitionReader.load(file: path)
            _ = try? IndicatorCatalogue(builtIns: [], folders: [Self.scratch + "/definition"])
        case .formula:
            let text = String(decoding: bytes.prefix(4096), as: UTF8.self)
            if let formula = try? Formula(parsing: text, file: "fuzz.yaml") {
                _ = try? formula.evaluate(HashedContext())
            }
        }
    }

    /// Writes `bytes` to `name` in the scratch folder and returns the path.
    static func write(_ bytes: [UInt8], as name: String) -> String {
        let path = scratch + "/" + name
        try? FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }
}

/// Keeps nothing.
final class DiscardingSink: SDMXDataSink {
    func beginDataset(_ header: DatasetHeader) throws {}
    func observation(_ observation: Observation) throws {}
}

/// Keeps nothing.
final class DiscardingRecordSink: ObservationRecordSink {
    func begin(file path: String, format: DataSource.Format) throws {}
    func record(_ record: consuming ObservationRecord) throws {}
    func end(_ source: DataSource) throws {}
}

/// Serves every input: a number derived from its name, scope and period, or missing, or an error, so
/// that evaluation takes every path.
struct HashedContext: FormulaContext {
    func value(of input: String, scope: FormulaScope, periodOffset: Int) throws(IndicatorsError) -> FormulaValue {
        var hash = UInt64(truncatingIfNeeded: periodOffset) &* 0x9E37_79B9_7F4A_7C15
        for byte in (input + scope.rawValue).utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        switch hash % 8 {
        case 0: return .missing("no observation", flags: ["c"])
        case 1: throw IndicatorsError(.formulaEvaluation, "input '\(input)' is not bound")
        case 2: return FormulaValue(0)
        case 3: return FormulaValue(-Double(hash % 1000), flags: ["e"])
        default: return FormulaValue(Double(hash % 100_000) / 7)
        }
    }
}

/// libFuzzer's entry point: one input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    FuzzTarget.selected.run(bytes)
    return 0
}

/// libFuzzer's driver, for a program that has its own `main`.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// The program's entry point: SwiftPM links an executable's `main` to `MODULE_main`, so this one
/// hands the arguments to libFuzzer's driver (libFuzzer's own `main` is never linked in).
@_cdecl("clusterlens_fuzz_main")
public func fuzzMain(
    _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
}
