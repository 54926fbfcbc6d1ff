extension FormulaValue {
    /// The reason of a missing value, with a fallback that never shows in practice.
    var reasonForMissing: String { missingReason ?? "missing value" }

    /// A result: `number`, or missing with `reason` when it is not finite (overflow, `NaN`).
    static func finite(_ number: Double, otherwise reason: @autoclosure () -> String) -> FormulaValue {
        number.isFinite ? FormulaValue(number) : .missing(reason())
    }

    /// Applies `operation` to the number of a present value; a missing value stays as it is.
    /// The result keeps this value's flags.
    func mapping(_ operation: (Double) -> FormulaValue) -> FormulaValue {
        guard let number else { return self }
        var result = operation(number)
        result.flags.formUnion(flags)
        return result
    }

    /// Applies `operation` to the numbers of two values.
    ///
    /// The result carries the flags of both; it is missing, with the left reason first, when either is.
    static func combining(
        _ left: FormulaValue, _ right: FormulaValue, _ operation: (Double, Double) -> FormulaValue
    ) -> FormulaValue {
        combining([left, right]) { numbers in operation(numbers[0], numbers[1]) }
    }

    /// Applies `operation` to the numbers of several values.
    ///
    /// The result carries the flags of all; it is missing, with the first reason, when any is.
    static func combining(_ values: [FormulaValue], _ operation: ([Double]) -> FormulaValue) -> FormulaValue {
        var flags: Set<String> = []
        var numbers: [Double] = []
        numbers.reserveCapacity(values.count)
        var firstMissing: FormulaValue?
        for value in values {
            flags.formUnion(value.flags)
            if let number = value.number {
                numbers.append(number)
            } else if firstMissing == nil {
                firstMissing = value
            }
        }
        if let firstMissing {
            return .missing(firstMissing.reasonForMissing, flags: flags)
        }
        var result = operation(numbers)
        result.flags.formUnion(flags)
        return result
    }
}
