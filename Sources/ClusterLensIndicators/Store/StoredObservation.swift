public import ClusterLensCore

/// A file the observation store loaded: where it is, what exactly it held, and how it was read.
public struct DataSource: Sendable, Hashable, CustomStringConvertible {
    /// How a file was read.
    public enum Format: String, Sendable, Hashable {
        /// An SDMX-ML data message, read by the importer.
        case sdmxML = "SDMX-ML"
        /// SDMX-CSV: a CSV file whose header starts with `DATAFLOW`.
        case sdmxCSV = "SDMX-CSV"
        /// A tidy CSV file: one column per dimension, a value column, optional flag columns.
        case tidyCSV = "CSV"
    }

    /// The file path as given to ``ObservationStore/load(file:dataflow:)``.
    public var path: String
    /// The SHA-256 of the file's bytes, 64 lower-case hexadecimal digits.
    public var sha256: String
    /// How the file was read.
    public var format: Format

    /// Creates a source.
    public init(path: String, sha256: String, format: Format) {
        self.path = path
        self.sha256 = sha256
        self.format = format
    }

    /// `path (FORMAT, sha256 …)`.
    public var description: String { "\(path) (\(format.rawValue), sha256 \(sha256))" }
}

/// One observation as the store keeps it: dataflow, key, period, value, status and source.
public struct StoredObservation: Sendable, Hashable {
    /// The normalised dataflow id (see ``ObservationStore/normalisedDataflowID(_:)``), e.g. `sbs_r_nuts2021`.
    public var dataflow: String
    /// The dimension codes other than time, sorted by lower-cased dimension id; ids spelled as in the file.
    public var key: [ComponentValue]
    /// The time period.
    public var period: TimePeriod
    /// The value as the file gave it (a number, or a kind of missing).
    public var value: ObservationValue
    /// The status attributes as the file gave them: `OBS_FLAG`, `OBS_STATUS`, `CONF_STATUS` (and their
    /// variants listed in ``ObservationStore/statusAttributeIDs``), ids upper-cased.
    public var status: [ComponentValue]
    /// The file the observation came from.
    public var source: DataSource

    /// Creates a stored observation.
    public init(
        dataflow: String, key: [ComponentValue], period: TimePeriod, value: ObservationValue,
        status: [ComponentValue], source: DataSource
    ) {
        self.dataflow = dataflow
        self.key = key
        self.period = period
        self.value = value
        self.status = status
        self.source = source
    }

    /// The code of dimension `id`, the id compared case-insensitively (`GEO` finds `geo`).
    public func code(_ id: String) -> String? {
        let folded = id.lowercased()
        return key.first { $0.id.lowercased() == folded }?.value
    }

    /// The key as `id=code` pairs joined by `,`, in ``key`` order: `freq=A,geo=ES51,indic_sbs=EMP_LOC_NR,nace_r2=C29`.
    public var seriesKey: String {
        key.map { "\($0.id)=\($0.value)" }.joined(separator: ",")
    }

    /// Whether the observation is confidential: `CONF_STATUS` other than `F` (free), or the Eurostat flag `c`.
    public var isConfidential: Bool { flags.contains("c") }

    /// The status flags in the form the indicator engine propagates (lower-case letters, as Eurostat
    /// writes them).
    ///
    /// - `OBS_FLAG`: every letter of the code, lower-cased (`e`, `p`, `c`, `b`, `u`, `z`, `d`, `n`;
    ///   Eurostat's combined codes such as `ep` give `e` and `p`).
    /// - `OBS_STATUS`: the code lower-cased, except `A` (normal value), which is not a flag (`E` gives
    ///   `e`, `P` gives `p`, `M` gives `m`).
    /// - `CONF_STATUS` and `OBS_CONF`: `c` for every code but `F` (free for publication).
    public var flags: Set<String> {
        var flags: Set<String> = []
        for entry in status {
            let code = entry.value.trimmingSpaces()
            guard !code.isEmpty else { continue }
            switch entry.id {
            case "OBS_FLAG":
                for letter in code.lowercased() where letter.isLetter { flags.insert(String(letter)) }
            case "OBS_STATUS":
                if code.uppercased() != "A" { flags.insert(code.lowercased()) }
            default:
                if code.uppercased() != "F" { flags.insert("c") }
            }
        }
        return flags
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        let isSpace = { (character: Character) in character == " " || character == "\t" || character == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(self[first...last])
    }
}
