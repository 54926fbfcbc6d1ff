public import ClusterLensCore
public import ClusterLensIndicators
internal import ClusterLensSupport
internal import Foundation

/// A first report for a new user (`clusterlens init`): one cluster (regions, sectors, reference area,
/// peers, an optional member survey), the years and the policy targets, written as a cluster file
/// and a report definition whose `data:` lists the Eurostat feeds the indicators bind to, so that
/// `clusterlens report` fetches them into the cache and runs.
///
/// ```swift
/// var starter = ReportStarter(regions: ["ES51"], sectors: ["C29"])
/// starter.targets = ["renewable_energy_share=42.5@2030"]
/// let files = try starter.write(to: "my-report", catalogue: .standard())
/// ```
public struct ReportStarter: Sendable {
    /// The report and cluster id; derived from the regions and sectors when empty (`es51-c29`).
    public var id = ""
    /// The cluster's name; derived from the first region's name and the sectors when empty.
    public var name = ""
    /// NUTS codes of the cluster's regions (any level).
    public var regions: [String]
    /// NACE Rev. 2 codes of its sectors.
    public var sectors: [String]
    /// The reference area of location quotients (`EU27_2020` by default).
    public var reference = "EU27_2020"
    /// Peer regions (optional).
    public var peers: [String] = []
    /// A member-survey file, relative to the folder written (optional).
    public var members: String?
    /// Targets as `indicator=value@year` (a target) or `indicator` (the trend only).
    public var targets: [String] = []
    /// The first and last year of the report.
    public var years: ClosedRange<Int>

    /// A starter for `regions` and `sectors`, over the ten years up to `lastYear` (by default the
    /// year before this one).
    public init(regions: [String], sectors: [String], lastYear: Int? = nil) {
        self.regions = regions
        self.sectors = sectors
        let year = lastYear ?? (Int(Timestamp.now().iso8601.prefix(4)) ?? 2025) - 1
        years = (year - 9)...year
    }

    /// The cluster this starter describes, with its codes checked and its id and name filled in.
    ///
    /// - Throws: ``ReportError`` (`starter`) naming the code that is not a NUTS or NACE code.
    public func cluster() throws(ReportError) -> ClusterDefinition {
        guard !regions.isEmpty else { throw ReportError(.starter, "a cluster needs at least one region (NUTS code)") }
        guard !sectors.isEmpty else { throw ReportError(.starter, "a cluster needs at least one sector (NACE code)") }
        let nuts = Classifications.bundled.regions
        if !nuts.isEmpty {
            for code in regions + peers where !nuts.contains(code) && (try? NUTSCode(code)) != nil {
                throw ReportError(
                    .starter,
                    "\(code) is not a region of NUTS 2016, 2021 or 2024 (Indicators/classifications lists them)")
            }
        }
        do {
            let regionSet = try RegionSet(parsing: regions)
            let sectorSet = try SectorSet(parsing: sectors)
            let reference = try NUTSCode(self.reference)
            let peers = try self.peers.map { code throws(CoreError) in try NUTSCode(code) }
            let id = self.id.isEmpty ? Self.slug((regions + sectors).joined(separator: "-")) : self.id
            return ClusterDefinition(
                id: id, name: name.isEmpty ? defaultName : name, regions: regionSet, sectors: sectorSet,
                reference: reference, peers: peers, membersPath: members)
        } catch {
            throw ReportError(.starter, error.message, underlying: error)
        }
    }

    /// `Cataluña C29`: the first region's name (or code) and the sector codes.
    var defaultName: String {
        let first = regions.first ?? ""
        let place = Classifications.bundled.regions.name(of: first) ?? first
        return place + (regions.count > 1 ? " and \(regions.count - 1) more" : "") + " "
            + sectors.joined(separator: ", ")
    }

    /// The targets, read and checked against the catalogue: `(indicator, value, year)`, value and year
    /// `nil` for a trend.
    ///
    /// - Throws: ``ReportError`` (`starter`) for a target that does not read or an unknown indicator
    ///   (with the nearest id).
    public func parsedTargets(in catalogue: IndicatorCatalogue) throws(ReportError) -> [(
        indicator: String, value: Double?, year: Int?
    )] {
        try targets.map { text throws(ReportError) in
            let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let indicator = parts[0]
            guard catalogue.indicator(indicator) != nil else {
                let known = catalogue.indicators.map(\.definition.id)
                throw ReportError(
                    .starter,
                    "target \"\(text)\": no indicator \"\(indicator)\""
                        + Suggestion.phrase(for: indicator, among: known))
            }
            guard parts.count == 2 else { return (indicator, nil, nil) }
            let valueAndYear = parts[1].split(separator: "@").map(String.init)
            guard valueAndYear.count == 2, let value = Double(valueAndYear[0]), let year = Int(valueAndYear[1]) else {
                throw ReportError(
                    .starter,
                    "target \"\(text)\" is not INDICATOR=VALUE@YEAR (renewable_energy_share=42.5@2030) or INDICATOR")
            }
            return (indicator, value, year)
        }
    }

    /// The Eurostat feeds the catalogue's indicators bind to (every dataflow of every binding, member
    /// surveys aside), each from the report's first year: `estat:sbs_r_nuts2021?startPeriod=2015`.
    public func feeds(in catalogue: IndicatorCatalogue) -> [String] {
        var dataflows: [String] = []
        for indicator in catalogue.indicators {
            for input in indicator.definition.inputs {
                for binding in input.bindings {
                    if let dataflow = binding.dataflow, !dataflows.contains(dataflow) { dataflows.append(dataflow) }
                }
            }
        }
        return dataflows.sorted().map { "estat:\($0)?startPeriod=\(years.lowerBound)" }
    }

    /// The cluster file's text.
    public func clusterFile() throws(ReportError) -> String {
        let cluster = try cluster()
        let names = Classifications.bundled
        func codes(_ values: [String], named: (String) -> String?) -> String {
            "[" + values.joined(separator: ", ") + "]"
                + (values.compactMap(named).isEmpty
                    ? ""
                    : "   # "
                        + values.compactMap { code in named(code).map { "\(code) \($0)" } }.joined(separator: "; "))
        }
        var text = """
            # The cluster of this report, written by `clusterlens init`. Edit it freely: regions are NUTS codes
            # (any level), sectors NACE Rev. 2 codes (a code covers its sub-codes), the reference area is the
            # one location quotients compare with, peers are regions to compare with.
            clusters:
              - id: \(Self.quoted(cluster.id))
                name: \(Self.quoted(cluster.name))
                regions: \(codes(regions, named: names.regions.name(of:)))
                sectors: \(codes(sectors, named: names.activities.name(of:)))
                reference: \(reference)

            """
        if !peers.isEmpty { text += "    peers: \(codes(peers, named: names.regions.name(of:)))\n" }
        if let members { text += "    members: \(Self.quoted(members))\n" }
        return text
    }

    /// The report definition's text, with `feeds` in `data:`.
    public func definitionFile(feeds: [String], catalogue: IndicatorCatalogue) throws(ReportError) -> String {
        let cluster = try cluster()
        var text = """
            # A report written by `clusterlens init`. Run it with
            #   clusterlens report report.yaml
            # The first run fetches the feeds below from Eurostat into the cache (~/.cache/clusterlens, or
            # $CLUSTERLENS_CACHE); `clusterlens fetch` refreshes them, `--offline` uses the cache only.
            id: \(Self.quoted(cluster.id))
            title: \(Self.quoted("\(cluster.name): triple bottom line"))
            clusters: clusters.yaml
            data:

            """
        for feed in feeds { text += "  - \(Self.quoted(feed))\n" }
        text += """
            indicators: [all]
            periods: \(years.lowerBound)-\(years.upperBound)
            decimals: auto              # CSV and HTML round for reading; JSON and XML keep full precision
            composite:
              scope: cluster            # rank on the cluster's own indicators; region and country shown apart

            """
        let targets = try parsedTargets(in: catalogue)
        if !targets.isEmpty {
            text += "targets:\n"
            for target in targets {
                if let value = target.value, let year = target.year {
                    let base = "base: \(years.lowerBound)"
                    text += "  - {indicator: \(target.indicator), value: \(ReportText.number(value) ?? ""), "
                    text += "year: \(year), \(base)}\n"
                } else {
                    text += "  - {indicator: \(target.indicator)}   # the trend, no target\n"
                }
            }
        }
        text += """
            outputs:
              formats: [html, xlsx, csv, json, xml]
              folder: out

            """
        return text
    }

    /// Writes `clusters.yaml` and `report.yaml` into `folder` (created if needed), each atomically.
    ///
    /// - Parameter overwrite: Whether existing files may be replaced.
    /// - Returns: The two paths.
    /// - Throws: ``ReportError`` — `starter` for a code, target or existing file, `output` when a file
    ///   cannot be written.
    public func write(to folder: String, catalogue: IndicatorCatalogue, overwrite: Bool = false) throws(ReportError)
        -> [String]
    {
        let clusters = (folder as NSString).appendingPathComponent("clusters.yaml")
        let report = (folder as NSString).appendingPathComponent("report.yaml")
        let texts = [
            (clusters, try clusterFile()),
            (report, try definitionFile(feeds: feeds(in: catalogue), catalogue: catalogue)),
        ]
        if !overwrite, let existing = [clusters, report].first(where: { FileManager.default.fileExists(atPath: $0) }) {
            throw ReportError(.starter, "exists; use --force to replace it", file: existing)
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw ReportError(.output, "cannot create the folder: \(error.localizedDescription)", file: folder)
        }
        for (path, text) in texts {
            try ReportOutputFile.write(path) { output in try output.write(text) }
        }
        return [clusters, report]
    }

    /// `es51-c29` from `ES51-C29`: lower case, letters, digits and hyphens.
    static func slug(_ text: String) -> String {
        String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }

    /// A YAML double-quoted scalar: a JSON string, which YAML 1.2 reads as one (a newline or another
    /// control character escaped, not folded into a space or left to break the file).
    static func quoted(_ text: String) -> String {
        var bytes: [UInt8] = []
        JSONText.appendString(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
