/// An error reading or writing a file: what went wrong, with which path, and the system's reason.
///
/// The one file error of ClusterLens's helpers (reading text, CSV and hashing; writing outputs
/// atomically). Importers and report writers wrap it in their own error as the underlying error, so
/// the command-line tool can still tell "cannot be read" (exit 3) from "cannot be written" (exit 9).
public struct FileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of problem; stable, for exit statuses.
    public enum Code: String, Sendable, Equatable {
        /// The file cannot be opened or read (no such file, a folder, no permission, an I/O error).
        case unreadable
        /// The file holds no bytes (or only white space where content is expected).
        case empty
        /// The file is not UTF-8 text where text is expected.
        case notText
        /// The output cannot be created, written, closed or renamed into place.
        case unwritable
    }

    /// The kind of problem.
    public var code: Code
    /// The path concerned (`standard output` for the standard output).
    public var path: String
    /// What went wrong, one line.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, path: String, message: String) {
        self.code = code
        self.path = path
        self.message = message
    }

    /// `PATH: message`.
    public var description: String { "\(path): \(message)" }
}
