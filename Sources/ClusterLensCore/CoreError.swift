/// The error type of the ClusterLens data model.
///
/// Thrown when a value handed to the model does not follow its grammar, for example a time period
/// that is not one of SDMX's forms. Importers wrap it with the file and line it came from.
public struct CoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem this is; stable, suitable for mapping to exit codes.
    public enum Code: String, Sendable, Equatable {
        /// A time period that is not in any SDMX form.
        case malformedTimePeriod
        /// A `--MM-DD` reporting-year start day or other calendar value that is not valid.
        case malformedCalendarValue
        /// A structure (codelist, DSD, dataflow) that contradicts itself.
        case invalidStructure
        /// A NACE or NUTS code that is not valid.
        case malformedCode
    }

    /// The kind of problem.
    public var code: Code
    /// A one-line, human-readable explanation that quotes the offending text.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
