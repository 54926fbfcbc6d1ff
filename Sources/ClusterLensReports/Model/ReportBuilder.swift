public import ClusterLensCore
public import ClusterLensIndicators
internal import ClusterLensScoring
internal import ClusterLensSupport

/// Builds the report model from a definition and loaded data: computes every indicator for every
/// cluster and period, scores and benchmarks the clusters, and records sources, methods and
/// diagnostics. Pure computation on data already in memory; ``ReportRunner`` does the reading,
/// fetching and writing around it.
public struct ReportBuilder: Sendable {
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
        for (position, selector) in definition.indicators.enumerated() {
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
                let place =
                    definition.locations.indicators.indices.contains(position)
                    ? definition.locations.indicators[position] : InputLocation(file: definition.file)
                let known = catalogue.indicators.map(\.definition.id)
                throw IndicatorsError(
                    .reportDefinition,
                    "indicators: \"\(selector)\" is not an indicator id, a pillar (economic, social, environmental), "
                        + "a transition tag (green, digital, resilience) or all"
                        + Suggestion.phrase(for: selector, among: known),
                    file: place.file, line: place.line, column: place.column)
            }
            wanted.formUnion(matches.map(\.definition.id))
        }
        return catalogue.indicators.filter { wanted.contains($0.definition.id) }
    }

    /// Loads statistics files into one store through the importer door, with the report's
    /// description of each.
    ///
    /// - Parameters:
    ///   - diagnostics: Receives what the importer notices about each file.
    ///   - progress: Receives how many files are read.
    /// - Throws: ``ClusterLensIndicators/IndicatorsError`` (`data`, with the importer's error under it)
    ///   naming the file that cannot be read.
    public static func load(
        _ files: [String], roles: DimensionRoles = .standard, totalSector: String? = nil,
        diagnostics: Diagnostics? = nil, progress: ReportProgress.Handler? = nil
    ) throws(IndicatorsError) -> LoadedData {
        var store = ObservationStore(roles: roles, totalSectorOverride: totalSector)
        var sources: [ReportSource] = []
        for (index, file) in files.enumerated() {
            progress?(ReportProgress(.reading, done: index, of: files.count))
            let summary = try store.load(file: file, diagnostics: diagnostics)
            sources.append(
                ReportSource(
                    file: FileFingerprint(summary.source), format: summary.source.format,
                    dataflows: summary.dataflows, observations: summary.observations))
        }
        return LoadedData(store: store, sources: sources, diagnostics: diagnostics?.all ?? [])
    }

    /// Statistics loaded once and shared by every report that reads the same files (a batch).
    public struct LoadedData: Sendable {
        /// The observations.
        public var store: ObservationStore
        /// The files, in load order.
        public var sources: [ReportSource]
        /// What the importer noticed while loading them (every report that uses the data records it).
        public var diagnostics: [Diagnostic]

        /// Creates loaded data.
        public init(store: ObservationStore, sources: [ReportSource], diagnostics: [Diagnostic] = []) {
            self.store = store
            self.sources = sources
            self.diagnostics = diagnostics
        }
    }

    /// A target must name an indicator the report computes, and a binding an input one of them reads:
    /// otherwise the slip would be silently ignored.
    ///
    /// - Throws: ``ClusterLensIndicators/IndicatorsError`` (`reportDefinition`) at the name's line and
    ///   column, with the nearest valid name.
    func checkNames(_ definition: ReportDefinition, selected: [any Indicator]) throws(IndicatorsError) {
        let computed = selected.map(\.definition.id)
        for (position, target) in definition.targets.enumerated() where !computed.contains(target.indicator) {
            let place =
                definition.locations.targets.indices.contains(position)
                ? definition.locations.targets[position] : InputLocation(file: definition.file)
            let message =
                catalogue.indicator(target.indicator) == nil
                ? "targets: no indicator \"\(target.indicator)\""
                    + Suggestion.phrase(for: target.indicator, among: computed)
                : "targets: \"\(target.indicator)\" is not among the report's indicators (add it to indicators:)"
            throw IndicatorsError(
                .reportDefinition, message, file: place.file, line: place.line, column: place.column)
        }
        let inputs = Set(selected.flatMap { $0.definition.inputs.map(\.name) })
        for name in definition.bindings.keys.sorted() where !inputs.contains(name) {
            let place = definition.locations.bindings[name] ?? InputLocation(file: definition.file)
            throw IndicatorsError(
                .reportDefinition,
                "bindings: no indicator of the report has an input \"\(name)\""
                    + Suggestion.phrase(for: name, among: inputs),
                file: place.file, line: place.line, column: place.column)
        }
    }

    /// Loads the definition's data files and builds the model.
    ///
    /// - Throws: See ``load(_:roles:totalSector:diagnostics:)`` and
    ///   ``build(_:data:definitionFile:generatedAt:diagnostics:)``.
    public func build(
        _ definition: ReportDefinition, definitionFile: FileFingerprint? = nil, generatedAt: Timestamp = .now(),
        diagnostics: Diagnostics = Diagnostics()
    ) throws -> ReportModel {
        let data = try Self.load(
            definition.dataFiles, roles: definition.roles, totalSector: definition.totalSector, diagnostics: diagnostics
        )
        return try build(
            definition, data: data, definitionFile: definitionFile, generatedAt: generatedAt, diagnostics: diagnostics)
    }

    /// Builds the model from statistics already loaded (the definition's `dataFiles`).
    ///
    /// - Parameters:
    ///   - definition: The report definition.
    ///   - data: The loaded statistics.
    ///   - definitionFile: The definition file and its SHA-256, when read from one.
    ///   - generatedAt: The generation time to record.
    ///   - diagnostics: The run's diagnostics channel: the data's diagnostics are added to it, and every
    ///     stage reports to it; the model records them all.
    ///   - progress: Receives how many clusters are computed, then the scoring stage.
    /// - Throws: ``ClusterLensIndicators/IndicatorsError`` for member surveys and selectors that cannot
    ///   be read, ``ReportError`` (`scoring`) when the composite step refuses the settings for these data.
    public func build(
        _ definition: ReportDefinition, data: LoadedData, definitionFile: FileFingerprint?, generatedAt: Timestamp,
        diagnostics: Diagnostics = Diagnostics(), progress: ReportProgress.Handler? = nil
    ) throws -> ReportModel {
        diagnostics.report(data.diagnostics)
        let selected = try indicators(for: definition)
        try checkNames(definition, selected: selected)
        var engine = IndicatorEngine(store: data.store)
        engine.bindings = definition.bindings
        try engine.loadSurveys(for: definition.clusters)
        let clusters = Self.clusters(
            definition.clusters, indicators: selected, engine: engine, periods: definition.periods,
            diagnostics: diagnostics, progress: progress)
        progress?(ReportProgress(.scoring, done: 0, of: 1))
        try Self.checkCoverage(clusters, periods: definition.periods, file: definition.file, diagnostics: diagnostics)
        var model = ReportModel(
            id: definition.id, title: definition.title, definition: definitionFile, toolVersion: toolVersion,
            generatedAt: generatedAt, sources: data.sources,
            indicators: selected.map { ReportIndicator($0.definition) },
            clusters: clusters, methods: Self.methods(definition))
        try ReportScoring.score(
            &model, definitions: selected.map(\.definition), settings: definition.composite, scope: definition.scoring,
            uncertainty: definition.uncertainty, targets: definition.targets, file: definition.file,
            diagnostics: diagnostics)
        ReportBenchmarking.benchmark(&model)
        ReportBenchmarking.progress(&model, targets: definition.targets, definitions: selected.map(\.definition))
        model.codeNames = CodeName.of(definition.clusters, in: Classifications.bundled)
        model.targets = definition.targets
        model.decimals = definition.decimals
        MethodsInPlainWords.annotate(&model, definition: definition)
        try addSharedValue(to: &model, definition: definition, engine: engine, diagnostics: diagnostics)
        model.diagnostics = diagnostics.all
        return model
    }

    /// The values of one indicator for one cluster: one per period asked, the headline marked; what
    /// the results leave out (a cluster sector without data) goes to `diagnostics`.
    static func values(
        of indicator: any Indicator, for cluster: ClusterDefinition, engine: IndicatorEngine,
        periods: ReportDefinition.Periods, diagnostics: Diagnostics
    ) -> [ReportValue] {
        let results: [IndicatorResult]
        var headline: Int?
        switch periods {
        case .latest:
            results = [engine.compute(indicator, for: cluster, period: nil)]
        case .period(let period):
            results = [engine.compute(indicator, for: cluster, period: period)]
        case .years(let years):
            results = years.compactMap { year in
                (try? TimePeriod(String(year))).map { engine.compute(indicator, for: cluster, period: $0) }
            }
            headline = results.lastIndex { !$0.value.isMissing }
        }
        for result in results { Self.report(result, for: cluster, to: diagnostics) }
        let chosen = headline ?? results.indices.last
        return results.enumerated().map { index, result in ReportValue(result, isHeadline: index == chosen) }
    }

    /// Warns once per cluster, dataflow and sector about a cluster sector the data hold nothing for:
    /// the values read from that dataflow cover the other sectors only (flagged `incomplete`).
    static func report(_ result: IndicatorResult, for cluster: ClusterDefinition, to diagnostics: Diagnostics) {
        for provenance in result.provenance {
            // Only the cluster's own sectors: a structure index over every division of the region flags
            // its own gaps (`incomplete`) without naming them as the cluster's.
            for sector in provenance.absentSectors where cluster.sectors.codes.contains(sector) {
                diagnostics.report(
                    .warning(
                        .indicators, code: "sector-without-data",
                        "sector \(sector.dottedNotation) has no observation in \(provenance.dataflow): values read from "
                            + "it cover the cluster's other sectors only (flagged incomplete)",
                        cluster: cluster.id))
            }
        }
    }

    /// A report where nothing could be computed is an error; a year asked for in which no cluster has
    /// any value is a warning.
    ///
    /// - Throws: ``ReportError`` (`noData`) naming the definition when every value is missing.
    static func checkCoverage(
        _ clusters: [ReportCluster], periods: ReportDefinition.Periods, file: String, diagnostics: Diagnostics
    ) throws(ReportError) {
        let values = clusters.flatMap(\.values)
        guard values.contains(where: { $0.value != nil }) else {
            let indicators = Set(values.map(\.indicator)).count
            throw ReportError(
                .noData,
                "nothing could be computed: all \(values.count) values of \(clusters.count) cluster(s) × "
                    + "\(indicators) indicator(s) for \(periods) are missing (check data:, periods: and the clusters' "
                    + "regions and sectors)",
                file: file)
        }
        guard case .years(let years) = periods else { return }
        let served = Set(values.compactMap { $0.value == nil ? nil : $0.period?.calendarYear })
        for year in years where !served.contains(year) {
            diagnostics.report(
                .warning(
                    .report, code: "period-without-data",
                    "no indicator has a value in \(year) for any cluster: the data end earlier or start later",
                    location: InputLocation(file: file)))
        }
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
