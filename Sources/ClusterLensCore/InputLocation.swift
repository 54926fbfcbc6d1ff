/// A place in an input file: the file as given, and a 1-based line and column (0 when unknown).
public struct InputLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file, as the user named it.
    public var file: String
    /// The 1-based line, 0 when unknown.
    public var line: Int
    /// The 1-based column, 0 when unknown.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, leaving out what is unknown (`file`, `file:12`, `line 12`).
    public var description: String {
        var text = file
        if line > 0 { text += text.isEmpty ? "line \(line)" : ":\(line)" }
        if line > 0 && column > 0 { text += ":\(column)" }
        return text
    }
}
