import ArgumentParser
import ClusterLensCore
import ClusterLensImport
import ClusterLensIndicators
import Foundation

/// `clusterlens inspect FILE... [--json] [--codes] [--codes-limit N] [--structure FILE] [--dataflow ID]`.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show what data files hold: format, version, structure, counts, dimensions, periods.",
        discussion: """
            Reads SDMX-ML data and structure messages, SDMX-CSV and tidy CSV, the format found from the content. \
            With --json, prints one JSON object per file and line, with the keys file, format, version, kind, \
            structure, datasets, series, groups, observations, dimensions (id and distinct code count), attributes, \
            measures, timePeriods (first, last), valueKinds, footer, errors, skippedElements, warnings, and for \
            structure messages structures (counts). A file that cannot be read is reported on standard error; the \
            other files are still inspected. An SDMX error message, a message with only a footer (Eurostat's 413 \
            "the file will be posted at URL") and any other message that is not data are still described, and \
            reported on standard error as convert, compute and report report them. The exit status is that of the \
            worst file, the same status every command gives it: 0 when every file is data or a structure message.

            With --codes, lists after the summary every dimension (series key and observation level, the time \
            period too) with its distinct codes, sorted (periods in time order), each with the number of \
            observations that carry it and its name: from the codelists of the --structure files (the codelist the \
            data structure gives the dimension, else a codelist named after it, GEO or CL_GEO; English names \
            preferred), and from the classifications ClusterLens ships for the region dimension (geo, REF_AREA, \
            GEO, COUNTRY: NUTS 2016, 2021 and 2024, with the level and, when not in every version, the versions) \
            and the sector dimension (nace_r2, ACTIVITY, …: NACE Rev. 2 and Eurostat's aggregates such as \
            B-S_X_O_S94). A code that none of its dimension's sources knows is marked unknown. With --json the \
            object gets the key codes: [{dimension, role (region, sector, time or null), codelist, classification, \
            distinct, unknown, omitted, omittedObservations, codes: [{code, observations, name, level, \
            nutsVersions, known}]}], every key present (null when there is nothing to say).
            """)

    @Argument(help: ArgumentHelp("Data files (SDMX-ML, SDMX-CSV, tidy CSV) or structure messages.", valueName: "FILE"))
    var files: [String]

    @Flag(help: "Print one JSON object per file.")
    var json = false

    @Flag(help: "List every dimension's codes with their observations and names (described above).")
    var codes = false

    @Option(
        name: .customLong("codes-limit"),
        help: ArgumentHelp("Show at most N codes per dimension, counting the rest; implies --codes.", valueName: "N"))
    var codesLimit: Int?

    @Option(help: "The dataflow of tidy CSV files that do not name one (as compute's --dataflow).")
    var dataflow: String?

    @OptionGroup var structureOptions: StructureOptions

    /// What `inspect` found in one file, and the error the file gets from the commands that read data
    /// (an SDMX error or footer-only message, a message that is not data), if any.
    struct Inspection {
        var record: InspectRecord
        var refusal: ImportError?
        /// Every dimension's codes, the dataflows and the data structures matched, for `--codes`.
        var codes: [DimensionCodes] = []
        var dataflows: [String] = []
        var dataStructures: [DataStructure] = []

        /// The record with its codes named by `namer`, cut to `limit` codes per dimension.
        func record(namedBy namer: CodeNamer, limit: Int?) -> InspectRecord {
            var record = self.record
            record.codes = namer.name(codes, dataflows: dataflows, dataStructures: dataStructures).map {
                InspectedDimension($0, limit: limit)
            }
            return record
        }
    }

    func validate() throws {
        if let codesLimit, codesLimit < 1 { throw ValidationError("--codes-limit must be 1 or more") }
    }

    func run() throws {
        let structures: StructureCollection?
        do {
            structures = try structureOptions.load()
        } catch {
            throw ExitStatus.fail(error)
        }
        var worst: Int32 = 0
        let namer = codes || codesLimit != nil ? CodeNamer(structures: structures) : nil
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        defer { SpooledInput.removeAll() }
        for file in files {
            do {
                var inspection = try Self.inspect(
                    try SpooledInput.readable(file), structures: structures, dataflow: dataflow)
                inspection.record.file = file
                let record = namer.map { inspection.record(namedBy: $0, limit: codesLimit) } ?? inspection.record
                if json {
                    let data = try encoder.encode(record)
                    print(String(decoding: data, as: UTF8.self))
                } else {
                    print(record.text)
                }
                if let refusal = inspection.refusal {
                    ExitStatus.report(refusal)
                    worst = max(worst, ExitStatus.code(for: refusal))
                }
            } catch {
                ExitStatus.report(error)
                worst = max(worst, ExitStatus.code(for: error))
            }
        }
        if worst != 0 { throw ExitCode(worst) }
    }

    /// Reads one file through the importer door's checks.
    ///
    /// - Throws: What every command throws for a file it cannot read (`ImportError`); a message that
    ///   can be described but is not data is returned with its ``Inspection/refusal`` instead.
    static func inspect(_ file: String, structures: StructureCollection?, dataflow: String? = nil) throws -> Inspection
    {
        switch try InputFormat.sniff(file: file) {
        case .sdmxML(let kind):
            var record = InspectRecord(file: file, kind: kind)
            switch kind.category {
            case .data, .error:
                let inspector = DataInspector()
                let summary = try SDMXDataReader(structures: structures).read(file: file, into: inspector)
                let found = inspector.inspection
                record.add(summary, found)
                var inspection = Inspection(
                    record: record, refusal: nil, codes: found.codes,
                    dataflows: summary.headerStructures.map(\.id) + found.dataflows,
                    dataStructures: found.dataStructures)
                do {
                    try summary.requireData()
                } catch {
                    inspection.refusal = error
                }
                return inspection
            case .structure:
                record.add(try SDMXStructureReader().read(file: file))
            case .other:
                record.warnings.append(
                    "an SDMX-ML \(kind.messageType) message: neither data nor structure, not read further")
                do {
                    try kind.requireDataMessage(file: file)
                } catch {
                    return Inspection(record: record, refusal: error)
                }
            }
            return Inspection(record: record, refusal: nil)
        case .sdmxCSV, .tidyCSV, .memberSurvey:
            let inspector = RecordInspector()
            let diagnostics = Diagnostics()
            let summary = try DataImporter(structures: structures).read(
                file: file, dataflow: dataflow, into: inspector, diagnostics: diagnostics)
            var record = InspectRecord(file: file, table: summary, series: inspector.series)
            let found = inspector.inspection(timeDimension: summary.timeDimensions.first ?? "TIME_PERIOD")
            record.add(found, diagnostics: diagnostics.all)
            return Inspection(record: record, refusal: nil, codes: found.codes, dataflows: summary.dataflows)
        }
    }
}
