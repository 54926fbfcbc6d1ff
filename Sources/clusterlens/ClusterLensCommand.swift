import ArgumentParser

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
            BenchmarkCompositeCommand.self,
        ]
    )

    /// Installs the interrupt handlers that remove unfinished temporary files, then runs the command.
    static func main() async {
        InterruptCleanup.install()
        await main(nil)
    }
}

/// The tool's version.
enum ToolVersion {
    static let current = "0.1.0"
}
