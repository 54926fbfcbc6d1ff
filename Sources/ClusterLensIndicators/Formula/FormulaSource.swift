/// A position in the formula text: 1-based line and column, columns counted in Unicode scalars.
struct FormulaPosition: Sendable, Hashable, Comparable {
    var line: Int
    var column: Int

    static func < (lhs: FormulaPosition, rhs: FormulaPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// Where the formula text sits in its file, to turn positions in the text into positions in the file.
///
/// The first line of the text starts at (`line`, `column`) of the file; each further line of the
/// text is the next line of the file and starts at column 1.
struct FormulaSource: Sendable, Equatable {
    /// The file, empty when the formula does not come from a file.
    var file: String
    /// The file line of the first character of the formula (1-based).
    var line: Int
    /// The file column of the first character of the formula (1-based).
    var column: Int

    /// The file line and column of a position in the text.
    func location(of position: FormulaPosition) -> (line: Int, column: Int) {
        if position.line == 1 {
            return (line, column + position.column - 1)
        }
        return (line + position.line - 1, position.column)
    }

    /// `line:column` of a position in the text, in file coordinates, for messages.
    func describe(_ position: FormulaPosition) -> String {
        let location = location(of: position)
        return "\(location.line):\(location.column)"
    }

    /// An error located at a position in the text.
    func error(_ code: IndicatorsError.Code, _ message: String, at position: FormulaPosition) -> IndicatorsError {
        let location = location(of: position)
        return IndicatorsError(code, message, file: file, line: location.line, column: location.column)
    }
}
