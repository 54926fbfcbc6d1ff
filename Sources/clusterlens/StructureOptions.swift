import ArgumentParser
import ClusterLensCore
import ClusterLensImport

/// `--structure FILE` (repeatable): structure messages that describe the data.
struct StructureOptions: ParsableArguments {
    @Option(
        name: .customLong("structure"),
        help: ArgumentHelp(
            "An SDMX-ML structure message (DSD) for structure-specific data; repeatable.",
            valueName: "FILE"))
    var files: [String] = []

    /// The structures of every `--structure` file, or `nil` when none was given.
    func load() throws -> StructureCollection? {
        guard !files.isEmpty else { return nil }
        var collection = StructureCollection()
        for file in files {
            collection.merge(try SDMXStructureReader().read(file: file).structures)
        }
        return collection
    }
}
