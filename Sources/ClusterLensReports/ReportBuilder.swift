public import ClusterLensCore
public import ClusterLensIndicators

/// Builds the report model from a definition: loads the data once, computes every indicator for
/// every cluster and period, and records sources and methods.
public struct ReportBuilder {
    /// The indicators available (compiled, bundled files and the definition's folders).
    public var catalogue: IndicatorCatalogue
    /// The tool version recorded in the report.
    public var toolVersion: String

    /// Creates a builder.
    public init(catalogue: IndicatorCatalogue, toolVersion: String) {
        self.catalogue = catalogue
        self.toolVersion = toolVersion
    }

    /// The indicators a definition selects: `all`, ids, pillar names and transition tags, in
    /// catalogue order, each once.
    ///
    /// - Throws: ``ClusterLensIndicators/IndicatorsError`` (`reportDefinition`) for a selector that
    ///   is none of these.
    public func indicators(for definition: ReportDefinition) throws(IndicatorsError) -> [any Indicator] {
        var wanted: Set<String> = []
        for selector in definition.indicators {
            let matches: [any Indicator]
            if selector == "all" {
                matches = catalogue.indicators
            } else if let pillar = Pillar(rawValue: selector) {
                matches = catalogue.indicators.filter { $0.definition.pillar == pillar }
            } else if let tag = TransitionTag(rawValue: selector) {
                matches = catalogue.indicators.filter { $0.definition.tags.contains(tag) }
            } else if let indicator = catalogue.indicator(selector) {
                matches = [indicator]
            } else {
                throw IndicatorsError(
                    .reportDefinition,
                    "indicators: \"\(selector)\" is not an indicator id, a pillar (economic, social, environmental), "
                        + "a transition tag (green, digital, resilience) or all",
                    file: definition.file)
            }
            wanted.formUnion(matches.map(\.definition.id))
        }
        return catalogue.indicators.filter { wanted.contains($0.definition.id) }
    }

    /// Builds the model.
    ///
    /// - Parameters:
    ///   - definition: The report definition.
    ///   - definitionSHA256: The SHA-256 of the definition file, when read from one.
    ///   - generatedAt: The generation time to record (ISO 8601 UTC).
    /// - Throws: ``ClusterLensIndicators/IndicatorsError`` for unreadable data files, member surveys or
    ///   selectors, and composite settings the data cannot take (`compositeSettings`).
    public func build(
        _ definition: ReportDefinition, definitionSHA256: String?, generatedAt: String
    ) throws(IndicatorsError) -> ReportModel {
        let data = try Self.load(definition.dataFiles, roles: definition.roles, totalSector: definition.totalSector)
        return try build(
            definition, data: data, definitionSHA256: definitionSHA256, generatedAt: generatedAt)
    }

    /// Loads statistics files into one store, with the report's description of each.
    ///
    /// - Throws: ``ClusterLensIndicators/IndicatorsError`` naming an unreadable file.
    public static func load(
        _ files: [String], roles: DimensionRoles = .standard, totalSector: String = "TOTAL"
    ) throws(IndicatorsError) -> LoadedData {
        var store = ObservationStore(roles: roles, totalSectorCode: totalSector)
        var sources: [ReportSource] = []
        for file in files {
            let summary = try store.load(file: file)
            sources.append(
                ReportSource(
                    file: FileFingerprint(path: file, sha256: summary.source.sha256),
                    format: summary.source.format.rawValue, dataflows: summary.dataflows,
                    observations: summary.observations))
        }
        return LoadedData(store: store, sources: sources)
    }

    /// Statistics loaded once and shared by every report that reads the same files (a batch).
    public struct LoadedData: Sendable {
        /// The observations.
        public var store: ObservationStore
        /// The files, in load order.
        public var sources: [ReportSource]
    }

    /// Builds the model from statistics already loaded (the definition's `dataFiles`).
    public func build(
        _ definition: ReportDefinition, data: LoadedData, definitionSHA256: String?, generatedAt: String
    ) throws(IndicatorsError) -> ReportModel {
        let selected = try indicators(for: definition)
        let sources = data.sources
        var engine = IndicatorEngine(store: data.store)
        engine.bindings = definition.bindings
        try engine.loadSurveys(for: definition.clusters)
        let clusters = definition.clusters.map { cluster in
            ReportCluster(
                id: cluster.id, name: cluster.name, regions: cluster.regions.codes.map(\.code),
                sectors: cluster.sectors.codes.map(\.dottedNotation), reference: cluster.reference.code,
                peers: cluster.peers.map(\.code), members: cluster.membersPath,
                values: selected.flatMap { values(of: $0, for: cluster, engine: engine, periods: definition.periods) })
        }
        var model = ReportModel(
            id: definition.id, title: definition.title,
            definition: definitionSHA256.map { FileFingerprint(path: definition.file, sha256: $0) },
            toolVersion: toolVersion, generatedAt: generatedAt, sources: sources,
            indicators: selected.map { Self.describe($0.definition) }, clusters: clusters,
            methods: Self.methods(definition))
        try ReportScoring.score(
            &model, definitions: selected.map(\.definition), settings: definition.composite,
            uncertainty: definition.uncertainty, targets: definition.targets, file: definition.file)
        ReportBenchmarking.benchmark(&model)
        ReportBenchmarking.progress(&model, targets: definition.targets, definitions: selected.map(\.definition))
        return model
    }

    /// The values of one indicator for one cluster: one per period asked, the headline marked.
    func values(
        of indicator: any Indicator, for cluster: ClusterDefinition, engine: IndicatorEngine,
        periods: ReportDefinition.Periods
    ) -> [ReportValue] {
        switch periods {
        case .latest:
            return [Self.value(engine.compute(indicator, for: cluster, period: nil), isHeadline: true)]
        case .period(let period):
            return [Self.value(engine.compute(indicator, for: cluster, period: period), isHeadline: true)]
        case .years(let years):
            let results = years.compactMap { year in
                (try? TimePeriod(String(year))).map { engine.compute(indicator, for: cluster, period: $0) }
            }
            let headline = results.lastIndex { !$0.value.isMissing } ?? results.indices.last
            return results.enumerated().map { index, result in Self.value(result, isHeadline: index == headline) }
        }
    }

    /// A report value from an engine result.
    static func value(_ result: IndicatorResult, isHeadline: Bool) -> ReportValue {
        let sources = Set(result.provenance.flatMap { $0.sources.map { "\($0.path) sha256:\($0.sha256)" } })
        return ReportValue(
            indicator: result.indicator.id, period: result.period?.lexical, value: result.value.number,
            status: result.status.rawValue, flags: result.value.flags.sorted(), reason: result.value.missingReason,
            isHeadline: isHeadline, sources: sources.sorted(),
            seriesKeys: Set(result.provenance.flatMap(\.seriesKeys)).sorted(),
            periods: Set(result.provenance.flatMap { $0.periods.map(\.lexical) }).sorted(),
            memberCoverage: result.memberCoverage)
    }

    /// The report's description of an indicator.
    static func describe(_ definition: IndicatorDefinition) -> ReportIndicator {
        ReportIndicator(
            id: definition.id, name: definition.name, description: definition.description,
            pillar: definition.pillar.rawValue, tags: definition.tags.map(\.rawValue), unit: definition.unit,
            direction: definition.direction.rawValue, method: definition.method,
            sources: definition.inputs.flatMap { $0.bindings.map(\.summary) }, references: definition.references)
    }

    /// The methods section: how values were computed and which periods were asked.
    static func methods(_ definition: ReportDefinition) -> [ReportMethod] {
        let periods: String
        switch definition.periods {
        case .latest: periods = "each indicator's latest period with a value (up to ten periods tried)"
        case .period(let period): periods = "the period \(period.lexical)"
        case .years(let years):
            periods = "the years \(years.lowerBound)–\(years.upperBound); the headline value is the latest with a value"
        }
        return [
            ReportMethod(name: "periods", description: periods),
            ReportMethod(
                name: "aggregation",
                description:
                    "cluster values are sums over the cluster's sectors and regions, each employee counted once "
                    + "(the coarsest code the data holds); rates are computed from summed numerators and "
                    + "denominators, never averaged; a published rate is read for one region only"),
            ReportMethod(
                name: "missing values",
                description:
                    "a missing, suppressed or confidential input gives a missing value with its reason and flags, "
                    + "never zero; flags of inputs (e, p, c, b, u, modelled) are carried to every value computed "
                    + "from them"),
        ]
    }
}
