/// The error type of the indicator engine: cluster definitions, indicator files and formulas.
///
/// Errors in input files name the file, line and column, and print as one line:
/// `FILE:LINE:COLUMN: message`.
public struct IndicatorsError: Error, Sendable, Equatable, CustomStringConvertible {
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
        /// A member-firm survey CSV that breaks the template's rules.
        case memberSurvey
        /// A report definition file that breaks its rules (in `ClusterLensReports`).
        case reportDefinition
        /// Composite-score settings (`composite:` in YAML) that break their rules.
        case compositeSettings
        /// A `targets:` list (indicator targets for progress assessment) that breaks its rules.
        case targets
        /// A file that cannot be read.
        case unreadable
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

    /// Creates an error.
    public init(_ code: Code, _ message: String, file: String = "", line: Int = 0, column: Int = 0) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column: message`.
    public var description: String {
        var location = file
        if line > 0 { location += location.isEmpty ? "line \(line)" : ":\(line)" }
        if line > 0 && column > 0 { location += ":\(column)" }
        return location.isEmpty ? message : "\(location): \(message)"
    }
}
