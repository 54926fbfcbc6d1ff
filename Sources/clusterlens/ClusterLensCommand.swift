import ArgumentParser
import ClusterLensReports

/// The `clusterlens` command-line tool: thin; parses arguments, calls the libraries, prints.
@main
struct ClusterLensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clusterlens",
        abstract: "Triple-bottom-line reports on industrial clusters from official statistics (SDMX-ML).",
        version: ToolVersion.current,
        subcommands: [
            InspectCommand.self, ConvertCommand.self, IndicatorsCommand.self, ComputeCommand.self, ReportCommand.self,
            DemoCommand.self, ValidateCommand.self, BatchCommand.self, FetchCommand.self, MapCommand.self,
            BenchmarkCompositeCommand.self, InitCommand.self,
        ]
    )

    /// Installs the interrupt handlers that remove unfinished temporary files, then runs the command.
    static func main() async {
        InterruptCleanup.install()
        await main(nil)
    }
}

/// The tool's version: the library's, so `--version`, the reports and the release archive agree.
enum ToolVersion {
    static let current = ClusterLensVersion.current
}
