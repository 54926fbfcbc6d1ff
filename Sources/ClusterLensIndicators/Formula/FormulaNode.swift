/// One node of a parsed formula, with the position of the token that introduced it.
///
/// Parsing builds the tree once; evaluation walks it for every cluster and period.
struct FormulaNode: Sendable, Equatable, CustomStringConvertible {
    /// What the node computes.
    indirect enum Kind: Sendable, Equatable {
        /// A number written in the formula.
        case number(Double)
        /// An input, read in the scope and period that enclose it.
        case input(String)
        /// `cluster(x)`, `region(x)`, …: `x` with its inputs read in another scope.
        case scope(FormulaScope, FormulaNode)
        /// `lag(x, n)`, `change(x, n)`, `cagr(x, n)`, `mean(x, n)`.
        case time(FormulaTimeFunction, FormulaNode, periods: Int)
        /// `if`, `coalesce`, `min`, `max`, `abs`, `log`, `sqrt`.
        case call(FormulaFunction, [FormulaNode])
        /// `-x`.
        case negate(FormulaNode)
        /// `not x`.
        case not(FormulaNode)
        /// `x op y`.
        case binary(FormulaBinaryOperator, FormulaNode, FormulaNode)

        /// Whether this is an input.
        var isInput: Bool {
            if case .input = self { return true }
            return false
        }

        /// The nodes directly below.
        var children: [FormulaNode] {
            switch self {
            case .number, .input: return []
            case .scope(_, let argument), .time(_, let argument, _), .negate(let argument), .not(let argument):
                return [argument]
            case .call(_, let arguments): return arguments
            case .binary(_, let left, let right): return [left, right]
            }
        }
    }

    /// What the node computes.
    let kind: Kind
    /// Where it starts in the formula text (for an operator, the operator's position).
    let position: FormulaPosition
    /// The number of nodes on the longest path from this node to a leaf, itself included.
    let height: Int
    /// The most values one evaluation reads from the context (both branches of an `if` counted;
    /// a time function multiplies by the periods it reads). Saturates at `Int.max`.
    let reads: Int
    /// The nodes one evaluation visits (a time function visits its argument once per period it reads,
    /// inputs or not). Saturates at `Int.max`.
    let work: Int
    /// How many periods before the enclosing one the time functions below reach (`lag(mean(x, 3), 2)`
    /// reaches 4). Saturates at `Int.max`.
    let reach: Int

    /// Creates a node.
    init(_ kind: Kind, at position: FormulaPosition) {
        self.kind = kind
        self.position = position
        let children = kind.children
        self.height = 1 + (children.map(\.height).max() ?? 0)
        switch kind {
        case .time(let function, let argument, let periods):
            let offsets = function.offsets(periods: periods)
            self.reads = saturatingProduct(argument.reads, offsets.count)
            self.work = saturatingSum(1, saturatingProduct(argument.work, offsets.count))
            self.reach = saturatingSum(argument.reach, -(offsets.min() ?? 0))
        default:
            self.reads = kind.isInput ? 1 : children.reduce(0) { saturatingSum($0, $1.reads) }
            self.work = children.reduce(1) { saturatingSum($0, $1.work) }
            self.reach = children.map(\.reach).max() ?? 0
        }
    }

    /// The node fully parenthesised, for tests and debugging: `(2 ^ (3 ^ 2))`, `region(x)`.
    var description: String {
        switch kind {
        case .number(let value): return formatFormulaNumber(value)
        case .input(let name): return name
        case .scope(let scope, let argument): return "\(scope.rawValue)(\(argument))"
        case .time(let function, let argument, let periods): return "\(function.rawValue)(\(argument), \(periods))"
        case .call(let function, let arguments):
            return "\(function.rawValue)(" + arguments.map(\.description).joined(separator: ", ") + ")"
        case .negate(let operand): return "(-\(operand))"
        case .not(let operand): return "(not \(operand))"
        case .binary(let binary, let left, let right): return "(\(left) \(binary.rawValue) \(right))"
        }
    }
}

/// `left + right`, or `Int.max` when it overflows.
private func saturatingSum(_ left: Int, _ right: Int) -> Int {
    let (sum, overflow) = left.addingReportingOverflow(right)
    return overflow ? Int.max : sum
}

/// `left × right`, or `Int.max` when it overflows.
private func saturatingProduct(_ left: Int, _ right: Int) -> Int {
    let (product, overflow) = left.multipliedReportingOverflow(by: right)
    return overflow ? Int.max : product
}

/// The binary operators, spelled as in the formula language.
enum FormulaBinaryOperator: String, Sendable, Equatable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case power = "^"
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case equal = "=="
    case notEqual = "!="
    case and
    case or
}

/// The functions of the formula language that are not scopes or time functions.
enum FormulaFunction: String, Sendable, Equatable, CaseIterable {
    case `if`
    case coalesce
    case min
    case max
    case abs
    case log
    case sqrt

    /// The fewest arguments the function takes.
    var minimumArity: Int {
        switch self {
        case .if: return 3
        case .coalesce, .min, .max: return 2
        case .abs, .log, .sqrt: return 1
        }
    }

    /// The most arguments the function takes, `nil` when unbounded.
    var maximumArity: Int? {
        switch self {
        case .if: return 3
        case .coalesce, .min, .max: return nil
        case .abs, .log, .sqrt: return 1
        }
    }

    /// How messages describe the arguments.
    var signature: String {
        switch self {
        case .if: return "if(condition, value if true, value if false)"
        case .coalesce: return "coalesce(a, b, …)"
        case .min: return "min(a, b, …)"
        case .max: return "max(a, b, …)"
        case .abs: return "abs(x)"
        case .log: return "log(x)"
        case .sqrt: return "sqrt(x)"
        }
    }
}

/// The time functions: each takes a value and a whole number of periods.
enum FormulaTimeFunction: String, Sendable, Equatable, CaseIterable {
    case lag
    case change
    case cagr
    case mean

    /// How messages describe the arguments.
    var signature: String { "\(rawValue)(x, n)" }

    /// The period offsets `self(x, periods)` reads `x` at, relative to the enclosing period, latest first.
    func offsets(periods: Int) -> [Int] {
        switch self {
        case .lag: return [-periods]
        case .change, .cagr: return [0, -periods]
        case .mean: return (0..<periods).map { -$0 }
        }
    }
}
