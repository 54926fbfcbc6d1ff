public import ClusterLensCore

/// The error type of the importers: what went wrong, in which file, at which line.
///
/// Every error names the file and, where known, the line and column, and prints as one line:
/// `FILE:LINE:COLUMN: message`. An error caused by another (a file that cannot be opened) keeps it as
/// ``underlying``.
public struct ImportError: ChainedError, Sendable, Equatable {
    /// The kind of error; the command-line tool maps codes to exit statuses.
    public enum Code: String, Sendable, Equatable {
        /// The file cannot be opened or read.
        case unreadable
        /// The file is empty.
        case empty
        /// The bytes are not well-formed XML (truncated, binary, wrong encoding, too deep).
        case malformedXML
        /// Well-formed XML, or HTML, that is not an SDMX-ML message.
        case notSDMX
        /// The document uses something refused for safety (DOCTYPE, entities).
        case forbidden
        /// The message is an SDMX error message, or holds only a footer and no data; the text is the
        /// provider's.
        case sdmxErrorMessage
        /// A value does not follow SDMX (e.g. a malformed time period).
        case invalidValue
        /// An SDMX message type ClusterLens does not read (e.g. a query or metadata message).
        case unsupportedMessage
        /// A structure file that does not hold what was asked for.
        case structure
        /// A CSV table that is not data ClusterLens can read: no value or time column, a record with
        /// another number of fields than the header, no dataflow.
        case malformedCSV
        /// A member-survey CSV that breaks the template's rules.
        case memberSurvey
    }

    /// The kind of error.
    public var code: Code
    /// One line of explanation.
    public var message: String
    /// The file.
    public var file: String
    /// 1-based line, 0 when unknown.
    public var line: Int
    /// 1-based column, 0 when unknown.
    public var column: Int
    /// The error that caused this one (a ``ClusterLensSupport`` file error, a libxml2 error).
    public var underlying: (any Error)?

    /// Creates an error.
    public init(
        _ code: Code, _ message: String, file: String, line: Int = 0, column: Int = 0, underlying: (any Error)? = nil
    ) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.underlying = underlying
    }

    /// Where the error is.
    public var location: InputLocation { InputLocation(file: file, line: line, column: column) }

    /// `file:line:column: message`.
    public var description: String { "\(location): \(message)" }

    /// Equal when code, message and place are (the underlying error is not compared).
    public static func == (left: ImportError, right: ImportError) -> Bool {
        left.code == right.code && left.message == right.message && left.location == right.location
    }
}
