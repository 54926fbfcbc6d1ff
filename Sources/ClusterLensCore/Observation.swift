/// A series as the importer resolved it: its key and every attribute that applies to it.
///
/// Shared by all the series' observations (a class, so an observation holds a reference, not a copy).
/// ``attributes`` holds the dataset-, group- and series-level values that apply, each tagged with
/// its level; a lower level overrides a higher one with the same id.
public final class Series: Sendable {
    /// The series key (empty for flat, `AllDimensions` data, where every dimension is on the observation).
    public let key: SeriesKey
    /// Dataset, group and series attributes that apply to this series.
    public let attributes: [AttributeValue]

    /// Creates a series.
    public init(key: SeriesKey, attributes: [AttributeValue]) {
        self.key = key
        self.attributes = attributes
    }

    /// The empty series of flat data.
    public static let flat = Series(key: SeriesKey(), attributes: [])
}

/// One observation: series key, observation-level dimensions, value, measures and attributes.
///
/// The full key of the observation is the series key followed by ``dimensions`` (the dimension
/// at observation level: usually `TIME_PERIOD`, or another dimension in cross-sectional data, or
/// every dimension in flat data).
public struct Observation: Sendable {
    /// The series this observation belongs to.
    public var series: Series
    /// The observation-level dimension values.
    public var dimensions: [ComponentValue]
    /// The primary measure (`OBS_VALUE`).
    public var value: ObservationValue
    /// Further measures of SDMX 3.x multi-measure data, lexical values (absent ones omitted).
    public var otherMeasures: [ComponentValue]
    /// The observation-level attributes.
    public var attributes: [AttributeValue]
    /// The time period, when the observation has one and it parsed.
    public var period: TimePeriod?

    /// Creates an observation.
    public init(
        series: Series, dimensions: [ComponentValue], value: ObservationValue,
        otherMeasures: [ComponentValue] = [], attributes: [AttributeValue] = [], period: TimePeriod? = nil
    ) {
        self.series = series
        self.dimensions = dimensions
        self.value = value
        self.otherMeasures = otherMeasures
        self.attributes = attributes
        self.period = period
    }

    /// The code of dimension `id`, from the observation level or the series key.
    public func dimension(_ id: String) -> String? {
        dimensions.first { $0.id == id }?.value ?? series.key[id]
    }

    /// The attribute `id` as it applies to this observation: the observation's own value, else the
    /// series', group's or dataset's.
    public func attribute(_ id: String) -> AttributeValue? {
        attributes.first { $0.id == id } ?? series.attributes.first { $0.id == id }
    }

    /// Every attribute that applies, lowest level first, each id once.
    public var resolvedAttributes: [AttributeValue] {
        var result = attributes
        for attribute in series.attributes where !result.contains(where: { $0.id == attribute.id }) {
            result.append(attribute)
        }
        return result
    }
}
