/// Turns the tokens of a formula into a ``FormulaNode`` tree by recursive descent.
///
/// Precedence, loosest first: `or`; `and`; `not`; comparisons (`< <= > >= == !=`, which do not
/// chain); `+ -`; `* /`; unary minus; `^` (right-associative, so `2^3^2` is `2^(3^2)` and `-2^2` is
/// `-(2^2)`). Every error names the line and column of the offending token in the file.
struct FormulaParser {
    /// The deepest nesting of parentheses, calls and prefix operators the parser accepts.
    static let maximumNesting = 64
    /// The tallest tree the parser accepts (long chains such as `a + b + … + z` count here).
    static let maximumHeight = 256
    /// The largest number of periods a time function accepts.
    static let maximumPeriods = 10_000
    /// The most values one evaluation may read (nested `mean`s multiply).
    static let maximumReads = 100_000
    /// The most nodes one evaluation may visit (nested time functions multiply, inputs or not).
    static let maximumWork = 1_000_000
    /// The most periods before the one computed that a formula may reach (nested time functions add).
    static let maximumReach = 10_000

    private let tokens: [FormulaToken]
    private let source: FormulaSource
    private var index = 0
    private var nesting = 0
    /// The scope function whose argument is being parsed, with its name token.
    private var enclosingScope: FormulaToken?

    /// Creates a parser over the tokens of ``FormulaLexer/tokenize()`` (which end with an end token).
    init(tokens: [FormulaToken], source: FormulaSource) {
        self.tokens = tokens
        self.source = source
    }

    /// Parses the whole formula.
    ///
    /// - Throws: ``IndicatorsError/Code/formulaSyntax`` at the first error.
    mutating func parseFormula() throws(IndicatorsError) -> FormulaNode {
        if current.kind == .end {
            throw source.error(.formulaSyntax, "empty formula", at: current.position)
        }
        let node = try parseExpression()
        switch current.kind {
        case .end:
            return node
        case .rightParenthesis:
            throw error("unexpected ')' without a matching '('")
        default:
            throw error("expected an operator or the end of the formula, found \(current.summary)")
        }
    }

    // MARK: - Tokens

    private var current: FormulaToken {
        // The token list always ends with an end token, and the parser never moves past it.
        tokens[Swift.min(index, tokens.count - 1)]
    }

    private var previous: FormulaToken? { index > 0 ? tokens[index - 1] : nil }

    @discardableResult
    private mutating func advance() -> FormulaToken {
        let token = current
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    private func isKeyword(_ keyword: FormulaKeyword) -> Bool {
        current.kind == .name(keyword.rawValue)
    }

    private func error(_ message: String, at token: FormulaToken? = nil) -> IndicatorsError {
        source.error(.formulaSyntax, message, at: (token ?? current).position)
    }

    private func node(_ kind: FormulaNode.Kind, at position: FormulaPosition) throws(IndicatorsError) -> FormulaNode {
        let node = FormulaNode(kind, at: position)
        guard node.height <= Self.maximumHeight else {
            throw source.error(
                .formulaSyntax, "formula too deeply nested (more than \(Self.maximumHeight) levels)", at: position)
        }
        guard node.reads <= Self.maximumReads else {
            throw source.error(
                .formulaSyntax, "formula reads too many values (more than \(Self.maximumReads) per evaluation)",
                at: position)
        }
        guard node.reach <= Self.maximumReach else {
            throw source.error(
                .formulaSyntax,
                "formula reaches too far back: its time functions add up to more than \(Self.maximumReach) periods",
                at: position)
        }
        guard node.work <= Self.maximumWork else {
            throw source.error(
                .formulaSyntax, "formula takes too many steps (more than \(Self.maximumWork) per evaluation)",
                at: position)
        }
        return node
    }

    private mutating func enterNesting() throws(IndicatorsError) {
        nesting += 1
        guard nesting <= Self.maximumNesting else {
            throw error("formula too deeply nested (more than \(Self.maximumNesting) levels)")
        }
    }

    // MARK: - Operators

    private mutating func parseExpression() throws(IndicatorsError) -> FormulaNode {
        try enterNesting()
        defer { nesting -= 1 }
        return try parseOr()
    }

    private mutating func parseOr() throws(IndicatorsError) -> FormulaNode {
        var left = try parseAnd()
        while isKeyword(.or) {
            let operatorToken = advance()
            let right = try parseAnd()
            left = try node(.binary(.or, left, right), at: operatorToken.position)
        }
        return left
    }

    private mutating func parseAnd() throws(IndicatorsError) -> FormulaNode {
        var left = try parseNot()
        while isKeyword(.and) {
            let operatorToken = advance()
            let right = try parseNot()
            left = try node(.binary(.and, left, right), at: operatorToken.position)
        }
        return left
    }

    private mutating func parseNot() throws(IndicatorsError) -> FormulaNode {
        guard isKeyword(.not) else { return try parseComparison() }
        let operatorToken = advance()
        try enterNesting()
        defer { nesting -= 1 }
        let operand = try parseNot()
        return try node(.not(operand), at: operatorToken.position)
    }

    private mutating func parseComparison() throws(IndicatorsError) -> FormulaNode {
        let left = try parseAdditive()
        guard let comparison = Self.comparison(current.kind) else { return left }
        let operatorToken = advance()
        let right = try parseAdditive()
        if Self.comparison(current.kind) != nil {
            throw error("comparisons do not chain; join them with 'and', as in a < b and b < c")
        }
        return try node(.binary(comparison, left, right), at: operatorToken.position)
    }

    private mutating func parseAdditive() throws(IndicatorsError) -> FormulaNode {
        var left = try parseMultiplicative()
        while true {
            let binary: FormulaBinaryOperator
            switch current.kind {
            case .plus: binary = .add
            case .minus: binary = .subtract
            default: return left
            }
            let operatorToken = advance()
            let right = try parseMultiplicative()
            left = try node(.binary(binary, left, right), at: operatorToken.position)
        }
    }

    private mutating func parseMultiplicative() throws(IndicatorsError) -> FormulaNode {
        var left = try parseUnary()
        while true {
            let binary: FormulaBinaryOperator
            switch current.kind {
            case .star: binary = .multiply
            case .slash: binary = .divide
            default: return left
            }
            let operatorToken = advance()
            let right = try parseUnary()
            left = try node(.binary(binary, left, right), at: operatorToken.position)
        }
    }

    private mutating func parseUnary() throws(IndicatorsError) -> FormulaNode {
        guard current.kind == .minus else { return try parsePower() }
        let operatorToken = advance()
        try enterNesting()
        defer { nesting -= 1 }
        let operand = try parseUnary()
        return try node(.negate(operand), at: operatorToken.position)
    }

    private mutating func parsePower() throws(IndicatorsError) -> FormulaNode {
        let base = try parsePrimary()
        guard current.kind == .caret else { return base }
        let operatorToken = advance()
        try enterNesting()
        defer { nesting -= 1 }
        // The exponent may carry its own sign and power: 2^-1, 2^3^2.
        let exponent = try parseUnary()
        return try node(.binary(.power, base, exponent), at: operatorToken.position)
    }

    private static func comparison(_ kind: FormulaToken.Kind) -> FormulaBinaryOperator? {
        switch kind {
        case .less: return .less
        case .lessOrEqual: return .lessOrEqual
        case .greater: return .greater
        case .greaterOrEqual: return .greaterOrEqual
        case .equal: return .equal
        case .notEqual: return .notEqual
        default: return nil
        }
    }

    // MARK: - Operands

    private mutating func parsePrimary() throws(IndicatorsError) -> FormulaNode {
        let token = current
        switch token.kind {
        case .number(let value):
            advance()
            return try node(.number(value), at: token.position)
        case .leftParenthesis:
            advance()
            let inner = try parseExpression()
            guard current.kind == .rightParenthesis else {
                throw error(
                    "expected ')' to match the '(' at \(source.describe(token.position)), found \(current.summary)")
            }
            advance()
            return inner
        case .name(let name) where FormulaKeyword(rawValue: name) == nil:
            advance()
            if current.kind == .leftParenthesis {
                return try parseCall(token, name: name)
            }
            if let signature = Self.signature(ofFunction: name) {
                throw error("'\(name)' is a function; call it as \(signature)", at: token)
            }
            return try node(.input(name), at: token.position)
        default:
            if let previous {
                throw error("expected a value after \(previous.summary), found \(token.summary)")
            }
            throw error("expected a value, found \(token.summary)")
        }
    }

    /// Parses a call whose name has been read; the current token is its '('.
    private mutating func parseCall(_ nameToken: FormulaToken, name: String) throws(IndicatorsError) -> FormulaNode {
        if let scope = FormulaScope(rawValue: name) {
            if let enclosingScope {
                throw error(
                    "'\(name)(…)' cannot be used inside '\(enclosingScope.text)(…)'; scopes do not nest",
                    at: nameToken)
            }
            enclosingScope = nameToken
            defer { enclosingScope = nil }
            let (arguments, closing) = try parseArguments(of: name)
            try checkArity(name, signature: "\(name)(x)", minimum: 1, maximum: 1, arguments, closing)
            return try node(.scope(scope, arguments[0].node), at: nameToken.position)
        }
        if let function = FormulaTimeFunction(rawValue: name) {
            let (arguments, closing) = try parseArguments(of: name)
            try checkArity(name, signature: function.signature, minimum: 2, maximum: 2, arguments, closing)
            let periods = try periodCount(arguments[1], of: name)
            return try node(.time(function, arguments[0].node, periods: periods), at: nameToken.position)
        }
        if let function = FormulaFunction(rawValue: name) {
            let (arguments, closing) = try parseArguments(of: name)
            try checkArity(
                name, signature: function.signature, minimum: function.minimumArity,
                maximum: function.maximumArity, arguments, closing)
            return try node(.call(function, arguments.map(\.node)), at: nameToken.position)
        }
        throw error("unknown function '\(name)'; the functions are \(Self.functionNames)", at: nameToken)
    }

    /// One argument of a call, with the position of its first token.
    private struct Argument {
        var node: FormulaNode
        var start: FormulaPosition
    }

    /// Parses `( argument, … )` from the current '(' and returns the arguments and the closing ')'.
    private mutating func parseArguments(
        of name: String
    ) throws(IndicatorsError) -> (arguments: [Argument], closing: FormulaToken) {
        advance()  // '('
        var arguments: [Argument] = []
        if current.kind == .rightParenthesis {
            return (arguments, advance())
        }
        while true {
            let start = current.position
            arguments.append(Argument(node: try parseExpression(), start: start))
            switch current.kind {
            case .comma:
                advance()
            case .rightParenthesis:
                return (arguments, advance())
            default:
                throw error("expected ')' after the arguments of '\(name)', found \(current.summary)")
            }
        }
    }

    /// Checks the argument count: too many points at the first extra argument, too few at the ')'.
    private func checkArity(
        _ name: String, signature: String, minimum: Int, maximum: Int?, _ arguments: [Argument],
        _ closing: FormulaToken
    ) throws(IndicatorsError) {
        let count = arguments.count
        if count >= minimum, maximum.map({ count <= $0 }) ?? true { return }
        let expected: String
        if maximum == minimum {
            expected = "\(minimum) argument" + (minimum == 1 ? "" : "s")
        } else {
            expected = "at least \(minimum) arguments"
        }
        let message = "'\(name)' takes \(expected), as in \(signature); found \(count)"
        if let maximum, count > maximum {
            throw source.error(.formulaSyntax, message, at: arguments[maximum].start)
        }
        throw error(message, at: closing)
    }

    /// The number of periods of a time function: a whole-number literal from 1 to ``maximumPeriods``.
    private func periodCount(_ argument: Argument, of name: String) throws(IndicatorsError) -> Int {
        let rule =
            "the number of periods of '\(name)' must be a whole number from 1 to \(Self.maximumPeriods), "
            + "written as a number"
        guard case .number(let value) = argument.node.kind else {
            throw source.error(.formulaSyntax, "\(rule); found an expression", at: argument.start)
        }
        guard value >= 1, value <= Double(Self.maximumPeriods), value == value.rounded() else {
            throw source.error(.formulaSyntax, "\(rule); found \(formatFormulaNumber(value))", at: argument.start)
        }
        return Int(value)
    }

    /// `max(a, b, …)` for a function name, `nil` for any other name.
    private static func signature(ofFunction name: String) -> String? {
        if FormulaScope(rawValue: name) != nil { return "\(name)(x)" }
        if let function = FormulaTimeFunction(rawValue: name) { return function.signature }
        return FormulaFunction(rawValue: name)?.signature
    }

    /// Every function name, sorted, for messages.
    private static let functionNames: String = {
        let names =
            FormulaScope.allCases.map(\.rawValue) + FormulaTimeFunction.allCases.map(\.rawValue)
            + FormulaFunction.allCases.map(\.rawValue)
        return names.sorted().joined(separator: ", ")
    }()
}
