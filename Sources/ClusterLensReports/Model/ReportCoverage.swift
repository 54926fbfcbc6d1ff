public import ClusterLensCore

/// Which values a report holds: a view of the ``ReportModel`` computed on demand, shown as the
/// coverage matrices of the HTML report, the CSV (`NAME-coverage.csv`, `NAME-coverage-years.csv`) and
/// the workbook.
///
/// - Cluster × indicator: the state of each headline value — a value, a flagged value, a modelled
///   value (downscaled national figures) or missing, with the flags, the period and the reason.
/// - Indicator × year: for each year of the report, how many clusters have a value, how many of those
///   are flagged or modelled, and how many miss it.
public struct ReportCoverage: Sendable {
    /// What a cluster has for an indicator.
    public enum State: String, Sendable, CaseIterable, Comparable {
        /// A value computed from inputs without flags.
        case value
        /// A value with status flags from the data or the methods (`e`, `p`, `b`, `incomplete`, …).
        case flagged
        /// A value modelled from national data by industry (it carries no regional information).
        case modelled
        /// No value; the reason says why.
        case missing

        /// Value, flagged, modelled, missing.
        public static func < (left: State, right: State) -> Bool {
            allCases.firstIndex(of: left) ?? 0 < allCases.firstIndex(of: right) ?? 0
        }

        /// The state of one value: missing without a number, modelled with the `modelled` flag,
        /// flagged with any other flag.
        public init(_ value: ReportValue) {
            if value.value == nil {
                self = .missing
            } else if value.flags.contains(.modelled) {
                self = .modelled
            } else if value.status == .flagged || !value.flags.isEmpty {
                self = .flagged
            } else {
                self = .value
            }
        }
    }

    /// One cluster's headline value of one indicator.
    public struct Cell: Sendable, Equatable {
        /// The cluster id.
        public var cluster: String
        /// The indicator id.
        public var indicator: String
        /// Its state.
        public var state: State
        /// The headline period; `nil` when missing (a missing value has no period of its own).
        public var period: TimePeriod?
        /// The flags of the headline value.
        public var flags: [ValueFlag]
        /// Why it is missing.
        public var reason: String?
        /// The years of the report with a value (all periods for a single-period report).
        public var periodsWithValue: Int
        /// The periods the report asked for.
        public var periodsAsked: Int
    }

    /// One indicator in one year, over the report's clusters.
    public struct YearCount: Sendable, Equatable {
        /// The indicator id.
        public var indicator: String
        /// The year (or period) as written.
        public var period: String
        /// Clusters with a value (flagged and modelled ones included).
        public var withValue: Int
        /// Of those, flagged.
        public var flagged: Int
        /// Of those, modelled.
        public var modelled: Int
        /// Clusters without a value.
        public var missing: Int
    }

    /// The cells, cluster by cluster in report order, each cluster's indicators in report order.
    public var cells: [Cell]
    /// The periods of the report, in time order, as written (`2015` … `2023`).
    public var periods: [String]
    /// The indicator × period counts, indicator by indicator in report order.
    public var byPeriod: [YearCount]
    /// Where each cluster's cells are in ``cells`` (they are consecutive), so that a look-up does not
    /// walk every cluster's cells.
    private var cellRanges: [String: Range<Int>] = [:]

    /// The coverage of `model`.
    public init(_ model: ReportModel) {
        var cells: [Cell] = []
        var periods: [TimePeriod] = []
        var ranges: [String: Range<Int>] = [:]
        for cluster in model.clusters {
            let start = cells.count
            defer { ranges[cluster.id] = ranges[cluster.id] ?? start..<cells.count }
            let byIndicator = Dictionary(grouping: cluster.values, by: \.indicator)
            for indicator in model.indicators {
                let values = byIndicator[indicator.id] ?? []
                for period in values.compactMap(\.period) where !periods.contains(period) { periods.append(period) }
                guard let headline = values.first(where: \.isHeadline) ?? values.last else { continue }
                let state = State(headline)
                cells.append(
                    Cell(
                        cluster: cluster.id, indicator: indicator.id, state: state,
                        period: state == .missing ? nil : headline.period, flags: headline.flags,
                        reason: headline.reason, periodsWithValue: values.filter { $0.value != nil }.count,
                        periodsAsked: values.count))
            }
        }
        periods.sort()
        let position = Dictionary(periods.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var tally: [String: [(withValue: Int, flagged: Int, modelled: Int)]] = [:]
        for indicator in model.indicators { tally[indicator.id] = Array(repeating: (0, 0, 0), count: periods.count) }
        for cluster in model.clusters {
            for value in cluster.values {
                guard let period = value.period, let column = position[period], tally[value.indicator] != nil
                else { continue }
                switch State(value) {
                case .missing: break
                case .value: tally[value.indicator]?[column].withValue += 1
                case .flagged:
                    tally[value.indicator]?[column].withValue += 1
                    tally[value.indicator]?[column].flagged += 1
                case .modelled:
                    tally[value.indicator]?[column].withValue += 1
                    tally[value.indicator]?[column].modelled += 1
                }
            }
        }
        var counts: [YearCount] = []
        for indicator in model.indicators {
            for (column, period) in periods.enumerated() {
                let entry = tally[indicator.id]?[column] ?? (withValue: 0, flagged: 0, modelled: 0)
                counts.append(
                    YearCount(
                        indicator: indicator.id, period: period.lexical, withValue: entry.withValue,
                        flagged: entry.flagged, modelled: entry.modelled,
                        missing: model.clusters.count - entry.withValue))
            }
        }
        self.cells = cells
        cellRanges = ranges
        self.periods = periods.map(\.lexical)
        byPeriod = counts
    }

    /// The cell of one cluster and indicator.
    public func cell(cluster: String, indicator: String) -> Cell? {
        cells(of: cluster).first { $0.indicator == indicator }
    }

    /// The cells of one cluster, in report order of the indicators.
    public func cells(of cluster: String) -> ArraySlice<Cell> {
        cellRanges[cluster].map { cells[$0] } ?? []
    }

    /// How many of `indicators` have a headline value for `cluster`, of how many.
    public func count(cluster: String, among indicators: [String]) -> (withValue: Int, of: Int) {
        let wanted = Set(indicators)
        let own = cells(of: cluster).filter { wanted.contains($0.indicator) }
        return (own.filter { $0.state != .missing }.count, own.count)
    }
}
