import ArgumentParser
import ClusterLensCore
import ClusterLensIndicators
import ClusterLensReports
import Foundation

/// `clusterlens compute CLUSTERS --data FILE... [--indicators ID,...] [--period P] [--json]`.
struct ComputeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compute",
        abstract: "Compute indicators per cluster from statistics files, without a report.",
        discussion: """
            CLUSTERS is a cluster definition file (YAML). --data takes SDMX-ML, SDMX-CSV or tidy CSV files, \
            folders (their .xml and .csv files) and globs, read into one store (a tidy CSV names its dataflow \
            with --dataflow or a dataflow column). Each indicator is computed for --period — latest (the \
            default: the latest period with a value), a period such as 2021, or a range of years such as \
            2015-2023 (one value per year, the headline the latest with a value). A missing input gives a \
            missing value with the reason, never zero; flags of the inputs (e estimated, p provisional, \
            c confidential, b break in series, modelled, …) are carried to the result. Without --indicators, \
            the text output leaves out the indicators none of whose inputs has data loaded and counts them at \
            the end; --json always lists every indicator, and a missing value is null.
            """)

    @Argument(help: ArgumentHelp("A cluster definition file (YAML).", valueName: "CLUSTERS"))
    var clusters: String

    @OptionGroup var input: DataOptions

    @Option(help: ArgumentHelp("Indicator ids, comma-separated (default: all).", valueName: "ID,..."))
    var indicators: String?

    @Option(
        help: ArgumentHelp(
            "latest (default), a period such as 2021, or a range of years such as 2015-2023.", valueName: "P"))
    var period = "latest"

    @Option(
        name: .customLong("indicator-folder"),
        help: ArgumentHelp("A further folder of indicator YAML files; repeatable.", valueName: "DIR"))
    var indicatorFolders: [String] = []

    @Flag(help: "Print JSON (see README, \"The command line\").")
    var json = false

    func validate() throws {
        do { _ = try ReportDefinition.Periods(period) } catch { throw ValidationError("--period: \(error.message)") }
    }

    func run() async throws {
        let terminal = TerminalProgress()
        let diagnostics = Diagnostics {
            terminal.clear()
            ExitStatus.report($0)
        }
        defer { terminal.clear() }
        do {
            let computation = IndicatorComputation(
                clusters: [], clustersFile: clusters, dataFiles: input.files,
                dataflow: input.dataflow,
                indicatorIDs: indicators.map {
                    $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                },
                periods: try ReportDefinition.Periods(period), indicatorFolders: indicatorFolders)
            let result = try await computation.run(diagnostics: diagnostics, progress: terminal.handler)
            terminal.clear()
            if json {
                ComputeOutput.writeJSON(result)
            } else {
                print(ComputeOutput.text(result, listUnserved: indicators != nil))
            }
            ReportOutputOptions.summarise(diagnostics.all)
        } catch let error as ExitCode {
            throw error
        } catch {
            throw ExitStatus.fail(error)
        }
    }
}
