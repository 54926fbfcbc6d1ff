import ClusterLensCore
import ClusterLensImport
import ClusterLensSupport
import Foundation
import Testing

@testable import ClusterLensIndicators

/// A formula context backed by dictionaries, for tests.
///
/// Keys name an input, optionally in a scope and at a period offset: `employment` (the cluster, this
/// period), `region(employment)`, `employment@-1`, `reference(employment)@-2`. Every input that
/// appears in a key is bound: a read with no entry gives a missing value ("no observation"). Reading
/// an input that appears in no key throws, as an engine does for an unbound name.
struct FormulaTestContext: FormulaContext {
    private struct Key: Hashable {
        var input: String
        var scope: FormulaScope
        var offset: Int
    }

    private var values: [Key: FormulaValue] = [:]
    private var bound: Set<String> = []

    /// Creates a context.
    ///
    /// - Parameters:
    ///   - numbers: The present values.
    ///   - flags: Flags of present or missing values, by the same keys.
    ///   - missing: Missing values with their reason.
    init(_ numbers: [String: Double] = [:], flags: [String: Set<String>] = [:], missing: [String: String] = [:]) {
        for (key, number) in numbers {
            insert(FormulaValue(number, flags: flags[key] ?? []), at: key)
        }
        for (key, reason) in missing {
            insert(.missing(reason, flags: flags[key] ?? []), at: key)
        }
    }

    func value(of input: String, scope: FormulaScope, periodOffset: Int) throws(IndicatorsError) -> FormulaValue {
        if let value = values[Key(input: input, scope: scope, offset: periodOffset)] {
            return value
        }
        guard bound.contains(input) else {
            throw IndicatorsError(.formulaEvaluation, "input '\(input)' is not bound to a dataflow")
        }
        return .missing("no observation")
    }

    private mutating func insert(_ value: FormulaValue, at text: String) {
        let key = Self.key(text)
        values[key] = value
        bound.insert(key.input)
    }

    private static func key(_ text: String) -> Key {
        var reference = Substring(text)
        var offset = 0
        if let at = reference.firstIndex(of: "@") {
            offset = Int(reference[reference.index(after: at)...]) ?? 0
            reference = reference[..<at]
        }
        var scope = FormulaScope.cluster
        if let open = reference.firstIndex(of: "("), reference.last == ")",
            let named = FormulaScope(rawValue: String(reference[..<open]))
        {
            scope = named
            reference = reference[reference.index(after: open)..<reference.index(before: reference.endIndex)]
        }
        return Key(input: String(reference), scope: scope, offset: offset)
    }
}
