import ArgumentParser
import ClusterLensCore
import ClusterLensIndicators
import Foundation

/// `clusterlens compute CLUSTERS --data FILE... [--indicators ID,...] [--period P] [--json]`.
struct ComputeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compute",
        abstract: "Compute indicators per cluster from statistics files, without a report.",
        discussion: """
            CLUSTERS is a cluster definition file (YAML). --data loads SDMX-ML, SDMX-CSV or tidy CSV files into one \
            store (a tidy CSV names its dataflow with --dataflow or a dataflow column). Each indicator is computed \
            for the given period or, without --period, the latest period with a value. A missing input gives a \
            missing value with the reason, never zero; flags of the inputs (e estimated, p provisional, \
            c confidential, b break in series, modelled, …) are carried to the result. Without --indicators, \
            the text output leaves out the indicators none of whose inputs has data loaded and counts them at \
            the end; --json always lists every indicator.
            """)

    @Argument(help: ArgumentHelp("A cluster definition file (YAML).", valueName: "CLUSTERS"))
    var clusters: String

    @Option(
        name: .customLong("data"), parsing: .upToNextOption, help: ArgumentHelp("Statistics files.", valueName: "FILE"))
    var data: [String] = []

    @Option(help: "The dataflow of tidy CSV files that do not name one.")
    var dataflow: String?

    @Option(help: ArgumentHelp("Indicator ids, comma-separated (default: all).", valueName: "ID,..."))
    var indicators: String?

    @Option(help: ArgumentHelp("The period to compute, e.g. 2021 (default: the latest with data).", valueName: "P"))
    var period: String?

    @Option(
        name: .customLong("indicator-folder"),
        help: ArgumentHelp("A further folder of indicator YAML files; repeatable.", valueName: "DIR"))
    var indicatorFolders: [String] = []

    @Flag(help: "Print JSON: clusters[].id, clusters[].indicators[].id/period/value/status/flags.")
    var json = false

    func run() throws {
        do {
            let definitions = try ClusterDefinitionLoader.load(file: clusters)
            let folders = (IndicatorsCommand.CatalogueOptions.bundledFolder.map { [$0] } ?? []) + indicatorFolders
            let catalogue = try IndicatorCatalogue(builtIns: BuiltinIndicators.all, folders: folders)
            var selected = catalogue.indicators
            if let indicators {
                let ids = indicators.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                selected = try ids.map { id in
                    guard let indicator = catalogue.indicator(id) else {
                        throw IndicatorsError(
                            .indicatorDefinition, "no indicator \"\(id)\" (see `clusterlens indicators list`)")
                    }
                    return indicator
                }
            }
            var store = ObservationStore()
            for file in data { try store.load(file: file, dataflow: dataflow) }
            var engine = IndicatorEngine(store: store)
            try engine.loadSurveys(for: definitions)
            var when: TimePeriod?
            if let period {
                do { when = try TimePeriod(period) } catch { throw ValidationError("--period: \(error.message)") }
            }
            let results = definitions.map { ($0, engine.compute(selected, for: $0, period: when)) }
            print(json ? Self.json(results) : Self.text(results, listUnserved: indicators != nil))
        } catch let error as ExitCode {
            throw error
        } catch let error as ValidationError {
            throw error
        } catch {
            throw ExitStatus.fail(error)
        }
    }

    static func formatted(_ number: Double) -> String {
        abs(number) >= 1000 || number == number.rounded()
            ? String(format: "%.0f", number) : String(format: "%.4g", number)
    }

    /// One line per cluster, then one per indicator, by pillar and id.
    ///
    /// - Parameter listUnserved: Whether to list indicators none of whose inputs has data (no period);
    ///   otherwise they are counted in one closing line per cluster.
    static func text(_ results: [(ClusterDefinition, [IndicatorResult])], listUnserved: Bool = true) -> String {
        var lines: [String] = []
        let pillarOrder = Dictionary(uniqueKeysWithValues: Pillar.allCases.enumerated().map { ($1, $0) })
        for (cluster, indicators) in results {
            lines.append("\(cluster.id) — \(cluster.name)")
            let sorted = indicators.sorted {
                (pillarOrder[$0.indicator.pillar] ?? 0, $0.indicator.id) < (
                    pillarOrder[$1.indicator.pillar] ?? 0, $1.indicator.id
                )
            }
            let unserved = listUnserved ? 0 : sorted.filter { $0.period == nil }.count
            for result in sorted where listUnserved || result.period != nil {
                let value = result.value.number.map { formatted($0) + " " + result.indicator.unit } ?? "missing"
                var line = "  \(result.indicator.id): \(value)"
                if let period = result.period { line += " (\(period.lexical))" }
                if !result.value.flags.isEmpty {
                    line += " [flags: \(result.value.flags.sorted().joined(separator: ","))]"
                }
                if let reason = result.value.missingReason { line += " — \(reason)" }
                lines.append(line)
            }
            if unserved > 0 {
                lines.append(
                    "  (\(unserved) more indicators have no data loaded for any input; "
                        + "name them with --indicators to see which)")
            }
        }
        return lines.joined(separator: "\n")
    }

    struct Output: Encodable {
        struct Cluster: Encodable {
            var id: String
            var name: String
            var indicators: [Indicator]
        }
        struct Indicator: Encodable {
            var id: String
            var period: String?
            var value: Double?
            var unit: String
            var status: String
            var flags: [String]
            var reason: String?
            var sources: [String]
            var seriesKeys: [String]
            var memberCoverage: [String: Double]
        }
        var clusters: [Cluster]
    }

    static func json(_ results: [(ClusterDefinition, [IndicatorResult])]) -> String {
        let output = Output(
            clusters: results.map { cluster, indicators in
                Output.Cluster(
                    id: cluster.id, name: cluster.name,
                    indicators: indicators.map { result in
                        Output.Indicator(
                            id: result.indicator.id, period: result.period?.lexical, value: result.value.number,
                            unit: result.indicator.unit, status: result.status.rawValue,
                            flags: result.value.flags.sorted(), reason: result.value.missingReason,
                            sources: Array(
                                Set(result.provenance.flatMap { $0.sources.map { "\($0.path) sha256:\($0.sha256)" } })
                            ).sorted(),
                            seriesKeys: Array(Set(result.provenance.flatMap(\.seriesKeys))).sorted(),
                            memberCoverage: result.memberCoverage)
                    })
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return (try? encoder.encode(output)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
