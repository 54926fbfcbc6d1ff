public import ClusterLensCore
internal import ClusterLensIndicators
internal import ClusterLensSupport
internal import Foundation

/// The record of a batch run, written as `run-record.json` beside the outputs: the tool version,
/// the manifest, every input file and every output file with its SHA-256, each report's status,
/// time and errors — enough to reproduce and audit the run.
public enum RunRecord {
    /// Writes the record atomically to `path`.
    ///
    /// - Parameters:
    ///   - manifest: The batch.
    ///   - outcomes: How each report ended.
    ///   - jobs: The reports run at once.
    ///   - startedAt: When the run started.
    ///   - finishedAt: When it ended.
    ///   - seconds: Its wall-clock duration.
    ///   - toolVersion: The ClusterLens version.
    /// - Throws: ``ReportError`` (`output`) when the record cannot be written.
    public static func write(
        to path: String, manifest: BatchManifest, outcomes: [BatchRunner.Outcome], jobs: Int, startedAt: Timestamp,
        finishedAt: Timestamp, seconds: Double, toolVersion: String
    ) throws(ReportError) {
        var inputs = [manifest.file] + manifest.inputFiles
        for report in manifest.definitions {
            inputs += report.dataFiles
            inputs += report.clusters.compactMap(\.membersPath)
            inputs += report.sharedValueFiles
        }
        var unique: [String] = []
        for input in inputs where !unique.contains(input) { unique.append(input) }
        try ReportOutputFile.write(path) { output in
            let json = JSONStreamWriter(output: output)
            try json.beginObject()
            try json.field("tool", "clusterlens")
            try json.field("toolVersion", toolVersion)
            try json.field("manifest", manifest.file)
            try json.field("startedAt", startedAt.iso8601)
            try json.field("finishedAt", finishedAt.iso8601)
            try json.field("seconds", number: seconds)
            try json.key("jobs")
            try json.integer(jobs)
            try json.key("succeeded")
            try json.integer(outcomes.filter(\.succeeded).count)
            try json.key("failed")
            try json.integer(outcomes.filter { !$0.succeeded }.count)
            try json.key("inputs")
            try json.beginArray()
            for input in unique { try file(input, json) }
            try json.endArray()
            try json.key("reports")
            try json.beginArray()
            for outcome in outcomes {
                try json.beginObject()
                try json.field("id", outcome.id)
                try json.field("definition", outcome.definition)
                try json.field("status", outcome.succeeded ? "ok" : "failed")
                try json.field("seconds", number: outcome.seconds)
                try json.key("outputs")
                try json.beginArray()
                for path in outcome.outputs { try file(path, json) }
                try json.endArray()
                try json.field("errors", strings: outcome.errors)
                try json.endObject()
            }
            try json.endArray()
            try json.endObject()
            try json.finish()
        }
    }

    private static func file(_ path: String, _ json: JSONStreamWriter) throws {
        try json.beginObject()
        try json.field("path", path)
        try json.field("sha256", try? SHA256.hexDigest(ofFile: path))
        try json.endObject()
    }
}
