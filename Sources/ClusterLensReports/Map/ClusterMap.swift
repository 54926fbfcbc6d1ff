public import ClusterLensCore
public import ClusterLensIndicators
public import ClusterLensScoring

/// A Europe-wide cluster map: every cluster category in every region of the data at one NUTS level,
/// with the indicators, European Cluster Observatory stars and U.S. Cluster Mapping classes, each
/// category's regions measured against one another (the distributions over all regions).
public struct ClusterMap: Sendable {
    /// A region of the map.
    public struct Region: Sendable, Equatable {
        /// The NUTS code.
        public var code: NUTSCode
        /// Its name in the shipped NUTS classification, when known.
        public var name: String?
        /// Its country (the reference area of its clusters).
        public var country: NUTSCode
    }

    /// One category in one region.
    public struct Entry: Sendable {
        /// The region, by position in ``ClusterMap/regions``.
        public var region: Int
        /// The category, by position in ``ClusterMap/categories``.
        public var category: Int
        /// The headline value of each indicator, in the order of ``ClusterMap/indicators``.
        public var values: [ReportValue]
        /// European Cluster Observatory stars (0–3), `nil` without any of their inputs.
        public var stars: Int?
        /// The U.S. Cluster Mapping class, `nil` without location quotient, employment or local units.
        public var mappingClass: StrongClusterRule.Strength?
    }

    /// What each category's stars and classes are measured against: percentiles over its regions.
    public struct Thresholds: Sendable, Equatable {
        /// The regions with an employment value.
        public var regionsWithData: Int
        /// Employment P90 (a size star), P25 (the classes' floor).
        public var employmentP90: Double?
        public var employmentP25: Double?
        /// Focus P90 (a focus star).
        public var focusP90: Double?
        /// Location quotient P25, P50, P75 and P90 (the classes).
        public var quotientP25: Double?
        public var quotientP50: Double?
        public var quotientP75: Double?
        public var quotientP90: Double?
        /// Local units P25 (the classes' floor).
        public var localUnitsP25: Double?

        /// The percentiles with the names the JSON and XML forms give them, in that order.
        public var named: [(name: String, value: Double?)] {
            [
                ("employmentP90", employmentP90), ("employmentP25", employmentP25), ("focusP90", focusP90),
                ("quotientP25", quotientP25), ("quotientP50", quotientP50), ("quotientP75", quotientP75),
                ("quotientP90", quotientP90), ("localUnitsP25", localUnitsP25),
            ]
        }
    }

    /// The NUTS level mapped.
    public var level: Int
    /// The version of ClusterLens that made it.
    public var toolVersion: String
    /// When it was made.
    public var generatedAt: Timestamp
    /// The statistics files read.
    public var sources: [ReportSource]
    /// The indicators computed.
    public var indicators: [ReportIndicator]
    /// The categories, in file order.
    public var categories: [ClusterCategory]
    /// Per category (same order), what stars and classes are measured against.
    public var thresholds: [Thresholds]
    /// The regions, sorted by code.
    public var regions: [Region]
    /// Every category in every region: region-major (all categories of the first region, then the next).
    public var entries: [Entry]
    /// What the run noticed, repeated notices collapsed into one with a count.
    public var diagnostics: [Diagnostic]
    /// How it was computed.
    public var methods: [ReportMethod]

    /// The entry of a category in a region.
    public func entry(region: Int, category: Int) -> Entry {
        entries[region * categories.count + category]
    }
}
