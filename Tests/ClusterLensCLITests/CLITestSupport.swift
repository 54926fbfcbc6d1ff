import ClusterLensTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Helpers of the command-line tests: where the `clusterlens` binary and the fixtures are, how to run
// the binary, temporary folders, FIFOs and an independent RFC 4180 reader for checking CSV output.

// MARK: - Locations

/// Where the tests find their inputs and the binary under test.
enum CLITestPaths {
    /// The package root, three levels above this file (`<root>/Tests/ClusterLensCLITests/CLITestSupport.swift`).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The importer's hand-written fixtures, shared with the importer tests.
    static let fixtures = packageRoot.appendingPathComponent("Tests/ClusterLensImportTests/Fixtures", isDirectory: true)

    /// The path of a fixture given relative to `Fixtures/`, e.g. `data/v21-ss.xml`.
    static func fixture(_ relativePath: String) -> String {
        fixtures.appendingPathComponent(relativePath).path
    }

    /// The `clusterlens` executable SwiftPM built beside the test products, `nil` when not found.
    ///
    /// On Linux the tests run as `.build/<triple>/debug/<Package>PackageTests.xctest` (an executable),
    /// so `CommandLine.arguments[0]` lies in the build products folder; on macOS the `.xctest` bundle
    /// lies there and the runner elsewhere. Both folders and their parents are searched, then the
    /// package's own `.build/debug`.
    static let executable: URL? = product("clusterlens")

    /// An executable product SwiftPM built beside the test products (see ``executable``), `nil` when not found.
    static func product(_ name: String) -> URL? {
        var folders: [URL] = []
        if let first = CommandLine.arguments.first {
            let runner = URL(fileURLWithPath: first).resolvingSymlinksInPath()
            folders += [
                runner.deletingLastPathComponent(), runner.deletingLastPathComponent().deletingLastPathComponent(),
            ]
        }
        for bundle in [Bundle.main] + Bundle.allBundles
        where bundle.bundleURL.pathExtension == "xctest" || bundle == Bundle.main {
            folders += [bundle.bundleURL.deletingLastPathComponent(), bundle.bundleURL]
        }
        folders.append(packageRoot.appendingPathComponent(".build/debug", isDirectory: true))
        for folder in folders {
            let candidate = folder.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
                !isDirectory.boolValue,
                FileManager.default.isExecutableFile(atPath: candidate.path)
            {
                return candidate
            }
        }
        return nil
    }
}

// MARK: - Running the tool

/// What one run of `clusterlens` did.
struct CLIResult: Sendable, CustomStringConvertible {
    /// The exit status (or the signal number, negated, when it was killed).
    var status: Int32
    /// Everything written to standard output.
    var stdout: String
    /// Everything written to standard error.
    var stderr: String

    /// The lines of standard output, without the final empty one.
    var stdoutLines: [String] { Self.lines(stdout) }
    /// The lines of standard error, without the final empty one.
    var stderrLines: [String] { Self.lines(stderr) }

    static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    var description: String { "status \(status)\nstdout: \(stdout.prefix(2_000))\nstderr: \(stderr.prefix(2_000))" }
}

/// An error of the test harness itself (not of the tool under test).
struct CLITestError: Error, CustomStringConvertible {
    var description: String
}

/// Runs `clusterlens` with `arguments` and waits for it (at most `timeout` seconds, then kills it).
///
/// Standard output and error go to files, so that neither can fill a pipe and block the tool.
/// - Parameters:
///   - folder: the working folder, the current one when `nil`.
///   - temporaryFolder: `TMPDIR` for the tool (it stages standard output there), unchanged when `nil`.
func runCLI(
    _ arguments: [String], in folder: URL? = nil, temporaryFolder: URL? = nil, timeout: TimeInterval = 120,
    product: String = "clusterlens"
) throws -> CLIResult {
    guard let executable = CLITestPaths.product(product) else {
        throw CLITestError(
            description: "\(product) not found next to \(CommandLine.arguments.first ?? "?") or in .build/debug")
    }
    let scratch = try TemporaryFolder(prefix: "clusterlens-run")
    defer { scratch.remove() }
    let stdoutURL = scratch.url.appendingPathComponent("stdout")
    let stderrURL = scratch.url.appendingPathComponent("stderr")
    try createEmptyFile(stdoutURL)
    try createEmptyFile(stderrURL)
    let stdoutHandle = try FileHandle(forWritingTo: stdoutURL)
    let stderrHandle = try FileHandle(forWritingTo: stderrURL)

    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = stdoutHandle
    process.standardError = stderrHandle
    if let folder { process.currentDirectoryURL = folder }
    var environment = ProcessInfo.processInfo.environment
    if let temporaryFolder { environment["TMPDIR"] = temporaryFolder.path }
    process.environment = environment
    try process.run()
    try? stdoutHandle.close()
    try? stderrHandle.close()

    try waitForExit(of: process, timeout: timeout)
    let status = process.terminationReason == .exit ? process.terminationStatus : -process.terminationStatus
    return CLIResult(
        status: status,
        stdout: String(decoding: try Data(contentsOf: stdoutURL), as: UTF8.self),
        stderr: String(decoding: try Data(contentsOf: stderrURL), as: UTF8.self))
}

/// Waits for `process` (which this test started) to end; terminates it after `timeout` seconds.
func waitForExit(of process: Process, timeout: TimeInterval) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { usleep(5_000) }
    if process.isRunning {
        process.terminate()
        process.waitUntilExit()
        throw CLITestError(description: "\(process.executableURL?.lastPathComponent ?? "process") timed out")
    }
    process.waitUntilExit()
}

// MARK: - Files

/// Creates (or empties) the file at `url`.
func createEmptyFile(_ url: URL) throws {
    guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
        throw CLITestError(description: "cannot create \(url.path)")
    }
}

/// Reads a file as UTF-8 text.
func readText(_ path: String) throws -> String {
    String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
}

/// The file type bits (`S_IFMT`) of `path`, `nil` when it does not exist.
func fileType(_ path: String) -> mode_t? {
    var status = stat()
    guard lstat(path, &status) == 0 else { return nil }
    return status.st_mode & S_IFMT
}

/// A 2.1 structure-specific message with one observation followed by an unknown element nested
/// `depth` levels deep (one start tag per line).
func deeplyNestedMessage(depth: Int) -> String {
    var text = """
        <?xml version="1.0" encoding="UTF-8"?>
        <mes:StructureSpecificData xmlns:mes="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message"
            xmlns:ss="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/structurespecific"
            xmlns:com="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common">
          <mes:Header>
            <mes:ID>DEEP</mes:ID><mes:Test>true</mes:Test><mes:Prepared>2024-03-18T09:15:00</mes:Prepared>
            <mes:Sender id="CLX"/>
            <mes:Structure structureID="S" dimensionAtObservation="TIME_PERIOD">
              <com:Structure><Ref agencyID="CLX" id="DSD_REG_EMP" version="1.0"/></com:Structure>
            </mes:Structure>
          </mes:Header>
          <mes:DataSet ss:structureRef="S">
            <Series FREQ="A" GEO="DE11"><Obs TIME_PERIOD="2020" OBS_VALUE="1.5"/></Series>

        """
    for _ in 0..<depth { text += "<Deep>\n" }
    for _ in 0..<depth { text += "</Deep>" }
    text += "\n  </mes:DataSet>\n</mes:StructureSpecificData>\n"
    return text
}

// MARK: - FIFO reader

/// A named pipe in a test's folder, drained by a `cat` process this test starts, so that the tool
/// can open it for writing without blocking forever.
final class FIFOReader {
    let path: String
    private let output: URL
    private let reader: Process

    /// Creates the FIFO at `path` and starts reading it into `output`.
    init(path: String, output: URL) throws {
        guard mkfifo(path, 0o600) == 0 else {
            throw CLITestError(description: "mkfifo \(path): \(String(cString: strerror(errno)))")
        }
        self.path = path
        self.output = output
        try createEmptyFile(output)
        let handle = try FileHandle(forWritingTo: output)
        reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/cat")
        reader.arguments = [path]
        reader.standardOutput = handle
        reader.standardError = FileHandle.nullDevice
        try reader.run()
        try? handle.close()
    }

    /// Waits for the reader to see the end of the data and returns what it read. If nobody ever
    /// opened the FIFO for writing, opens and closes it once so that the reader ends.
    func finish(timeout: TimeInterval = 30) throws -> String {
        // Call after the tool has exited: whatever it wrote is already in the pipe, so an extra
        // writer that opens and closes the FIFO only adds the end of the data.
        let deadline = Date().addingTimeInterval(0.5)
        while reader.isRunning && Date() < deadline { usleep(5_000) }
        if reader.isRunning {
            // No writer came (or the tool failed before opening it): release the reader.
            let writeDeadline = Date().addingTimeInterval(timeout)
            while reader.isRunning && Date() < writeDeadline {
                let descriptor = open(path, O_WRONLY | O_NONBLOCK)
                if descriptor >= 0 {
                    close(descriptor)
                    break
                }
                usleep(10_000)
            }
        }
        try waitForExit(of: reader, timeout: timeout)
        return try readText(output.path)
    }
}

// MARK: - CSV

/// Parses RFC 4180 text into records: quoted fields may hold commas, doubled quotes and line breaks;
/// records end with LF or CRLF. Independent of the tool's own `CSVRecordReader` on purpose.
func parseCSV(_ text: String) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field: [UInt8] = []
    var inQuotes = false
    var fieldWasQuoted = false
    let bytes = Array(text.utf8)
    var index = 0
    func endField() {
        record.append(String(decoding: field, as: UTF8.self))
        field.removeAll()
        fieldWasQuoted = false
    }
    while index < bytes.count {
        let byte = bytes[index]
        if inQuotes {
            if byte == UInt8(ascii: "\"") {
                if index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\"") {
                    field.append(byte)
                    index += 1
                } else {
                    inQuotes = false
                }
            } else {
                field.append(byte)
            }
        } else if byte == UInt8(ascii: "\"") && field.isEmpty && !fieldWasQuoted {
            inQuotes = true
            fieldWasQuoted = true
        } else if byte == UInt8(ascii: ",") {
            endField()
        } else if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
            if byte == UInt8(ascii: "\r") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n") {
                index += 1
            }
            endField()
            records.append(record)
            record = []
        } else {
            field.append(byte)
        }
        index += 1
    }
    if !field.isEmpty || !record.isEmpty || fieldWasQuoted {
        endField()
        records.append(record)
    }
    return records
}

/// A CSV table: the header and the rows as `column → field` dictionaries.
struct CSVTable {
    var header: [String]
    var records: [[String]]

    init(_ text: String) {
        let all = parseCSV(text)
        header = all.first ?? []
        records = Array(all.dropFirst())
    }

    /// Row `index` by column name (a name that occurs twice keeps its first field).
    func row(_ index: Int) -> [String: String] {
        var result: [String: String] = [:]
        for (column, field) in zip(header, records[index]) where result[column] == nil { result[column] = field }
        return result
    }

    /// Every row by column name.
    var rows: [[String: String]] { records.indices.map(row) }

    /// The fields of column `name`, in row order.
    func column(_ name: String) -> [String] {
        rows.map { $0[name] ?? "<missing>" }
    }
}

// MARK: - JSON

/// Parses one JSON object.
func jsonObject(_ text: String) throws -> [String: Any] {
    let value = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    guard let object = value as? [String: Any] else {
        throw CLITestError(description: "not a JSON object: \(text.prefix(200))")
    }
    return object
}
