import ArgumentParser
import ClusterLensCore
import ClusterLensImport

/// `clusterlens convert FILE... --to csv|json [-o OUT] [--structure FILE]`.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert SDMX-ML data messages to SDMX-CSV 1.0 or JSON, streaming.",
        discussion: """
            CSV: SDMX-CSV 1.0 — DATAFLOW, the dimensions, OBS_VALUE (the lexical value; missing is empty), the \
            attributes; one row per observation in document order; several files go into one table. \
            JSON: {"files": [...]} with every observation's series key, dimensions, value, number and attributes. \
            The output is written to a temporary file and renamed into place (or copied to standard output at the \
            end): a failed run leaves no partial output and never replaces an earlier good file.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, json
    }

    @Argument(help: ArgumentHelp("SDMX-ML data messages.", valueName: "FILE"))
    var files: [String]

    @Option(help: "Output format.")
    var to: Format

    @Option(
        name: [.short, .customLong("output")],
        help: ArgumentHelp("Output file (default: standard output).", valueName: "OUT"))
    var output: String?

    @OptionGroup var structureOptions: StructureOptions

    func run() throws {
        do {
            let reader = SDMXDataReader(structures: try structureOptions.load())
            switch to {
            case .csv:
                let writer = try SDMXCSVWriter(destination: output)
                for file in files { try Self.check(try reader.read(file: file, into: writer)) }
                try writer.finish()
            case .json:
                let writer = try ObservationJSONWriter(destination: output)
                for file in files {
                    try writer.beginFile(file)
                    let summary = try reader.read(file: file, into: writer)
                    try Self.check(summary)
                    try writer.endFile(summary)
                }
                try writer.finish()
            }
        } catch let error as ExitCode {
            throw error
        } catch {
            throw ExitStatus.fail(error)
        }
    }

    /// Refuses messages that carry an answer instead of data; reports footers and warnings.
    static func check(_ summary: DataMessageSummary) throws {
        if !summary.errors.isEmpty {
            let text = summary.errors.map(\.description).joined(separator: "; ")
            throw ImportError(.sdmxErrorMessage, "the provider sent an SDMX error message: \(text)", file: summary.file)
        }
        if summary.datasets == 0 && !summary.footer.isEmpty {
            let text = summary.footer.map(\.description).joined(separator: "; ")
            throw ImportError(.sdmxErrorMessage, "no data, only a footer message: \(text)", file: summary.file)
        }
        for note in summary.footer { ExitStatus.printError("note: \(summary.file): footer \(note)") }
        for warning in summary.warnings { ExitStatus.printError("warning: \(summary.file): \(warning)") }
    }
}
