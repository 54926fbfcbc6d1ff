/// A composite's data as annual series (panel data): per unit and indicator, the values by year
/// and the value to use when there is no annual series (its headline). Panel imputation
/// (``CompositeEngine/imputePanel(_:settings:)``, by ``CompositeSettings/panel`` and
/// ``CompositeSettings/referenceYear``) takes one value per unit and indicator from it.
public struct CompositePanel: Sendable, Equatable {
    /// One annual value.
    public struct Point: Sendable, Equatable {
        /// The year.
        public var year: Int
        /// The value.
        public var value: Double

        /// Creates a point.
        public init(year: Int, value: Double) {
            self.year = year
            self.value = value
        }
    }

    /// The data of one unit for one indicator.
    public struct Series: Sendable, Equatable {
        /// The annual values, in any order; of two points of the same year, the first given is used.
        public var points: [Point]
        /// The value used when `points` is empty (a value of a period that is not a year, such as a
        /// headline of `2021-Q3` or the latest period); `nil` for missing.
        public var headline: Double?

        /// Creates a series.
        public init(points: [Point] = [], headline: Double? = nil) {
            self.points = points
            self.headline = headline
        }
    }

    /// How the value of a unit and indicator was obtained.
    public enum Origin: Sendable, Equatable {
        /// The value of the reference year itself.
        case year(Int)
        /// The latest earlier value, carried forward from that year (a report flags it
        /// `carried_forward`).
        case carriedForward(from: Int)
        /// Interpolated linearly at the reference year between the nearest years before and after it
        /// (a report flags it `interpolated`).
        case interpolated(from: Int, to: Int)
        /// No annual series: the headline value (`nil` when it is missing).
        case headline
        /// No value for the reference year under the panel setting (``CompositeSettings/PanelImputation/none``
        /// without a value that year, or only values after a fixed reference year).
        case missing
    }

    /// The value of one unit and indicator after panel imputation.
    public struct Value: Sendable, Equatable {
        /// The value used, `nil` for missing.
        public var value: Double?
        /// How it was obtained.
        public var origin: Origin

        /// Creates a value.
        public init(value: Double?, origin: Origin) {
            self.value = value
            self.origin = origin
        }
    }

    /// The outcome of panel imputation.
    public struct Imputation: Sendable, Equatable {
        /// The composite's input: the values used, one per unit and indicator.
        public var input: CompositeInput
        /// The values with their origin, indexed `[unit][indicator]`.
        public var values: [[Value]]
        /// The reference year of each indicator, `nil` when no unit has an annual value and no year is fixed.
        public var referenceYears: [Int?]

        /// Creates an outcome.
        public init(input: CompositeInput, values: [[Value]], referenceYears: [Int?]) {
            self.input = input
            self.values = values
            self.referenceYears = referenceYears
        }
    }

    /// The unit (cluster) ids, in output order.
    public var units: [String]
    /// The indicators, in output order.
    public var indicators: [CompositeIndicator]
    /// The series, indexed `[unit][indicator]`.
    public var series: [[Series]]

    /// Creates a panel; shapes are checked by ``CompositeEngine/imputePanel(_:settings:)``.
    public init(units: [String], indicators: [CompositeIndicator], series: [[Series]]) {
        self.units = units
        self.indicators = indicators
        self.series = series
    }
}
