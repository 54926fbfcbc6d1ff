import ArgumentParser
import ClusterLensReports

/// `--data FILE...` and `--dataflow ID`, as `compute` and `map` take them.
struct DataOptions: ParsableArguments {
    @Option(
        name: .customLong("data"), parsing: .upToNextOption,
        help: ArgumentHelp("Statistics files, folders or globs (at least one).", valueName: "FILE"))
    var data: [String] = []

    @Option(help: "The dataflow of tidy CSV files that do not name one.")
    var dataflow: String?

    func validate() throws {
        if data.isEmpty { throw ValidationError("--data is required: the statistics files to read") }
    }

    /// The files: each folder's `.xml` and `.csv` files and each glob's matches, each file once; a
    /// name that matches nothing is kept as it is, so the importer says why it cannot be read.
    var files: [String] {
        var files: [String] = []
        for pattern in data {
            let matches = DataFiles.expand(pattern)
            files += matches.isEmpty ? [pattern] : matches.filter { !files.contains($0) }
        }
        return files
    }
}
