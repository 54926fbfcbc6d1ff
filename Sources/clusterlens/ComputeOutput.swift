import ClusterLensCore
import ClusterLensReports
import Foundation

/// How `compute` prints its values: text for people, JSON for scripts.
enum ComputeOutput {
    /// A number for reading: whole numbers and large ones without decimals, others to 4 significant digits.
    static func formatted(_ number: Double) -> String {
        abs(number) >= 1000 || number == number.rounded()
            ? String(format: "%.0f", number) : String(format: "%.4g", number)
    }

    /// One line per cluster, then one per indicator value, by pillar and id.
    ///
    /// - Parameter listUnserved: Whether to list indicators none of whose inputs has data (no period);
    ///   otherwise they are counted in one closing line per cluster.
    static func text(_ result: IndicatorComputation.Result, listUnserved: Bool = true) -> String {
        var lines: [String] = []
        let indicators = Dictionary(result.indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let pillarOrder = Dictionary(uniqueKeysWithValues: Pillar.allCases.enumerated().map { ($1, $0) })
        func order(_ value: ReportValue) -> (Int, String) {
            (indicators[value.indicator].flatMap { pillarOrder[$0.pillar] } ?? 0, value.indicator)
        }
        for cluster in result.clusters {
            lines.append("\(cluster.id) — \(cluster.name)")
            lines.append("  " + describe(cluster.definition, names: result.codeNames))
            let sorted = cluster.values.enumerated().sorted { left, right in
                let (a, b) = (order(left.element), order(right.element))
                return (a.0, a.1, left.offset) < (b.0, b.1, right.offset)
            }.map { $0.element }
            let unserved = listUnserved ? 0 : Set(sorted.filter { $0.period == nil }.map { $0.indicator }).count
            for value in sorted where listUnserved || value.period != nil {
                let unit = indicators[value.indicator]?.unit ?? ""
                var line = "  \(value.indicator): " + (value.value.map { formatted($0) + " " + unit } ?? "missing")
                if let period = value.period { line += " (\(period.lexical))" }
                if !value.flags.isEmpty { line += " [flags: \(value.flags.map(\.rawValue).joined(separator: ","))]" }
                if let reason = value.reason { line += " — \(reason)" }
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

    /// `regions ES51 (Cataluña); sectors C29 (Manufacture of motor vehicles, …); reference ES5 (Este)`.
    static func describe(_ cluster: ClusterDefinition, names: [CodeName]) -> String {
        func named(_ codes: [String], _ dimension: String) -> String {
            codes.map { code in
                let name = names.first { $0.dimension == dimension && $0.code == code }?.name
                return code + (name.map { " (\($0))" } ?? "")
            }.joined(separator: ", ")
        }
        var parts = [
            "regions " + named(cluster.regions.codes.map(\.code), "geo"),
            "sectors " + named(cluster.sectors.codes.map(\.dottedNotation), "nace_r2"),
            "reference " + named([cluster.reference.code], "geo"),
        ]
        if !cluster.peers.isEmpty { parts.append("peers " + named(cluster.peers.map(\.code), "geo")) }
        return parts.joined(separator: "; ")
    }

    /// `{"clusters": [{"id", "name", "indicators": [{"id", "period", "headline", "value", "unit", "status",
    /// "flags", "reason", "sources", "seriesKeys", "memberCoverage"}]}]}`, every key always present (a
    /// missing value is `null`).
    static func json(_ result: IndicatorComputation.Result) throws -> String {
        let units = Dictionary(result.indicators.map { ($0.id, $0.unit) }, uniquingKeysWith: { first, _ in first })
        let output = Output(
            clusters: result.clusters.map { cluster in
                Output.Cluster(
                    id: cluster.id, name: cluster.name,
                    indicators: cluster.values.map { Output.Value(value: $0, unit: units[$0.indicator] ?? "") })
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return String(decoding: try encoder.encode(output), as: UTF8.self)
    }

    private struct Output: Encodable {
        struct Cluster: Encodable {
            var id: String
            var name: String
            var indicators: [Value]
        }

        struct Value: Encodable {
            var value: ReportValue
            var unit: String

            enum Key: String, CodingKey {
                case id, period, headline, value, unit, status, flags, reason, sources, seriesKeys, memberCoverage
            }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Key.self)
                try container.encode(value.indicator, forKey: .id)
                try container.encode(value.period?.lexical, forKey: .period)
                try container.encode(value.isHeadline, forKey: .headline)
                try container.encode(value.value, forKey: .value)
                try container.encode(unit, forKey: .unit)
                try container.encode(value.status.rawValue, forKey: .status)
                try container.encode(value.flags.map(\.rawValue), forKey: .flags)
                try container.encode(value.reason, forKey: .reason)
                try container.encode(value.sources.map(\.description), forKey: .sources)
                try container.encode(value.seriesKeys, forKey: .seriesKeys)
                try container.encode(value.memberCoverage, forKey: .memberCoverage)
            }
        }

        var clusters: [Cluster]
    }
}
