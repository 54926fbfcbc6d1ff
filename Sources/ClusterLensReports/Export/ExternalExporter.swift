internal import ClusterLensImport
internal import ClusterLensSupport
internal import Foundation
internal import Synchronization

/// An exporter plug-in: an executable `clusterlens-export-NAME` that writes the format `NAME`.
///
/// It receives the report model as JSON (the `json` format, ``ReportJSONWriter``) on standard input
/// and, as its only argument, the path to write. ClusterLens passes a temporary path beside the
/// destination `FOLDER/NAME_OF_REPORT.NAME` and renames it into place only when the plug-in exits
/// with status 0 having written it; otherwise the error gives the exit status and the plug-in's
/// standard error, and an earlier file at the destination stays as it was.
///
/// A plug-in that runs longer than ``timeout`` is stopped (SIGTERM, then SIGKILL) and fails; of its
/// standard error only the first ``keptErrorBytes`` are kept (the rest is read and counted, so the
/// plug-in never blocks on a full pipe).
public struct ExternalExporter: Exporter {
    public let format: String
    /// The plug-in's path.
    public let executable: String
    /// Seconds a plug-in may run (5 minutes by default).
    public var timeout: Double = 300
    /// The most bytes of a plug-in's standard error kept for the message.
    public static let keptErrorBytes = 2000
    public var summary: String { "external plug-in \(executable)" }

    /// Creates the exporter of a plug-in.
    public init(format: String, executable: String) {
        self.format = format
        self.executable = executable
    }

    /// The plug-in of `format`: `clusterlens-export-FORMAT` in `folders`, then in `path`'s folders,
    /// the first that is an executable file.
    public static func find(format: String, folders: [String], path: String?) -> String? {
        // A format is one file name: `../x` would find an executable outside the folders.
        guard FileName.problem(format) == nil else { return nil }
        let name = "clusterlens-export-\(format)"
        let searched = folders + (path ?? "").split(separator: ":").map(String.init)
        for folder in searched where !folder.isEmpty {
            let candidate = (folder as NSString).appendingPathComponent(name)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder), !isFolder.boolValue,
                FileManager.default.isExecutableFile(atPath: candidate)
            {
                return candidate
            }
        }
        return nil
    }

    public func export(_ model: ReportModel, folder: String, name: String) throws(ReportError) -> [String] {
        let path = ReportOutputFile.path(folder, name, format)
        let input = ReportOutputFile.temporary(beside: path, tag: "model")
        let temporary = ReportOutputFile.temporary(beside: path)
        defer {
            unlink(input)
            unlink(temporary)
        }
        try ReportOutputFile.write(input) { output in try ReportJSONWriter.write(model, to: output) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [temporary]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        guard let standardInput = FileHandle(forReadingAtPath: input) else {
            throw ReportError(.exporter, "cannot reopen the model for the plug-in", file: input)
        }
        defer { try? standardInput.close() }
        process.standardInput = standardInput
        do {
            try process.run()
        } catch {
            throw ReportError(.exporter, "cannot run the plug-in \(executable): \(Self.whyNotRunnable(executable))")
        }
        let stopped = StopFlag()
        let deadline = DispatchWorkItem { [process] in
            guard process.isRunning else { return }
            stopped.value.store(true, ordering: .relaxed)
            process.terminate()
            DispatchQueue.global().asyncAfter(deadline: .now() + 2) {
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: deadline)
        let (kept, more) = Self.drain(errors.fileHandleForReading)
        process.waitUntilExit()
        deadline.cancel()
        var message = String(decoding: kept, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: "\n", with: " | ")
        if more > 0 { message += " … [\(more) more bytes of standard error]" }
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let how =
                stopped.value.load(ordering: .relaxed)
                ? "ran longer than \(Int(timeout)) s and was stopped"
                : process.terminationReason == .exit
                    ? "exited with status \(process.terminationStatus)"
                    : "was killed by signal \(process.terminationStatus)"
            throw ReportError(
                .exporter, "plug-in \(executable) \(how)" + (message.isEmpty ? "" : ": \(message)"), file: path)
        }
        guard FileManager.default.fileExists(atPath: temporary) else {
            throw ReportError(.exporter, "plug-in \(executable) exited with status 0 but wrote no file", file: path)
        }
        try ReportOutputFile.moveIntoPlace(temporary, path)
        return [path]
    }

    /// Reads `handle` to its end: the first ``keptErrorBytes`` bytes, and how many more there were.
    private static func drain(_ handle: FileHandle) -> (kept: [UInt8], more: Int) {
        var kept: [UInt8] = []
        var more = 0
        while let chunk = try? handle.read(upToCount: 1 << 16), !chunk.isEmpty {
            let room = max(0, keptErrorBytes - kept.count)
            kept += chunk.prefix(room)
            more += max(0, chunk.count - room)
        }
        return (kept, more)
    }

    /// Why the system would not start `path`: the usual reasons, in words (Foundation says only
    /// "NSCocoaErrorDomain error 256").
    static func whyNotRunnable(_ path: String) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { return "it cannot be read" }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 4)) ?? Data())
        if head.starts(with: Array("#!".utf8)) {
            return "its #! line names an interpreter that cannot be started"
        }
        if head.starts(with: [0x7F, 0x45, 0x4C, 0x46]) { return "the system cannot start this program" }
        return "it is not a program the system can start: a script needs a first line such as #!/bin/sh"
    }
}

/// Set when a plug-in was stopped for running too long.
private final class StopFlag: Sendable {
    let value = Atomic(false)
}
