internal import Foundation

/// Evaluates a parsed formula against a context, for one cluster and one period.
///
/// The evaluator walks the tree carrying the scope and period offset that apply: a bare input is
/// read in the cluster scope at offset 0, `region(…)` changes the scope of everything inside it,
/// and the time functions move the offset back (`lag(lag(x, 1), 2)` reads `x` at offset -3).
struct FormulaEvaluator<Context: FormulaContext> {
    /// Where inputs come from.
    let context: Context
    /// Where the formula sits in its file, to locate errors thrown by the context.
    let source: FormulaSource

    /// The value of `node` with its inputs read in `scope` at `offset`.
    ///
    /// - Throws: Only what the context throws, located at the input when the context gave no location.
    func evaluate(
        _ node: FormulaNode, scope: FormulaScope = .cluster, offset: Int = 0
    ) throws(IndicatorsError) -> FormulaValue {
        switch node.kind {
        case .number(let value):
            return FormulaValue(value)
        case .input(let name):
            return try read(name, scope: scope, offset: offset, at: node.position)
        case .scope(let inner, let argument):
            return try evaluate(argument, scope: inner, offset: offset)
        case .time(let function, let argument, let periods):
            return try evaluate(function, argument, periods: periods, scope: scope, offset: offset)
        case .call(let function, let arguments):
            return try evaluate(function, arguments, scope: scope, offset: offset)
        case .negate(let operand):
            return try evaluate(operand, scope: scope, offset: offset).mapping { FormulaValue(-$0) }
        case .not(let operand):
            return try evaluate(operand, scope: scope, offset: offset).mapping { FormulaValue($0 == 0 ? 1 : 0) }
        case .binary(let binary, let left, let right):
            return try evaluate(binary, left, right, scope: scope, offset: offset)
        }
    }

    // MARK: - Inputs

    /// Reads an input from the context; a missing value's reason gains the input, scope and period.
    private func read(
        _ input: String, scope: FormulaScope, offset: Int, at position: FormulaPosition
    ) throws(IndicatorsError) -> FormulaValue {
        let value: FormulaValue
        do throws(IndicatorsError) {
            value = try context.value(of: input, scope: scope, periodOffset: offset)
        } catch {
            var located = error
            if located.file.isEmpty && located.line == 0 {
                let location = source.location(of: position)
                located.file = source.file
                located.line = location.line
                located.column = location.column
            }
            throw located
        }
        guard value.isMissing else { return value }
        var reference = "\(scope.rawValue)(\(input))"
        if offset != 0 { reference += " at t\(offset)" }
        let reason = value.missingReason.map { "\(reference) is missing: \($0)" } ?? "\(reference) is missing"
        return .missing(reason, flags: value.flags)
    }

    // MARK: - Operators

    private func evaluate(
        _ binary: FormulaBinaryOperator, _ left: FormulaNode, _ right: FormulaNode, scope: FormulaScope, offset: Int
    ) throws(IndicatorsError) -> FormulaValue {
        let leftValue = try evaluate(left, scope: scope, offset: offset)
        switch binary {
        case .and, .or:
            // Lazy, left to right: the right side counts only when the left does not decide.
            guard let condition = leftValue.number else { return leftValue }
            if (condition != 0) == (binary == .or) {
                return FormulaValue(binary == .or ? 1 : 0, flags: leftValue.flags)
            }
            let rightValue = try evaluate(right, scope: scope, offset: offset)
            return FormulaValue.combining(leftValue, rightValue) { _, value in FormulaValue(value != 0 ? 1 : 0) }
        default:
            let rightValue = try evaluate(right, scope: scope, offset: offset)
            return FormulaValue.combining(leftValue, rightValue) { Self.apply(binary, $0, $1) }
        }
    }

    /// An arithmetic operator or comparison on two numbers.
    private static func apply(_ binary: FormulaBinaryOperator, _ left: Double, _ right: Double) -> FormulaValue {
        let outOfRange = "the result of '\(binary.rawValue)' is out of range"
        switch binary {
        case .add: return .finite(left + right, otherwise: outOfRange)
        case .subtract: return .finite(left - right, otherwise: outOfRange)
        case .multiply: return .finite(left * right, otherwise: outOfRange)
        case .divide:
            guard right != 0 else { return divisionByZero }
            return .finite(left / right, otherwise: outOfRange)
        case .power:
            if left == 0 && right < 0 { return divisionByZero }
            if left < 0 && right != right.rounded() {
                return .missing(
                    "\(formatFormulaNumber(left)) ^ \(formatFormulaNumber(right)) is not a real number "
                        + "(a negative number to a fractional power)")
            }
            return .finite(pow(left, right), otherwise: outOfRange)
        case .less: return truth(left < right)
        case .lessOrEqual: return truth(left <= right)
        case .greater: return truth(left > right)
        case .greaterOrEqual: return truth(left >= right)
        case .equal: return truth(left == right)
        case .notEqual: return truth(left != right)
        case .and: return truth(left != 0 && right != 0)
        case .or: return truth(left != 0 || right != 0)
        }
    }

    private static var divisionByZero: FormulaValue {
        .missing("division by zero", flags: [FormulaValue.divisionByZeroFlag])
    }

    private static func truth(_ condition: Bool) -> FormulaValue {
        FormulaValue(condition ? 1 : 0)
    }

    // MARK: - Functions

    private func evaluate(
        _ function: FormulaFunction, _ arguments: [FormulaNode], scope: FormulaScope, offset: Int
    ) throws(IndicatorsError) -> FormulaValue {
        switch function {
        case .if:
            // Lazy: only the branch taken is evaluated; the condition's flags carry into the result.
            let condition = try evaluate(arguments[0], scope: scope, offset: offset)
            guard let truth = condition.number else { return condition }
            var result = try evaluate(arguments[truth != 0 ? 1 : 2], scope: scope, offset: offset)
            result.flags.formUnion(condition.flags)
            return result
        case .coalesce:
            // Lazy: the first present value wins with its own flags; arguments after it are not read.
            var firstMissing: FormulaValue?
            var flags: Set<String> = []
            for argument in arguments {
                let value = try evaluate(argument, scope: scope, offset: offset)
                if !value.isMissing { return value }
                flags.formUnion(value.flags)
                if firstMissing == nil { firstMissing = value }
            }
            return .missing(firstMissing?.reasonForMissing ?? "no value", flags: flags)
        case .min, .max:
            var values: [FormulaValue] = []
            for argument in arguments {
                values.append(try evaluate(argument, scope: scope, offset: offset))
            }
            return FormulaValue.combining(values) { numbers in
                let extreme = function == .min ? numbers.min() : numbers.max()
                return extreme.map { FormulaValue($0) } ?? .missing("no arguments")
            }
        case .abs:
            return try evaluate(arguments[0], scope: scope, offset: offset).mapping { FormulaValue(Swift.abs($0)) }
        case .log:
            return try evaluate(arguments[0], scope: scope, offset: offset).mapping { value in
                if value == 0 { return .missing("the logarithm of zero is not a number") }
                if value < 0 {
                    return .missing(
                        "the logarithm of a negative number (\(formatFormulaNumber(value))) is not a number")
                }
                return FormulaValue(Foundation.log(value))
            }
        case .sqrt:
            return try evaluate(arguments[0], scope: scope, offset: offset).mapping { value in
                if value < 0 {
                    return .missing(
                        "the square root of a negative number (\(formatFormulaNumber(value))) is not a real number")
                }
                return FormulaValue(value.squareRoot())
            }
        }
    }

    // MARK: - Time

    private func evaluate(
        _ function: FormulaTimeFunction, _ argument: FormulaNode, periods: Int, scope: FormulaScope, offset: Int
    ) throws(IndicatorsError) -> FormulaValue {
        var values: [FormulaValue] = []
        for periodOffset in function.offsets(periods: periods) {
            values.append(try evaluate(argument, scope: scope, offset: offset + periodOffset))
        }
        switch function {
        case .lag:
            return values[0]
        case .change:
            return FormulaValue.combining(values[0], values[1]) { end, start in
                .finite(end - start, otherwise: "the result of 'change' is out of range")
            }
        case .cagr:
            return FormulaValue.combining(values[0], values[1]) { end, start in
                Self.compoundAnnualGrowthRate(from: start, to: end, periods: periods)
            }
        case .mean:
            return FormulaValue.combining(values) { numbers in
                .finite(numbers.reduce(0, +) / Double(numbers.count), otherwise: "the result of 'mean' is out of range")
            }
        }
    }

    /// `(end / start)^(1 / periods) - 1`, missing unless the start is positive and the end not negative.
    private static func compoundAnnualGrowthRate(from start: Double, to end: Double, periods: Int) -> FormulaValue {
        let span = periods == 1 ? "1 period" : "\(periods) periods"
        if start == 0 {
            return .missing(
                "no growth rate over \(span): the start value is 0", flags: [FormulaValue.divisionByZeroFlag])
        }
        if start < 0 {
            return .missing("no growth rate over \(span): the start value is negative (\(formatFormulaNumber(start)))")
        }
        if end < 0 {
            return .missing("no growth rate over \(span): the end value is negative (\(formatFormulaNumber(end)))")
        }
        return .finite(
            pow(end / start, 1 / Double(periods)) - 1, otherwise: "the growth rate over \(span) is out of range")
    }
}
