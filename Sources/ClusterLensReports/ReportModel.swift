internal import ClusterLensCore

/// A report: everything every output format shows, computed once (DESIGN.md, "Report model").
///
/// Each exporter is a view of this model; the JSON form (``ReportJSONWriter``) is what external
/// exporter plug-ins receive on standard input and follows `Reports/schema/clusterlens-report.schema.json`.
public struct ReportModel: Sendable {
    /// The report definition's id.
    public var id: String
    /// The title.
    public var title: String
    /// The definition file and its SHA-256 (`nil` for a report built in code).
    public var definition: FileFingerprint?
    /// The version of ClusterLens that built it.
    public var toolVersion: String
    /// When it was built, ISO 8601 UTC (`2026-11-25T07:30:00Z`).
    public var generatedAt: String
    /// The statistics files read.
    public var sources: [ReportSource]
    /// The indicators reported, in report order.
    public var indicators: [ReportIndicator]
    /// The clusters with their values and scores.
    public var clusters: [ReportCluster]
    /// The methods applied after the indicators (composite settings, benchmarks), as name and text.
    public var methods: [ReportMethod]

    /// Creates a model.
    public init(
        id: String, title: String, definition: FileFingerprint?, toolVersion: String, generatedAt: String,
        sources: [ReportSource], indicators: [ReportIndicator], clusters: [ReportCluster], methods: [ReportMethod]
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
    }
}

/// A file and its SHA-256.
public struct FileFingerprint: Sendable, Equatable {
    /// The path as given.
    public var path: String
    /// The SHA-256 of its bytes, lower-case hex.
    public var sha256: String

    /// Creates a fingerprint.
    public init(path: String, sha256: String) {
        self.path = path
        self.sha256 = sha256
    }
}

/// A statistics file the report read.
public struct ReportSource: Sendable, Equatable {
    /// The file and its SHA-256.
    public var file: FileFingerprint
    /// `sdmx-ml`, `sdmx-csv` or `csv`.
    public var format: String
    /// The dataflows it held.
    public var dataflows: [String]
    /// The observations read from it.
    public var observations: Int

    /// Creates a source.
    public init(file: FileFingerprint, format: String, dataflows: [String], observations: Int) {
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
    /// `economic`, `social` or `environmental`.
    public var pillar: String
    /// `green`, `digital`, `resilience`.
    public var tags: [String]
    /// The unit.
    public var unit: String
    /// `higher`, `lower` or `none`.
    public var direction: String
    /// The formula or method.
    public var method: String
    /// The bindings of its inputs.
    public var sources: [String]
    /// Methodological references.
    public var references: [String]

    /// Creates an indicator description.
    public init(
        id: String, name: String, description: String, pillar: String, tags: [String], unit: String,
        direction: String, method: String, sources: [String], references: [String]
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.pillar = pillar
        self.tags = tags
        self.unit = unit
        self.direction = direction
        self.method = method
        self.sources = sources
        self.references = references
    }
}

/// One cluster of the report.
public struct ReportCluster: Sendable {
    /// The id.
    public var id: String
    /// The name.
    public var name: String
    /// NUTS codes.
    public var regions: [String]
    /// NACE codes.
    public var sectors: [String]
    /// The reference area.
    public var reference: String
    /// Peer regions.
    public var peers: [String]
    /// The member survey file, if any.
    public var members: String?
    /// Indicator values, per indicator and period (the headline value of each indicator has
    /// ``ReportValue/isHeadline``).
    public var values: [ReportValue]
    /// Pillar, transition and index scores.
    public var scores: [ReportScore]
    /// European Cluster Observatory stars (0–3) when computed.
    public var stars: Int?
    /// The U.S. Cluster Mapping class (`strong10`, `strong`, `significant`, `qualifying` or `none`) when computed.
    public var mappingClass: String?
    /// The clusters with the most similar normalised profiles, nearest first.
    public var similar: [SimilarCluster] = []
    /// Indicator ids where the cluster scores best among the report's clusters.
    public var strengths: [String]
    /// Indicator ids where it scores worst.
    public var weaknesses: [String]

    /// Creates a cluster entry.
    public init(
        id: String, name: String, regions: [String], sectors: [String], reference: String, peers: [String],
        members: String?, values: [ReportValue], scores: [ReportScore] = [], stars: Int? = nil,
        strengths: [String] = [], weaknesses: [String] = []
    ) {
        self.id = id
        self.name = name
        self.regions = regions
        self.sectors = sectors
        self.reference = reference
        self.peers = peers
        self.members = members
        self.values = values
        self.scores = scores
        self.stars = stars
        self.strengths = strengths
        self.weaknesses = weaknesses
    }

    /// The headline value of each indicator, in report order.
    public var headlines: [ReportValue] { values.filter(\.isHeadline) }
}

/// One indicator value of a cluster in one period.
public struct ReportValue: Sendable {
    /// The indicator id.
    public var indicator: String
    /// The period, `nil` when no input had data.
    public var period: String?
    /// The value, `nil` when missing.
    public var value: Double?
    /// `ok`, `flagged` or `missing`.
    public var status: String
    /// Flags of the value (input flags, `modelled`, `b`, `division_by_zero`, …).
    public var flags: [String]
    /// Why the value is missing.
    public var reason: String?
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
    /// The progress category towards a target, when one is set.
    public var progress: String?
    /// Source files with SHA-256 (`path sha256:…`).
    public var sources: [String]
    /// Series keys read.
    public var seriesKeys: [String]
    /// Periods read.
    public var periods: [String]
    /// Member-survey coverage by input (share of member employment that reported).
    public var memberCoverage: [String: Double]

    /// Creates a value.
    public init(
        indicator: String, period: String?, value: Double?, status: String, flags: [String], reason: String?,
        isHeadline: Bool, sources: [String], seriesKeys: [String], periods: [String],
        memberCoverage: [String: Double]
    ) {
        self.indicator = indicator
        self.period = period
        self.value = value
        self.status = status
        self.flags = flags
        self.reason = reason
        self.isHeadline = isHeadline
        self.sources = sources
        self.seriesKeys = seriesKeys
        self.periods = periods
        self.memberCoverage = memberCoverage
    }
}

/// A composite score of a cluster: a pillar, a transition or the overall index.
public struct ReportScore: Sendable, Equatable {
    /// `pillar`, `transition` or `index`.
    public var kind: String
    /// `economic`, `green`, … or `index`.
    public var id: String
    /// The score, `nil` when below the coverage threshold.
    public var value: Double?
    /// The share of the node's weight with data, 0–1.
    public var coverage: Double
    /// The rank among the report's clusters (1 = best).
    public var rank: Int?
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
    public init(
        kind: String, id: String, value: Double?, coverage: Double, rank: Int? = nil, median: Double? = nil,
        low: Double? = nil, high: Double? = nil
    ) {
        self.kind = kind
        self.id = id
        self.value = value
        self.coverage = coverage
        self.rank = rank
        self.median = median
        self.low = low
        self.high = high
    }
}

/// A method the report applied, for its methods section.
public struct ReportMethod: Sendable, Equatable {
    /// A short name (`normalisation`).
    public var name: String
    /// What was done, with its parameters.
    public var description: String

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
