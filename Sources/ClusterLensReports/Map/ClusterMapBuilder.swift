public import ClusterLensCore
public import ClusterLensIndicators
internal import ClusterLensScoring
internal import ClusterLensSupport

/// Builds a ``ClusterMap``: the categories × every region of the data at one NUTS level, computed
/// with the report's engine (the same values as a report of those clusters), then stars and classes
/// per category over all its regions.
public struct ClusterMapBuilder: Sendable {
    /// The indicators available.
    public var catalogue: IndicatorCatalogue
    /// The indicators a map computes unless told otherwise: those the stars and classes need, and
    /// growth and unit size.
    public static let defaultIndicators = [
        "employment", "local_units", "location_quotient", "cluster_focus", "employment_cagr", "average_unit_size",
    ]

    /// Creates a builder.
    public init(catalogue: IndicatorCatalogue) {
        self.catalogue = catalogue
    }

    /// Builds the map.
    ///
    /// - Parameters:
    ///   - categories: The categories.
    ///   - data: The statistics.
    ///   - level: The NUTS level of the regions (0–3).
    ///   - indicatorIDs: The indicators to compute.
    ///   - period: The period, `nil` for each indicator's latest with a value.
    ///   - diagnostics: Receives what the run notices.
    /// - Throws: ``ClusterLensIndicators/IndicatorsError`` (`indicatorDefinition`) for an unknown
    ///   indicator id; ``ReportError`` (`noData`) when the data hold no region at that level.
    public func build(
        categories: [ClusterCategory], data: ReportBuilder.LoadedData, level: Int,
        indicatorIDs: [String] = ClusterMapBuilder.defaultIndicators, period: TimePeriod? = nil,
        generatedAt: Timestamp = .now(), diagnostics: Diagnostics = Diagnostics()
    ) throws -> ClusterMap {
        let known = catalogue.indicators.map(\.definition.id)
        let selected = try indicatorIDs.map { id throws(IndicatorsError) -> any Indicator in
            guard let indicator = catalogue.indicator(id) else {
                throw IndicatorsError(
                    .indicatorDefinition, "no indicator \"\(id)\"\(Suggestion.phrase(for: id, among: known))")
            }
            return indicator
        }
        let definitions = selected.map { $0.definition }
        let regions = Self.regions(of: data.store, indicators: definitions, level: level)
        guard !regions.isEmpty else {
            throw ReportError(
                .noData,
                "no region at NUTS level \(level) in the data the indicators read "
                    + "(\(Set(definitions.flatMap { $0.dataflows }).sorted().joined(separator: ", ")))")
        }
        var clusters: [ClusterDefinition] = []
        clusters.reserveCapacity(regions.count * categories.count)
        for region in regions {
            for category in categories {
                clusters.append(
                    ClusterDefinition(
                        id: "\(region.code.code)-\(category.id)",
                        name: "\(category.name), \(region.name ?? region.code.code)",
                        regions: RegionSet([region.code]), sectors: category.sectors, reference: region.country))
            }
        }
        let local = Diagnostics()
        local.report(data.diagnostics)
        let computed = ReportBuilder.clusters(
            clusters, indicators: selected, engine: IndicatorEngine(store: data.store),
            periods: period.map { .period($0) } ?? .latest, diagnostics: local)
        var entries = computed.enumerated().map { index, cluster in
            ClusterMap.Entry(
                region: index / categories.count, category: index % categories.count, values: cluster.values,
                stars: nil, mappingClass: nil)
        }
        var thresholds: [ClusterMap.Thresholds] = []
        for category in categories.indices {
            let positions = Array(stride(from: category, to: computed.count, by: categories.count))
            let members = positions.map { computed[$0] }
            let (stars, classes) = ReportBenchmarking.starsAndClasses(of: members)
            for position in positions {
                entries[position].stars = stars[computed[position].id] ?? nil
                entries[position].mappingClass = classes[computed[position].id]
            }
            thresholds.append(Self.thresholds(of: members))
        }
        diagnostics.report(Self.collapsed(local.all))
        return ClusterMap(
            level: level, toolVersion: ClusterLensVersion.current, generatedAt: generatedAt, sources: data.sources,
            indicators: selected.map { ReportIndicator($0.definition) }, categories: categories,
            thresholds: thresholds, regions: regions, entries: entries, diagnostics: diagnostics.all,
            methods: Self.methods(level: level, regions: regions.count, categories: categories.count))
    }

    /// The regions at `level` of the dataflows the indicators read, extra-regio codes (`ESZZ`) left out.
    static func regions(of store: ObservationStore, indicators: [IndicatorDefinition], level: Int) -> [ClusterMap
        .Region]
    {
        var codes: Set<NUTSCode> = []
        for dataflow in Set(indicators.flatMap(\.dataflows)) {
            for region in store.regions(dataflow: dataflow)
            where region.level == level && !(level > 0 && region.code.hasSuffix("Z")) {
                codes.insert(region)
            }
        }
        let names = Classifications.bundled.regions
        return codes.sorted().compactMap { code in
            code.country.map { ClusterMap.Region(code: code, name: names.name(of: code.code), country: $0) }
        }
    }

    /// The percentiles a category's stars and classes are measured against.
    static func thresholds(of clusters: [ReportCluster]) -> ClusterMap.Thresholds {
        func values(_ id: String) -> [Double] { clusters.compactMap { $0.headline(id)?.value } }
        let employment = values("employment")
        let quotient = values("location_quotient")
        return ClusterMap.Thresholds(
            regionsWithData: employment.count, employmentP90: PeerBenchmarks.quantile(employment, 0.9),
            employmentP25: PeerBenchmarks.quantile(employment.filter { $0 > 0 }, 0.25),
            focusP90: PeerBenchmarks.quantile(values("cluster_focus"), 0.9),
            quotientP25: PeerBenchmarks.quantile(quotient, 0.25), quotientP50: PeerBenchmarks.quantile(quotient, 0.5),
            quotientP75: PeerBenchmarks.quantile(quotient, 0.75), quotientP90: PeerBenchmarks.quantile(quotient, 0.9),
            localUnitsP25: PeerBenchmarks.quantile(values("local_units"), 0.25))
    }

    /// The same notice for many clusters (a category's sector without data in every region) once,
    /// with the number of clusters and the first few.
    static func collapsed(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var order: [String] = []
        var groups: [String: (first: Diagnostic, clusters: [String])] = [:]
        for diagnostic in diagnostics {
            let key =
                "\(diagnostic.severity.rawValue)|\(diagnostic.code)|\(diagnostic.indicator ?? "")|\(diagnostic.message)"
            if groups[key] == nil {
                order.append(key)
                groups[key] = (diagnostic, [])
            }
            if let cluster = diagnostic.cluster { groups[key]?.clusters.append(cluster) }
        }
        return order.compactMap { key in
            guard let group = groups[key] else { return nil }
            var diagnostic = group.first
            let clusters = group.clusters
            if clusters.count > 1 {
                let shown = clusters.prefix(3).joined(separator: ", ")
                diagnostic.message += " (\(clusters.count) clusters: \(shown)\(clusters.count > 3 ? ", …" : ""))"
                diagnostic.cluster = nil
            }
            return diagnostic
        }
    }

    static func methods(level: Int, regions: Int, categories: Int) -> [ReportMethod] {
        [
            ReportMethod(
                name: "map",
                description:
                    "\(categories) categories in each of the \(regions) NUTS \(level) regions of the data; each "
                    + "cluster's reference area is its region's country; values are each indicator's latest "
                    + "period with a value unless a period is given"),
            ReportMethod(
                name: "benchmarks",
                description:
                    "per category, over all its regions (percentiles by linear interpolation, type 7): European "
                    + "Cluster Observatory stars (2008 preset): employment ≥ P90, location quotient ≥ 2, focus ≥ "
                    + "P90; U.S. Cluster Mapping classes over regions with employment > 0: strong10 LQ ≥ P90, "
                    + "strong LQ ≥ P75 and ≥ 1, significant LQ > P50, qualifying LQ > P25, each with employment "
                    + "and local units above P25"),
        ]
    }
}
