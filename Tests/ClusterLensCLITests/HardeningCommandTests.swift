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
