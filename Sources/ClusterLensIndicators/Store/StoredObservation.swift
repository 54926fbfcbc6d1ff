public import ClusterLensCore

/// One observation as the store keeps it: dataflow, key, period, value, status and source.
public struct StoredObservation: Sendable, Hashable {
    /// The normalised dataflow id (see ``DataflowID/normalised(_:)``), e.g. `sbs_r_nuts2021`.
    public var dataflow: String
    /// The dimension codes other than time, sorted by lower-cased dimension id; ids spelled as in the file.
    public let key: [ComponentValue]
    /// The time period.
    public var period: TimePeriod
    /// The value as the file gave it (a number, or a kind of missing).
    public var value: ObservationValue
    /// The status attributes as the file gave them: `OBS_FLAG`, `OBS_STATUS`, `CONF_STATUS` (and their
    /// variants listed in ``StatusAttributes/ids``), ids upper-cased.
    public var status: [ComponentValue]
    /// The file the observation came from.
    public var source: DataSource
    /// The key as `id=code` pairs joined by `,`, in ``key`` order:
    /// `freq=A,geo=ES51,indic_sbs=EMP_LOC_NR,nace_r2=C29`.
    public let seriesKey: String

    /// Creates a stored observation.
    public init(
        dataflow: String, key: [ComponentValue], period: TimePeriod, value: ObservationValue,
        status: [ComponentValue], source: DataSource
    ) {
        self.init(
            dataflow: dataflow, key: key, seriesKey: Self.seriesKey(of: key), period: period, value: value,
            status: status, source: source)
    }

    /// An observation whose series key text is already known (the store keeps it per series).
    init(
        dataflow: String, key: [ComponentValue], seriesKey: String, period: TimePeriod, value: ObservationValue,
        status: [ComponentValue], source: DataSource
    ) {
        self.dataflow = dataflow
        self.key = key
        self.seriesKey = seriesKey
        self.period = period
        self.value = value
        self.status = status
        self.source = source
    }

    /// `id=code` pairs joined by `,`.
    static func seriesKey(of key: [ComponentValue]) -> String {
        key.map { "\($0.id)=\($0.value)" }.joined(separator: ",")
    }

    /// The code of dimension `id`, the id compared case-insensitively (`GEO` finds `geo`).
    public func code(_ id: String) -> String? {
        let folded = id.lowercased()
        return key.first { $0.id.lowercased() == folded }?.value
    }

    /// Whether the observation is confidential: `CONF_STATUS` other than `F` (free), or the Eurostat flag `c`.
    public var isConfidential: Bool { flags.contains("c") }

    /// The status flags in the form the indicator engine propagates (see ``StatusAttributes/flags(of:)``).
    public var flags: Set<String> { StatusAttributes.flags(of: status) }
}
