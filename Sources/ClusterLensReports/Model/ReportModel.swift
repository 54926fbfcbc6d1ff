public import ClusterLensCore
public import ClusterLensIndicators
public import ClusterLensScoring

/// A report: everything every output format shows, computed once (DESIGN.md, "Report model").
///
/// The model is typed all the way: periods are ``ClusterLensCore/TimePeriod``s, flags
/// ``ClusterLensCore/ValueFlag``s, sources ``FileFingerprint``s, progress an assessment result; each
/// exporter formats them, nothing is parsed back out of a string. The JSON form
/// (``ReportJSONWriter``) is what external exporter plug-ins receive on standard input and follows
/// `Reports/schema/clusterlens-report.schema.json`.
public struct ReportModel: Sendable {
    /// The report definition's id.
    public var id: String
    /// The title.
    public var title: String
    /// The definition file and its SHA-256 (`nil` for a report built in code).
    public var definition: FileFingerprint?
    /// The version of ClusterLens that built it.
    public var toolVersion: String
    /// When it was built.
    public var generatedAt: Timestamp
    /// The statistics files read.
    public var sources: [ReportSource]
    /// The indicators reported, in report order.
    public var indicators: [ReportIndicator]
    /// The clusters with their values and scores.
    public var clusters: [ReportCluster]
    /// The methods applied after the indicators (composite settings, benchmarks), as name and text.
    public var methods: [ReportMethod]
    /// What the run noticed that did not stop it (the data-quality section): warnings and notes
    /// from every stage, in the order reported.
    public var diagnostics: [Diagnostic]
    /// The names of the region and activity codes the report uses (clusters' regions, sectors,
    /// reference areas and peers), from the shipped classifications.
    public var codeNames: [CodeName] = []
    /// Which indicators the composite and the benchmarks ranked; the others are the clusters'
    /// context (their region and country), shown apart.
    public var scoring = ScoringScope()
    /// The policy targets the progress assessment used (`targets:`), in definition order.
    public var targets: [IndicatorTarget] = []
    /// The decimals CSV and HTML round numbers to for reading (`decimals:`); `nil` for the automatic
    /// rule (``ReadableNumber``). JSON and XML keep full precision.
    public var decimals: Int?
    /// The clusters' initiatives, their shared-value accounts and the recommendation scorecard; `nil`
    /// when no cluster names an initiative ledger.
    public var sharedValue: SharedValueReport?

    /// Creates a model.
    public init(
        id: String, title: String, definition: FileFingerprint?, toolVersion: String, generatedAt: Timestamp,
        sources: [ReportSource], indicators: [ReportIndicator], clusters: [ReportCluster], methods: [ReportMethod],
        diagnostics: [Diagnostic] = []
    ) {
        self.id = id
        self.title = title
        self.definition = definition
        self.toolVersion = toolVersion
        self.generatedAt = generatedAt
        self.sources = sources
        self.indicators = indicators
        self.clusters = clusters
        self.methods = methods
        self.diagnostics = diagnostics
    }

    /// The indicator described under `id`.
    public func indicator(_ id: String) -> ReportIndicator? {
        indicators.first { $0.id == id }
    }

    /// The indicators that describe the clusters themselves, or, with `scope: all`, every indicator:
    /// what the report's main tables show and rank.
    public var performanceIndicators: [ReportIndicator] {
        indicators.filter { scoring.indicators == .all || !$0.scope.isContext }
    }

    /// The indicators shown apart as the clusters' context (their region and country); empty with
    /// `scope: all`.
    public var contextIndicators: [ReportIndicator] {
        indicators.filter { scoring.indicators == .cluster && $0.scope.isContext }
    }
}

/// The name of a code the report uses: a NUTS region or a NACE activity.
public struct CodeName: Sendable, Hashable {
    /// `geo` for a region, `nace_r2` for an activity.
    public var dimension: String
    /// The code as the report writes it (`ES51`, `C29`).
    public var code: String
    /// Its name (`Cataluña`, `Manufacture of motor vehicles, trailers and semi-trailers`).
    public var name: String

    /// Creates an entry.
    public init(dimension: String, code: String, name: String) {
        self.dimension = dimension
        self.code = code
        self.name = name
    }

    /// The names of every region and sector of `clusters` that the classifications know, regions first,
    /// each once, in first-use order.
    public static func of(_ clusters: [ClusterDefinition], in classifications: Classifications) -> [CodeName] {
        var seen: Set<String> = []
        var result: [CodeName] = []
        for cluster in clusters {
            for region in cluster.regions.codes + [cluster.reference] + cluster.peers
            where seen.insert("geo:" + region.code).inserted {
                if let name = classifications.regions.name(of: region.code) {
                    result.append(CodeName(dimension: "geo", code: region.code, name: name))
                }
            }
        }
        for cluster in clusters {
            for sector in cluster.sectors.codes where seen.insert("nace_r2:" + sector.dottedNotation).inserted {
                if let name = classifications.activities.name(of: sector.code) {
                    result.append(CodeName(dimension: "nace_r2", code: sector.dottedNotation, name: name))
                }
            }
        }
        return result
    }
}

/// A file and its SHA-256.
public struct FileFingerprint: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The path as given.
    public var path: String
    /// The SHA-256 of its bytes, lower-case hex.
    public var sha256: String

    /// Creates a fingerprint.
    public init(path: String, sha256: String) {
        self.path = path
        self.sha256 = sha256
    }

    /// The fingerprint of a data file the store read.
    public init(_ source: DataSource) {
        self.init(path: source.path, sha256: source.sha256)
    }

    /// By path, then digest.
    public static func < (left: FileFingerprint, right: FileFingerprint) -> Bool {
        (left.path, left.sha256) < (right.path, right.sha256)
    }

    /// `path sha256:HEX`, the form the JSON, XML and CSV reports list a value's sources in.
    public var description: String { "\(path) sha256:\(sha256)" }
}

/// A statistics file the report read.
public struct ReportSource: Sendable, Equatable {
    /// The file and its SHA-256.
    public var file: FileFingerprint
    /// How it was read.
    public var format: DataSource.Format
    /// The dataflows it held.
    public var dataflows: [String]
    /// The observations read from it.
    public var observations: Int

    /// Creates a source.
    public init(file: FileFingerprint, format: DataSource.Format, dataflows: [String], observations: Int) {
        self.file = file
        self.format = format
        self.dataflows = dataflows
        self.observations = observations
    }
}

/// An indicator as the report describes it once.
public struct ReportIndicator: Sendable, Equatable {
    /// The id.
    public var id: String
    /// The name.
    public var name: String
    /// What it measures.
    public var description: String
    /// The pillar.
    public var pillar: Pillar
    /// What its values describe: the cluster, or its region or country (context).
    public var scope: IndicatorScope
    /// The transitions it informs.
    public var tags: [TransitionTag]
    /// The unit.
    public var unit: String
    /// Which way is better.
    public var direction: Direction
    /// The formula or method.
    public var method: String
    /// The bindings of its inputs, each input's alternatives in order of preference.
    public var bindings: [DataBinding]
    /// Methodological references.
    public var references: [String]

    /// The report's description of an indicator definition.
    public init(_ definition: IndicatorDefinition) {
        id = definition.id
        name = definition.name
        description = definition.description
        pillar = definition.pillar
        scope = definition.scope
        tags = definition.tags
        unit = definition.unit
        direction = definition.direction
        method = definition.method
        bindings = definition.inputs.flatMap(\.bindings)
        references = definition.references
    }
}

/// One cluster of the report.
public struct ReportCluster: Sendable {
    /// The cluster as defined: regions, sectors, reference area, peers, member survey.
    public var definition: ClusterDefinition
    /// Indicator values, per indicator and period (the headline value of each indicator has
    /// ``ReportValue/isHeadline``).
    public var values: [ReportValue]
    /// Pillar, transition and index scores.
    public var scores: [ReportScore] = []
    /// European Cluster Observatory stars (0–3) when computed.
    public var stars: Int?
    /// The U.S. Cluster Mapping class when computed.
    public var mappingClass: StrongClusterRule.Strength?
    /// The clusters with the most similar normalised profiles, nearest first.
    public var similar: [SimilarCluster] = []
    /// Indicator ids where the cluster scores best among the report's clusters.
    public var strengths: [String] = []
    /// Indicator ids where it scores worst.
    public var weaknesses: [String] = []
    /// Why the composite left the cluster out (too little data), `nil` when it was scored or no
    /// composite was computed.
    public var screenedOut: String?

    /// Creates a cluster entry.
    public init(definition: ClusterDefinition, values: [ReportValue]) {
        self.definition = definition
        self.values = values
    }

    /// The id.
    public var id: String { definition.id }
    /// The name.
    public var name: String { definition.name }

    /// The headline value of each indicator, in report order.
    public var headlines: [ReportValue] { values.filter(\.isHeadline) }

    /// The headline value of one indicator.
    public func headline(_ indicator: String) -> ReportValue? {
        values.first { $0.indicator == indicator && $0.isHeadline }
    }

    /// The score of one node (a pillar, a transition or the index).
    public func score(_ node: ScoreNode) -> ReportScore? {
        scores.first { $0.node == node }
    }
}

/// One indicator value of a cluster in one period.
public struct ReportValue: Sendable {
    /// The indicator id.
    public var indicator: String
    /// The period, `nil` when no input had data.
    public var period: TimePeriod?
    /// The value, `nil` when missing.
    public var value: Double?
    /// `ok`, `flagged` or `missing`.
    public var status: IndicatorResult.Status
    /// Flags of the value (input flags, `modelled`, `b`, `division_by_zero`, and the composite's), sorted.
    public var flags: [ValueFlag]
    /// Why the value is missing.
    public var reason: String?
    /// What a reader must know beside the value (a modelled value carries no regional information),
    /// `nil` when nothing.
    public var note: String?
    /// Whether this is the indicator's headline value (the latest period with a value, or the period asked).
    public var isHeadline: Bool
    /// The value with the indicator's direction applied (−value for lower-is-better), when scored.
    public var directionAdjusted: Double?
    /// The normalised score, when scored.
    public var score: Double?
    /// The rank among the report's clusters (1 = best), when ranked.
    public var rank: Int?
    /// The percentile rank among the report's clusters, 100 × (n − rank) / (n − 1) over the n
    /// clusters with a score (100 = best, 0 = last; 100 for a single one), when ranked.
    public var percentile: Double?
    /// The progress towards a target, when one is set.
    public var progress: ProgressAssessment.Result?
    /// The source files, with their SHA-256, sorted.
    public var sources: [FileFingerprint]
    /// The series keys read, sorted.
    public var seriesKeys: [String]
    /// The periods read, sorted.
    public var periods: [TimePeriod]
    /// Member-survey coverage by input (share of member employment that reported).
    public var memberCoverage: [String: Double]

    /// The report value of an engine result.
    ///
    /// - Parameters:
    ///   - result: What the engine computed.
    ///   - isHeadline: Whether this is the indicator's headline value.
    public init(_ result: IndicatorResult, isHeadline: Bool) {
        indicator = result.indicator.id
        period = result.period
        value = result.value.number
        status = result.status
        flags = result.value.flags.map(ValueFlag.init(rawValue:)).sorted()
        reason = result.value.missingReason
        if result.value.number != nil, flags.contains(.modelled) { note = Self.modelledNote }
        self.isHeadline = isHeadline
        sources = result.provenance.flatMap { $0.sources.map(FileFingerprint.init) }.distinct().sorted()
        seriesKeys = result.provenance.flatMap(\.seriesKeys).distinct().sorted()
        periods = result.provenance.flatMap(\.periods).distinct().sorted()
        memberCoverage = result.memberCoverage
    }

    /// The note beside a modelled value.
    public static let modelledNote =
        "modelled: national figures by industry weighted by the cluster's regional employment; it carries no "
        + "regional information (every cluster of these industries in the country gets the same figure per industry)"

    /// Adds a flag (kept sorted, each once).
    public mutating func flag(_ flag: ValueFlag) {
        guard !flags.contains(flag) else { return }
        flags.append(flag)
        flags.sort()
    }
}

/// A node of the composite hierarchy a cluster is scored on.
public enum ScoreNode: Sendable, Hashable {
    /// A pillar score.
    case pillar(Pillar)
    /// A transition score.
    case transition(TransitionTag)
    /// The overall index.
    case index
    /// The context score: the region and country indicators aggregated as the index is, never ranked.
    case context

    /// Every node, in report order: the index, the pillars, the transitions, the context.
    public static let all: [ScoreNode] =
        [.index] + Pillar.allCases.map { .pillar($0) } + TransitionTag.allCases.map { .transition($0) } + [.context]

    /// `pillar`, `transition`, `index` or `context`.
    public var kind: String {
        switch self {
        case .pillar: "pillar"
        case .transition: "transition"
        case .index: "index"
        case .context: "context"
        }
    }

    /// `economic`, `green`, …, `index` or `context`.
    public var id: String {
        switch self {
        case .pillar(let pillar): pillar.rawValue
        case .transition(let tag): tag.rawValue
        case .index: "index"
        case .context: "context"
        }
    }
}

/// A composite score of a cluster: a pillar, a transition or the overall index.
public struct ReportScore: Sendable, Equatable {
    /// The node scored.
    public var node: ScoreNode
    /// The score, `nil` when below the coverage threshold.
    public var value: Double?
    /// The share of the node's weight with data, 0–1.
    public var coverage: Double
    /// The rank among the report's clusters (1 = best); never for the context score.
    public var rank: Int?
    /// The share of the node's weight with data that rests on modelled values (downscaled national
    /// figures), 0–1; `nil` for transitions and the context score, and without data.
    public var modelledShare: Double?
    /// Uncertainty: median, 5th and 95th percentile of the score over the Monte Carlo runs.
    public var median: Double?
    /// 5th percentile.
    public var low: Double?
    /// 95th percentile.
    public var high: Double?
    /// Uncertainty of the rank: median, 5th and 95th percentile over the Monte Carlo runs.
    public var rankMedian: Double?
    /// 5th percentile of the rank.
    public var rankLow: Double?
    /// 95th percentile of the rank.
    public var rankHigh: Double?

    /// Creates a score.
    public init(node: ScoreNode, value: Double?, coverage: Double, rank: Int? = nil) {
        self.node = node
        self.value = value
        self.coverage = coverage
        self.rank = rank
    }
}

/// A method the report applied, for its methods section.
public struct ReportMethod: Sendable, Equatable {
    /// A short name (`normalisation`).
    public var name: String
    /// What was done, with its parameters.
    public var description: String
    /// The same for a policy reader, in plain words (the HTML report and the workbook show it, with
    /// ``description`` beside as the parameters); `nil` when none was written.
    public var plain: String?

    /// Creates a method entry.
    public init(name: String, description: String) {
        self.name = name
        self.description = description
    }
}

/// A cluster close to another on the normalised indicator profile.
public struct SimilarCluster: Sendable, Equatable {
    /// The other cluster's id.
    public var id: String
    /// The root mean squared difference of the normalised scores both have.
    public var distance: Double

    /// Creates an entry.
    public init(id: String, distance: Double) {
        self.id = id
        self.distance = distance
    }
}
