public import ClusterLensCore
public import ClusterLensIndicators
public import ClusterLensScoring
internal import Foundation

/// A report definition: what to compute for which clusters from which data, and what to write.
///
/// Read from a YAML file in `Reports/` by ``ReportDefinitionReader``; every path in it is resolved
/// against the file's folder. See README, "Reports", for the keys.
public struct ReportDefinition: Sendable {
    /// Which periods the report shows.
    public enum Periods: Sendable, Equatable, CustomStringConvertible {
        /// Each indicator's latest period with a value.
        case latest
        /// One period, such as `2021`.
        case period(TimePeriod)
        /// A range of years; the headline value is the latest year of the range with a value, and
        /// the other years feed the time-series charts.
        case years(ClosedRange<Int>)

        /// `latest`, `2021` or `2015-2023`, as written in a definition.
        public var description: String {
            switch self {
            case .latest: "latest"
            case .period(let period): period.lexical
            case .years(let years): "\(years.lowerBound)-\(years.upperBound)"
            }
        }

        /// Reads `latest`, a period such as `2021` or `2021-Q3`, or a range of years such as `2015-2023`.
        ///
        /// - Throws: ``ClusterLensCore/CoreError`` (`malformedTimePeriod`) saying what is expected.
        public init(_ text: String) throws(CoreError) {
            if text == "latest" {
                self = .latest
                return
            }
            let parts = text.split(separator: "-")
            if parts.count == 2, let first = Int(parts[0]), let last = Int(parts[1]), parts[0].count == 4,
                parts[1].count == 4
            {
                guard first <= last else {
                    throw CoreError(.malformedTimePeriod, "the range \(text) ends before it starts")
                }
                self = .years(first...last)
                return
            }
            do {
                self = .period(try TimePeriod(text))
            } catch {
                throw CoreError(
                    .malformedTimePeriod,
                    "periods \"\(text)\" is not latest, a period such as 2021, or a range such as 2015-2023")
            }
        }
    }

    /// The id (file names use it).
    public var id: String
    /// The title.
    public var title: String
    /// The definition file.
    public var file: String
    /// The clusters.
    public var clusters: [ClusterDefinition]
    /// The statistics files, resolved from the files, folders and globs of `data:`.
    public var dataFiles: [String]
    /// The feeds of `data:` (URLs or `provider:flow/key`), fetched through the cache before the
    /// report is built (``ReportFeeds``).
    public var feeds: [String] = []
    /// The indicator selectors: ids, pillar names, transition tags, or `all` (the default).
    public var indicators: [String]
    /// The periods.
    public var periods: Periods
    /// The composite-score settings (`composite:`); the defaults when absent.
    public var composite: CompositeSettings
    /// Which indicators the composite and the benchmarks rank (`composite: {scope:, context_score:}`):
    /// the cluster's own by default, its region and country context scored apart.
    public var scoring = ScoringScope()
    /// The uncertainty analysis (`uncertainty:`), `nil` for none.
    public var uncertainty: UncertaintyAnalysis.Settings?
    /// The policy targets (`targets:`) for the progress assessment.
    public var targets: [IndicatorTarget]
    /// The decimals CSV and HTML round numbers to (`decimals:`, 0–10); `nil` for the automatic rule.
    public var decimals: Int?
    /// Output formats, such as `["xml", "json", "csv", "html"]`.
    public var formats: [String]
    /// The output folder, resolved against the definition's folder.
    public var outputFolder: String
    /// The output file name without extension; `{id}` stands for the report id.
    public var outputName: String
    /// Further indicator folders (`indicator-folders:`), resolved.
    public var indicatorFolders: [String]
    /// The all-sector code for every dataflow (`total-sector:`), overriding each binding's own total
    /// (`sbs_r_nuts2021`'s `B-S_X_O_S94`, …); `nil` keeps the bindings'.
    public var totalSector: String?
    /// Binding overrides by input name (`bindings:`), for every indicator with an input of that name.
    public var bindings: [String: [StoreInput]] = [:]
    /// Dimension-role overrides per dataflow (`roles:`).
    public var roles = DimensionRoles.standard
    /// The shared-value settings (`shared-value:`): the scorecard and the fewest firms per compared group.
    public var sharedValue = SharedValueSettings()
    /// Where the definition names indicators and inputs, for errors that need the catalogue to be
    /// found (an unknown indicator id, a binding of an input no indicator has).
    public var locations = Locations()

    /// Where a definition file names indicators and inputs.
    public struct Locations: Sendable, Equatable {
        /// The place of each `indicators:` item, in order.
        public var indicators: [InputLocation] = []
        /// The place of each target's `indicator:` value, in order.
        public var targets: [InputLocation] = []
        /// The place of each `bindings:` key, by input name.
        public var bindings: [String: InputLocation] = [:]

        /// No places (a definition built in code).
        public init() {}
    }

    /// Creates a definition.
    public init(
        id: String, title: String, file: String, clusters: [ClusterDefinition], dataFiles: [String],
        indicators: [String] = ["all"], periods: Periods = .latest, composite: CompositeSettings = CompositeSettings(),
        uncertainty: UncertaintyAnalysis.Settings? = nil, targets: [IndicatorTarget] = [],
        formats: [String] = ["xml", "json", "csv", "html"], outputFolder: String, outputName: String = "{id}",
        indicatorFolders: [String] = []
    ) {
        self.id = id
        self.title = title
        self.file = file
        self.clusters = clusters
        self.dataFiles = dataFiles
        self.indicators = indicators
        self.periods = periods
        self.composite = composite
        self.uncertainty = uncertainty
        self.targets = targets
        self.formats = formats
        self.outputFolder = outputFolder
        self.outputName = outputName
        self.indicatorFolders = indicatorFolders
    }

    /// The output file name (without extension) with `{id}` replaced.
    public var resolvedOutputName: String {
        outputName.replacingOccurrences(of: "{id}", with: id)
    }
}
