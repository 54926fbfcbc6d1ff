public import ClusterLensCore

/// One observation as the importer door hands it on, whatever the file's format: the dataflow, the
/// key (every dimension but time), the period, the value and the status attributes.
public struct ObservationRecord: Sendable, Hashable {
    /// The dataflow, normalised (see ``ClusterLensCore/DataflowID/normalised(_:)``), e.g. `sbs_r_nuts2021`.
    public var dataflow: String
    /// The codes of every dimension but time, ids spelled as in the file, in file order.
    public var key: [ComponentValue]
    /// The time period.
    public var period: TimePeriod
    /// The value as the file gave it (a number, or a kind of missing).
    public var value: ObservationValue
    /// The status attributes (`OBS_FLAG`, `OBS_STATUS`, `CONF_STATUS`, …; see
    /// ``ClusterLensCore/StatusAttributes``), ids upper-cased.
    public var status: [ComponentValue]
    /// The 1-based line of the record in a CSV file, or of the observation in an SDMX-ML file; 0 when
    /// unknown.
    public var line: Int

    /// Creates a record.
    public init(
        dataflow: String, key: [ComponentValue], period: TimePeriod, value: ObservationValue,
        status: [ComponentValue], line: Int = 0
    ) {
        self.dataflow = dataflow
        self.key = key
        self.period = period
        self.value = value
        self.status = status
        self.line = line
    }
}

/// Receives the records of one file from ``DataImporter``, in file order: ``begin(file:format:)``,
/// every ``record(_:)``, then ``end(_:)`` with the file's SHA-256 (worked out while the file is read,
/// so it is known only at the end). When the import fails, ``end(_:)`` is not called.
public protocol ObservationRecordSink: AnyObject {
    /// The file starts: its path as given and how it is read.
    func begin(file path: String, format: DataSource.Format) throws
    /// One observation.
    func record(_ record: consuming ObservationRecord) throws
    /// Every record of the file has come; `source` names the file, its SHA-256 and its format.
    func end(_ source: DataSource) throws
}
