import ArgumentParser
import ClusterLensCore
import ClusterLensImport
import ClusterLensSupport

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
            end): a failed run leaves no partial output and never replaces an earlier good file. An SDMX error \
            message, a message with only a footer and any message that is not data fail with the status every \
            command gives them (see README's exit-status table); a CSV table is checked, then refused (status 5).
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

    func validate() throws {
        // The output is renamed onto its path when complete: onto an input, it would replace the data
        // it was converted from.
        guard let output, output != "-", let target = FileIdentity(path: output) else { return }
        for input in files + structureOptions.files where FileIdentity(path: input) == target {
            throw ValidationError("the output \(output) is also an input (\(input)): choose another output file")
        }
    }

    func run() throws {
        defer { SpooledInput.removeAll() }
        do {
            let reader = SDMXDataReader(structures: try structureOptions.load())
            switch to {
            case .csv:
                let writer = try SDMXCSVWriter(destination: output)
                for file in try files.map(SpooledInput.readable) {
                    try Self.requireSDMXData(file)
                    try Self.check(try reader.read(file: file, into: writer))
                }
                try writer.finish()
            case .json:
                let writer = try ObservationJSONWriter(destination: output)
                for file in try files.map(SpooledInput.readable) {
                    try Self.requireSDMXData(file)
                    try writer.beginFile(SpooledInput.name(of: file))
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

    /// The importer door's checks before a file is converted, so that a file fails here as it fails in
    /// every command: the format from the content, then an SDMX-ML data (or error) message. A CSV table
    /// is read through the door first (a broken one fails as `compute` fails on it), then refused:
    /// it is already a table.
    static func requireSDMXData(_ file: String) throws {
        switch try InputFormat.sniff(file: file) {
        case .sdmxML(let kind):
            try kind.requireDataMessage(file: file)
        case .sdmxCSV, .tidyCSV, .memberSurvey:
            let summary = try DataImporter().read(file: file, into: DiscardingRecordSink())
            let table = summary.source.format == .sdmxCSV ? "an SDMX-CSV table" : "a tidy CSV table"
            throw ImportError(
                .unsupportedMessage,
                "\(table) (\(summary.observations) observations), not SDMX-ML: convert reads SDMX-ML data "
                    + "messages; compute and report read the table as it is", file: file)
        }
    }

    /// Refuses messages that carry an answer instead of data (``DataMessageSummary/requireData()``);
    /// prints the reader's warnings and the footer notes on standard error.
    static func check(_ summary: DataMessageSummary) throws {
        try summary.requireData()
        for diagnostic in summary.diagnostics { ExitStatus.report(diagnostic) }
    }
}

/// A record sink that keeps nothing: a CSV table is read only to check it.
private final class DiscardingRecordSink: ObservationRecordSink {
    func begin(file path: String, format: DataSource.Format) throws {}
    func end(_ source: DataSource) throws {}
    func record(_ record: consuming ObservationRecord) throws {}
}
