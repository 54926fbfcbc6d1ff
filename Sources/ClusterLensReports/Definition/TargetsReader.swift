package import ClusterLensCore
public import ClusterLensIndicators
package import ClusterLensScoring
package import Yams

/// Reads `targets:` — a list of `{indicator: ID, value: 42.5, year: 2030, base: 2015}`; without
/// `value` and `year` the indicator's trend is assessed without a target.
///
/// Keys: `indicator` (required), `value` and `year` (together or not at all; year 1900…2200),
/// `base` (the base year, before `year`), `direction` (`higher` or `lower`, overriding the indicator's
/// direction). Errors carry the file, line and column of the offending node.
///
/// ```yaml
/// targets:
///   - {indicator: renewable_energy_share, value: 42.5, year: 2030, base: 2015}
///   - {indicator: employment_rate, value: 78, year: 2030}
///   - {indicator: ghg_intensity, value: 90, year: 2030, direction: lower}
///   - {indicator: ghg_intensity}            # trend only
/// ```
public struct TargetsReader: YAMLReader {
    /// The file, as errors name it.
    public let file: String
    /// The code of the errors it throws.
    public let errorCode: IndicatorsError.Code

    /// Creates a reader for `file`.
    ///
    /// - Parameters:
    ///   - file: The file, as errors name it.
    ///   - errorCode: The code of the errors it throws; ``IndicatorsError/Code/targets`` by default.
    public init(file: String, errorCode: IndicatorsError.Code = .targets) {
        self.file = file
        self.errorCode = errorCode
    }

    /// The targets of the list node.
    ///
    /// - Throws: ``IndicatorsError`` at the line and column of a bad entry.
    package func targets(in node: Node) throws(IndicatorsError) -> [IndicatorTarget] {
        try locatedTargets(in: node).map(\.target)
    }

    /// The targets of the list node, each with the place of its `indicator:` value (for the errors the
    /// report raises when it names an indicator the report does not compute).
    ///
    /// - Throws: ``IndicatorsError`` at the line and column of a bad entry.
    package func locatedTargets(in node: Node) throws(IndicatorsError) -> [(
        target: IndicatorTarget, location: InputLocation
    )] {
        let field = YAMLField(name: "targets", key: nil, value: node)
        var result: [(target: IndicatorTarget, location: InputLocation)] = []
        for item in try items(field, expected: "targets", example: "{indicator: ID, value: 42.5, year: 2030}") {
            guard case .mapping(let mapping) = item else {
                throw error("a target is a mapping such as {indicator: ID, value: 42.5, year: 2030}", item)
            }
            let fields = try keyedValues(
                of: mapping, allowed: ["indicator", "value", "year", "base", "direction"], in: "of a target")
            guard let indicatorField = fields["indicator"] else { throw error("a target needs `indicator:`", item) }
            let indicator = try text(indicatorField, expected: "an indicator id")
            var target: ProgressAssessment.Target?
            switch (fields["value"], fields["year"]) {
            case (let value?, let year?):
                let valueText = try text(value, expected: "a number")
                guard let number = Double(valueText), number.isFinite else {
                    throw error("value must be a number, not \"\(valueText)\"", value.value)
                }
                target = ProgressAssessment.Target(value: number, year: try self.year(year, example: "2030"))
            case (nil, nil):
                target = nil
            case (let value?, nil):
                throw error("a target value needs a `year:`", value.key ?? value.value)
            case (nil, let year?):
                throw error("a target year needs a `value:`", year.key ?? year.value)
            }
            let base = try fields["base"].map { field throws(IndicatorsError) in try self.year(field, example: "2030") }
            if let base, let target, base >= target.year {
                throw error("base \(base) is not before the target year \(target.year)", fields["base"]?.value ?? item)
            }
            var direction: Direction?
            if let field = fields["direction"] {
                let text = try text(field, expected: "higher or lower")
                guard let parsed = Direction(rawValue: text), parsed != .none else {
                    throw error("direction must be higher or lower, not \"\(text)\"", field.value)
                }
                direction = parsed
            }
            let place = InputLocation(
                file: file, line: indicatorField.value.mark?.line ?? 0, column: indicatorField.value.mark?.column ?? 0)
            result.append(
                (IndicatorTarget(indicator: indicator, target: target, baseYear: base, direction: direction), place))
        }
        return result
    }

}
