import ArgumentParser
import ClusterLensCore
import ClusterLensIndicators
import ClusterLensSupport
import Foundation

/// `clusterlens indicators list [--json]` and `clusterlens indicators show ID`.
struct IndicatorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicators",
        abstract: "The indicator catalogue: compiled indicators and the YAML files of Indicators/.",
        subcommands: [List.self, Show.self]
    )

    /// Where declarative indicators are read from.
    struct CatalogueOptions: ParsableArguments {
        @Option(
            name: .customLong("indicator-folder"),
            help: ArgumentHelp("A further folder of indicator YAML files; repeatable.", valueName: "DIR"))
        var folders: [String] = []

        /// The old spelling of `--indicator-folder` (kept so scripts keep working; `compute` uses
        /// `--indicators` for indicator ids).
        @Option(name: .customLong("indicators"), help: .hidden)
        var oldFolders: [String] = []

        /// The standard catalogue (compiled, bundled `Indicators/`) plus the folders given.
        func load() throws -> IndicatorCatalogue {
            do {
                return try IndicatorCatalogue.standard(adding: folders + oldFolders)
            } catch {
                throw ExitStatus.fail(error)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List every indicator: id, pillar, unit, direction, name.")

        @Flag(
            help:
                "Print a JSON array of {id, name, pillar, scope, tags, unit, direction, method, sources, unconfirmed, file}."
        )
        var json = false

        @OptionGroup var catalogue: CatalogueOptions

        func run() throws {
            let indicators = try catalogue.load().indicators.map(\.definition)
            if json {
                let entries = indicators.map {
                    IndicatorSummary(
                        id: $0.id, name: $0.name, pillar: $0.pillar, scope: $0.scope, tags: $0.tags, unit: $0.unit,
                        direction: $0.direction, method: $0.method,
                        sources: $0.inputs.flatMap { input in input.bindings.map(\.summary) },
                        unconfirmed: $0.inputs.flatMap { input in
                            input.bindings.compactMap { binding in
                                binding.unconfirmed.map { "\(binding.summary): \($0)" }
                            }
                        }, file: $0.file)
                }
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(entries), as: UTF8.self))
                return
            }
            let width = indicators.map(\.id.count).max() ?? 0
            for indicator in indicators {
                let id = indicator.id.padding(toLength: width, withPad: " ", startingAt: 0)
                let pillar = indicator.pillar.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0)
                let scope = indicator.scope.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
                let direction =
                    indicator.direction == .none ? "descriptive" : "\(indicator.direction.rawValue) is better"
                print("\(id)  \(pillar)  \(scope)  \(indicator.name) [\(indicator.unit), \(direction)]")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "One indicator: definition, formula, inputs and sources.")

        @Argument(help: "The indicator id, e.g. location_quotient.")
        var id: String

        @OptionGroup var catalogue: CatalogueOptions

        func run() throws {
            let loaded = try catalogue.load()
            guard let indicator = loaded.indicator(id)?.definition else {
                let known = loaded.indicators.map(\.definition.id)
                throw ExitStatus.fail(
                    IndicatorsError(
                        .indicatorDefinition,
                        "no indicator \"\(id)\"\(Suggestion.phrase(for: id, among: known)) "
                            + "(see `clusterlens indicators list`)"))
            }
            var lines = [
                "\(indicator.id): \(indicator.name)",
                "  pillar       \(indicator.pillar.rawValue)"
                    + (indicator.tags.isEmpty ? "" : " (\(indicator.tags.map(\.rawValue).joined(separator: ", ")))"),
                "  scope        \(indicator.scope.rawValue)"
                    + (indicator.scope.isContext
                        ? " (the cluster's \(indicator.scope.rawValue): context, not cluster performance)" : ""),
                "  unit         \(indicator.unit)",
                "  direction    \(indicator.direction.rawValue)",
                (indicator.formula == nil ? "  method       " : "  formula      ") + indicator.method,
            ]
            for input in indicator.inputs {
                let bindings = input.bindings.map { binding in
                    binding.summary + (binding.total.map { " total \($0)" } ?? "")
                        + (binding.unconfirmed.map { " [unconfirmed: \($0)]" } ?? "")
                }
                lines.append(
                    "  input        \(input.name) = " + bindings.joined(separator: " or ")
                        + (input.additive ? "" : " (not additive: one region only)"))
            }
            if !indicator.description.isEmpty { lines.append("  description  \(indicator.description)") }
            for reference in indicator.references { lines.append("  reference    \(reference)") }
            if let file = indicator.file { lines.append("  file         \(file)") }
            print(lines.joined(separator: "\n"))
        }
    }
}

/// One line of `indicators list --json`.
struct IndicatorSummary: Encodable {
    var id: String
    var name: String
    var pillar: Pillar
    /// `cluster`, `region` or `country`: what the value describes.
    var scope: IndicatorScope
    var tags: [TransitionTag]
    var unit: String
    var direction: Direction
    /// The formula, or a compiled indicator's method.
    var method: String
    /// Every binding of every input: `dataflow[dim=code,…]` or `members:column`.
    var sources: [String]
    /// The bindings whose codes are not confirmed against published data, with why.
    var unconfirmed: [String]
    var file: String?
}
