/// An indicator formula, parsed once and evaluated for every cluster and period.
///
/// The language:
/// - numbers (`12`, `0.5`, `.5`, `1.5e-3`), input names (`[A-Za-z_][A-Za-z0-9_]*`, bound to
///   dataflows by the indicator file), parentheses;
/// - operators, tightest first: `^` (right-associative), unary `-`, `* /`, `+ -`, comparisons
///   `< <= > >= == !=` (giving 1 or 0; they do not chain), `not`, `and`, `or` (lazy, left to
///   right; non-zero is true);
/// - `if(condition, a, b)` (lazy), `coalesce(a, b, …)` (the first present value), `min(a, b, …)`,
///   `max(a, b, …)`, `abs(x)`, `log(x)` (natural), `sqrt(x)`;
/// - scopes: a bare name reads the cluster; `cluster(x)`, `region(x)` (the cluster's regions, all
///   sectors), `reference(x)` (the cluster's sectors in the reference area), `referenceTotal(x)`
///   (the reference area, all sectors), `peers(x)` (the peer regions, aggregated), `national(x)`
///   (the cluster's sectors in its country) and `nationalTotal(x)` (its country, all sectors) read
///   every input of `x` in that scope. Scopes do not nest;
/// - time: `lag(x, n)` is `x` `n` periods earlier, `change(x, n)` is `x - lag(x, n)`,
///   `cagr(x, n)` is `(x / lag(x, n))^(1/n) - 1`, `mean(x, n)` is the mean of `x` over this period
///   and the `n - 1` before. `n` is a whole number from 1 to 10,000, written as a number. Time
///   functions nest and compose with scopes: `lag(region(x), 1)`, `region(lag(x, 1))`.
///
/// Missing is never zero: an operation on a missing value is missing, with the first reason met
/// (an input's reason names the input, its scope and period: `region(employment) at t-1 is
/// missing: …`). `min`, `max`, `mean`, `change` and `cagr` are missing when any value they need is.
/// Only the lazy forms skip a missing value: the untaken branch of `if`, the arguments after the
/// first present one in `coalesce`, the right side of `and`/`or` when the left decides. Division
/// by zero (also `0 ^ -1` and a growth rate from 0) is missing with the flag
/// ``FormulaValue/divisionByZeroFlag``; `log` of zero or a negative, `sqrt` of a negative, a growth
/// rate from or to a negative, and results out of `Double`'s range are missing with a reason.
/// Every result carries the flags of the values it was computed from.
///
/// ```swift
/// let quotient = try Formula(
///     parsing: "(cluster(employment) / region(employment)) / (reference(employment) / referenceTotal(employment))",
///     file: "Indicators/lq.yaml", line: 14, column: 10)
/// let value = try quotient.evaluate(context)
/// ```
public struct Formula: Sendable, Equatable, CustomStringConvertible {
    /// The formula text, as given.
    public let text: String
    /// The input names the formula reads, in any scope and period.
    public let inputs: Set<String>
    /// Every input, scope and period offset the formula may read (both branches of an `if`
    /// included), so an engine can check bindings and fetch data before evaluating.
    public let references: Set<FormulaReference>

    let root: FormulaNode
    let source: FormulaSource

    /// Parses a formula.
    ///
    /// Positions in errors are file positions: the first line of `text` starts at `line` and
    /// `column`; each further line of `text` is the next line of the file, from column 1. Columns
    /// count Unicode scalars.
    ///
    /// - Parameters:
    ///   - text: The formula; line breaks are blanks.
    ///   - file: The file the formula comes from, for errors; empty when none.
    ///   - line: The file line of the formula's first character (1-based).
    ///   - column: The file column of the formula's first character (1-based).
    /// - Throws: ``IndicatorsError`` with code ``IndicatorsError/Code/formulaSyntax``, located at
    ///   the offending token, for an empty formula, an unexpected character or token, a missing
    ///   `)`, an unknown function, a wrong number of arguments, a period count that is not a whole
    ///   number literal, nested scopes, chained comparisons, a formula nested too deeply (64 levels
    ///   of parentheses, calls and prefix operators; a tree 256 levels tall), one that would
    ///   read more than 100,000 values or visit more than 1,000,000 nodes per evaluation (nested
    ///   `mean`s multiply, inputs or not), or whose time functions reach more than 10,000 periods back.
    public init(parsing text: String, file: String = "", line: Int = 1, column: Int = 1) throws(IndicatorsError) {
        let source = FormulaSource(file: file, line: line, column: column)
        var lexer = FormulaLexer(text, source: source)
        var parser = FormulaParser(tokens: try lexer.tokenize(), source: source)
        let root = try parser.parseFormula()
        var references: Set<FormulaReference> = []
        Self.collectReferences(root, scope: .cluster, backs: [0], into: &references)
        self.text = text
        self.root = root
        self.source = source
        self.references = references
        self.inputs = Set(references.map(\.input))
    }

    /// Evaluates the formula for the cluster and period that `context` serves.
    ///
    /// - Parameter context: Where the inputs come from.
    /// - Returns: The value, or a missing value with the reason; with the flags of its inputs.
    /// - Throws: What the context throws (``IndicatorsError/Code/formulaEvaluation`` for an input
    ///   it cannot serve), located at the input in the formula when the context gave no location.
    public func evaluate(_ context: some FormulaContext) throws(IndicatorsError) -> FormulaValue {
        try FormulaEvaluator(context: context, source: source).evaluate(root)
    }

    /// The formula text.
    public var description: String { text }

    /// Adds the references of `node`, read in `scope` at each of the periods `backs` before the one
    /// computed (sorted, distinct). Each node is visited once, and a sub-tree without inputs not at
    /// all; a time function's periods cost at most the formula's reach (``FormulaParser/maximumReach``),
    /// so the walk is linear in the formula's size.
    private static func collectReferences(
        _ node: FormulaNode, scope: FormulaScope, backs: [Int], into references: inout Set<FormulaReference>
    ) {
        guard node.reads > 0 else { return }
        switch node.kind {
        case .input(let name):
            for back in backs {
                references.insert(FormulaReference(input: name, scope: scope, periodOffset: -back))
            }
        case .scope(let inner, let argument):
            collectReferences(argument, scope: inner, backs: backs, into: &references)
        case .time(let function, let argument, let periods):
            let moved = Self.backs(backs, movedBy: function, periods: periods)
            collectReferences(argument, scope: scope, backs: moved, into: &references)
        default:
            for child in node.kind.children {
                collectReferences(child, scope: scope, backs: backs, into: &references)
            }
        }
    }

    /// The periods back that `function(x, periods)` read at `backs` reads `x` at, sorted and distinct.
    /// Each distance is marked as a run of periods (a `mean` reads a run), so the cost is the size of
    /// the result, not the product of the two counts.
    private static func backs(_ backs: [Int], movedBy function: FormulaTimeFunction, periods: Int) -> [Int] {
        let runs: [ClosedRange<Int>]
        switch function {
        case .lag: runs = [periods...periods]
        case .change, .cagr: runs = [0...0, periods...periods]
        case .mean: runs = [0...(periods - 1)]
        }
        guard let last = backs.last else { return [] }
        // +1 where a run starts, -1 after it ends; a running sum above 0 marks a period read.
        var edges = [Int](repeating: 0, count: last + periods + 2)
        for back in backs {
            for run in runs {
                edges[back + run.lowerBound] += 1
                edges[back + run.upperBound + 1] -= 1
            }
        }
        var result: [Int] = []
        var open = 0
        for index in 0..<(edges.count - 1) {
            open += edges[index]
            if open > 0 { result.append(index) }
        }
        return result
    }
}

/// One value a formula may read: an input, in a scope, at a period offset.
public struct FormulaReference: Sendable, Hashable, CustomStringConvertible {
    /// The input name.
    public var input: String
    /// The scope it is read in.
    public var scope: FormulaScope
    /// `0` for the period being computed, `-n` for `n` periods earlier.
    public var periodOffset: Int

    /// Creates a reference.
    public init(input: String, scope: FormulaScope, periodOffset: Int) {
        self.input = input
        self.scope = scope
        self.periodOffset = periodOffset
    }

    /// `region(employment)`, followed by ` at t-1` when the offset is not 0.
    public var description: String {
        "\(scope.rawValue)(\(input))" + (periodOffset == 0 ? "" : " at t\(periodOffset)")
    }
}
