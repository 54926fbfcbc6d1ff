/// The result of a formula, or of one of its inputs: a number, or missing with the reason why,
/// together with the status flags of everything it was computed from.
///
/// Missing is never zero. Every operation on a missing value gives a missing value that keeps the
/// first reason met (left to right), and every result carries the union of its operands' flags
/// (Eurostat's `e` estimated, `p` provisional, `c` confidential, `b` break in series, and the
/// engine's own such as ``divisionByZeroFlag`` or `modelled`), so a value computed from a flagged
/// input is flagged too.
///
/// A value is missing exactly when ``number`` is `nil`, and then ``missingReason`` says why. The
/// number of a present value is always finite: creating a value from `NaN` or an infinity gives a
/// missing value.
public struct FormulaValue: Sendable, Equatable, CustomStringConvertible {
    /// The number, `nil` when the value is missing. Always finite.
    public internal(set) var number: Double?
    /// Why the value is missing, `nil` when it is present.
    public internal(set) var missingReason: String?
    /// The status flags of the value and of everything it was computed from.
    public var flags: Set<String>

    /// The flag of a result that divided by zero (the result itself is missing).
    public static let divisionByZeroFlag = "division_by_zero"

    /// Eurostat's flag for a break in a time series, set on a value computed from one input read
    /// from different dataflows in different periods.
    public static let seriesBreakFlag = "b"

    /// Creates a present value.
    ///
    /// - Parameters:
    ///   - number: The number. `NaN` and infinities give a missing value instead, since they are
    ///     not quantities.
    ///   - flags: Status flags, such as `e` (estimated) or `p` (provisional).
    public init(_ number: Double, flags: Set<String> = []) {
        if number.isFinite {
            self.number = number
            self.missingReason = nil
        } else {
            self.number = nil
            self.missingReason = number.isNaN ? "not a number" : "not a finite number"
        }
        self.flags = flags
    }

    /// Creates a missing value.
    ///
    /// - Parameters:
    ///   - reason: Why the value is missing, for people: "no observation for 2021", "confidential".
    ///   - flags: Status flags, such as `c` (confidential).
    public static func missing(_ reason: String, flags: Set<String> = []) -> FormulaValue {
        FormulaValue(number: nil, missingReason: reason, flags: flags)
    }

    /// Whether the value is missing.
    public var isMissing: Bool { number == nil }

    /// The number, or `missing (reason)`, followed by the sorted flags in brackets when there are any.
    public var description: String {
        var text: String
        if let number {
            text = formatFormulaNumber(number)
        } else {
            text = "missing (\(missingReason ?? "no reason given"))"
        }
        if !flags.isEmpty {
            text += " [" + flags.sorted().joined(separator: ", ") + "]"
        }
        return text
    }

    private init(number: Double?, missingReason: String?, flags: Set<String>) {
        self.number = number
        self.missingReason = missingReason
        self.flags = flags
    }
}

/// A number as people write it: whole numbers without a trailing `.0`.
func formatFormulaNumber(_ number: Double) -> String {
    if number == number.rounded(), abs(number) < 1e15 {
        return String(Int64(number))
    }
    return String(number)
}
