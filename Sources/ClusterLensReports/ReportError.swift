public import ClusterLensCore
internal import ClusterLensIndicators
internal import ClusterLensScoring

/// The error type of the reports module: building a report, exporting it, validating report files.
///
/// Errors in report definition files are ``ClusterLensIndicators/IndicatorsError`` with the code
/// `reportDefinition` and the file, line and column (they share the YAML readers of cluster and
/// indicator files). An error caused by another module's (the composite engine refusing the data, a
/// file that cannot be written) keeps it as ``underlying``.
public struct ReportError: ChainedError, Sendable, Equatable {
    /// The kind of error; stable, for exit statuses.
    public enum Code: String, Sendable, Equatable {
        /// A data source named by the definition is missing or matches no file.
        case source
        /// An output could not be written (unwritable folder, full disk).
        case output
        /// An exporter failed (an external plug-in's non-zero exit, or a built-in's error).
        case exporter
        /// An unknown output format.
        case format
        /// A report file that does not validate against its schema.
        case invalid
        /// A report file that cannot be read or parsed.
        case unreadable
        /// A file given to `validate` that is not an XML or JSON report (an HTML report has no schema).
        case notReport
        /// The composite or uncertainty step refused the settings for these data (the underlying
        /// ``ClusterLensScoring/CompositeError`` says which and why).
        case scoring
        /// Nothing could be computed: every value of the report is missing.
        case noData
        /// A starter report (`clusterlens init`) with a code, target or file that does not work.
        case starter
    }

    /// The kind of error.
    public var code: Code
    /// One line of explanation.
    public var message: String
    /// The file concerned, empty when none.
    public var file: String
    /// 1-based line, 0 when unknown.
    public var line: Int
    /// The error that caused this one, if any.
    public var underlying: (any Error)?

    /// Creates an error.
    public init(_ code: Code, _ message: String, file: String = "", line: Int = 0, underlying: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.underlying = underlying
    }

    /// `file:line: message`.
    public var description: String {
        guard !file.isEmpty else { return message }
        return line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)"
    }

    /// Equal when code, message and place are (the underlying error is not compared).
    public static func == (left: ReportError, right: ReportError) -> Bool {
        left.code == right.code && left.message == right.message && left.file == right.file && left.line == right.line
    }
}
