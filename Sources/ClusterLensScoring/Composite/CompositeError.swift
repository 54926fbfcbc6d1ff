/// The error type of the composite-score engine (``CompositeEngine``, ``UncertaintyAnalysis``).
///
/// The engine never hides a problem: an input that a method cannot handle (a zero in a geometric mean,
/// an indicator without goalposts under goalpost normalisation) is an error, not a silent fix.
public struct CompositeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of error; stable, for exit statuses.
    public enum Code: String, Sendable, Equatable {
        /// The input is inconsistent: row lengths, duplicate ids, non-finite values.
        case invalidInput
        /// A setting is out of range or refers to an unknown indicator.
        case invalidSettings
        /// A method needs a parameter the input lacks (goalposts, a target).
        case missingParameter
        /// A geometric, harmonic or power mean met a zero or negative value and no shift is set.
        case nonPositiveInput
        /// A quantity is undefined for the data (a Mazziotta–Pareto node with a mean ≤ 0).
        case undefined
    }

    /// The kind of error.
    public var code: Code
    /// One line of explanation, naming the unit, indicator or node concerned.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
