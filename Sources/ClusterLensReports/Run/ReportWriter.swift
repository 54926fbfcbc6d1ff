internal import Foundation

/// Writes a report in several formats: each format on its own, so one failing exporter never stops
/// the others nor touches their files.
public struct ReportWriter: Sendable {
    /// Where exporters come from.
    public var registry: ExporterRegistry

    /// Creates a writer.
    public init(registry: ExporterRegistry) {
        self.registry = registry
    }

    /// Writes `model` in every format of `formats` into `folder` (created if needed) as `name.EXT`.
    ///
    /// - Parameter progress: Receives how many formats are written.
    /// - Returns: One outcome per format, in order: its files or its error.
    /// - Throws: ``ReportError`` (`output`) only when the folder cannot be created; the failure of a
    ///   format is in its outcome.
    public func write(
        _ model: ReportModel, formats: [String], folder: String, name: String,
        progress: ReportProgress.Handler? = nil
    ) throws(ReportError) -> [ExportOutcome] {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw ReportError(.output, "cannot create the output folder: \(error.localizedDescription)", file: folder)
        }
        var outcomes: [ExportOutcome] = []
        for (index, format) in formats.enumerated() {
            progress?(ReportProgress(.writing, done: index, of: formats.count))
            do throws(ReportError) {
                let exporter = try registry.exporter(for: format)
                let paths = try exporter.export(model, folder: folder, name: name)
                outcomes.append(ExportOutcome(format: format, paths: paths, error: nil))
            } catch {
                outcomes.append(ExportOutcome(format: format, paths: [], error: error))
            }
        }
        return outcomes
    }
}
