public import ClusterLensCore

/// The error type of the indicator engine: cluster definitions, indicator files, formulas, and the
/// definition files that share their YAML readers (report definitions, composite settings, targets).
///
/// Errors in input files name the file, line and column, and print as one line:
/// `FILE:LINE:COLUMN: message`. An error caused by another module's (a data file the importer
/// refused, a file that cannot be read) keeps it as ``underlying``, so its exit status survives.
public struct IndicatorsError: ChainedError, Sendable, Equatable {
    /// The kind of error; stable, for exit statuses.
    public enum Code: String, Sendable, Equatable {
        /// A cluster definition file that breaks its rules (unknown key, unknown code, empty set).
        case clusterDefinition
        /// An indicator definition file that breaks its rules.
        case indicatorDefinition
        /// A formula that does not parse.
        case formulaSyntax
        /// A formula that parses but cannot be evaluated (unknown input or function, wrong arity).
        case formulaEvaluation
        /// A report definition file that breaks its rules (read with the same YAML readers).
        case reportDefinition
        /// Composite-score settings (`composite:` in YAML) that break their rules.
        case compositeSettings
        /// A `targets:` list (indicator targets for progress assessment) that breaks its rules.
        case targets
        /// An initiative ledger (a cluster's `initiatives:` file) that breaks its rules.
        case initiativeLedger
        /// A recommendation scorecard (the shipped EEGC scorecard or a report's own) that breaks its rules.
        case scorecard
        /// A file that cannot be read (the underlying error says why).
        case unreadable
        /// A data file or member survey the importer refused (the underlying ``ClusterLensImport/ImportError``
        /// says why).
        case data
    }

    /// The kind of error.
    public var code: Code
    /// One line of explanation.
    public var message: String
    /// The file, empty when the input was not a file.
    public var file: String
    /// 1-based line, 0 when unknown.
    public var line: Int
    /// 1-based column, 0 when unknown.
    public var column: Int
    /// The error that caused this one, if any.
    public var underlying: (any Error)?

    /// Creates an error.
    public init(
        _ code: Code, _ message: String, file: String = "", line: Int = 0, column: Int = 0,
        underlying: (any Error)? = nil
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
    public var description: String {
        let place = location.description
        return place.isEmpty ? message : "\(place): \(message)"
    }

    /// Equal when code, message and place are (the underlying error is not compared).
    public static func == (left: IndicatorsError, right: IndicatorsError) -> Bool {
        left.code == right.code && left.message == right.message && left.location == right.location
    }
}
