import ClusterLensTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The command line under attack (issue 15): options that used to crash, outputs that replaced their
/// inputs, a full disk during a fetch.
@Suite("Hardening of the command line")
struct HardeningCommandTests {
    @Test(
        "Numeric options that crashed fetch are usage errors (64) with a message",
        arguments: [
            ["--backoff", "1e300"], ["--backoff", "nan"], ["--backoff", "-1"], ["--timeout", "inf"],
            ["--timeout", "1e300"], ["--timeout", "0"], ["--async-interval", "-1"], ["--async-interval", "nan"],
            ["--retries", "1000000"], ["--async-polls", "0"], ["--max-body-size", "12Q"], ["--max-body-size", "0"],
        ])
    func badNumericOptionsAreUsageErrors(_ option: [String]) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try runCLI(
            ["fetch", "http://127.0.0.1:9/never", "--cache", folder.path("cache")] + option, timeout: 30)
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr.contains(option[0]), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder.path("cache")), "nothing was fetched")
    }

    @Test("convert -o onto one of its inputs is refused (64) and leaves the input as it was")
    func convertOntoItsInputIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let input = folder.path("x.xml")
        let original = try Data(contentsOf: URL(fileURLWithPath: CLITestPaths.fixture("data/v21-ss.xml")))
        try original.write(to: URL(fileURLWithPath: input))
        try FileManager.default.createSymbolicLink(atPath: folder.path("link.xml"), withDestinationPath: input)
        for output in [input, "./x.xml", folder.path("link.xml")] {
            let result = try runCLI(["convert", "x.xml", "--to", "csv", "-o", output], in: folder.url)
            #expect(result.status == 64, "\(output): \(result)")
            #expect(result.stderr.contains("the output \(output) is also an input (x.xml)"), "\(result.stderr)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == original)
        }
        let structure = folder.path("dsd.xml")
        try Data(contentsOf: URL(fileURLWithPath: CLITestPaths.fixture("structure/v21-structure.xml")))
            .write(to: URL(fileURLWithPath: structure))
        let result = try runCLI(["convert", input, "--to", "json", "--structure", structure, "-o", structure])
        #expect(result.status == 64, "\(result)")
        #expect(try folder.temporaryOutputFiles() == [])
    }

    @Test("A report id that climbs out of the output folder fails that report and writes nothing outside")
    func reportIDCannotEscapeTheOutputFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(
            "clusters:\n  - {id: a, regions: [ES51], sectors: [C29], reference: ES5}\n", to: "a/b/clusters.yaml")
        let data = CLITestPaths.packageRoot.appendingPathComponent(
            "Tests/ClusterLensIndicatorsTests/StoreFixtures/sbs_r_nuts2021.xml"
        ).path
        try folder.write(
            "id: ../../escape\nclusters: clusters.yaml\ndata: [\"\(data)\"]\nindicators: [employment]\n",
            to: "a/b/evil.yaml")
        let manifest = try folder.write(
            "reports: [evil.yaml]\noutputs: {folder: out, formats: [json]}\n", to: "a/b/batch.yaml")
        let result = try runCLI(["batch", manifest])
        #expect(result.status != 0, "\(result)")
        #expect(
            result.stderr.contains(
                "the id \"../../escape\" names the report's files and folder, but it holds a path separator"),
            "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path("a/escape")))
        #expect(!FileManager.default.fileExists(atPath: folder.path("escape")))
    }

    @Test(
        "An interrupted convert removes its temporary file, keeps the earlier output and ends with 128 + the signal",
        arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
    func interruptedConvertLeavesNothing(_ signal: Int32, _ status: Int32) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var series = ""
        for index in 0..<20_000 {
            series += "<Series FREQ=\"M\" GEO=\"R\(index)\">"
            for month in 1...12 {
                series += "<Obs TIME_PERIOD=\"2020-\(month < 10 ? "0" : "")\(month)\" OBS_VALUE=\"\(month)\"/>"
            }
            series += "</Series>\n"
        }
        let text = SyntheticMessage.structureSpecific(series: series)
        let input = try folder.write(text, to: "big.xml")
        let output = try folder.write("earlier,good,output\n", to: "out.csv")
        guard let tool = CLITestPaths.executable else {
            Issue.record("clusterlens not found")
            return
        }
        let process = Process()
        process.executableURL = tool
        process.arguments = ["convert", input, "--to", "csv", "-o", output]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while try folder.temporaryOutputFiles().isEmpty && process.isRunning && Date() < deadline { usleep(2_000) }
        #expect(try folder.temporaryOutputFiles().count == 1, "the conversion writes a temporary file first")
        kill(process.processIdentifier, signal)
        try waitForExit(of: process, timeout: 30)
        #expect(process.terminationStatus == status, "\(process.terminationReason) \(process.terminationStatus)")
        #expect(try folder.temporaryOutputFiles() == [])
        #expect(try readText(output) == "earlier,good,output\n")
    }

    @Test("inspect and convert read a pipe as a stream, naming it as given, and leave no copy behind")
    func pipesAreReadAsStreams() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let good = CLITestPaths.fixture("data/v21-ss.xml")
        let bad = CLITestPaths.fixture("bad/truncated.xml")
        for (file, status, expected) in [
            (good, Int32(0), "  observations    10"),
            (bad, 4, "clusterlens: error: /dev/stdin:23:44: not well-formed XML"),
        ] {
            let script = "cat \"$1\" | exec \"$0\" inspect /dev/stdin"
            let result = try runShell(script, arguments: [file], temporaryFolder: folder)
            #expect(result.status == status, "\(result)")
            #expect((result.stdout + result.stderr).contains(expected), "\(result)")
        }
        let converted = try runShell(
            "cat \"$1\" | exec \"$0\" convert /dev/stdin --to csv", arguments: [good], temporaryFolder: folder)
        #expect(converted.status == 0, "\(converted)")
        #expect(converted.stdout.split(separator: "\n").count == 11, "a header and the 10 observations")
        #expect(try folder.fileNames() == [], "the copy of the pipe was removed")
    }

    /// Runs `script` with bash, `$0` the tool and `$1…` the arguments, `TMPDIR` the folder.
    private func runShell(_ script: String, arguments: [String], temporaryFolder: TemporaryFolder) throws -> CLIResult {
        guard let tool = CLITestPaths.executable?.path else { throw CLITestError(description: "no clusterlens") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script, tool] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = temporaryFolder.url.path
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIResult(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test("convert -o /dev/full names /dev/full in its error (9), not standard output")
    func writingToAFullDeviceNamesIt() throws {
        let result = try runCLI(["convert", CLITestPaths.fixture("data/v21-ss.xml"), "--to", "csv", "-o", "/dev/full"])
        #expect(result.status == 9, "\(result)")
        #expect(result.stderrLines == ["clusterlens: error: /dev/full: cannot write: No space left on device"])
    }

    @Test(
        "validate refuses a DOCTYPE as not well-formed input (4), however it is written",
        arguments: [
            "<!DOCTYPE r SYSTEM \"/nonexistent.dtd\">\n<r/>\n",
            "<!DOCTYPE r [<!ENTITY % p SYSTEM \"/nonexistent.dtd\"> %p;]>\n<r/>\n",
            "<!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/hostname\">]>\n<r>&e;</r>\n",
        ])
    func validateRefusesADoctype(_ doctype: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("<?xml version=\"1.0\"?>\n" + doctype, to: "report.xml")
        let result = try runCLI(["validate", path])
        #expect(result.status == 4, "\(result)")
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.hasPrefix("clusterlens: error: \(path):2: a <!DOCTYPE> declaration is not allowed"))
    }

    /// The issue's case: a 48 KB gzip answer expanding to 50 MB into a 2 MB cache folder trapped in
    /// `FileHandle.write` (signal 4) and left two partial files. Here a 2 MiB file-size limit
    /// (`ulimit -f`, with SIGXFSZ ignored so that the write fails with EFBIG as a full disk fails with
    /// ENOSPC) stands for the small disk.
    @Test("A download that fills the disk fails with a message (13), not a trap, and leaves nothing")
    func fullDiskDuringAFetch() throws {
        var lines: [UInt8] = []
        for index in 0..<200_000 {
            lines += Array("<Obs TIME_PERIOD=\"\(2000 + index % 20)\" OBS_VALUE=\"\(index % 997)\"/>\n".utf8)
        }
        let plain = lines
        let zipped = try gzip(plain)
        #expect(zipped.count < 1 << 20 && plain.count > 4 << 20)
        let server = try TestHTTPServer { request in
            request.path == "/big" ? .init(status: 200, body: plain) : .init(status: 200, body: zipped)
        }
        defer { server.stop() }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        guard let tool = CLITestPaths.executable?.path else {
            Issue.record("clusterlens not found")
            return
        }
        for (path, message) in [
            ("/big", "cannot write the download in the cache folder: File too large"),
            (
                "/zipped",
                "cannot write the decompressed answer into \(folder.path("cache")): cannot write: File too large"
            ),
        ] {
            let script = "trap '' XFSZ; ulimit -f 2048; exec \"$0\" fetch \"$1\" --cache \"$2\" --retries 0"
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-c", script, tool, server.base + path, folder.path("cache")]
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationReason == .exit, "killed by a signal: \(stderr)")
            #expect(process.terminationStatus == 13, "\(stderr)")
            #expect(stderr.contains(message), "\(stderr)")
            let left = (try? FileManager.default.contentsOfDirectory(atPath: folder.path("cache"))) ?? []
            #expect(left == [], "left in the cache: \(left)")
        }
    }
}

/// `bytes` compressed by gzip(1).
func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.path("data")
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/gzip")
    process.arguments = ["-9", path]
    try process.run()
    process.waitUntilExit()
    return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path + ".gz")))
}
