/// What a formula reads its inputs from: the engine binds each input name to data for one cluster
/// and one period being computed.
///
/// The evaluator calls ``value(of:scope:periodOffset:)`` once for every input occurrence it
/// evaluates (the untaken branch of an `if` is not evaluated). A context that lacks data returns
/// a missing ``FormulaValue`` with the reason (and the flags of the cell, such as `c` for
/// confidential); it throws only for a formula it cannot serve at all, such as an input name the
/// indicator file does not bind. A thrown error without a location gets the position of the input
/// in the formula.
public protocol FormulaContext {
    /// The value of one input.
    ///
    /// - Parameters:
    ///   - input: The input name, as written in the formula.
    ///   - scope: Where to read it; ``FormulaScope/cluster`` for a bare name.
    ///   - periodOffset: `0` for the period being computed, `-n` for `n` periods earlier (never positive).
    /// - Returns: The value with its flags, or a missing value with the reason.
    /// - Throws: ``IndicatorsError`` with code ``IndicatorsError/Code/formulaEvaluation`` when the
    ///   input cannot be served at all, for example because it is not bound.
    func value(of input: String, scope: FormulaScope, periodOffset: Int) throws(IndicatorsError) -> FormulaValue
}
