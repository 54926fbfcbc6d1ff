import Foundation
import Testing

@testable import ClusterLensReports

/// Plug-ins that misbehave (issue 15): one that never ends, one that floods its standard error, a
/// script without a `#!` line. Each fails with a clear one-line error and leaves nothing behind.
@Suite("External exporter plug-ins")
struct ExternalExporterTests {
    /// Writes an executable `clusterlens-export-NAME` with `text` as its content; returns its path.
    static func plugin(_ name: String, in folder: String, text: String) throws -> String {
        let path = folder + "/clusterlens-export-\(name)"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    /// The error of exporting the fixture model with `exporter` into `folder/out`.
    static func failure(_ exporter: ExternalExporter, folder: String) throws -> ReportError? {
        let model = try ReportFixtures.model(in: folder)
        let out = folder + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        do {
            _ = try exporter.export(model, folder: out, name: "r")
            return nil
        } catch {
            return error
        }
    }

    @Test("A plug-in that runs past its time-out is stopped and fails")
    func aSlowPluginIsStopped() throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try Self.plugin("slow", in: folder, text: "#!/bin/sh\nexec sleep 60\n")
        var exporter = ExternalExporter(format: "slow", executable: path)
        exporter.timeout = 1
        let start = ContinuousClock.now
        let error = try #require(try Self.failure(exporter, folder: folder))
        #expect(ContinuousClock.now - start < .seconds(30))
        #expect(error.code == .exporter)
        #expect(error.message == "plug-in \(path) ran longer than 1 s and was stopped", "\(error)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/out") == [])
    }

    @Test("A plug-in's flood of standard error is cut to a bounded, one-line message")
    func aFloodOfStandardErrorIsBounded() throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try Self.plugin(
            "loud", in: folder,
            text: "#!/bin/sh\ncat > /dev/null\nhead -c 3000000 /dev/zero | tr '\\000' x >&2\necho >&2\nexit 2\n")
        let error = try #require(try Self.failure(ExternalExporter(format: "loud", executable: path), folder: folder))
        #expect(error.message.hasPrefix("plug-in \(path) exited with status 2: xxxx"))
        #expect(error.message.hasSuffix("… [2998001 more bytes of standard error]"), "\(error.message.suffix(80))")
        #expect(error.message.utf8.count < 2_200)
        #expect(!error.description.contains("\n"))
    }

    @Test("A script without a #! line is named as such, not as \"NSCocoaErrorDomain error 256\"")
    func aScriptWithoutShebangIsExplained() throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try Self.plugin("plain", in: folder, text: "cat > \"$1\"\n")
        let error = try #require(try Self.failure(ExternalExporter(format: "plain", executable: path), folder: folder))
        #expect(
            error.message
                == "cannot run the plug-in \(path): it is not a program the system can start: a script needs a "
                + "first line such as #!/bin/sh")
    }
}
