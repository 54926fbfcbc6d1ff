import ArgumentParser
import ClusterLensCore
import ClusterLensImport
import Foundation

/// `clusterlens inspect FILE... [--json] [--structure FILE]`.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show what SDMX-ML files hold: message type, version, structure, counts, dimensions, periods.",
        discussion: """
            With --json, prints one JSON object per file and line, with the keys file, format, version, kind, \
            structure, datasets, series, groups, observations, dimensions (id and distinct code count), attributes, \
            measures, timePeriods (first, last), valueKinds, footer, errors, skippedElements, warnings, and for \
            structure messages structures (counts). A file that cannot be read is reported on standard error and \
            makes the exit status non-zero; the other files are still inspected.
            """)

    @Argument(help: ArgumentHelp("SDMX-ML files (data or structure messages).", valueName: "FILE"))
    var files: [String]

    @Flag(help: "Print one JSON object per file.")
    var json = false

    @OptionGroup var structureOptions: StructureOptions

    func run() throws {
        let structures: StructureCollection?
        do {
            structures = try structureOptions.load()
        } catch {
            throw ExitStatus.fail(error)
        }
        var worst: Int32 = 0
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for file in files {
            do {
                let record = try Self.inspect(file, structures: structures)
                if json {
                    let data = try encoder.encode(record)
                    print(String(decoding: data, as: UTF8.self))
                } else {
                    print(record.text)
                }
            } catch {
                ExitStatus.report(error)
                worst = max(worst, ExitStatus.code(for: error))
            }
        }
        if worst != 0 { throw ExitCode(worst) }
    }

    static func inspect(_ file: String, structures: StructureCollection?) throws -> InspectRecord {
        let kind = try SDMXMessageSniffer.sniff(file: file)
        var record = InspectRecord(file: file, kind: kind)
        switch kind.category {
        case .data, .error:
            let inspector = DataInspector()
            let summary = try SDMXDataReader(structures: structures).read(file: file, into: inspector)
            record.add(summary, inspector.inspection)
        case .structure:
            record.add(try SDMXStructureReader().read(file: file))
        case .other:
            record.warnings.append(
                "an SDMX-ML \(kind.messageType) message: neither data nor structure, not read further")
        }
        return record
    }
}
