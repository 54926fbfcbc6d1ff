import ClusterLensCore
import ClusterLensImport
import ClusterLensIndicators
import ClusterLensScoring
import ClusterLensSupport
import Foundation
import Testing

@testable import ClusterLensReports

/// Writing several formats: external plug-ins, a failing exporter, an unwritable folder.
@Suite("Report writer")
struct ReportWriterTests {
    /// Writes an executable shell script `clusterlens-export-NAME` into `folder`.
    static func plugin(_ name: String, in folder: String, script: String) throws {
        let path = folder + "/clusterlens-export-\(name)"
        try ("#!/bin/sh\n" + script).write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    }

    @Test func anExternalPluginReceivesTheModelOnStandardInput() throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plugins = folder + "/plugins"
        try FileManager.default.createDirectory(atPath: plugins, withIntermediateDirectories: true)
        // A plug-in that writes the number of "id" members it was given and the title line.
        try Self.plugin("count", in: plugins, script: "grep -c '\"id\"' > \"$1\"\n")
        let model = try ReportFixtures.model(in: folder)
        let writer = ReportWriter(registry: ExporterRegistry(pluginFolders: [plugins], searchPath: nil))
        let outcomes = try writer.write(model, formats: ["count", "json"], folder: folder + "/out", name: "r")
        #expect(outcomes.map(\.error) == [nil, nil])
        let written = try String(contentsOfFile: folder + "/out/r.count", encoding: .utf8)
        // One "id" for the report, 5 indicators, 1 cluster and 10 values (5 indicators × 2 years).
        #expect(written.trimmingCharacters(in: .whitespacesAndNewlines) == "17")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder + "/out").filter {
            $0.hasPrefix(".")
        }
        #expect(leftovers.isEmpty, "temporary files removed: \(leftovers)")
    }

    @Test func aFailingPluginIsReportedAndTheOtherFormatsAreWritten() throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.plugin("broken", in: folder, script: "echo 'cannot draw the map' >&2\necho partial > \"$1\"\nexit 3\n")
        let out = folder + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try "earlier good output".write(toFile: out + "/r.broken", atomically: true, encoding: .utf8)
        let model = try ReportFixtures.model(in: folder)
        let writer = ReportWriter(registry: ExporterRegistry(pluginFolders: [folder], searchPath: nil))
        let outcomes = try writer.write(model, formats: ["xml", "broken", "csv"], folder: out, name: "r")
        #expect(outcomes[0].error == nil && outcomes[2].error == nil)
        let error = try #require(outcomes[1].error)
        #expect(error.code == .exporter)
        #expect(error.message.contains("exited with status 3") && error.message.contains("cannot draw the map"))
        #expect(try String(contentsOfFile: out + "/r.broken", encoding: .utf8) == "earlier good output")
        #expect(FileManager.default.fileExists(atPath: out + "/r.xml"))
        #expect(FileManager.default.fileExists(atPath: out + "/r-scores.csv"))
    }

    @Test func anUnknownFormatNamesTheBuiltInOnes() throws {
        let registry = ExporterRegistry(searchPath: "/nonexistent")
        #expect {
            _ = try registry.exporter(for: "pdf")
        } throws: { error in
            (error as? ReportError)?.message.contains("xml, json, csv") == true
        }
    }

    /// An output "folder" that is a file cannot be written: the run fails before any exporter, and the
    /// report written earlier elsewhere is untouched.
    @Test func anUnwritableFolderFailsWithoutTouchingEarlierOutputs() throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let model = try ReportFixtures.model(in: folder)
        let writer = ReportWriter(registry: ExporterRegistry(searchPath: nil))
        _ = try writer.write(model, formats: ["json"], folder: folder + "/out", name: "r")
        let before = try Data(contentsOf: URL(fileURLWithPath: folder + "/out/r.json"))
        try "not a folder".write(toFile: folder + "/blocked", atomically: true, encoding: .utf8)
        #expect(throws: ReportError.self) {
            _ = try writer.write(model, formats: ["json", "xml"], folder: folder + "/blocked/out", name: "r")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/out/r.json")) == before)
    }
}
