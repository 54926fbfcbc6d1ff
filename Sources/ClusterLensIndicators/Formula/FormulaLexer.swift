/// Splits formula text into tokens, tracking line and column.
///
/// Blanks are spaces, tabs and line breaks (`\n`, `\r\n` or `\r`); a line break starts a new line at
/// column 1. Columns count Unicode scalars. Names are `[A-Za-z_][A-Za-z0-9_]*`; numbers are
/// decimal with an optional fraction and exponent (`12`, `0.5`, `.5`, `1.5e-3`), without sign.
struct FormulaLexer {
    private let scalars: [Unicode.Scalar]
    private let source: FormulaSource
    private var index = 0
    private var position = FormulaPosition(line: 1, column: 1)

    /// Creates a lexer for `text`, which sits in its file as `source` says.
    init(_ text: String, source: FormulaSource) {
        self.scalars = Array(text.unicodeScalars)
        self.source = source
    }

    /// All the tokens of the text, followed by an ``FormulaToken/Kind/end`` token placed just after
    /// the last non-blank character (at 1:1 for a blank text).
    ///
    /// - Throws: ``IndicatorsError/Code/formulaSyntax`` for a character or number that is not part
    ///   of the language.
    mutating func tokenize() throws(IndicatorsError) -> [FormulaToken] {
        var tokens: [FormulaToken] = []
        var end = position
        while true {
            skipBlanks()
            guard index < scalars.count else { break }
            tokens.append(try nextToken())
            end = position
        }
        tokens.append(FormulaToken(kind: .end, text: "", position: end))
        return tokens
    }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private func peek(_ distance: Int = 1) -> Unicode.Scalar? {
        index + distance < scalars.count ? scalars[index + distance] : nil
    }

    /// Moves past the current scalar, which is not a line break.
    private mutating func advance() {
        index += 1
        position.column += 1
    }

    private mutating func skipBlanks() {
        while let scalar = current {
            switch scalar {
            case " ", "\t":
                advance()
            case "\n":
                index += 1
                position = FormulaPosition(line: position.line + 1, column: 1)
            case "\r":
                index += peek() == "\n" ? 2 : 1
                position = FormulaPosition(line: position.line + 1, column: 1)
            default:
                return
            }
        }
    }

    private mutating func nextToken() throws(IndicatorsError) -> FormulaToken {
        let start = position
        let startIndex = index
        guard let scalar = current else {
            return FormulaToken(kind: .end, text: "", position: start)
        }
        if Self.isNameStart(scalar) {
            while let next = current, Self.isNameStart(next) || Self.isDigit(next) { advance() }
            let name = text(from: startIndex)
            return FormulaToken(kind: .name(name), text: name, position: start)
        }
        if Self.isDigit(scalar) || (scalar == "." && peek().map(Self.isDigit) == true) {
            return try number()
        }
        let kind: FormulaToken.Kind
        switch scalar {
        case "(": kind = .leftParenthesis
        case ")": kind = .rightParenthesis
        case ",": kind = .comma
        case "+": kind = .plus
        case "-": kind = .minus
        case "*":
            if peek() == "*" {
                throw source.error(.formulaSyntax, "unexpected '**'; write '^' for a power", at: start)
            }
            kind = .star
        case "/": kind = .slash
        case "^": kind = .caret
        case "<":
            if peek() == "=" {
                advance()
                kind = .lessOrEqual
            } else {
                kind = .less
            }
        case ">":
            if peek() == "=" {
                advance()
                kind = .greaterOrEqual
            } else {
                kind = .greater
            }
        case "=":
            guard peek() == "=" else {
                throw source.error(.formulaSyntax, "unexpected '='; write '==' to compare", at: start)
            }
            advance()
            kind = .equal
        case "!":
            guard peek() == "=" else {
                throw source.error(.formulaSyntax, "unexpected '!'; write 'not' to negate, '!=' to compare", at: start)
            }
            advance()
            kind = .notEqual
        case "&":
            throw source.error(.formulaSyntax, "unexpected '&'; write 'and'", at: start)
        case "|":
            throw source.error(.formulaSyntax, "unexpected '|'; write 'or'", at: start)
        default:
            throw source.error(.formulaSyntax, "unexpected character \(Self.describe(scalar))", at: start)
        }
        advance()
        return FormulaToken(kind: kind, text: text(from: startIndex), position: start)
    }

    /// Reads a number: digits, an optional fraction, an optional exponent.
    private mutating func number() throws(IndicatorsError) -> FormulaToken {
        let start = position
        let startIndex = index
        while let next = current, Self.isDigit(next) { advance() }
        if current == "." {
            advance()
            guard let next = current, Self.isDigit(next) else {
                throw source.error(
                    .formulaSyntax, "expected a digit after the decimal point of '\(text(from: startIndex))'",
                    at: position)
            }
            while let next = current, Self.isDigit(next) { advance() }
        }
        if current == "e" || current == "E" {
            advance()
            if current == "+" || current == "-" { advance() }
            guard let next = current, Self.isDigit(next) else {
                throw source.error(
                    .formulaSyntax, "expected digits in the exponent of '\(text(from: startIndex))'", at: position)
            }
            while let next = current, Self.isDigit(next) { advance() }
        }
        let spelling = text(from: startIndex)
        guard let value = Double(spelling), value.isFinite else {
            throw source.error(.formulaSyntax, "number \(spelling) is too large", at: start)
        }
        return FormulaToken(kind: .number(value), text: spelling, position: start)
    }

    private func text(from startIndex: Int) -> String {
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars[startIndex..<index])
        return text
    }

    private static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "A" && scalar <= "Z") || (scalar >= "a" && scalar <= "z") || scalar == "_"
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar >= "0" && scalar <= "9"
    }

    /// A character for a message: quoted when visible, as `U+00A0` when blank or a control character.
    private static func describe(_ scalar: Unicode.Scalar) -> String {
        let properties = scalar.properties
        if properties.isWhitespace || properties.generalCategory == .control || properties.generalCategory == .format {
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
        return "'\(scalar)'"
    }
}
