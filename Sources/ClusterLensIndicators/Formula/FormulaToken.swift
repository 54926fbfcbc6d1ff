/// One token of a formula, with its spelling and position in the formula text.
struct FormulaToken: Sendable, Equatable {
    /// What the token is.
    enum Kind: Sendable, Equatable {
        case number(Double)
        case name(String)
        case leftParenthesis
        case rightParenthesis
        case comma
        case plus
        case minus
        case star
        case slash
        case caret
        case less
        case lessOrEqual
        case greater
        case greaterOrEqual
        case equal
        case notEqual
        /// The end of the formula, positioned just after its last non-blank character.
        case end
    }

    var kind: Kind
    /// The token as written (empty for the end).
    var text: String
    /// The position of its first character in the formula text.
    var position: FormulaPosition

    /// The token as messages name it: `')'`, `name 'x'`, `number 2.5`, `end of formula`.
    var summary: String {
        switch kind {
        case .end: return "end of formula"
        case .number: return "number \(text)"
        case .name(let name):
            return FormulaKeyword(rawValue: name) == nil ? "name '\(name)'" : "'\(name)'"
        default: return "'\(text)'"
        }
    }
}

/// The words of the formula language that are operators, not names.
enum FormulaKeyword: String, Sendable, CaseIterable {
    case and
    case or
    case not
}
