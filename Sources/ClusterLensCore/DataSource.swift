/// A data file that was read: where it is, what exactly it held (its SHA-256), and how it was read.
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

    /// The file path as given.
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
