import ArgumentParser
import ClusterLensIndicators
import ClusterLensReports
import Foundation

/// `clusterlens init`: a starter cluster file and report definition, from options or, on a terminal,
/// from questions.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a cluster file and a report definition to start from (asks on a terminal).",
        discussion: """
            Writes FOLDER/clusters.yaml (one cluster: regions, sectors, reference area, peers) and FOLDER/report.yaml \
            (every indicator, ten years, your targets, and in data: the Eurostat feeds the indicators read). \
            `clusterlens report FOLDER/report.yaml` then fetches the feeds into the cache and builds the report. \
            Options not given are asked for when standard input is a terminal; otherwise --regions and --sectors \
            are needed.
            """)

    @Option(help: ArgumentHelp("Where to write the two files.", valueName: "FOLDER"))
    var folder = "clusterlens-report"

    @Option(help: ArgumentHelp("NUTS codes of the cluster's regions, comma-separated.", valueName: "CODES"))
    var regions: String?

    @Option(help: ArgumentHelp("NACE Rev. 2 codes of its sectors, comma-separated.", valueName: "CODES"))
    var sectors: String?

    @Option(help: ArgumentHelp("Peer regions (NUTS codes), comma-separated.", valueName: "CODES"))
    var peers: String?

    @Option(help: ArgumentHelp("The reference area of location quotients.", valueName: "CODE"))
    var reference: String?

    @Option(
        help: ArgumentHelp(
            "Targets, comma-separated: INDICATOR=VALUE@YEAR (renewable_energy_share=42.5@2030) or INDICATOR (trend).",
            valueName: "TARGETS"))
    var targets: String?

    @Option(help: ArgumentHelp("The cluster and report id (default: from the codes).", valueName: "ID"))
    var id: String?

    @Option(help: ArgumentHelp("The cluster's name (default: its first region's name and sectors).", valueName: "NAME"))
    var name: String?

    @Option(help: ArgumentHelp("A member-survey CSV file, relative to FOLDER.", valueName: "FILE"))
    var members: String?

    @Option(help: ArgumentHelp("The last year of the report (ten years up to it).", valueName: "YEAR"))
    var lastYear: Int?

    @Flag(help: "Replace files that exist.")
    var force = false

    @Flag(name: .customLong("no-input"), help: "Never ask, even on a terminal.")
    var noInput = false

    func run() throws {
        let ask = !noInput && isatty(0) != 0
        guard ask || (regions != nil && sectors != nil) else {
            throw ValidationError(
                "init needs --regions and --sectors when it cannot ask (standard input is not a terminal)")
        }
        do {
            let catalogue = try IndicatorCatalogue.standard()
            var starter = ReportStarter(regions: [], sectors: [], lastYear: lastYear)
            if let reference { starter.reference = reference }
            let questions: [(WritableKeyPath<ReportStarter, [String]>, String?, String)] = [
                (\.regions, regions, "Regions of the cluster (NUTS codes, e.g. ES51 or ES51,ES52)"),
                (\.sectors, sectors, "Sectors (NACE Rev. 2 codes, e.g. C29 or C29,C30)"),
                (\.peers, peers, "Peer regions to compare with (NUTS codes; empty for none)"),
                (
                    \.targets, targets,
                    "Targets (INDICATOR=VALUE@YEAR or INDICATOR, comma-separated; empty for none; e.g. "
                        + "renewable_energy_share=42.5@2030)"
                ),
            ]
            for (field, option, question) in questions {
                starter[keyPath: field] = try value(option, ask, question) { answer in
                    var probe = starter
                    probe[keyPath: field] = answer
                    if probe.sectors.isEmpty { probe.sectors = ["C"] }
                    _ = try probe.cluster()
                    _ = try probe.parsedTargets(in: catalogue)
                }
            }
            starter.id = id ?? ""
            starter.name = name ?? ""
            starter.members = members
            let cluster = try starter.cluster()
            let files = try starter.write(to: folder, catalogue: catalogue, overwrite: force)
            for file in files { print("wrote\t\(file)") }
            let feeds = starter.feeds(in: catalogue).count
            print(
                "Cluster \(cluster.id) (\(cluster.name)), \(starter.years.lowerBound)–\(starter.years.upperBound). "
                    + "Next: clusterlens report \((folder as NSString).appendingPathComponent("report.yaml")) "
                    + "(its first run fetches \(feeds) Eurostat feeds into the cache).")
        } catch let error as ExitCode {
            throw error
        } catch {
            throw ExitStatus.fail(error)
        }
    }

    /// The comma-separated codes of `option`, or, on a terminal, the answer to `question`, asked again
    /// until `check` accepts it.
    private func value(
        _ option: String?, _ ask: Bool, _ question: String, check: ([String]) throws -> Void
    ) throws -> [String] {
        if let option {
            let values = Self.list(option)
            try check(values)
            return values
        }
        guard ask else { return [] }
        while true {
            FileHandle.standardError.write(Data("\(question): ".utf8))
            guard let line = readLine() else { throw ExitCode(64) }
            let values = Self.list(line)
            do {
                try check(values)
                return values
            } catch {
                ExitStatus.printError("\(error); try again")
            }
        }
    }

    /// `ES51, ES52` → `["ES51", "ES52"]`.
    static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
