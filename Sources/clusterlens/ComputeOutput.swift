import ClusterLensCore
import ClusterLensReports
import ClusterLensSupport
import Foundation
import Synchronization

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
    /// missing value is `null`), keys sorted, indented by two spaces, written to standard output as
    /// it is made (no copy of the whole document in memory).
    static func writeJSON(_ result: IndicatorComputation.Result, to output: FileHandle = .standardOutput) {
        let units = Dictionary(result.indicators.map { ($0.id, $0.unit) }, uniquingKeysWith: { first, _ in first })
        var json = PrettyJSON()
        json.open("{")
        json.key("clusters", first: true)
        json.open("[")
        json.flush(to: output)
        // The clusters in chunks rendered on every core, a wave of chunks at a time, written in order: the
        // same bytes as one after another, in a few MB of memory whatever the number of clusters.
        let clusters = result.clusters
        let chunk = 256
        let chunks = (clusters.count + chunk - 1) / chunk
        let wave = ParallelChunks.cores * 2
        for waveStart in stride(from: 0, to: chunks, by: wave) {
            let rendered = ParallelChunks.map(count: min(wave, chunks - waveStart), minimumPerWorker: 1) { offsets in
                offsets.map { offset in
                    let start = (waveStart + offset) * chunk
                    var part = PrettyJSON(depth: 2)
                    for index in start..<min(start + chunk, clusters.count) {
                        Self.cluster(clusters[index], first: index == 0, units: units, to: &part)
                    }
                    return part.bytes
                }
            }
            for part in rendered.joined() { output.write(Data(part)) }
        }
        json.close("]", empty: result.clusters.isEmpty)
        json.close("}", empty: false)
        json.bytes.append(0x0A)
        json.flush(to: output)
    }

    /// One cluster of the JSON: its id, its indicator values and its name.
    private static func cluster(
        _ cluster: ReportCluster, first: Bool, units: [String: String], to json: inout PrettyJSON
    ) {
        json.item(first: first)
        json.open("{")
        json.key("id", first: true)
        json.string(cluster.id)
        json.key("indicators")
        json.open("[")
        for (position, value) in cluster.values.enumerated() {
            json.item(first: position == 0)
            Self.value(value, unit: units[value.indicator] ?? "", to: &json)
        }
        json.close("]", empty: cluster.values.isEmpty)
        json.key("name")
        json.string(cluster.name)
        json.close("}", empty: false)
    }

    private static func value(_ value: ReportValue, unit: String, to json: inout PrettyJSON) {
        json.open("{")
        json.key("flags", first: true)
        json.strings(value.flags.map(\.rawValue))
        json.key("headline")
        json.raw(value.isHeadline ? "true" : "false")
        json.key("id")
        json.string(value.indicator)
        json.key("memberCoverage")
        json.open("{")
        for (index, (input, coverage)) in value.memberCoverage.sorted(by: { $0.key < $1.key }).enumerated() {
            json.key(input, first: index == 0)
            json.number(coverage)
        }
        json.close("}", empty: value.memberCoverage.isEmpty)
        json.key("period")
        if let period = value.period { json.string(period.lexical) } else { json.raw("null") }
        json.key("reason")
        if let reason = value.reason { json.string(reason) } else { json.raw("null") }
        json.key("seriesKeys")
        json.strings(value.seriesKeys)
        json.key("sources")
        json.strings(value.sources.map(\.description))
        json.key("status")
        json.string(value.status.rawValue)
        json.key("unit")
        json.string(unit)
        json.key("value")
        if let number = value.value { json.number(number) } else { json.raw("null") }
        json.close("}", empty: false)
    }
}

/// JSON in the layout of Foundation's `JSONEncoder` with `.prettyPrinted` (two-space indent,
/// `"key" : value`, an empty array or object on three lines), built as bytes.
struct PrettyJSON {
    var bytes: [UInt8] = []
    private var depth: Int

    /// A document whose next element is `depth` levels down (0 for a whole document).
    init(depth: Int = 0) {
        self.depth = depth
    }

    mutating func open(_ bracket: Character) {
        bytes.append(UInt8(ascii: bracket.unicodeScalars.first ?? "{"))
        depth += 1
    }

    mutating func close(_ bracket: Character, empty: Bool) {
        depth -= 1
        bytes.append(0x0A)
        if empty { bytes.append(0x0A) }
        indent()
        bytes.append(UInt8(ascii: bracket.unicodeScalars.first ?? "}"))
    }

    /// Starts an element of an array.
    mutating func item(first: Bool) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        bytes.append(0x0A)
        indent()
    }

    mutating func key(_ name: String, first: Bool = false) {
        item(first: first)
        JSONText.appendString(name, to: &bytes)
        bytes.append(contentsOf: Self.keySeparator)
    }

    mutating func string(_ text: String) { JSONText.appendString(text, to: &bytes) }

    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    private static let keySeparator: [UInt8] = Array(" : ".utf8)

    /// A number as `JSONEncoder` writes a `Double`: integral values without a fraction.
    mutating func number(_ value: Double) {
        if value == value.rounded(), abs(value) < 1e15 {
            raw(String(Int64(value)))
        } else {
            raw("\(value)")
        }
    }

    mutating func strings(_ values: [String]) {
        open("[")
        for (index, value) in values.enumerated() {
            item(first: index == 0)
            string(value)
        }
        close("]", empty: values.isEmpty)
    }

    private mutating func indent() {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }

    /// Writes the bytes made so far and empties the buffer.
    mutating func flush(to output: FileHandle) {
        output.write(Data(bytes))
        bytes.removeAll(keepingCapacity: true)
    }
}
