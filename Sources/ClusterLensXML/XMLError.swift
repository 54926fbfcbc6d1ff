/// An error raised while reading XML through libxml2.
///
/// Carries the file, line and column libxml2 reported, and libxml2's own message with its
/// trailing newline removed, so that a caller can print it as one line.
public struct XMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, stable for tests and exit codes.
    public enum Code: String, Sendable, Equatable {
        /// The file could not be opened or read.
        case io
        /// The bytes are not well-formed XML (libxml2's fatal errors, including encoding errors).
        case malformed
        /// The document uses a feature ClusterLens refuses for safety (a DOCTYPE, entities).
        case forbidden
        /// The file is empty (0 bytes); bytes without an element are ``malformed``.
        case empty
        /// Elements nested deeper than ``XMLStreamParser/maximumDepth``.
        case tooDeep
    }

    /// The kind of error.
    public var code: Code
    /// The explanation, one line.
    public var message: String
    /// The file being read, as given by the caller.
    public var file: String
    /// The 1-based line, 0 when unknown.
    public var line: Int
    /// The 1-based column, 0 when unknown.
    public var column: Int
    /// Whether the bytes end before the document does: every byte read was well-formed and the error
    /// came only at the end of the input (an unclosed element: a file or an answer cut off).
    public var endsEarly = false

    /// Creates an error.
    public init(_ code: Code, _ message: String, file: String, line: Int = 0, column: Int = 0) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column: message`, the way compilers print errors.
    public var description: String {
        var location = file
        if line > 0 { location += ":\(line)" }
        if line > 0 && column > 0 { location += ":\(column)" }
        return "\(location): \(message)"
    }
}
